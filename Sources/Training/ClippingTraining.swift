import Foundation

/// A tanh RNN on Le et al.'s adding problem with plain SGD at a learning rate large enough that
/// the unclipped run diverges, trained once per clipping rule from the same weights and data
/// (same seed). Pascanu et al. (2013, §3.2, §4) clip the global norm at τ = 1; min-char-rnn and
/// char-rnn clip each value at 5; `squaredNorm` is the lecture slide's mistaken variant.
public struct ClippingTrainingSettings: Codable, Sendable, Equatable {
    public var steps: Int = 50                  // T
    public var hiddenSize: Int = 50             // H (Pascanu et al.'s 50 units)
    public var batch: Int = 20                  // B (Pascanu et al.'s minibatch)
    public var iterations: Int = 1000
    /// SGD step η = 0.1: measured at these defaults (seed 1), the unclipped run overflows at
    /// iteration 179; norm clipping stays near the 1/6 baseline (final ≈ 0.16, clipped 76 % of
    /// steps); value clipping at 5 does not diverge but ends at loss ≈ 2·10²; squared-norm ≈ 0.17.
    /// At η = 0.03 nothing diverges and the variants hardly differ.
    public var learningRate: Double = 0.1
    /// Gaussian W_hh gain g: above 1 the recurrence amplifies, so gradients explode often.
    public var gain: Double = 1.5
    public var variants: [ClippingRule] = ClippingRule.allCases
    public var normThreshold: Double = 1            // Pascanu et al.'s cutoff
    public var valueLimit: Double = 5               // min-char-rnn's np.clip(…, −5, 5)
    public var squaredNormThreshold: Double = 1     // the slide's snippet with the same "1"
    public var seed: UInt64 = 1
    public var evaluationInterval: Int = 100
    public var testSequences: Int = 500

    public init() {}

    /// Small enough for a debug-mode test (a second or two). With H = 16 the readout's curvature
    /// is smaller, so the step that makes the unclipped run blow up is larger: η = 0.5.
    public static var quick: ClippingTrainingSettings {
        var s = ClippingTrainingSettings()
        s.steps = 20; s.hiddenSize = 16; s.iterations = 150; s.evaluationInterval = 50; s.testSequences = 100
        s.learningRate = 0.5
        return s
    }

    func clipping(_ rule: ClippingRule) -> Clipping {
        switch rule {
        case .none: return .none
        case .norm: return .norm(normThreshold)
        case .value: return .value(valueLimit)
        case .squaredNorm: return .squaredNorm(squaredNormThreshold)
        }
    }

    /// The training settings of one variant.
    public func training(_ rule: ClippingRule) -> TrainingSettings {
        TrainingSettings(model: ModelSpec(kind: .tanh, hiddenSize: hiddenSize, gain: gain),
                         task: .adding(steps: steps), batch: batch, iterations: iterations,
                         optimizer: .sgd(learningRate), clipping: clipping(rule), seed: seed,
                         evaluationInterval: evaluationInterval, testSequences: testSequences,
                         spectrumInterval: 1)                    // ρ and σ_max of W_hh every update
    }
}

public struct ClippingTrainingResult: Codable, Sendable {
    public var settings: ClippingTrainingSettings
    /// One run per variant, in `settings.variants` order (loss curve, norms before/after, evaluations).
    public var runs: [TrainingRun]
    /// Headline numbers keyed by the rule's name (`none`, `norm`, `value`, `squaredNorm`).
    public var finalLoss: [String: Double]          // mean of the last 10 training losses
    public var finalTestMSE: [String: Double]
    public var diverged: [String: Bool]
    public var divergedAt: [String: Int]
    public var clippedShare: [String: Double]
    public var baselineMSE: Double                   // 1/6
}

/// Runs every variant of `settings` (see `ClippingTrainingSettings`).
public func clippingTraining(_ settings: ClippingTrainingSettings = ClippingTrainingSettings(),
                             monitor: Monitor = .silent) throws -> ClippingTrainingResult {
    var result = ClippingTrainingResult(settings: settings, runs: [], finalLoss: [:], finalTestMSE: [:], diverged: [:],
                                        divergedAt: [:], clippedShare: [:], baselineMSE: addingBaselineMSE)
    for rule in settings.variants {
        let run = try train(settings.training(rule), monitor: monitor)
        let name = rule.rawValue
        result.runs.append(run)
        result.finalLoss[name] = run.finalLoss
        result.finalTestMSE[name] = run.finalTestLoss
        result.diverged[name] = run.diverged
        if let d = run.divergence { result.divergedAt[name] = d.iteration }
        result.clippedShare[name] = run.clippedShare
    }
    return result
}
