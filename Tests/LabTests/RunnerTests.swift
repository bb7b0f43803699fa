import Foundation
import Plotting
import Testing
@testable import Lab

// The runner around a kind's computation: the files it writes beside the figures, and the checks
// of what a file's settings point at, made before anything is computed.

/// A kind that computes nothing and asks the runner to write two files (or one named with a slash).
private enum ExtraFiles: ExperimentKind {
    static let name = "extra-files"
    static let roughSeconds = 0.0

    struct Settings: ExperimentSettings {
        var bad = false
        init() {}
        static let fields: [Setting<Self>] = [.bool("bad", \.bad, doc: "ask for a file name with a slash")]
    }

    struct Result: Codable, Sendable { var ok = true }

    static func run(_ settings: Settings, context: RunContext) throws -> Result { Result() }
    static func figures(_ result: Result, settings: Settings) -> [Figure] { [] }
    static func files(_ result: Result, settings: Settings) throws -> [String: Data] {
        var files = ["notes.md": Data("# notes\n".utf8), "model.json": Data("{}".utf8)]
        if settings.bad { files["../escape.txt"] = Data("x".utf8) }
        return files
    }
}

@Test("the runner writes an experiment's extra files beside its figures, and refuses a name with a slash")
func runnerWritesFiles() throws {
    let scratch = Scratch()
    _ = scratch.write("extra-files", """
        version = 1
        title = "Extra files"
        section = "tests"
        description = "Writes two files."

        [parameters]
        bad = false  # whether to ask for a path with a slash
        """)
    let runner = Runner(paths: LabPaths(root: scratch.root), experiments: [Experiment(ExtraFiles.self)], log: { _ in }, interactive: false)
    var options = RunOptions()
    let reports = runner.run(["extra-files"], options: options)
    #expect(reports.first?.status == .ok)
    let folder = scratch.root.appendingPathComponent("plots/extra-files")
    #expect(try String(contentsOf: folder.appendingPathComponent("notes.md"), encoding: .utf8) == "# notes\n")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.json").path))
    options.overrides = ["bad=true"]
    let bad = runner.run(["extra-files"], options: options)
    if case .computeFailed(let message) = bad.first?.status { #expect(message.contains("escape.txt")) }
    else { Issue.record("a file name with a slash was accepted: \(String(describing: bad.first?.status))") }
    #expect(!FileManager.default.fileExists(atPath: scratch.root.appendingPathComponent("plots/escape.txt").path))
}

/// Runs the repository's `experiments/NAME.toml` with --quick and `overrides` into a scratch folder:
/// the report, and whether the run wrote its folder.
private func runRepository(_ name: String, _ overrides: [String]) -> (status: RunStatus?, wrote: Bool) {
    let scratch = Scratch()
    let runner = Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false)
    var options = RunOptions()
    options.quick = true
    options.overrides = overrides
    options.output = scratch.root.appendingPathComponent("out")
    let status = runner.run([name], options: options).first?.status
    return (status, FileManager.default.fileExists(atPath: scratch.root.appendingPathComponent("out/\(name)").path))
}

@Test("a missing corpus file is a bad file naming the key and the path, found before anything is computed")
func missingCorpusIsRefusedBeforeComputing() throws {
    let (status, wrote) = runRepository("char-rnn-samples", ["corpus.path=no-such-corpus.txt"])
    guard case .badFile(let message) = status else { Issue.record("not a bad file: \(String(describing: status))"); return }
    #expect(message.hasPrefix("experiments/char-rnn-samples.toml: --set corpus.path=\"no-such-corpus.txt\": parameters.corpus.path: "))
    #expect(message.contains("no-such-corpus.txt: no such file"), "\(message)")
    #expect(status?.exitCode == 2 && !wrote)
}

@Test("a corpus too short for the sizes is a bad file naming the minimum length, before anything is computed")
func shortCorpusNamesTheMinimum() throws {
    let scratch = Scratch()
    let one = scratch.root.appendingPathComponent("one.txt")
    try Data("a".utf8).write(to: one)
    let (status, wrote) = runRepository("ngram-vs-rnn-lm", ["corpus.path=\(one.path)"])
    guard case .badFile(let message) = status else { Issue.record("not a bad file: \(String(describing: status))"); return }
    // --quick: B = 16 streams of T + 1 = 26 characters is 416 for training; 462 − round(46.2) = 416.
    #expect(message.contains("one.txt: 1 character; these settings need at least 462: the training split (the first 90 %) "
                             + "must hold training.batch = 16 streams of training.steps + 1 = 26 characters"), "\(message)")
    #expect(!wrote)
}

@Test("an n-gram order whose keys overflow for the corpus's V is a bad file, before anything is computed")
func ngramOrderBeyondTheKeyIsRefused() throws {
    let (status, _) = runRepository("ngram-vs-rnn-lm", ["ngram.max_order=9"])
    guard case .badFile(let message) = status else { Issue.record("not a bad file: \(String(describing: status))"); return }
    #expect(message.hasSuffix("parameters.ngram.max_order: 9: order-n keys over this corpus's V = 175 symbols fit 63 bits only up to n = 8"),
            "\(message)")
}

/// A kind that records when each run starts, then waits `ms` milliseconds.
private enum Sleeper: ExperimentKind {
    static let name = "sleeper"
    static let roughSeconds = 0.0
    static let started = StartLog()

    final class StartLog: @unchecked Sendable {  // every access holds `lock`
        private let lock = NSLock()
        private var names: [String] = []
        func append(_ name: String) { lock.lock(); names.append(name); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return names }
    }

    struct Settings: ExperimentSettings {
        var ms = 0
        init() {}
        static let fields: [Setting<Self>] = [.int("ms", \.ms, .between(0, 10_000), doc: "how long the run waits")]
    }

    struct Result: Codable, Sendable { var ok = true }

    static func run(_ settings: Settings, context: RunContext) throws -> Result {
        started.append(context.experiment)
        Thread.sleep(forTimeInterval: Double(settings.ms) / 1000)
        return Result()
    }
    static func figures(_ result: Result, settings: Settings) -> [Figure] { [] }
}

@Test("several jobs start the runs that took longest first (from their manifests), an unmeasured one first of all")
func concurrentRunsStartLongestFirst() throws {
    #expect(largestFirst([1, 5, nil, 3]) == [2, 1, 3, 0])
    #expect(largestFirst([2, 2, 1]) == [0, 1, 2])   // ties keep the given order
    let scratch = Scratch()
    for name in ["short", "long", "middle", "new"] {
        _ = scratch.write(name, """
            version = 1
            kind = "sleeper"
            title = "Sleeper"
            section = "tests"
            description = "Waits."

            [parameters]
            ms = 300  # long enough that the first two runs start before either ends
            """)
    }
    // The committed runs' times, as a finished run's manifest records them.
    for (name, seconds) in [("short", 1.0), ("long", 40.0), ("middle", 7.0)] {
        let folder = scratch.root.appendingPathComponent("plots/\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"timings_seconds": {"compute": \#(seconds), "figures": 0.5}}"#.utf8)
            .write(to: folder.appendingPathComponent("manifest.json"))
    }
    let runner = Runner(paths: LabPaths(root: scratch.root), experiments: [Experiment(Sleeper.self)], log: { _ in }, interactive: false)
    var options = RunOptions()
    options.jobs = 2
    options.output = scratch.root.appendingPathComponent("out")
    let reports = runner.run(["short", "long", "middle", "new"], options: options)
    #expect(reports.map(\.name) == ["short", "long", "middle", "new"])   // reported in the order asked
    #expect(reports.allSatisfy { $0.status == .ok })
    let order = Sleeper.started.all
    #expect(Set(order.prefix(2)) == ["new", "long"])
    #expect(Array(order.suffix(2)) == ["middle", "short"])
}
