import Diagrams
import Foundation
import Plotting

/// One kind of experiment: the computation an experiment file names with `kind = "…"` (by
/// default its own file name). It lives in one folder, `Sources/Lab/Experiments/<Name>/`, and
/// composes the libraries' primitives: typed settings in, a typed result out, figures drawn
/// from the result. Nothing below the lab knows an experiment exists.
public protocol ExperimentKind: Sendable {
    associatedtype Settings: ExperimentSettings
    associatedtype Result: Codable & Sendable
    /// The kind's name, a slug: `kind = "NAME"` in a file, and the shipped file's name.
    static var name: String { get }
    /// Roughly how long the default configuration takes on 2 cores (for `rnnlab list`).
    static var roughSeconds: Double { get }
    /// The computation: no files, no figures, just numbers.
    static func run(_ settings: Settings, context: RunContext) throws -> Result
    /// The figures that show the result (values; the runner draws them).
    static func figures(_ result: Result, settings: Settings) -> [Figure]
    /// Other files for the output folder (`samples.md`, a saved model), by plain file name.
    static func files(_ result: Result, settings: Settings) throws -> [String: Data]
    /// Pictures drawn as SVG beside the figures (`unrolled.svg`), by plain file name; values, so
    /// the runner can translate their text (`--lang ko`) before it writes them.
    static func diagrams(_ result: Result, settings: Settings) -> [String: Diagram]
    /// Files the computation reads (a corpus), hashed into the run's fingerprint.
    static func inputs(_ settings: Settings, root: URL) -> [URL]
    /// Checks what the settings point at, before anything is computed: a value the file's
    /// checks accept but whose target will not do (a corpus file that is missing or too short
    /// for the sizes). Throws `SettingError`; `rnnlab run` reports it as a bad file (exit 2).
    static func check(_ settings: Settings, root: URL) throws
    /// Where the experiment defines success, whether each part of a run succeeded, by a key a
    /// sweep counts over seeds (the adding problem: `irnn.100` is true when the IRNN's test MSE at
    /// T = 100 ended below 10 % of the constant predictor's). Default: none.
    static func successes(_ result: Result) -> [String: Bool]
    /// The aggregate figures of a sweep over seeds, drawn from its points' typed results (in the
    /// summary's point order, each with its seed when the seed varies). Default: none, and the
    /// generic sweep figure (`SweepFigures`) is drawn instead.
    static func sweepFigures(_ runs: [SweepRun<Result>], summary: SweepSummary) -> [Figure]
}

/// One point of a sweep as `ExperimentKind.sweepFigures` sees it: its typed result, its settings
/// (`key=value`) and its seed when the sweep varies one.
public struct SweepRun<R: Sendable>: Sendable {
    public var result: R
    public var settings: [String]
    public var seed: Int?
}

extension ExperimentKind {
    public static func files(_ result: Result, settings: Settings) throws -> [String: Data] { [:] }
    public static func diagrams(_ result: Result, settings: Settings) -> [String: Diagram] { [:] }
    public static func inputs(_ settings: Settings, root: URL) -> [URL] { [] }
    public static func check(_ settings: Settings, root: URL) throws {}
    public static func successes(_ result: Result) -> [String: Bool] { [:] }
    public static func sweepFigures(_ runs: [SweepRun<Result>], summary: SweepSummary) -> [Figure] { [] }

    /// What the runner writes for a result: its figures, its `results` and its other files.
    public static func output(_ result: Result, settings: Settings) throws -> ExperimentOutput {
        ExperimentOutput(figures: figures(result, settings: settings), results: try json(result),
                         files: try files(result, settings: settings), diagrams: diagrams(result, settings: settings))
    }

    /// The result as the manifest's `results`: the encoded `Result`, keys as its `CodingKeys` say.
    /// A non-finite number (a run pushed past Double's range) is written as null, as the
    /// manifest writes every non-finite number, rather than failing the run.
    public static func json(_ result: Result) throws -> JSONValue {
        let marker = "\u{1}rnnlab-non-finite"
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: marker, negativeInfinity: marker, nan: marker)
        func clean(_ v: JSONValue) -> JSONValue {
            switch v {
            case .string(marker): return .null
            case .array(let a): return .array(a.map(clean))
            case .object(let o): return .object(o.mapValues(clean))
            default: return v
            }
        }
        return clean(try JSONDecoder().decode(JSONValue.self, from: encoder.encode(result)))
    }
}

/// A setting the file's checks accept but whose target will not do, found by
/// `ExperimentKind.check` before anything is computed: `corpus.path` names a FIFO, a text too
/// short for the sizes. `key` is the dotted key below `[parameters]`.
public struct SettingError: Error, CustomStringConvertible, Sendable {
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "\(key): \(message)" }
}

/// An experiment kind as the runner holds it: its name, the schema its files are checked
/// against (from its `Settings`), and the computation on a checked file.
public struct Experiment: Sendable {
    public let schema: ExperimentSchema
    public let roughSeconds: Double
    public let compute: @Sendable (ExperimentFile, RunContext) throws -> ExperimentOutput
    /// `ExperimentKind.check` on the file's settings, relative paths resolved against the given
    /// root; throws `ExperimentFileError` naming the file and the key.
    public let check: @Sendable (ExperimentFile, URL) throws -> Void
    /// What produced a run of `file` in the checkout at the given root (nil outside a checkout).
    public let fingerprint: @Sendable (ExperimentFile, URL) -> Fingerprint?
    /// The file's typed settings, encoded: what the manifest records as the configuration.
    public let settingsJSON: @Sendable (ExperimentFile) -> JSONValue?
    /// `ExperimentKind.successes` of a run's manifest `results` (empty when they do not decode).
    public let successes: @Sendable (JSONValue) -> [String: Bool]
    /// A sweep's aggregate figures: the kind's own (`ExperimentKind.sweepFigures`), else the generic ones.
    public let sweepFigures: @Sendable (SweepSummary) -> [Figure]

    public init<K: ExperimentKind>(_ kind: K.Type) {
        self.schema = K.Settings.schema(name: K.name)
        self.roughSeconds = K.roughSeconds
        self.compute = { file, context in
            let settings: K.Settings = file.settings()
            return try K.output(K.run(settings, context: context), settings: settings)
        }
        self.check = { file, root in
            do { try K.check(file.settings(), root: root) } catch let e as SettingError {
                // A value from --set is named as the user gave it; one from the file by its key.
                let override = file.parameters.source(of: e.key) == .set ? file.overrides[e.key].map { "\(e.key)=\($0.literal)" } : nil
                throw ExperimentFileError(file: file.path, override: override, keyPath: "parameters." + e.key, message: e.message)
            }
        }
        self.settingsJSON = { file in (file.settings() as K.Settings).json }
        self.successes = { results in
            guard let data = try? JSONEncoder().encode(results),
                  let result = try? JSONDecoder().decode(K.Result.self, from: data) else { return [:] }
            return K.successes(result)
        }
        self.sweepFigures = { summary in
            let runs: [SweepRun<K.Result>] = summary.points.compactMap { point in
                guard let data = try? JSONEncoder().encode(point.results),
                      let result = try? JSONDecoder().decode(K.Result.self, from: data) else { return nil }
                let seed = point.point.overrides.first { $0.hasPrefix("seed=") }.flatMap { Int($0.dropFirst(5)) }
                return SweepRun(result: result, settings: point.point.overrides, seed: seed)
            }
            let own = runs.count == summary.points.count ? K.sweepFigures(runs, summary: summary) : []
            return own.isEmpty ? summary.figures : own
        }
        self.fingerprint = { file, root in
            let settings: K.Settings = file.settings()
            return Fingerprint.of(kind: K.name, folder: "\(K.self)", settings: settings.json,
                                  inputs: K.inputs(settings, root: root), root: root)
        }
    }

    public var name: String { schema.name }
}

/// What an experiment hands back: its figures (values; the runner draws them), the
/// headline numbers its description promises, stored as `results` in the manifest, and any
/// other files for the output folder (`samples.md`, a saved model), by plain file name.
public struct ExperimentOutput: Sendable {
    public var figures: [Figure]
    public var results: JSONValue
    /// File name (no `/`) → bytes; each is written atomically beside the figures.
    public var files: [String: Data]
    /// File name (`NAME.svg`) → picture, drawn as SVG beside the figures.
    public var diagrams: [String: Diagram]

    public init(figures: [Figure], results: JSONValue, files: [String: Data] = [:], diagrams: [String: Diagram] = [:]) {
        self.figures = figures
        self.results = results
        self.files = files
        self.diagrams = diagrams
    }
}

/// Progress reporting and cancellation for a running experiment.
public final class RunContext: Sendable {
    public let experiment: String
    /// The lab's root (the folder holding `experiments/`): relative paths in a file resolve against it.
    public let root: URL
    private let report: @Sendable (String) -> Void
    private let cancelled: @Sendable () -> Bool

    public init(experiment: String, root: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                report: @escaping @Sendable (String) -> Void = { _ in },
                cancelled: @escaping @Sendable () -> Bool = { false }) {
        self.experiment = experiment
        self.root = root
        self.report = report
        self.cancelled = cancelled
    }

    /// A short note of where the computation is ("g = 1.5, seed 3/10").
    public func progress(_ note: String) { report(note) }

    /// Throws `RunCancelled` once Ctrl-C was pressed; long loops call it between steps.
    public func checkCancelled() throws { if cancelled() { throw RunCancelled() } }
}

public struct RunCancelled: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted" }
}
