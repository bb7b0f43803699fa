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
