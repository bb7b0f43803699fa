import Dynamics
import Foundation
import Plotting

extension SingularValueSpectra {
    /// The histograms of σ, the eigenvalues in the complex plane, and σ_max and ρ against g.
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        [histogramFigure(result.spectra, hidden: result.hidden), eigenvalueFigure(result.spectra, hidden: result.hidden),
         sweepFigure(result.sweep, hidden: result.gainSweep.hidden)]
    }

    /// The short name of a case for panel titles.
    static func caseTitle(_ c: SpectrumCase) -> String {
        switch c.initialization {
        case .gaussian: return "Gaussian N(0, g²/H), g = \(short(c.gain))"
        case .orthogonal: return "orthogonal"
        case .identity: return "identity"
        case .xavier: return "Xavier uniform U(±√(3/H))"
        }
    }

    /// `n` equally spaced points on [a, b], both ends included (n ≥ 2).
    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
    }

    /// One histogram panel per case, the quarter-circle density dashed over the random ones.
    static func histogramFigure(_ cases: [SpectrumCase], hidden H: Int) -> Figure {
        let panels: [Panel] = cases.map { c in
            let h = c.histogram
            let width = h.edges[1] - h.edges[0]
            var series: [Series] = [
                Series(label: "measured, H = \(H)", mark: .histogram(binWidth: width), x: h.centers, y: h.density,
                       style: Style(color: .blue, width: 1, fillOpacity: 0.45)),
            ]
            var peak = h.density.max() ?? 1
            var title: String
            if isRandom(c) {
                let g = c.gain
                let s = linspace(0, 2 * g, 201)
                series.append(.lines("quarter circle (1/(πg))√(4 − (σ/g)²)", x: s,
                                     y: s.map { quarterCircleDensity($0, gain: g) },
                                     style: Style(color: .red, dash: .dashed, width: 2.5)))
                peak = max(peak, quarterCircleDensity(0, gain: g))
                title = "\(caseTitle(c)): σ_max = \(short(c.sigmaMax)), law 2g = \(short(2 * g))"
            } else {
                let deviation = maxDeviation(c.singularValues, from: 1)
                series[0].label = "all \(H) at σ = 1, max |σ − 1| = " + (deviation == 0 ? "0" : String(format: "%.1e", deviation))
                title = "\(caseTitle(c)): every σ = 1"
            }
            title += String(format: "\nmean σ = %.3f (law %.3f), σ > 1: %.1f %% (law %.1f %%)", c.meanSingularValue,
                            c.theoryMeanSingularValue, 100 * c.shareAboveOne, 100 * c.theoryShareAboveOne)
            // Headroom above the bars for the legend.
            return Panel(title: title, xLabel: "singular value σ of W_hh  (grey dashed: σ = 1)", yLabel: "density",
                         xRange: h.edges.first!...h.edges.last!, yRange: 0...(1.4 * peak), key: .topRight, series: series,
                         referenceLines: [ReferenceLine(x: 1)])
        }
        return gridFigure(name: "singular-values",
                          title: "Singular values of W_hh (H = \(H)): Gaussian ones fill [0, 2g] as a quarter circle; orthogonal and identity sit at 1",
                          panels: panels, columns: 3, panelSize: (680, 470))
    }

    /// One complex-plane panel per case: the eigenvalues, the circle of radius g, the unit circle.
    static func eigenvalueFigure(_ cases: [SpectrumCase], hidden H: Int) -> Figure {
        let reach = 1.1 * max(cases.map(\.spectralRadius).max() ?? 1, cases.map(\.gain).max() ?? 1, 1)
        let panels: [Panel] = cases.map { c in
            var series = [Series]()
            if c.gain != 1 || !isRandom(c) {
                series.append(.circle("|λ| = 1", radius: 1, style: Style(color: .gray, dash: .dotted, width: 2)))
            }
            if c.initialization == .identity {
                series.append(.points("all \(H) eigenvalues at λ = 1", x: [1], y: [0],
                                      style: Style(color: .blue, pointSize: 3)))
            } else {
                series.append(.points("eigenvalues λ of W_hh", x: c.eigenvalueRe, y: c.eigenvalueIm,
                                      style: Style(color: .blue, pointSize: 0.35)))
            }
            if isRandom(c) {
                series.append(.circle("circular law: |λ| ≤ g = \(short(c.gain))", radius: c.gain,
                                      style: Style(color: .red, dash: .dashed, width: 2.5)))
            }
            let relation = c.sigmaMax > 1 + 1e-9 && c.spectralRadius < 1 - 1e-9 ? " < 1 < " : ", "
            // The y range reaches higher than the x range so the legend sits above the disk.
            return Panel(title: "\(caseTitle(c))\nρ = \(short(c.spectralRadius))\(relation)σ_max = \(short(c.sigmaMax))",
                         xLabel: "Re λ", yLabel: "Im λ", xRange: -reach...reach, yRange: -reach...(1.5 * reach),
                         key: .topRight, series: series, equalAspect: true)
        }
        return gridFigure(name: "eigenvalues",
                          title: "Eigenvalues of W_hh (H = \(H)): uniform on the disk of radius g, so ρ ≈ g (half of σ_max ≈ 2g)",
                          panels: panels, columns: 3, panelSize: (560, 640))
    }

    /// σ_max and ρ of Gaussian matrices against g, with 2g and g dashed and the band 1/2 < g < 1 shaded.
    static func sweepFigure(_ sweep: [SpectrumCase], hidden H: Int) -> Figure {
        let g = sweep.map(\.gain)
        let gTop = (g.max() ?? 1) * 1.05
        let yTop = 2.15 * max(g.max() ?? 1, 1)
        let line = linspace(0, gTop, 2)
        let panel = Panel(
            title: "For 1/2 < g < 1 (shaded) σ_max > 1 yet ρ < 1: the slide's rule says 'explodes', W^k decays",
            xLabel: "gain g  (W_hh ~ N(0, g²/H), H = \(H))", yLabel: "σ_max(W_hh) and ρ(W_hh)",
            xRange: 0...gTop, yRange: 0...yTop, key: .topLeft,
            series: [
                .band("1/2 < g < 1: σ_max > 1 > ρ", x: [0.5, 1], lower: [0, 0], upper: [yTop, yTop],
                      style: Style(color: .orange, fillOpacity: 0.18)),
                .lines("2g (quarter-circle edge)", x: line, y: line.map { 2 * $0 }, style: Style(color: .red, dash: .dashed)),
                .points("σ_max measured", x: g, y: sweep.map(\.sigmaMax), style: Style(color: .red, pointSize: 1.8)),
                .lines("g (circular-law radius)", x: line, y: line, style: Style(color: .blue, dash: .dashed)),
                .points("ρ measured", x: g, y: sweep.map(\.spectralRadius), style: Style(color: .blue, pointSize: 1.8)),
            ],
            referenceLines: [ReferenceLine(y: 1, label: "1")])
        return Figure(name: "sigma-max-and-rho", title: "Largest singular value ≈ 2g, spectral radius ≈ g",
                      size: Size(width: 1000, height: 650), panel: panel)
    }
}
