import Foundation
import Plotting
import Training

/// `gradient-flow-training` — the per-step gradient profile ‖∂L/∂h_t‖ (t = 1…T, loss at T only)
/// while a tanh RNN and an LSTM learn the adding problem, and the singular values of the recurrent
/// weights over training: how far back the signal reaches, and how learning changes it.
extension Catalogue {
    static let gradientFlowTraining: Experiment = Experiment(
        schema: ExperimentSchema(name: "gradient-flow-training", parameters: [
            ParameterSpec("steps", .int(.between(2, 10_000)), default: 100, doc: "T of the adding problem"),
            ParameterSpec("hidden", .int(.between(1, 1000)), default: 64, doc: "H of both models"),
            ParameterSpec("batch", .int(.between(1, 10_000)), default: 16, doc: "B, sequences per update"),
            ParameterSpec("iterations", .int(.between(2, 1_000_000)), default: 2000, doc: "Adam updates per model"),
            ParameterSpec("learning_rate", .double(.greaterThan(0)), default: 4e-2, doc: "η of Adam, both models"),
            ParameterSpec("clip", .double(.atLeast(0)), default: 1, doc: "τ of global norm clipping (0: none)"),
            ParameterSpec("snapshots", .int(.between(2, 10_000)), default: 41, doc: "rows of the heatmap: evenly spaced updates"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of weights and data"),
        ], quick: ["steps": 20, "hidden": 16, "batch": 16, "iterations": 100, "snapshots": 11]),
        roughSeconds: 60,
        compute: { file, context in
            let p = file.parameters
            var s = GradientFlowSettings()
            s.steps = p.int("steps"); s.hiddenSize = p.int("hidden"); s.batch = p.int("batch")
            s.iterations = p.int("iterations"); s.seed = UInt64(p.int("seed"))
            s.optimizer = .adam(p.double("learning_rate"))
            s.clipping = p.double("clip") > 0 ? .norm(p.double("clip")) : .none
            // Evenly spaced snapshots (a heatmap needs an even grid): 0, Δ, 2Δ, …, the last update.
            let n = min(p.int("snapshots"), s.iterations), last = s.iterations - 1
            s.profileIterations = (0..<n).map { Int((Double(last) * Double($0) / Double(n - 1)).rounded()) }
            s.spectrumInterval = max(1, s.iterations / 30)
            s.evaluationInterval = max(1, s.iterations / 30)
            s.testSequences = s.hiddenSize < 32 ? 64 : 300
            let runs = try trainAll(s.models.map { m in (label: m.rawValue, settings: s.training(m)) },
                                    parallel: 2, context: context)
            let flow = FlowRun(settings: s, runs: runs)
            return ExperimentOutput(figures: [flow.profiles, flow.spectra], results: flow.results)
        })
}

private struct FlowRun {
    var settings: GradientFlowSettings
    /// One run per model, in `settings.models` order.
    var runs: [TrainingRun]

    var models: [String] { settings.models.map(\.rawValue) }

    /// log10 ‖∂L/∂h_t‖ per snapshot (rows) and step (columns); exact zeros (log = −∞) become the
    /// smallest finite value, so the colour scale stays readable.
    func grid(_ r: TrainingRun) -> [[Double]] {
        let rows = r.gradientProfiles.map { $0.norms.map { $0 > 0 ? log10($0) : -Double.infinity } }
        let floor = rows.joined().filter(\.isFinite).min() ?? 0
        return rows.map { $0.map { $0.isFinite ? $0 : floor } }
    }

    /// Decades between ‖∂L/∂h_T‖ and ‖∂L/∂h_1‖ in a profile row (positive: the gradient shrinks going back).
    func decadesLost(_ row: [Double]) -> Double? { row.isEmpty ? nil : row[row.count - 1] - row[0] }

    var profiles: Figure {
        let s = settings
        let T = s.steps
        var panels: [Panel] = zip(models, runs).map { m, r in
            let z = grid(r)
            return Panel(title: "\(m == "lstm" ? "LSTM" : "tanh RNN"): log10 ‖∂L/∂h_t‖ (loss at t = T = \(T) only)",
                         xLabel: "time step t", yLabel: "update", key: .hidden,
                         series: [.heatmap("log10 ‖∂L/∂h_t‖", x: steps(T, from: 1),
                                           y: r.gradientProfiles.map { Double($0.iteration) }, z: z)],
                         colorLabel: "log10 ‖∂L/∂h_t‖")
        }
        panels.append(Panel(title: "the profile at the first and the last snapshot", xLabel: "time step t",
                            yLabel: "‖∂L/∂h_t‖", yScale: .log, key: .bottomRight,
                            series: zip(models, runs).enumerated().flatMap { i, mr -> [Series] in
                                let (m, r) = mr
                                guard let first = r.gradientProfiles.first, let last = r.gradientProfiles.last else { return [] }
                                let name = m == "lstm" ? "LSTM" : "tanh"
                                return [.lines("\(name), update \(first.iteration)", x: steps(T, from: 1), y: first.norms,
                                               style: Style(color: cycleColor(i), dash: .dashed, width: 2)),
                                        .lines("\(name), update \(last.iteration)", x: steps(T, from: 1), y: last.norms,
                                               style: Style(color: cycleColor(i), width: 2.5))]
                            }))
        panels.append(Panel(title: "test MSE while they learn", xLabel: "update", yLabel: "test MSE", yScale: .log, key: .bottomLeft,
                            series: zip(models, runs).enumerated().map { i, mr in
                                let (m, r) = mr
                                return .lines("\(m == "lstm" ? "LSTM" : "tanh RNN"): final \(short(r.finalTestLoss ?? .nan))",
                                              x: r.evaluations.map { Double($0.iteration) }, y: r.evaluations.map(\.loss),
                                              style: Style(color: cycleColor(i), width: 2.5))
                            },
                            referenceLines: [ReferenceLine(y: addingBaselineMSE, label: "predict 1: MSE 1/6")]))
        return gridFigure(name: "profiles",
                          title: "How far back the gradient reaches while learning the adding problem (T = \(T), H = \(s.hiddenSize))",
                          panels: panels, columns: 2, panelSize: (760, 540))
    }

    var spectra: Figure {
        let panels: [Panel] = zip(models, runs).map { m, r in
            let its = r.spectra.map { Double($0.iteration) }
            let blocks = r.spectra.first?.blocks ?? []
            var series: [Series] = []
            if m == "lstm" {
                // Four blocks: σ_max and the median singular value of each.
                for (b, name) in blocks.enumerated() {
                    series.append(.lines("σ_max(\(name))", x: its, y: r.spectra.map { $0.largestSingularValue[b] },
                                         style: Style(color: cycleColor(b), width: 2.5)))
                    series.append(.lines("median σ(\(name))", x: its,
                                         y: r.spectra.map { s in s.singularValues.map { $0[b][$0[b].count / 2] } ?? .nan },
                                         style: Style(color: cycleColor(b), dash: .dashed, width: 1.5)))
                }
            } else {
                let count = r.spectra.first?.singularValues?.first?.count ?? 0
                for i in 0..<count {
                    series.append(.lines(i == 0 ? "every σ_i(W_hh)" : "", x: its, y: r.spectra.map { $0.singularValues?[0][i] ?? .nan },
                                         style: Style(color: .gray, width: 0.8)))
                }
                series.append(.lines("σ_max(W_hh)", x: its, y: r.spectra.map { $0.largestSingularValue[0] },
                                     style: Style(color: .blue, width: 2.5)))
                series.append(.lines("ρ(W_hh)", x: its, y: r.spectra.map { $0.spectralRadius[0] },
                                     style: Style(color: .red, dash: .dashed, width: 2.5)))
            }
            return Panel(title: m == "lstm" ? "LSTM: singular values of the recurrent blocks W_hi, W_hf, W_hg, W_ho"
                                            : "tanh RNN: singular values of W_hh",
                         xLabel: "update", yLabel: "singular value σ", yScale: .log, key: .outside, series: series,
                         referenceLines: [ReferenceLine(y: 1)])
        }
        return gridFigure(name: "spectra", title: "Recurrent weights while learning: singular values against updates",
                          panels: panels, columns: 2, panelSize: (860, 540))
    }

    var results: JSONValue {
        var out: [String: JSONValue] = [:]
        for (m, r) in zip(models, runs) {
            let z = grid(r)
            let first = r.spectra.first, last = r.spectra.last
            out[m] = ["final_test_mse": number(r.finalTestLoss), "diverged": .bool(r.diverged),
                      "decades_lost_first": number(z.first.flatMap(decadesLost)),
                      "decades_lost_last": number(z.last.flatMap(decadesLost)),
                      "sigma_max_first": number(first?.largestSingularValue.max()),
                      "sigma_max_last": number(last?.largestSingularValue.max()),
                      "spectral_radius_first": number(first?.spectralRadius.first),
                      "spectral_radius_last": number(last?.spectralRadius.first)]
        }
        return ["models": .object(out), "baseline_mse": .number(addingBaselineMSE)]
    }
}
