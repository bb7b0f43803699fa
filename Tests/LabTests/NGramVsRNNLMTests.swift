import Foundation
import Plotting
import Testing
@testable import Lab

// ngram-vs-rnn-lm at its --quick size (n = 1…4, three RNNs of H = 32 for 40 updates) on the
// committed corpus, read through its typed result. (n-gram probabilities, training and sampling
// themselves are tested in LanguageModelTests.)

private let quick = Result { try runQuick(NGramVsRNNLM.self) }

@Test("ngram-vs-rnn-lm: the default corpus is the committed snapshot, recorded by its hash and sizes")
func defaultCorpusIsTheSnapshot() throws {
    let c = try quick.get().result.corpus
    // The snapshot's numbers are the ones chapter 2 quotes; a new snapshot must update the chapter.
    #expect(c.source == "corpus/lab-snapshot.txt" && c.files == 1)
    #expect(c.sha256 == "a675adf8a6f5af21ab2a6c970e146e382b7905375ee6c5075f8c8f5bf1e5d35d")
    #expect(c.characters == 917_768 && c.trainCharacters == 825_991 && c.heldOutCharacters == 91_777)
    #expect(c.vocabularySize == 175 && c.heldOutUnknownCharacters == 11)
}

@Test("ngram-vs-rnn-lm (quick): n-gram and RNN bits per character are between 0 and log₂ V, memory grows with n")
func bitsAreBetweenZeroAndUniform() throws {
    let r = try quick.get().result
    let uniform = r.uniformBitsPerCharacter
    #expect(abs(uniform - log2(Double(r.corpus.vocabularySize))) < 1e-12)
    #expect(Set(r.ngramBitsPerCharacter.keys) == ["add_k_1", "add_k_0_01", "kneser_ney"])
    for (key, values) in r.ngramBitsPerCharacter {
        #expect(values.count == 4, "\(key): quick max_order is 4")
        for b in values { #expect(b > 0 && b <= uniform + 0.01, "\(key): \(b)") }
    }
    let bytes = try #require(r.ngramMemoryBytes["kneser_ney"])
    #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0 < $1 }, "memory grows with n: \(bytes)")
    for cell in ["tanh", "lstm", "gru"] {
        let m = try #require(r.rnn[cell], "rnn.\(cell)")
        #expect(m.finalHeldOutBitsPerCharacter > 0 && m.finalHeldOutBitsPerCharacter < uniform,
                "\(cell): \(m.finalHeldOutBitsPerCharacter) bits/char, uniform \(uniform)")
        #expect(m.parameterBytes > 0)
    }
}

@Test("ngram-vs-rnn-lm (quick): Kneser–Ney beats add-1 at high n, the order-n tables grow with n, every RNN learns")
func kneserNeyBeatsAddOneAndEveryRNNLearns() throws {
    let r = try quick.get().result
    #expect(r.ngrams.count == 4 * 3 && r.rnns.count == 3)
    func bits(_ n: Int, _ key: String) throws -> Double { try #require(r.ngramBitsPerCharacter[key])[n - 1] }
    #expect(try bits(4, "kneser_ney") < bits(4, "add_k_1"))
    #expect(try bits(3, "kneser_ney") < bits(1, "kneser_ney") - 1)
    let table = try #require(r.ngramMemoryBytes["add_k_1"])
    #expect(zip(table, table.dropFirst()).allSatisfy { $0 < $1 }, "order-n tables: \(table)")
    for rnn in r.rnns {
        let final = rnn.record.finalHeldOutBitsPerCharacter
        #expect(final < r.uniformBitsPerCharacter - 0.5, "\(rnn.cell): \(final) bits/char")
        #expect(rnn.parameterBytes == 8 * rnn.parameterCount)
    }
    #expect(r.bestNGram.smoothing == "kneser_ney" && r.bestNGram.order == 4)
}

@Test("ngram-vs-rnn-lm: the manifest's results are the encoded typed result, with today's keys")
func ngramResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try NGramVsRNNLM.json(r)
    #expect(json["corpus"]?["sha256"] == .string(r.corpus.sha256) && json["corpus"]?["vocabulary_size"]?.number == 175)
    #expect(json["corpus"]?["name"] == nil)
    #expect(json["orders"] == JSONValue([1, 2, 3, 4]) && json["held_out_characters_scored"]?.number == 2000)
    #expect(json["ngram_bits_per_character"]?["add_k_0_01"] == JSONValue(try #require(r.ngramBitsPerCharacter["add_k_0_01"])))
    #expect(json["best_ngram"]?["smoothing"] == .string("kneser_ney"))
    #expect(json["rnn"]?["gru"]?["parameter_bytes"]?.number == Double(try #require(r.rnn["gru"]).parameterBytes))
    #expect(json["rnn"]?["lstm"]?["initial_loss_nats"]?.number != nil)
    #expect(json["ngrams"] == nil && json["rnns"] == nil, "the curves stay in the figures' data")
}

@Test("ngram-vs-rnn-lm: the figures draw finite data")
func ngramFiguresAreDrawable() throws {
    let figures = try quick.get().figures
    #expect(figures.map(\.name) == ["bits-per-character", "memory"])
    expectFiguresDrawable(figures, experiment: NGramVsRNNLM.name)
}

@Test("ngram-vs-rnn-lm (quick): each bits panel keeps its key in a band above every curve, reference line and label")
func bitsKeysCoverNoData() throws {
    let figure = try #require(try quick.get().figures.first { $0.name == "bits-per-character" })
    for (p, panel) in figure.panels.enumerated() {
        let range = try #require(panel.yRange, "panel \(p + 1) fits its y axis to the data")
        let keyed = panel.series.filter { !$0.label.isEmpty }.count
        let highest = (panel.series.flatMap(\.y) + panel.referenceLines.map(\.value)).filter(\.isFinite).max() ?? range.upperBound
        let span = range.upperBound - range.lowerBound
        // Above the highest value: its reference line's label, then the key.
        let free = (range.upperBound - highest) / span
        #expect(panel.key == .topRight && free >= NGramVsRNNLM.keyShare(entries: keyed) + 0.05,
                "panel \(p + 1): \(free) of the axis above the data for a key of \(keyed) entries")
    }
}

@Test("ngram-vs-rnn-lm: a corpus given by an absolute path is named by its file name in the title, never by its folders")
func titlesNameNoFolders() throws {
    var r = try quick.get().result
    r.corpus.name = "/home/someone/texts/war-and-peace.txt"
    let figures = NGramVsRNNLM.figures(r, settings: try quickSettings(NGramVsRNNLM.self))
    let titles = figures.flatMap { [$0.title] + $0.panels.map(\.title) }
    #expect(titles.contains { $0.contains("war-and-peace.txt") })
    #expect(!titles.contains { $0.contains("/home") }, "\(titles)")
    #expect(corpusTitle("the lab's sources and notebooks") == "the lab's sources and notebooks")
}

/// Release-mode timing of both language-model experiments at their default sizes on the committed
/// corpus: `RNNLAB_LONG=1 swift test -c release --filter long` (RNNLAB_QUICK=1 for the quick sizes).
@Test("long: the language-model experiments at default size finish within the budget and report bits per character",
      .enabled(if: longRuns))
func longLanguageModels() throws {
    let quick = environment("RNNLAB_QUICK") == "1"
    let context = RunContext(experiment: "long", root: repositoryRoot, report: { say("  \($0)") })
    func cpu() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }
    let c0 = cpu(), t0 = Date()
    let a = try NGramVsRNNLM.run(quick ? try quickSettings(NGramVsRNNLM.self) : .init(), context: context)
    say("corpus: \(a.corpus.characters) characters, V = \(a.corpus.vocabularySize), sha256 \(a.corpus.sha256)")
    say("ngram-vs-rnn-lm: \(a.seconds) s (counting \(a.countingSeconds) s), uniform \(a.uniformBitsPerCharacter) bits/char")
    for n in a.ngrams {
        say("  \(n.order)-gram \(n.smoothing): \(n.heldOutBitsPerCharacter) bits/char (whole held-out \(n.fullHeldOutBitsPerCharacter)), "
            + "\(n.memory.distinctNGrams) n-grams, \(n.memory.tableBytes) B (interpolated \(n.memory.interpolatedTableBytes) B)")
    }
    for m in a.rnns {
        say("  \(m.cell): \(m.record.finalHeldOutBitsPerCharacter) bits/char, \(m.parameterCount) parameters, \(m.record.trainingSeconds) s")
    }
    let t1 = Date()
    let b = try CharRNNSamples.run(quick ? try quickSettings(CharRNNSamples.self) : .init(), context: context)
    say("char-rnn-samples: \(Date().timeIntervalSince(t1)) s, initial \(b.initialLossNats) nats vs ln V \(b.uniformLossNats), "
        + "final \(b.finalHeldOutBitsPerCharacter) bits/char")
    for s in b.trained?.record.samples ?? [] { say("  iteration \(s.iteration): \(s.text.debugDescription)") }
    say("total: \(Date().timeIntervalSince(t0)) s wall, \(cpu() - c0) s CPU (all threads)")
    #expect(a.rnn.values.allSatisfy { $0.finalHeldOutBitsPerCharacter < a.uniformBitsPerCharacter })
    #expect(b.finalHeldOutBitsPerCharacter < b.uniformLossNats / log(2))
    // The budget is checked on CPU time: wall time on a shared machine measures the other jobs
    // too, and CPU seconds of all threads bound the wall time of an idle 2-core run.
    #expect(cpu() - c0 < (quick ? 30 : 600))
}
