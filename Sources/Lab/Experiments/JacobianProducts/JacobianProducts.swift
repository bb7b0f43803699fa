import Dynamics
import Foundation
import Plotting
import Recurrence

/// `jacobian-products` — the singular values of ∂h_T/∂h_0 = Π_t diag(f′(a_t)) W_hh at
/// initialisation, along a trajectory driven by random inputs (reference-science §7.4–7.5).
/// tanh with Gaussian W spreads them over decades as T grows (products of random matrices,
/// Fuss–Catalan, shrunk by tanh′ ≤ 1); tanh with orthogonal W keeps them together near 1 while
/// h ≈ 0; the IRNN's are exactly 0 or 1 (diag of Π_t 1[a_t > 0]): dynamical isometry on the
/// units that never switched off (Pennington, Schoenholz & Ganguli 2017; Le, Jaitly & Hinton 2015).
public enum JacobianProducts: ExperimentKind {
    public static let name = "jacobian-products"
    public static let roughSeconds = 2.0

    public struct Settings: ExperimentSettings {
        public var hidden = 200
        public var gains = [0.5, 1, 1.5]
        public var steps = [1, 2, 5, 10, 20, 50, 100]
        public var inputSize = 10
        public var inputWeightStd = 0.01
        public var seed = 1
        public init() {}

        public static let fields: [Setting<Self>] = [
            .int("hidden", \.hidden, .between(2, 1000), quick: 40, doc: "H: ∂h_T/∂h_0 is H×H"),
            .doubles("gains", \.gains, .greaterThan(0), doc: "g of the tanh cases with W_hh ~ N(0, g²/H)"),
            .ints("steps", \.steps, .between(1, 10_000), quick: [1, 5, 20],
                  doc: "the T at which the spectrum of ∂h_T/∂h_0 is taken"),
            .int("input_size", \.inputSize, .between(1, 1000), doc: "D of the inputs x_t ~ N(0, 1)"),
            .double("input_weight_std", \.inputWeightStd, .atLeast(0),
                    doc: "std of W_xh: how far the inputs push h away from 0"),
            .int("seed", \.seed, .atLeast(0), doc: "seed of W_hh, W_xh and the inputs"),
        ]
    }

    /// One network's spectra, arrays parallel to `Result.steps`: max, median, min and mean ln σ,
    /// how many σ are resolved and the floor σ_max·H·ε below which `min` is rounding noise; for
    /// the IRNN also its distance from {0, 1}, its count of ones and of units active throughout.
    public struct Case: Codable, Sendable, Equatable {
        public var label: String
        public var gain: Double
        public var sigmaMaxW: Double
        public var spectralRadiusW: Double
        public var max: [Double]
        public var median: [Double]
        public var min: [Double]
        public var meanLogSigma: [Double]
        public var resolved: [Int]
        public var resolutionFloor: [Double]
        public var maxAbsSigmaMinusRound: [Double]?
        public var ones: [Int]?
        public var unitsActiveThroughout: [Int]?

        enum CodingKeys: String, CodingKey {
            case label, gain, sigmaMaxW = "sigma_max_w", spectralRadiusW = "spectral_radius_w"
            case max, median, min, meanLogSigma = "mean_log_sigma", resolved, resolutionFloor = "resolution_floor"
            case maxAbsSigmaMinusRound = "max_abs_sigma_minus_round", ones
            case unitsActiveThroughout = "units_active_throughout"
        }
    }

    public struct Result: Codable, Sendable {
        public var hidden: Int
        /// The T of every spectrum, ascending.
        public var steps: [Int]
        /// The IRNN's largest |σ − round(σ)| over every T: 0 up to rounding.
        public var irnnMaxAbsSigmaMinusRound: Double
        /// `tanh_gaussian_g0_5`, …, `tanh_orthogonal`, `irnn`.
        public var cases: [String: Case]
        /// The spectra the figures draw (kept in their data files, not in the manifest).
        public var measured: [JacobianCaseResult] = []

        enum CodingKeys: String, CodingKey {
            case hidden, steps, irnnMaxAbsSigmaMinusRound = "irnn_max_abs_sigma_minus_round", cases
        }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let cases = Array(Set(s.gains)).sorted().map {
            JacobianCase(label: "tanh, Gaussian g = \(short($0))", cell: .tanh, recurrent: .gaussian, gain: $0)
        } + [
            JacobianCase(label: "tanh, orthogonal", cell: .tanh, recurrent: .orthogonal, gain: 1),
            JacobianCase(label: "IRNN (ReLU, W_hh = I)", cell: .relu, recurrent: .identity, gain: 1),
        ]
        context.progress("\(cases.count) cases, H = \(s.hidden), T up to \(s.steps.max()!)")
        var measured: [JacobianCaseResult] = []
        for c in cases {                  // every case draws from its own generator seeded with `seed`
            try context.checkCancelled()
            measured.append(try jacobianProductSpectra(c, hidden: s.hidden, inputSize: s.inputSize, steps: s.steps,
                                                       inputWeightStd: s.inputWeightStd, seed: UInt64(s.seed)))
        }
        var results: [String: Case] = [:]
        var irnnDistance = 0.0
        for c in measured {
            let j = c.jacobianCase
            let key = isIRNN(c) ? "irnn" : "tanh_\(j.recurrent.rawValue)" + (j.recurrent == .gaussian ? "_g\(gainKey(j.gain))" : "")
            var r = Case(label: j.label, gain: j.gain, sigmaMaxW: c.sigmaMaxW, spectralRadiusW: c.spectralRadiusW,
                         max: c.spectra.map(\.max), median: c.spectra.map(\.median), min: c.spectra.map(\.min),
                         meanLogSigma: c.spectra.map(\.meanLogSigma), resolved: c.spectra.map(\.resolved),
                         resolutionFloor: c.spectra.map { resolutionFloor($0, hidden: s.hidden) })
            if isIRNN(c) {
                let distance = c.spectra.map { maxDistanceToInteger($0.singularValues) }
                irnnDistance = Swift.max(irnnDistance, distance.max() ?? 0)
                r.maxAbsSigmaMinusRound = distance
                r.ones = c.spectra.map { spectrum in spectrum.singularValues.filter { $0 > 0.5 }.count }
                r.unitsActiveThroughout = c.spectra.map { $0.unitsActiveThroughout ?? -1 }
            }
            results[key] = r
        }
        return Result(hidden: s.hidden, steps: Array(Set(s.steps)).sorted(), irnnMaxAbsSigmaMinusRound: irnnDistance,
                      cases: results, measured: measured)
    }

    /// σ_max·H·ε, the resolution floor of one spectrum: the SVD of an H×H matrix whose largest
    /// singular value is σ_max has errors of about this size, so a σ below it is rounding noise
    /// (the threshold Dynamics counts `resolved` with). The results and the figures read it here.
    static func resolutionFloor(_ s: JacobianSpectrum, hidden H: Int) -> Double { s.max * Double(H) * Double.ulpOfOne }

    /// True for the IRNN (ReLU) case, whose singular values are exactly 0 or 1.
    static func isIRNN(_ c: JacobianCaseResult) -> Bool { c.jacobianCase.cell == .relu }

    /// max_i |v_i − round(v_i)|: how far values are from the nearest integer (0 for no values).
    static func maxDistanceToInteger(_ v: [Double]) -> Double { v.map { abs($0 - $0.rounded()) }.max() ?? 0 }
}
