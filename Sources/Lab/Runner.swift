import Foundation
import LinearAlgebra
import Plotting

/// Where the lab reads experiment files and writes figures.
public struct LabPaths: Sendable {
    public var root: URL
    public var experiments: URL
    public var plots: URL

    public init(root: URL, experiments: URL? = nil, plots: URL? = nil) {
        self.root = root
        self.experiments = experiments ?? root.appendingPathComponent("experiments")
        self.plots = plots ?? root.appendingPathComponent("plots")
    }

    /// The folder holding `experiments/`: the working directory or one of its parents.
    public static func discover(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> LabPaths {
        var dir = start.standardizedFileURL
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("experiments").path, isDirectory: &isDir), isDir.boolValue {
                return LabPaths(root: dir)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return LabPaths(root: start) }
            dir = parent
        }
    }
}

public struct RunOptions: Sendable {
    public var overrides: [String] = []
    public var quick = false
    public var formats: [OutputFormat] = [.png]
    public var show = false
    public var jobs = 1
    /// Where figures go; default `plots/` (and `plots/quick/` with `--quick`, which git ignores,
    /// so a quick run never replaces the committed figures).
    public var output: URL?
    /// Folders holding earlier runs (`FOLDER/NAME/manifest.json`) that may stand in for this one:
    /// a run whose fingerprint, --quick and --set equal this run's, with every figure drawn in
    /// every format asked, is copied (or, in the output folder itself, kept) instead of computed.
    /// `rnnlab run` takes them from `RNNLAB_REUSE_RUNS`; the test suite and `rnnlab notebook check`
    /// set it so that each run is computed once per test run.
    public var reuse: [URL] = []
    /// The run's folder name inside the output folder; default the experiment's name (a sweep
    /// names each point's folder by its settings).
    public var folderName: String?
    /// The language of the figures' and diagrams' text (`--lang`, or `lang` in the file); the
    /// numbers are the same in every language. A Korean run goes to `ko/` inside the output
    /// folder (`plots/ko/NAME/`), so it never replaces the English figures.
    /// nil: the file's `lang`, else English.
    public var language: Language?
    public init() {}
}

/// How one experiment's run ended; the exit status of `rnnlab run` follows the worst one.
public enum RunStatus: Sendable, Equatable {
    case ok
    case badFile(String)
    case computeFailed(String)
    case figureFailed(String)
    case figuresMissing(String)
    case cancelled

    /// 0 success, 1 computation failed, 2 bad experiment file (or a file its settings name, such
    /// as a corpus, found unusable before computing), 3 a figure failed,
    /// 4 gnuplot missing (data and scripts kept), 130 interrupted.
    public var exitCode: Int32 {
        switch self {
        case .ok: return 0
        case .computeFailed: return 1
        case .badFile: return 2
        case .figureFailed: return 3
        case .figuresMissing: return 4
        case .cancelled: return 130
        }
    }
}

public struct RunReport: Sendable {
    public var name: String
    public var status: RunStatus
    public var folder: URL?
    public var files: [URL] = []
    public var seconds: Double = 0
}

/// Runs named experiments: validate every file first (nothing is written for a bad one),
/// compute, draw each figure, and record a manifest of what ran.
public final class Runner: @unchecked Sendable {  // its vars are set up before `run`; during runs it is only read
    public let paths: LabPaths
    public let registry: [String: Experiment]
    public var plotter: Plotter
    /// Status lines (progress, notes) go here; errors are returned in reports.
    public var log: @Sendable (String) -> Void
    /// True on a terminal: progress rewrites one line instead of printing many.
    public var interactive: Bool
    /// Off a terminal, also pass an experiment's progress notes ("iteration 250 of 1000") to `log`,
    /// at most one a second (the lab server streams them to the page).
    public var logsNotes = false
    private let cancelFlag = CancelFlag()
    private let order: [String]

    public init(paths: LabPaths, experiments: [Experiment] = Catalogue.experiments, plotter: Plotter = Plotter(),
                log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
                interactive: Bool = isatty(2) != 0) {
        self.paths = paths
        self.registry = Dictionary(uniqueKeysWithValues: experiments.map { ($0.name, $0) })
        self.order = experiments.map(\.name)
        self.plotter = plotter
        self.log = log
        self.interactive = interactive
    }

    /// Stops running computations at their next check (Ctrl-C).
    public func cancel() { cancelFlag.set() }
    public var isCancelled: Bool { cancelFlag.isSet }

    /// Experiment names with a file in `experiments/`: the lab's own in lecture order, then others by name.
    public func availableNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: paths.experiments.path)) ?? []
        let names = Set(files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) })
        let ordered = order.filter(names.contains)
        return ordered + names.subtracting(ordered).sorted()
    }

    public func fileURL(_ name: String) -> URL { paths.experiments.appendingPathComponent(name + ".toml") }

    /// Loads and validates `experiments/NAME.toml` with the overrides applied.
    public func load(_ name: String, overrides: [String] = [], quick: Bool = false) throws -> (Experiment, ExperimentFile) {
        guard isExperimentName(name) else {
            throw ExperimentFileError(file: name, message: "not an experiment name: a name is a file experiments/NAME.toml, "
                + "NAME made of a–z, 0–9 and '-' (see `rnnlab list`)")
        }
        let url = fileURL(name)
        let shown = relativePath(url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = availableNames()
            let hint = known.min(by: { levenshtein($0, name) < levenshtein($1, name) })
                .flatMap { levenshtein($0, name) <= max(2, name.count / 3) ? "did you mean '\($0)'? " : nil } ?? ""
            throw ExperimentFileError(file: shown, message: "no such experiment file; \(hint)known: \(known.joined(separator: ", "))")
        }
        let file = try loadExperiment(at: URL(fileURLWithPath: shown, relativeTo: paths.root),
                                      registry: registry.mapValues(\.schema), overrides: overrides, quick: quick)
        return (registry[file.kind]!, file)
    }

    /// Runs the experiments in order (or `jobs` at a time) and returns one report each.
    public func run(_ names: [String], options: RunOptions) -> [RunReport] {
        // Validate every file, and what its settings point at (a corpus), before computing anything.
        var loaded: [(Experiment, ExperimentFile)] = []
        var reports: [RunReport] = []
        for name in names {
            do {
                let (experiment, file) = try load(name, overrides: options.overrides, quick: options.quick)
                try experiment.check(file, paths.root)
                loaded.append((experiment, file))
            } catch { reports.append(RunReport(name: name, status: .badFile("\(error)"))) }
        }
        if !reports.isEmpty { return reports }
        // The output folder is checked (and made) before anything is computed: a bad --output
        // is a bad option, reported at once with its real cause.
        let base = outputFolder(options)
        do { try Self.makeFolder(base) } catch {
            return loaded.map { RunReport(name: $0.1.name, status: .badFile("--output \(relativePath(base)): \(error)")) }
        }
        let jobs = max(1, min(options.jobs, loaded.count))
        let progress = Progress(total: loaded.count, interactive: interactive, logsNotes: logsNotes, log: log)
        let results = ReportSlots(count: loaded.count)
        if jobs == 1 {
            for (i, item) in loaded.enumerated() {
                results[i] = runOne(item.0, item.1, index: i, options: options, progress: progress)
                if isCancelled { break }
            }
        } else {
            // Longest first, by the time each committed run took (from its manifest).
            let work = loaded
            let queue = WorkQueue(order: largestFirst(work.map { measuredSeconds(of: $0.1.name) }))
            BLASThreads.forConcurrentRuns {
                onWorkerThreads(jobs) { _ in
                    while let i = queue.next() {
                        results[i] = self.runOne(work[i].0, work[i].1, index: i, options: options, progress: progress)
                    }
                }
            }
        }
        progress.finish()
        return loaded.indices.map { i in results[i] ?? RunReport(name: loaded[i].1.name, status: .cancelled) }
    }

    /// Runs the kind `K` of `experiments/NAME.toml` as `run` does — the file checked, the result
    /// computed, drawn and installed as its folder with a manifest — and also hands back the typed
    /// result, which holds more than the manifest's `results` (the test suite reads its claims
    /// from it). Never reuses an earlier run: the typed result exists only when computed.
    public func runCapturing<K: ExperimentKind>(_ kind: K.Type, name: String = K.name,
                                                options: RunOptions) throws -> (result: K.Result, report: RunReport) {
        let (experiment, file) = try load(name, overrides: options.overrides, quick: options.quick)
        guard file.kind == K.name else {
            throw ExperimentFileError(file: file.path, message: "is of kind '\(file.kind)', not '\(K.name)'")
        }
        try experiment.check(file, paths.root)
        let base = outputFolder(options)
        try Self.makeFolder(base)
        var options = options
        options.reuse = []
        var captured: K.Result?
        let report = runOne(experiment, file, index: 0, options: options,
                            progress: Progress(total: 1, interactive: false, logsNotes: logsNotes, log: log)) { context in
            let settings: K.Settings = file.settings()
            let result = try K.run(settings, context: context)
            captured = result
            return try K.output(result, settings: settings)
        }
        guard let result = captured else { throw RunFailure(report: report) }
        return (result, report)
    }

    /// A run that ended before its computation finished (`runCapturing`).
    public struct RunFailure: Error, CustomStringConvertible {
        public let report: RunReport
        public init(report: RunReport) { self.report = report }
        public var description: String { "\(report.name): \(report.status)" }
    }

    private func runOne(_ experiment: Experiment, _ file: ExperimentFile, index: Int, options: RunOptions,
                        progress: Progress, compute: ((RunContext) throws -> ExperimentOutput)? = nil) -> RunReport {
        var options = options
        options.language = options.language ?? file.language ?? .english
        let name = file.name
        let started = Date()
        if isCancelled { return RunReport(name: name, status: .cancelled) }
        progress.begin(index: index, name: name)
        let base = outputFolder(options)
        let folderName = options.folderName ?? name
        let folder = base.appendingPathComponent(folderName)
        do { try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true) }
        catch { return RunReport(name: name, status: .computeFailed("cannot create \(relativePath(base)): \(error.localizedDescription)")) }
        // One run at a time per output folder: a second run of the same name waits for the lock.
        // A run that may reuse an earlier one takes it before computing, so two such runs of the
        // same settings compute once; otherwise it is taken only to write.
        var lock: FolderLock?
        func takeLock() throws -> FolderLock {
            try FolderLock(base.appendingPathComponent(".\(folderName).lock"), waiting: { [log] in
                log("\(name): another rnnlab run is writing \(self.relativePath(folder)); waiting for it") })
        }
        defer { lock?.release() }
        let translating = options.language! != .english && compute == nil   // runCapturing computes
        if !options.reuse.isEmpty || translating, let fingerprint = experiment.fingerprint(file, paths.root) {
            do { lock = try takeLock() } catch { return RunReport(name: name, status: .computeFailed("\(error)")) }
            if let earlier = reusableRun(of: file, fingerprint: fingerprint.hash, options: options) {
                return reuse(earlier, as: folder, name: name, base: base, index: index, started: started, progress: progress)
            }
            if translating, let english = translatableRun(of: file, fingerprint: fingerprint.hash, options: options) {
                return translate(english, as: folder, name: name, kind: experiment.name, options: options, base: base,
                                 index: index, started: started, progress: progress)
            }
        }
        let context = RunContext(experiment: name, root: paths.root, report: { progress.note(name: name, $0) },
                                 cancelled: { [cancelFlag] in cancelFlag.isSet })
        let output: ExperimentOutput
        let t0 = Date()
        do { output = try compute.map { try $0(context) } ?? experiment.compute(file, context) }
        catch is RunCancelled { return RunReport(name: name, status: .cancelled) }
        catch { return RunReport(name: name, status: .computeFailed("\(file.path): \(error)")) }
        let computeSeconds = Date().timeIntervalSince(t0)
        if isCancelled { return RunReport(name: name, status: .cancelled) }

        if lock == nil {
            do { lock = try takeLock() } catch { return RunReport(name: name, status: .computeFailed("\(error)")) }
        }
        // Everything is written into a staging folder beside the target, which replaces the target
        // in one rename at the end: the old folder survives a failed or interrupted run untouched.
        FolderLock.removeStaleStaging(of: folderName, in: base)
        let staging = base.appendingPathComponent(".\(folderName).staging-\(getpid())")
        var report = RunReport(name: name, status: .ok, folder: folder)
        let t1 = Date()
        do { try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false) }
        catch { return RunReport(name: name, status: .computeFailed("cannot create \(relativePath(staging)): \(error.localizedDescription)")) }
        var notDrawn: [String: JSONValue] = [:]
        let translate = Localization.translator(for: experiment.name, language: options.language!)
        for figure in output.figures {
            if isCancelled { report.status = .cancelled; break }
            progress.note(name: name, "drawing \(figure.name)")
            do { report.files += try plotter.write(figure.mapTexts(translate), to: staging, formats: options.formats, show: options.show) }
            catch let e as PlotError {
                if case .stopped = e { report.status = .cancelled; break }
                notDrawn[figure.name] = .string("\(e)")
                if case .gnuplotNotFound = e {
                    if case .ok = report.status { report.status = .figuresMissing("\(e)") }
                    // keep going: every figure's data and script are still written
                } else if case .ok = report.status { report.status = .figureFailed("\(e)") }
            } catch {
                notDrawn[figure.name] = .string("\(error)")
                if case .ok = report.status { report.status = .figureFailed("\(name)/\(figure.name): \(error)") }
            }
        }
        var files = output.files
        for (file, diagram) in output.diagrams { files[file] = Data(diagram.mapTexts(translate).svg.utf8) }
        for (file, data) in files.sorted(by: { $0.key < $1.key }) where report.status != .cancelled {
            guard !file.isEmpty, !file.contains("/"), !file.hasPrefix(".") else {
                if case .ok = report.status { report.status = .computeFailed("\(name): output file name '\(file)' must be plain") }
                continue
            }
            let url = staging.appendingPathComponent(file)
            do { try Plotter.writeAtomically(data, to: url); report.files.append(url) }
            catch { if case .ok = report.status { report.status = .computeFailed("cannot write \(relativePath(folder))/\(file): \(error)") } }
        }
        let figureSeconds = Date().timeIntervalSince(t1)
        switch report.status {
        case .cancelled, .computeFailed, .badFile:
            try? FileManager.default.removeItem(at: staging)
            return report
        default: break
        }
        var manifest = Manifest.make(file: file, settings: experiment.settingsJSON(file), output: output, figures: output.figures.map(\.name),
                                     fingerprint: experiment.fingerprint(file, paths.root),
                                     timings: ["compute": computeSeconds, "figures": figureSeconds],
                                     root: paths.root, gnuplotVersion: plotter.gnuplotVersion())
        if !notDrawn.isEmpty, case .object(var members) = manifest {
            members["figures_not_drawn"] = .object(notDrawn)
            manifest = .object(members)
        }
        if let language = options.language, language != .english, case .object(var members) = manifest {
            members["language"] = .string(language.rawValue)
            manifest = .object(members)
        }
        do {
            let url = staging.appendingPathComponent("manifest.json")
            try Plotter.writeAtomically(Data((manifest.text() + "\n").utf8), to: url)
            report.files.append(url)
            try FolderLock.install(staging, as: folder)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            return RunReport(name: name, status: .computeFailed("cannot write \(relativePath(folder)): \(error)"))
        }
        report.files = report.files.map { folder.appendingPathComponent($0.lastPathComponent) }
        // Messages written while drawing name the staging folder, which is now the run's folder.
        if case .figureFailed(let m) = report.status {
            report.status = .figureFailed(m.replacingOccurrences(of: staging.path, with: relativePath(folder)))
        }
        report.seconds = Date().timeIntervalSince(started)
        progress.end(index: index, name: name, seconds: report.seconds, status: report.status)
        return report
    }

    /// Where a run with `options` writes its folder: --output, else plots/ (plots/quick/ with --quick).
    /// A run in another language goes to `ko/` inside the default folder (`plots/ko/`,
    /// `plots/quick/ko/`); --output is taken as given.
    public func outputFolder(_ options: RunOptions) -> URL {
        if let output = options.output { return output }
        let base = options.quick ? paths.plots.appendingPathComponent("quick") : paths.plots
        let language = options.language ?? .english
        return language == .english ? base : base.appendingPathComponent(language.rawValue)
    }

    /// True when the run's own folder holds the manifest of the run these options would make
    /// (same fingerprint, --quick, --set and language), whether or not its figures are there: a
    /// sweep's aggregate reads only the manifests (git keeps only those of a committed sweep).
    public func hasFinishedRun(_ name: String, options: RunOptions) -> Bool {
        guard let (experiment, file) = try? load(name, overrides: options.overrides, quick: options.quick),
              let fingerprint = experiment.fingerprint(file, paths.root) else { return false }
        let folder = outputFolder(options).appendingPathComponent(options.folderName ?? file.name)
        return finishedRun(in: folder, of: file, fingerprint: fingerprint.hash, language: options.language ?? .english) != nil
    }

    /// True when the run's own folder already holds the identical run (see `reusableRun`).
    public func hasIdenticalRun(_ name: String, options: RunOptions) -> Bool {
        guard let (experiment, file) = try? load(name, overrides: options.overrides, quick: options.quick),
              let fingerprint = experiment.fingerprint(file, paths.root) else { return false }
        var own = options
        own.reuse = [outputFolder(options)]
        return reusableRun(of: file, fingerprint: fingerprint.hash, options: own) != nil
    }

    /// The figure names of the finished run in `folder` when it is the one `file` would make:
    /// the same fingerprint (kind, settings, sources, inputs), the same --quick and --set, drawn
    /// in `language`, with no figure left undrawn; nil otherwise.
    func finishedRun(in folder: URL, of file: ExperimentFile, fingerprint: String, language: Language) -> [JSONValue]? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONDecoder().decode(JSONValue.self, from: data),
              manifest["fingerprint"] == .string(fingerprint),
              manifest["quick"] == .bool(!file.quickOverrides.isEmpty),
              manifest["overrides"] == .object(file.overrides.mapValues(\.json)),
              manifest["figures_not_drawn"] == nil,
              (manifest["language"] ?? .string(Language.english.rawValue)) == .string(language.rawValue),
              case .array(let figures)? = manifest["figures"] else { return nil }
        return figures
    }

    /// The first folder among `options.reuse` holding a finished run that this one would repeat:
    /// the same fingerprint (kind, settings, sources, inputs), the same --quick and --set, no
    /// figure left undrawn, and every figure present in every format asked.
    func reusableRun(of file: ExperimentFile, fingerprint: String, options: RunOptions) -> URL? {
        for dir in options.reuse {
            let folder = dir.appendingPathComponent(options.folderName ?? file.name)
            guard let figures = finishedRun(in: folder, of: file, fingerprint: fingerprint, language: options.language ?? .english)
            else { continue }
            let drawn = figures.allSatisfy { figure in
                guard case .string(let figureName) = figure else { return false }
                return options.formats.allSatisfy { format in
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(figureName).\(format.fileExtension)").path)
                }
            }
            if drawn { return folder }
        }
        return nil
    }

    /// True when a run folder's files include a diagram: an SVG that is not one of `figures`
    /// drawn as SVG. A diagram keeps no model, so it cannot be drawn again in another language.
    static func holdsDiagrams(_ entries: [String], figures: Set<String>) -> Bool {
        entries.contains { $0.hasSuffix(".svg") && !figures.contains(String($0.dropLast(4))) }
    }

    /// For a run in another language: the folder of the identical English run (the default
    /// output folder's, or one among `options.reuse`) whose figures can be drawn again in that
    /// language from their saved models: same fingerprint, --quick and --set, every figure's
    /// model saved, and no diagram among its files (a diagram keeps no model, so that kind is
    /// computed again, which for the diagram experiments takes under a second).
    func translatableRun(of file: ExperimentFile, fingerprint: String, options: RunOptions) -> URL? {
        var english = options
        english.language = .english
        let candidates = (options.output == nil ? [outputFolder(english)] : []) + options.reuse
        for dir in candidates {
            let folder = dir.appendingPathComponent(options.folderName ?? file.name)
            guard let figures = finishedRun(in: folder, of: file, fingerprint: fingerprint, language: .english) else { continue }
            let names = figures.compactMap { if case .string(let n) = $0 { return n } else { return nil } }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let modelsSaved = names.count == figures.count
                && names.allSatisfy { entries.contains(SavedFigure.fileName($0)) }
            if modelsSaved && !Self.holdsDiagrams(entries, figures: Set(names)) { return folder }
        }
        return nil
    }

    /// `rnnlab plot NAME --lang ko`: draws the saved English run `plots/NAME` (or
    /// `plots/quick/NAME`) again in `options.language` into `plots/ko/NAME`, without recomputing
    /// and without comparing fingerprints (a redraw draws what was saved). A run with diagrams
    /// is refused (they keep no model): `rnnlab run NAME --lang ko` draws those.
    public func drawAgain(_ name: String, options: RunOptions) -> RunReport {
        var english = options
        english.language = .english
        let source = outputFolder(english).appendingPathComponent(name)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
        guard entries.contains("manifest.json") else {
            return RunReport(name: name, status: .badFile("\(name): no saved run in \(relativePath(source)); run `rnnlab run \(name)\(options.quick ? " --quick" : "")` first"))
        }
        let figures = Set(entries.filter { $0.hasSuffix(".figure.json") }.map { String($0.dropLast(".figure.json".count)) })
        if Self.holdsDiagrams(entries, figures: figures) {
            return RunReport(name: name, status: .badFile("\(name): its diagrams keep no model to translate; `rnnlab run \(name) --lang \((options.language ?? .english).rawValue)` draws them (in under a second)"))
        }
        let base = outputFolder(options)
        do { try Self.makeFolder(base) } catch { return RunReport(name: name, status: .computeFailed("\(error)")) }
        let lock: FolderLock
        do {
            lock = try FolderLock(base.appendingPathComponent(".\(name).lock"), waiting: { [log] in
                log("\(name): another rnnlab run is writing it; waiting") })
        } catch { return RunReport(name: name, status: .computeFailed("\(error)")) }
        defer { lock.release() }
        return translate(source, as: base.appendingPathComponent(name), name: name, kind: (try? load(name, quick: options.quick))?.0.name ?? name,
                         options: options, base: base, index: 0, started: Date(), progress: Progress(total: 1, interactive: false, logsNotes: logsNotes, log: log))
    }

    /// Draws the English run `english` again in `options.language` into this run's `folder`:
    /// its data and other files copied, each figure read back from its model, its text
    /// translated and drawn in every format asked, the manifest marked with the language.
    private func translate(_ english: URL, as folder: URL, name: String, kind: String, options: RunOptions, base: URL,
                           index: Int, started: Date, progress: Progress) -> RunReport {
        var report = RunReport(name: name, status: .ok, folder: folder)
        FolderLock.removeStaleStaging(of: folder.lastPathComponent, in: base)
        let staging = base.appendingPathComponent(".\(folder.lastPathComponent).staging-\(getpid())")
        let language = options.language ?? .english
        let translate = Localization.translator(for: kind, language: language)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            let data = try Data(contentsOf: english.appendingPathComponent("manifest.json"))
            var manifest = try JSONDecoder().decode(JSONValue.self, from: data)
            guard case .array(let list)? = manifest["figures"] else { throw CocoaError(.fileReadCorruptFile) }
            let figures = list.compactMap { if case .string(let n) = $0 { return n } else { return nil } }
            let drawn = Set(figures.flatMap { f in ["png", "svg", "pdf", "tsv", "gp", "figure.json"].map { "\(f).\($0)" } })
            for entry in try FileManager.default.contentsOfDirectory(atPath: english.path)
            where !entry.hasPrefix(".") && entry != "manifest.json" && !drawn.contains(entry) {
                try FileManager.default.copyItem(at: english.appendingPathComponent(entry), to: staging.appendingPathComponent(entry))
            }
            for figure in figures {
                if isCancelled { throw RunCancelled() }
                progress.note(name: name, "drawing \(figure) in \(language.rawValue)")
                let model = try SavedFigure.load(figure, in: english)
                try plotter.write(model.mapTexts(translate), to: staging, formats: options.formats, show: options.show)
            }
            if case .object(var members) = manifest {
                members["language"] = .string(language.rawValue)
                manifest = .object(members)
            }
            try Plotter.writeAtomically(Data((manifest.text() + "\n").utf8), to: staging.appendingPathComponent("manifest.json"))
            try FolderLock.install(staging, as: folder)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            if error is RunCancelled { return RunReport(name: name, status: .cancelled) }
            if let e = error as? PlotError, case .gnuplotNotFound = e { return RunReport(name: name, status: .figuresMissing("\(e)")) }
            return RunReport(name: name, status: .figureFailed("\(name): drawing \(relativePath(english)) again in \(language.rawValue): \(error)"))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        report.files = entries.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
        report.seconds = Date().timeIntervalSince(started)
        progress.end(index: index, name: name, seconds: report.seconds, status: report.status,
                     reusing: "\(relativePath(english)) (drawn again in \(language.rawValue))")
        return report
    }

    /// Installs the earlier run `earlier` as this run's `folder` (a copy through a staging folder,
    /// or nothing at all when it already is that folder) and reports its files.
    private func reuse(_ earlier: URL, as folder: URL, name: String, base: URL, index: Int, started: Date, progress: Progress) -> RunReport {
        var report = RunReport(name: name, status: .ok, folder: folder)
        if earlier.standardizedFileURL.path != folder.standardizedFileURL.path {
            FolderLock.removeStaleStaging(of: folder.lastPathComponent, in: base)
            let staging = base.appendingPathComponent(".\(folder.lastPathComponent).staging-\(getpid())")
            do {
                try FileManager.default.copyItem(at: earlier, to: staging)
                try FolderLock.install(staging, as: folder)
            } catch {
                try? FileManager.default.removeItem(at: staging)
                return RunReport(name: name, status: .computeFailed("cannot copy \(relativePath(earlier)) to \(relativePath(folder)): \(error)"))
            }
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        report.files = entries.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
        report.seconds = Date().timeIntervalSince(started)
        progress.end(index: index, name: name, seconds: report.seconds, status: report.status, reusing: relativePath(earlier))
        return report
    }

    /// Makes `folder` and its missing parents, naming the real cause of a failure: a path
    /// component that is a file, a permission, a read-only or full file system.
    static func makeFolder(_ folder: URL) throws {
        var path = ""
        for component in folder.standardizedFileURL.pathComponents {
            path = component == "/" ? "/" : (path == "/" ? "/" : path + "/") + component
            var info = stat()
            if lstat(path, &info) == 0 {
                let type = info.st_mode & S_IFMT
                if type == S_IFDIR { continue }
                if type == S_IFLNK, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                throw FolderLock.LockError(message: "\(path) is \(type == S_IFREG ? "a file" : "something else"), not a folder")
            }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw FolderLock.LockError(message: "cannot make \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Seconds the committed run in `plots/NAME/` took (computation and figures), from its manifest.
    public func measuredSeconds(of name: String) -> Double? {
        let url = paths.plots.appendingPathComponent(name).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let manifest = try? JSONDecoder().decode(JSONValue.self, from: data),
              case .object(let timings)? = manifest["timings_seconds"] else { return nil }
        let total = timings.values.compactMap(\.number).reduce(0, +)
        return total > 0 ? total : nil
    }

    /// Why the committed run in `plots/NAME/` no longer matches the checkout, or nil when it does:
    /// its manifest's fingerprint (kind, settings, sources, inputs) against the one the checkout
    /// gives now. A committed run is a run of the file as it stands: no --quick, no --set.
    public func staleness(of name: String, language: Language = .english) -> String? {
        var options = RunOptions()
        options.language = language
        let folder = outputFolder(options).appendingPathComponent(name)
        let shown = relativePath(folder)
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return "\(shown) has no manifest"
        }
        let experiment: Experiment, file: ExperimentFile
        do { (experiment, file) = try load(name) } catch { return "\(error)" }
        guard let now = experiment.fingerprint(file, paths.root) else { return nil }   // no sources to compare
        if case .bool(true)? = manifest["quick"] { return "\(shown) holds a --quick run" }
        if case .object(let o)? = manifest["overrides"], !o.isEmpty { return "\(shown) was run with --set" }
        if (manifest["language"] ?? .string(Language.english.rawValue)) != .string(language.rawValue) {
            return "\(shown) is not drawn in \(language.rawValue)"
        }
        guard case .string(let then)? = manifest["fingerprint"] else { return "\(shown) has no fingerprint (run before fingerprints existed)" }
        return then == now.hash ? nil : "\(shown) is stale: its experiment file, settings or code changed since its run"
    }

    public func relativePath(_ url: URL) -> String {
        let root = paths.root.standardizedFileURL.path
        let p = url.standardizedFileURL.path
        return p.hasPrefix(root + "/") ? String(p.dropFirst(root.count + 1)) : p
    }
}

/// One report slot per experiment, filled by concurrent workers.
final class ReportSlots: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var slots: [RunReport?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    subscript(i: Int) -> RunReport? {
        get { lock.lock(); defer { lock.unlock() }; return slots[i] }
        set { lock.lock(); slots[i] = newValue; lock.unlock() }
    }
}

/// `[a-z0-9][a-z0-9-]*`: an experiment's name names a file in experiments/ and a folder in plots/,
/// so it can hold no `/`, no `..` and nothing a shell or a terminal would read twice.
public func isExperimentName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 100 else { return false }
    func ok(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
    return ok(first) && name.unicodeScalars.allSatisfy { ok($0) || $0 == "-" }
}

final class CancelFlag: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// Progress on standard error: on a terminal, one rewritten status line naming every run in
/// progress with its latest note and time ("[3/15] irnn-adding: lstm T = 100: iteration 400/5000
/// (52 s) · [9/15] edge-of-chaos: … (4 s)"), and a kept line as each run ends; plain lines
/// otherwise (a log, CI), with the notes too when `logsNotes` (the lab server streams them).
final class Progress: @unchecked Sendable {  // every access holds `lock`
    private let total: Int
    private let interactive: Bool
    private let logsNotes: Bool
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    /// The runs in progress, in the order they began.
    private var running: [(index: Int, name: String, started: Date, note: String)] = []
    private var lastNote = Date.distantPast

    init(total: Int, interactive: Bool, logsNotes: Bool = false, log: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.interactive = interactive
        self.logsNotes = logsNotes
        self.log = log
    }

    func begin(index: Int, name: String) {
        lock.lock(); defer { lock.unlock() }
        running.append((index, name, Date(), "starting"))
        if interactive { redraw() } else { log("[\(index + 1)/\(total)] \(name): running") }
    }

    func note(name: String, _ text: String) {
        lock.lock(); defer { lock.unlock() }
        guard let k = running.firstIndex(where: { $0.name == name }) else { return }
        running[k].note = text
        guard interactive || logsNotes, Date().timeIntervalSince(lastNote) > (interactive ? 0.1 : 1) else { return }
        lastNote = Date()
        if interactive { redraw() } else { log(Self.line(running[k], total: total)) }
    }

    func end(index: Int, name: String, seconds: Double, status: RunStatus, reusing earlier: String? = nil) {
        lock.lock(); defer { lock.unlock() }
        running.removeAll { $0.name == name && $0.index == index }
        let word: String
        switch status {
        case .ok where earlier != nil: word = "the identical run in \(earlier!) reused"
        case .ok: word = "done"
        case .figuresMissing: word = "data written, figures missing"
        case .figureFailed: word = "a figure failed"
        default: word = "stopped"
        }
        let line = String(format: "[%d/%d] %@: %@ in %.1f s", index + 1, total, name, word, seconds)
        if interactive { write("\r\u{1B}[K" + line + "\n"); redraw() } else { log(line) }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if interactive { write("\r\u{1B}[K") }
    }

    /// "[i/n] NAME: NOTE (12.3 s)".
    private static func line(_ run: (index: Int, name: String, started: Date, note: String), total: Int) -> String {
        String(format: "[%d/%d] %@: %@ (%.1f s)", run.index + 1, total, run.name, run.note, Date().timeIntervalSince(run.started))
    }

    /// The status line, cut to the terminal's width: a line that wrapped could not be rewritten.
    private func redraw() {
        var text = running.map { Self.line($0, total: total) }.joined(separator: " · ")
        var size = winsize()
        let width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
        if text.count >= width { text = String(text.prefix(max(1, width - 2))) + "…" }
        write("\r\u{1B}[K" + text)
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
