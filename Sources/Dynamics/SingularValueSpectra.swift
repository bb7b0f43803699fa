import Foundation
import LinearAlgebra

// Experiment `singular-value-spectra`: the spectrum of W_hh at initialisation.
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

/// The spectrum of one initialised W_hh.
public struct SpectrumCase: Codable, Sendable, Equatable {
    public var initialization: RecurrentInit
    public var gain: Double
    public var label: String
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
    /// Quarter-circle density at the bin centres for Gaussian (gain g) and Xavier (g = 1)
    /// matrices; empty for orthogonal and identity (all mass at σ = g).
    public var quarterCircle: [Double]
    /// The H → ∞ values: σ_max, mean σ, share above 1, ρ (Gaussian and Xavier; for orthogonal
    /// and identity all are g, except the share, which is 1 when g > 1 and 0 otherwise).
    public var theorySigmaMax: Double
    public var theoryMeanSingularValue: Double
    public var theoryShareAboveOne: Double
    public var theorySpectralRadius: Double
}

public struct SingularValueSpectraResult: Codable, Sendable, Equatable {
    public var hidden: Int
    public var seed: UInt64
    public var cases: [SpectrumCase]
}

/// Singular values and eigenvalues of W_hh (H×H; the experiment uses H ≥ 500) for each
/// initialisation: Gaussian once per gain in `gains`, the others once at gain 1 (orthogonal,
/// identity) or their own scale (Xavier, g = 1 in effect). Histograms share one range [0, 2.2·max(g_max, 1)]
/// with `bins` bins so panels compare directly.
public func singularValueSpectra(hidden H: Int = 1000, gains: [Double] = [0.5, 1, 1.5],
                                 initializations: [RecurrentInit] = RecurrentInit.allCases,
                                 bins: Int = 40, seed: UInt64 = 1) throws -> SingularValueSpectraResult {
    var rng = SeededGenerator(seed: seed)
    let top = 2.2 * max(gains.max() ?? 1, 1)
    var cases = [SpectrumCase]()
    for initialization in initializations {
        let gainList = initialization == .gaussian ? gains : [1.0]
        for g in gainList {
            let W = initialization.matrix(H, gain: g, using: &rng)
            let σ = try singularValues(W)
            let λ = try eigenvalues(W)
            let random = initialization == .gaussian || initialization == .xavier
            let hist = histogram(σ, bins: bins, range: 0...top)
            let label: String
            switch initialization {
            case .gaussian: label = "Gaussian N(0, g²/H), g = \(g)"
            case .orthogonal: label = "orthogonal"
            case .identity: label = "identity"
            case .xavier: label = "Xavier uniform"
            }
            let c = SpectrumCase(
                initialization: initialization, gain: g, label: label,
                singularValues: σ, eigenvalueRe: λ.map(\.re), eigenvalueIm: λ.map(\.im),
                sigmaMax: σ.first!, sigmaMin: σ.last!,
                meanSingularValue: mean(σ), meanSquaredSingularValue: mean(σ.map { $0 * $0 }),
                shareAboveOne: Double(σ.filter { $0 > 1 + 1e-9 }.count) / Double(H),
                spectralRadius: λ[0].magnitude, histogram: hist,
                quarterCircle: random ? hist.centers.map { quarterCircleDensity($0, gain: g) } : [],
                theorySigmaMax: random ? 2 * g : g,
                theoryMeanSingularValue: random ? 8 * g / (3 * Double.pi) : g,
                theoryShareAboveOne: random ? 1 - quarterCircleCDF(1, gain: g) : (g > 1 ? 1 : 0),
                theorySpectralRadius: g)
            cases.append(c)
        }
    }
    return SingularValueSpectraResult(hidden: H, seed: seed, cases: cases)
}
