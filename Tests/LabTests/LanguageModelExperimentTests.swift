import Foundation
import Plotting
import Testing
@testable import Lab

// The language-model experiments run on their real files with --quick sizes; the tests check the
// results their descriptions promise and that every figure draws finite numbers. (n-gram
// probabilities, training and sampling are tested in LanguageModelTests.)

/// Each experiment computed once, shared by the tests.
private let quickOutputs: [String: Result<ExperimentOutput, any Error>] = Dictionary(uniqueKeysWithValues:
    [Catalogue.ngramVsRNNLM, Catalogue.charRNNSamples].map { e in (e.name, Result { try runQuick(e) }) })

private func output(_ name: String) throws -> ExperimentOutput { try #require(quickOutputs[name]).get() }

private func number(_ value: JSONValue?, _ path: String) throws -> Double {
    try #require(value?.number, "results.\(path) is not a number")
}

@Test("language-model experiments draw only finite numbers", arguments: ["ngram-vs-rnn-lm", "char-rnn-samples"])
func figuresAreFinite(name: String) throws {
    let out = try output(name)
    #expect(!out.figures.isEmpty)
    for figure in out.figures {
        for panel in figure.panels {
            #expect(!panel.series.isEmpty, "\(name)/\(figure.name): a panel without series")
            for s in panel.series {
                let bad = (s.x + s.y).filter { !$0.isFinite }
                #expect(bad.isEmpty, "\(name)/\(figure.name) '\(s.label)': \(bad.count) non-finite values")
            }
        }
    }
}

@Test("char-rnn-samples: the first loss is ln V per character within 5 %, and samples.md and the model are written")
func charRNNInitialLoss() throws {
    let out = try output("char-rnn-samples")
    let r = out.results
    let initial = try number(r["initial_loss_nats"], "initial_loss_nats")
    let lnV = try number(r["uniform_loss_nats"], "uniform_loss_nats")
    let V = try number(r["corpus"]?["vocabulary_size"], "corpus.vocabulary_size")
    #expect(abs(lnV - log(V)) < 1e-12)
    #expect(abs(initial / lnV - 1) < 0.05, "initial loss \(initial) nats against ln V = \(lnV)")
    let final = try number(r["final_held_out_bits_per_character"], "final_held_out_bits_per_character")
    #expect(final < log2(V), "held-out \(final) bits/char after training, uniform \(log2(V))")
    let sha = try #require(r["corpus"]?["sha256"])
    guard case .string(let hex) = sha else { Issue.record("corpus.sha256 is not a string"); return }
    #expect(hex.count == 64 && hex.allSatisfy(\.isHexDigit))
    let md = String(decoding: try #require(out.files["samples.md"]), as: UTF8.self)
    #expect(md.contains("## At first (iteration 0"))
    #expect(md.components(separatedBy: "## Train more").count - 1 == 2, "two later samples in the quick run")
    let model = try #require(out.files["model-lstm.json"])
    #expect(String(decoding: model.prefix(200), as: UTF8.self).contains("\"W_S\"") || model.count > 1000)
    #expect(out.files.keys.allSatisfy { !$0.contains("/") })
}

@Test("ngram-vs-rnn-lm: n-gram and RNN bits per character are between 0 and log₂ V, memory grows with n")
func ngramVsRNNResults() throws {
    let r = try output("ngram-vs-rnn-lm").results
    let uniform = try number(r["uniform_bits_per_character"], "uniform_bits_per_character")
    for key in ["add_k_1", "add_k_0_01", "kneser_ney"] {
        guard case .array(let values) = try #require(r["ngram_bits_per_character"]?[key], "ngram_bits_per_character.\(key)") else {
            Issue.record("\(key) is not a list"); continue
        }
        #expect(values.count == 4, "quick max_order is 4")
        for v in values { let b = try #require(v.number); #expect(b > 0 && b <= uniform + 0.01, "\(key): \(b)") }
    }
    guard case .array(let memory) = try #require(r["ngram_memory_bytes"]?["kneser_ney"]) else { return }
    let bytes = memory.compactMap(\.number)
    #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0 < $1 }, "memory grows with n: \(bytes)")
    for cell in ["tanh", "lstm", "gru"] {
        let b = try number(r["rnn"]?[cell]?["final_held_out_bits_per_character"], "rnn.\(cell).final_held_out_bits_per_character")
        #expect(b > 0 && b < uniform, "\(cell): \(b) bits/char, uniform \(uniform)")
        let p = try number(r["rnn"]?[cell]?["parameter_bytes"], "rnn.\(cell).parameter_bytes")
        #expect(p > 0)
    }
}

@Test("a missing corpus file is an error naming the file, before anything is computed")
func missingCorpus() throws {
    #expect {
        _ = try runQuick(Catalogue.charRNNSamples, overrides: ["corpus.path=no-such-corpus.txt"])
    } throws: { error in
        "\(error)".contains("no-such-corpus.txt") && "\(error)".contains("no such file")
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
    let schema = ExperimentSchema(name: "extra-files", parameters: [ParameterSpec("bad", .bool, default: false, doc: "a bad name")])
    let experiment = Experiment(schema: schema, roughSeconds: 0) { file, _ in
        var files = ["notes.md": Data("# notes\n".utf8), "model.json": Data("{}".utf8)]
        if file.parameters.bool("bad") { files["../escape.txt"] = Data("x".utf8) }
        return ExperimentOutput(figures: [], results: ["ok": true], files: files)
    }
    let runner = Runner(paths: LabPaths(root: scratch.root), experiments: [experiment], log: { _ in }, interactive: false)
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
