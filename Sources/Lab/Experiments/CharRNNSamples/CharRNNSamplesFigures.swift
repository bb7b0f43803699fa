import Foundation
import LanguageModels
import Plotting
import Recurrence

extension CharRNNSamples {
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        guard let r = result.trained?.record else { return [] }
        return [lossFigure(result, r, settings), gradientFigure(r, settings)]
    }

    /// Figure 1: bits per character against iterations, the sample iterations marked.
    static func lossFigure(_ result: Result, _ r: TrainingRecord, _ s: Settings) -> Figure {
        let curve = r.curve
        let it = curve.map { Double($0.iteration) }
        let uniform = log2(Double(result.corpus.vocabularySize))
        let train = curve.filter { $0.trainBitsPerCharacter.isFinite }
        var series: [Series] = [
            .linesPoints("training (mean over the minibatches since the last point)", x: train.map { Double($0.iteration) },
                         y: train.map(\.trainBitsPerCharacter), style: Style(color: .blue, width: 2, pointSize: 0.8)),
            .linesPoints("held-out (\(r.heldOutCharactersEvaluated) characters)", x: it, y: curve.map(\.heldOutBitsPerCharacter),
                         style: Style(color: .red, width: 2.5, pointSize: 0.8)),
            .points("first minibatch: \(bits(r.initialLossNats / log(2))) bits = \(short(r.initialLossNats)) nats (ln V = \(short(result.uniformLossNats)))",
                    x: [0], y: [r.initialLossNats / log(2)], style: Style(color: .black, pointSize: 2)),
        ]
        let sampled = r.samples.map(\.iteration)
        // Held-out bits at each sample iteration, interpolated along the curve where it was not measured.
        let marks = sampled.map { i in interpolate(x: it, y: curve.map(\.heldOutBitsPerCharacter), at: Double(i)) }
        series.append(.points("a sample in samples.md", x: sampled.map(Double.init), y: marks,
                              style: Style(color: .green, pointSize: 2.5)))
        let all = curve.flatMap { [$0.trainBitsPerCharacter, $0.heldOutBitsPerCharacter] }.filter(\.isFinite) + [uniform]
        let top = (all.max() ?? uniform) * 1.05, bottom = max(0, (all.min() ?? 0) - 0.3)
        let labels = sampled.map { TextLabel("\($0)", x: Double($0), y: bottom + 0.04 * (top - bottom)) }
        let panel = Panel(title: "starts at log₂ V (a uniform guess over V = \(result.corpus.vocabularySize) symbols); samples drawn at the marked iterations",
                          xLabel: "iteration (parameter updates; vertical lines: samples)", yLabel: "bits per character",
                          yRange: bottom...top, key: .topRight, series: series,
                          referenceLines: [ReferenceLine(y: uniform, label: "log₂ V = \(bits(uniform))")]
                              + sampled.map { ReferenceLine(x: Double($0), style: Style(color: .gray, dash: .dotted, width: 1)) },
                          labels: labels)
        return Figure(name: "loss", title: "Character \(r.cell.rawValue.uppercased()) (H = \(s.training.hidden)) on \(corpusTitle(result.corpus.name)): bits per character while training",
                      size: Size(width: 1200, height: 720), panel: panel)
    }

    /// Figure 2: ‖∂L/∂h_t‖ across one chunk, at several iterations (one panel per layer).
    static func gradientFigure(_ r: TrainingRecord, _ s: Settings) -> Figure {
        let snaps = r.gradientNorms
        let T = s.training.steps, L = s.training.layers
        let t = steps(T, from: 1)
        let panels: [Panel] = (0..<L).map { l in
            let series: [Series] = snaps.enumerated().map { k, snap in
                .lines("iteration \(snap.iteration)", x: t, y: snap.layers[l].map { max($0, 1e-300) },
                       style: Style(color: viridis(Double(k) / Double(max(1, snaps.count - 1))), width: 2))
            }
            return Panel(title: L == 1 ? "‖∂L/∂h_t‖ over one chunk of T = \(T) characters (truncated BPTT)" : "layer \(l + 1) of \(L)",
                         xLabel: "time step t in the chunk (the loss is on every step; the gradient stops at t = 1)",
                         yLabel: "‖∂L/∂h_t‖", yScale: .log, key: .topLeft, series: series)
        }
        return gridFigure(name: "gradient-norms",
                          title: "Per-step gradient norms while the \(r.cell.rawValue.uppercased()) learns (darker: earlier)",
                          panels: panels, columns: min(L, 2), panelSize: (1100, 620))
    }

    /// Linear interpolation of y(x) at `at` (x sorted ascending); the nearest end outside.
    static func interpolate(x: [Double], y: [Double], at: Double) -> Double {
        guard let first = x.first, let last = x.last else { return .nan }
        if at <= first { return y[0] }
        if at >= last { return y[y.count - 1] }
        let k = x.firstIndex { $0 >= at }!
        if x[k] == at { return y[k] }
        let f = (at - x[k - 1]) / (x[k] - x[k - 1])
        return y[k - 1] + f * (y[k] - y[k - 1])
    }
}
