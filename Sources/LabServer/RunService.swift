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
/// computed, instant; queued `jobs` at a time; each stopped after `timeLimit` seconds; written
/// under `scratch/runs/FINGERPRINT/NAME/`, never into `plots/`.
public actor RunService {
    public let paths: LabPaths
    public let scratch: URL
    public let jobs: Int
    public let timeLimit: Double

    private final class Record {
        let name: String
        let overrides: [String]
        let quick: Bool
        var events: [RunEvent] = []
        var listeners: [UUID: AsyncStream<RunEvent>.Continuation] = [:]
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

    public init(paths: LabPaths, scratch: URL, jobs: Int = 1, timeLimit: Double = 300) {
        self.paths = paths
        self.scratch = scratch
        self.jobs = max(1, jobs)
        self.timeLimit = timeLimit
    }

    /// Where run `id` writes its folder.
    nonisolated func runsFolder(_ id: String) -> URL { scratch.appendingPathComponent("runs").appendingPathComponent(id) }

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
        guard let record = records[id] else { return }
        if case .state = event, case .state? = record.events.last { record.events.removeLast() }   // keep one state
        record.events.append(event)
        for listener in record.listeners.values {
            listener.yield(event)
            if event.isFinal { listener.finish() }
        }
        if event.isFinal { record.listeners = [:] }
    }

    private func pump() {
        while running < jobs, !pending.isEmpty {
            let id = pending.removeFirst()
            guard let record = records[id] else { continue }
            running += 1
            start(id, record)
        }
        for (position, id) in pending.enumerated() { send(id, .state("queued: \(position + 1) run(s) ahead")) }
    }

    private func start(_ id: String, _ record: Record) {
        send(id, .state("running"))
        let paths = self.paths, output = runsFolder(id), limit = timeLimit
        let name = record.name, overrides = record.overrides, quick = record.quick
        let started = Date()
        // The computation blocks its thread for seconds or minutes: it gets a thread of its own,
        // not one of the few that serve requests.
        let thread = Thread { [self] in
            let runner = Runner(paths: paths, log: { line in Task { await self.send(id, .progress(line)) } }, interactive: false)
            runner.logsNotes = true
            var options = RunOptions()
            options.overrides = overrides
            options.quick = quick
            options.output = output
            options.formats = [.png]
            // The time limit has a thread of its own too: a timer on a shared queue can be late by
            // as long as the threads it shares are busy.
            let timedOut = Flag(), ended = Flag()
            let timer = Thread {
                let deadline = Date().addingTimeInterval(limit)
                while !ended.isSet, Date() < deadline { Thread.sleep(forTimeInterval: min(0.05, limit)) }
                if !ended.isSet { timedOut.set(); runner.cancel() }
            }
            timer.start()
            let report = runner.run([name], options: options).first
            ended.set()
            let seconds = Date().timeIntervalSince(started)
            // A run that finished before the limit stopped it counts as finished.
            let stopped = timedOut.isSet && report?.status == .cancelled
            Task { await self.finished(id, report: report, seconds: seconds, timedOut: stopped) }
        }
        thread.stackSize = 16 << 20
        thread.start()
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

    private func finished(_ id: String, report: RunReport?, seconds: Double, timedOut: Bool) {
        running -= 1
        guard let record = records[id] else { pump(); return }
        if timedOut {
            send(id, .failed(String(format: "stopped: the run passed the server's time limit of %.0f s (rnnlab-web --time-limit)", timeLimit)))
        } else if let report, report.status == .ok || { if case .figuresMissing = report.status { return true } else { return false } }(),
                  var result = finishedRun(id: id, name: record.name, overrides: record.overrides, cached: false) {
            result.seconds = seconds
            send(id, .done(result))
        } else {
            send(id, .failed(report.map { "\($0.status)" } ?? "the run did not start"))
        }
        pump()
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

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {   // every access holds `lock`
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
