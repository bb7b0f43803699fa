import Foundation
import LinearAlgebra
import Recurrence

// Experiment `gradient-norms-four-cells`: how much of a loss at the last step reaches step t,
//
//     ‖∂L/∂h_t‖ / ‖∂L/∂h_T‖,   L = ⟨g, h_T⟩ (the loss gradient g sits at step T only),
//
// for the four cells at initialisation. For tanh, ∂L/∂h_t = W_hhᵀ diag(1 − h_{t+1}²) ∂L/∂h_{t+1},
// so with γ = max tanh′ = 1 (Pascanu, Mikolov & Bengio 2013, eq. 6–7, reference-science §1.1)
//
//     ‖∂L/∂h_t‖ ≤ (γ σ_max(W_hh))^{T−t} ‖∂L/∂h_T‖.
//
// The IRNN's ∂h_t/∂h_{t−1} = diag(1[a_t > 0]) (Le et al. 2015), so with every unit active the
// norm is constant. The LSTM's cell path multiplies ∂L/∂c by f_t per step (§8).

/// The four cells of the lecture, with the initialisations this experiment uses.
public enum GradientCell: String, Codable, Sendable, CaseIterable {
    /// tanh, W_hh ~ N(0, g²/H), W_xh ~ U(±1/√H), b = 0.
    case tanh
    /// ReLU, W_hh = I, W_xh ~ N(0, σ_x²) (σ_x = 0.001, the Keras IRNN example), b = 0.
    case irnn
    /// Every weight and bias ~ U(±1/√H) (PyTorch's default), then b_f = forget bias (default 1:
    /// char-rnn, Jozefowicz et al. 2015).
    case lstm
    /// Every weight and bias (b_hn too) ~ U(±1/√H) (PyTorch's default).
    case gru

    public var kind: CellKind {
        switch self {
        case .tanh: return .tanh
        case .irnn: return .relu
        case .lstm: return .lstm
        case .gru: return .gru
        }
    }
}

/// How the loss gradient g = ∂L/∂h_T is drawn for each batch column.
public enum LossGradient: String, Codable, Sendable {
    /// A uniformly random unit vector (a normalised Gaussian).
    case unitVector
    /// N(0, 1) entries.
    case gaussian
}

/// Initialisation and input settings shared by the cells (every field has a default).
public struct GradientNormSettings: Codable, Sendable, Equatable {
    /// H.
    public var hidden: Int = 128
    /// D.
    public var inputSize: Int = 10
    /// T (≥ 200 in the experiment).
    public var steps: Int = 200
    /// B: batch columns, each its own sequence.
    public var batch: Int = 4
    /// g of the tanh cell's W_hh ~ N(0, g²/H); 1 gives vanishing gradients (σ_max ≈ 2, but
    /// tanh′ < 1 and ρ ≈ 1).
    public var tanhGain: Double = 1
    /// b_f of the LSTM (1: Jozefowicz et al. 2015).
    public var forgetBias: Double = 1
    /// σ_x of the IRNN's W_xh ~ N(0, σ_x²).
    public var irnnInputWeightStd: Double = 0.001
    /// x_t ~ N(0, inputStd²); 0 gives zero input.
    public var inputStd: Double = 1
    /// h_0 ~ N(0, s²) (|·| for the IRNN, so its units start active; c_0 = 0). Nonzero so the
    /// IRNN with zero input carries a gradient at all (with h_0 = 0 every ReLU is off).
    public var initialStateStd: Double = 0.5
    public var lossGradient: LossGradient = .unitVector

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case hidden, inputSize, steps, batch, tanhGain, forgetBias, irnnInputWeightStd, inputStd,
             initialStateStd, lossGradient
    }

    /// Missing keys take the defaults above.
    public init(from decoder: Decoder) throws {
        let k = try decoder.container(keyedBy: CodingKeys.self)
        let d = GradientNormSettings()
        hidden = try k.decodeIfPresent(Int.self, forKey: .hidden) ?? d.hidden
        inputSize = try k.decodeIfPresent(Int.self, forKey: .inputSize) ?? d.inputSize
        steps = try k.decodeIfPresent(Int.self, forKey: .steps) ?? d.steps
        batch = try k.decodeIfPresent(Int.self, forKey: .batch) ?? d.batch
        tanhGain = try k.decodeIfPresent(Double.self, forKey: .tanhGain) ?? d.tanhGain
        forgetBias = try k.decodeIfPresent(Double.self, forKey: .forgetBias) ?? d.forgetBias
        irnnInputWeightStd = try k.decodeIfPresent(Double.self, forKey: .irnnInputWeightStd) ?? d.irnnInputWeightStd
        inputStd = try k.decodeIfPresent(Double.self, forKey: .inputStd) ?? d.inputStd
        initialStateStd = try k.decodeIfPresent(Double.self, forKey: .initialStateStd) ?? d.initialStateStd
        lossGradient = try k.decodeIfPresent(LossGradient.self, forKey: .lossGradient) ?? d.lossGradient
    }
}

/// One cell, one seed.
public struct GradientNormRun: Codable, Sendable, Equatable {
    public var cell: GradientCell
    public var seed: UInt64
    /// ‖∂L/∂h_t‖, t = 1…T (index t − 1), not normalised.
    public var hNorms: [Double]
    /// ‖∂L/∂c_t‖ (LSTM; empty otherwise).
    public var cNorms: [Double]
    /// σ_max(W_hh) (for the LSTM and GRU: of the stacked G·H×H W_h).
    public var sigmaMax: Double
}

/// Runs one cell for one seed: draws the parameters, the inputs and h_0, a loss gradient at
/// step T only, then forward and backward through `BPTT`. `net` (optional) is a workspace of the
/// right shape to reuse across seeds.
public func gradientNormRun(_ cell: GradientCell, seed: UInt64, settings s: GradientNormSettings,
                            net: BPTT? = nil) throws -> GradientNormRun {
    let H = s.hidden, D = s.inputSize, T = s.steps, B = s.batch
    let rnn = net ?? BPTT(kind: cell.kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
    precondition(rnn.kind == cell.kind && rnn.hiddenSize == H && rnn.inputSize == D
                 && rnn.batch == B && rnn.steps == T, "gradientNormRun: workspace of the wrong shape")
    rnn.computeInputGradient = false
    var rng = SeededGenerator(seed: seed)
    var p: CellParameters
    let bound = 1 / Double(H).squareRoot()
    switch cell {
    case .tanh:                                       // W_h is drawn before W_x here
        p = CellParameters(kind: .tanh, inputSize: D, hiddenSize: H)
        p.W_h = WeightInitializer.gaussianFanIn(gain: s.tanhGain).matrix(rows: H, cols: H, using: &rng)
        p.W_x = WeightInitializer.uniform(bound: bound).matrix(rows: H, cols: D, using: &rng)
    case .irnn:
        p = CellParameters(kind: .relu, inputSize: D, hiddenSize: H, initialization:
            CellInitialization(inputWeights: .gaussian(std: s.irnnInputWeightStd), recurrentWeights: .identity(gain: 1)), using: &rng)
    case .lstm, .gru:
        p = CellParameters(kind: cell.kind, inputSize: D, hiddenSize: H,
                           initialization: .uniform(bound: bound, forgetBias: s.forgetBias), using: &rng)
    }
    rng.gaussianMatrix(rows: D, cols: T * B, std: 1).withRef { x in
        rnn.x.copy(from: x)
        if s.inputStd != 1 { for j in 0..<(T * B) { for i in 0..<D { rnn.x[i, j] *= s.inputStd } } }
    }
    let h0 = rng.gaussianMatrix(rows: H, cols: B, std: s.initialStateStd)
    for j in 0..<B { for i in 0..<H { rnn.h(0)[i, j] = cell == .irnn ? abs(h0[i, j]) : h0[i, j] } }
    rnn.c(0)?.fill(0)
    rnn.forward(p)
    rnn.dhLoss.fill(0)
    let g = rng.gaussianMatrix(rows: H, cols: B, std: 1)
    let last = rnn.dhLoss.columns((T - 1) * B, B)
    for j in 0..<B {
        let n = s.lossGradient == .unitVector ? g.withRef { $0.columns(j, 1).frobeniusNorm } : 1
        for i in 0..<H { last[i, j] = g[i, j] / n }
    }
    rnn.backward(p)
    return GradientNormRun(cell: cell, seed: seed, hNorms: rnn.gradHNorm, cNorms: rnn.gradCNorm,
                           sigmaMax: try singularValues(p.W_h)[0])
}

/// One cell over all seeds, normalised per seed so ‖∂L/∂h_T‖ = 1.
public struct GradientNormCurve: Codable, Sendable, Equatable {
    public var cell: GradientCell
    /// log₁₀(‖∂L/∂h_t‖ / ‖∂L/∂h_T‖), t = 1…T: geometric mean and band over seeds.
    public var h: LogBand
    /// log₁₀(‖∂L/∂c_t‖ / ‖∂L/∂h_T‖) (LSTM only).
    public var c: LogBand?
    /// σ_max(W_hh) per seed.
    public var sigmaMaxPerSeed: [Double]
    /// tanh only: log₁₀ of the bound (γ σ_max)^{T−t}, γ = 1, with σ_max the geometric mean over
    /// seeds (each seed's own bound holds for that seed).
    public var boundLog10: [Double]?
    /// Mean over seeds of log₁₀(‖∂L/∂h_1‖/‖∂L/∂h_T‖): what survives T − 1 steps.
    public var log10AtFirstStep: Double
    /// 10^{log10AtFirstStep/(T − 1)}: the geometric-mean factor per step.
    public var factorPerStep: Double
}

public struct GradientNormsResult: Codable, Sendable, Equatable {
    public var settings: GradientNormSettings
    public var seeds: [UInt64]
    /// t = 1…T.
    public var time: [Int]
    public var curves: [GradientNormCurve]
}

/// ‖∂L/∂h_t‖ against t for each cell over `seeds` (≥ 10 in the experiment), loss at step T
/// only; see `GradientNormSettings` for the initialisations. One `BPTT` workspace per cell,
/// reused across seeds.
public func gradientNormsFourCells(cells: [GradientCell] = GradientCell.allCases,
                                   settings s: GradientNormSettings = GradientNormSettings(),
                                   seeds: [UInt64] = Array(1...10)) throws -> GradientNormsResult {
    precondition(!seeds.isEmpty && s.steps >= 2, "gradientNormsFourCells: \(seeds.count) seeds, T = \(s.steps)")
    let T = s.steps
    var curves = [GradientNormCurve]()
    for cell in cells {
        let net = BPTT(kind: cell.kind, inputSize: s.inputSize, hiddenSize: s.hidden, batch: s.batch, steps: T)
        let runs = try seeds.map { try gradientNormRun(cell, seed: $0, settings: s, net: net) }
        let h = LogBand(perSeed: runs.map { r in r.hNorms.map { finiteLog10($0 / r.hNorms[T - 1]) } })
        let c = cell == .lstm
            ? LogBand(perSeed: runs.map { r in r.cNorms.map { finiteLog10($0 / r.hNorms[T - 1]) } }) : nil
        let σ = runs.map(\.sigmaMax)
        let logσ = mean(σ.map { log10($0) })
        let atFirst = h.mean[0]
        let curve = GradientNormCurve(
            cell: cell, h: h, c: c, sigmaMaxPerSeed: σ,
            boundLog10: cell == .tanh ? (1...T).map { Double(T - $0) * logσ } : nil,
            log10AtFirstStep: atFirst, factorPerStep: pow(10, atFirst / Double(T - 1)))
        curves.append(curve)
    }
    return GradientNormsResult(settings: s, seeds: seeds, time: Array(1...T), curves: curves)
}
