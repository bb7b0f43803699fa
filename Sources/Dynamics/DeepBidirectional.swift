import Foundation
import LinearAlgebra
import Recurrence

// Experiment `deep-bidirectional`: gradients at initialisation in depth as well as in time.

/// `deep-bidirectional`: ‖∂L/∂h_t‖ per layer and time step at initialisation, in stacked
/// networks of 1…4 layers and in a bidirectional layer, averaged over seeds.
///
/// The loss is on the **last step only**, L = ⟨g, y⟩ with g ~ N(0, 1), so each norm measures
/// how much of one output's gradient reaches step t and layer ℓ: in a stack y = h_T of the top
/// layer; in the bidirectional layer y = [h→_T; h←_1], the final state of each direction (the
/// usual sequence encoder), so each direction's gradient decays away from its own end. A loss
/// at every step would add fresh gradient at each t and hide the decay.
///
/// Weights W ~ U(−s/√H, s/√H) for W_x and W_h (PyTorch's default at s = 1, so ρ(W_hh) ≈ 1/√3),
/// biases 0 except the LSTM forget bias; inputs x ~ N(0, 1).
public struct DeepBidirectionalSettings: Codable, Sendable, Equatable {
    public var cells: [CellKind] = [.tanh, .lstm]
    public var depths: [Int] = [1, 2, 3, 4]
    public var hidden = 64
    public var input = 32
    public var batch = 16
    public var steps = 50
    public var seeds = 5
    public var initScale = 1.0
    /// Jozefowicz et al. (2015) and char-rnn use 1; reference-science §8 tabulates the effect.
    public var forgetBias = 1.0
    public var bidirectional = true

    public init() {}

    public static var quick: DeepBidirectionalSettings {
        var s = DeepBidirectionalSettings()
        s.hidden = 32; s.input = 16; s.batch = 8; s.steps = 30; s.seeds = 2
        return s
    }
}

/// One layer's (or one direction's) ‖∂L/∂h_t‖ in one network of `deepBidirectional`.
public struct LayerGradientProfile: Codable, Sendable, Equatable {
    public let cell: CellKind
    /// "stacked" or "bidirectional".
    public let architecture: String
    /// Layers in the network (1 for the bidirectional layer).
    public let depth: Int
    /// 1 = the layer that reads the input.
    public let layer: Int
    /// "forward" or "backward" (the bidirectional layer's reverse direction).
    public let direction: String
    /// Mean over seeds of ‖∂L/∂h_t‖ (Frobenius over the batch), t = 1…T in natural time.
    public let norms: [Double]
}

public struct DeepBidirectionalResult: Codable, Sendable {
    public let settings: DeepBidirectionalSettings
    public let profiles: [LayerGradientProfile]
    public let seconds: Double
}

/// Runs every network of `s`. `progress` is called before each network with what is about to
/// run ("lstm depth 3, 3/10"); a caller stops the computation by throwing from it.
public func deepBidirectional(settings s: DeepBidirectionalSettings = .init(),
                              progress: (String) throws -> Void = { _ in }) rethrows -> DeepBidirectionalResult {
    let start = DispatchTime.now().uptimeNanoseconds
    let H = s.hidden, D = s.input, B = s.batch, T = s.steps
    precondition(H >= 1 && D >= 1 && B >= 1 && T >= 1 && s.seeds >= 1 && s.depths.allSatisfy({ $0 >= 1 }),
                 "deep-bidirectional settings out of range: \(s)")
    let initialization = CellInitialization(inputWeights: .uniform(bound: s.initScale / Double(H).squareRoot()),
                                            recurrentWeights: .uniform(bound: s.initScale / Double(H).squareRoot()),
                                            forgetBias: s.forgetBias)
    func parameters(_ kind: CellKind, _ d: Int, _ rng: inout SeededGenerator) -> CellParameters {
        CellParameters(kind: kind, inputSize: d, hiddenSize: H, initialization: initialization, using: &rng)
    }
    func fillGaussian(_ m: MatrixRef, _ rng: inout SeededGenerator) {
        for j in 0..<m.cols { for i in 0..<m.rows { m[i, j] = rng.gaussian() } }
    }
    var profiles: [LayerGradientProfile] = []
    let total = s.cells.count * (s.depths.count + (s.bidirectional ? 1 : 0))
    var done = 0
    for kind in s.cells {
        for L in s.depths {
            try progress("\(kind) depth \(L), \(done + 1)/\(total)")
            var sums = [[Double]](repeating: [Double](repeating: 0, count: T), count: L)
            let net = StackedRNN(kind: kind, inputSize: D, hiddenSize: H, layers: L, batch: B, steps: T)
            net.layers[0].computeInputGradient = false
            for seed in 0..<s.seeds {
                var rng = SeededGenerator(seed: UInt64(1000 * L + seed))
                let ps = (0..<L).map { parameters(kind, $0 == 0 ? D : H, &rng) }
                fillGaussian(net.x, &rng)
                net.forward(ps)
                net.dhLoss.fill(0)
                fillGaussian(net.dhLoss.columns((T - 1) * B, B), &rng)        // L = ⟨g, h_T⟩ of the top layer
                net.backward(ps)
                for l in 0..<L { for t in 0..<T { sums[l][t] += net.layers[l].gradHNorm[t] } }
            }
            for l in 0..<L {
                profiles.append(LayerGradientProfile(cell: kind, architecture: "stacked", depth: L, layer: l + 1,
                                                     direction: "forward", norms: sums[l].map { $0 / Double(s.seeds) }))
            }
            done += 1
        }
        if s.bidirectional {
            try progress("\(kind) bidirectional, \(done + 1)/\(total)")
            var fw = [Double](repeating: 0, count: T), bw = fw
            let net = BidirectionalRNN(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
            for seed in 0..<s.seeds {
                var rng = SeededGenerator(seed: UInt64(9000 + seed))
                let pf = parameters(kind, D, &rng), pb = parameters(kind, D, &rng)
                fillGaussian(net.x, &rng)
                net.forward(pf, pb)
                net.dhLossForward.fill(0); net.dhLossBackward.fill(0)
                fillGaussian(net.dhLossForward.columns((T - 1) * B, B), &rng)  // ∂L/∂h→_T
                fillGaussian(net.dhLossBackward.columns(0, B), &rng)           // ∂L/∂h←_1
                net.backward(pf, pb)
                let f = net.forwardDirection.gradHNorm, b = net.gradHNormBackward
                for t in 0..<T { fw[t] += f[t]; bw[t] += b[t] }
            }
            profiles.append(LayerGradientProfile(cell: kind, architecture: "bidirectional", depth: 1, layer: 1,
                                                 direction: "forward", norms: fw.map { $0 / Double(s.seeds) }))
            profiles.append(LayerGradientProfile(cell: kind, architecture: "bidirectional", depth: 1, layer: 1,
                                                 direction: "backward", norms: bw.map { $0 / Double(s.seeds) }))
            done += 1
        }
    }
    return DeepBidirectionalResult(settings: s, profiles: profiles,
                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
