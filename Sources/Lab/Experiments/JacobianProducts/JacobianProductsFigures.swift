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

    /// How a median σ of one T is drawn: as measured, below the resolution floor (rounding noise,
    /// not a number), or exactly 0 (the IRNN's: no log axis shows it).
    enum MedianReading: Equatable {
        case measured(Double)
        case belowFloor(floor: Double)
        case zero
    }

    static func medianReading(_ s: JacobianSpectrum, hidden H: Int) -> MedianReading {
        if s.median <= 0 { return .zero }
        let floor = resolutionFloor(s, hidden: H)
        return s.median > floor ? .measured(s.median) : .belowFloor(floor: floor)
    }

    /// Gray, for the marks that say "below floor" in every case alike.
    static let floorColor = Color(hex: "#444444")!

    /// σ_max, the median σ and their ratio against T (log-log), one colour per case.
    ///
    /// A median below the resolution floor σ_max·H·ε is rounding noise, so it is drawn as "below
    /// floor", not as a number: an arrow down from the floor in the median panel, and an arrow up
    /// from σ_max/floor = 1/(H·ε) in the ratio panel, each joined by a dashed line to the case's
    /// last measured point.
    ///
    /// In the ratio panel g = 0.5 lies exactly under g = 1: every case draws W_hh from the same
    /// seed, so the Gaussian cases share one matrix scaled by g, and while h stays near 0
    /// (tanh′ ≈ 1) ∂h_T/∂h_0 ≈ g^T W^T, whose factor g^T cancels in σ_max / median. The panel
    /// draws g = 0.5 wide beneath g = 1 and says so.
    static func growthFigure(_ cases: [JacobianCaseResult], hidden H: Int) -> Figure {
        let ratioBound = 1 / (Double(H) * Double.ulpOfOne)
        let names = cases.map { $0.jacobianCase.label.components(separatedBy: " (").first! }
        let zeros = zip(cases, names).filter { c, _ in c.spectra.contains { medianReading($0, hidden: H) == .zero } }.map(\.1)
        let zeroNote = zeros.isEmpty ? "" : "\n(\(zeros.joined(separator: ", ")): median 0, left off the log axis)"

        /// One case's measured points as a solid line; its below-floor T as a dashed line from the
        /// last measured point to `bound` and a gray arrow from there, `arrowDecades` long, up or down.
        /// The arrows are returned apart, to be drawn (and keyed) after every case.
        func series(_ i: Int, label: String, style: Style, arrowDecades: Double, arrowLabel: inout String,
                    measured: (JacobianSpectrum) -> Double?, bound: (JacobianSpectrum) -> Double?) -> (lines: [Series], arrows: [Series]) {
            let c = cases[i]
            let shown = c.spectra.compactMap { s in measured(s).map { (Double(s.steps), $0) } }
            let below = c.spectra.compactMap { s in bound(s).map { (Double(s.steps), $0) } }
            var lines: [Series] = [], arrows: [Series] = []
            if !shown.isEmpty { lines.append(.linesPoints(label, x: shown.map(\.0), y: shown.map(\.1), style: style)) }
            if !below.isEmpty {
                let path = (shown.last.map { [$0] } ?? []) + below
                lines.append(.lines("", x: path.map(\.0), y: path.map(\.1),
                                    style: Style(color: style.color, dash: .dashed, width: 1.8)))
                arrows.append(.vectors(arrowLabel, x: below.map(\.0), y: below.map(\.1), dx: below.map { _ in 0 },
                                       dy: below.map { $0.1 * (pow(10, arrowDecades) - 1) },
                                       style: Style(color: floorColor, width: 2)))
                arrowLabel = ""
            }
            return (lines, arrows)
        }
        func caseStyle(_ i: Int, wide: Bool = false) -> Style {
            Style(color: Color.cycle[i % Color.cycle.count], width: wide ? 7 : 2.5, pointSize: wide ? 2.3 : 1.3)
        }

        var maxSeries: [Series] = []
        for (i, c) in cases.enumerated() {
            let points = c.spectra.filter { $0.max > 0 && $0.max.isFinite }
            guard !points.isEmpty else { continue }
            maxSeries.append(.linesPoints(c.jacobianCase.label, x: points.map { Double($0.steps) }, y: points.map(\.max),
                                          style: caseStyle(i)))
        }
        let largest = Panel(title: "largest σ: grows for g > 1, vanishes for g < 1", xLabel: "T (steps back)",
                            yLabel: "σ_max of ∂h_T/∂h_0", xScale: .log, yScale: .log, key: .bottomLeft, series: maxSeries,
                            referenceLines: [ReferenceLine(y: 1)])

        // The median panel spans tens of decades: arrows a twentieth of it long.
        let medianValues = cases.flatMap { c in c.spectra.flatMap { s -> [Double] in
            switch medianReading(s, hidden: H) {
            case .measured(let m): return [m]
            case .belowFloor(let f): return [f]
            case .zero: return []
            }
        } }
        let medianHigh = max(medianValues.max() ?? 1, 1), medianLow = min(medianValues.min() ?? 1e-3, 1e-3)
        let medianDecades = log10(medianHigh / medianLow)
        let medianArrowDecades = max(1, medianDecades / 20)
        // The arrows point below the lowest floor: the axis reaches past their tips.
        let medianRange = (medianLow / pow(10, medianArrowDecades + medianDecades / 40))...(medianHigh * pow(10, medianDecades / 40))
        var arrowLabel = "below floor (σ_max·H·ε)"
        var medianSeries: [Series] = [], medianArrows: [Series] = []
        for (i, c) in cases.enumerated() {
            let (lines, arrows) = series(i, label: c.jacobianCase.label, style: caseStyle(i), arrowDecades: -medianArrowDecades,
                                   arrowLabel: &arrowLabel,
                                   measured: { if case .measured(let m) = medianReading($0, hidden: H) { return m } else { return nil } },
                                   bound: { if case .belowFloor(let f) = medianReading($0, hidden: H) { return f } else { return nil } })
            medianSeries += lines
            medianArrows += arrows
        }
        medianSeries += medianArrows
        let median = Panel(title: "median σ: collapses for every Gaussian W" + zeroNote, xLabel: "T (steps back)",
                           yLabel: "median σ of ∂h_T/∂h_0", xScale: .log, yScale: .log, yRange: medianRange, key: .bottomLeft,
                           series: medianSeries,
                           referenceLines: [ReferenceLine(y: 1)])

        // The ratio panel, in the left panels' colours. A Gaussian case whose ratios coincide with a
        // later (larger) gain's is drawn wide beneath it, and a note says why.
        func measuredRatios(_ i: Int) -> [Int: Double] {
            var out: [Int: Double] = [:]
            for s in cases[i].spectra { if case .measured(let m) = medianReading(s, hidden: H) { out[s.steps] = s.max / m } }
            return out
        }
        let gaussian = cases.indices.filter { cases[$0].jacobianCase.recurrent == .gaussian }
        var under: [Int: Int] = [:]
        for i in gaussian {
            let mine = measuredRatios(i)
            under[i] = gaussian.first { j in
                guard j > i else { return false }
                let theirs = measuredRatios(j)
                let common = mine.keys.filter { theirs[$0] != nil }
                return !common.isEmpty && common.allSatisfy { abs(log10(mine[$0]! / theirs[$0]!)) < 0.05 }
            }
        }
        func gainText(_ i: Int) -> String { "g = \(short(cases[i].jacobianCase.gain))" }
        let pairs = under.sorted { $0.key < $1.key }.map { "\(gainText($0.key)) lies under \(gainText($0.value))" }
        var ratioArrow = "median below floor: ratio above 1/(H·ε)"
        let ratioArrowDecades = 1.5
        var ratioSeries: [Series] = [], ratioArrows: [Series] = []
        var ratioTop = ratioBound
        for (i, c) in cases.enumerated() {
            let wide = under[i] != nil
            let label = under[i].map { "\(names[i]) (wide: under \(gainText($0)))" } ?? names[i]
            let (lines, arrows) = series(i, label: label, style: caseStyle(i, wide: wide), arrowDecades: ratioArrowDecades, arrowLabel: &ratioArrow,
                                  measured: { s in
                                      if case .measured(let m) = medianReading(s, hidden: H) { return s.max / m } else { return nil }
                                  },
                                  bound: { s in
                                      if case .belowFloor = medianReading(s, hidden: H) { return ratioBound } else { return nil }
                                  })
            ratioSeries += lines
            ratioArrows += arrows
            for s in c.spectra { if case .measured(let m) = medianReading(s, hidden: H) { ratioTop = max(ratioTop, s.max / m) } }
        }
        ratioSeries += ratioArrows
        // Above the data, from the top: the key (top left), then the note on g = 0.5, then the data.
        let dataTop = ratioArrows.isEmpty ? ratioTop : max(ratioTop, ratioBound * pow(10, ratioArrowDecades))
        let keyShare = 0.045 * Double(ratioSeries.filter { !$0.label.isEmpty }.count) + 0.05
        let noteShare = pairs.isEmpty ? 0 : 0.17
        let free = keyShare + noteShare + 0.03
        let decades = log10(dataTop / 0.5) / (1 - free)
        let ratioRange = 0.5...(0.5 * pow(10, decades))
        let explanation = pairs.isEmpty ? [] : [
            TextLabel(pairs.joined(separator: "; ") + ": the Gaussian cases\nare one W scaled by g, and while h ≈ 0 (tanh′ ≈ 1)\n"
                      + "∂h_T/∂h_0 ≈ g^T·W^T: g^T cancels in the ratio",
                      x: Double(cases.first?.spectra.first?.steps ?? 1) * 1.08,
                      y: 0.5 * pow(10, decades * (1 - keyShare - noteShare / 2))),
        ]
        let spread = Panel(title: "spread σ_max / median σ" + zeroNote, xLabel: "T (steps back)", yLabel: "σ_max / median σ",
                           xScale: .log, yScale: .log, yRange: ratioRange, key: .topLeft, series: ratioSeries,
                           referenceLines: [ReferenceLine(y: 1)], labels: explanation)
        return gridFigure(name: "growth", title: "How the singular values of ∂h_T/∂h_0 grow, shrink and spread with T (H = \(H))",
                          panels: [largest, median, spread], columns: 3, panelSize: (620, 520))
    }
}
