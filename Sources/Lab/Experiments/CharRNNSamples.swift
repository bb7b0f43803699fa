import Foundation
import LanguageModels
import Plotting
import Recurrence

/// `char-rnn-samples` — the lecture's "at first / train more / train more": a character LSTM
/// trained on the lab's own text, with a sample drawn at increasing iterations (samples.md),
/// its loss curve with those iterations marked, and ‖∂L/∂h_t‖ across the chunk as training goes.
/// Training starts from a near-uniform softmax, so the first loss is ln V nats per character.
/// The trained model is saved as model-CELL.json for `rnnlab sample`.
extension Catalogue {
    static let charRNNSamples: Experiment = Experiment(
        schema: ExperimentSchema(name: "char-rnn-samples", parameters: charRNNParameters,
                                 quick: charRNNQuick),
        roughSeconds: 180,
        compute: { file, context in
            let p = file.parameters
            context.progress("reading the corpus")
            let loaded = try loadCorpus(p, root: context.root)
            var s = CharRNNSamplesSettings()
            s.training = trainingSettings(p, base: s.training)
            s.training.cell = CellKind(rawValue: p.string("training.cell"))!
            s.training.gradientNormEvery = p.int("training.gradient_norm_every")
            s.training.sampleAt = p.ints("sample.at")
            s.training.sampleLength = p.int("sample.length")
            s.training.sampleTemperature = p.double("sample.temperature")
            s.training.sampleSeed = UInt64(p.int("sample.seed"))
            let prime = p.string("sample.prime")
            s.training.samplePrime = prime.isEmpty ? nil : prime
            let r = try cancellable { try LanguageModels.charRNNSamples(corpus: loaded.corpus, settings: s, monitor: monitor(context)) }
            var files = ["samples.md": Data((r.markdown + "\n" + corpusNote(loaded)).utf8)]
            files["model-\(r.record.cell.rawValue).json"] = try r.model.jsonData()
            return ExperimentOutput(figures: [charRNNLossFigure(r, loaded), charRNNGradientFigure(r)],
                                    results: charRNNResults(r, loaded), files: files)
        })
}

private let charRNNDefaults = CharRNNSamplesSettings()
private let charRNNQuickSettings = CharRNNSamplesSettings.quick

private let charRNNParameters: [ParameterSpec] = corpusParameters + [
    ParameterSpec("training.cell", .choice(languageModelCells), default: .string(charRNNDefaults.training.cell.rawValue),
                  doc: "the recurrent cell"),
] + trainingParameters(charRNNDefaults.training) + [
    ParameterSpec("training.gradient_norm_every", .int(.atLeast(0)), default: .int(charRNNDefaults.training.gradientNormEvery),
                  doc: "record ‖∂L/∂h_t‖ of every step every this many iterations (0 = never)"),
    ParameterSpec("sample.at", .intList(.atLeast(0)), default: .ints(charRNNDefaults.training.sampleAt),
                  doc: "iterations after which a sample is drawn (0 = before training)"),
    ParameterSpec("sample.length", .int(.between(1, 100_000)), default: .int(charRNNDefaults.training.sampleLength),
                  doc: "characters per sample"),
    ParameterSpec("sample.temperature", .double(.atLeast(0)), default: .double(charRNNDefaults.training.sampleTemperature),
                  doc: "τ of softmax(z/τ): 1 samples the model, below 1 sharpens it, 0 is the argmax"),
    ParameterSpec("sample.prime", .string, default: "", doc: "text fed in before sampling; empty = the first character of the training text"),
    ParameterSpec("sample.seed", .int(.atLeast(0)), default: .int(Int(charRNNDefaults.training.sampleSeed)),
                  doc: "every sample uses this seed, so samples differ only because the model changed"),
]

/// The library's quick sizes, with fewer iterations still: the three language-model experiments
/// share CI's 15 s of a debug build.
private let charRNNQuick: [String: ParameterValue] = trainingQuick(charRNNQuickSettings.training).merging([
    "training.iterations": 60, "training.eval_every": 20,
    "training.gradient_norm_every": 20,
    "sample.at": .ints([0, 20, 60]),
    "sample.length": .int(charRNNQuickSettings.training.sampleLength),
]) { $1 }

/// A line under the samples saying what text the model read.
func corpusNote(_ c: LoadedCorpus) -> String {
    let s = c.corpus.summary
    return "Corpus: \(c.source), \(s.characters) characters (\(s.trainCharacters) for training), "
        + "vocabulary \(s.vocabularySize) symbols, SHA-256 \(c.sha256).\n"
}

/// Figure 1: bits per character against iterations, the sample iterations marked.
private func charRNNLossFigure(_ r: CharRNNSamplesResult, _ c: LoadedCorpus) -> Figure {
    let curve = r.record.curve
    let it = curve.map { Double($0.iteration) }
    let uniform = log2(Double(r.corpus.vocabularySize))
    let train = curve.filter { $0.trainBitsPerCharacter.isFinite }
    var series: [Series] = [
        .linesPoints("training (mean over the minibatches since the last point)", x: train.map { Double($0.iteration) },
                     y: train.map(\.trainBitsPerCharacter), style: Style(color: .blue, width: 2, pointSize: 0.8)),
        .linesPoints("held-out (\(r.record.heldOutCharactersEvaluated) characters)", x: it, y: curve.map(\.heldOutBitsPerCharacter),
                     style: Style(color: .red, width: 2.5, pointSize: 0.8)),
        .points("first minibatch: \(bits(r.initialLossNats / log(2))) bits = \(short(r.initialLossNats)) nats (ln V = \(short(r.uniformLossNats)))",
                x: [0], y: [r.initialLossNats / log(2)], style: Style(color: .black, pointSize: 2)),
    ]
    let sampled = r.record.samples.map(\.iteration)
    // Held-out bits at each sample iteration, interpolated along the curve where it was not measured.
    let marks = sampled.map { i in interpolate(x: it, y: curve.map(\.heldOutBitsPerCharacter), at: Double(i)) }
    series.append(.points("a sample in samples.md", x: sampled.map(Double.init), y: marks,
                          style: Style(color: .green, pointSize: 2.5)))
    let all = curve.flatMap { [$0.trainBitsPerCharacter, $0.heldOutBitsPerCharacter] }.filter(\.isFinite) + [uniform]
    let top = (all.max() ?? uniform) * 1.05, bottom = max(0, (all.min() ?? 0) - 0.3)
    let labels = sampled.map { TextLabel("\($0)", x: Double($0), y: bottom + 0.04 * (top - bottom)) }
    let panel = Panel(title: "starts at log₂ V (a uniform guess over V = \(r.corpus.vocabularySize) symbols); samples drawn at the marked iterations",
                      xLabel: "iteration (parameter updates; vertical lines: samples)", yLabel: "bits per character",
                      yRange: bottom...top, key: .topRight, series: series,
                      referenceLines: [ReferenceLine(y: uniform, label: "log₂ V = \(bits(uniform))")]
                          + sampled.map { ReferenceLine(x: Double($0), style: Style(color: .gray, dash: .dotted, width: 1)) },
                      labels: labels)
    let t = r.settings.training
    return Figure(name: "loss", title: "Character \(r.record.cell.rawValue.uppercased()) (H = \(t.hidden)) on \(c.corpus.name): bits per character while training",
                  size: Size(width: 1200, height: 720), panel: panel)
}

/// Figure 2: ‖∂L/∂h_t‖ across one chunk, at several iterations (one panel per layer).
private func charRNNGradientFigure(_ r: CharRNNSamplesResult) -> Figure {
    let snaps = r.record.gradientNorms
    let T = r.settings.training.steps, L = r.settings.training.layers
    let t = steps(T, from: 1)
    let panels: [Panel] = (0..<L).map { l in
        let series: [Series] = snaps.enumerated().map { k, s in
            .lines("iteration \(s.iteration)", x: t, y: s.layers[l].map { max($0, 1e-300) },
                   style: Style(color: viridis(Double(k) / Double(max(1, snaps.count - 1))), width: 2))
        }
        return Panel(title: L == 1 ? "‖∂L/∂h_t‖ over one chunk of T = \(T) characters (truncated BPTT)" : "layer \(l + 1) of \(L)",
                     xLabel: "time step t in the chunk (the loss is on every step; the gradient stops at t = 1)",
                     yLabel: "‖∂L/∂h_t‖", yScale: .log, key: .topLeft, series: series)
    }
    let fig = gridFigure(name: "gradient-norms",
                         title: "Per-step gradient norms while the \(r.record.cell.rawValue.uppercased()) learns (darker: earlier)",
                         panels: panels, columns: min(L, 2), panelSize: (1100, 620))
    return fig
}

/// Linear interpolation of y(x) at `at` (x sorted ascending); the nearest end outside.
func interpolate(x: [Double], y: [Double], at: Double) -> Double {
    guard let first = x.first, let last = x.last else { return .nan }
    if at <= first { return y[0] }
    if at >= last { return y[y.count - 1] }
    let k = x.firstIndex { $0 >= at }!
    if x[k] == at { return y[k] }
    let f = (at - x[k - 1]) / (x[k] - x[k - 1])
    return y[k - 1] + f * (y[k] - y[k - 1])
}

private func charRNNResults(_ r: CharRNNSamplesResult, _ c: LoadedCorpus) -> JSONValue {
    let curve = r.record.curve
    var atSamples: [String: JSONValue] = [:]
    for s in r.record.samples {
        if let pt = curve.first(where: { $0.iteration == s.iteration }) {
            atSamples["iteration_\(s.iteration)"] = .number(pt.heldOutBitsPerCharacter)
        }
    }
    let ratios: [JSONValue] = r.record.gradientNorms.map { s in
        ["iteration": .number(Double(s.iteration)),
         "log10_dh1_over_dhT": JSONValue(s.layers.map { log10($0[0] / $0[$0.count - 1]) })]
    }
    return [
        "corpus": c.results,
        "cell": .string(r.record.cell.rawValue),
        "parameter_count": .number(Double(r.record.parameterCount)),
        "uniform_loss_nats": .number(r.uniformLossNats),
        "initial_loss_nats": .number(r.initialLossNats),
        "initial_loss_relative_error": .number(r.initialLossNats / r.uniformLossNats - 1),
        "final_held_out_bits_per_character": .number(r.record.finalHeldOutBitsPerCharacter),
        "final_train_bits_per_character": .number(curve.last?.trainBitsPerCharacter ?? .nan),
        "held_out_bits_per_character_at_samples": .object(atSamples),
        "sample_iterations": JSONValue(r.record.samples.map { Double($0.iteration) }),
        "gradient_norm_ratios": .array(ratios),
        "iterations": .number(Double(r.record.iterations)),
        "training_seconds": .number(r.record.trainingSeconds),
    ]
}
