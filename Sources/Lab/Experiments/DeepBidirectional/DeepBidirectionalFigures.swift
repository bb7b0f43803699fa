import Foundation
import Plotting
import Recurrence

extension DeepBidirectional {
    /// One figure per cell.
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        settings.cells.map { figure(result, settings, $0) }
    }

    /// Layer ℓ of L from bottom (dark) to top (light).
    static func layerColor(_ l: Int, of L: Int) -> Color { viridis(L == 1 ? 0.3 : 0.85 * Double(l - 1) / Double(L - 1)) }

    /// One figure per cell: a panel per depth (every layer drawn), and the bidirectional layer.
    static func figure(_ r: Result, _ s: Settings, _ kind: CellKind) -> Figure {
        let profiles = r.profiles.filter { $0.cell == kind }
        let T = s.steps
        let t = steps(T, from: 1)
        let positive = profiles.flatMap(\.norms).filter { $0 > 0 && $0.isFinite }
        let lo = pow(10, (log10(positive.min() ?? 1e-6)).rounded(.down)), hi = pow(10, (log10(positive.max() ?? 1)).rounded(.up) + 0.3)
        var panels: [Panel] = []
        for L in s.depths {
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
                          title: "\(name) at initialisation (H = \(s.hidden), mean of \(s.seeds) seeds): the gradient fades going down the layers and back in time",
                          panels: panels, columns: 3, panelSize: (620, 480))
    }
}
