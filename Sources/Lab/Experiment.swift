import Foundation
import Plotting

/// An experiment the lab knows: the schema its file is checked against, what it computes,
/// and roughly how long its default configuration takes on 2 cores (for `rnnlab list`).
public struct Experiment: Sendable {
    public let schema: ExperimentSchema
    public let roughSeconds: Double
    public let compute: @Sendable (ExperimentFile, RunContext) throws -> ExperimentOutput

    public init(schema: ExperimentSchema, roughSeconds: Double,
                compute: @escaping @Sendable (ExperimentFile, RunContext) throws -> ExperimentOutput) {
        self.schema = schema
        self.roughSeconds = roughSeconds
        self.compute = compute
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

    public init(figures: [Figure], results: JSONValue, files: [String: Data] = [:]) {
        self.figures = figures
        self.results = results
        self.files = files
    }
}

/// Progress reporting and cancellation for a running experiment.
public final class RunContext: @unchecked Sendable {
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
