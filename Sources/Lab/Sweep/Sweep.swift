import Foundation
import Plotting
#if canImport(Glibc)
import Glibc
#endif

/// One sweep: its plan, its folder, and the three ways its points run — here in this process
/// (`runPoints`, what `rnnlab sweep task` and a Slurm array task do), as a local pool of such
/// processes (`runLocally`), or as a Slurm job array (`SlurmBackend`) — then `collect`, which
/// aggregates whatever points have finished.
///
/// Each point is a normal run of the experiment with the point's settings as `--set`
/// overrides, written through the runner's staging folder and rename into `FOLDER/<point-id>/`
/// with its own manifest. A point whose folder already holds the identical run (same
/// fingerprint, settings and formats) is not run again, so an interrupted sweep resumes.
public final class Sweep: Sendable {
    public let runner: Runner
    public let plan: SweepPlan
    /// `plots/NAME.sweep/` (`plots/quick/NAME.sweep/` with --quick) unless --output says otherwise.
    public let folder: URL

    /// Checks every point's settings with the experiment file's own decoder (and what they
    /// point at) before anything runs; the first bad one is reported as `--vary KEY=VALUE`.
    public init(runner: Runner, plan: SweepPlan, folder: URL) throws {
        self.runner = runner
        self.plan = plan
        self.folder = folder
        for point in plan.points {
            do {
                let (experiment, file) = try runner.load(plan.experiment, overrides: plan.overrides + point.overrides, quick: plan.quick)
                try experiment.check(file, runner.paths.root)
            } catch let error as ExperimentFileError {
                // A point's own setting is named as the user gave it: --vary, not --set.
                var shown = error.description
                if let set = error.override, point.overrides.contains(set) {
                    shown = shown.replacingOccurrences(of: ": --set ", with: ": --vary ")
                }
                throw SweepError(shown)
            }
        }
        for format in plan.formats where OutputFormat(rawValue: format) == nil {
            throw SweepError("--format: '\(format)' is not one of png, svg, pdf")
        }
    }

    /// Where a sweep of `name` goes by default: beside the experiment's own folder, not inside
    /// it, because a run of the experiment replaces `plots/NAME/` whole.
    public static func defaultFolder(_ paths: LabPaths, name: String, quick: Bool) -> URL {
        (quick ? paths.plots.appendingPathComponent("quick") : paths.plots).appendingPathComponent("\(name).sweep")
    }

    /// Reads `FOLDER/plan.json` (as `writePlan` wrote it).
    public static func readPlan(in folder: URL) throws -> SweepPlan {
        let url = folder.appendingPathComponent(SweepPlan.fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SweepError("\(url.path): no sweep plan; start the sweep with `rnnlab sweep NAME --vary …` first")
        }
        do { return try JSONDecoder().decode(SweepPlan.self, from: data) } catch {
            throw SweepError("\(url.path): not a sweep plan (\(error))")
        }
    }

    /// Makes the folder and writes `plan.json` atomically.
    public func writePlan() throws {
        try Runner.makeFolder(folder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try Plotter.writeAtomically(try encoder.encode(plan) + Data("\n".utf8), to: folder.appendingPathComponent(SweepPlan.fileName))
    }

    /// The runner's options for one point: its settings as overrides, its folder by id, and the
    /// point's own folder as the one earlier run that may stand in for it.
    public func options(for point: SweepPlan.Point) -> RunOptions {
        var options = RunOptions()
        options.overrides = plan.overrides + point.overrides
        options.quick = plan.quick
        options.output = folder
        options.folderName = point.id
        options.formats = plan.formats.compactMap(OutputFormat.init(rawValue:))
        options.reuse = [folder]
        return options
    }

    /// The points whose folder does not yet hold their identical run, in plan order.
    public func pending() -> [Int] {
        plan.points.indices.filter { !runner.hasIdenticalRun(plan.experiment, options: options(for: plan.points[$0])) }
    }

    /// Runs the points at `indices` one after another in this process.
    public func runPoints(_ indices: [Int]) -> [RunReport] {
        var reports: [RunReport] = []
        for i in indices where plan.points.indices.contains(i) {
            if runner.isCancelled { break }
            reports += runner.run([plan.experiment], options: options(for: plan.points[i]))
        }
        return reports
    }

    /// The log file of a point run by the local pool.
    public func logFile(_ point: SweepPlan.Point) -> URL {
        folder.appendingPathComponent("logs").appendingPathComponent("\(point.id).log")
    }

    // MARK: The local pool

    private let pool = ChildPool()

    /// Stops the local pool: no new point starts, and every running point gets SIGINT (it stops
    /// at its next check and leaves its folder as it was).
    public func cancel() {
        runner.cancel()
        pool.interruptAll()
    }

    /// Runs the pending points as `jobs` child processes at a time (`executable sweep task PLAN
    /// INDEX`), each with one OpenBLAS thread when more than one runs, and its output in
    /// `logs/<id>.log`. `progress` gets one line per finished point, with an estimate of the
    /// time left. Returns the points that failed, with the last line of their log.
    public func runLocally(executable: URL, jobs: Int, progress: @escaping @Sendable (String) -> Void) -> [(SweepPlan.Point, String)] {
        let todo = pending()
        let reused = plan.points.count - todo.count
        progress("sweep of \(plan.experiment): \(plan.points.count) points, \(reused) already done, \(todo.count) to run, \(jobs) at a time")
        guard !todo.isEmpty else { return [] }
        try? Runner.makeFolder(folder.appendingPathComponent("logs"))
        let started = Date()
        let state = PoolState()
        let slots = DispatchSemaphore(value: max(1, jobs))
        let group = DispatchGroup()
        for index in todo {
            slots.wait()
            if runner.isCancelled { slots.signal(); break }
            let point = plan.points[index]
            group.enter()
            let process = Process()
            process.executableURL = executable
            process.arguments = ["sweep", "task", folder.path, String(index)]
            process.currentDirectoryURL = runner.paths.root
            var environment = ProcessInfo.processInfo.environment
            if jobs > 1 { environment["OPENBLAS_NUM_THREADS"] = "1" }
            process.environment = environment
            let log = logFile(point)
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try? FileHandle(forWritingTo: log)
            process.standardOutput = handle ?? FileHandle.nullDevice
            process.standardError = handle ?? FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            let t0 = Date()
            process.terminationHandler = { [pool] p in
                try? handle?.close()
                pool.remove(p)
                let seconds = Date().timeIntervalSince(t0)
                let stopped = self.runner.isCancelled && p.terminationStatus != 0
                let (done, failedCount) = state.finish(point: point, status: stopped ? 0 : p.terminationStatus, log: log)
                let elapsed = Date().timeIntervalSince(started)
                let left = Double(todo.count - done) * elapsed / Double(max(done, 1))
                let word = stopped ? "stopped, its folder as it was"
                    : p.terminationStatus == 0 ? "done" : "failed (exit \(p.terminationStatus), see \(log.path))"
                progress(String(format: "[%d/%d] %@: %@ in %.1f s%@", done + reused, self.plan.points.count, point.id, word, seconds,
                                done < todo.count ? "; about \(Self.duration(left)) left" : (failedCount > 0 ? "; \(failedCount) failed" : "")))
                slots.signal()
                group.leave()
            }
            do {
                try pool.start(process)
            } catch {
                _ = state.finish(point: point, status: -1, log: log)
                progress("\(point.id): cannot start \(executable.path): \(error)")
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return state.failures
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        if seconds < 5400 { return "\(Int((seconds / 60).rounded())) min" }
        return String(format: "%.1f h", seconds / 3600)
    }

    // MARK: Collecting

    /// The aggregate figures of `summary`: the experiment's own where it draws them, else the generic ones.
    public func figures(_ summary: SweepSummary) -> [Figure] {
        let kind = (try? runner.load(plan.experiment, quick: plan.quick))?.1.kind ?? plan.experiment
        return runner.registry[kind]?.sweepFigures(summary) ?? summary.figures
    }

    /// Reads every point's manifest and writes `sweep.json` and the aggregate figures into the
    /// sweep's folder. Points without a finished, current run are listed as missing (never
    /// counted); their log's last line says why where there is one.
    @discardableResult
    public func collect(formats: [OutputFormat]? = nil, plotter: Plotter? = nil) throws -> SweepSummary {
        guard let experiment = runner.registry[(try? runner.load(plan.experiment, quick: plan.quick))?.1.kind ?? plan.experiment] else {
            throw SweepError("no experiment kind for \(plan.experiment)")
        }
        var collected: [SweepSummary.PointResult] = []
        var missing: [SweepSummary.Missing] = []
        for point in plan.points {
            let manifestURL = folder.appendingPathComponent(point.id).appendingPathComponent("manifest.json")
            guard runner.hasFinishedRun(plan.experiment, options: options(for: point)),
                  let data = FileManager.default.contents(atPath: manifestURL.path),
                  let manifest = try? JSONDecoder().decode(JSONValue.self, from: data),
                  let results = manifest["results"] else {
                let exists = FileManager.default.fileExists(atPath: manifestURL.path)
                missing.append(.init(id: point.id, reason: exists ? "its run is stale or incomplete (code, settings or formats changed)"
                                                                   : "not run yet", log: lastLogLine(point)))
                continue
            }
            collected.append(.init(point: point, results: results, successes: experiment.successes(results)))
        }
        let summary = SweepSummary(plan: plan, points: collected, missing: missing)
        try Plotter.writeAtomically(Data((summary.json.text() + "\n").utf8), to: folder.appendingPathComponent(SweepSummary.fileName))
        if !collected.isEmpty {
            let plotter = plotter ?? runner.plotter
            for figure in experiment.sweepFigures(summary) {
                try plotter.write(figure, to: folder, formats: formats ?? plan.formats.compactMap(OutputFormat.init(rawValue:)))
            }
        }
        return summary
    }

    /// The last non-empty line of a point's log (local pool or Slurm task), or nil.
    func lastLogLine(_ point: SweepPlan.Point) -> String? {
        let logs = folder.appendingPathComponent("logs")
        let candidates = [logFile(point)] + ((try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? [])
            .filter { $0.hasPrefix("task-") }.sorted().map { logs.appendingPathComponent($0) }
        for url in candidates {
            guard let text = try? String(contentsOf: url, encoding: .utf8), text.contains(point.id) || url == logFile(point) else { continue }
            if let line = text.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                return "\(url.path): \(line)"
            }
        }
        return nil
    }
}

/// The running children of the local pool.
private final class ChildPool: @unchecked Sendable {  // `running` only under `lock`
    private let lock = NSLock()
    private var running: [Int32: Process] = [:]
    private var stopped = false

    func start(_ process: Process) throws {
        lock.lock(); defer { lock.unlock() }
        guard !stopped else { throw SweepError("stopped") }
        try process.run()
        running[process.processIdentifier] = process
    }

    func remove(_ process: Process) {
        lock.lock(); running[process.processIdentifier] = nil; lock.unlock()
    }

    func interruptAll() {
        lock.lock(); defer { lock.unlock() }
        stopped = true
        for pid in running.keys { kill(pid, SIGINT) }
    }
}

/// What the local pool has finished.
private final class PoolState: @unchecked Sendable {  // every access under `lock`
    private let lock = NSLock()
    private var done = 0
    private(set) var failures: [(SweepPlan.Point, String)] = []

    func finish(point: SweepPlan.Point, status: Int32, log: URL) -> (done: Int, failed: Int) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if status != 0 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let last = text.split(separator: "\n").last.map(String.init) ?? "exit \(status)"
            failures.append((point, last))
        }
        return (done, failures.count)
    }
}
