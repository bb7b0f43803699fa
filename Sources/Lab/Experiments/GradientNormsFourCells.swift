import Dynamics
import Foundation
import Plotting

/// `gradient-norms-four-cells` — the lecture's headline figure: put the loss on the last step T and
/// measure how much of its gradient reaches step t, ‖∂L/∂h_t‖/‖∂L/∂h_T‖, for tanh, IRNN, LSTM and
/// GRU at initialisation, over many seeds. tanh vanishes (each step multiplies by
/// W_hhᵀ diag(1 − h²)), far below its bound (γ σ_max)^{T−t}; the IRNN keeps the norm (W_hh = I and
/// every unit active); the gated cells sit in between, the LSTM's cell path c decaying by f per step.
extension Catalogue {
    static let gradientNormsFourCells: Experiment = Experiment(
        schema: ExperimentSchema(name: "gradient-norms-four-cells", parameters: [
            ParameterSpec("cells", .choiceList(GradientCell.allCases.map(\.rawValue)),
                          default: .strings(GradientCell.allCases.map(\.rawValue)), doc: "the cells compared"),
            ParameterSpec("steps", .int(.between(2, 100_000)), default: 200, doc: "T: the loss sits at step T only"),
            ParameterSpec("hidden", .int(.between(1, 4096)), default: 128, doc: "H, hidden units"),
            ParameterSpec("input_size", .int(.between(1, 4096)), default: 10, doc: "D, input size"),
            ParameterSpec("batch", .int(.between(1, 1024)), default: 4, doc: "B: sequences per seed (norms are over the batch)"),
            ParameterSpec("seeds", .int(.between(1, 1000)), default: 10, doc: "number of seeds (initialisations) per cell"),
            ParameterSpec("first_seed", .int(.atLeast(0)), default: 1, doc: "seeds are first_seed, first_seed + 1, …"),
            ParameterSpec("tanh_gain", .double(.greaterThan(0)), default: 1.0, doc: "g of the tanh cell's W_hh ~ N(0, g²/H)"),
            ParameterSpec("forget_bias", .double(.all), default: 1.0, doc: "b_f of the LSTM"),
            ParameterSpec("irnn_input_std", .double(.atLeast(0)), default: 0.001, doc: "σ_x of the IRNN's W_xh ~ N(0, σ_x²)"),
            ParameterSpec("input_std", .double(.atLeast(0)), default: 1.0, doc: "x_t ~ N(0, s²)"),
            ParameterSpec("initial_state_std", .double(.atLeast(0)), default: 0.5,
                          doc: "h_0 ~ N(0, s²) (|·| for the IRNN, so its units start active)"),
        ], quick: ["steps": 60, "hidden": 32, "seeds": 3]),
        roughSeconds: 3,
        compute: { file, context in
            let p = file.parameters
            var s = GradientNormSettings()
            s.steps = p.int("steps"); s.hidden = p.int("hidden"); s.inputSize = p.int("input_size")
            s.batch = p.int("batch"); s.tanhGain = p.double("tanh_gain"); s.forgetBias = p.double("forget_bias")
            s.irnnInputWeightStd = p.double("irnn_input_std"); s.inputStd = p.double("input_std")
            s.initialStateStd = p.double("initial_state_std")
            let cells = p.strings("cells").compactMap(GradientCell.init(rawValue:))
            let first = UInt64(p.int("first_seed"))
            let seeds = (0..<UInt64(p.int("seeds"))).map { first + $0 }
            var curves: [GradientNormCurve] = []
            for cell in cells {                      // one cell at a time: progress and Ctrl-C between cells
                try context.checkCancelled()
                context.progress("\(cell.rawValue), \(seeds.count) seeds")
                curves += try Dynamics.gradientNormsFourCells(cells: [cell], settings: s, seeds: seeds).curves
            }
            return ExperimentOutput(figures: [gradientNormsFigure(curves, settings: s, seeds: seeds.count),
                                              gradientNormsPanels(curves, settings: s, seeds: seeds.count)],
                                    results: gradientNormsResults(curves, settings: s, seeds: seeds.count))
        })
}

/// One colour and one name per cell in every figure of the lecture.
private func style(_ cell: GradientCell) -> (color: Color, name: String) {
    switch cell {
    case .tanh: return (.blue, "tanh")
    case .irnn: return (.orange, "IRNN")
    case .lstm: return (.green, "LSTM")
    case .gru: return (.purple, "GRU")
    }
}

/// The bound (γ σ_max)^{T−t}, γ = max tanh′ = 1, as values.
private func bound(_ c: GradientNormCurve) -> [Double]? { c.boundLog10.map(exp10) }

/// σ_max as the bound uses it: the geometric mean over seeds.
private func boundSigma(_ c: GradientNormCurve) -> Double {
    pow(10, Dynamics.mean(c.sigmaMaxPerSeed.map { log10($0) }))
}

/// Figure 1: every cell on one log axis, mean over seeds with its min–max band, the tanh bound dashed.
private func gradientNormsFigure(_ curves: [GradientNormCurve], settings s: GradientNormSettings, seeds: Int) -> Figure {
    let t = steps(s.steps, from: 1)
    var series: [Series] = []
    for c in curves {
        let (color, name) = style(c.cell)
        series.append(.band("", x: t, lower: exp10(c.h.min), upper: exp10(c.h.max), style: Style(color: color, fillOpacity: 0.2)))
        series.append(.lines("\(name): ‖∂L/∂h_t‖ (factor \(short(c.factorPerStep)) per step)", x: t, y: exp10(c.h.mean),
                             style: Style(color: color, width: 3)))
        if let band = c.c {
            series.append(.band("", x: t, lower: exp10(band.min), upper: exp10(band.max), style: Style(color: color, fillOpacity: 0.12)))
            series.append(.lines("LSTM: ‖∂L/∂c_t‖ (cell path)", x: t, y: exp10(band.mean),
                                 style: Style(color: color, dash: .dotted, width: 3)))
        }
    }
    for c in curves { if let b = bound(c) {
        series.append(.lines("tanh bound (γ σ_max)^(T−t), σ_max = \(short(boundSigma(c)))", x: t, y: b,
                             style: Style(color: .red, dash: .dashed, width: 2)))
    } }
    let lows = curves.flatMap { $0.h.min + ($0.c?.min ?? []) }.filter { $0 > -300 }
    let floor = max((lows.min() ?? -10).rounded(.down) - 1, -300)
    let top = max(4, (-floor / 4).rounded(.up))
    var labels: [TextLabel] = []
    if let c = curves.first(where: { $0.cell == .tanh }), let b = c.boundLog10, b[0] > top {
        // The bound leaves the plot long before t = 1; say where it ends instead of squeezing the data.
        labels.append(TextLabel("red dashed: the bound (γ σ_max)^(T−t) reaches 10^\(Int(b[0].rounded())) at t = 1",
                                x: 0.04 * Double(s.steps), y: pow(10, top - 0.08 * (top - floor))))
    }
    let panel = Panel(title: "mean over \(seeds) seeds (line) and min–max over seeds (band); loss at t = T = \(s.steps)",
                      xLabel: "time step t (the gradient flows right to left, from the loss at T)",
                      yLabel: "‖∂L/∂h_t‖ / ‖∂L/∂h_T‖", yScale: .log,
                      xRange: 1...Double(s.steps), yRange: pow(10, floor)...pow(10, top),
                      key: .bottomRight, series: series,
                      referenceLines: [ReferenceLine(y: 1, label: "‖∂L/∂h_t‖ = ‖∂L/∂h_T‖")], labels: labels)
    return Figure(name: "norms", title: "How much of the gradient at step T reaches step t, at initialisation (H = \(s.hidden))",
                  size: Size(width: 1300, height: 820), panel: panel)
}

/// Figure 2: one panel per cell, every seed drawn thin, with the cell's own reference.
private func gradientNormsPanels(_ curves: [GradientNormCurve], settings s: GradientNormSettings, seeds: Int) -> Figure {
    let t = steps(s.steps, from: 1)
    let panels: [Panel] = curves.map { c in
        let (color, name) = style(c.cell)
        var series: [Series] = c.h.perSeed.enumerated().map { i, run in
            .lines(i == 0 ? "each of \(seeds) seeds" : "", x: t, y: exp10(run), style: Style(color: .gray, width: 1))
        }
        series.append(.lines("mean of log ‖∂L/∂h_t‖", x: t, y: exp10(c.h.mean), style: Style(color: color, width: 3)))
        var title = name
        switch c.cell {
        case .tanh:
            if let b = bound(c) {
                series.append(.lines("bound (γ σ_max)^(T−t), γ = 1, σ_max = \(short(boundSigma(c)))", x: t, y: b,
                                     style: Style(color: .red, dash: .dashed)))
            }
            title = "tanh, W_hh ~ N(0, g²/H), g = \(plain(s.tanhGain)): vanishes, far below its bound"
        case .irnn:
            title = "IRNN, W_hh = I: every unit active, so ‖∂L/∂h_t‖ is kept"
        case .lstm:
            if let band = c.c {
                series.append(.lines("mean of log ‖∂L/∂c_t‖ (cell path)", x: t, y: exp10(band.mean),
                                     style: Style(color: color, dash: .dotted, width: 3)))
            }
            let f = sigmoid(s.forgetBias)
            series.append(.lines("σ(b_f)^(T−t) = \(short(f))^(T−t): f alone", x: t,
                                 y: t.map { pow(f, Double(s.steps) - $0) }, style: Style(color: .red, dash: .dashed)))
            title = "LSTM, b_f = \(plain(s.forgetBias)): slower than f alone, the path through W_h adds"
        case .gru:
            series.append(.lines("(½)^(T−t): z ≈ σ(0) alone", x: t,
                                 y: t.map { pow(0.5, Double(s.steps) - $0) }, style: Style(color: .red, dash: .dashed)))
            title = "GRU, PyTorch init: z ≈ ½ keeps only about half per step"
        }
        let lows = (c.h.min + (c.c?.min ?? [])).filter { $0 > -300 }
        let floor = max((lows.min() ?? -10).rounded(.down) - 1, -300)
        let top = c.cell == .tanh ? max(3, -floor / 3) : 1
        return Panel(title: title, xLabel: "time step t (loss at T = \(s.steps))", yLabel: "‖∂L/∂h_t‖ / ‖∂L/∂h_T‖",
                     yScale: .log, xRange: 1...Double(s.steps), yRange: pow(10, floor)...pow(10, top),
                     key: c.cell == .irnn ? .bottomRight : .topLeft, series: series, referenceLines: [ReferenceLine(y: 1)])
    }
    return gridFigure(name: "per-cell", title: "‖∂L/∂h_t‖ per cell, every seed (gray) and their geometric mean",
                      panels: panels, columns: min(2, panels.count), panelSize: (760, 500))
}

/// results: per cell log₁₀(‖dh_1‖/‖dh_T‖) and the factor per step; tanh's σ_max.
private func gradientNormsResults(_ curves: [GradientNormCurve], settings s: GradientNormSettings, seeds: Int) -> JSONValue {
    var cells: [String: JSONValue] = [:]
    for c in curves {
        var o: [String: JSONValue] = [
            "log10_dh1_over_dhT": .number(c.h.mean[0]),
            "factor_per_step": .number(c.factorPerStep),
            "log10_dh1_over_dhT_min": .number(c.h.min[0]),
            "log10_dh1_over_dhT_max": .number(c.h.max[0]),
        ]
        if let band = c.c {
            o["log10_dc1_over_dhT"] = .number(band.mean[0])
            o["cell_factor_per_step"] = .number(pow(10, (band.mean[0] - band.mean[s.steps - 1]) / Double(s.steps - 1)))
            o["forget_gate_prediction"] = .number(sigmoid(s.forgetBias))
        }
        if c.cell == .tanh {
            o["sigma_max_mean"] = .number(Dynamics.mean(c.sigmaMaxPerSeed))
            o["sigma_max_expected"] = .number(2 * s.tanhGain)
            o["log10_bound_at_first_step"] = .number(c.boundLog10?[0] ?? .nan)
        }
        cells[c.cell.rawValue] = .object(o)
    }
    return ["steps": .number(Double(s.steps)), "hidden": .number(Double(s.hidden)), "seeds": .number(Double(seeds)),
            "cells": .object(cells)]
}
