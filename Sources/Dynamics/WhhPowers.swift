import Foundation
import LinearAlgebra

// Experiment `backprop-through-whh`: the linear part of backpropagation through time,
//
//     dh_k = W_hhᵀ dh_{k−1},   so   dh_k = (W_hhᵀ)^k dh_0,
//
// iterated for matrices on both sides of the slide's rule "σ_max < 1 vanishes, σ_max > 1
// explodes". σ_max < 1 is sufficient for vanishing (‖W_hhᵀ v‖ ≤ σ_max ‖v‖; Pascanu, Mikolov &
// Bengio 2013, eq. 6–7), but σ_max > 1 is not sufficient for exploding: by Gelfand's formula
// ‖(W_hhᵀ)^k‖^{1/k} → ρ(W_hh), so for a generic dh_0 the per-step ratio ‖dh_k‖/‖dh_{k−1}‖ → ρ
// when the top eigenvalue is real and separated (power iteration). Reference-science §1.1, §3.1.

/// DLFS2's `ch06/rnn_gradient_graph.py` matrix: `np.random.seed(3); Wh = np.random.randn(3, 3)`,
/// in DLFS2's row-vector convention (h_next = h_prev @ Wh). In our column convention
/// W_hh = Whᵀ, and DLFS2's loop `dh = dh @ Wh.T` is dh ← W_hhᵀ dh. σ = 2.6594, 0.6101, 0.1778;
/// ρ = 1.2552. Scaled by 0.5: σ_max = 1.3297 > 1 but ρ = 0.6276 < 1 (reference-science §3.1).
public let dlfs2SeedThreeWh = Matrix(rowList: [
    [1.7886284734, 0.4365098505, 0.0964974681],
    [-1.8634927034, -0.2773882025, -0.3547589793],
    [-0.0827414815, -0.6270006768, -0.0438181690],
])

/// A recurrent matrix to backpropagate through, with a name for legends and the starting
/// gradient dh_0 (nil: the all-ones vector, DLFS2's `dh = np.ones((N, H))`).
public struct WhhCase: Sendable {
    public var name: String
    public var W_hh: Matrix        // H×H
    public var dh0: [Double]?      // H

    public init(name: String, W_hh: Matrix, dh0: [Double]? = nil) {
        precondition(W_hh.rows == W_hh.cols, "WhhCase \(name): W_hh is \(W_hh.rows)×\(W_hh.cols)")
        precondition(dh0 == nil || dh0!.count == W_hh.rows, "WhhCase \(name): dh0 has the wrong length")
        self.name = name
        self.W_hh = W_hh
        self.dh0 = dh0
    }
}

/// The four cases of the experiment:
/// 1. σ_max < 1: a Gaussian H×H matrix rescaled to σ_max = `contractiveSigma` (default 0.9);
/// 2. σ_max = 1: a random orthogonal matrix (every σ = |λ| = 1: the norm is preserved exactly);
/// 3. σ_max > 1, ρ > 1: DLFS2's seed-3 W (explodes at ρ = 1.2552 per step);
/// 4. σ_max > 1, ρ < 1, where the slide's rule is wrong: DLFS2's W × 0.5 (σ_max 1.3297, ρ 0.6276)
///    and a Gaussian N(0, g²/H) matrix with g = `gaussianGain` (default 0.7: σ_max ≈ 2g = 1.4,
///    ρ ≈ g = 0.7, circular and quarter-circle laws, §7.4).
public func standardWhhCases(hidden H: Int = 64, contractiveSigma: Double = 0.9,
                             gaussianGain: Double = 0.7, seed: UInt64 = 1) throws -> [WhhCase] {
    var rng = SeededGenerator(seed: seed)
    let G = Initializer.gaussian(rows: H, cols: H, using: &rng)
    let contracting = (contractiveSigma / (try singularValues(G)[0])) * G
    let orthogonal = Initializer.orthogonal(H, using: &rng)
    let gaussian = Initializer.gaussian(rows: H, cols: H, gain: gaussianGain, using: &rng)
    let dlfs2 = dlfs2SeedThreeWh.transposed                    // W_hh = Whᵀ
    return [
        WhhCase(name: "σ_max = \(contractiveSigma) < 1 (Gaussian, rescaled)", W_hh: contracting),
        WhhCase(name: "σ_max = 1 (orthogonal)", W_hh: orthogonal),
        WhhCase(name: "σ_max > 1, ρ > 1 (DLFS2 seed 3)", W_hh: dlfs2),
        WhhCase(name: "σ_max > 1, ρ < 1 (DLFS2 seed 3 × 0.5)", W_hh: 0.5 * dlfs2),
        WhhCase(name: "σ_max > 1, ρ < 1 (Gaussian g = \(gaussianGain))", W_hh: gaussian),
    ]
}

/// ‖dh_k‖ for one matrix, with the two candidate theory lines.
public struct WhhBackpropSeries: Codable, Sendable, Equatable {
    public var name: String
    public var hidden: Int
    /// σ_max(W_hh) = ‖W_hh‖₂.
    public var sigmaMax: Double
    /// ρ(W_hh) = max |λ|.
    public var spectralRadius: Double
    /// The eigenvalue of largest modulus (re, im); the ratio converges to ρ when im = 0 and the
    /// next |λ| is clearly smaller.
    public var topEigenvalue: [Double]
    /// ‖dh_k‖, k = 0…K.
    public var norms: [Double]
    /// log₁₀ ‖dh_k‖, k = 0…K, computed from renormalised iterates, so it stays exact where
    /// `norms` would underflow or overflow.
    public var log10Norms: [Double]
    /// ‖dh_k‖ / ‖dh_{k−1}‖, k = 1…K.
    public var ratios: [Double]
    /// ratios[K − 1], the measured per-step ratio at the end (→ ρ, not σ_max).
    public var finalRatio: Double
    /// (‖dh_K‖ / ‖dh_{K/2}‖)^{1/(K − K/2)}: the geometric-mean ratio over the second half, which
    /// also settles when the top eigenvalues are a complex pair and the ratio itself oscillates.
    public var meanRatioSecondHalf: Double
    /// ‖dh_0‖ σ_max^k: the slide's line, an upper bound for every k.
    public var sigmaMaxLine: [Double]
    /// ‖dh_0‖ ρ^k: the asymptotic slope.
    public var spectralRadiusLine: [Double]
    /// The slide's rule predicts "explodes" (σ_max > 1) but the gradient vanishes (ρ < 1).
    public var ruleOfThumbFails: Bool
}

public struct BackpropThroughWhhResult: Codable, Sendable, Equatable {
    /// K, the number of backward steps.
    public var steps: Int
    public var cases: [WhhBackpropSeries]
}

/// Iterates dh_k = W_hhᵀ dh_{k−1} for k = 1…`steps` for every case and records ‖dh_k‖.
///
/// Pure linear algebra: no nonlinearity, as in DLFS2's `rnn_gradient_graph.py` (§3.1). Each
/// step is one GEMM into a preallocated buffer; the iterate is renormalised to unit length after
/// each step and the log norm accumulated, so any K is safe.
public func backpropThroughWhh(cases: [WhhCase], steps K: Int = 100) throws -> BackpropThroughWhhResult {
    precondition(K >= 2, "backpropThroughWhh: steps = \(K)")
    var series = [WhhBackpropSeries]()
    for c in cases {
        let H = c.W_hh.rows
        let σ = try singularValues(c.W_hh)
        let λ = try eigenvalues(c.W_hh)
        let σmax = σ[0], ρ = λ[0].magnitude
        let buffer = Buffer(count: 2 * H)
        var v = buffer.take(rows: H, cols: 1), w = buffer.take(rows: H, cols: 1)   // dh, H×1
        let dh0 = c.dh0 ?? [Double](repeating: 1, count: H)
        for i in 0..<H { v[i, 0] = dh0[i] }
        let n0 = v.frobeniusNorm
        var log10Norms = [Double](repeating: 0, count: K + 1)
        var ratios = [Double](repeating: 0, count: K)
        log10Norms[0] = log10(n0)
        for i in 0..<H { v[i, 0] /= n0 }
        c.W_hh.withRef { W in
            for k in 1...K {
                gemm(W, transposeA: true, v, into: w)                // dh_k = W_hhᵀ dh_{k−1}
                let r = w.frobeniusNorm                              // ‖dh_k‖/‖dh_{k−1}‖ (v has unit norm)
                ratios[k - 1] = r
                log10Norms[k] = log10Norms[k - 1] + finiteLog10(r)
                if r > 0 { for i in 0..<H { w[i, 0] /= r } }
                swap(&v, &w)
            }
        }
        let half = K / 2
        let meanRatio = pow(10, (log10Norms[K] - log10Norms[half]) / Double(K - half))
        let name = c.name
        series.append(WhhBackpropSeries(
            name: name, hidden: H, sigmaMax: σmax, spectralRadius: ρ,
            topEigenvalue: [λ[0].re, λ[0].im],
            norms: log10Norms.map { pow(10, $0) }, log10Norms: log10Norms,
            ratios: ratios, finalRatio: ratios[K - 1], meanRatioSecondHalf: meanRatio,
            sigmaMaxLine: (0...K).map { n0 * pow(σmax, Double($0)) },
            spectralRadiusLine: (0...K).map { n0 * pow(ρ, Double($0)) },
            ruleOfThumbFails: σmax > 1 && ρ < 1))
    }
    return BackpropThroughWhhResult(steps: K, cases: series)
}
