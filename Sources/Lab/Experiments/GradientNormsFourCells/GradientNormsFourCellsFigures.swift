import Dynamics
import Foundation
import Plotting

extension GradientNormsFourCells {
    /// Every cell on one axis, then one panel per cell with every seed.
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        [normsFigure(result.curves, settings: settings, seeds: result.seeds),
         perCellFigure(result.curves, settings: settings, seeds: result.seeds)]
    }

    /// One colour and one name per cell in every figure of the lecture.
    static func style(_ cell: GradientCell) -> (color: Color, name: String) {
        switch cell {
        case .tanh: return (.blue, "tanh")
        case .irnn: return (.orange, "IRNN")
        case .lstm: return (.green, "LSTM")
        case .gru: return (.purple, "GRU")
        }
    }

    /// The bound (γ σ_max)^{T−t}, γ = max tanh′ = 1, as values.
    static func bound(_ c: Curve) -> [Double]? { c.boundLog10.map(exp10) }

    /// σ_max as the bound uses it: the geometric mean over seeds.
    static func boundSigma(_ c: Curve) -> Double {
        pow(10, Dynamics.mean(c.sigmaMaxPerSeed.map { log10($0) }))
    }

    /// Figure 1: every cell on one log axis, mean over seeds with its min–max band, the tanh bound dashed.
    static func normsFigure(_ curves: [Curve], settings s: Settings, seeds: Int) -> Figure {
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
        let lows: [Double] = curves.flatMap { (curve: Curve) -> [Double] in curve.h.min + (curve.c?.min ?? []) }.filter { $0 > -300 }
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
    static func perCellFigure(_ curves: [Curve], settings s: Settings, seeds: Int) -> Figure {
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
}
