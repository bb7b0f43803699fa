import Foundation
import Plotting
import Training

/// `clipping-cliff` — Pascanu, Mikolov & Bengio (2013, §2.3, Fig. 6): one unit
/// x_t = w σ(x_{t−1}) + b, x_0 = 0.5, E = (σ(x_50) − 0.7)². For w > 1/σ′(0.5) the map is bistable
/// and E jumps across the line b = 0.5 − σ(0.5)·w (the wall); plain gradient descent that hits it
/// takes a step η‖∇E‖ and is thrown away, norm clipping caps every step at ητ.
public enum ClippingCliff: ExperimentKind {
    public static let name = "clipping-cliff"
    public static let roughSeconds = 1.0

    public struct Settings: ExperimentSettings {
        public var learningRate = 0.5
        public var iterations = 60
        public var threshold = 1.0
        /// Start left of the wall (E ≈ 0.35, low attractor), where the descent runs into the wall
        /// at about b ≈ −2.6: unclipped, one step of length ≈ 2.7 leaves the window; clipped, it
        /// crosses and settles near E ≈ 0.
        public var startW = 5.0
        public var startB = -3.0
        public var grid = 201
        public var gridB = 160
        /// T, x_0 and y are the paper's.
        public var steps = 50
        public var x0 = 0.5
        public var target = 0.7
        /// w ∈ [3, 8], b ∈ [−5, −1] shows the wall over its whole bistable range
        /// (reference-science §1.2; the paper gives no ranges).
        public var wMin = 3.0
        public var wMax = 8.0
        public var bMin = -5.0
        public var bMax = -1.0
        public init() {}

        public static let fields: [Setting<Self>] = [
            .double("learning_rate", \.learningRate, .greaterThan(0), doc: "η of plain gradient descent"),
            .int("iterations", \.iterations, .between(1, 100_000), doc: "gradient-descent steps of each trajectory"),
            .double("threshold", \.threshold, .greaterThan(0), doc: "τ of norm clipping: every clipped step ≤ ητ"),
            .double("start_w", \.startW, .all, doc: "w of the common starting point"),
            .double("start_b", \.startB, .all, doc: "b of the common starting point"),
            .int("grid", \.grid, .between(5, 1000), quick: 61, doc: "grid points of the loss surface along w"),
            .int("grid_b", \.gridB, .between(5, 1000), quick: 48,
                 doc: "grid points along b: 4/5 of grid, as the window is 4 high and 5 wide"),
            .int("steps", \.steps, .between(1, 10_000), doc: "T: steps of the map before E is read (the paper's 50)"),
            .double("x0", \.x0, .all, doc: "x_0 of every trajectory (the paper's 0.5)"),
            .double("target", \.target, .between(0, 1), doc: "y of E = (σ(x_T) − y)² (the paper's 0.7)"),
            .double("w_min", \.wMin, .all, doc: "left edge of the window (the surface, the wall, stays_in_window)"),
            .double("w_max", \.wMax, .all, doc: "right edge of the window"),
            .double("b_min", \.bMin, .all, doc: "bottom edge of the window"),
            .double("b_max", \.bMax, .all, doc: "top edge of the window"),
        ]
    }

    /// A window whose edges are not in order.
    public struct InvalidWindow: Error, CustomStringConvertible {
        public var description: String
    }

    /// One gradient-descent path over (w, b).
    public struct Trajectory: Sendable, Equatable {
        /// Points θ_0 … θ_n.
        public var w: [Double] = []
        public var b: [Double] = []
        /// E and ‖∇E‖ (before clipping) at each point.
        public var loss: [Double] = []
        public var gradientNorm: [Double] = []
        /// ‖θ_{k+1} − θ_k‖ for each step.
        public var stepLength: [Double] = []
        public var clippedSteps: Int = 0
        public var maxStepLength: Double { stepLength.max() ?? 0 }
        public var finalLoss: Double { loss.last ?? .nan }
    }

    /// The loss surface and the wall, for the figure.
    public struct Surface: Sendable, Equatable {
        /// Grid axes and E on it: `loss[i][j]` is E(w[j], b[i]) (rows over b, columns over w).
        public var w: [Double]
        public var b: [Double]
        public var loss: [[Double]]
        /// The wall b = x_0 − σ(x_0)·w for w > 1/σ′(x_0), sampled at the grid's w inside the window.
        public var wallW: [Double]
        public var wallB: [Double]
    }

    /// One descent's headline numbers.
    public struct Path: Codable, Sendable, Equatable {
        public var finalLoss: Double
        public var finalW: Double
        public var finalB: Double
        public var maxStepLength: Double
        public var clippedSteps: Int
        public var staysInWindow: Bool
        /// Every point of the path (the figure's; not in the manifest).
        public var trajectory: Trajectory? = nil

        enum CodingKeys: String, CodingKey {
            case finalLoss = "final_loss", finalW = "final_w", finalB = "final_b"
            case maxStepLength = "max_step_length", clippedSteps = "clipped_steps", staysInWindow = "stays_in_window"
        }
    }

    public struct Result: Codable, Sendable {
        /// 1/σ′(x_0) = 4.2553 for x_0 = 0.5: no wall (one attractor) for smaller w.
        public var wallStartW: Double
        /// Where the wall crosses the cut b = −2.5: w = (x_0 + 2.5)/σ(x_0).
        public var wallWAtCut: Double
        /// E just before and just after the wall along the cut.
        public var lossBeforeWall: Double
        public var lossAfterWall: Double
        /// ητ: no clipped step is longer.
        public var stepBound: Double
        public var unclipped: Path
        public var clipped: Path
        /// The surface the figure draws (not in the manifest).
        public var surface: Surface? = nil

        enum CodingKeys: String, CodingKey {
            case wallStartW = "wall_start_w", wallWAtCut = "wall_w_at_b_minus_2_5"
            case lossBeforeWall = "loss_at_w_4_80_b_minus_2_5", lossAfterWall = "loss_at_w_4_84_b_minus_2_5"
            case stepBound = "step_bound", unclipped, clipped
        }
    }

    /// E along the cut b = −2.5 the results name: the wall crosses it at w = 3/σ(0.5) ≈ 4.8196,
    /// between the two w of `lossBeforeWall` (4.80) and `lossAfterWall` (4.84).
    static let cutB = -2.5

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        guard s.wMin < s.wMax, s.bMin < s.bMax else {
            throw InvalidWindow(description: "clipping-cliff: the window needs w_min < w_max and b_min < b_max, "
                                + "got w ∈ [\(plain(s.wMin)), \(plain(s.wMax))], b ∈ [\(plain(s.bMin)), \(plain(s.bMax))]")
        }
        context.progress("loss surface \(s.grid)×\(s.gridB) and two descents")
        let E = { (w: Double, b: Double) in cliffLossAndGradient(w: w, b: b, steps: s.steps, x0: s.x0, target: s.target) }
        func axis(_ lo: Double, _ hi: Double, _ n: Int) -> [Double] { (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) } }
        let ws = axis(s.wMin, s.wMax, s.grid), bs = axis(s.bMin, s.bMax, s.gridB)
        let loss = bs.map { b in ws.map { w in E(w, b).loss } }

        let sp = sigmoid(s.x0) * (1 - sigmoid(s.x0))
        let wallStart = 1 / sp
        let wallW = ws.filter { $0 > wallStart }.filter { w in
            let b = s.x0 - sigmoid(s.x0) * w
            return b >= s.bMin && b <= s.bMax
        }
        let wallB = wallW.map { s.x0 - sigmoid(s.x0) * $0 }

        /// Gradient descent from the start; clipped: Pascanu's Algorithm 1 through the lab's one
        /// clipping rule (`Clipping.norm`: if ‖g‖ ≥ τ then g ← τ g/‖g‖), so every clipped step is ≤ ητ.
        func descend(clip: Bool) -> Trajectory {
            var tr = Trajectory()
            var w = s.startW, b = s.startB
            let clipping: Clipping = clip ? .norm(s.threshold) : .none
            for k in 0...s.iterations {
                let (loss, dw0, db0) = E(w, b)
                let norm = (dw0 * dw0 + db0 * db0).squareRoot()
                tr.w.append(w); tr.b.append(b); tr.loss.append(loss); tr.gradientNorm.append(norm)
                if k == s.iterations || !norm.isFinite { break }
                var g = [dw0, db0]
                if clipping.apply(&g, norm: norm).clipped { tr.clippedSteps += 1 }
                let dw = g[0], db = g[1]
                w -= s.learningRate * dw
                b -= s.learningRate * db
                tr.stepLength.append(s.learningRate * (dw * dw + db * db).squareRoot())
            }
            return tr
        }
        func path(_ t: Trajectory) -> Path {
            let inside = zip(t.w, t.b).allSatisfy { s.wMin...s.wMax ~= $0 && s.bMin...s.bMax ~= $1 }
            return Path(finalLoss: t.finalLoss, finalW: t.w[t.w.count - 1], finalB: t.b[t.b.count - 1],
                        maxStepLength: t.maxStepLength, clippedSteps: t.clippedSteps, staysInWindow: inside, trajectory: t)
        }
        return Result(wallStartW: wallStart, wallWAtCut: (s.x0 - cutB) / sigmoid(s.x0),
                      lossBeforeWall: E(4.80, cutB).loss, lossAfterWall: E(4.84, cutB).loss,
                      stepBound: s.learningRate * s.threshold,
                      unclipped: path(descend(clip: false)), clipped: path(descend(clip: true)),
                      surface: Surface(w: ws, b: bs, loss: loss, wallW: wallW, wallB: wallB))
    }

    public static func figures(_ r: Result, settings s: Settings) -> [Figure] {
        guard let surfaceData = r.surface, let u = r.unclipped.trajectory, let c = r.clipped.trajectory else { return [] }
        let eta = s.learningRate, tau = s.threshold, x0 = plain(s.x0)
        // The unclipped path leaves the window: draw its points inside, and the jump as an arrow to the window's edge.
        let surface = Panel(
            // No key over the map (a key box in gnuplot's map view hides its own entries and covers
            // the surface): the title names each mark by its colour, the other panels' keys repeat them.
            title: "E(w, b): wall (dashed), plain (red), clipped (cyan) paths from ●",
            xLabel: "w (recurrent weight)", yLabel: "b (bias)", xRange: s.wMin...s.wMax, yRange: s.bMin...s.bMax, key: .hidden,
            series: [
                .surface("E(w, b)", x: surfaceData.w, y: surfaceData.b, z: surfaceData.loss, contours: 8),
                .lines("wall b = \(x0) − σ(\(x0))·w, w > 1/σ′(\(x0)) = \(short(r.wallStartW))", x: surfaceData.wallW, y: surfaceData.wallB,
                       style: Style(color: .black, dash: .dashed, width: 2.5)),
                .linesPoints("no clipping (same path until the wall, then out of the window)", x: u.w, y: u.b,
                             style: Style(color: .red, width: 5, pointSize: 1.6)),
                .linesPoints("norm clipping, τ = \(plain(tau))", x: c.w, y: c.b,
                             style: Style(color: Color(hex: "#00e5ff")!, width: 2.5, pointSize: 0.9)),
                .points("start", x: [s.startW], y: [s.startB], style: Style(color: .black, pointSize: 3)),
            ],
            colorLabel: "E")
        let it = { (t: Trajectory) in steps(t.loss.count) }
        let loss = Panel(
            title: "loss along the descent (the paths coincide until the wall)",
            xLabel: "gradient-descent step k", yLabel: "E(θ_k)", yScale: .log, key: .bottomLeft,
            series: [
                .linesPoints("no clipping: final E = \(short(u.finalLoss))", x: it(u), y: u.loss,
                             style: Style(color: .red, width: 4, pointSize: 1.2)),
                .linesPoints("norm clipping: final E = \(short(c.finalLoss))", x: it(c), y: c.loss,
                             style: Style(color: .blue, width: 2, pointSize: 0.8)),
            ])
        let stepPanel = Panel(
            title: "step length ‖θ_{k+1} − θ_k‖: clipping caps it at ητ",
            xLabel: "gradient-descent step k", yLabel: "step length", yScale: .log, key: .topRight,
            series: [
                .linesPoints("no clipping: η‖∇E‖, largest \(short(u.maxStepLength))", x: steps(u.stepLength.count), y: u.stepLength,
                             style: Style(color: .red, width: 4, pointSize: 1.2)),
                .linesPoints("norm clipping: largest \(short(c.maxStepLength)) (clipped steps: \(c.clippedSteps))",
                             x: steps(c.stepLength.count), y: c.stepLength, style: Style(color: .blue, width: 2, pointSize: 0.8)),
            ],
            referenceLines: [ReferenceLine(y: eta * tau, label: "ητ = \(plain(eta * tau))")])
        let cutW = (0...400).map { s.wMin + (s.wMax - s.wMin) * Double($0) / 400 }
        let cut = Panel(
            title: "the cliff in one slice: E along b = \(plain(cutB))",
            xLabel: "w at b = \(plain(cutB))", yLabel: "E(w, \(plain(cutB)))", key: .topRight,
            series: [
                .lines("E(w, \(plain(cutB)))", x: cutW,
                       y: cutW.map { cliffLossAndGradient(w: $0, b: cutB, steps: s.steps, x0: s.x0, target: s.target).loss },
                       style: Style(color: .blue, width: 2.5)),
            ],
            referenceLines: [ReferenceLine(x: r.wallWAtCut, label: "wall: w = \(plain(s.x0 - cutB))/σ(\(x0)) = \(short(r.wallWAtCut))")])
        return [gridFigure(name: "cliff", title: "Pascanu's cliff: x_t = w σ(x_{t−1}) + b, \(s.steps) steps, and what clipping does at the wall",
                           panels: [surface, loss, stepPanel, cut], columns: 2, panelSize: (760, 560))]
    }
}
