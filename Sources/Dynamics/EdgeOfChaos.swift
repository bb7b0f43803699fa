import Foundation
import LinearAlgebra

// Experiment `edge-of-chaos`: the largest Lyapunov exponent of the autonomous network
//
//     h_{t+1} = tanh(W h_t),   W_ij ~ N(0, g²/N),
//
// against g (reference-science §7). For g < 1 the state decays to 0, where J = W and
// λ_max = ln ρ(W) → ln g. For g > 1 the network is chaotic (Sompolinsky, Crisanti & Sommers 1988
// in continuous time); in mean field the pre-activation variance settles at
//
//     q* = g² E_z[tanh²(√q* z)],   z ~ N(0, 1),
//
// and a small perturbation grows per step by χ = g² E_z[(1 − tanh²(√q* z))²] in squared norm, so
//
//     λ_max = ½ ln(g² E_z[(1 − tanh²(√q* z))²])        (ln g for g ≤ 1, where q* = 0).
//
// Values: q* = 0.7934, 2.1215, 6.3054 and λ = 0.0652, 0.1547, 0.3102 at g = 1.5, 2, 3 (checked
// against adaptive quadrature; reference-science §7.3 lists 0.3119 and q* = 6.3047 at g = 3, and
// 0.6081 at g = 5 where the converged value is 0.5324: its quadrature had not converged).

/// The mean-field prediction at one gain.
public struct MeanFieldPoint: Codable, Sendable, Equatable {
    public var gain: Double
    /// q*, the fixed point of q ↦ g² E[tanh²(√q z)] (0 for g ≤ 1).
    public var qStar: Double
    /// χ = g² E[(1 − tanh²(√q* z))²] (g² for g ≤ 1).
    public var chi: Double
    /// λ_max = ½ ln χ.
    public var lambdaMax: Double
}

/// Mean-field λ_max at gain g: q* by fixed-point iteration from q = g² (the map is increasing
/// and concave, so the iterates decrease monotonically to the non-zero fixed point; stopped
/// when a step changes q by less than 10⁻¹⁴ relative), expectations by `quadrature`.
public func meanFieldLyapunov(gain g: Double, quadrature: GaussHermite) -> MeanFieldPoint {
    precondition(g > 0, "meanFieldLyapunov: g = \(g)")
    guard g > 1 else { return MeanFieldPoint(gain: g, qStar: 0, chi: g * g, lambdaMax: log(g)) }
    var q = g * g
    for _ in 0..<1_000_000 {
        let s = q.squareRoot()
        let next = g * g * quadrature.expectation { z in let t = tanh(s * z); return t * t }
        let done = abs(next - q) <= 1e-14 * q
        q = next
        if done { break }
    }
    let s = q.squareRoot()
    let chi = g * g * quadrature.expectation { z in let c = 1 / cosh(s * z); let d = c * c; return d * d }
    return MeanFieldPoint(gain: g, qStar: q, chi: chi, lambdaMax: 0.5 * log(chi))
}

/// The top k Lyapunov exponents of one network, by the QR method.
public struct LyapunovEstimate: Codable, Sendable, Equatable {
    public var gain: Double
    /// N.
    public var size: Int
    public var seed: UInt64
    /// Steps averaged (after the transient) and steps discarded.
    public var steps: Int
    public var transient: Int
    /// λ₁ ≥ … ≥ λ_k per step (natural log).
    public var exponents: [Double]
    /// i/N for i = 1…k (Engelken et al.'s rescaled index; spectra of different N overlay).
    public var rescaledIndex: [Double]
    /// λ₁.
    public var lambdaMax: Double
    /// ln ρ(W): equals λ_max when the state decays to 0 (g < 1).
    public var logSpectralRadius: Double
    /// Mean over the measured steps of ln|det J_t| = ln|det W| + Σᵢ ln(1 − h_{t+1,i}²): the sum
    /// of all N exponents (a check when k = N).
    public var meanLogAbsDetJacobian: Double
}

/// The top `count` (k) Lyapunov exponents of h_{t+1} = tanh(W h_t), W ~ N(0, g²/N), by the QR
/// (Benettin) method (§7.2):
///
///     Q₀: random orthonormal N×k;  each step  Q̃ = J_t Q_{t−1},  Q_t R_t = Q̃,
///     J_t = diag(1 − h_{t+1}²) W,  λᵢ = (1/steps) Σ_t ln|R_t[i,i]|  after `transient` steps.
///
/// h₀ ~ N(0, 1) per unit, so for g > 1 the trajectory starts on the scale of the chaotic
/// attractor. 1 − h² is computed as 1/cosh²(a), a = W h_t, which keeps its relative accuracy
/// when tanh saturates. W is drawn first from `seed` (the same pattern scaled by g for every g
/// at one N), then h₀ and Q₀. Buffers are made once; the loop is one GEMV, one N×N by N×k GEMM
/// and one in-place QR (`QRWorkspace`) per step.
public func lyapunovExponents(gain g: Double, size N: Int, count k: Int = 1, steps: Int = 2000,
                              transient: Int = 300, seed: UInt64 = 1) throws -> LyapunovEstimate {
    precondition(N >= 1 && (1...N).contains(k) && steps >= 1 && transient >= 0,
                 "lyapunovExponents: N = \(N), k = \(k), steps = \(steps), transient = \(transient)")
    var rng = SeededGenerator(seed: seed)
    let W = Initializer.gaussian(rows: N, cols: N, gain: g, using: &rng)
    let λW = try eigenvalues(W)
    let logDetW = λW.reduce(0) { $0 + log($1.magnitude) }
    let h0 = rng.gaussianMatrix(rows: N, cols: 1, std: 1)
    let Q0 = try qrDecomposition(rng.gaussianMatrix(rows: N, cols: k, std: 1)).Q
    let buffer = Buffer(count: 2 * N + 2 * N * k)
    let h = buffer.take(rows: N, cols: 1)        // N: h_t
    let a = buffer.take(rows: N, cols: 1)        // N: W h_t, then 1 − h_{t+1}²
    var Q = buffer.take(rows: N, cols: k)        // N×k: orthonormal frame
    var M = buffer.take(rows: N, cols: k)        // N×k: J_t Q, then its Q factor
    h0.withRef { h.copy(from: $0) }
    Q0.withRef { Q.copy(from: $0) }
    let qr = QRWorkspace(rows: N, cols: k)
    var sums = [Double](repeating: 0, count: k)
    var logDetSum = 0.0
    try W.withRef { W in
        for t in 0..<(transient + steps) {
            gemm(W, h, into: a)                                  // a = W h_t
            var logDiag = 0.0
            for i in 0..<N {
                let ai = a[i, 0]
                h[i, 0] = tanh(ai)                               // h_{t+1} = tanh(a)
                let c = 1 / cosh(ai)
                a[i, 0] = c * c                                  // 1 − h_{t+1}² = 1/cosh² a
                logDiag += log(max(a[i, 0], Double.leastNormalMagnitude))
            }
            gemm(W, Q, into: M)                                  // W Q_{t−1}
            for j in 0..<k { for i in 0..<N { M[i, j] *= a[i, 0] } }   // J_t Q_{t−1} = diag(1 − h²) W Q
            let r = try qr.factor(M)                             // M ← Q_t, r = diag R_t
            if t >= transient {
                for i in 0..<k { sums[i] += log(max(abs(r[i]), Double.leastNormalMagnitude)) }
                logDetSum += logDiag
            }
            swap(&Q, &M)
        }
    }
    let exponents = sums.map { $0 / Double(steps) }.sorted(by: >)
    return LyapunovEstimate(gain: g, size: N, seed: seed, steps: steps, transient: transient,
                            exponents: exponents, rescaledIndex: (1...k).map { Double($0) / Double(N) },
                            lambdaMax: exponents[0], logSpectralRadius: log(λW[0].magnitude),
                            meanLogAbsDetJacobian: logDetW + logDetSum / Double(steps))
}
