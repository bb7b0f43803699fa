import Dynamics
import Foundation
import Plotting

extension JacobianProducts {
    /// The spectra, one panel per case; how σ_max, the median σ and their ratio move with T.
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        [spectraFigure(result.measured, hidden: result.hidden), growthFigure(result.measured, hidden: result.hidden)]
    }

    /// The colour of the k-th T (the same T has the same colour in every panel).
    static func stepColor(_ k: Int) -> Color { Color.cycle[k % Color.cycle.count] }

    /// One panel per case: the sorted singular values of ∂h_T/∂h_0, one line per T.
    static func spectraFigure(_ cases: [JacobianCaseResult], hidden H: Int) -> Figure {
        let panels: [Panel] = cases.map { c in
            let irnn = isIRNN(c)
            let series: [Series] = c.spectra.enumerated().compactMap { k, s in
                // On the log axis only the resolved values (σ > σ_max·H·ε) are drawn: below that the SVD
                // returns rounding noise, not the true (smaller) singular values. None are resolved only
                // when the product underflowed to 0 (tiny g, very long T); that T is left out.
                let shown = irnn ? s.singularValues : Array(s.singularValues.prefix(s.resolved))
                guard !shown.isEmpty else { return nil }
                return .lines("T = \(s.steps)", x: steps(shown.count, from: 1), y: shown,
                              style: Style(color: stepColor(k), width: 2.5))
            }
            let w = "σ_max(W_hh) = \(short(c.sigmaMaxW)), ρ(W_hh) = \(short(c.spectralRadiusW))"
            if irnn {
                let ones = c.spectra.map { s in s.singularValues.filter { $0 > 0.5 }.count }
                return Panel(title: "\(c.jacobianCase.label): every σ is exactly 0 or 1\n#(σ = 1) falls from \(ones.first!) to \(ones.last!) as T grows",
                             xLabel: "index i (σ sorted, largest first)", yLabel: "σ_i of ∂h_T/∂h_0",
                             xRange: 1...Double(H), yRange: -0.05...1.15, key: .outside, series: series)
            }
            return Panel(title: "\(c.jacobianCase.label)\n\(w)", xLabel: "index i (σ sorted, largest first)",
                         yLabel: "σ_i of ∂h_T/∂h_0", yScale: .log, xRange: 1...Double(H), key: .outside, series: series,
                         referenceLines: [ReferenceLine(y: 1)])
        }
        return gridFigure(name: "spectra",
                          title: "Singular values of ∂h_T/∂h_0 = Π_t diag(f′(a_t)) W_hh at initialisation (H = \(H)), one line per T",
                          panels: panels, columns: 3, panelSize: (680, 500))
    }

    /// σ_max, the median σ and their ratio against T (log-log), one colour per case.
    static func growthFigure(_ cases: [JacobianCaseResult], hidden H: Int) -> Figure {
        func panel(_ title: String, _ yLabel: String, key: Key, _ value: (JacobianSpectrum) -> Double) -> Panel {
            var series = [Series]()
            var zeros = [String]()
            for (i, c) in cases.enumerated() {
                // A log axis cannot show 0 (the IRNN's median) or the ratio it makes infinite.
                let points = c.spectra.map { (Double($0.steps), value($0)) }.filter { $0.1 > 0 && $0.1.isFinite }
                let name = c.jacobianCase.label.components(separatedBy: " (").first!
                if points.count < c.spectra.count { zeros.append(name) }
                guard !points.isEmpty else { continue }
                series.append(.linesPoints(key == .hidden ? "" : c.jacobianCase.label, x: points.map(\.0), y: points.map(\.1),
                                           style: Style(color: Color.cycle[i % Color.cycle.count], width: 2.5, pointSize: 1.3)))
            }
            let note = zeros.isEmpty ? "" : "\n(\(zeros.joined(separator: ", ")): median 0, left off the log axis)"
            return Panel(title: title + note, xLabel: "T (steps back)", yLabel: yLabel, xScale: .log, yScale: .log,
                         key: key, series: series, referenceLines: [ReferenceLine(y: 1)])
        }
        let panels = [
            panel("largest σ: grows for g > 1, vanishes for g < 1", "σ_max of ∂h_T/∂h_0", key: .bottomLeft, \.max),
            panel("median σ: collapses for every Gaussian W", "median σ of ∂h_T/∂h_0", key: .bottomLeft, \.median),
            panel("spread σ_max / median σ (colours as left)", "σ_max / median σ", key: .hidden) { $0.max / $0.median },
        ]
        return gridFigure(name: "growth", title: "How the singular values of ∂h_T/∂h_0 grow, shrink and spread with T (H = \(H))",
                          panels: panels, columns: 3, panelSize: (620, 520))
    }
}
