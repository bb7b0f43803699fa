import Dynamics
import Foundation
import Plotting
import Recurrence

/// `deep-bidirectional` — gradients vanish in depth as well as in time: ‖∂L/∂h_t^(ℓ)‖ for every
/// layer ℓ and step t of stacked tanh and LSTM networks (1–4 layers) at initialisation, with the
/// loss on the last step of the top layer, and in a bidirectional layer whose two directions
/// each carry the gradient away from their own end (drawn separately).
extension Catalogue {
    static let deepBidirectional: Experiment = Experiment(
        schema: ExperimentSchema(name: "deep-bidirectional", parameters: deepParameters, quick: deepQuick),
        roughSeconds: 5,
        compute: { file, context in
            let p = file.parameters
            var s = DeepBidirectionalSettings()
            s.cells = p.strings("cells").compactMap(CellKind.init(rawValue:))
            s.depths = p.ints("depths")
            s.hidden = p.int("hidden"); s.input = p.int("input_size"); s.batch = p.int("batch")
            s.steps = p.int("steps"); s.seeds = p.int("seeds")
            s.initScale = p.double("init_scale"); s.forgetBias = p.double("forget_bias")
            s.bidirectional = p.bool("bidirectional")
            let r = try Dynamics.deepBidirectional(settings: s) { try context.checkCancelled(); context.progress($0) }
            return ExperimentOutput(figures: s.cells.map { deepFigure(r, $0) }, results: deepResults(r))
        })
}

private let deepDefaults = DeepBidirectionalSettings()
private let deepQuickSettings = DeepBidirectionalSettings.quick

private let deepParameters: [ParameterSpec] = [
    ParameterSpec("cells", .choiceList(languageModelCells), default: .strings(deepDefaults.cells.map(\.rawValue)),
                  doc: "the cells compared, one figure each"),
    ParameterSpec("depths", .intList(.between(1, 16)), default: .ints(deepDefaults.depths), doc: "layers of each stacked network"),
    ParameterSpec("hidden", .int(.between(1, 4096)), default: .int(deepDefaults.hidden), doc: "H, units per layer"),
    ParameterSpec("input_size", .int(.between(1, 4096)), default: .int(deepDefaults.input), doc: "D, input size of layer 1"),
    ParameterSpec("batch", .int(.between(1, 1024)), default: .int(deepDefaults.batch), doc: "B: sequences (norms are over the batch)"),
    ParameterSpec("steps", .int(.between(2, 10_000)), default: .int(deepDefaults.steps), doc: "T: the loss sits on the last step"),
    ParameterSpec("seeds", .int(.between(1, 1000)), default: .int(deepDefaults.seeds), doc: "initialisations averaged"),
    ParameterSpec("init_scale", .double(.greaterThan(0)), default: .double(deepDefaults.initScale),
                  doc: "s of W ~ U(−s/√H, s/√H) (PyTorch's default at 1)"),
    ParameterSpec("forget_bias", .double(.all), default: .double(deepDefaults.forgetBias), doc: "b_f of the LSTM"),
    ParameterSpec("bidirectional", .bool, default: .bool(deepDefaults.bidirectional), doc: "also measure a bidirectional layer"),
]

private let deepQuick: [String: ParameterValue] = [
    "hidden": .int(deepQuickSettings.hidden), "input_size": .int(deepQuickSettings.input), "batch": .int(deepQuickSettings.batch),
    "steps": .int(deepQuickSettings.steps), "seeds": .int(deepQuickSettings.seeds),
]

/// Layer ℓ of L from bottom (dark) to top (light).
private func layerColor(_ l: Int, of L: Int) -> Color { viridis(L == 1 ? 0.3 : 0.85 * Double(l - 1) / Double(L - 1)) }

/// One figure per cell: a panel per depth (every layer drawn), and the bidirectional layer.
private func deepFigure(_ r: DeepBidirectionalResult, _ kind: CellKind) -> Figure {
    let profiles = r.profiles.filter { $0.cell == kind }
    let T = r.settings.steps
    let t = steps(T, from: 1)
    let positive = profiles.flatMap(\.norms).filter { $0 > 0 && $0.isFinite }
    let lo = pow(10, (log10(positive.min() ?? 1e-6)).rounded(.down)), hi = pow(10, (log10(positive.max() ?? 1)).rounded(.up) + 0.3)
    var panels: [Panel] = []
    for L in r.settings.depths {
        let series: [Series] = profiles.filter { $0.architecture == "stacked" && $0.depth == L }
            .sorted { $0.layer < $1.layer }.map { pr in
                let label = pr.layer == L ? "layer \(pr.layer) (top: the loss)" : pr.layer == 1 ? "layer 1 (reads x)" : "layer \(pr.layer)"
                return .lines(label, x: t, y: pr.norms.map { max($0, 1e-300) }, style: Style(color: layerColor(pr.layer, of: L), width: 2.5))
            }
        panels.append(Panel(title: "\(L) stacked layer\(L == 1 ? "" : "s")", xLabel: "time step t (loss at t = T = \(T))",
                            yLabel: "‖∂L/∂h_t‖ in layer ℓ", yScale: .log, xRange: 1...Double(T), yRange: lo...hi,
                            key: .bottomRight, series: series))
    }
    let bi = profiles.filter { $0.architecture == "bidirectional" }
    if !bi.isEmpty {
        let series: [Series] = bi.map { pr in
            let forward = pr.direction == "forward"
            return .lines(forward ? "forward direction h→_t (loss on h→_T)" : "backward direction h←_t (loss on h←_1)",
                          x: t, y: pr.norms.map { max($0, 1e-300) },
                          style: Style(color: forward ? .blue : .orange, width: 2.5))
        }
        panels.append(Panel(title: "one bidirectional layer: each direction decays away from its own end",
                            xLabel: "time step t", yLabel: "‖∂L/∂h_t‖", yScale: .log, xRange: 1...Double(T), yRange: lo...hi,
                            key: .topRight, series: series))
    }
    let name = cellStyle(kind).name
    return gridFigure(name: "gradients-\(kind.rawValue)",
                      title: "\(name) at initialisation (H = \(r.settings.hidden), mean of \(r.settings.seeds) seeds): the gradient fades going down the layers and back in time",
                      panels: panels, columns: 3, panelSize: (620, 480))
}

/// log₁₀ of the ratio a/b.
private func log10Ratio(_ a: Double, _ b: Double) -> Double { log10(a / b) }

private func deepResults(_ r: DeepBidirectionalResult) -> JSONValue {
    var cells: [String: JSONValue] = [:]
    for kind in r.settings.cells {
        let profiles = r.profiles.filter { $0.cell == kind }
        var stacked: [String: JSONValue] = [:]
        for L in r.settings.depths {
            let layers = profiles.filter { $0.architecture == "stacked" && $0.depth == L }.sorted { $0.layer < $1.layer }
            guard let top = layers.last else { continue }
            let T = top.norms.count
            var o: [String: JSONValue] = [:]
            for pr in layers {
                o["layer_\(pr.layer)"] = [
                    // back in time within the layer: ‖∂L/∂h_1^(ℓ)‖ / ‖∂L/∂h_T^(ℓ)‖
                    "log10_first_over_last_step": .number(log10Ratio(pr.norms[0], pr.norms[T - 1])),
                    // down in depth at the loss's step: ‖∂L/∂h_T^(ℓ)‖ / ‖∂L/∂h_T^(L)‖
                    "log10_layer_over_top_at_last_step": .number(log10Ratio(pr.norms[T - 1], top.norms[T - 1])),
                    // both: the bottom-left corner against the loss
                    "log10_first_step_over_top_last_step": .number(log10Ratio(pr.norms[0], top.norms[T - 1])),
                ]
            }
            stacked["depth_\(L)"] = .object(o)
        }
        var entry: [String: JSONValue] = ["stacked": .object(stacked)]
        if let f = profiles.first(where: { $0.architecture == "bidirectional" && $0.direction == "forward" }),
           let b = profiles.first(where: { $0.architecture == "bidirectional" && $0.direction == "backward" }) {
            let T = f.norms.count
            entry["bidirectional"] = [
                "forward_log10_first_over_last_step": .number(log10Ratio(f.norms[0], f.norms[T - 1])),
                "backward_log10_last_over_first_step": .number(log10Ratio(b.norms[T - 1], b.norms[0])),
            ]
        }
        cells[kind.rawValue] = .object(entry)
    }
    return ["cells": .object(cells), "steps": .number(Double(r.settings.steps)), "hidden": .number(Double(r.settings.hidden)),
            "seeds": .number(Double(r.settings.seeds)), "seconds": .number(r.seconds)]
}
