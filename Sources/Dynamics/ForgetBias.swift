import Foundation
import LinearAlgebra
import Recurrence

// Experiment `lstm-forget-bias`: the LSTM's cell path c_{t−1} → c_t = f_t∘c_{t−1} + i_t∘g_t
// multiplies the gradient by f_t alone:
//
//     ∂L/∂c_t = f_{t+1} ∘ ∂L/∂c_{t+1} + ∂L/∂h_t ∘ o_t ∘ (1 − tanh² c_t).
//
// With the loss at step T only, ∂L/∂c_T = ∂L/∂h_T ∘ o_T ∘ (1 − tanh² c_T), and for t < T the
// second term carries ∂L/∂h_t = W_hᵀ ∂L/∂a_{t+1}, which is O(weightScale). With near-zero weights
// every gate sits at σ(its bias), so f_t ≈ σ(b_f) and ‖∂L/∂c_t‖ ≈ σ(b_f)^{T−t} ‖∂L/∂c_T‖:
// b_f = 0 halves the gradient every step, b_f = 1 keeps 0.73 per step, b_f = 3 keeps 0.95
// (reference-science §8; Jozefowicz, Zaremba & Sutskever 2015 recommend b_f = 1).

/// The cell-path gradient for one forget bias.
public struct ForgetBiasCurve: Codable, Sendable, Equatable {
    public var forgetBias: Double
    /// σ(b_f): the predicted factor per step.
    public var predictedFactor: Double
    /// The forget gate f_t measured over all steps, units and batch columns (mean).
    public var meanForgetGate: Double
    /// log₁₀(‖∂L/∂c_t‖ / ‖∂L/∂c_T‖), t = 1…T.
    public var log10CellGradient: [Double]
    /// (T − t) log₁₀ σ(b_f), t = 1…T.
    public var log10Prediction: [Double]
    /// ‖∂L/∂c_t‖ / ‖∂L/∂c_{t+1}‖, t = 1…T − 1.
    public var ratios: [Double]
    /// The geometric mean of `ratios` over the middle half, t ∈ [T/4, 3T/4).
    public var measuredFactor: Double
    /// measuredFactor / predictedFactor − 1.
    public var relativeError: Double
    /// Steps for the gradient to halve: ln ½ / ln factor, measured and predicted.
    public var halfLifeMeasured: Double
    public var halfLifePredicted: Double
}

public struct LSTMForgetBiasResult: Codable, Sendable, Equatable {
    public var hidden: Int
    public var inputSize: Int
    public var steps: Int
    public var batch: Int
    public var weightScale: Double
    public var seed: UInt64
    /// t = 1…T.
    public var time: [Int]
    public var curves: [ForgetBiasCurve]
}

/// σ(x) = 1/(1 + e^{−x}).
@inline(__always) func logistic(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }

/// For each b_f in `forgetBiases`: an LSTM with every weight N(0, weightScale²), b_f = b_f and
/// the other biases 0, inputs x_t ~ N(0, 1), h_0 = c_0 = 0, the loss gradient at step T a random
/// unit vector per batch column; measures ‖∂L/∂c_t‖ through `BPTT`. The same weights (before
/// the bias) and inputs for every b_f, so the curves differ only by the bias.
public func lstmForgetBias(forgetBiases: [Double] = [0, 1, 2, 3], hidden H: Int = 64, inputSize D: Int = 10,
                           steps T: Int = 100, batch B: Int = 4, weightScale: Double = 1e-3,
                           seed: UInt64 = 1) throws -> LSTMForgetBiasResult {
    precondition(T >= 8, "lstmForgetBias: T = \(T) leaves no middle to measure")
    let net = BPTT(kind: .lstm, inputSize: D, hiddenSize: H, batch: B, steps: T)
    net.computeInputGradient = false
    var rng = SeededGenerator(seed: seed)
    var p = CellParameters(kind: .lstm, inputSize: D, hiddenSize: H, initialization:
        CellInitialization(inputWeights: .gaussian(std: weightScale), recurrentWeights: .gaussian(std: weightScale)), using: &rng)
    let x = rng.gaussianMatrix(rows: D, cols: T * B, std: 1)
    let g = rng.gaussianMatrix(rows: H, cols: B, std: 1)
    let t1 = T / 4, t2 = 3 * T / 4                    // middle half, 1-based steps
    var curves = [ForgetBiasCurve]()
    for b_f in forgetBiases {
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
        let dc = net.gradCNorm                          // ‖∂L/∂c_t‖, index t − 1
        let top = dc[T - 1]
        let σf = logistic(b_f)
        let measured = pow(dc[t1 - 1] / dc[t2 - 1], 1 / Double(t2 - t1))
        let curve = ForgetBiasCurve(
            forgetBias: b_f, predictedFactor: σf, meanForgetGate: fSum / Double(H * B * T),
            log10CellGradient: dc.map { finiteLog10($0 / top) },
            log10Prediction: (1...T).map { Double(T - $0) * log10(σf) },
            ratios: (0..<(T - 1)).map { dc[$0] / dc[$0 + 1] },
            measuredFactor: measured, relativeError: measured / σf - 1,
            halfLifeMeasured: log(0.5) / log(measured), halfLifePredicted: log(0.5) / log(σf))
        curves.append(curve)
    }
    return LSTMForgetBiasResult(hidden: H, inputSize: D, steps: T, batch: B, weightScale: weightScale, seed: seed,
                                time: Array(1...T), curves: curves)
}
