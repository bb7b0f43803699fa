import Foundation
import Plotting
import Training

/// `clipping-training` — a tanh RNN on the adding problem, plain SGD at a learning rate where the
/// unclipped run diverges, trained four times from the same weights and data: no clipping, norm
/// clipping (Pascanu et al. 2013, Algorithm 1), value clipping (min-char-rnn) and the slide's
/// squared-norm variant (g ← τ g/‖g‖², which shrinks large gradients the most).
extension Lab {
    static let clippingTraining: Experiment = Experiment(
        schema: ExperimentSchema(name: "clipping-training", parameters: [
            ParameterSpec("steps", .int(.between(2, 10_000)), default: 50, doc: "T of the adding problem"),
            ParameterSpec("hidden", .int(.between(1, 1000)), default: 50, doc: "H of the tanh RNN"),
            ParameterSpec("batch", .int(.between(1, 10_000)), default: 20, doc: "B, sequences per update"),
            ParameterSpec("iterations", .int(.between(1, 1_000_000)), default: 1000, doc: "SGD updates per variant"),
            ParameterSpec("learning_rate", .double(.greaterThan(0)), default: 0.1, doc: "η of plain SGD"),
            ParameterSpec("gain", .double(.greaterThan(0)), default: 1.5, doc: "g of W_hh ~ N(0, g²/H)"),
            ParameterSpec("norm_threshold", .double(.greaterThan(0)), default: 1, doc: "τ of norm clipping"),
            ParameterSpec("value_limit", .double(.greaterThan(0)), default: 5, doc: "c of value clipping |g_i| ≤ c"),
            ParameterSpec("squared_norm_threshold", .double(.greaterThan(0)), default: 1, doc: "τ of the squared-norm variant"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of the weights and the data, shared by the variants"),
        ], quick: ["steps": 20, "hidden": 16, "iterations": 150, "learning_rate": 0.5]),
        roughSeconds: 20,
        compute: { file, context in
            let p = file.parameters
            var s = ClippingTrainingSettings()
            s.steps = p.int("steps"); s.hiddenSize = p.int("hidden"); s.batch = p.int("batch")
            s.iterations = p.int("iterations"); s.learningRate = p.double("learning_rate"); s.gain = p.double("gain")
            s.normThreshold = p.double("norm_threshold"); s.valueLimit = p.double("value_limit")
            s.squaredNormThreshold = p.double("squared_norm_threshold"); s.seed = UInt64(p.int("seed"))
            s.evaluationInterval = max(1, s.iterations / 10)   // the test MSE is a results number, not a curve here
            s.testSequences = 200
            var runs: [TrainingRun] = []
            for rule in s.variants {
                try context.checkCancelled()
                runs.append(try cancellable {
                    try train(s.training(rule), monitor: trainingMonitor(context, variantLabel(rule)))
                })
            }
            return ExperimentOutput(figures: [clippingFigure(s, runs)], results: clippingResults(s, runs))
        })
}

/// The results key of a clipping rule: snake_case.
private func variantKey(_ rule: ClippingRule) -> String { rule == .squaredNorm ? "squared_norm" : rule.rawValue }

private func variantLabel(_ rule: ClippingRule) -> String {
    switch rule {
    case .none: return "no clipping"
    case .norm: return "norm clipping"
    case .value: return "value clipping"
    case .squaredNorm: return "squared-norm (slide)"
    }
}

private func variantColor(_ rule: ClippingRule) -> Color {
    switch rule {
    case .none: return .red
    case .norm: return .blue
    case .value: return .green
    case .squaredNorm: return .purple
    }
}

/// Running mean width of the loss curves.
private let smoothing = 20

private func clippingFigure(_ s: ClippingTrainingSettings, _ runs: [TrainingRun]) -> Figure {
    let pairs = Array(zip(s.variants, runs))
    func ending(_ r: TrainingRun) -> String {
        if let d = r.divergence { return "diverged at update \(d.iteration)" }
        return "final \(short(r.finalLoss ?? .nan))"
    }
    // Diverging runs climb by hundreds of decades: cap the axes so the learning runs stay readable
    // and mark where a run stopped at the top edge.
    let lossCap = 1e3, normCap = 1e12, specCap = 1e3
    let lossFloor = pairs.flatMap { runningMean($0.1.losses, width: smoothing) }.filter { $0 > 0 }.min() ?? 1e-3
    let loss = Panel(
        title: "training loss (mean of \(smoothing) minibatches; axis cut at \(plain(lossCap)))",
        xLabel: "SGD update k", yLabel: "MSE", yScale: .log, yRange: (lossFloor / 2)...lossCap, key: .bottomLeft,
        series: pairs.map { rule, r in
            .lines("\(variantLabel(rule)): \(ending(r))", x: steps(r.losses.count),
                   y: runningMean(r.losses, width: smoothing).map { min($0, lossCap) },
                   style: Style(color: variantColor(rule), width: rule == .none ? 3 : 2))
        } + pairs.compactMap { rule, r in
            guard let d = r.divergence else { return nil }
            return .points("", x: [Double(d.iteration)], y: [lossCap], style: Style(color: variantColor(rule), pointSize: 3))
        },
        referenceLines: [ReferenceLine(y: addingBaselineMSE, label: "predict 1: MSE 1/6")])
    let normFloor = pairs.flatMap { $0.1.gradientNormBefore }.filter { $0 > 0 }.min() ?? 1e-3
    let before = Panel(
        title: "gradient norm ‖g‖ before clipping (dashed: τ = \(plain(s.normThreshold)); axis cut at 10^\(Int(log10(normCap))))",
        xLabel: "SGD update k", yLabel: "‖g‖ (all parameters)", yScale: .log, yRange: (normFloor / 2)...normCap, key: .topLeft,
        series: pairs.map { rule, r in
            .lines(variantLabel(rule), x: steps(r.gradientNormBefore.count), y: r.gradientNormBefore.map { min($0, normCap) },
                   style: Style(color: variantColor(rule), width: 1.2))
        },
        referenceLines: [ReferenceLine(y: s.normThreshold)])
    let after = Panel(
        title: "‖g‖ after clipping: the step SGD takes is η times this",
        xLabel: "SGD update k", yLabel: "‖g‖ after clipping", yScale: .log, key: .bottomLeft,
        series: pairs.filter { $0.0 != .none }.map { rule, r in
            .lines(variantLabel(rule), x: steps(r.gradientNormAfter.count), y: r.gradientNormAfter,
                   style: Style(color: variantColor(rule), width: 1.2))
        },
        referenceLines: [ReferenceLine(y: s.normThreshold, label: "τ = \(plain(s.normThreshold))")])
    let share = Panel(
        title: "share of updates so far where the rule fired",
        xLabel: "SGD update k", yLabel: "share of clipped updates", yRange: 0...1.05, key: .bottomRight,
        series: pairs.filter { $0.0 != .none }.map { rule, r in
            var n = 0.0
            let running = r.clipped.enumerated().map { i, c in n += c ? 1 : 0; return n / Double(i + 1) }
            return .lines("\(variantLabel(rule)): \(short(100 * r.clippedShare)) %", x: steps(running.count, from: 1), y: running,
                          style: Style(color: variantColor(rule), width: 2.5))
        })
    let spectrum = Panel(
        title: "W_hh at every update: ρ (solid), σ_max (dashed); axis cut at \(plain(specCap))",
        xLabel: "SGD update k", yLabel: "ρ(W_hh), σ_max(W_hh)", yScale: .log, yRange: 0.5...specCap, key: .topRight,
        series: pairs.flatMap { rule, r -> [Series] in
            let its = r.spectra.map { Double($0.iteration) }
            return [.lines("ρ, \(variantLabel(rule))", x: its, y: r.spectra.map { min($0.spectralRadius[0], specCap) },
                           style: Style(color: variantColor(rule), width: 2)),
                    .lines("", x: its, y: r.spectra.map { min($0.largestSingularValue[0], specCap) },
                           style: Style(color: variantColor(rule), dash: .dashed, width: 1.2))]
        },
        referenceLines: [ReferenceLine(y: 1, label: "1")])
    return gridFigure(name: "clipping",
                      title: "tanh RNN, adding problem T = \(s.steps), H = \(s.hiddenSize), SGD η = \(plain(s.learningRate)), same weights and data: four clipping rules",
                      panels: [loss, before, after, share, spectrum], columns: 2, panelSize: (760, 520))
}

private func clippingResults(_ s: ClippingTrainingSettings, _ runs: [TrainingRun]) -> JSONValue {
    var variants: [String: JSONValue] = [:]
    for (rule, r) in zip(s.variants, runs) {
        variants[variantKey(rule)] = ["final_loss": number(r.finalLoss), "diverged": .bool(r.diverged),
                                      "diverged_at": number(r.divergence.map { Double($0.iteration) }),
                                      "clipped_share": .number(r.clippedShare), "final_test_mse": number(r.finalTestLoss),
                                      "max_norm_after_clipping": number(r.gradientNormAfter.max()),
                                      "updates_run": .number(Double(r.iterationsRun)),
                                      "spectral_radius_first": number(r.spectra.first?.spectralRadius[0]),
                                      "spectral_radius_last": number(r.spectra.last?.spectralRadius[0]),
                                      "sigma_max_last": number(r.spectra.last?.largestSingularValue[0])]
    }
    return ["variants": .object(variants), "baseline_mse": .number(addingBaselineMSE),
            "norm_threshold": .number(s.normThreshold), "learning_rate": .number(s.learningRate)]
}
