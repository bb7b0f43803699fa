import Foundation
import LinearAlgebra
import Recurrence

// MARK: - ngram-vs-rnn-lm

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
        s.hidden = 128; s.iterations = 600; s.evalEvery = 50; s.learningRate = 5e-3
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
            try monitor.check()
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

// MARK: - char-rnn-samples

/// `char-rnn-samples`: a character LSTM on the default corpus, samples at increasing
/// iterations and the loss curve.
public struct CharRNNSamplesSettings: Codable, Sendable, Equatable {
    public var training: LanguageModelSettings = {
        var s = LanguageModelSettings()
        s.cell = .lstm; s.hidden = 128; s.iterations = 1500; s.learningRate = 5e-3
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

// MARK: - deep-bidirectional

/// `deep-bidirectional`: ‖∂L/∂h_t‖ per layer and time step at initialisation, in stacked
/// networks of 1…4 layers and in a bidirectional layer, averaged over seeds.
///
/// The loss is on the **last step only**, L = ⟨g, y⟩ with g ~ N(0, 1), so each norm measures
/// how much of one output's gradient reaches step t and layer ℓ: in a stack y = h_T of the top
/// layer; in the bidirectional layer y = [h→_T; h←_1], the final state of each direction (the
/// usual sequence encoder), so each direction's gradient decays away from its own end. A loss
/// at every step would add fresh gradient at each t and hide the decay.
///
/// Weights W ~ U(−s/√H, s/√H) for W_x and W_h (PyTorch's default at s = 1, so ρ(W_hh) ≈ 1/√3),
/// biases 0 except the LSTM forget bias; inputs x ~ N(0, 1).
public struct DeepBidirectionalSettings: Codable, Sendable, Equatable {
    public var cells: [CellKind] = [.tanh, .lstm]
    public var depths: [Int] = [1, 2, 3, 4]
    public var hidden = 64
    public var input = 32
    public var batch = 16
    public var steps = 50
    public var seeds = 5
    public var initScale = 1.0
    /// Jozefowicz et al. (2015) and char-rnn use 1; reference-science §8 tabulates the effect.
    public var forgetBias = 1.0
    public var bidirectional = true

    public init() {}

    public static var quick: DeepBidirectionalSettings {
        var s = DeepBidirectionalSettings()
        s.hidden = 32; s.input = 16; s.batch = 8; s.steps = 30; s.seeds = 2
        return s
    }
}

public struct GradientProfile: Codable, Sendable, Equatable {
    public let cell: CellKind
    /// "stacked" or "bidirectional".
    public let architecture: String
    /// Layers in the network (1 for the bidirectional layer).
    public let depth: Int
    /// 1 = the layer that reads the input.
    public let layer: Int
    /// "forward" or "backward" (the bidirectional layer's reverse direction).
    public let direction: String
    /// Mean over seeds of ‖∂L/∂h_t‖ (Frobenius over the batch), t = 1…T in natural time.
    public let norms: [Double]
}

public struct DeepBidirectionalResult: Codable, Sendable {
    public let settings: DeepBidirectionalSettings
    public let profiles: [GradientProfile]
    public let seconds: Double
}

public func deepBidirectional(settings s: DeepBidirectionalSettings = .init(), monitor: Monitor = .silent) throws -> DeepBidirectionalResult {
    let start = DispatchTime.now().uptimeNanoseconds
    let H = s.hidden, D = s.input, B = s.batch, T = s.steps
    guard H >= 1, D >= 1, B >= 1, T >= 1, s.seeds >= 1, s.depths.allSatisfy({ $0 >= 1 }) else {
        throw TrainingError.invalidSettings("deep-bidirectional settings out of range: \(s)")
    }
    func parameters(_ kind: CellKind, _ d: Int, _ rng: inout SeededGenerator) -> CellParameters {
        var p = CellParameters(kind: kind, inputSize: d, hiddenSize: H)
        let bound = s.initScale / Double(H).squareRoot()
        p.W_x = rng.uniformMatrix(rows: p.W_x.rows, cols: d, low: -bound, high: bound)
        p.W_h = rng.uniformMatrix(rows: p.W_h.rows, cols: H, low: -bound, high: bound)
        if kind == .lstm { for k in H..<(2 * H) { p.b[k] = s.forgetBias } }
        return p
    }
    func fillGaussian(_ m: MatrixRef, _ rng: inout SeededGenerator) {
        for j in 0..<m.cols { for i in 0..<m.rows { m[i, j] = rng.gaussian() } }
    }
    var profiles: [GradientProfile] = []
    let total = s.cells.count * (s.depths.count + (s.bidirectional ? 1 : 0))
    var done = 0
    for kind in s.cells {
        for L in s.depths {
            try monitor.check()
            var sums = [[Double]](repeating: [Double](repeating: 0, count: T), count: L)
            let net = StackedRNN(kind: kind, inputSize: D, hiddenSize: H, layers: L, batch: B, steps: T)
            net.layers[0].computeInputGradient = false
            for seed in 0..<s.seeds {
                var rng = SeededGenerator(seed: UInt64(1000 * L + seed))
                let ps = (0..<L).map { parameters(kind, $0 == 0 ? D : H, &rng) }
                fillGaussian(net.x, &rng)
                net.forward(ps)
                net.dhLoss.fill(0)
                fillGaussian(net.dhLoss.columns((T - 1) * B, B), &rng)        // L = ⟨g, h_T⟩ of the top layer
                net.backward(ps)
                for l in 0..<L { for t in 0..<T { sums[l][t] += net.layers[l].gradHNorm[t] } }
            }
            for l in 0..<L {
                profiles.append(GradientProfile(cell: kind, architecture: "stacked", depth: L, layer: l + 1,
                                                direction: "forward", norms: sums[l].map { $0 / Double(s.seeds) }))
            }
            done += 1
            monitor.progress(ProgressReport(stage: "\(kind) depth \(L)", step: done, total: total))
        }
        if s.bidirectional {
            try monitor.check()
            var fw = [Double](repeating: 0, count: T), bw = fw
            let net = BidirectionalRNN(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
            for seed in 0..<s.seeds {
                var rng = SeededGenerator(seed: UInt64(9000 + seed))
                let pf = parameters(kind, D, &rng), pb = parameters(kind, D, &rng)
                fillGaussian(net.x, &rng)
                net.forward(pf, pb)
                net.dhLossForward.fill(0); net.dhLossBackward.fill(0)
                fillGaussian(net.dhLossForward.columns((T - 1) * B, B), &rng)  // ∂L/∂h→_T
                fillGaussian(net.dhLossBackward.columns(0, B), &rng)           // ∂L/∂h←_1
                net.backward(pf, pb)
                let f = net.forwardDirection.gradHNorm, b = net.gradHNormBackward
                for t in 0..<T { fw[t] += f[t]; bw[t] += b[t] }
            }
            profiles.append(GradientProfile(cell: kind, architecture: "bidirectional", depth: 1, layer: 1,
                                            direction: "forward", norms: fw.map { $0 / Double(s.seeds) }))
            profiles.append(GradientProfile(cell: kind, architecture: "bidirectional", depth: 1, layer: 1,
                                            direction: "backward", norms: bw.map { $0 / Double(s.seeds) }))
            done += 1
            monitor.progress(ProgressReport(stage: "\(kind) bidirectional", step: done, total: total))
        }
    }
    return DeepBidirectionalResult(settings: s, profiles: profiles,
                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
