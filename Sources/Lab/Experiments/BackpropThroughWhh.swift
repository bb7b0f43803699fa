import Dynamics
import Foundation
import Plotting

/// `backprop-through-whh` — the lecture's slide: from h_t to h_{t-1} the gradient is multiplied
/// by W_hhᵀ, so after k steps ‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖. The slide's rule (σ_max < 1 vanishes,
/// σ_max > 1 explodes) is one-sided: the asymptotic rate per step is the spectral radius ρ.
extension Lab {
    static let backpropThroughWhh: Experiment = Experiment(
        schema: ExperimentSchema(name: "backprop-through-whh", parameters: [
            ParameterSpec("steps", .int(.between(2, 100_000)), default: 100,
                          doc: "k: backward steps dh ← W_hhᵀ dh"),
            ParameterSpec("hidden", .int(.between(2, 2000)), default: 64,
                          doc: "H of the random (Gaussian, orthogonal) cases"),
            ParameterSpec("contractive_sigma", .double(.greaterThan(0)), default: 0.9,
                          doc: "σ_max of the contracting Gaussian case"),
            ParameterSpec("gaussian_gain", .double(.greaterThan(0)), default: 0.7,
                          doc: "g of W ~ N(0, g²/H): σ_max ≈ 2g, ρ ≈ g"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of the random matrices"),
        ], quick: ["steps": 40, "hidden": 16]),
        roughSeconds: 1,
        compute: { file, context in
            let p = file.parameters
            let cases = try standardWhhCases(hidden: p.int("hidden"), contractiveSigma: p.double("contractive_sigma"),
                                             gaussianGain: p.double("gaussian_gain"), seed: UInt64(p.int("seed")))
            let r = try Dynamics.backpropThroughWhh(cases: cases, steps: p.int("steps"))
            let k = steps(r.steps + 1)
            var panels: [Panel] = r.cases.map { c in
                Panel(title: c.name, xLabel: "backward steps k", yLabel: "‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖", yScale: .log,
                      key: .bottomLeft, series: [
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
            let figure = gridFigure(name: "norms", title: "Backpropagating through W_hh: ‖dh_k‖ against k", panels: panels,
                                    columns: 3, panelSize: (640, 440))
            // Stable keys, in the order of `standardWhhCases`.
            let keys = ["contracting", "orthogonal", "dlfs2", "dlfs2_half", "gaussian"]
            var perCase: [String: JSONValue] = [:]
            for (i, c) in r.cases.enumerated() {
                perCase[i < keys.count ? keys[i] : "case_\(i + 1)"] = ["name": .string(c.name), "sigma_max": .number(c.sigmaMax), "spectral_radius": .number(c.spectralRadius),
                                   "final_ratio": .number(c.finalRatio), "mean_ratio_second_half": .number(c.meanRatioSecondHalf),
                                   "rule_of_thumb_fails": .bool(c.ruleOfThumbFails)]
            }
            return ExperimentOutput(figures: [figure], results: ["steps": .number(Double(r.steps)), "cases": .object(perCase)])
        })
}
