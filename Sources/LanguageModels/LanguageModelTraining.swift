import Foundation
import LinearAlgebra
import Recurrence
import Training

/// How to train a character RNN language model. Defaults follow char-rnn where it has one
/// (T = 50, ±0.08 initialisation, forget bias 1, clip 5); sizes are smaller so a run fits
/// the lab's minutes on two cores.
public struct LanguageModelSettings: Codable, Sendable, Equatable {
    public var cell: CellKind = .lstm
    /// H, units per layer.
    public var hidden = 128
    /// Recurrent layers (a StackedRNN when more than 1).
    public var layers = 1
    /// B streams read the training text side by side, each its own 1/B of the text.
    public var batch = 32
    /// T, characters per chunk: the truncation length of BPTT.
    public var steps = 50
    public var iterations = 1000
    /// Adam at η = 2·10⁻³: char-rnn's rate (for RMSprop), right for Adam at these sizes.
    /// Adagrad wants 0.1.
    public var optimizer: OptimizerSettings = .adam(2e-3)
    /// The global norm clipped at 5 (char-rnn's `grad_clip`).
    public var clipping: Clipping = .norm(5)
    /// Cell weights and biases U(−s, s), char-rnn's s = 0.08.
    public var initScale = 0.08
    /// W_S U(−s, s): small, so the first softmax is near uniform (loss ≈ ln V).
    public var readoutInitScale = 0.01
    public var forgetBias = 1.0
    public var seed: UInt64 = 123
    /// Held-out bits per character every this many iterations (and at 0 and the end).
    public var evalEvery = 100
    /// Held-out characters evaluated (the first ones of the held-out split); bounds the cost.
    public var evalCharacters = 10_000
    /// Held-out text is read by this many streams in parallel (each starts from h = 0).
    public var evalStreams = 16
    /// ‖∂L/∂h_t‖ of every layer and step, every this many iterations (0 = never).
    public var gradientNormEvery = 100
    /// Iterations after which a sample is drawn (0 = before training).
    public var sampleAt: [Int] = [0, 100, 300, 1000, 3000]
    public var sampleLength = 200
    /// 1 samples the model itself (min-char-rnn's `np.random.choice(p=…)`).
    public var sampleTemperature = 1.0
    /// The text fed in before sampling; nil = the first character of the training text.
    public var samplePrime: String? = nil
    /// Every sample uses this seed, so samples differ only because the model changed.
    public var sampleSeed: UInt64 = 7

    public init() {}

    /// Characters the training text must hold: B streams of T + 1 (inputs x_1…x_T and targets
    /// x_2…x_{T+1} of a stream's first chunk). `trainLanguageModel` refuses a shorter text.
    public var minimumTrainingCharacters: Int { batch * (steps + 1) }

    /// min-char-rnn (Karpathy 2015): tanh, H = 100, one stream, T = 25, Adagrad η = 0.1,
    /// element-wise clipping at 5, weights N(0, 0.01²) approximated by U(±0.017).
    public static var minCharRNN: LanguageModelSettings {
        var s = LanguageModelSettings()
        s.cell = .tanh; s.hidden = 100; s.batch = 1; s.steps = 25
        s.optimizer = .adagrad(0.1); s.clipping = .value(5)
        s.initScale = 0.01 * 3.0.squareRoot(); s.readoutInitScale = 0.01 * 3.0.squareRoot()
        return s
    }
}

/// Bits per character at one point of training.
public struct CurvePoint: Codable, Sendable, Equatable {
    /// Parameter updates done.
    public let iteration: Int
    /// Training time so far, without evaluation and sampling.
    public let seconds: Double
    /// Mean minibatch cross-entropy over the iterations since the previous point (at 0: the
    /// first minibatch before any update), in bits per character.
    public let trainBitsPerCharacter: Double
    public let heldOutBitsPerCharacter: Double
    /// Mean ‖∇θ‖ before clipping over the same iterations.
    public let gradientNorm: Double
}

/// ‖∂L/∂h_t‖ for t = 1…T in every layer (bottom first), for the minibatch seen after
/// `iteration` updates. L is the mean cross-entropy of the chunk, so late steps get their own
/// loss term plus what flows back; the gradient stops at the chunk's start (truncation).
public struct GradientNormSnapshot: Codable, Sendable, Equatable {
    public let iteration: Int
    public let layers: [[Double]]
}

public struct TextSample: Codable, Sendable, Equatable {
    public let iteration: Int
    public let prime: String
    public let temperature: Double
    public let seed: UInt64
    public let text: String
}

/// Everything a training run recorded.
public struct TrainingRecord: Codable, Sendable {
    public let settings: LanguageModelSettings
    public let cell: CellKind
    public let vocabularySize: Int
    public let parameterCount: Int
    /// Mean loss per character of the first minibatch before any update, in nats; ≈ ln V.
    public let initialLossNats: Double
    public let curve: [CurvePoint]
    public let gradientNorms: [GradientNormSnapshot]
    public let samples: [TextSample]
    public let iterations: Int
    public let trainingSeconds: Double
    /// Held-out characters behind each `heldOutBitsPerCharacter`.
    public let heldOutCharactersEvaluated: Int
    public var finalHeldOutBitsPerCharacter: Double { curve.last?.heldOutBitsPerCharacter ?? .nan }
}

public struct TrainedLanguageModel: Codable, Sendable {
    public let model: CharLanguageModel
    public let record: TrainingRecord
}

public enum TrainingError: Error, CustomStringConvertible, Equatable, Sendable {
    case corpusTooShort(characters: Int, streams: Int, steps: Int)
    case invalidSettings(String)
    case diverged(iteration: Int)

    public var description: String {
        switch self {
        case .corpusTooShort(let n, let b, let t):
            return "the training text has \(n) characters; \(b) streams of chunks of \(t) + 1 need at least \(b * (t + 1))"
        case .invalidSettings(let s): return s
        case .diverged(let i): return "the loss is not finite at iteration \(i)"
        }
    }
}

/// A text as the training loop's batch source: truncated BPTT that carries the state.
///
/// - the training text is cut into B equal streams; each batch is the next T + 1 characters of
///   every stream (inputs x_1…x_T, targets x_2…x_{T+1});
/// - h (and c) at the end of a chunk is the next chunk's h_0, but no gradient flows across
///   the boundary; a stream that reaches its end starts again from its beginning with h = 0
///   (min-char-rnn resets at the wrap too);
/// - L is the mean cross-entropy per character over the B·T positions.
final class TextStreamSource: BatchSource {
    private(set) var model: CharLanguageModel
    let workspace: LanguageModelWorkspace
    private let text: [Int]
    private let segment: Int                // characters per stream
    private var position: [Int]             // where each stream reads next
    private var inputs: [Int], targets: [Int]

    init(model: CharLanguageModel, text: [Int], streams B: Int, steps T: Int) {
        let segment = text.count / B
        self.model = model
        self.text = text
        self.segment = segment
        position = (0..<B).map { $0 * segment }
        workspace = LanguageModelWorkspace(model: model, batch: B, steps: T)
        inputs = [Int](repeating: 0, count: T * B)
        targets = inputs
    }

    var parameterCount: Int { model.parameterCount }
    func gatherParameters(into θ: inout [Double]) { θ = model.flat }
    func scatterParameters(_ θ: [Double]) { model.flat = θ }

    func lossAndGradient(into g: inout [Double]) -> Double {
        let B = workspace.B, T = workspace.T
        workspace.carryState()
        for b in 0..<B {
            if position[b] + T + 1 > (b + 1) * segment { position[b] = b * segment; workspace.resetStream(b) }
            for t in 0..<T {
                inputs[t * B + b] = text[position[b] + t]
                targets[t * B + b] = text[position[b] + t + 1]
            }
            position[b] += T
        }
        return workspace.lossAndGradient(model, inputs: inputs, targets: targets, gradient: &g) / Double(T * B)
    }
}

/// Trains a character RNN language model on a `TextStreamSource` with the one training loop
/// (`runTrainingLoop`): the gradient is clipped (`settings.clipping`) and applied by any of the
/// five optimisers (`settings.optimizer`, constant η). Held-out bits per character are measured
/// at 0, every `evalEvery` updates and at the end; samples are drawn at `sampleAt`.
///
/// `monitor` is polled every iteration; cancelling throws `Cancelled`.
public func trainLanguageModel(corpus: Corpus, settings s: LanguageModelSettings, monitor: Monitor = .silent) throws -> TrainedLanguageModel {
    guard s.hidden >= 1, s.layers >= 1, s.batch >= 1, s.steps >= 1, s.iterations >= 0, s.evalEvery >= 1,
          s.evalStreams >= 1, s.optimizer.learningRate > 0, s.sampleTemperature >= 0, s.gradientNormEvery >= 0 else {
        throw TrainingError.invalidSettings("language model settings out of range: \(s)")
    }
    let B = s.batch, T = s.steps
    let train = Array(corpus.trainIDs)
    guard train.count >= s.minimumTrainingCharacters else {
        throw TrainingError.corpusTooShort(characters: train.count, streams: B, steps: T)
    }

    let source = TextStreamSource(
        model: CharLanguageModel(kind: s.cell, vocabulary: corpus.vocabulary, hiddenSize: s.hidden, layers: s.layers,
                                 initScale: s.initScale, readoutScale: s.readoutInitScale, forgetBias: s.forgetBias, seed: s.seed),
        text: train, streams: B, steps: T)
    let prime = s.samplePrime ?? corpus.decode(train.prefix(1))

    var curve: [CurvePoint] = []
    var snapshots: [GradientNormSnapshot] = []
    var samples: [TextSample] = []
    func takeSample(_ i: Int) {
        let text = source.model.sample(prime: prime, length: s.sampleLength, temperature: s.sampleTemperature, seed: s.sampleSeed)
        samples.append(TextSample(iteration: i, prime: prime, temperature: s.sampleTemperature, seed: s.sampleSeed, text: text))
    }
    let (heldOut0, evaluated) = heldOutBitsPerCharacter(model: source.model, corpus: corpus, characters: s.evalCharacters,
                                                        streams: s.evalStreams, steps: T)
    if s.sampleAt.contains(0) { takeSample(0) }

    var seconds = 0.0, lossSum = 0.0, normSum = 0.0, count = 0
    var initialLoss = Double.nan
    let ln2 = log(2.0)
    let end = try runTrainingLoop(
        source, iterations: s.iterations, optimizer: s.optimizer, clipping: s.clipping,
        learningRate: { _ in s.optimizer.learningRate }, monitor: monitor, stage: s.cell.rawValue,
        afterGradient: { k, loss in
            if k == 0 { initialLoss = loss }
            if s.gradientNormEvery > 0 && k % s.gradientNormEvery == 0 {
                snapshots.append(GradientNormSnapshot(iteration: k, layers: source.workspace.net.layers.map(\.gradHNorm)))
            }
        },
        afterUpdate: { step in
            let i = step.updates, norm = step.clip.normBefore
            seconds += step.seconds
            lossSum += step.loss; normSum += norm; count += 1
            if i == 1 {
                curve.append(CurvePoint(iteration: 0, seconds: 0, trainBitsPerCharacter: step.loss / ln2,
                                        heldOutBitsPerCharacter: heldOut0, gradientNorm: norm))
            }
            if i % s.evalEvery == 0 || i == s.iterations {
                let h = heldOutBitsPerCharacter(model: source.model, corpus: corpus, characters: s.evalCharacters,
                                                streams: s.evalStreams, steps: T).bits
                curve.append(CurvePoint(iteration: i, seconds: seconds, trainBitsPerCharacter: lossSum / Double(count) / ln2,
                                        heldOutBitsPerCharacter: h, gradientNorm: normSum / Double(count)))
                lossSum = 0; normSum = 0; count = 0
            }
            if s.sampleAt.contains(i) { takeSample(i) }
            return false
        })
    if case .diverged(let d, _) = end { throw TrainingError.diverged(iteration: d.iteration + 1) }
    let model = source.model
    if s.iterations == 0 {
        curve.append(CurvePoint(iteration: 0, seconds: 0, trainBitsPerCharacter: .nan, heldOutBitsPerCharacter: heldOut0, gradientNorm: .nan))
    }
    let record = TrainingRecord(settings: s, cell: s.cell, vocabularySize: corpus.vocabularySize,
                                parameterCount: model.parameterCount, initialLossNats: initialLoss, curve: curve,
                                gradientNorms: snapshots, samples: samples, iterations: s.iterations,
                                trainingSeconds: seconds, heldOutCharactersEvaluated: evaluated)
    return TrainedLanguageModel(model: model, record: record)
}

/// Held-out cross-entropy in bits per character of the first ≤ `characters` held-out symbols.
///
/// `streams` readers each take an equal run of the held-out text (a whole number of chunks of
/// `steps`) and carry h across their chunks from h = 0; each symbol x_p is predicted from
/// x_{p−1} and the state (the first from the last training character). Returns the bits and
/// how many characters were predicted (a remainder of fewer than streams·steps is left out).
public func heldOutBitsPerCharacter(model: CharLanguageModel, corpus: Corpus, characters: Int = .max,
                                    streams: Int = 16, steps: Int = 50) -> (bits: Double, characters: Int) {
    let (start, S, Te, perStream) = evaluationLayout(corpus: corpus, characters: characters, streams: streams, steps: steps)
    guard perStream > 0, start >= 1 else { return (.nan, 0) }
    let ws = LanguageModelWorkspace(model: model, batch: S, steps: Te)
    var inputs = [Int](repeating: 0, count: Te * S), targets = inputs
    var nats = 0.0
    for chunk in 0..<(perStream / Te) {
        ws.carryState()
        for b in 0..<S {
            for t in 0..<Te {
                let p = start + b * perStream + chunk * Te + t
                inputs[t * S + b] = corpus.ids[p - 1]
                targets[t * S + b] = corpus.ids[p]
            }
        }
        nats += ws.loss(model, inputs: inputs, targets: targets)
    }
    let n = S * perStream
    return (nats / Double(n) / log(2.0), n)
}

/// The held-out positions `heldOutBitsPerCharacter` predicts: one contiguous range from the
/// start of the held-out split (the streams' runs follow each other), so an n-gram model can
/// be scored on exactly the same characters.
public func evaluationRange(corpus: Corpus, characters: Int = .max, streams: Int = 16, steps: Int = 50) -> Range<Int> {
    let (start, S, _, perStream) = evaluationLayout(corpus: corpus, characters: characters, streams: streams, steps: steps)
    return start..<(start + S * perStream)
}

/// Stream count S, chunk length Te and characters per stream for a held-out evaluation.
private func evaluationLayout(corpus: Corpus, characters: Int, streams: Int, steps: Int)
    -> (start: Int, streams: Int, steps: Int, perStream: Int) {
    let start = corpus.heldOutRange.lowerBound
    let M = min(characters, corpus.heldOutRange.count)
    let S = max(1, min(streams, M))
    let Te = max(1, min(steps, M / S))
    return (start, S, Te, (M / S / Te) * Te)
}

/// The buffers of one chunk of B streams × T steps, made once and reused every iteration:
/// the stacked RNN, the logits (V×TB) and the readout gradients.
final class LanguageModelWorkspace {
    let net: StackedRNN
    let V: Int, H: Int, B: Int, T: Int
    private let storage: Buffer
    private let logits: MatrixRef   // V×TB
    private let ones: MatrixRef     // TB×1
    private let dW_S: MatrixRef     // V×H
    private let db_S: MatrixRef     // V×1
    private var y: [Int32]          // TB targets

    init(model: CharLanguageModel, batch B: Int, steps T: Int) {
        V = model.vocabularySize; H = model.hiddenSize; self.B = B; self.T = T
        net = StackedRNN(kind: model.kind, inputSize: V, hiddenSize: H, layers: model.layers.count, batch: B, steps: T)
        net.layers[0].computeInputGradient = false        // the one-hot input needs no gradient
        storage = Buffer(count: V * T * B + T * B + V * H + V)
        logits = storage.take(rows: V, cols: T * B)
        ones = storage.take(rows: T * B, cols: 1)
        ones.fill(1)
        dW_S = storage.take(rows: V, cols: H)
        db_S = storage.take(rows: V, cols: 1)
        y = [Int32](repeating: 0, count: T * B)
    }

    /// h_0 ← h_T (and c_0 ← c_T) in every layer: the next chunk continues each stream.
    func carryState() {
        for layer in net.layers {
            layer.h(0).copy(from: layer.h(T))
            if let c0 = layer.c(0), let cT = layer.c(T) { c0.copy(from: cT) }
        }
    }

    /// h_0 = 0 (and c_0 = 0) for stream b in every layer.
    func resetStream(_ b: Int) {
        for layer in net.layers {
            layer.h(0).columns(b, 1).fill(0)
            layer.c(0)?.columns(b, 1).fill(0)
        }
    }

    private func load(_ inputs: [Int], _ targets: [Int]) {
        let x = net.x
        x.fill(0)
        for j in 0..<(T * B) { x[inputs[j], j] = 1; y[j] = Int32(targets[j]) }   // one-hot x_t
    }

    /// Forward only: the summed cross-entropy in nats over the chunk.
    func loss(_ model: CharLanguageModel, inputs: [Int], targets: [Int]) -> Double {
        load(inputs, targets)
        net.forward(model.layers)
        return model.W_S.withRef { W in model.b_S.withUnsafeBufferPointer { b in y.withUnsafeBufferPointer { yp in
            SoftmaxReadout.forward(W_S: W, b_S: b.baseAddress!, h: net.layers[net.layers.count - 1].outputs,
                                   targets: yp.baseAddress!, logits: logits, keepProbabilities: false)
        } } }
    }

    /// Forward and backward of L = (1/TB) Σ cross-entropy; returns Σ cross-entropy (nats)
    /// and writes ∂L/∂θ in `CharLanguageModel.flat` order into `gradient`.
    func lossAndGradient(_ model: CharLanguageModel, inputs: [Int], targets: [Int], gradient: inout [Double]) -> Double {
        load(inputs, targets)
        net.forward(model.layers)
        let top = net.layers[net.layers.count - 1]
        let loss = model.W_S.withRef { W in model.b_S.withUnsafeBufferPointer { b in y.withUnsafeBufferPointer { yp in
            SoftmaxReadout.forwardBackward(W_S: W, b_S: b.baseAddress!, h: top.outputs, targets: yp.baseAddress!,
                                           scale: 1 / Double(T * B), logits: logits, dW_S: dW_S, db_S: db_S.pointer,
                                           dh: top.dhLoss, ones: ones)
        } } }
        net.backward(model.layers)
        gradient.removeAll(keepingCapacity: true)
        gradient.reserveCapacity(model.parameterCount)
        for layer in net.layers { gradient += layer.gradients.flat }
        gradient += UnsafeBufferPointer(start: dW_S.pointer, count: V * H)
        gradient += UnsafeBufferPointer(start: db_S.pointer, count: V)
        return loss
    }
}
