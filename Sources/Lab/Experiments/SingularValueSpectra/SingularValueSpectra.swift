import Dynamics
import Foundation
import LinearAlgebra
import Plotting

/// `singular-value-spectra` — the spectrum of W_hh at initialisation (reference-science §7.4).
/// For W ~ N(0, g²/H) the singular values follow the quarter-circle law p(s) = (1/(πg))√(4 − (s/g)²)
/// on [0, 2g] and the eigenvalues the circular law (uniform on the disk of radius g): σ_max ≈ 2g
/// while ρ ≈ g, so for 1/2 < g < 1 the largest singular value exceeds 1 and yet W^k decays.
/// Orthogonal and identity matrices have every σ = 1; square Xavier is the g = 1 Gaussian again.
public enum SingularValueSpectra: ExperimentKind {
    public static let name = "singular-value-spectra"
    public static let roughSeconds = 12.0

    public struct Settings: ExperimentSettings {
        public var hidden = 1000
        public var gains = [0.7, 1, 1.5]
        public var sweepGains = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]
        public var sweepHidden = 500
        public var bins = 40
        public var seed = 1
        public init() {}

        /// g > 0 as before, and at most 10⁶: at g = 1e308 the histograms' range 2.2·g is infinite
        /// and binning σ traps.
        static let gainRange = Interval<Double>(lower: 0, lowerIsOpen: true, upper: 1e6)

        public static let fields: [Setting<Self>] = [
            .int("hidden", \.hidden, .between(2, 3000), quick: 200, doc: "H: W_hh is H×H; the laws hold as H → ∞"),
            .doubles("gains", \.gains, gainRange,
                     doc: "g of the Gaussian panels, W ~ N(0, g²/H); g = 1 is always added"),
            .doubles("sweep_gains", \.sweepGains, gainRange, quick: [0.5, 1, 1.5],
                     doc: "g of the σ_max-and-ρ-against-g figure"),
            .int("sweep_hidden", \.sweepHidden, .between(2, 3000), quick: 200,
                 doc: "H of the gain sweep (eigenvalues cost ~H³ each)"),
            .int("bins", \.bins, .between(5, 500), quick: 25, doc: "histogram bins over the shared range [0, 2.2·max(g, 1)]"),
            .int("seed", \.seed, .atLeast(0), doc: "seed of the random matrices"),
        ]
    }

    /// One matrix's spectrum against its laws (H → ∞): mean σ and mean σ², σ_max and σ_min, the
    /// share of σ above 1, ρ.
    public struct Laws: Codable, Sendable, Equatable {
        public var gain: Double
        public var meanSigma: Double
        public var meanSigmaTheory: Double
        public var meanSigmaSquared: Double
        public var sigmaMax: Double
        public var sigmaMaxTheory: Double
        public var sigmaMin: Double
        public var shareAboveOne: Double
        public var shareAboveOneTheory: Double
        public var spectralRadius: Double
        public var spectralRadiusTheory: Double
        /// Orthogonal and identity only: max |σ − 1| and max ||λ| − 1|, rounding alone for an isometry.
        public var maxAbsSigmaMinusOne: Double?
        public var maxAbsModulusLambdaMinusOne: Double?

        enum CodingKeys: String, CodingKey {
            case gain, meanSigma = "mean_sigma", meanSigmaTheory = "mean_sigma_theory"
            case meanSigmaSquared = "mean_sigma_squared", sigmaMax = "sigma_max", sigmaMaxTheory = "sigma_max_theory"
            case sigmaMin = "sigma_min", shareAboveOne = "share_above_one", shareAboveOneTheory = "share_above_one_theory"
            case spectralRadius = "spectral_radius", spectralRadiusTheory = "spectral_radius_theory"
            case maxAbsSigmaMinusOne = "max_abs_sigma_minus_one"
            case maxAbsModulusLambdaMinusOne = "max_abs_modulus_lambda_minus_one"
        }

        init(_ c: SpectrumCase) {
            gain = c.gain
            meanSigma = c.meanSingularValue
            meanSigmaTheory = c.theoryMeanSingularValue
            meanSigmaSquared = c.meanSquaredSingularValue
            sigmaMax = c.sigmaMax
            sigmaMaxTheory = c.theorySigmaMax
            sigmaMin = c.sigmaMin
            shareAboveOne = c.shareAboveOne
            shareAboveOneTheory = c.theoryShareAboveOne
            spectralRadius = c.spectralRadius
            spectralRadiusTheory = c.theorySpectralRadius
            if !isRandom(c) {
                maxAbsSigmaMinusOne = maxDeviation(c.singularValues, from: 1)
                maxAbsModulusLambdaMinusOne = maxDeviation(zip(c.eigenvalueRe, c.eigenvalueIm).map { hypot($0, $1) }, from: 1)
            }
        }
    }

    /// σ_max and ρ of the Gaussian sweep, parallel to `gain`.
    public struct GainSweep: Codable, Sendable, Equatable {
        public var hidden: Int
        public var gain: [Double]
        public var sigmaMax: [Double]
        public var spectralRadius: [Double]

        enum CodingKeys: String, CodingKey {
            case hidden, gain, sigmaMax = "sigma_max", spectralRadius = "spectral_radius"
        }
    }

    public struct Result: Codable, Sendable {
        public var hidden: Int
        /// The g = 1 Gaussian, where the laws' headline values are (mean σ 8/(3π), σ_max 2, ρ 1).
        public var gaussianG1: Laws
        public var xavier: Laws
        public var orthogonalMaxAbsSigmaMinusOne: Double
        public var orthogonalSpectralRadius: Double
        public var identityMaxAbsSigmaMinusOne: Double
        /// Every matrix: `gaussian_g0_7`, …, `orthogonal`, `identity`, `xavier`.
        public var cases: [String: Laws]
        public var gainSweep: GainSweep
        /// The spectra the figures draw (kept in their data files, not in the manifest).
        public var spectra: [SpectrumCase] = []
        public var sweep: [SpectrumCase] = []

        enum CodingKeys: String, CodingKey {
            case hidden, gaussianG1 = "gaussian_g1", xavier
            case orthogonalMaxAbsSigmaMinusOne = "orthogonal_max_abs_sigma_minus_one"
            case orthogonalSpectralRadius = "orthogonal_spectral_radius"
            case identityMaxAbsSigmaMinusOne = "identity_max_abs_sigma_minus_one"
            case cases, gainSweep = "gain_sweep"
        }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let seed = UInt64(s.seed)
        let gains = Array(Set(s.gains + [1])).sorted()          // g = 1 always: the headline laws
        context.progress("spectra of \(gains.count + 3) matrices, H = \(s.hidden)")
        let spectra = try drawSpectra(hidden: s.hidden, gains: gains, initializations: RecurrentInit.allCases,
                                  bins: s.bins, seed: seed)
        try context.checkCancelled()
        let sweepGains = Array(Set(s.sweepGains)).sorted()
        context.progress("σ_max and ρ for \(sweepGains.count) gains")
        let sweep = try drawSpectra(hidden: s.sweepHidden, gains: sweepGains, initializations: [.gaussian],
                                bins: s.bins, seed: seed + 1)

        var cases: [String: Laws] = [:]
        for c in spectra {
            cases[c.initialization == .gaussian ? "gaussian_g\(gainKey(c.gain))" : c.initialization.rawValue] = Laws(c)
        }
        let g1 = spectra.first { $0.initialization == .gaussian && $0.gain == 1 }!
        let orthogonal = spectra.first { $0.initialization == .orthogonal }!
        let identity = spectra.first { $0.initialization == .identity }!
        let xavier = spectra.first { $0.initialization == .xavier }!
        return Result(
            hidden: s.hidden, gaussianG1: Laws(g1), xavier: Laws(xavier),
            orthogonalMaxAbsSigmaMinusOne: maxDeviation(orthogonal.singularValues, from: 1),
            orthogonalSpectralRadius: orthogonal.spectralRadius,
            identityMaxAbsSigmaMinusOne: maxDeviation(identity.singularValues, from: 1),
            cases: cases,
            gainSweep: GainSweep(hidden: s.sweepHidden, gain: sweep.map(\.gain), sigmaMax: sweep.map(\.sigmaMax),
                                 spectralRadius: sweep.map(\.spectralRadius)),
            spectra: spectra, sweep: sweep)
    }

    /// One H×H matrix per initialisation (Gaussian once per gain, the others at g = 1), drawn in
    /// that order from one generator seeded with `seed`; their histograms share the range
    /// [0, 2.2·max(g_max, 1)] so the panels compare directly.
    static func drawSpectra(hidden H: Int, gains: [Double], initializations: [RecurrentInit], bins: Int,
                        seed: UInt64) throws -> [SpectrumCase] {
        var rng = SeededGenerator(seed: seed)
        let top = 2.2 * max(gains.max() ?? 1, 1)
        var cases: [SpectrumCase] = []
        for initialization in initializations {
            for g in initialization == .gaussian ? gains : [1.0] {
                let W = initialization.matrix(H, gain: g, using: &rng)
                cases.append(try spectrum(of: W, initialization: initialization, gain: g, bins: bins, range: 0...top))
            }
        }
        return cases
    }

    /// True for the random laws (quarter circle, circular law); false for orthogonal and identity.
    static func isRandom(_ c: SpectrumCase) -> Bool { c.initialization == .gaussian || c.initialization == .xavier }

    /// max_i |v_i − target| (0 for no values).
    static func maxDeviation(_ v: [Double], from target: Double) -> Double { v.map { abs($0 - target) }.max() ?? 0 }
}
