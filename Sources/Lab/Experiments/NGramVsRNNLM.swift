import Foundation
import LanguageModels
import Plotting
import Recurrence

/// `ngram-vs-rnn-lm` — the lecture's case for RNN language models: an n-gram model conditions on
/// n − 1 characters and needs a table that grows with n (and would need V^n entries dense),
/// while an RNN carries an unbounded history in a fixed number of parameters. Held-out bits per
/// character of n-gram models (add-k and Kneser–Ney, against n) beside tanh, LSTM and GRU
/// language models (against iterations and seconds), scored on the same held-out characters.
extension Catalogue {
    static let ngramVsRNNLM: Experiment = Experiment(
        schema: ExperimentSchema(name: "ngram-vs-rnn-lm", parameters: ngramParameters, quick: ngramQuick),
        roughSeconds: 160,
        compute: { file, context in
            let p = file.parameters
            context.progress("reading the corpus")
            let loaded = try loadCorpus(p, root: context.root)
            var s = NGramVsRNNSettings()
            s.maxOrder = p.int("ngram.max_order")
            s.smoothings = p.doubles("ngram.add_k").map { Smoothing.addK($0) } + (p.bool("ngram.kneser_ney") ? [.kneserNey] : [])
            s.cells = p.strings("cells").compactMap(CellKind.init(rawValue:))
            s.training = trainingSettings(p, base: s.training)
            let r = try cancellable { try LanguageModels.ngramVsRNN(corpus: loaded.corpus, settings: s, monitor: monitor(context)) }
            return ExperimentOutput(figures: [ngramBitsFigure(r), ngramMemoryFigure(r)], results: ngramResults(r, loaded))
        })
}

private let ngramDefaults = NGramVsRNNSettings()

private let ngramParameters: [ParameterSpec] = corpusParameters + [
    ParameterSpec("ngram.max_order", .int(.between(1, 12)), default: .int(ngramDefaults.maxOrder), doc: "n-gram models for n = 1 … max_order"),
    ParameterSpec("ngram.add_k", .doubleList(.greaterThan(0)), default: .doubles([1, 0.01]),
                  doc: "k of each add-k smoothed model (k = 1 is Laplace)"),
    ParameterSpec("ngram.kneser_ney", .bool, default: true, doc: "also score interpolated Kneser–Ney"),
    ParameterSpec("cells", .choiceList(languageModelCells), default: .strings(ngramDefaults.cells.map(\.rawValue)),
                  doc: "the RNN language models trained, each with the same training keys"),
] + trainingParameters(ngramDefaults.training)

/// The library's quick sizes, with fewer iterations: three models share CI's seconds.
private let ngramQuick: [String: ParameterValue] = trainingQuick(NGramVsRNNSettings.quick.training)
    .merging(["ngram.max_order": .int(NGramVsRNNSettings.quick.maxOrder), "training.iterations": 40]) { $1 }

/// A smoothing as a results key and a legend name.
private func key(_ s: Smoothing) -> String {
    switch s {
    case .addK(let k): return "add_k_" + plain(k).replacingOccurrences(of: ".", with: "_")
    case .kneserNey: return "kneser_ney"
    }
}

private func name(_ s: Smoothing) -> String {
    switch s {
    case .addK(let k): return k == 1 ? "add-1 (Laplace)" : "add-\(plain(k))"
    case .kneserNey: return "Kneser–Ney"
    }
}

private func smoothingColor(_ i: Int) -> Color { [Color.brown, .pink, .gray, .red, .black][i % 5] }

/// The n-gram models of one smoothing, by n.
private func grams(_ r: NGramVsRNNResult, _ s: Smoothing) -> [NGramResult] {
    r.ngrams.filter { $0.smoothing == s }.sorted { $0.order < $1.order }
}

private func bestNGram(_ r: NGramVsRNNResult) -> NGramResult? {
    r.ngrams.min { $0.heldOutBitsPerCharacter < $1.heldOutBitsPerCharacter }
}

/// Figure 1: one y axis (held-out bits per character) across three panels: n-grams against n,
/// RNNs against iterations and against seconds.
private func ngramBitsFigure(_ r: NGramVsRNNResult) -> Figure {
    let uniform = r.uniformBitsPerCharacter
    let values = r.ngrams.map(\.heldOutBitsPerCharacter) + r.rnns.flatMap { $0.record.curve.map(\.heldOutBitsPerCharacter) } + [uniform]
    let finite = values.filter(\.isFinite)
    let y = max(0, (finite.min() ?? 0) - 0.3)...((finite.max() ?? uniform) + 0.4)
    var refs = [ReferenceLine(y: uniform, label: "log₂ V = \(bits(uniform)): uniform")]
    if let b = bestNGram(r) {
        refs.append(ReferenceLine(y: b.heldOutBitsPerCharacter, label: "best n-gram \(bits(b.heldOutBitsPerCharacter))",
                                  style: Style(color: .red, dash: .dashed, width: 1.5)))
    }
    let smoothings = r.settings.smoothings
    let ngramSeries: [Series] = smoothings.enumerated().map { i, s in
        let g = grams(r, s)
        return .linesPoints(name(s), x: g.map { Double($0.order) }, y: g.map(\.heldOutBitsPerCharacter),
                            style: Style(color: smoothingColor(i), width: 2.5, pointSize: 1.4))
    }
    let left = Panel(title: "n-gram models: the context is the last n − 1 characters",
                     xLabel: "n (order of the n-gram model)", yLabel: "held-out bits per character",
                     xRange: 0.5...(Double(r.settings.maxOrder) + 0.5), yRange: y, key: .topRight,
                     series: ngramSeries, referenceLines: refs)
    func rnnSeries(_ x: (CurvePoint) -> Double) -> [Series] {
        r.rnns.map { m in
            let (color, label) = cellStyle(m.cell)
            let c = m.record.curve
            return .linesPoints("\(label) (\(m.parameterCount) parameters): \(bits(m.finalHeldOutBitsPerCharacter))",
                                x: c.map(x), y: c.map(\.heldOutBitsPerCharacter), style: Style(color: color, width: 2.5, pointSize: 0.7))
        }
    }
    let t = r.settings.training
    let middle = Panel(title: "RNN language models (H = \(t.hidden)) against updates",
                       xLabel: "iteration (B = \(t.batch) streams × T = \(t.steps) characters each)",
                       yLabel: "held-out bits per character", yRange: y, key: .topRight,
                       series: rnnSeries { Double($0.iteration) }, referenceLines: refs)
    let right = Panel(title: "the same against training time",
                      xLabel: "training time (s, without evaluation)", yLabel: "held-out bits per character",
                      yRange: y, key: .topRight, series: rnnSeries(\.seconds), referenceLines: refs)
    return gridFigure(name: "bits-per-character",
                      title: "Held-out bits per character on \(r.corpus.name): n-grams plateau, RNNs keep improving with training",
                      panels: [left, middle, right], columns: 3, panelSize: (640, 640))
}

/// Figure 2: the memory an n-gram table needs against n (log axis), beside the RNNs' parameters;
/// and held-out bits against memory, the trade-off.
private func ngramMemoryFigure(_ r: NGramVsRNNResult) -> Figure {
    let kn = r.settings.smoothings.contains(.kneserNey) ? Smoothing.kneserNey : r.settings.smoothings[0]
    let g = grams(r, kn)
    let n = g.map { Double($0.order) }
    var series: [Series] = [
        .linesPoints("order-n table (add-k): distinct n-grams × (4n + 8) bytes", x: n, y: g.map { Double($0.memory.tableBytes) },
                     style: Style(color: .brown, width: 2.5, pointSize: 1.4)),
        .linesPoints("orders 1…n (interpolated, Kneser–Ney)", x: n, y: g.map { Double($0.memory.interpolatedTableBytes) },
                     style: Style(color: .red, width: 2.5, pointSize: 1.4)),
        .linesPoints("dense table: V^n × 8 bytes (V = \(r.corpus.vocabularySize))", x: n, y: g.map(\.memory.denseTableBytes),
                     style: Style(color: .black, dash: .dashed, width: 2, pointSize: 1)),
    ]
    let refs = r.rnns.map { m -> ReferenceLine in
        let (color, label) = cellStyle(m.cell)
        return ReferenceLine(y: Double(m.parameterBytes), label: "\(label): \(m.parameterCount) parameters = \(byteText(Double(m.parameterBytes)))",
                             style: Style(color: color, dash: .dashed, width: 2))
    }
    // Horizontal lines have no legend entry of their own; a zero-length series gives each one.
    for m in r.rnns {
        let (color, label) = cellStyle(m.cell)
        series.append(.lines("\(label) parameters (8 bytes each), any context length", x: [n.first ?? 1, n.first ?? 1],
                             y: [Double(m.parameterBytes), Double(m.parameterBytes)], style: Style(color: color, dash: .dashed, width: 2)))
    }
    let ys = g.flatMap { [Double($0.memory.tableBytes), Double($0.memory.interpolatedTableBytes)] } + r.rnns.map { Double($0.parameterBytes) }
    let hiMemory = max(ys.max() ?? 1e6, 10), loMemory = max(min(ys.min() ?? 1, 1e9), 1)
    let memory = Panel(title: "memory: the n-gram table grows with n, the RNN does not",
                       xLabel: "n (order of the n-gram model)", yLabel: "bytes", yScale: .log,
                       xRange: 0.5...(Double(r.settings.maxOrder) + 0.5),
                       yRange: (loMemory / 3)...(hiMemory * 1000), key: .topLeft, series: series, referenceLines: refs)
    var trade: [Series] = [
        .linesPoints("Kneser–Ney n = 1 … \(r.settings.maxOrder)", x: g.map { Double($0.memory.interpolatedTableBytes) },
                     y: g.map(\.heldOutBitsPerCharacter), style: Style(color: .red, width: 2.5, pointSize: 1.4)),
    ]
    for m in r.rnns {
        let (color, label) = cellStyle(m.cell)
        trade.append(.points("\(label): \(bits(m.finalHeldOutBitsPerCharacter)) bits/char", x: [Double(m.parameterBytes)],
                             y: [m.finalHeldOutBitsPerCharacter], style: Style(color: color, pointSize: 3)))
    }
    let labels = g.map { TextLabel("n = \($0.order)", x: Double($0.memory.interpolatedTableBytes) * 1.15, y: $0.heldOutBitsPerCharacter + 0.08) }
    let tradeoff = Panel(title: "held-out bits per character against memory",
                         xLabel: "bytes of the model (log scale)", yLabel: "held-out bits per character", xScale: .log,
                         key: .topRight, series: trade, labels: labels)
    return gridFigure(name: "memory", title: "What an n-gram model must store, against an RNN's fixed parameter count",
                      panels: [memory, tradeoff], columns: 2, panelSize: (820, 640))
}

private func ngramResults(_ r: NGramVsRNNResult, _ c: LoadedCorpus) -> JSONValue {
    var bitsBy: [String: JSONValue] = [:], perplexity: [String: JSONValue] = [:], memory: [String: JSONValue] = [:]
    for s in r.settings.smoothings {
        let g = grams(r, s)
        bitsBy[key(s)] = JSONValue(g.map(\.heldOutBitsPerCharacter))
        perplexity[key(s)] = JSONValue(g.map(\.perplexity))
        memory[key(s)] = JSONValue(g.map { Double(s == .kneserNey ? $0.memory.interpolatedTableBytes : $0.memory.tableBytes) })
    }
    let any = grams(r, r.settings.smoothings[0])
    var rnns: [String: JSONValue] = [:]
    for m in r.rnns {
        rnns[m.cell.rawValue] = ["final_held_out_bits_per_character": .number(m.finalHeldOutBitsPerCharacter),
                                 "final_train_bits_per_character": .number(m.record.curve.last?.trainBitsPerCharacter ?? .nan),
                                 "initial_loss_nats": .number(m.record.initialLossNats),
                                 "parameter_count": .number(Double(m.parameterCount)),
                                 "parameter_bytes": .number(Double(m.parameterBytes)),
                                 "training_seconds": .number(m.record.trainingSeconds)]
    }
    var best: JSONValue = .null
    if let b = bestNGram(r) {
        best = ["smoothing": .string(key(b.smoothing)), "order": .number(Double(b.order)),
                "held_out_bits_per_character": .number(b.heldOutBitsPerCharacter)]
    }
    return [
        "corpus": c.results,
        "uniform_bits_per_character": .number(r.uniformBitsPerCharacter),
        "held_out_characters_scored": .number(Double(r.rnns.first?.record.heldOutCharactersEvaluated ?? 0)),
        "orders": JSONValue(any.map { Double($0.order) }),
        "ngram_bits_per_character": .object(bitsBy),
        "ngram_perplexity": .object(perplexity),
        "ngram_memory_bytes": .object(memory),
        "ngram_distinct": JSONValue(any.map { Double($0.memory.distinctNGrams) }),
        "ngram_dense_table_bytes": JSONValue(any.map(\.memory.denseTableBytes)),
        "best_ngram": best,
        "rnn": .object(rnns),
        "counting_seconds": .number(r.countingSeconds),
        "seconds": .number(r.seconds),
    ]
}
