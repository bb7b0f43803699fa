import Foundation
import Plotting
import Testing
@testable import Lab

// char-rnn-samples at its --quick size (an LSTM of H = 32 for 60 updates, samples at 0, 20 and 60)
// on the committed corpus, read through its typed result and the files it writes.

private let quick = Result { try runQuick(CharRNNSamples.self) }
private let files = Result { try CharRNNSamples.files(quick.get().result, settings: quickSettings(CharRNNSamples.self)) }

@Test("char-rnn-samples: the first loss is ln V per character within 5 %, and training brings it below log₂ V")
func firstLossIsLnV() throws {
    let r = try quick.get().result
    let V = Double(r.corpus.vocabularySize)
    #expect(abs(r.uniformLossNats - log(V)) < 1e-12)
    #expect(abs(r.initialLossNats / r.uniformLossNats - 1) < 0.05, "initial loss \(r.initialLossNats) nats against ln V = \(r.uniformLossNats)")
    #expect(abs(r.initialLossRelativeError - (r.initialLossNats / r.uniformLossNats - 1)) < 1e-15)
    #expect(r.finalHeldOutBitsPerCharacter < log2(V), "held-out \(r.finalHeldOutBitsPerCharacter) bits/char after training, uniform \(log2(V))")
    #expect(r.corpus.sha256.count == 64 && r.corpus.sha256.allSatisfy(\.isHexDigit))
}

@Test("char-rnn-samples (quick): samples at the chosen iterations, each of sample.length characters, one seed for all")
func samplesAtTheChosenIterations() throws {
    let r = try quick.get().result
    let samples = try #require(r.trained?.record.samples)
    #expect(r.sampleIterations == [0, 20, 60] && samples.map(\.iteration) == [0, 20, 60])
    #expect(samples.allSatisfy { $0.text.unicodeScalars.count == 120 && $0.seed == 7 && $0.temperature == 1 })
    #expect(Set(r.heldOutBitsPerCharacterAtSamples.keys) == ["iteration_0", "iteration_20", "iteration_60"])
    #expect(r.gradientNormRatios.map(\.iteration) == [0, 20, 40], "‖∂L/∂h_t‖ every 20 iterations")
}

@Test("char-rnn-samples: samples.md reads at first / train more, and the trained model is saved beside it")
func samplesMarkdownAndModelAreWritten() throws {
    let out = try files.get()
    #expect(out.keys.sorted() == ["model-lstm.json", "samples.md"] && out.keys.allSatisfy { !$0.contains("/") })
    let md = String(decoding: try #require(out["samples.md"]), as: UTF8.self)
    #expect(md.hasPrefix("# Samples from a character LSTM (H = 32, 1 layer) on the lab's sources and notebooks\n"))
    #expect(md.contains("## At first (iteration 0") && md.contains("## Train more (iteration 60"))
    #expect(md.components(separatedBy: "## Train more").count - 1 == 2, "two later samples in the quick run")
    #expect(md.hasSuffix("Corpus: corpus/lab-snapshot.txt, 917768 characters (825991 for training), vocabulary 175 symbols, "
                         + "SHA-256 a675adf8a6f5af21ab2a6c970e146e382b7905375ee6c5075f8c8f5bf1e5d35d.\n"))
    let model = try #require(out["model-lstm.json"])
    #expect(String(decoding: model.prefix(200), as: UTF8.self).contains("\"W_S\"") || model.count > 1000)
}

@Test("char-rnn-samples: the manifest's results are the encoded typed result, with today's keys")
func charRNNResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try CharRNNSamples.json(r)
    #expect(json["cell"] == .string("lstm") && json["iterations"]?.number == 60)
    #expect(json["parameter_count"]?.number == Double(r.parameterCount))
    #expect(json["corpus"]?["train_characters"]?.number == 825_991)
    #expect(json["held_out_bits_per_character_at_samples"]?["iteration_60"]?.number == r.finalHeldOutBitsPerCharacter)
    #expect(json["sample_iterations"] == JSONValue([0, 20, 60]))
    guard case .array(let ratios)? = json["gradient_norm_ratios"] else { Issue.record("gradient_norm_ratios is not a list"); return }
    #expect(ratios.count == 3 && ratios[0]["iteration"]?.number == 0)
    #expect(ratios[0]["log10_dh1_over_dhT"] == JSONValue([try #require(r.gradientNormRatios[0].log10DH1OverDHT[0])]))
    #expect(json["trained"] == nil, "the model and curves stay in their files")
}

@Test("char-rnn-samples: the figures draw finite data")
func charRNNFiguresAreDrawable() throws {
    let figures = try quick.get().figures
    #expect(figures.map(\.name) == ["loss", "gradient-norms"])
    expectFiguresDrawable(figures, experiment: CharRNNSamples.name)
}

@Test("char-rnn-samples: a corpus given by an absolute path is named by its file name in the figure and samples.md titles, never by its folders")
func charTitlesNameNoFolders() throws {
    var r = try quick.get().result
    r.corpus.name = "/home/someone/texts/war-and-peace.txt"
    let settings = try quickSettings(CharRNNSamples.self)
    let titles = CharRNNSamples.figures(r, settings: settings).flatMap { [$0.title] + $0.panels.map(\.title) }
    #expect(titles.contains { $0.contains("war-and-peace.txt") } && !titles.contains { $0.contains("/home") }, "\(titles)")
    let samples = try #require(try CharRNNSamples.files(r, settings: settings)["samples.md"])
    let heading = String(decoding: samples, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    #expect(heading.contains("war-and-peace.txt") && !heading.contains("/home"), "\(heading)")
}
