import Foundation

/// How the per-step gradient profile ‖∂L/∂h_t‖ changes while a tanh RNN and an LSTM learn the
/// adding problem. With a loss on the last step only, ∂L/∂h_t = Πᵢ (∂h_{i}/∂h_{i−1})ᵀ ∂L/∂h_T
/// (Pascanu et al. 2013, eq. 5): the profile shows how much signal reaches each step t, and
/// whether it vanishes (tanh, ρ(W_hh) < 1) or is carried (the LSTM's cell path, f ≈ 1).
public struct GradientFlowSettings: Codable, Sendable, Equatable {
    public var models: [ModelKind] = [.tanh, .lstm]
    public var steps: Int = 100                     // T
    public var hiddenSize: Int = 64                 // H
    public var batch: Int = 16                      // as irnn-adding (Le et al.'s minibatch)
    public var iterations: Int = 2000
    /// Snapshots of the profile: log-spaced, so early changes are seen as well as late ones.
    public var profileIterations: [Int] = [0, 10, 20, 50, 100, 200, 300, 500, 750, 1000, 1250, 1500, 1750, 1999]
    /// One recipe for both models, so only the cell differs: irnn-adding's LSTM recipe (Adam
    /// η = 4e-2, norm clipping 1), with which the LSTM leaves the 1/6 plateau within the budget.
    public var optimizer: OptimizerSettings = .adam(4e-2)
    public var clipping: Clipping = .norm(1)
    /// Every singular value of each W_h· block every this many updates.
    public var spectrumInterval: Int = 50
    public var seed: UInt64 = 1
    public var evaluationInterval: Int = 100
    public var testSequences: Int = 500

    public init() {}

    public static var quick: GradientFlowSettings {
        var s = GradientFlowSettings()
        s.steps = 12; s.hiddenSize = 8; s.batch = 8; s.iterations = 40
        s.profileIterations = [0, 10, 39]; s.spectrumInterval = 10; s.evaluationInterval = 20; s.testSequences = 32
        return s
    }

    public func training(_ kind: ModelKind) -> TrainingSettings {
        TrainingSettings(model: ModelSpec(kind: kind, hiddenSize: hiddenSize, forgetBias: 1),
                         task: .adding(steps: steps), batch: batch, iterations: iterations,
                         optimizer: optimizer, clipping: clipping, seed: seed,
                         evaluationInterval: evaluationInterval, testSequences: testSequences,
                         spectrumInterval: spectrumInterval, recordSingularValues: true,
                         profileIterations: profileIterations)
    }
}

/// One model's gradient-flow picture.
public struct GradientFlowModel: Codable, Sendable {
    public var model: String
    /// Iterations of the snapshots actually taken (a diverged run has fewer).
    public var profileIterations: [Int]
    /// log10 ‖∂L/∂h_t‖: row per snapshot, column per step t = 1…T (−∞ norms, i.e. exact zeros,
    /// are written as −300 so the matrix stays finite).
    public var log10GradientNorm: [[Double]]
    /// Singular values of each W_h· block over training (all of them, descending).
    public var spectra: [SpectrumSample]
    /// Headline: log10 ‖∂L/∂h_T‖ − log10 ‖∂L/∂h_1‖ at the first and the last snapshot (how many
    /// decades the gradient loses on its way back from step T to step 1; negative if it grows).
    public var decadesLostFirst: Double?
    public var decadesLostLast: Double?
    public var run: TrainingRun
}

public struct GradientFlowResult: Codable, Sendable {
    public var settings: GradientFlowSettings
    public var models: [GradientFlowModel]
    /// Final test MSE by model name; baseline 1/6.
    public var finalTestMSE: [String: Double]
    public var baselineMSE: Double
}

/// Trains each model of `settings` and collects the profiles and spectra.
public func gradientFlowTraining(_ settings: GradientFlowSettings = GradientFlowSettings(),
                                 monitor: Monitor = .silent) throws -> GradientFlowResult {
    var out = GradientFlowResult(settings: settings, models: [], finalTestMSE: [:], baselineMSE: addingBaselineMSE)
    for kind in settings.models {
        let run = try train(settings.training(kind), monitor: monitor)
        let rows = run.gradientProfiles.map { p in p.norms.map { $0 > 0 ? log10($0) : -300 } }
        func lost(_ r: [Double]?) -> Double? { r.flatMap { r in r.isEmpty ? nil : r[r.count - 1] - r[0] } }
        out.models.append(GradientFlowModel(model: kind.rawValue, profileIterations: run.gradientProfiles.map(\.iteration),
                                            log10GradientNorm: rows, spectra: run.spectra,
                                            decadesLostFirst: lost(rows.first), decadesLostLast: lost(rows.last), run: run))
        out.finalTestMSE[kind.rawValue] = run.finalTestLoss
    }
    return out
}
