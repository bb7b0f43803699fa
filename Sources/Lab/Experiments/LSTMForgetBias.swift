import Dynamics
import Foundation
import Plotting

/// `lstm-forget-bias` — why b_f = 1: on the LSTM's cell path c_t = f_t∘c_{t−1} + i_t∘g_t the
/// gradient is multiplied by f_t alone, and with near-zero weights f_t ≈ σ(b_f), so
/// ‖∂L/∂c_t‖ ≈ σ(b_f)^{T−t} ‖∂L/∂c_T‖ (reference-science §8; Jozefowicz et al. 2015).
extension Catalogue {
    static let lstmForgetBias: Experiment = Experiment(
        schema: ExperimentSchema(name: "lstm-forget-bias", parameters: [
            ParameterSpec("forget_biases", .doubleList(.between(-20, 20)), default: .doubles([0, 1, 2, 3]),
                          doc: "b_f: one LSTM per value, the same weights otherwise"),
            ParameterSpec("steps", .int(.between(8, 100_000)), default: 100, doc: "T: the loss sits at step T only"),
            ParameterSpec("hidden", .int(.between(1, 4096)), default: 64, doc: "H, hidden units"),
            ParameterSpec("input_size", .int(.between(1, 4096)), default: 10, doc: "D, input size"),
            ParameterSpec("batch", .int(.between(1, 1024)), default: 4, doc: "B: sequences (norms are over the batch)"),
            ParameterSpec("weight_scale", .double(.greaterThan(0)), default: 0.001,
                          doc: "every weight ~ N(0, s²); s → 0 makes f_t = σ(b_f) exactly"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of the weights, inputs and loss gradient"),
        ], quick: ["steps": 40, "hidden": 16]),
        roughSeconds: 1,
        compute: { file, context in
            let p = file.parameters
            context.progress("b_f ∈ \(p.doubles("forget_biases").map(plain))")
            let r = try Dynamics.lstmForgetBias(forgetBiases: p.doubles("forget_biases"), hidden: p.int("hidden"),
                                                inputSize: p.int("input_size"), steps: p.int("steps"),
                                                batch: p.int("batch"), weightScale: p.double("weight_scale"),
                                                seed: UInt64(p.int("seed")))
            return ExperimentOutput(figures: [forgetBiasDecayFigure(r), forgetBiasFactorFigure(r)],
                                    results: forgetBiasResults(r))
        })
}

/// Figure 1: ‖∂L/∂c_t‖/‖∂L/∂c_T‖ per b_f, measured (solid) beside σ(b_f)^{T−t} (dashed).
private func forgetBiasDecayFigure(_ r: LSTMForgetBiasResult) -> Figure {
    let t = steps(r.steps, from: 1)
    var series: [Series] = []
    for (i, c) in r.curves.enumerated() {
                series.append(.lines("b_f = \(plain(c.forgetBias)): measured \(short(c.measuredFactor)) per step, σ(b_f) = \(short(c.predictedFactor))",
                             x: t, y: exp10(c.log10CellGradient), style: Style(color: cycleColor(i), width: 5)))
    }
    for (i, c) in r.curves.enumerated() {     // on top of the measured lines, which they should hide in
        series.append(.lines(i == 0 ? "prediction σ(b_f)^(T−t)" : "", x: t, y: exp10(c.log10Prediction),
                             style: Style(color: .black, dash: .dashed, width: 1.5)))
    }
    let lowest = r.curves.flatMap { $0.log10CellGradient + $0.log10Prediction }.filter { $0 > -300 }.min() ?? -10
    let floor = max(lowest.rounded(.down) - 1, -300)
    let t1 = Double(r.steps / 4), t2 = Double(3 * r.steps / 4)
    let panel = Panel(title: "the factor per step is measured between the dotted lines (t = \(Int(t1))…\(Int(t2)))",
                      xLabel: "time step t (loss at T = \(r.steps))", yLabel: "‖∂L/∂c_t‖ / ‖∂L/∂c_T‖", yScale: .log,
                      xRange: 1...Double(r.steps), yRange: pow(10, floor)...10, key: .bottomRight, series: series,
                      referenceLines: [ReferenceLine(x: t1, style: Style(color: .gray, dash: .dotted, width: 1.5)),
                                       ReferenceLine(x: t2, style: Style(color: .gray, dash: .dotted, width: 1.5))])
    return Figure(name: "cell-gradient",
                  title: "LSTM cell path: ∂L/∂c shrinks by f ≈ σ(b_f) per step (weights ~ N(0, \(short(r.weightScale))²), H = \(r.hidden))",
                  size: Size(width: 1200, height: 760), panel: panel)
}

/// Figure 2: the factor per step and the half-life against b_f, measured points on σ(b_f).
private func forgetBiasFactorFigure(_ r: LSTMForgetBiasResult) -> Figure {
    let b = r.curves.map(\.forgetBias)
    let lo = min(b.min() ?? 0, 0) - 1, hi = max(b.max() ?? 3, 3) + 1
    let grid = (0...200).map { lo + (hi - lo) * Double($0) / 200 }
    let factor = Panel(title: "factor per step ‖∂L/∂c_t‖ / ‖∂L/∂c_{t+1}‖", xLabel: "forget-gate bias b_f",
                       yLabel: "factor per step", xRange: lo...hi, yRange: 0...1, key: .bottomRight, series: [
                        .lines("σ(b_f) = 1/(1 + e^(−b_f))", x: grid, y: grid.map(sigmoid),
                               style: Style(color: .red, dash: .dashed)),
                        .points("measured (middle half of the sequence)", x: b, y: r.curves.map(\.measuredFactor),
                                style: Style(color: .blue, pointSize: 2)),
                       ], referenceLines: [ReferenceLine(x: 1, label: "b_f = 1 (Jozefowicz et al.)")])
    let halfLife = Panel(title: "steps for the gradient to halve, ln ½ / ln f", xLabel: "forget-gate bias b_f",
                         yLabel: "half-life (steps)", yScale: .log, xRange: lo...hi, key: .topLeft, series: [
                            .lines("ln ½ / ln σ(b_f)", x: grid, y: grid.map { log(0.5) / log(sigmoid($0)) },
                                   style: Style(color: .red, dash: .dashed)),
                            .points("measured", x: b, y: r.curves.map(\.halfLifeMeasured),
                                    style: Style(color: .blue, pointSize: 2)),
                         ], referenceLines: [ReferenceLine(x: 1)])
    return gridFigure(name: "factor", title: "Forget bias b_f sets how long the cell path remembers",
                      panels: [factor, halfLife], columns: 2, panelSize: (680, 500))
}

/// results: per b_f the measured factor, σ(b_f), their relative error and the half-lives.
private func forgetBiasResults(_ r: LSTMForgetBiasResult) -> JSONValue {
    var perBias: [String: JSONValue] = [:]
    for c in r.curves {
        perBias["b_f_" + snakeKey(c.forgetBias)] = [
            "forget_bias": .number(c.forgetBias),
            "sigma_b_f": .number(c.predictedFactor),
            "measured_factor": .number(c.measuredFactor),
            "relative_error": .number(c.relativeError),
            "half_life_measured": .number(c.halfLifeMeasured),
            "half_life_predicted": .number(c.halfLifePredicted),
            "mean_forget_gate": .number(c.meanForgetGate),
        ]
    }
    let worst = r.curves.map { abs($0.relativeError) }.max() ?? .nan
    return ["steps": .number(Double(r.steps)), "hidden": .number(Double(r.hidden)),
            "weight_scale": .number(r.weightScale), "forget_biases": .object(perBias),
            "max_abs_relative_error": .number(worst), "within_one_percent": .bool(worst <= 0.01)]
}
