import Foundation
import LinearAlgebra
import Recurrence

// Gradients at initialisation in depth as well as in time: ‖∂L/∂h_t^(ℓ)‖ of one stacked network,
// and of one bidirectional layer, for one draw of weights, inputs and loss.
//
// The loss is on the **last step only**, L = ⟨g, y⟩ with g ~ N(0, 1), so each norm measures how
// much of one output's gradient reaches step t and layer ℓ: in a stack y = h_T of the top layer;
// in the bidirectional layer y = [h→_T; h←_1], the final state of each direction (the usual
// sequence encoder), so each direction's gradient decays away from its own end. A loss at every
// step would add fresh gradient at each t and hide the decay. Inputs x ~ N(0, 1).

/// ‖∂L/∂h_t^(ℓ)‖ (Frobenius over the batch) of a stack of L layers, `[ℓ − 1][t − 1]` for layer ℓ
/// (1 reads x) and step t = 1…T, with L = ⟨g, h_T^(L)⟩. Drawn from `seed`, in this order: each
/// layer's parameters bottom first (`initialization`), x (D×TB), g (H×B).
public func stackedGradientNorms(kind: CellKind, inputSize D: Int, hiddenSize H: Int, layers L: Int, batch B: Int,
                                 steps T: Int, initialization: CellInitialization, seed: UInt64) -> [[Double]] {
    precondition(D >= 1 && H >= 1 && L >= 1 && B >= 1 && T >= 1, "stackedGradientNorms: D \(D), H \(H), L \(L), B \(B), T \(T)")
    let net = StackedRNN(kind: kind, inputSize: D, hiddenSize: H, layers: L, batch: B, steps: T)
    net.layers[0].computeInputGradient = false
    var rng = SeededGenerator(seed: seed)
    let ps = (0..<L).map { CellParameters(kind: kind, inputSize: $0 == 0 ? D : H, hiddenSize: H, initialization: initialization, using: &rng) }
    fillGaussian(net.x, &rng)
    net.forward(ps)
    net.dhLoss.fill(0)
    fillGaussian(net.dhLoss.columns((T - 1) * B, B), &rng)        // L = ⟨g, h_T⟩ of the top layer
    net.backward(ps)
    return net.layers.map(\.gradHNorm)
}

/// ‖∂L/∂h→_t‖ and ‖∂L/∂h←_t‖ (t = 1…T, natural time) of one bidirectional layer with
/// L = ⟨g→, h→_T⟩ + ⟨g←, h←_1⟩. Drawn from `seed`, in this order: the forward direction's
/// parameters, the backward direction's, x (D×TB), g→ (H×B), g← (H×B).
public func bidirectionalGradientNorms(kind: CellKind, inputSize D: Int, hiddenSize H: Int, batch B: Int, steps T: Int,
                                       initialization: CellInitialization, seed: UInt64) -> (forward: [Double], backward: [Double]) {
    precondition(D >= 1 && H >= 1 && B >= 1 && T >= 1, "bidirectionalGradientNorms: D \(D), H \(H), B \(B), T \(T)")
    let net = BidirectionalRNN(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
    var rng = SeededGenerator(seed: seed)
    let pf = CellParameters(kind: kind, inputSize: D, hiddenSize: H, initialization: initialization, using: &rng)
    let pb = CellParameters(kind: kind, inputSize: D, hiddenSize: H, initialization: initialization, using: &rng)
    fillGaussian(net.x, &rng)
    net.forward(pf, pb)
    net.dhLossForward.fill(0); net.dhLossBackward.fill(0)
    fillGaussian(net.dhLossForward.columns((T - 1) * B, B), &rng)  // ∂L/∂h→_T
    fillGaussian(net.dhLossBackward.columns(0, B), &rng)           // ∂L/∂h←_1
    net.backward(pf, pb)
    return (net.forwardDirection.gradHNorm, net.gradHNormBackward)
}

/// Every entry N(0, 1), column by column.
private func fillGaussian(_ m: MatrixRef, _ rng: inout SeededGenerator) {
    for j in 0..<m.cols { for i in 0..<m.rows { m[i, j] = rng.gaussian() } }
}
