import Foundation
import LinearAlgebra

// The spectrum of W_hh at initialisation.
//
// For W ~ N(0, g²/H), H×H, as H → ∞ (reference-science §7.4):
//   singular values: quarter-circle law  p(s) = (1/(πg)) √(4 − (s/g)²)  on [0, 2g]
//                    (σ² follows Marchenko–Pastur with ratio 1), so σ_max → 2g,
//                    mean σ = 8g/(3π), mean σ² = g², share of σ > 1 = 1 − F(1/g);
//   eigenvalues:     circular law, uniform on the disk of radius g, so ρ → g.
// Hence for 1/2 < g < 1, σ_max > 1 while linear dynamics decays. An orthogonal matrix has every
// σ = |λ| = 1; the identity likewise; square Xavier (U(±√(3/H)), Var 1/H) is the g = 1 case
// (the laws are universal in the entry distribution).

/// How W_hh is initialised (see `Initializer`).
public enum RecurrentInit: String, Codable, Sendable, CaseIterable {
    /// W_ij ~ N(0, g²/H).
    case gaussian
    /// Haar-random orthogonal times g.
    case orthogonal
    /// g·I (the IRNN's start at g = 1).
    case identity
    /// Glorot uniform U(±√(6/(2H))): Var = 1/H, the same limits as Gaussian with g = 1; g is ignored.
    case xavier

    /// The H×H matrix for gain g.
    public func matrix(_ H: Int, gain g: Double, using rng: inout SeededGenerator) -> Matrix {
        switch self {
        case .gaussian: return Initializer.gaussian(rows: H, cols: H, gain: g, using: &rng)
        case .orthogonal: return Initializer.orthogonal(H, gain: g, using: &rng)
        case .identity: return Initializer.identity(H, scale: g)
        case .xavier: return Initializer.xavier(rows: H, cols: H, using: &rng)
        }
    }
}

/// Quarter-circle density of the singular values of an H×H N(0, g²/H) matrix as H → ∞:
/// p(s) = (1/(πg)) √(4 − (s/g)²) on [0, 2g], 0 elsewhere (g > 0).
public func quarterCircleDensity(_ s: Double, gain g: Double = 1) -> Double {
    let u = s / g
    guard u >= 0 && u <= 2 else { return 0 }
    return (4 - u * u).squareRoot() / (Double.pi * g)
}

/// Its distribution function F(s) = P(σ ≤ s) = (1/π)[(u/2)√(4 − u²) + 2 arcsin(u/2)], u = s/g.
/// The share above 1 at g = 1 is 1 − F(1) = 2/3 − √3/(2π) ≈ 0.3910.
public func quarterCircleCDF(_ s: Double, gain g: Double = 1) -> Double {
    let u = min(max(s / g, 0), 2)
    return (u / 2 * (4 - u * u).squareRoot() + 2 * asin(u / 2)) / Double.pi
}

/// The spectrum of one W_hh beside the values of its law as H → ∞.
public struct SpectrumCase: Sendable, Equatable {
    public var initialization: RecurrentInit
    public var gain: Double
    /// σ₁ ≥ … ≥ σ_H.
    public var singularValues: [Double]
    /// Eigenvalues by |λ| descending: real and imaginary parts.
    public var eigenvalueRe: [Double]
    public var eigenvalueIm: [Double]
    public var sigmaMax: Double
    public var sigmaMin: Double
    public var meanSingularValue: Double
    public var meanSquaredSingularValue: Double
    /// #{σ > 1 + 10⁻⁹} / H (the margin keeps an orthogonal matrix's σ = 1 ± rounding at 0).
    public var shareAboveOne: Double
    public var spectralRadius: Double
    public var histogram: Histogram
    /// The H → ∞ values: σ_max, mean σ, share above 1, ρ (Gaussian and Xavier; for orthogonal
    /// and identity all are g, except the share, which is 1 when g > 1 and 0 otherwise).
    public var theorySigmaMax: Double
    public var theoryMeanSingularValue: Double
    public var theoryShareAboveOne: Double
    public var theorySpectralRadius: Double
}

/// Singular values and eigenvalues of `W` (H×H), drawn as `initialization` at gain g, with a
/// histogram of σ in `bins` equal bins over `range` and the laws' values: quarter circle and
/// circular law for Gaussian and Xavier (g = 1 in effect), every σ = |λ| = g for orthogonal and
/// identity.
public func spectrum(of W: Matrix, initialization: RecurrentInit, gain g: Double, bins: Int,
                     range: ClosedRange<Double>) throws -> SpectrumCase {
    precondition(W.rows == W.cols, "spectrum: W is \(W.rows)×\(W.cols)")
    let H = W.rows
    let σ = try singularValues(W)
    let λ = try eigenvalues(W)
    let random = initialization == .gaussian || initialization == .xavier
    return SpectrumCase(
        initialization: initialization, gain: g,
        singularValues: σ, eigenvalueRe: λ.map(\.re), eigenvalueIm: λ.map(\.im),
        sigmaMax: σ.first!, sigmaMin: σ.last!,
        meanSingularValue: mean(σ), meanSquaredSingularValue: mean(σ.map { $0 * $0 }),
        shareAboveOne: Double(σ.filter { $0 > 1 + 1e-9 }.count) / Double(H),
        spectralRadius: λ[0].magnitude, histogram: histogram(σ, bins: bins, range: range),
        theorySigmaMax: random ? 2 * g : g,
        theoryMeanSingularValue: random ? 8 * g / (3 * Double.pi) : g,
        theoryShareAboveOne: random ? 1 - quarterCircleCDF(1, gain: g) : (g > 1 ? 1 : 0),
        theorySpectralRadius: g)
}
