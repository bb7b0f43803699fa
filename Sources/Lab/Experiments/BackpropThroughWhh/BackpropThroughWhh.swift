import Dynamics
import Foundation
import Plotting

/// `backprop-through-whh` — the lecture's slide: from h_t to h_{t-1} the gradient is multiplied
/// by W_hhᵀ, so after k steps ‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖. The slide's rule (σ_max < 1 vanishes,
/// σ_max > 1 explodes) is one-sided: the asymptotic rate per step is the spectral radius ρ.
public enum BackpropThroughWhh: ExperimentKind {
    public static let name = "backprop-through-whh"
    public static let roughSeconds = 1.0

    public struct Settings: ExperimentSettings {
        public var steps = 100
        public var hidden = 64
        public var contractiveSigma = 0.9
        public var gaussianGain = 0.7
        public var seed = 1
        public init() {}

        public static let fields: [Setting<Self>] = [
            .int("steps", \.steps, .between(2, 100_000), quick: 40, doc: "k: backward steps dh ← W_hhᵀ dh"),
            .int("hidden", \.hidden, .between(2, 2000), quick: 16, doc: "H of the random (Gaussian, orthogonal) cases"),
            .double("contractive_sigma", \.contractiveSigma, .between(1e-6, 1e6), doc: "σ_max of the contracting Gaussian case"),
            .double("gaussian_gain", \.gaussianGain, .between(1e-6, 1e6), doc: "g of W ~ N(0, g²/H): σ_max ≈ 2g, ρ ≈ g"),
            .int("seed", \.seed, .between(0, Int(Int32.max)), doc: "seed of the random matrices"),
        ]
    }

    /// The five matrices of `standardWhhCases`, by stable key.
    public static let caseKeys = ["contracting", "orthogonal", "dlfs2", "dlfs2_half", "gaussian"]

    public struct Case: Codable, Sendable, Equatable {
        public var name: String
        public var sigmaMax: Double
        public var spectralRadius: Double
        /// ‖dh_K‖/‖dh_{K−1}‖: the last per-step ratio, → ρ.
        public var finalRatio: Double
        public var meanRatioSecondHalf: Double
        /// σ_max > 1 but the gradient vanishes (or the reverse): the slide's rule is wrong here.
        public var ruleOfThumbFails: Bool

        enum CodingKeys: String, CodingKey {
            case name, sigmaMax = "sigma_max", spectralRadius = "spectral_radius", finalRatio = "final_ratio"
            case meanRatioSecondHalf = "mean_ratio_second_half", ruleOfThumbFails = "rule_of_thumb_fails"
        }
    }

    public struct Result: Codable, Sendable {
        public var steps: Int
        /// By the keys of `caseKeys`.
        public var cases: [String: Case]
        /// The series the figure draws (kept in its data file, not in the manifest).
        public var measured: BackpropThroughWhhResult? = nil

        enum CodingKeys: String, CodingKey { case steps, cases }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let matrices = try standardWhhCases(hidden: s.hidden, contractiveSigma: s.contractiveSigma,
                                            gaussianGain: s.gaussianGain, seed: UInt64(s.seed))
        let r = try Dynamics.backpropThroughWhh(cases: matrices, steps: s.steps)
        var cases: [String: Case] = [:]
        for (i, c) in r.cases.enumerated() {
            cases[i < caseKeys.count ? caseKeys[i] : "case_\(i + 1)"] = Case(
                name: c.name, sigmaMax: c.sigmaMax, spectralRadius: c.spectralRadius, finalRatio: c.finalRatio,
                meanRatioSecondHalf: c.meanRatioSecondHalf, ruleOfThumbFails: c.ruleOfThumbFails)
        }
        return Result(steps: r.steps, cases: cases, measured: r)
    }

    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        guard let r = result.measured else { return [] }
        let k = steps(r.steps + 1)
        var panels: [Panel] = r.cases.map { c in
            // The key goes where no curve passes: with σ_max > 1 the slide's line climbs to the top
            // right, so the key sits top left in a band of headroom above every curve (a quarter of
            // the decades spanned); otherwise every curve falls from the top left and the
            // bottom-left corner is free.
            let climbs = c.sigmaMax > 1 + 1e-9
            let values = (exp10(c.log10Norms) + c.sigmaMaxLine + c.spectralRadiusLine).filter { $0 > 0 && $0.isFinite }
            let low = log10(values.min() ?? 1), high = log10(values.max() ?? 10)
            let top = pow(10, (high + 0.25 * (high - low)).rounded(.up))
            // Past Double's range (2.66^2000) the key stays where gnuplot puts it rather than the axis break.
            let headroom = climbs && top.isFinite && top < 1e300 ? pow(10, low.rounded(.down))...top : nil
            return Panel(title: c.name, xLabel: "backward steps k", yLabel: "‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖", yScale: .log,
                  yRange: headroom, key: climbs ? .topLeft : .bottomLeft, series: [
                    .lines("measured ‖dh_k‖", x: k, y: exp10(c.log10Norms), style: Style(color: .blue, width: 3)),
                    .lines("σ_max^k = \(short(c.sigmaMax))^k (the slide)", x: k, y: c.sigmaMaxLine,
                           style: Style(color: .red, dash: .dashed)),
                    .lines("ρ^k = \(short(c.spectralRadius))^k (spectral radius)", x: k, y: c.spectralRadiusLine,
                           style: Style(color: .green, dash: .dotted, width: 2.5)),
                  ])
        }
        panels.append(Panel(title: "per-step ratio ‖dh_k‖/‖dh_{k−1}‖ → ρ", xLabel: "backward steps k",
                            yLabel: "ratio per step", key: .topRight,
                            series: r.cases.enumerated().map { i, c in
                                .lines("σ_max \(short(c.sigmaMax)), ρ \(short(c.spectralRadius))", x: steps(r.steps, from: 1), y: c.ratios,
                                       style: Style(color: Color.cycle[i % Color.cycle.count]))
                            },
                            referenceLines: [ReferenceLine(y: 1, label: "ratio 1")]))
        return [gridFigure(name: "norms", title: "Backpropagating through W_hh: ‖dh_k‖ against k", panels: panels,
                           columns: 3, panelSize: (640, 440))]
    }
}
