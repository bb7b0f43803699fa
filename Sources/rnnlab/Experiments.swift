import ArgumentParser
import Foundation
import Lab
import Plotting

extension RNNLab {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the named experiments with their titles, lecture sections and run times.",
            discussion: "The time is the one the committed run in plots/NAME/ took (its manifest's timings), or a rough estimate when there is none.")

        func run() throws {
            let runner = Runner(paths: LabPaths.discover())
            let names = runner.availableNames()
            if names.isEmpty { fail("no experiment files in \(runner.paths.experiments.path)") }
            let width = names.map(\.count).max() ?? 10
            for name in names {
                let pad = name.padding(toLength: width, withPad: " ", startingAt: 0)
                do {
                    let (experiment, file) = try runner.load(name)
                    let seconds = runner.measuredSeconds(of: name) ?? experiment.roughSeconds
                    print("\(pad)  \(roughTime(seconds))  \(file.title)  [\(file.section)]")
                } catch {
                    print("\(pad)  (bad file) \(error)")
                }
            }
        }

        func roughTime(_ s: Double) -> String {
            let text = s < 1 ? "<1 s" : s < 60 ? "~\(Int(s.rounded())) s" : "~\(Int((s / 60).rounded())) min"
            return text.padding(toLength: 7, withPad: " ", startingAt: 0)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an experiment's description and its resolved configuration (defaults filled in, overrides applied).",
            discussion: "The output is valid TOML: each key with its documentation, and a note on every value that did not come from the file (# default, # --quick, # --set). Use it to see what `rnnlab run NAME` with the same options would compute.")

        @Argument(help: "The experiment's name (a file experiments/NAME.toml).")
        var name: String

        @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter, e.g. --set hidden=64 (repeatable).", valueName: "key=value"))
        var overrides: [String] = []

        @Flag(help: "Apply the experiment's --quick sizes.")
        var quick = false

        func run() throws {
            let runner = Runner(paths: LabPaths.discover())
            do {
                let (experiment, file) = try runner.load(name, overrides: overrides, quick: quick)
                print("# \(file.title) — \(file.section)")
                for line in file.description.split(separator: "\n", omittingEmptySubsequences: false) { print("# \(line)") }
                print("#")
                print("# Parameters (key, type, default, meaning):")
                for line in experiment.schema.usage.split(separator: "\n") { print("#   \(line)") }
                print("")
                print(file.resolvedTOML())
            } catch let e as ExperimentFileError {
                fail(e.description)
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run named experiments and write their figures, data, scripts and manifest to plots/NAME/.",
            discussion: """
            Every experiment file is checked before anything is computed; a bad file is reported with its name, line, key and what was expected, and nothing is written. Each figure leaves NAME.png (and the other formats asked for), NAME.tsv (the data it drew), NAME.gp (the gnuplot script: `gnuplot NAME.gp` in that folder draws it again) and one manifest.json for the run with the resolved configuration, versions, timings and the headline results.

            Examples:
              rnnlab run edge-of-chaos
              rnnlab run backprop-through-whh --set steps=300 --format png,svg
              rnnlab run --all --quick

            --quick shrinks every size so the whole set runs in seconds; its figures go to plots/quick/ (ignored by git) so they never replace the committed ones.

            RNNLAB_REUSE_RUNS=FOLDER[:FOLDER…] lets a run stand in for an identical earlier one: when FOLDER/NAME holds a finished run with the same fingerprint (kind, settings, sources, inputs), the same --quick and --set and every figure in every format asked, it is copied instead of computed (the test suite and `rnnlab notebook check` use this so each run is computed once).

            Exit status: 0 success, 1 a computation failed, 2 a bad experiment file, option or input file (a corpus that is missing, not UTF-8 text or too short for the sizes), 3 gnuplot failed on a figure, 4 gnuplot is not installed (the data and scripts are still written), 130 interrupted (Ctrl-C stops cleanly; no half-written file is left), 143 terminated (SIGTERM stops gnuplot and ends the run at once).
            """)

        @Argument(help: "Experiment names (files experiments/NAME.toml).")
        var names: [String] = []

        @Flag(help: "Run every experiment in experiments/.")
        var all = false

        @Flag(help: "Run exactly the experiments whose committed run in plots/ is stale: its experiment file, settings or code changed since (see the manifest's fingerprint).")
        var stale = false

        @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter, e.g. --set hidden=64 (repeatable, type-checked like the file).", valueName: "key=value"))
        var overrides: [String] = []

        @Option(help: "Output formats, comma-separated: png, svg, pdf.")
        var format: String = "png"

        @Option(help: "Experiments to run at once, the longest first, each on one OpenBLAS thread (default: one per core, \(ProcessInfo.processInfo.activeProcessorCount) here; 1 runs them one after the other on every core).")
        var jobs: Int?

        @Flag(help: "Shrink sizes so the run takes seconds (figures go to plots/quick/).")
        var quick = false

        @Flag(help: "Also draw each figure in this terminal (gnuplot's dumb terminal).")
        var show = false

        @Option(help: ArgumentHelp("Output folder instead of plots/ (plots/quick/ with --quick, plots/ko/ with --lang ko).", valueName: "folder"))
        var output: String?

        @Option(name: .customLong("lang"), help: ArgumentHelp("The figures' language: en or ko (Korean titles, labels and legends, into plots/ko/NAME/; the numbers are the same). Default: the file's lang, else en.", valueName: "code"))
        var language: Language?

        @Flag(name: .customLong("log-notes"), help: "Off a terminal, also print each experiment's progress notes (\"iteration 250 of 1000\") on standard error, at most one a second (the lab server shows them on its page).")
        var logNotes = false

        func validate() throws {
            if all && !names.isEmpty { throw ValidationError("give experiment names or --all, not both") }
            if stale && (all || !names.isEmpty || quick || !overrides.isEmpty || output != nil) {
                throw ValidationError("--stale regenerates the committed runs in plots/ (plots/ko/ with --lang ko): give it alone (with --jobs, --format or --lang)")
            }
            if !all && !stale && names.isEmpty { throw ValidationError("name an experiment (see `rnnlab list`) or use --all") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let output, output.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--output needs a folder name") }
        }

        func run() throws {
            let runner = Runner(paths: LabPaths.discover())
            runner.logsNotes = logNotes
            var options = RunOptions()
            options.overrides = overrides
            options.quick = quick
            options.show = show
            options.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            options.output = output.map { URL(fileURLWithPath: $0) }
            options.reuse = reuseFolders()
            options.language = language
            do { options.formats = try OutputFormat.parseList(format) } catch { fail("--format: \(error)") }
            var selected = all ? runner.availableNames() : names
            if stale {
                selected = runner.availableNames().filter { runner.staleness(of: $0, language: language ?? .english) != nil }
                if selected.isEmpty { print("every committed run is up to date"); return }
                FileHandle.standardError.write(Data("rnnlab: stale: \(selected.joined(separator: ", "))\n".utf8))
            }
            let interrupt = InterruptHandler { runner.cancel(); Plotter.stopAll() }   // a hung gnuplot stops at once too
            let reports = runner.run(selected, options: options)
            let stopStatus = interrupt.exitStatus
            interrupt.cancel()
            var worst = reportProblems(reports)
            if worst == 130 {
                FileHandle.standardError.write(Data("rnnlab: interrupted; finished runs are complete, an unfinished one left its folder as it was\n".utf8))
                worst = stopStatus
            }
            if worst != 0 { throw ExitCode(worst) }
            let folders = Set(reports.compactMap { $0.folder.map { runner.relativePath($0) } }).sorted()
            print("wrote \(reports.reduce(0) { $0 + $1.files.count }) files in \(folders.joined(separator: ", "))")
        }
    }

    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw an experiment's figures again from its saved data, without recomputing.",
            discussion: """
            Reads plots/NAME/FIGURE.figure.json (what the figure is) and FIGURE.tsv (its numbers) as `rnnlab run NAME` left them, renders the gnuplot script again and draws it. Saved .gp scripts are never run: they are for drawing by hand. A missing or damaged file is named with what is wrong; a folder saved before figure models existed needs `rnnlab run NAME` again.

            Exit status: 0 success, 2 a bad name or option, 3 a damaged saved figure or gnuplot failed, 4 gnuplot is not installed, 130/143 interrupted (gnuplot is stopped with it).
            """)

        @Argument(help: "Experiment names (folders plots/NAME/).")
        var names: [String]

        @Option(help: "Output formats, comma-separated: png, svg, pdf.")
        var format: String = "png"

        @Flag(help: "Also draw each figure in this terminal.")
        var show = false

        @Flag(help: "Use the --quick figures in plots/quick/.")
        var quick = false

        @Option(name: .customLong("lang"), help: ArgumentHelp("Draw the saved English run again in this language: ko reads plots/NAME/ and writes plots/ko/NAME/ (Korean titles, labels and legends; the same data).", valueName: "code"))
        var language: Language = .english

        func run() throws {
            let paths = LabPaths.discover()
            for name in names where !isExperimentName(name) {
                fail("'\(name.debugDescription.dropFirst().dropLast())' is not an experiment name ([a-z0-9][a-z0-9-]*, see `rnnlab list`)")
            }
            if language != .english {
                let runner = Runner(paths: paths)
                var options = RunOptions()
                options.quick = quick
                options.language = language
                options.show = show
                do { options.formats = try OutputFormat.parseList(format) } catch { fail("--format: \(error)") }
                let interrupt = InterruptHandler { runner.cancel(); Plotter.stopAll() }
                let reports = names.map { runner.drawAgain($0, options: options) }
                interrupt.cancel()
                let worst = reportProblems(reports)
                if worst != 0 { throw ExitCode(worst) }
                print("drew \(reports.reduce(0) { $0 + $1.files.count }) files in \(reports.compactMap { $0.folder.map(runner.relativePath) }.joined(separator: ", "))")
                return
            }
            let formats: [OutputFormat]
            do { formats = try OutputFormat.parseList(format) } catch { fail("--format: \(error)") }
            let stopper = DrawingStopper()
            var count = 0
            for name in names {
                let base = quick ? paths.plots.appendingPathComponent("quick") : paths.plots
                let folder = base.appendingPathComponent(name)
                let again = "rnnlab run \(name)\(quick ? " --quick" : "")"
                guard FileManager.default.fileExists(atPath: folder.path) else {
                    fail("\(name): no saved figures in \(folder.path); run `\(again)` first")
                }
                do { count += try Plotter().rerender(folder: folder, formats: formats, show: show).count }
                catch let e as PlotError {
                    switch e {
                    case .gnuplotNotFound: fail(e.description, status: 4)
                    case .badTimeout: fail(e.description, status: 2)
                    case .stopped: fail("interrupted; gnuplot was stopped and nothing half-drawn was kept", status: stopper.exitStatus ?? 130)
                    case .noFigureModels: fail("\(e.description): `\(again)`", status: 3)
                    default: fail(e.description, status: 3)
                    }
                }
            }
            if let status = stopper.exitStatus { fail("interrupted after drawing \(count) files", status: status) }
            print("drew \(count) files")
        }

        /// The names `rnnlab run` gives folders: `[a-z0-9][a-z0-9-]*`, so never a path.
        func isExperimentName(_ name: String) -> Bool {
            func isAlnum(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
            guard let first = name.unicodeScalars.first, isAlnum(first) else { return false }
            return name.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "-" }
        }
    }
}

/// Ctrl-C (SIGINT) or SIGTERM once: stop at the next safe point (finished files are complete,
/// a half-written run folder is never installed). A second signal exits at once: 130 after
/// SIGINT, 143 after SIGTERM.
final class InterruptHandler: @unchecked Sendable {  // `count` and `received` are touched only on `queue`
    private let sources: [DispatchSourceSignal]
    private let queue = DispatchQueue(label: "rnnlab.signals")
    private var count = 0
    private(set) var received: Int32 = 0

    init(_ onInterrupt: @escaping @Sendable () -> Void) {
        var sources: [DispatchSourceSignal] = []
        for signo in [SIGINT, SIGTERM] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (source, signo) in zip(sources, [SIGINT, SIGTERM]) {
            source.setEventHandler { [unowned self] in
                self.count += 1
                if self.received == 0 { self.received = signo }
                if self.count == 1 {
                    FileHandle.standardError.write(Data("\nrnnlab: stopping after the current step (again to quit now)\n".utf8))
                    onInterrupt()
                } else {
                    exit(128 + signo)
                }
            }
            source.resume()
        }
    }

    /// 143 when the stop was a SIGTERM, 130 otherwise.
    var exitStatus: Int32 { queue.sync { received == SIGTERM ? 143 : 130 } }

    func cancel() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// For a command that only draws: SIGINT or SIGTERM stops every gnuplot at once (its whole
/// process group) and makes the draw in progress throw `PlotError.stopped`; the command then
/// exits 130 (SIGINT) or 143 (SIGTERM), with the status of the first signal.
final class DrawingStopper: @unchecked Sendable {   // `received` is read and written under `lock`
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var received: Int32?

    var exitStatus: Int32? { lock.lock(); defer { lock.unlock() }; return received }

    init() {
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                lock.lock()
                if received == nil { received = status }
                lock.unlock()
                Plotter.stopAll()
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// The folders named by `RNNLAB_REUSE_RUNS` (colon-separated), whose runs may stand in for
/// identical new ones (see `RunOptions.reuse`).
func reuseFolders(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
    (environment["RNNLAB_REUSE_RUNS"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
}

/// Prints each report's problem on standard error and returns the worst exit status (130, an
/// interruption, wins over every failure).
func reportProblems(_ reports: [RunReport]) -> Int32 {
    var worst: Int32 = 0
    for r in reports {
        switch r.status {
        case .ok, .cancelled: break
        case .badFile(let m), .computeFailed(let m), .figureFailed(let m), .figuresMissing(let m):
            FileHandle.standardError.write(Data("rnnlab: \(m)\n".utf8))
        }
        if r.status.exitCode == 130 { worst = 130 } else if worst != 130 { worst = max(worst, r.status.exitCode) }
    }
    return worst
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
