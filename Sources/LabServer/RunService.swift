import Book
import Foundation
import Lab
import LanguageModels
import Plotting

/// What the page posts to start a run: the experiment, `--quick`, and the settings the student
/// changed, each as typed (`"1.2"`, `"[1, 2]"`, `"lstm"`).
public struct RunRequest: Codable, Sendable {
    public var experiment: String
    public var quick: Bool?
    public var settings: [String: String]?

    public init(experiment: String, quick: Bool = false, settings: [String: String] = [:]) {
        self.experiment = experiment
        self.quick = quick
        self.settings = settings
    }
}

/// A finished run as the page shows it.
public struct RunResult: Codable, Sendable, Equatable {
    public struct FigureLink: Codable, Sendable, Equatable {
        public var name: String
        public var url: String
    }
    public var figures: [FigureLink]
    /// `rnnlab results` lines of the run's manifest.
    public var results: [String]
    public var seconds: Double
    /// True when the identical run (same fingerprint) had been computed before.
    public var cached: Bool
    /// The `--set` arguments the run was made with.
    public var overrides: [String]
}

/// What a run's event stream carries (server-sent events of the same names).
public enum RunEvent: Sendable, Equatable {
    case state(String)
    case progress(String)
    case done(RunResult)
    case failed(String)

    public var isFinal: Bool {
        switch self {
        case .done, .failed: return true
        default: return false
        }
    }

    /// The event as `text/event-stream` lines.
    public var serverSentEvent: String {
        let (name, data): (String, String)
        switch self {
        case .state(let s): (name, data) = ("state", s)
        case .progress(let s): (name, data) = ("progress", s)
        case .done(let r): (name, data) = ("done", String(decoding: (try? JSONEncoder().encode(r)) ?? Data("{}".utf8), as: UTF8.self))
        case .failed(let s): (name, data) = ("failed", s)
        }
        return "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }
}

/// A request the lab refuses before running anything (HTTP 400 with the message).
public struct RunRequestError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Runs experiments for the server: every request checked by the runner's own decoder (the
/// settings become `--set key=value` arguments), identified by the run's fingerprint (kind,
/// resolved settings, sources, inputs) so that a repeated request is the same run and, once
/// computed, instant; queued `jobs` at a time; written under `scratch/runs/FINGERPRINT/NAME/`,
/// never into `plots/`.
///
/// Each run is a child process, `rnnlab run NAME --output scratch/runs/.FINGERPRINT.partial
/// --log-notes …`, whose progress lines become the run's events. A run that passes `timeLimit`
/// seconds (or is stopped with the server) gets SIGTERM, then SIGKILL after `grace` seconds,
/// so it ends however seldom its computation checks for cancellation; its partial folder is
/// removed. Only a run that exits with its figures drawn is installed, by renaming its partial
/// folder to `runs/FINGERPRINT`.
public actor RunService {
    public let paths: LabPaths
    public let scratch: URL
    public let jobs: Int
    public let timeLimit: Double
    /// The `rnnlab` program that computes each run.
    public let program: URL
    /// Seconds between SIGTERM and SIGKILL when a run is stopped: `rnnlab run` stops at its
    /// next check, which for most experiments comes within a fraction of a second.
    public let grace: Double

    private final class Record {
        let name: String
        let overrides: [String]
        let quick: Bool
        var events: [RunEvent] = []
        var listeners: [UUID: AsyncStream<RunEvent>.Continuation] = [:]
        /// The child computing it, while it runs.
        var process: StoppableProcess?
        /// The child's process id, kept after it ended.
        var pid: Int32?
        var final: RunEvent? { events.last.flatMap { $0.isFinal ? $0 : nil } }
        init(name: String, overrides: [String], quick: Bool) {
            self.name = name
            self.overrides = overrides
            self.quick = quick
        }
    }

    private var records: [String: Record] = [:]
    private var pending: [String] = []
    private var running = 0
    /// Set when the server shuts down: what is queued never starts.
    private var stopping = false

    public init(paths: LabPaths, scratch: URL, jobs: Int = 1, timeLimit: Double = 300,
                program: URL = RunService.programBeside(), grace: Double = 2) {
        self.paths = paths
        self.scratch = scratch
        self.jobs = max(1, jobs)
        self.timeLimit = timeLimit
        self.program = program
        self.grace = grace
    }

    /// `rnnlab` in the folder of the running program (`rnnlab-web`, or the test runner): both
    /// are products of one build, so they sit side by side in `.build/debug/` or `.build/release/`.
    public static func programBeside() -> URL {
        let me = FileManager.default.fileExists(atPath: "/proc/self/exe")
            ? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            : Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return me.deletingLastPathComponent().appendingPathComponent("rnnlab")
    }

    /// Where run `id` is installed when it finishes.
    nonisolated func runsFolder(_ id: String) -> URL { scratch.appendingPathComponent("runs").appendingPathComponent(id) }

    /// Where run `id` is written while it runs (a dot folder: never served, never cached).
    nonisolated func partialFolder(_ id: String) -> URL { scratch.appendingPathComponent("runs").appendingPathComponent(".\(id).partial") }

    /// The process id of the child that computes (or computed) run `id`.
    func processIdentifier(_ id: String) -> Int32? { records[id]?.pid }

    /// Checks `request` and returns its run's id and state ("done", "queued", "running"); starts
    /// or queues it unless the identical run is done or under way.
    public func submit(_ request: RunRequest) throws -> (id: String, state: String) {
        let name = request.experiment
        guard isExperimentName(name) else { throw RunRequestError(description: "not an experiment name: \(name.prefix(100))") }
        let runner = Runner(paths: paths, log: { _ in }, interactive: false)
        let schema: ExperimentSchema
        do { schema = try runner.load(name).0.schema } catch { throw RunRequestError(description: "\(error)") }
        let settings = request.settings ?? [:]
        guard settings.count <= schema.parameters.count + 8 else { throw RunRequestError(description: "too many settings") }
        let overrides = settings.keys.sorted().map { key in
            schema.spec(key).map { LabPages.setArgument(key: key, text: settings[key]!, kind: $0.kind) } ?? "\(key)=\(settings[key]!)"
        }
        let quick = request.quick ?? false
        let experiment: Experiment, file: ExperimentFile
        do {
            (experiment, file) = try runner.load(name, overrides: overrides, quick: quick)
            try experiment.check(file, paths.root)
        } catch { throw RunRequestError(description: "\(error)") }
        let settingsText = experiment.settingsJSON(file)?.text() ?? ""
        let hash = experiment.fingerprint(file, paths.root)?.hash ?? SHA256.hex("\(file.kind)\n\(settingsText)")
        let id = String(hash.prefix(24))

        if let record = records[id], !(record.final.map { if case .failed = $0 { return true } else { return false } } ?? false) {
            if case .done? = record.final { return (id, "done") }
            return (id, pending.contains(id) ? "queued" : "running")
        }
        let record = Record(name: name, overrides: overrides, quick: quick)
        records[id] = record
        if let result = finishedRun(id: id, name: name, overrides: overrides, cached: true) {
            record.events = [.done(result)]
            return (id, "done")
        }
        pending.append(id)
        record.events = [.state(pending.count == 1 && running < jobs ? "starting" : "queued (\(pending.count + running - jobs) ahead)")]
        pump()
        return (id, records[id]!.final == nil ? (pending.contains(id) ? "queued" : "running") : "done")
    }

    /// The events of run `id` so far, then each new one until the run ends; nil for an unknown id.
    public func events(_ id: String) -> AsyncStream<RunEvent>? {
        guard let record = records[id] else { return nil }
        let (stream, continuation) = AsyncStream<RunEvent>.makeStream()
        for event in record.events { continuation.yield(event) }
        if record.final != nil { continuation.finish(); return stream }
        let token = UUID()
        record.listeners[token] = continuation
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.removeListener(id, token) }
        }
        return stream
    }

    /// The run's last event (its result when done).
    public func latest(_ id: String) -> RunEvent? { records[id]?.events.last }

    private func removeListener(_ id: String, _ token: UUID) { records[id]?.listeners[token] = nil }

    private func send(_ id: String, _ event: RunEvent) {
        // A progress line that arrives after the run ended (each comes in a task of its own) is dropped.
        guard let record = records[id], record.final == nil else { return }
        if case .state = event, case .state? = record.events.last { record.events.removeLast() }   // keep one state
        record.events.append(event)
        for listener in record.listeners.values {
            listener.yield(event)
            if event.isFinal { listener.finish() }
        }
        if event.isFinal { record.listeners = [:] }
    }

    private func pump() {
        while running < jobs, !pending.isEmpty, !stopping {
            let id = pending.removeFirst()
            guard let record = records[id] else { continue }
            running += 1
            start(id, record)
        }
        for (position, id) in pending.enumerated() { send(id, .state("queued: \(position + 1) run(s) ahead")) }
    }

    private func start(_ id: String, _ record: Record) {
        send(id, .state("running"))
        let started = Date()
        let arguments = ["run", record.name, "--output", partialFolder(id).path, "--format", "png", "--log-notes"]
            + (record.quick ? ["--quick"] : []) + record.overrides.flatMap { ["--set", $0] }
        var environment = ProcessInfo.processInfo.environment
        if jobs > 1 { environment["OPENBLAS_NUM_THREADS"] = "1" }   // as `rnnlab run --jobs` gives each run
        try? FileManager.default.removeItem(at: partialFolder(id))    // left by a server that was killed
        let lastLines = LastLines()
        let process: StoppableProcess
        do {
            guard FileManager.default.isExecutableFile(atPath: program.path) else {
                throw RunRequestError(description: "\(program.path) is not built: `swift build --product rnnlab` builds it beside rnnlab-web")
            }
            process = try StoppableProcess(program, arguments, directory: paths.root, environment: environment) { [self] line in
                lastLines.add(line)
                Task { await self.send(id, .progress(line)) }
            }
        } catch {
            running -= 1   // `pump`, which called this, starts the next
            send(id, .failed("the run did not start: \(error)"))
            return
        }
        record.process = process
        record.pid = process.pid
        let limit = timeLimit, grace = self.grace
        // Waiting for the child blocks a thread for the whole run: it gets one of its own, not
        // one of the few that serve requests, and its deadline cannot be delayed by them.
        Thread.detachNewThread { [self] in
            var status = process.wait(timeout: limit)
            let timedOut = status == nil
            if timedOut { status = process.stop(grace: grace) }
            let seconds = Date().timeIntervalSince(started)
            Task { await self.finished(id, status: status!, timedOut: timedOut, seconds: seconds, lastLines: lastLines.lines) }
        }
        Task { [self] in   // elapsed time while it runs
            while true {
                try? await Task.sleep(nanoseconds: 1_000_000_000)
                guard await self.isRunning(id) else { break }
                await self.send(id, .state(String(format: "running %.0f s", Date().timeIntervalSince(started))))
            }
        }
    }

    private func isRunning(_ id: String) -> Bool {
        guard let record = records[id] else { return false }
        return record.final == nil && !pending.contains(id)
    }

    /// Stops every run (SIGTERM, then SIGKILL after `grace`) and starts no other; returns once
    /// every child has exited. For the server's shutdown.
    public func stopAll() async {
        stopping = true
        for id in pending { send(id, .failed("stopped: the server shut down before the run started")) }
        pending = []
        let children = records.values.compactMap(\.process)
        let grace = self.grace
        await withTaskGroup(of: Void.self) { group in
            for child in children {
                group.addTask {
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        Thread.detachNewThread { child.stop(grace: grace); done.resume() }
                    }
                }
            }
        }
    }

    /// A child has exited (status 128 + N after signal N): its folder is installed when it
    /// finished with its figures drawn (0, or 4: gnuplot missing, data and scripts written);
    /// otherwise its partial folder is removed and the run fails.
    private func finished(_ id: String, status: Int32, timedOut: Bool, seconds: Double, lastLines: [String]) {
        running -= 1
        defer { pump() }
        let partial = partialFolder(id), folder = runsFolder(id)
        guard let record = records[id] else { try? FileManager.default.removeItem(at: partial); return }
        record.process = nil
        // A run that finished as the limit stopped it counts as finished.
        if status == 0 || status == 4 {
            do {
                try? FileManager.default.removeItem(at: folder)
                try FileManager.default.moveItem(at: partial, to: folder)
            } catch {
                try? FileManager.default.removeItem(at: partial)
                return send(id, .failed("cannot install the run: \(error)"))
            }
            if var result = finishedRun(id: id, name: record.name, overrides: record.overrides, cached: false) {
                result.seconds = seconds
                return send(id, .done(result))
            }
            return send(id, .failed("the run wrote no manifest"))
        }
        try? FileManager.default.removeItem(at: partial)
        if timedOut {
            send(id, .failed(String(format: "stopped: the run passed the server's time limit of %.0f s (rnnlab-web --time-limit); "
                                           + "its process ended %.1f s after it started", timeLimit, seconds)))
        } else if stopping {
            send(id, .failed("stopped: the server shut down"))
        } else {
            let said = lastLines.filter { $0.hasPrefix("rnnlab: ") || $0.hasPrefix("Error: ") }
            send(id, .failed((said.isEmpty ? lastLines.suffix(1) : said).joined(separator: "\n") + " (exit status \(status))"))
        }
    }

    /// The result of the run in `runs/ID/NAME/` when its manifest is there.
    private func finishedRun(id: String, name: String, overrides: [String], cached: Bool) -> RunResult? {
        let folder = runsFolder(id).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONDecoder().decode(JSONValue.self, from: data),
              let results = manifest["results"], case .array(let figures)? = manifest["figures"] else { return nil }
        let links = figures.compactMap { f -> RunResult.FigureLink? in
            guard case .string(let figure) = f,
                  FileManager.default.fileExists(atPath: folder.appendingPathComponent(figure + ".png").path) else { return nil }
            return RunResult.FigureLink(name: figure, url: "/runs/\(id)/\(name)/\(figure).png")
        }
        var seconds = 0.0
        if case .object(let timings)? = manifest["timings_seconds"] { seconds = timings.values.compactMap(\.number).reduce(0, +) }
        return RunResult(figures: links, results: resultLines(results), seconds: seconds, cached: cached, overrides: overrides)
    }
}

/// The last lines a child wrote to standard error (its error message is among them).
final class LastLines: @unchecked Sendable {   // every access holds `lock`
    private let lock = NSLock()
    private var kept: [String] = []
    func add(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        kept.append(line)
        if kept.count > 20 { kept.removeFirst(kept.count - 20) }
    }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return kept }
}
