import Foundation
import Recurrence
import Testing
import Training
@testable import LanguageModels

@Suite("Language-model experiments")
struct ExperimentTests {
    @Test("samples.md reads at first / train more / train more, and no sample can break its fence")
    func markdown() {
        let samples = [TextSample(iteration: 100, prime: "a", temperature: 1, seed: 7, text: "let x = ```code```"),
                       TextSample(iteration: 0, prime: "a", temperature: 1, seed: 7, text: "qz#k"),
                       TextSample(iteration: 300, prime: "a", temperature: 1, seed: 7, text: "let x = 1")]
        let curve = [CurvePoint(iteration: 100, seconds: 1, trainBitsPerCharacter: 3, heldOutBitsPerCharacter: 2.5, gradientNorm: 1)]
        let md = samplesMarkdown(title: "Samples", samples: samples, curve: curve)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings.count == 3)
        #expect(headings[0].hasPrefix("## At first (iteration 0"))
        #expect(headings[1].hasPrefix("## Train more (iteration 100, held-out 2.50 bits/char"))
        #expect(headings[2].hasPrefix("## Train more (iteration 300"))
        #expect(md.contains("````text\nlet x = ```code```\n````\n"))
    }

    @Test("ngram-vs-rnn-lm (quick): Kneser–Ney beats add-1 at high n, tables grow with n, every RNN learns")
    func ngramVsRNNQuick() throws {
        let corpus = try Corpus(text: toyText(characters: 6000), name: "toy")
        var s = NGramVsRNNSettings.quick
        s.training.iterations = 40; s.training.evalEvery = 20; s.training.evalCharacters = 500; s.training.optimizer.learningRate = 1e-2
        let r = try ngramVsRNN(corpus: corpus, settings: s)
        #expect(r.ngrams.count == 4 * 3 && r.rnns.count == 3)
        func bits(_ n: Int, _ sm: Smoothing) -> Double { r.ngrams.first { $0.order == n && $0.smoothing == sm }!.heldOutBitsPerCharacter }
        #expect(bits(4, .kneserNey) < bits(4, .addK(1)))
        #expect(bits(3, .kneserNey) < bits(1, .kneserNey) - 1)
        let bytes = (1...4).map { n in r.ngrams.first { $0.order == n }!.memory.tableBytes }
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0 < $1 })
        for rnn in r.rnns {
            #expect(rnn.finalHeldOutBitsPerCharacter < r.uniformBitsPerCharacter - 0.5, "\(rnn.cell): \(rnn.finalHeldOutBitsPerCharacter)")
            #expect(rnn.parameterBytes == 8 * rnn.parameterCount)
        }
    }

    @Test("char-rnn-samples (quick) records samples at the chosen iterations and starts at ln V")
    func charRNNSamplesQuick() throws {
        let corpus = try Corpus(text: toyText(characters: 4000), name: "toy")
        var s = CharRNNSamplesSettings.quick
        s.training.iterations = 30; s.training.sampleAt = [0, 10, 30]; s.training.sampleLength = 40
        let r = try charRNNSamples(corpus: corpus, settings: s)
        #expect(r.record.samples.map(\.iteration) == [0, 10, 30])
        #expect(r.record.samples.allSatisfy { $0.text.unicodeScalars.count == 40 })
        #expect(abs(r.initialLossNats / r.uniformLossNats - 1) < 0.05)
        #expect(r.markdown.contains("## At first (iteration 0") && r.markdown.contains("## Train more (iteration 30"))
    }
}

/// The two language-model experiments at default size (quick with RNNLAB_QUICK=1) on the lab's own sources, timed: run with
/// `RNNLAB_LONG=1 swift test -c release --filter LanguageModelTests.LongRuns`.
@Suite("Long runs", .enabled(if: ProcessInfo.processInfo.environment["RNNLAB_LONG"] == "1"))
struct LongRuns {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test("Default-size experiments finish within the budget and report bits per character")
    func defaults() throws {
        let quick = ProcessInfo.processInfo.environment["RNNLAB_QUICK"] == "1"
        let assembled = try assembleCorpus(root: Self.root)
        let corpus = try Corpus(text: assembled.text, name: "lab sources")
        print("corpus: \(assembled.files.count) files, \(assembled.scalars) scalars, V = \(corpus.vocabularySize), sha256 \(assembled.sha256)")
        let log = Monitor(progress: { p in if p.step == p.total || p.step % 250 == 0 { print("  \(p)") } })
        func cpu() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }
        let c0 = cpu()
        let t0 = Date()
        let a = try ngramVsRNN(corpus: corpus, settings: quick ? .quick : .init(), monitor: log)
        print("ngram-vs-rnn-lm: \(a.seconds) s (counting \(a.countingSeconds) s), uniform \(a.uniformBitsPerCharacter) bits/char")
        for n in a.ngrams {
            print("  \(n.order)-gram \(n.smoothing): \(n.heldOutBitsPerCharacter) bits/char (whole held-out \(n.fullHeldOutBitsPerCharacter)), \(n.memory.distinctNGrams) n-grams, \(n.memory.tableBytes) B (interpolated \(n.memory.interpolatedTableBytes) B, dense \(n.memory.denseTableBytes) B)")
        }
        for r in a.rnns {
            print("  \(r.cell): \(r.finalHeldOutBitsPerCharacter) bits/char, \(r.parameterCount) parameters, \(r.record.trainingSeconds) s training")
        }
        let t1 = Date()
        let b = try charRNNSamples(corpus: corpus, settings: quick ? .quick : .init(), monitor: log)
        print("char-rnn-samples: \(Date().timeIntervalSince(t1)) s, initial \(b.initialLossNats) nats vs ln V \(b.uniformLossNats), final \(b.record.finalHeldOutBitsPerCharacter) bits/char")
        print(b.markdown)
        let total = Date().timeIntervalSince(t0)
        print("total: \(total) s wall, \(cpu() - c0) s CPU (all threads)")
        // The budget is checked on CPU time: wall time on a shared machine measures the other
        // jobs too, and CPU seconds of all threads bound the wall time of an idle 2-core run.
        #expect(cpu() - c0 < (quick ? 30 : 600))
    }
}
