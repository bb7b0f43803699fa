import Foundation

/// Pascanu, Mikolov & Bengio (2013, §2.3, eq. 8, Fig. 6): one unit, no input,
///
///     x_t = w σ(x_{t−1}) + b,   x_0 = 0.5,   E = (σ(x_T) − 0.7)²,   T = 50.
///
/// For w > 1/σ′(0.5) ≈ 4.2553 the map is bistable; x_0 sits on the unstable fixed point along
/// the line b = 0.5 − σ(0.5)·w, so crossing it flips which attractor x_T reaches and E jumps:
/// a wall of very high curvature (reference-science §1.2). Plain gradient descent that hits the
/// wall takes a step of size η‖∇E‖ and is thrown far away; norm clipping caps the step at ητ.
public struct ClippingCliffSettings: Codable, Sendable, Equatable {
    public var steps: Int = 50                  // T (the paper's)
    public var x0: Double = 0.5                 // the paper's
    public var target: Double = 0.7             // the paper's
    /// Grid window: w ∈ [3, 8], b ∈ [−5, −1] shows the wall over its whole bistable range
    /// (reference-science §1.2; the paper gives no ranges).
    public var wRange: [Double] = [3, 8]
    public var bRange: [Double] = [-5, -1]
    public var gridW: Int = 101
    public var gridB: Int = 81
    /// Start left of the wall (E ≈ 0.35, low attractor), where the descent runs into the wall
    /// at about b ≈ −2.6: unclipped, one step of length ≈ 2.7 leaves the window; clipped, it
    /// crosses and settles near E ≈ 0.
    public var start: [Double] = [5.0, -3.0]
    public var learningRate: Double = 0.5       // η
    public var iterations: Int = 60
    public var threshold: Double = 1            // τ for norm clipping (Pascanu's cutoff 1)

    public init() {}

    /// A coarse grid for tests.
    public static var quick: ClippingCliffSettings {
        var s = ClippingCliffSettings()
        s.gridW = 21; s.gridB = 17
        return s
    }
}

/// One gradient-descent path over (w, b).
public struct CliffTrajectory: Codable, Sendable, Equatable {
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

public struct ClippingCliffResult: Codable, Sendable, Equatable {
    public var settings: ClippingCliffSettings
    /// Grid axes and E on it: `loss[i][j]` is E(w[j], b[i]) (rows over b, columns over w).
    public var w: [Double]
    public var b: [Double]
    public var loss: [[Double]]
    /// The wall b = x_0 − σ(x_0)·w for w > 1/σ′(x_0), sampled inside the window.
    public var wallW: [Double]
    public var wallB: [Double]
    /// 1/σ′(x_0) = 4.2553 for x_0 = 0.5: no wall (one attractor) for smaller w.
    public var wallStartW: Double
    public var unclipped: CliffTrajectory
    public var clipped: CliffTrajectory
}

/// E(w, b) and its exact gradient by backpropagation through the T steps (scalar BPTT):
///
///     forward:   x_t = w s_{t−1} + b, s_t = σ(x_t)
///     δ_T = ∂E/∂x_T = 2(s_T − y) s_T(1 − s_T)
///     for t = T … 1:  ∂E/∂w += δ_t s_{t−1};  ∂E/∂b += δ_t;  δ_{t−1} = δ_t w s_{t−1}(1 − s_{t−1})
public func cliffLossAndGradient(w: Double, b: Double, steps T: Int = 50, x0: Double = 0.5,
                                 target: Double = 0.7) -> (loss: Double, dw: Double, db: Double) {
    precondition(T >= 1, "cliff: T = \(T)")
    var x = [Double](repeating: 0, count: T + 1)
    x[0] = x0
    for t in 1...T { x[t] = w * logistic(x[t - 1]) + b }         // x_t = w σ(x_{t−1}) + b
    let sT = logistic(x[T])
    let loss = (sT - target) * (sT - target)
    var delta = 2 * (sT - target) * sT * (1 - sT)
    var dw = 0.0, db = 0.0
    for t in stride(from: T, through: 1, by: -1) {
        let s = logistic(x[t - 1])
        dw += delta * s                        // ∂x_t/∂w = s_{t−1}
        db += delta                            // ∂x_t/∂b = 1
        delta *= w * s * (1 - s)               // ∂x_t/∂x_{t−1} = w σ′(x_{t−1})
    }
    return (loss, dw, db)
}

@inline(__always) func logistic(_ x: Double) -> Double {
    x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
}

/// The loss surface, the wall line and two descents from one start: plain and norm-clipped
/// (Pascanu's Algorithm 1: if ‖g‖ ≥ τ then g ← τ g/‖g‖, so every clipped step is ≤ ητ).
public func clippingCliff(_ s: ClippingCliffSettings = ClippingCliffSettings()) -> ClippingCliffResult {
    precondition(s.wRange.count == 2 && s.bRange.count == 2 && s.start.count == 2 && s.gridW >= 2 && s.gridB >= 2,
                 "clippingCliff: ranges and start are pairs, grids ≥ 2")
    func axis(_ r: [Double], _ n: Int) -> [Double] { (0..<n).map { r[0] + (r[1] - r[0]) * Double($0) / Double(n - 1) } }
    let ws = axis(s.wRange, s.gridW), bs = axis(s.bRange, s.gridB)
    let surface = bs.map { b in ws.map { w in cliffLossAndGradient(w: w, b: b, steps: s.steps, x0: s.x0, target: s.target).loss } }

    let sp = logistic(s.x0) * (1 - logistic(s.x0))
    let wallStart = 1 / sp
    let wallW = ws.filter { $0 > wallStart }.filter { w in
        let b = s.x0 - logistic(s.x0) * w
        return b >= min(s.bRange[0], s.bRange[1]) && b <= max(s.bRange[0], s.bRange[1])
    }
    let wallB = wallW.map { s.x0 - logistic(s.x0) * $0 }

    func descend(_ clipping: Clipping) -> CliffTrajectory {
        var tr = CliffTrajectory()
        var w = s.start[0], b = s.start[1]
        for k in 0...s.iterations {
            let (E, dw0, db0) = cliffLossAndGradient(w: w, b: b, steps: s.steps, x0: s.x0, target: s.target)
            let norm = (dw0 * dw0 + db0 * db0).squareRoot()
            tr.w.append(w); tr.b.append(b); tr.loss.append(E); tr.gradientNorm.append(norm)
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
    return ClippingCliffResult(settings: s, w: ws, b: bs, loss: surface, wallW: wallW, wallB: wallB,
                               wallStartW: wallStart, unclipped: descend(.none), clipped: descend(.norm(s.threshold)))
}
