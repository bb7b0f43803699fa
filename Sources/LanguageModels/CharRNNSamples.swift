import Foundation
import Training

/// `char-rnn-samples`: a character LSTM on the default corpus, samples at increasing
/// iterations and the loss curve.
public struct CharRNNSamplesSettings: Codable, Sendable, Equatable {
    public var training: LanguageModelSettings = {
        var s = LanguageModelSettings()
        s.cell = .lstm; s.hidden = 128; s.iterations = 1500; s.optimizer.learningRate = 5e-3
        s.sampleAt = [0, 100, 300, 1000, 1500]; s.gradientNormEvery = 250
        return s
    }()

    public init() {}

    public static var quick: CharRNNSamplesSettings {
        var s = CharRNNSamplesSettings()
        s.training.hidden = 32; s.training.batch = 16; s.training.steps = 25
        s.training.iterations = 100; s.training.evalEvery = 25; s.training.evalCharacters = 2000
        s.training.sampleAt = [0, 30, 100]; s.training.sampleLength = 120; s.training.gradientNormEvery = 50
        return s
    }
}

public struct CharRNNSamplesResult: Codable, Sendable {
    public let settings: CharRNNSamplesSettings
    public let corpus: CorpusSummary
    /// ln V: the loss per character of a uniform prediction, where training starts.
    public let uniformLossNats: Double
    public let initialLossNats: Double
    public let record: TrainingRecord
    /// `samples.md` text (`samplesMarkdown`).
    public let markdown: String
    /// The trained model, for `CharLanguageModel.jsonData()` and a later `sample` command.
    public let model: CharLanguageModel
}

public func charRNNSamples(corpus: Corpus, settings s: CharRNNSamplesSettings = .init(), monitor: Monitor = .silent) throws -> CharRNNSamplesResult {
    let trained = try trainLanguageModel(corpus: corpus, settings: s.training, monitor: monitor)
    let r = trained.record
    let title = "Samples from a character \(r.cell.rawValue.uppercased()) (H = \(s.training.hidden), \(s.training.layers) layer\(s.training.layers == 1 ? "" : "s")) on \(corpus.name)"
    return CharRNNSamplesResult(settings: s, corpus: corpus.summary, uniformLossNats: log(Double(corpus.vocabularySize)),
                                initialLossNats: r.initialLossNats, record: r,
                                markdown: samplesMarkdown(title: title, samples: r.samples, curve: r.curve),
                                model: trained.model)
}
