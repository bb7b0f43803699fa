import Diagrams
import Foundation
import Plotting
import Recurrence

/// `rnn-diagrams` — the lecture's pictures, drawn by the lab from its own names and shapes: the
/// unrolled RNN, the LSTM and GRU cells, a deep stack and a bidirectional layer, as SVG files
/// (`unrolled.svg`, `lstm-cell.svg`, `gru-cell.svg`, `deep.svg`, `bidirectional.svg`). The gate
/// names and their block order come from `CellKind`, the matrix shapes and parameter counts from
/// `CellParameters`, so a picture cannot disagree with the code it shows.
///
/// The lecture's concatenated form and the lab's two matrices are one product split by columns:
///
///     W [h_{t−1}; x_t] = [W_h  W_x] [h_{t−1}; x_t] = W_h h_{t−1} + W_x x_t
///
/// with W_h (G·H×H) and W_x (G·H×D) stacking the G gates' blocks by rows. The figure counts the
/// parameters of the three cells against H.
public enum RNNDiagrams: ExperimentKind {
    public static let name = "rnn-diagrams"
    public static let roughSeconds = 0.1

    public struct Settings: ExperimentSettings {
        public var inputSize = 65
        public var hidden = 100
        public var steps = 4
        public var layers = 3
        public init() {}

        public static let fields: [Setting<Self>] = [
            .int("input_size", \.inputSize, .between(1, 10_000), doc: "D of the shapes and counts (65: the chapters' character model)"),
            .int("hidden", \.hidden, .between(1, 2_000), quick: 20, doc: "H of the shapes and counts; the figure runs H = 1 … 2H"),
            .int("steps", \.steps, .between(2, 8), quick: 3, doc: "T: steps drawn in the unrolled, deep and bidirectional pictures"),
            .int("layers", \.layers, .between(2, 5), doc: "K: layers of the deep stack's picture"),
        ]
    }

    /// One cell's blocks at the settings' D and H.
    public struct CellShapes: Codable, Sendable, Equatable {
        /// The gate blocks in their order in W_x, W_h and b (`CellKind.gateNames`).
        public var gates: [String]
        /// [rows, columns] of W_x (G·H×D), W_h (G·H×H) and the lecture's W = [W_h W_x] (G·H×(H+D)).
        public var W_x: [Int]
        public var W_h: [Int]
        public var W: [Int]
        /// Bias entries: b (G·H) and the GRU's b_hn (H).
        public var biases: Int
        /// Every weight and bias of the cell (`CellParameters.parameterCount`).
        public var parameters: Int

        enum CodingKeys: String, CodingKey { case gates, W_x = "w_x", W_h = "w_h", W = "w", biases, parameters }
    }

    /// The paths of the deep stack's picture: from the top layer's last step to the bottom layer's
    /// first, each move one step back in time or one layer down.
    public struct DeepPaths: Codable, Sendable, Equatable {
        public var layers: Int
        public var steps: Int
        /// T − 1 moves back and K − 1 moves down: T + K − 2 Jacobian factors on every path.
        public var factorsPerPath: Int
        /// C(T + K − 2, K − 1): the orders of those moves.
        public var paths: Int

        enum CodingKeys: String, CodingKey { case layers, steps, factorsPerPath = "factors_per_path", paths }
    }

    public struct Result: Codable, Sendable {
        public var inputSize: Int
        public var hidden: Int
        /// By `CellKind.rawValue`: tanh, lstm, gru.
        public var cells: [String: CellShapes]
        /// The largest H whose LSTM has no more parameters than the GRU at `hidden` (how Chung et
        /// al. 2014 matched the two).
        public var lstmHiddenMatchingGRU: Int
        public var deep: DeepPaths
        /// The pictures written beside the figure.
        public var diagrams: [String]
        /// Parameters against H = 1 … 2·hidden, per cell (the figure's data, not in the manifest).
        public var counts: [String: [Int]] = [:]

        enum CodingKeys: String, CodingKey {
            case inputSize = "input_size", hidden, cells, lstmHiddenMatchingGRU = "lstm_hidden_matching_gru", deep, diagrams
        }
    }

    /// The cells drawn and counted, in the lecture's order.
    static let kinds: [CellKind] = [.tanh, .lstm, .gru]

    public static func shapes(_ kind: CellKind, inputSize D: Int, hidden H: Int) -> CellShapes {
        let p = CellParameters(kind: kind, inputSize: D, hiddenSize: H)
        return CellShapes(gates: kind.gateNames, W_x: [p.W_x.rows, p.W_x.cols], W_h: [p.W_h.rows, p.W_h.cols],
                          W: [p.W_h.rows, p.W_h.cols + p.W_x.cols], biases: p.b.count + p.b_hn.count,
                          parameters: p.parameterCount)
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let D = s.inputSize, H = s.hidden
        var cells: [String: CellShapes] = [:]
        var counts: [String: [Int]] = [:]
        for kind in kinds {
            try context.checkCancelled()
            cells[kind.rawValue] = shapes(kind, inputSize: D, hidden: H)
            counts[kind.rawValue] = (1...2 * H).map { CellParameters(kind: kind, inputSize: D, hiddenSize: $0).parameterCount }
        }
        let gru = cells[CellKind.gru.rawValue]!.parameters
        let matching = (counts[CellKind.lstm.rawValue] ?? []).lastIndex { $0 <= gru }.map { $0 + 1 } ?? 0
        let moves = s.steps + s.layers - 2
        return Result(inputSize: D, hidden: H, cells: cells, lstmHiddenMatchingGRU: matching,
                      deep: DeepPaths(layers: s.layers, steps: s.steps, factorsPerPath: moves,
                                      paths: binomial(moves, s.layers - 1)),
                      diagrams: diagrams(s).keys.sorted(), counts: counts)
    }

    /// C(n, k), exactly (n ≤ 11 here).
    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var c = 1
        for i in 0..<min(k, n - k) { c = c * (n - i) / (i + 1) }
        return c
    }

    /// The pictures, by file name.
    public static func diagrams(_ result: Result, settings: Settings) -> [String: Diagram] {
        diagrams(settings)
    }

    /// The parameter counts of the three cells against H, with the GRU's count at `hidden` and the
    /// LSTM that matches it.
    public static func figures(_ r: Result, settings: Settings) -> [Figure] {
        let H = r.hidden
        let hs = steps(2 * H, from: 1)
        let colours: [CellKind: Color] = [.tanh: .blue, .lstm: .green, .gru: .purple]
        var series: [Series] = kinds.map { kind in
            let c = r.cells[kind.rawValue]!
            let formula = kind == .gru ? "3H(D + H + 1) + H" : kind == .lstm ? "4H(D + H + 1)" : "H(D + H + 1)"
            let blocks = c.gates.count > 1 ? " (\(c.gates.joined(separator: ", ")))" : ""
            return .lines("\(kind.rawValue)\(blocks): \(formula)", x: hs,
                          y: (r.counts[kind.rawValue] ?? []).map { Double($0) }, style: Style(color: colours[kind]))
        }
        let gruCount: Int = r.cells[CellKind.gru.rawValue]!.parameters
        let gru = Double(gruCount)
        let matched = r.lstmHiddenMatchingGRU
        if matched > 0, let lstmCount: Int = r.counts[CellKind.lstm.rawValue]?[matched - 1] {
            let lstm = Double(lstmCount)
            series.append(.points("GRU at H = \(H): \(gruCount); LSTM at H = \(matched): \(lstmCount)",
                                  x: [Double(H), Double(matched)], y: [gru, lstm],
                                  style: Style(color: .black, pointSize: 1.6)))
        }
        let panel = Panel(title: "every weight and bias of one cell (CellParameters.parameterCount), D = \(r.inputSize)",
                          xLabel: "hidden units H", yLabel: "parameters", xRange: 0...Double(2 * H), key: .topLeft,
                          series: series, referenceLines: [ReferenceLine(y: gru), ReferenceLine(x: Double(H))])
        return [Figure(name: "parameters", title: "Parameters of one cell against H: the LSTM has 4 blocks, the GRU 3 and b_hn",
                       panel: panel)]
    }
}
