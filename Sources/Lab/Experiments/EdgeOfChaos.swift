import Dynamics
import Foundation
import Plotting

/// `edge-of-chaos` — the largest Lyapunov exponent of h_{t+1} = tanh(W h_t), W ~ N(0, g²/N),
/// against g: negative (ln g, ordered) below g = 1, positive (chaotic) above, crossing 0 at g = 1,
/// measured by the QR (Benettin) method beside the mean-field curve (reference-science §7.2–7.3).
/// The loop over gains and sizes is here, so the run reports progress and stops on Ctrl-C
/// between networks, and the spectra can use fewer steps.
extension Lab {
    static let edgeOfChaos: Experiment = Experiment(
        schema: ExperimentSchema(name: "edge-of-chaos", parameters: [
            ParameterSpec("gains", .doubleList(.between(0.01, 20)), default: .doubles([0.5, 0.9, 1, 1.1, 1.25, 1.5, 2, 2.5, 3]),
                          doc: "g of W ~ N(0, g²/N): one QR estimate of λ_max per gain and size"),
            ParameterSpec("sizes", .intList(.between(2, 4000)), default: .ints([300, 800]),
                          doc: "N: network sizes of the λ_max sweep"),
            ParameterSpec("steps", .int(.between(1, 1_000_000)), default: 1500, doc: "steps averaged for λ_max"),
            ParameterSpec("transient", .int(.between(0, 1_000_000)), default: 300, doc: "steps discarded first"),
            ParameterSpec("spectrum_gains", .doubleList(.between(0.01, 20)), default: .doubles([1.5, 2, 3]),
                          doc: "gains whose whole spectrum λ_1 ≥ … ≥ λ_N is computed"),
            ParameterSpec("spectrum_size", .int(.between(2, 2000)), default: 200, doc: "N of the spectra (all N exponents)"),
            ParameterSpec("spectrum_steps", .int(.between(1, 1_000_000)), default: 500, doc: "steps averaged for the spectra"),
            ParameterSpec("quadrature_order", .int(.between(10, 2000)), default: 500,
                          doc: "Gauss–Hermite nodes of the mean-field expectations"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of W (one pattern, scaled by g), h_0 and Q_0"),
        ], quick: ["gains": .doubles([0.5, 0.9, 1.5, 2, 3]), "sizes": .ints([100]), "steps": 600, "transient": 100,
                   "spectrum_size": 40, "spectrum_steps": 300]),
        roughSeconds: 46,
        compute: { file, context in
            let p = file.parameters
            var seen = Set<Int>()
            let gains = p.doubles("gains"), sizes = p.ints("sizes").filter { seen.insert($0).inserted }
            let seed = UInt64(p.int("seed"))
            let steps = p.int("steps"), transient = p.int("transient")
            let quadrature = try GaussHermite(order: p.int("quadrature_order"))
            let lo = min(gains.min()!, 0.5), hi = max(gains.max()!, 3)
            context.progress("mean-field curve")
            let curve = (0...250).map { Dynamics.meanFieldLyapunov(gain: lo + (hi - lo) * Double($0) / 250, quadrature: quadrature) }
            var qr: [Int: [LyapunovEstimate]] = [:]
            for N in sizes {
                for g in gains {
                    try context.checkCancelled()
                    context.progress("λ_max: N = \(N), g = \(plain(g))")
                    qr[N, default: []].append(try Dynamics.lyapunovExponents(gain: g, size: N, count: 1, steps: steps,
                                                                             transient: transient, seed: seed))
                }
            }
            var spectra: [LyapunovEstimate] = []
            let M = p.int("spectrum_size")
            for g in p.doubles("spectrum_gains") {
                try context.checkCancelled()
                context.progress("spectrum: N = \(M), g = \(plain(g))")
                spectra.append(try Dynamics.lyapunovExponents(gain: g, size: M, count: M, steps: p.int("spectrum_steps"),
                                                              transient: transient, seed: seed))
            }
            var meanField: [Double: MeanFieldPoint] = [:]
            for g in gains + p.doubles("spectrum_gains") { meanField[g] = Dynamics.meanFieldLyapunov(gain: g, quadrature: quadrature) }
            let run = EdgeOfChaosRun(gains: gains, sizes: sizes, steps: steps, transient: transient,
                                     curve: curve, meanField: meanField, qr: qr, spectra: spectra)
            return ExperimentOutput(figures: [run.figure], results: run.results)
        })
}

/// What one run measured, and the figure and results drawn from it.
private struct EdgeOfChaosRun {
    var gains: [Double]
    var sizes: [Int]
    var steps: Int
    var transient: Int
    var curve: [MeanFieldPoint]
    var meanField: [Double: MeanFieldPoint]
    /// λ_max estimates per N, in the order of `gains`.
    var qr: [Int: [LyapunovEstimate]]
    var spectra: [LyapunovEstimate]

    var figure: Figure {
        var series: [Series] = [
            .lines("mean field (ln g up to g = 1)", x: curve.map(\.gain),
                   y: curve.map(\.lambdaMax), style: Style(color: .black, dash: .dashed, width: 2)),
        ]
        for (i, N) in sizes.enumerated() {
            let e = qr[N]!
            series.append(.linesPoints("QR method, N = \(N)", x: e.map(\.gain), y: e.map(\.lambdaMax),
                                       style: Style(color: cycleColor(i), width: 1.5, pointSize: 1.6)))
        }
        if let N = sizes.first, let e = qr[N]?.filter({ $0.gain < 1 }), !e.isEmpty {
            series.append(.points("ln ρ(W), N = \(N) (h → 0)", x: e.map(\.gain),
                                  y: e.map(\.logSpectralRadius), style: Style(color: .black, pointSize: 0.6)))
        }
        let ys = curve.map(\.lambdaMax) + qr.values.flatMap { $0.map(\.lambdaMax) }
        let (lo, hi) = (ys.min() ?? -1, ys.max() ?? 1)
        let sweep = Panel(title: "largest Lyapunov exponent: order (λ < 0) below g = 1, chaos (λ > 0) above",
                          xLabel: "gain g of W ~ N(0, g²/N)   (dashed: λ = 0 and g = 1)", yLabel: "λ_max per step (natural log)",
                          yRange: (lo - 0.05 * (hi - lo))...(hi + 0.1 * (hi - lo)),
                          key: .topLeft, series: series,
                          referenceLines: [ReferenceLine(y: 0), ReferenceLine(x: 1)])
        let spectrum = Panel(title: "whole spectrum, N = \(spectra.first?.size ?? 0): λ_i against i/N (Engelken et al.)",
                             xLabel: "rescaled index i/N", yLabel: "λ_i per step", xRange: 0...1, key: .bottomLeft,
                             series: spectra.enumerated().map { i, s in
                                 .lines("g = \(plain(s.gain)): λ_1 = \(short(s.lambdaMax)), mean field \(short(meanField[s.gain]!.lambdaMax)); "
                                        + "\(s.exponents.filter { $0 > 0 }.count) of \(s.size) positive",
                                        x: s.rescaledIndex, y: s.exponents, style: Style(color: cycleColor(i + 3), width: 2.5))
                             },
                             referenceLines: [ReferenceLine(y: 0)])
        return gridFigure(name: "lyapunov", title: "Edge of chaos: h_{t+1} = tanh(W h_t), Lyapunov exponents against the gain g",
                          panels: [sweep, spectrum], columns: 2, panelSize: (820, 620))
    }

    var results: JSONValue {
        var lambda: [String: JSONValue] = [:]
        var fixedPoint: [JSONValue] = [], chaos: [JSONValue] = []
        for N in sizes {
            let e = qr[N]!
            lambda["n_\(N)"] = JSONValue(e.map(\.lambdaMax))
            for x in e {
                let mf = meanField[x.gain]!.lambdaMax
                if x.gain < 1 {
                    fixedPoint.append(["gain": .number(x.gain), "size": .number(Double(N)), "lambda_max": .number(x.lambdaMax),
                                       "log_spectral_radius": .number(x.logSpectralRadius),
                                       "difference": .number(x.lambdaMax - x.logSpectralRadius), "mean_field": .number(mf)])
                } else if x.gain > 1 {
                    chaos.append(["gain": .number(x.gain), "size": .number(Double(N)), "lambda_max": .number(x.lambdaMax),
                                  "mean_field": .number(mf), "relative_error": .number(x.lambdaMax / mf - 1)])
                }
            }
        }
        let spectrumResults: [JSONValue] = spectra.map { s in
            ["gain": .number(s.gain), "size": .number(Double(s.size)), "lambda_max": .number(s.lambdaMax),
             "mean_field": .number(meanField[s.gain]!.lambdaMax), "q_star": .number(meanField[s.gain]!.qStar),
             "positive_exponents": .number(Double(s.exponents.filter { $0 > 0 }.count)),
             "sum_of_exponents": .number(s.exponents.reduce(0, +)),
             "mean_log_abs_det_jacobian": .number(s.meanLogAbsDetJacobian)]
        }
        return ["gains": JSONValue(gains), "sizes": JSONValue(sizes.map(Double.init)),
                "steps": .number(Double(steps)), "transient": .number(Double(transient)),
                "lambda_max_mean_field": JSONValue(gains.map { meanField[$0]!.lambdaMax }),
                "q_star": JSONValue(gains.map { meanField[$0]!.qStar }),
                "lambda_max_qr": .object(lambda),
                "fixed_point_check": .array(fixedPoint), "mean_field_check": .array(chaos),
                "spectra": .array(spectrumResults)]
    }
}
