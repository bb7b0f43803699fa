import Dynamics
import Foundation
import Plotting

/// `edge-of-chaos` — the largest Lyapunov exponent of h_{t+1} = tanh(W h_t), W ~ N(0, g²/N),
/// against g: negative (ln g, ordered) below g = 1, positive (chaotic) above, crossing 0 at g = 1,
/// measured by the QR (Benettin) method beside the mean-field curve (reference-science §7.2–7.3).
/// The loop over gains and sizes is here, over the library's `lyapunovExponents` (one network)
/// and `meanFieldLyapunov` (one gain), so the run reports progress and stops on Ctrl-C between
/// networks, and the spectra can use fewer steps.
public enum EdgeOfChaos: ExperimentKind {
    public static let name = "edge-of-chaos"
    public static let roughSeconds = 46.0

    public struct Settings: ExperimentSettings {
        public var gains = [0.5, 0.9, 1, 1.1, 1.25, 1.5, 2, 2.5, 3]
        public var sizes = [300, 800]
        public var steps = 1500
        public var transient = 300
        public var spectrumGains = [1.5, 2.0, 3]
        public var spectrumSize = 200
        public var spectrumSteps = 500
        public var quadratureOrder = 500
        public var seed = 1
        public init() {}

        public static let fields: [Setting<Self>] = [
            .doubles("gains", \.gains, .between(0.01, 20), quick: [0.5, 0.9, 1.5, 2, 3],
                     doc: "g of W ~ N(0, g²/N): one QR estimate of λ_max per gain and size"),
            .ints("sizes", \.sizes, .between(2, 4000), quick: [100], doc: "N: network sizes of the λ_max sweep"),
            .int("steps", \.steps, .between(1, 1_000_000), quick: 600, doc: "steps averaged for λ_max"),
            .int("transient", \.transient, .between(0, 1_000_000), quick: 100, doc: "steps discarded first"),
            .doubles("spectrum_gains", \.spectrumGains, .between(0.01, 20),
                     doc: "gains whose whole spectrum λ_1 ≥ … ≥ λ_N is computed"),
            .int("spectrum_size", \.spectrumSize, .between(2, 2000), quick: 40, doc: "N of the spectra (all N exponents)"),
            .int("spectrum_steps", \.spectrumSteps, .between(1, 1_000_000), quick: 300, doc: "steps averaged for the spectra"),
            .int("quadrature_order", \.quadratureOrder, .between(10, 2000),
                 doc: "Gauss–Hermite nodes of the mean-field expectations"),
            .int("seed", \.seed, .atLeast(0), doc: "seed of W (one pattern, scaled by g), h_0 and Q_0"),
        ]
    }

    /// Below g = 1 the state decays to 0, where J = W: λ_max should be ln ρ(W).
    public struct FixedPointCheck: Codable, Sendable, Equatable {
        public var gain: Double
        public var size: Int
        public var lambdaMax: Double
        public var logSpectralRadius: Double
        /// λ_max − ln ρ(W).
        public var difference: Double
        public var meanField: Double

        enum CodingKeys: String, CodingKey {
            case gain, size, lambdaMax = "lambda_max", logSpectralRadius = "log_spectral_radius", difference
            case meanField = "mean_field"
        }
    }

    /// Above g = 1: λ_max against the mean field.
    public struct MeanFieldCheck: Codable, Sendable, Equatable {
        public var gain: Double
        public var size: Int
        public var lambdaMax: Double
        public var meanField: Double
        /// λ_max / mean field − 1.
        public var relativeError: Double

        enum CodingKeys: String, CodingKey {
            case gain, size, lambdaMax = "lambda_max", meanField = "mean_field", relativeError = "relative_error"
        }
    }

    /// One whole spectrum: λ_1 against the mean field, how many exponents are positive, and their
    /// sum beside the mean ln|det J_t| it must equal.
    public struct Spectrum: Codable, Sendable, Equatable {
        public var gain: Double
        public var size: Int
        public var lambdaMax: Double
        public var meanField: Double
        public var qStar: Double
        public var positiveExponents: Int
        public var sumOfExponents: Double
        public var meanLogAbsDetJacobian: Double

        enum CodingKeys: String, CodingKey {
            case gain, size, lambdaMax = "lambda_max", meanField = "mean_field", qStar = "q_star"
            case positiveExponents = "positive_exponents", sumOfExponents = "sum_of_exponents"
            case meanLogAbsDetJacobian = "mean_log_abs_det_jacobian"
        }
    }

    /// What one run measured, for the figure (kept in its data file, not in the manifest).
    public struct Measured: Sendable {
        /// The mean-field curve on a fine grid.
        public var curve: [MeanFieldPoint]
        /// The mean field at every gain of the settings (sweep and spectra).
        public var meanField: [Double: MeanFieldPoint]
        /// λ_max estimates per N, in the order of `gains`.
        public var qr: [Int: [LyapunovEstimate]]
        public var spectra: [LyapunovEstimate]
    }

    public struct Result: Codable, Sendable {
        public var gains: [Double]
        /// N of the sweep, each once, in the order given.
        public var sizes: [Int]
        public var steps: Int
        public var transient: Int
        /// Parallel to `gains`.
        public var lambdaMaxMeanField: [Double]
        public var qStar: [Double]
        /// By `n_N`: λ_max per gain.
        public var lambdaMaxQR: [String: [Double]]
        public var fixedPointCheck: [FixedPointCheck]
        public var meanFieldCheck: [MeanFieldCheck]
        public var spectra: [Spectrum]
        public var measured: Measured? = nil

        enum CodingKeys: String, CodingKey {
            case gains, sizes, steps, transient, lambdaMaxMeanField = "lambda_max_mean_field", qStar = "q_star"
            case lambdaMaxQR = "lambda_max_qr", fixedPointCheck = "fixed_point_check"
            case meanFieldCheck = "mean_field_check", spectra
        }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        var seen = Set<Int>()
        let gains = s.gains, sizes = s.sizes.filter { seen.insert($0).inserted }
        let seed = UInt64(s.seed)
        let quadrature = try GaussHermite(order: s.quadratureOrder)
        let lo = min(gains.min()!, 0.5), hi = max(gains.max()!, 3)
        context.progress("mean-field curve")
        let curve = (0...250).map { meanFieldLyapunov(gain: lo + (hi - lo) * Double($0) / 250, quadrature: quadrature) }
        var qr: [Int: [LyapunovEstimate]] = [:]
        for N in sizes {
            for g in gains {
                try context.checkCancelled()
                context.progress("λ_max: N = \(N), g = \(plain(g))")
                qr[N, default: []].append(try lyapunovExponents(gain: g, size: N, count: 1, steps: s.steps,
                                                                transient: s.transient, seed: seed))
            }
        }
        var spectra: [LyapunovEstimate] = []
        let M = s.spectrumSize
        for g in s.spectrumGains {
            try context.checkCancelled()
            context.progress("spectrum: N = \(M), g = \(plain(g))")
            spectra.append(try lyapunovExponents(gain: g, size: M, count: M, steps: s.spectrumSteps,
                                                 transient: s.transient, seed: seed))
        }
        var meanField: [Double: MeanFieldPoint] = [:]
        for g in gains + s.spectrumGains { meanField[g] = meanFieldLyapunov(gain: g, quadrature: quadrature) }

        var lambda: [String: [Double]] = [:]
        var fixedPoint: [FixedPointCheck] = [], chaos: [MeanFieldCheck] = []
        for N in sizes {
            let e = qr[N]!
            lambda["n_\(N)"] = e.map(\.lambdaMax)
            for x in e {
                let mf = meanField[x.gain]!.lambdaMax
                if x.gain < 1 {
                    fixedPoint.append(FixedPointCheck(gain: x.gain, size: N, lambdaMax: x.lambdaMax,
                                                      logSpectralRadius: x.logSpectralRadius,
                                                      difference: x.lambdaMax - x.logSpectralRadius, meanField: mf))
                } else if x.gain > 1 {
                    chaos.append(MeanFieldCheck(gain: x.gain, size: N, lambdaMax: x.lambdaMax, meanField: mf,
                                                relativeError: x.lambdaMax / mf - 1))
                }
            }
        }
        let spectrumResults = spectra.map { e in
            Spectrum(gain: e.gain, size: e.size, lambdaMax: e.lambdaMax, meanField: meanField[e.gain]!.lambdaMax,
                     qStar: meanField[e.gain]!.qStar, positiveExponents: e.exponents.filter { $0 > 0 }.count,
                     sumOfExponents: e.exponents.reduce(0, +), meanLogAbsDetJacobian: e.meanLogAbsDetJacobian)
        }
        return Result(gains: gains, sizes: sizes, steps: s.steps, transient: s.transient,
                      lambdaMaxMeanField: gains.map { meanField[$0]!.lambdaMax }, qStar: gains.map { meanField[$0]!.qStar },
                      lambdaMaxQR: lambda, fixedPointCheck: fixedPoint, meanFieldCheck: chaos, spectra: spectrumResults,
                      measured: Measured(curve: curve, meanField: meanField, qr: qr, spectra: spectra))
    }
}
