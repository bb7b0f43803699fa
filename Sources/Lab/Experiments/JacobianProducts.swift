import Dynamics
import Foundation
import Plotting
import Recurrence

/// `jacobian-products` — the singular values of ∂h_T/∂h_0 = Π_t diag(f′(a_t)) W_hh at
/// initialisation, along a trajectory driven by random inputs (reference-science §7.4–7.5).
/// tanh with Gaussian W spreads them over decades as T grows (products of random matrices,
/// Fuss–Catalan, shrunk by tanh′ ≤ 1); tanh with orthogonal W keeps them together near 1 while
/// h ≈ 0; the IRNN's are exactly 0 or 1 (diag of Π_t 1[a_t > 0]): dynamical isometry on the
/// units that never switched off (Pennington, Schoenholz & Ganguli 2017; Le, Jaitly & Hinton 2015).
extension Catalogue {
    static let jacobianProducts: Experiment = Experiment(
        schema: ExperimentSchema(name: "jacobian-products", parameters: [
            ParameterSpec("hidden", .int(.between(2, 1000)), default: 200, doc: "H: ∂h_T/∂h_0 is H×H"),
            ParameterSpec("gains", .doubleList(.greaterThan(0)), default: .doubles([0.5, 1, 1.5]),
                          doc: "g of the tanh cases with W_hh ~ N(0, g²/H)"),
            ParameterSpec("steps", .intList(.between(1, 10_000)), default: .ints([1, 2, 5, 10, 20, 50, 100]),
                          doc: "the T at which the spectrum of ∂h_T/∂h_0 is taken"),
            ParameterSpec("input_size", .int(.between(1, 1000)), default: 10, doc: "D of the inputs x_t ~ N(0, 1)"),
            ParameterSpec("input_weight_std", .double(.atLeast(0)), default: 0.01,
                          doc: "std of W_xh: how far the inputs push h away from 0"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of W_hh, W_xh and the inputs"),
        ], quick: ["hidden": 40, "steps": .ints([1, 5, 20])]),
        roughSeconds: 2,
        compute: { file, context in
            let p = file.parameters
            let cases = Array(Set(p.doubles("gains"))).sorted().map {
                JacobianCase(label: "tanh, Gaussian g = \(short($0))", cell: .tanh, recurrent: .gaussian, gain: $0)
            } + [
                JacobianCase(label: "tanh, orthogonal", cell: .tanh, recurrent: .orthogonal, gain: 1),
                JacobianCase(label: "IRNN (ReLU, W_hh = I)", cell: .relu, recurrent: .identity, gain: 1),
            ]
            context.progress("\(cases.count) cases, H = \(p.int("hidden")), T up to \(p.ints("steps").max()!)")
            let r = try Dynamics.jacobianProducts(cases: cases, hidden: p.int("hidden"), inputSize: p.int("input_size"),
                                                  steps: p.ints("steps"), inputWeightStd: p.double("input_weight_std"),
                                                  seed: UInt64(p.int("seed")))
            return ExperimentOutput(figures: [jacobianSpectraFigure(r), jacobianGrowthFigure(r)],
                                    results: jacobianResults(r))
        })
}

/// True for the IRNN (ReLU) case, whose singular values are exactly 0 or 1.
private func isIRNN(_ c: JacobianCaseResult) -> Bool { c.jacobianCase.cell == .relu }

/// The colour of the k-th T (the same T has the same colour in every panel).
private func stepColor(_ k: Int) -> Color { Color.cycle[k % Color.cycle.count] }

/// One panel per case: the sorted singular values of ∂h_T/∂h_0, one line per T.
private func jacobianSpectraFigure(_ r: JacobianProductsResult) -> Figure {
    let H = r.hidden
    let panels: [Panel] = r.cases.map { c in
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
private func jacobianGrowthFigure(_ r: JacobianProductsResult) -> Figure {
    func panel(_ title: String, _ yLabel: String, key: Key, _ value: (JacobianSpectrum) -> Double) -> Panel {
        var series = [Series]()
        var zeros = [String]()
        for (i, c) in r.cases.enumerated() {
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
    return gridFigure(name: "growth", title: "How the singular values of ∂h_T/∂h_0 grow, shrink and spread with T (H = \(r.hidden))",
                      panels: panels, columns: 3, panelSize: (620, 520))
}

/// Per case (snake_case key) and per T (arrays parallel to `steps`): max, median, min, mean ln σ,
/// how many σ are resolved and the floor σ_max·H·ε below which `min` is rounding noise;
/// for the IRNN also its distance from {0, 1} and its count of ones.
private func jacobianResults(_ r: JacobianProductsResult) -> JSONValue {
    var cases: [String: JSONValue] = [:]
    var irnnDistance = 0.0
    for c in r.cases {
        let j = c.jacobianCase
        let key = isIRNN(c) ? "irnn" : "tanh_\(j.recurrent.rawValue)" + (j.recurrent == .gaussian ? "_g\(gainKey(j.gain))" : "")
        var o: [String: JSONValue] = [
            "label": .string(j.label), "gain": .number(j.gain),
            "sigma_max_w": .number(c.sigmaMaxW), "spectral_radius_w": .number(c.spectralRadiusW),
            "max": JSONValue(c.spectra.map(\.max)), "median": JSONValue(c.spectra.map(\.median)),
            "min": JSONValue(c.spectra.map(\.min)), "mean_log_sigma": JSONValue(c.spectra.map(\.meanLogSigma)),
            "resolved": JSONValue(c.spectra.map { Double($0.resolved) }),
            "resolution_floor": JSONValue(c.spectra.map { $0.max * Double(r.hidden) * Double.ulpOfOne }),
        ]
        if isIRNN(c) {
            let distance = c.spectra.map { maxDistanceToInteger($0.singularValues) }
            irnnDistance = max(irnnDistance, distance.max() ?? 0)
            o["max_abs_sigma_minus_round"] = JSONValue(distance)
            o["ones"] = JSONValue(c.spectra.map { s in Double(s.singularValues.filter { $0 > 0.5 }.count) })
            o["units_active_throughout"] = JSONValue(c.spectra.map { Double($0.unitsActiveThroughout ?? -1) })
        }
        cases[key] = .object(o)
    }
    return [
        "hidden": .number(Double(r.hidden)),
        "steps": JSONValue(r.steps.map(Double.init)),
        "irnn_max_abs_sigma_minus_round": .number(irnnDistance),
        "cases": .object(cases),
    ]
}
