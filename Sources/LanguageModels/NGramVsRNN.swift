import Foundation
import Recurrence
import Training

/// `ngram-vs-rnn-lm`: held-out bits per character of n-gram models (against n) and of RNN,
/// LSTM and GRU language models (against iterations and seconds), with the n-gram tables'
/// memory next to the RNNs' parameter counts.
public struct NGramVsRNNSettings: Codable, Sendable, Equatable {
    /// n = 1 … maxOrder (6: beyond it the tables of a small corpus mostly store singletons).
    public var maxOrder = 6
    /// Add-1 (Laplace) shows how badly uniform pseudo-counts do at high n; add-0.01 is a
    /// tuned add-k; Kneser–Ney is the standard to beat.
    public var smoothings: [Smoothing] = [.addK(1), .addK(0.01), .kneserNey]
    public var cells: [CellKind] = [.tanh, .lstm, .gru]
    /// Shared by every RNN; `cell` is set from `cells`.
    public var training: LanguageModelSettings = {
        var s = LanguageModelSettings()
        // 5·10⁻³ rather than char-rnn's 2·10⁻³: a few hundred iterations, not 50 epochs.
        s.hidden = 128; s.iterations = 600; s.evalEvery = 50; s.optimizer.learningRate = 5e-3
        s.sampleAt = []; s.gradientNormEvery = 0
        return s
    }()

    public init() {}

    /// Seconds rather than minutes: small models, few iterations.
    public static var quick: NGramVsRNNSettings {
        var s = NGramVsRNNSettings()
        s.maxOrder = 4
        s.training.hidden = 32; s.training.batch = 16; s.training.steps = 25
        s.training.iterations = 60; s.training.evalEvery = 20; s.training.evalCharacters = 2000
        return s
    }
}

public struct NGramResult: Codable, Sendable, Equatable {
    public let order: Int
    public let smoothing: Smoothing
    /// On the held-out characters the RNNs are scored on (`evaluationRange`), for a fair comparison.
    public let heldOutBitsPerCharacter: Double
    /// 2^heldOutBitsPerCharacter.
    public let perplexity: Double
    /// On the whole held-out split.
    public let fullHeldOutBitsPerCharacter: Double
    public let memory: NGramMemory
}

public struct RNNResult: Codable, Sendable {
    public let cell: CellKind
    public let parameterCount: Int
    /// parameterCount × 8 (Float64), to set beside the n-gram tables' bytes.
    public let parameterBytes: Int
    public let finalHeldOutBitsPerCharacter: Double
    public let record: TrainingRecord
}

public struct NGramVsRNNResult: Codable, Sendable {
    public let settings: NGramVsRNNSettings
    public let corpus: CorpusSummary
    /// log₂ V: a model that has learnt nothing.
    public let uniformBitsPerCharacter: Double
    public let ngrams: [NGramResult]
    public let rnns: [RNNResult]
    public let countingSeconds: Double
    public let seconds: Double
}

public func ngramVsRNN(corpus: Corpus, settings s: NGramVsRNNSettings = .init(), monitor: Monitor = .silent) throws -> NGramVsRNNResult {
    let start = DispatchTime.now().uptimeNanoseconds
    func elapsed(_ t0: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 }
    let counts = try NGramCounts(training: corpus.trainIDs, vocabularySize: corpus.vocabularySize, maxOrder: s.maxOrder)
    let countingSeconds = elapsed(start)
    let scored = evaluationRange(corpus: corpus, characters: s.training.evalCharacters,
                                 streams: s.training.evalStreams, steps: s.training.steps)
    var ngrams: [NGramResult] = []
    let total = s.maxOrder * s.smoothings.count
    for n in 1...s.maxOrder {
        for smoothing in s.smoothings {
            try monitor.check("n-gram models", completed: ngrams.count)
            let model = NGramModel(counts: counts, order: n, smoothing: smoothing)
            let bits = model.crossEntropy(of: corpus.ids, range: scored)
            let full = model.crossEntropy(of: corpus.ids, range: corpus.heldOutRange)
            ngrams.append(NGramResult(order: n, smoothing: smoothing, heldOutBitsPerCharacter: bits,
                                      perplexity: pow(2, bits), fullHeldOutBitsPerCharacter: full, memory: model.memory))
            monitor.progress(ProgressReport(stage: "\(n)-gram \(smoothing)", step: ngrams.count, total: total, bitsPerCharacter: bits))
        }
    }
    var rnns: [RNNResult] = []
    for cell in s.cells {
        var t = s.training
        t.cell = cell
        let trained = try trainLanguageModel(corpus: corpus, settings: t, monitor: monitor)
        let p = trained.model.parameterCount
        rnns.append(RNNResult(cell: cell, parameterCount: p, parameterBytes: 8 * p,
                              finalHeldOutBitsPerCharacter: trained.record.finalHeldOutBitsPerCharacter, record: trained.record))
    }
    return NGramVsRNNResult(settings: s, corpus: corpus.summary, uniformBitsPerCharacter: log2(Double(corpus.vocabularySize)),
                            ngrams: ngrams, rnns: rnns, countingSeconds: countingSeconds, seconds: elapsed(start))
}
