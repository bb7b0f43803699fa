import Foundation
import LanguageModels
import Plotting
import Recurrence

extension NGramVsRNNLM {
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        [bitsFigure(result, settings), memoryFigure(result, settings)]
    }

    /// A smoothing as a legend name.
    static func name(_ s: Smoothing) -> String {
        switch s {
        case .addK(let k): return k == 1 ? "add-1 (Laplace)" : "add-\(plain(k))"
        case .kneserNey: return "Kneser–Ney"
        }
    }

    static func smoothingColor(_ i: Int) -> Color { [Color.brown, .pink, .gray, .red, .black][i % 5] }

    /// The share of a 640-pixel-high panel that the key takes: a line of 12-point text is about
    /// 18 of the plot area's ~520 pixels, plus the box.
    static func keyShare(entries: Int) -> Double { 0.035 * Double(entries) + 0.04 }

    /// The bits axis of figure 1: from 0.3 under the lowest value to a top that leaves a band
    /// above the highest one (the uniform line, where the RNNs start, and its label) for the key.
    /// The keys are wide: in the top right corner of an axis fitted to the data they covered the
    /// uniform line and its label.
    static func bitsAxis(lowest: Double, highest: Double, keyEntries: Int) -> ClosedRange<Double> {
        let bottom = max(0, lowest - 0.3)
        let label = highest + 0.06 * (highest - bottom)           // the reference line's label sits above it
        let share = keyShare(entries: keyEntries) + 0.02
        return bottom...(label + (label - bottom) * share / (1 - share))
    }

    /// Figure 1: one y axis (held-out bits per character) across three panels: n-grams against n,
    /// RNNs against iterations and against seconds.
    static func bitsFigure(_ r: Result, _ s: Settings) -> Figure {
        let uniform = r.uniformBitsPerCharacter
        let values = r.ngrams.map(\.heldOutBitsPerCharacter) + r.rnns.flatMap { $0.record.curve.map(\.heldOutBitsPerCharacter) } + [uniform]
        let finite = values.filter(\.isFinite)
        let y = bitsAxis(lowest: finite.min() ?? 0, highest: finite.max() ?? uniform, keyEntries: max(s.smoothings.count, r.rnns.count))
        var refs = [ReferenceLine(y: uniform, label: "log₂ V = \(bits(uniform)): uniform")]
        if let b = r.ngrams.min(by: { $0.heldOutBitsPerCharacter < $1.heldOutBitsPerCharacter }) {
            refs.append(ReferenceLine(y: b.heldOutBitsPerCharacter, label: "best n-gram \(bits(b.heldOutBitsPerCharacter))",
                                      style: Style(color: .red, dash: .dashed, width: 1.5)))
        }
        let smoothings = s.smoothings
        let ngramSeries: [Series] = smoothings.enumerated().map { i, sm in
            let g = r.grams(sm)
            return .linesPoints(name(sm), x: g.map { Double($0.order) }, y: g.map(\.heldOutBitsPerCharacter),
                                style: Style(color: smoothingColor(i), width: 2.5, pointSize: 1.4))
        }
        let left = Panel(title: "n-gram models: the context is the last n − 1 characters",
                         xLabel: "n (order of the n-gram model)", yLabel: "held-out bits per character",
                         xRange: 0.5...(Double(s.maxOrder) + 0.5), yRange: y, key: .topRight,
                         series: ngramSeries, referenceLines: refs)
        func rnnSeries(_ x: (CurvePoint) -> Double) -> [Series] {
            r.rnns.map { m in
                let (color, label) = cellStyle(m.cell)
                let c = m.record.curve
                return .linesPoints("\(label) (\(m.parameterCount) parameters): \(bits(m.record.finalHeldOutBitsPerCharacter))",
                                    x: c.map(x), y: c.map(\.heldOutBitsPerCharacter), style: Style(color: color, width: 2.5, pointSize: 0.7))
            }
        }
        let t = s.training
        let middle = Panel(title: "RNN language models (H = \(t.hidden)) against updates",
                           xLabel: "iteration (B = \(t.batch) streams × T = \(t.steps) characters each)",
                           yLabel: "held-out bits per character", yRange: y, key: .topRight,
                           series: rnnSeries { Double($0.iteration) }, referenceLines: refs)
        let right = Panel(title: "the same against training time",
                          xLabel: "training time (s, without evaluation)", yLabel: "held-out bits per character",
                          yRange: y, key: .topRight, series: rnnSeries(\.seconds), referenceLines: refs)
        return gridFigure(name: "bits-per-character",
                          title: "Held-out bits per character on \(corpusTitle(r.corpus.name)): n-grams plateau, RNNs keep improving with training",
                          panels: [left, middle, right], columns: 3, panelSize: (640, 640))
    }

    /// Figure 2: the memory an n-gram table needs against n (log axis), beside the RNNs' parameters;
    /// and held-out bits against memory, the trade-off.
    static func memoryFigure(_ r: Result, _ s: Settings) -> Figure {
        let kn = s.smoothings.contains(.kneserNey) ? Smoothing.kneserNey : s.smoothings[0]
        let g = r.grams(kn)
        let n = g.map { Double($0.order) }
        var series: [Series] = [
            .linesPoints("add-k: n-grams seen × (4n + 8) B", x: n, y: g.map { Double($0.memory.tableBytes) },
                         style: Style(color: .brown, width: 2.5, pointSize: 1.4)),
            .linesPoints("Kneser–Ney: orders 1…n", x: n, y: g.map { Double($0.memory.interpolatedTableBytes) },
                         style: Style(color: .red, width: 2.5, pointSize: 1.4)),
            .linesPoints("dense: V^n × 8 B (V = \(r.corpus.vocabularySize))", x: n, y: g.map(\.memory.denseTableBytes),
                         style: Style(color: .black, dash: .dashed, width: 2, pointSize: 1)),
        ]
        // The lines carry no text of their own (the LSTM's and the GRU's lie a fraction of a decade
        // apart, and their labels overprinted each other): the key names each, with its size.
        let refs = r.rnns.map { m -> ReferenceLine in
            ReferenceLine(y: Double(m.parameterBytes), style: Style(color: cellStyle(m.cell).0, dash: .dashed, width: 2))
        }
        // Horizontal lines have no legend entry of their own; a zero-length series gives each one.
        for m in r.rnns {
            let (color, label) = cellStyle(m.cell)
            series.append(.lines("\(label): \(m.parameterCount) × 8 B = \(byteText(Double(m.parameterBytes)))",
                                 x: [n.first ?? 1, n.first ?? 1],
                                 y: [Double(m.parameterBytes), Double(m.parameterBytes)], style: Style(color: color, dash: .dashed, width: 2)))
        }
        let ys = g.flatMap { [Double($0.memory.tableBytes), Double($0.memory.interpolatedTableBytes)] } + r.rnns.map { Double($0.parameterBytes) }
        let hiMemory = max(ys.max() ?? 1e6, 10), loMemory = max(min(ys.min() ?? 1, 1e9), 1)
        let memory = Panel(title: "memory: the n-gram table grows with n, the RNN does not",
                           xLabel: "n (order of the n-gram model)", yLabel: "bytes", yScale: .log,
                           xRange: 0.5...(Double(s.maxOrder) + 0.5),
                           // Bottom right is empty: from n = 3 on the tables lie above the RNN lines and
                           // the dense table has left the panel through its top (the labels are short
                           // so that the key stays right of n = 3).
                           yRange: (loMemory / 3)...(hiMemory * 1000), key: .bottomRight, series: series, referenceLines: refs)
        var trade: [Series] = [
            .linesPoints("Kneser–Ney n = 1 … \(s.maxOrder)", x: g.map { Double($0.memory.interpolatedTableBytes) },
                         y: g.map(\.heldOutBitsPerCharacter), style: Style(color: .red, width: 2.5, pointSize: 1.4)),
        ]
        for m in r.rnns {
            let (color, label) = cellStyle(m.cell)
            trade.append(.points("\(label): \(bits(m.record.finalHeldOutBitsPerCharacter)) bits/char", x: [Double(m.parameterBytes)],
                                 y: [m.record.finalHeldOutBitsPerCharacter], style: Style(color: color, pointSize: 3)))
        }
        let labels = g.map { TextLabel("n = \($0.order)", x: Double($0.memory.interpolatedTableBytes) * 1.15, y: $0.heldOutBitsPerCharacter + 0.08) }
        let tradeoff = Panel(title: "held-out bits per character against memory",
                             xLabel: "bytes of the model (log scale)", yLabel: "held-out bits per character", xScale: .log,
                             key: .topRight, series: trade, labels: labels)
        return gridFigure(name: "memory", title: "What an n-gram model must store, against an RNN's fixed parameter count",
                          panels: [memory, tradeoff], columns: 2, panelSize: (820, 640))
    }
}
