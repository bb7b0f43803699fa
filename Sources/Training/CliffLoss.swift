import Foundation

/// Pascanu, Mikolov & Bengio (2013, §2.3, eq. 8, Fig. 6): one unit, no input,
///
///     x_t = w σ(x_{t−1}) + b,   x_0 = 0.5,   E = (σ(x_T) − 0.7)²,   T = 50.
///
/// For w > 1/σ′(0.5) ≈ 4.2553 the map is bistable; x_0 sits on the unstable fixed point along
/// the line b = 0.5 − σ(0.5)·w, so crossing it flips which attractor x_T reaches and E jumps:
/// a wall of very high curvature (reference-science §1.2).
///
/// E(w, b) and its exact gradient by backpropagation through the T steps (scalar BPTT):
///
///     forward:   x_t = w s_{t−1} + b, s_t = σ(x_t)
///     δ_T = ∂E/∂x_T = 2(s_T − y) s_T(1 − s_T)
///     for t = T … 1:  ∂E/∂w += δ_t s_{t−1};  ∂E/∂b += δ_t;  δ_{t−1} = δ_t w s_{t−1}(1 − s_{t−1})
public func cliffLossAndGradient(w: Double, b: Double, steps T: Int = 50, x0: Double = 0.5,
                                 target: Double = 0.7) -> (loss: Double, dw: Double, db: Double) {
    precondition(T >= 1, "cliff: T = \(T)")
    var x = [Double](repeating: 0, count: T + 1)
    x[0] = x0
    for t in 1...T { x[t] = w * logistic(x[t - 1]) + b }         // x_t = w σ(x_{t−1}) + b
    let sT = logistic(x[T])
    let loss = (sT - target) * (sT - target)
    var delta = 2 * (sT - target) * sT * (1 - sT)
    var dw = 0.0, db = 0.0
    for t in stride(from: T, through: 1, by: -1) {
        let s = logistic(x[t - 1])
        dw += delta * s                        // ∂x_t/∂w = s_{t−1}
        db += delta                            // ∂x_t/∂b = 1
        delta *= w * s * (1 - s)               // ∂x_t/∂x_{t−1} = w σ′(x_{t−1})
    }
    return (loss, dw, db)
}

/// σ(x) = 1/(1 + e^{−x}), written so that neither branch overflows.
@inline(__always) func logistic(_ x: Double) -> Double {
    x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
}
