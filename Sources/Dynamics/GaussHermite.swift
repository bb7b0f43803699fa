import Foundation
import LinearAlgebra

/// Gauss–Hermite quadrature for expectations over a standard normal z ~ N(0, 1):
///
///     E[f(z)] ≈ Σᵢ wᵢ f(xᵢ),   exact when f is a polynomial of degree ≤ 2n − 1.
///
/// The nodes are the zeros of the probabilists' Hermite polynomial Heₙ. Golub & Welsch (1969):
/// they are the eigenvalues of the symmetric tridiagonal Jacobi matrix with zero diagonal and
/// off-diagonal √1, √2, …, √(n−1) (the recurrence x Heₖ = Heₖ₊₁ + k Heₖ₋₁). LinearAlgebra's
/// `eigenvalues` gives them without eigenvectors, so each node is polished by Newton's method
/// and its weight comes from the Christoffel formula instead of the eigenvector:
///
///     pₖ = Heₖ/√(k!)   (orthonormal: x pₖ = √(k+1) pₖ₊₁ + √k pₖ₋₁),   pₙ′ = √n pₙ₋₁,
///     wᵢ = 1 / (n pₙ₋₁(xᵢ)²),   Σ wᵢ = 1.
///
/// The orthonormal recurrence never forms k! or Heₖ itself, so n in the hundreds is safe.
public struct GaussHermite: Sendable, Equatable {
    public let nodes: [Double]
    public let weights: [Double]

    /// An n-point rule (n ≥ 1). `meanFieldLyapunov` needs many nodes, because 1 − tanh²(√q z)
    /// is a peak of width ~1/√q while the nodes near 0 are π/√(2n) apart: at g = 3 (q* = 6.3)
    /// λ_max is 0.2841, 0.3085, 0.3102, 0.31025 with n = 50, 100, 200, 300 (adaptive quadrature:
    /// 0.310249). The lab's default is n = 500 (λ_max good to 10⁻⁶ for g ≤ 3, 3·10⁻⁴ at g = 5).
    public init(order n: Int) throws {
        precondition(n >= 1, "GaussHermite: order \(n)")
        var J = Matrix(rows: n, cols: n)                 // n×n Jacobi matrix
        for k in 1..<max(n, 1) {
            J[k - 1, k] = Double(k).squareRoot()
            J[k, k - 1] = Double(k).squareRoot()
        }
        var x = try eigenvalues(J).map(\.re).sorted()
        var w = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for _ in 0..<4 {                             // Newton on pₙ: x ← x − pₙ/(√n pₙ₋₁)
                let p = Self.orthonormalHermite(n, at: x[i])
                x[i] -= p.pn / (Double(n).squareRoot() * p.pn1)
            }
            let p = Self.orthonormalHermite(n, at: x[i])
            // wᵢ = 1/(n pₙ₋₁²) with pₙ₋₁ = pn1·10^{log10Scale}; far-out nodes underflow to 0.
            w[i] = exp(-2 * (log(abs(p.pn1)) + p.log10Scale * log(10.0))) / Double(n)
        }
        nodes = x
        weights = w
    }

    /// pₙ(x) and pₙ₋₁(x), pₖ = Heₖ/√(k!), both divided by 10^{log10Scale}: the three-term
    /// recurrence rescales by 10⁻¹⁰⁰ whenever |pₖ| passes 10¹⁰⁰, so large n and |x| never overflow.
    static func orthonormalHermite(_ n: Int, at x: Double) -> (pn: Double, pn1: Double, log10Scale: Double) {
        var prev = 0.0, p = 1.0, scale = 0.0             // p₋₁, p₀
        for k in 0..<n {                                 // p_{k+1} = (x pₖ − √k pₖ₋₁)/√(k+1)
            let next = (x * p - Double(k).squareRoot() * prev) / Double(k + 1).squareRoot()
            prev = p
            p = next
            if abs(p) > 1e100 { p *= 1e-100; prev *= 1e-100; scale += 100 }
        }
        return (p, prev, scale)
    }

    /// E[f(z)], z ~ N(0, 1).
    public func expectation(_ f: (Double) -> Double) -> Double {
        var s = 0.0
        for i in 0..<nodes.count { s += weights[i] * f(nodes[i]) }
        return s
    }
}
