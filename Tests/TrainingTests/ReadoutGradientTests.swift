import Foundation
import LinearAlgebra
import Testing
@testable import Training

@Test("Readout and loss gradients (W_y, b_y, ∂L/∂h_t) match central differences", arguments: [false, true])
func readoutGradients(everyStep: Bool) {
    let H = 4, B = 3, T = 5, O = 2
    let steps = everyStep ? Array(0..<T) : [T - 1]
    let SB = steps.count * B
    var rng = SeededGenerator(seed: 21)
    let hs = rng.gaussianMatrix(rows: H, cols: (T + 1) * B)          // H×(T+1)B, h_0 … h_T
    var p = ReadoutParameters(outputSize: O, hiddenSize: H)
    p.W_y = rng.gaussianMatrix(rows: O, cols: H, std: 0.7)
    p.b_y = (0..<O).map { _ in rng.gaussian() }
    let targets = rng.gaussianMatrix(rows: O, cols: SB)
    let head = ReadoutWorkspace(hiddenSize: H, outputSize: O, batch: B, lossSteps: steps)

    func loss(_ p: ReadoutParameters, _ hs: Matrix) -> Double {
        hs.withRef { head.forward(p, hs: $0, targets: targets) }
    }
    _ = loss(p, hs)
    var dhLoss = Matrix(rows: H, cols: T * B, repeating: 7)            // must be overwritten everywhere
    dhLoss.withMutableRef { head.backward(p, dhLoss: $0) }
    let grads = head.gradients

    let eps = 1e-6
    var worst = 0.0
    func central(_ f: (Double) -> Double) -> Double { (f(eps) - f(-eps)) / (2 * eps) }
    for k in p.W_y.elements.indices {
        let d = central { e in var q = p; q.W_y.elements[k] += e; return loss(q, hs) }
        worst = max(worst, abs(d - grads.W_y.elements[k]))
    }
    for k in p.b_y.indices {
        let d = central { e in var q = p; q.b_y[k] += e; return loss(q, hs) }
        worst = max(worst, abs(d - grads.b_y[k]))
    }
    for t in 0..<T {                                                   // ∂L/∂h_{t+1} sits in dhLoss block t
        for j in 0..<B { for i in 0..<H {
            let col = (t + 1) * B + j
            let d = central { e in var g = hs; g[i, col] += e; return loss(p, g) }
            worst = max(worst, abs(d - dhLoss[i, t * B + j]))
            if !steps.contains(t) { #expect(dhLoss[i, t * B + j] == 0) }
        } }
    }
    #expect(worst < 1e-8, "\(everyStep ? "every step" : "last step"): largest |analytic − central difference| = \(worst)")
}
