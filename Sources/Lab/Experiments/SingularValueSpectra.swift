import Dynamics
import Foundation
import Plotting

/// `singular-value-spectra` — the spectrum of W_hh at initialisation (reference-science §7.4).
/// For W ~ N(0, g²/H) the singular values follow the quarter-circle law p(s) = (1/(πg))√(4 − (s/g)²)
/// on [0, 2g] and the eigenvalues the circular law (uniform on the disk of radius g): σ_max ≈ 2g
/// while ρ ≈ g, so for 1/2 < g < 1 the largest singular value exceeds 1 and yet W^k decays.
/// Orthogonal and identity matrices have every σ = 1; square Xavier is the g = 1 Gaussian again.
extension Catalogue {
    static let singularValueSpectra: Experiment = Experiment(
        schema: ExperimentSchema(name: "singular-value-spectra", parameters: [
            ParameterSpec("hidden", .int(.between(2, 3000)), default: 1000,
                          doc: "H: W_hh is H×H; the laws hold as H → ∞"),
            ParameterSpec("gains", .doubleList(.greaterThan(0)), default: .doubles([0.7, 1, 1.5]),
                          doc: "g of the Gaussian panels, W ~ N(0, g²/H); g = 1 is always added"),
            ParameterSpec("sweep_gains", .doubleList(.greaterThan(0)),
                          default: .doubles([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]),
                          doc: "g of the σ_max-and-ρ-against-g figure"),
            ParameterSpec("sweep_hidden", .int(.between(2, 3000)), default: 500,
                          doc: "H of the gain sweep (eigenvalues cost ~H³ each)"),
            ParameterSpec("bins", .int(.between(5, 500)), default: 40,
                          doc: "histogram bins over the shared range [0, 2.2·max(g, 1)]"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of the random matrices"),
        ], quick: ["hidden": 200, "sweep_gains": .doubles([0.5, 1, 1.5]), "sweep_hidden": 200, "bins": 25]),
        roughSeconds: 12,
        compute: { file, context in
            let p = file.parameters
            let H = p.int("hidden"), seed = UInt64(p.int("seed"))
            let gains = sortedUnique(p.doubles("gains"), adding: 1)
            context.progress("spectra of \(gains.count + 3) matrices, H = \(H)")
            let r = try Dynamics.singularValueSpectra(hidden: H, gains: gains, bins: p.int("bins"), seed: seed)
            try context.checkCancelled()
            let sweepGains = Array(Set(p.doubles("sweep_gains"))).sorted()
            context.progress("σ_max and ρ for \(sweepGains.count) gains")
            let sweep = try Dynamics.singularValueSpectra(hidden: p.int("sweep_hidden"), gains: sweepGains,
                                                          initializations: [.gaussian], bins: p.int("bins"), seed: seed + 1)
            let figures = [spectraHistograms(r), spectraEigenvalues(r), spectraSweep(sweep)]
            return ExperimentOutput(figures: figures, results: spectraResults(r, sweep: sweep))
        })
}

/// The short name of a case for panel titles.
private func caseTitle(_ c: SpectrumCase) -> String {
    switch c.initialization {
    case .gaussian: return "Gaussian N(0, g²/H), g = \(short(c.gain))"
    case .orthogonal: return "orthogonal"
    case .identity: return "identity"
    case .xavier: return "Xavier uniform U(±√(3/H))"
    }
}

/// True for the random laws (quarter circle, circular law); false for orthogonal and identity.
private func isRandom(_ c: SpectrumCase) -> Bool { c.initialization == .gaussian || c.initialization == .xavier }

/// One histogram panel per case, the quarter-circle density dashed over the random ones.
private func spectraHistograms(_ r: SingularValueSpectraResult) -> Figure {
    let H = r.hidden
    let panels: [Panel] = r.cases.map { c in
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
private func spectraEigenvalues(_ r: SingularValueSpectraResult) -> Figure {
    let reach = 1.1 * max(r.cases.map(\.spectralRadius).max() ?? 1, r.cases.map(\.gain).max() ?? 1, 1)
    let panels: [Panel] = r.cases.map { c in
        var series = [Series]()
        if c.gain != 1 || !isRandom(c) {
            series.append(.circle("|λ| = 1", radius: 1, style: Style(color: .gray, dash: .dotted, width: 2)))
        }
        if c.initialization == .identity {
            series.append(.points("all \(r.hidden) eigenvalues at λ = 1", x: [1], y: [0],
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
                      title: "Eigenvalues of W_hh (H = \(r.hidden)): uniform on the disk of radius g, so ρ ≈ g (half of σ_max ≈ 2g)",
                      panels: panels, columns: 3, panelSize: (560, 640))
}

/// σ_max and ρ of Gaussian matrices against g, with 2g and g dashed and the band 1/2 < g < 1 shaded.
private func spectraSweep(_ sweep: SingularValueSpectraResult) -> Figure {
    let g = sweep.cases.map(\.gain)
    let gTop = (g.max() ?? 1) * 1.05
    let yTop = 2.15 * max(g.max() ?? 1, 1)
    let line = linspace(0, gTop, 2)
    let panel = Panel(
        title: "For 1/2 < g < 1 (shaded) σ_max > 1 yet ρ < 1: the slide's rule says 'explodes', W^k decays",
        xLabel: "gain g  (W_hh ~ N(0, g²/H), H = \(sweep.hidden))", yLabel: "σ_max(W_hh) and ρ(W_hh)",
        xRange: 0...gTop, yRange: 0...yTop, key: .topLeft,
        series: [
            .band("1/2 < g < 1: σ_max > 1 > ρ", x: [0.5, 1], lower: [0, 0], upper: [yTop, yTop],
                  style: Style(color: .orange, fillOpacity: 0.18)),
            .lines("2g (quarter-circle edge)", x: line, y: line.map { 2 * $0 }, style: Style(color: .red, dash: .dashed)),
            .points("σ_max measured", x: g, y: sweep.cases.map(\.sigmaMax), style: Style(color: .red, pointSize: 1.8)),
            .lines("g (circular-law radius)", x: line, y: line, style: Style(color: .blue, dash: .dashed)),
            .points("ρ measured", x: g, y: sweep.cases.map(\.spectralRadius), style: Style(color: .blue, pointSize: 1.8)),
        ],
        referenceLines: [ReferenceLine(y: 1, label: "1")])
    return Figure(name: "sigma-max-and-rho", title: "Largest singular value ≈ 2g, spectral radius ≈ g",
                  size: Size(width: 1000, height: 650), panel: panel)
}

/// Headline numbers: the g = 1 Gaussian and Xavier laws, orthogonal and identity deviations, every case.
private func spectraResults(_ r: SingularValueSpectraResult, sweep: SingularValueSpectraResult) -> JSONValue {
    func laws(_ c: SpectrumCase) -> JSONValue {
        var o: [String: JSONValue] = [
            "gain": .number(c.gain),
            "mean_sigma": .number(c.meanSingularValue), "mean_sigma_theory": .number(c.theoryMeanSingularValue),
            "mean_sigma_squared": .number(c.meanSquaredSingularValue),
            "sigma_max": .number(c.sigmaMax), "sigma_max_theory": .number(c.theorySigmaMax),
            "sigma_min": .number(c.sigmaMin),
            "share_above_one": .number(c.shareAboveOne), "share_above_one_theory": .number(c.theoryShareAboveOne),
            "spectral_radius": .number(c.spectralRadius), "spectral_radius_theory": .number(c.theorySpectralRadius),
        ]
        if !isRandom(c) {
            // Orthogonal and identity: every σ and every |λ| is g = 1 up to rounding.
            o["max_abs_sigma_minus_one"] = .number(maxDeviation(c.singularValues, from: 1))
            o["max_abs_modulus_lambda_minus_one"] = .number(maxDeviation(zip(c.eigenvalueRe, c.eigenvalueIm).map { hypot($0, $1) },
                                                                         from: 1))
        }
        return .object(o)
    }
    var cases: [String: JSONValue] = [:]
    for c in r.cases {
        let key = c.initialization == .gaussian ? "gaussian_g\(gainKey(c.gain))" : c.initialization.rawValue
        cases[key] = laws(c)
    }
    let g1 = r.cases.first { $0.initialization == .gaussian && $0.gain == 1 }!
    let orthogonal = r.cases.first { $0.initialization == .orthogonal }!
    let identity = r.cases.first { $0.initialization == .identity }!
    let xavier = r.cases.first { $0.initialization == .xavier }!
    return [
        "hidden": .number(Double(r.hidden)),
        "gaussian_g1": laws(g1),
        "xavier": laws(xavier),
        "orthogonal_max_abs_sigma_minus_one": .number(maxDeviation(orthogonal.singularValues, from: 1)),
        "orthogonal_spectral_radius": .number(orthogonal.spectralRadius),
        "identity_max_abs_sigma_minus_one": .number(maxDeviation(identity.singularValues, from: 1)),
        "cases": .object(cases),
        "gain_sweep": ["hidden": .number(Double(sweep.hidden)), "gain": JSONValue(sweep.cases.map(\.gain)),
                       "sigma_max": JSONValue(sweep.cases.map(\.sigmaMax)),
                       "spectral_radius": JSONValue(sweep.cases.map(\.spectralRadius))],
    ]
}
