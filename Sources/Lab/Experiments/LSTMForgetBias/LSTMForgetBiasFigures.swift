import Dynamics
import Foundation
import Plotting

extension LSTMForgetBias {
    /// The cell-path gradient against t per b_f; the factor per step and the half-life against b_f.
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        [decayFigure(result), factorFigure(result)]
    }

    /// Figure 1: ‖∂L/∂c_t‖/‖∂L/∂c_T‖ per b_f, measured (solid) beside σ(b_f)^{T−t} (dashed).
    static func decayFigure(_ r: Result) -> Figure {
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
        let lowest: Double = r.curves.flatMap { (c: Curve) -> [Double] in c.log10CellGradient + c.log10Prediction }
            .filter { $0 > -300 }.min() ?? -10
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
    static func factorFigure(_ r: Result) -> Figure {
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
}
