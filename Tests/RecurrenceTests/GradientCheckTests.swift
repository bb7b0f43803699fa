import LinearAlgebra
import Testing
@testable import Recurrence

/// How the cells are wrapped in a gradient-check case.
enum Wrapping: CustomStringConvertible, Sendable {
    case single, stacked(layers: Int), bidirectional
    var description: String {
        switch self {
        case .single: return "single"
        case .stacked(let l): return "stacked×\(l)"
        case .bidirectional: return "bidirectional"
        }
    }
}

struct CheckCase: CustomStringConvertible, Sendable {
    let kind: CellKind
    let wrapping: Wrapping
    let D: Int, H: Int, B: Int, T: Int
    let seed: UInt64
    var description: String { "\(kind) \(wrapping) D=\(D) H=\(H) B=\(B) T=\(T)" }
}

/// Everything the loss depends on, with one flat view for finite differences:
/// every parameter of every layer/direction, x, and each h_0 (and c_0).
struct GradientProblem {
    let c: CheckCase
    var parameters: [CellParameters]
    var x: Matrix                  // D×TB
    var h0: [Matrix]               // H×B per layer / direction
    var c0: [Matrix]               // H×B per layer / direction (lstm)
    var upstream: [Matrix]         // H×TB: top layer, or forward and backward directions

    init(_ c: CheckCase) {
        self.c = c
        var rng = SeededGenerator(seed: c.seed)
        var units = 1, stacked = false
        switch c.wrapping {
        case .single: break
        case .stacked(let l): units = l; stacked = true
        case .bidirectional: units = 2
        }
        parameters = (0..<units).map { u in
            let d = stacked && u > 0 ? c.H : c.D   // layer ℓ > 1 of a stack reads H inputs
            var p = CellParameters(kind: c.kind, inputSize: d, hiddenSize: c.H)
            // Scale ~ 1/√H keeps tanh away from saturation so every path carries signal.
            let s = 0.9 / Double(c.H).squareRoot()
            p.W_x = s * rng.gaussianMatrix(rows: p.W_x.rows, cols: d, std: 1)
            p.W_h = s * rng.gaussianMatrix(rows: p.W_h.rows, cols: c.H, std: 1)
            p.b = (0..<p.b.count).map { _ in 0.3 * rng.gaussian() }
            p.b_hn = (0..<p.b_hn.count).map { _ in 0.3 * rng.gaussian() }
            return p
        }
        x = rng.gaussianMatrix(rows: c.D, cols: c.T * c.B, std: 1)
        h0 = (0..<units).map { _ in 0.5 * rng.gaussianMatrix(rows: c.H, cols: c.B, std: 1) }
        c0 = c.kind == .lstm ? (0..<units).map { _ in rng.gaussianMatrix(rows: c.H, cols: c.B, std: 1) } : []
        let outs: Int
        if case .bidirectional = c.wrapping { outs = 2 } else { outs = 1 }
        upstream = (0..<outs).map { _ in rng.gaussianMatrix(rows: c.H, cols: c.T * c.B, std: 1) }
    }

    var flat: [Double] {
        get { parameters.flatMap(\.flat) + x.elements + h0.flatMap(\.elements) + c0.flatMap(\.elements) }
        set {
            var o = 0
            func take(_ n: Int) -> [Double] { defer { o += n }; return Array(newValue[o ..< o + n]) }
            for i in parameters.indices { parameters[i].flat = take(parameters[i].parameterCount) }
            x.elements = take(x.elements.count)
            for i in h0.indices { h0[i].elements = take(h0[i].elements.count) }
            for i in c0.indices { c0[i].elements = take(c0[i].elements.count) }
        }
    }

    /// Runs forward (and backward when `gradient`), returns L = Σ⟨dh, h⟩ and ∂L/∂flat.
    func evaluate(gradient: Bool) -> (loss: Double, grad: [Double]) {
        func dot(_ a: MatrixRef, _ b: Matrix) -> Double {
            var s = 0.0
            for j in 0..<a.cols { for i in 0..<a.rows { s += a[i, j] * b[i, j] } }
            return s
        }
        switch c.wrapping {
        case .single, .stacked:
            let L: Int
            if case .stacked(let l) = c.wrapping { L = l } else { L = 1 }
            let net = StackedRNN(kind: c.kind, inputSize: c.D, hiddenSize: c.H, layers: L, batch: c.B, steps: c.T)
            x.withRef { net.x.copy(from: $0) }
            for l in 0..<L {
                h0[l].withRef { net.layers[l].h(0).copy(from: $0) }
                if c.kind == .lstm { c0[l].withRef { net.layers[l].c(0)!.copy(from: $0) } }
            }
            net.forward(parameters)
            let loss = dot(net.layers[L - 1].outputs, upstream[0])
            guard gradient else { return (loss, []) }
            upstream[0].withRef { net.dhLoss.copy(from: $0) }
            net.backward(parameters)
            var g = net.layers.flatMap { $0.gradients.flat }
            g += net.layers[0].dx.copy().elements
            g += net.layers.flatMap { $0.dh0.copy().elements }
            if c.kind == .lstm { g += net.layers.flatMap { $0.dc0!.copy().elements } }
            return (loss, g)
        case .bidirectional:
            let net = BidirectionalRNN(kind: c.kind, inputSize: c.D, hiddenSize: c.H, batch: c.B, steps: c.T)
            x.withRef { net.x.copy(from: $0) }
            let dirs = [net.forwardDirection, net.backwardDirection]
            for (k, d) in dirs.enumerated() {
                h0[k].withRef { d.h(0).copy(from: $0) }
                if c.kind == .lstm { c0[k].withRef { d.c(0)!.copy(from: $0) } }
            }
            net.forward(parameters[0], parameters[1])
            var loss = dot(net.forwardDirection.outputs, upstream[0])
            for t in 1...c.T {   // the backward direction's h←_t in natural time
                let cols = (t - 1) * c.B
                loss += dot(net.hBackward(t), upstream[1].columnBlock(cols ..< cols + c.B))
            }
            guard gradient else { return (loss, []) }
            upstream[0].withRef { net.dhLossForward.copy(from: $0) }
            upstream[1].withRef { net.dhLossBackward.copy(from: $0) }
            net.backward(parameters[0], parameters[1])
            var g = dirs.flatMap { $0.gradients.flat }
            g += net.dx.copy().elements
            g += dirs.flatMap { $0.dh0.copy().elements }
            if c.kind == .lstm { g += dirs.flatMap { $0.dc0!.copy().elements } }
            return (loss, g)
        }
    }
}

/// Worst relative error |a − n| / max(|a|, |n|, 1e-4) of BPTT against central differences.
///
/// The five-point stencil n = (−L(θ+2ε) + 8L(θ+ε) − 8L(θ−ε) + L(θ−2ε)) / 12ε has truncation
/// error O(ε⁴) ≈ 1e-16 at ε = 1e-4, and round-off about 1e-16·|L|/ε ≈ 1e-12·|L|, so a correct
/// gradient lands near 1e-9 and a wrong one is off by far more than 1e-6.
func worstRelativeError(_ c: CheckCase, epsilon: Double = 1e-4) -> (error: Double, index: Int, count: Int) {
    var problem = GradientProblem(c)
    let analytic = problem.evaluate(gradient: true).grad
    let theta = problem.flat
    precondition(analytic.count == theta.count, "gradient has \(analytic.count) entries for \(theta.count) inputs")
    var worst = 0.0, at = -1
    for i in theta.indices {
        func loss(at shift: Double) -> Double {
            var p = theta
            p[i] = theta[i] + shift
            problem.flat = p
            return problem.evaluate(gradient: false).loss
        }
        let numeric = (-loss(at: 2 * epsilon) + 8 * loss(at: epsilon) - 8 * loss(at: -epsilon) + loss(at: -2 * epsilon))
            / (12 * epsilon)
        let err = abs(analytic[i] - numeric) / max(abs(analytic[i]), abs(numeric), 1e-4)
        if err > worst { worst = err; at = i }
    }
    return (worst, at, theta.count)
}

let gradientCases: [CheckCase] = CellKind.allCases.flatMap { k in [
    CheckCase(kind: k, wrapping: .single, D: 3, H: 5, B: 2, T: 7, seed: 1),
    CheckCase(kind: k, wrapping: .single, D: 6, H: 4, B: 3, T: 6, seed: 2),
    CheckCase(kind: k, wrapping: .stacked(layers: 3), D: 2, H: 4, B: 2, T: 6, seed: 3),
    CheckCase(kind: k, wrapping: .bidirectional, D: 3, H: 3, B: 2, T: 6, seed: 4),
    // H = 26: the AVX-512 step kernel's panels of 24 rows plus a tail of 2 (G·H = 104 for the
    // LSTM: four full panels and a tail of 8), B = 2 columns (even: the kernel's path).
    CheckCase(kind: k, wrapping: .single, D: 2, H: 26, B: 2, T: 3, seed: 6),
] }

@Test("BPTT gradients of every cell and wrapper match central differences within 1e-6", arguments: gradientCases)
func gradientsMatchCentralDifferences(_ c: CheckCase) {
    let r = worstRelativeError(c)
    print("gradient check \(c): worst relative error \(r.error) at input \(r.index) of \(r.count)")
    #expect(r.error <= 1e-6, "worst relative error \(r.error) at flat index \(r.index)")
}
