import Foundation
import LinearAlgebra
import Recurrence

// How much of a loss at the last step reaches step t,
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

/// The four cells of the lecture, each with its usual initialisation.
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

/// How the networks of `gradientNormRun` are drawn and driven.
public struct GradientNormSettings: Sendable, Equatable {
    /// H.
    public var hidden: Int
    /// D.
    public var inputSize: Int
    /// T.
    public var steps: Int
    /// B: batch columns, each its own sequence.
    public var batch: Int
    /// g of the tanh cell's W_hh ~ N(0, g²/H); 1 gives vanishing gradients (σ_max ≈ 2, but
    /// tanh′ < 1 and ρ ≈ 1).
    public var tanhGain: Double
    /// b_f of the LSTM (1: Jozefowicz et al. 2015).
    public var forgetBias: Double
    /// σ_x of the IRNN's W_xh ~ N(0, σ_x²).
    public var irnnInputWeightStd: Double
    /// x_t ~ N(0, inputStd²); 0 gives zero input.
    public var inputStd: Double
    /// h_0 ~ N(0, s²) (|·| for the IRNN, so its units start active; c_0 = 0). Nonzero so the
    /// IRNN with zero input carries a gradient at all (with h_0 = 0 every ReLU is off).
    public var initialStateStd: Double

    public init(hidden: Int, inputSize: Int, steps: Int, batch: Int, tanhGain: Double, forgetBias: Double,
                irnnInputWeightStd: Double, inputStd: Double, initialStateStd: Double) {
        self.hidden = hidden
        self.inputSize = inputSize
        self.steps = steps
        self.batch = batch
        self.tanhGain = tanhGain
        self.forgetBias = forgetBias
        self.irnnInputWeightStd = irnnInputWeightStd
        self.inputStd = inputStd
        self.initialStateStd = initialStateStd
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
/// step T only (a random unit vector per batch column), then forward and backward through
/// `BPTT`. `net` (optional) is a workspace of the right shape to reuse across seeds.
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
        let n = g.withRef { $0.columns(j, 1).frobeniusNorm }
        for i in 0..<H { last[i, j] = g[i, j] / n }
    }
    rnn.backward(p)
    return GradientNormRun(cell: cell, seed: seed, hNorms: rnn.gradHNorm, cNorms: rnn.gradCNorm,
                           sigmaMax: try singularValues(p.W_h)[0])
}
