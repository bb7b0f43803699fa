import Foundation
import LinearAlgebra
import Recurrence

// The LSTM's cell path c_{t−1} → c_t = f_t∘c_{t−1} + i_t∘g_t
// multiplies the gradient by f_t alone:
//
//     ∂L/∂c_t = f_{t+1} ∘ ∂L/∂c_{t+1} + ∂L/∂h_t ∘ o_t ∘ (1 − tanh² c_t).
//
// With the loss at step T only, ∂L/∂c_T = ∂L/∂h_T ∘ o_T ∘ (1 − tanh² c_T), and for t < T the
// second term carries ∂L/∂h_t = W_hᵀ ∂L/∂a_{t+1}, which is O(weightScale). With near-zero weights
// every gate sits at σ(its bias), so f_t ≈ σ(b_f) and ‖∂L/∂c_t‖ ≈ σ(b_f)^{T−t} ‖∂L/∂c_T‖:
// b_f = 0 halves the gradient every step, b_f = 1 keeps 0.73 per step, b_f = 3 keeps 0.95
// (reference-science §8; Jozefowicz, Zaremba & Sutskever 2015 recommend b_f = 1).

/// The LSTM's cell-path gradient for one forget bias.
public struct CellPathGradient: Sendable, Equatable {
    /// ‖∂L/∂c_t‖, t = 1…T (index t − 1), not normalised.
    public var norms: [Double]
    /// The forget gate f_t averaged over all steps, units and batch columns (→ σ(b_f) as the
    /// weights → 0).
    public var meanForgetGate: Double
}

/// An LSTM with every weight N(0, weightScale²), b_f = `forgetBias` and the other biases 0,
/// inputs x_t ~ N(0, 1), h_0 = c_0 = 0, the loss gradient at step T a random unit vector per
/// batch column; measures ‖∂L/∂c_t‖ through `BPTT`. The weights, inputs and loss gradient are
/// drawn from `seed` (in that order) before the bias is set, so calls that differ only in b_f
/// share them and their curves differ only by the bias.
public func lstmCellPathGradient(forgetBias b_f: Double, hidden H: Int, inputSize D: Int, steps T: Int,
                                 batch B: Int, weightScale: Double, seed: UInt64) -> CellPathGradient {
    precondition(T >= 1 && weightScale >= 0, "lstmCellPathGradient: T = \(T), weight scale \(weightScale)")
    let net = BPTT(kind: .lstm, inputSize: D, hiddenSize: H, batch: B, steps: T)
    net.computeInputGradient = false
    var rng = SeededGenerator(seed: seed)
    var p = CellParameters(kind: .lstm, inputSize: D, hiddenSize: H, initialization:
        CellInitialization(inputWeights: .gaussian(std: weightScale), recurrentWeights: .gaussian(std: weightScale)), using: &rng)
    let x = rng.gaussianMatrix(rows: D, cols: T * B, std: 1)
    let g = rng.gaussianMatrix(rows: H, cols: B, std: 1)
    p.setForgetBias(b_f)
    x.withRef { net.x.copy(from: $0) }
    net.h(0).fill(0)
    net.c(0)!.fill(0)
    net.forward(p)
    var fSum = 0.0
    for t in 1...T { let f = net.gates(t).rowsView(H, H); for j in 0..<B { for i in 0..<H { fSum += f[i, j] } } }
    net.dhLoss.fill(0)
    let last = net.dhLoss.columns((T - 1) * B, B)
    for j in 0..<B {
        let n = g.withRef { $0.columns(j, 1).frobeniusNorm }
        for i in 0..<H { last[i, j] = g[i, j] / n }
    }
    net.backward(p)
    return CellPathGradient(norms: net.gradCNorm, meanForgetGate: fSum / Double(H * B * T))
}
