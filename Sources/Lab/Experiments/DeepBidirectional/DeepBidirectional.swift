import Dynamics
import Foundation
import Plotting
import Recurrence

/// `deep-bidirectional` — gradients vanish in depth as well as in time: ‖∂L/∂h_t^(ℓ)‖ for every
/// layer ℓ and step t of stacked tanh and LSTM networks (1–4 layers) at initialisation, with the
/// loss on the last step of the top layer, and in a bidirectional layer whose two directions
/// each carry the gradient away from their own end (drawn separately), mean over seeds.
///
/// Weights W ~ U(−s/√H, s/√H) for W_x and W_h (PyTorch's default at s = 1, so ρ(W_hh) ≈ 1/√3),
/// biases 0 except the LSTM forget bias; inputs x ~ N(0, 1) (`stackedGradientNorms`,
/// `bidirectionalGradientNorms`).
public enum DeepBidirectional: ExperimentKind {
    public static let name = "deep-bidirectional"
    public static let roughSeconds = 5.0

    public struct Settings: ExperimentSettings {
        public var cells: [CellKind] = [.tanh, .lstm]
        public var depths = [1, 2, 3, 4]
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

        public static let fields: [Setting<Self>] = [
            .choices("cells", \.cells, doc: "the cells compared, one figure each"),
            .ints("depths", \.depths, .between(1, 16), doc: "layers of each stacked network"),
            .int("hidden", \.hidden, .between(1, 4096), quick: 32, doc: "H, units per layer"),
            .int("input_size", \.input, .between(1, 4096), quick: 16, doc: "D, input size of layer 1"),
            .int("batch", \.batch, .between(1, 1024), quick: 8, doc: "B: sequences (norms are over the batch)"),
            .int("steps", \.steps, .between(2, 10_000), quick: 30, doc: "T: the loss sits on the last step"),
            .int("seeds", \.seeds, .between(1, 1000), quick: 2, doc: "initialisations averaged"),
            .double("init_scale", \.initScale, .greaterThan(0), doc: "s of W ~ U(−s/√H, s/√H) (PyTorch's default at 1)"),
            .double("forget_bias", \.forgetBias, .all, doc: "b_f of the LSTM"),
            .bool("bidirectional", \.bidirectional, doc: "also measure a bidirectional layer"),
        ]
    }

    /// One layer's (or one direction's) ‖∂L/∂h_t‖ in one network: the figures' curves.
    public struct LayerProfile: Sendable, Equatable {
        public var cell: CellKind
        /// "stacked" or "bidirectional".
        public var architecture: String
        /// Layers in the network (1 for the bidirectional layer).
        public var depth: Int
        /// 1 = the layer that reads the input.
        public var layer: Int
        /// "forward" or "backward" (the bidirectional layer's reverse direction).
        public var direction: String
        /// Mean over seeds of ‖∂L/∂h_t‖ (Frobenius over the batch), t = 1…T in natural time.
        public var norms: [Double]
    }

    /// One layer of a stack, as log₁₀ ratios of its gradient norms; null where a norm underflowed to 0.
    public struct LayerRatios: Codable, Sendable, Equatable {
        /// Back in time within the layer: ‖∂L/∂h_1^(ℓ)‖ / ‖∂L/∂h_T^(ℓ)‖.
        @NullIfNotFinite public var log10FirstOverLastStep: Double
        /// Down in depth at the loss's step: ‖∂L/∂h_T^(ℓ)‖ / ‖∂L/∂h_T^(L)‖.
        @NullIfNotFinite public var log10LayerOverTopAtLastStep: Double
        /// Both: the bottom-left corner against the loss, ‖∂L/∂h_1^(ℓ)‖ / ‖∂L/∂h_T^(L)‖.
        @NullIfNotFinite public var log10FirstStepOverTopLastStep: Double

        enum CodingKeys: String, CodingKey {
            case log10FirstOverLastStep = "log10_first_over_last_step"
            case log10LayerOverTopAtLastStep = "log10_layer_over_top_at_last_step"
            case log10FirstStepOverTopLastStep = "log10_first_step_over_top_last_step"
        }
    }

    /// The bidirectional layer: each direction's decay away from its own end.
    public struct BidirectionalRatios: Codable, Sendable, Equatable {
        /// log₁₀ ‖∂L/∂h→_1‖ / ‖∂L/∂h→_T‖.
        @NullIfNotFinite public var forwardLog10FirstOverLastStep: Double
        /// log₁₀ ‖∂L/∂h←_T‖ / ‖∂L/∂h←_1‖.
        @NullIfNotFinite public var backwardLog10LastOverFirstStep: Double

        enum CodingKeys: String, CodingKey {
            case forwardLog10FirstOverLastStep = "forward_log10_first_over_last_step"
            case backwardLog10LastOverFirstStep = "backward_log10_last_over_first_step"
        }
    }

    public struct CellResult: Codable, Sendable, Equatable {
        /// By `depth_L`, then `layer_ℓ`.
        public var stacked: [String: [String: LayerRatios]]
        /// Absent when `bidirectional` is false.
        public var bidirectional: BidirectionalRatios?
    }

    public struct Result: Codable, Sendable {
        /// By cell: `cells["tanh"].stacked["depth_4"]["layer_1"]`.
        public var cells: [String: CellResult]
        public var steps: Int
        public var hidden: Int
        public var seeds: Int
        public var seconds: Double
        /// Every network's curves (the figures' data; not in the manifest).
        public var profiles: [LayerProfile] = []

        enum CodingKeys: String, CodingKey { case cells, steps, hidden, seeds, seconds }

        public func profile(_ cell: CellKind, _ architecture: String, depth: Int, layer: Int, _ direction: String = "forward") -> LayerProfile? {
            profiles.first { $0.cell == cell && $0.architecture == architecture && $0.depth == depth && $0.layer == layer
                && $0.direction == direction }
        }
    }

    /// Every network of the settings, each a mean over `seeds` draws: the stack of L layers with
    /// seed 1000·L + k, the bidirectional layer with 9000 + k, k = 0 … seeds − 1 (the same draws
    /// for every cell).
    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let H = s.hidden, D = s.input, B = s.batch, T = s.steps
        let bound = s.initScale / Double(H).squareRoot()
        let initialization = CellInitialization(inputWeights: .uniform(bound: bound), recurrentWeights: .uniform(bound: bound),
                                                forgetBias: s.forgetBias)
        func mean(_ sum: [Double]) -> [Double] { sum.map { $0 / Double(s.seeds) } }
        var profiles: [LayerProfile] = []
        let total = s.cells.count * (s.depths.count + (s.bidirectional ? 1 : 0))
        var done = 0
        for kind in s.cells {
            for L in s.depths {
                try context.checkCancelled()
                context.progress("\(kind) depth \(L), \(done + 1)/\(total)")
                var sums = [[Double]](repeating: [Double](repeating: 0, count: T), count: L)
                for seed in 0..<s.seeds {
                    let norms = stackedGradientNorms(kind: kind, inputSize: D, hiddenSize: H, layers: L, batch: B, steps: T,
                                                     initialization: initialization, seed: UInt64(1000 * L + seed))
                    for l in 0..<L { for t in 0..<T { sums[l][t] += norms[l][t] } }
                }
                for l in 0..<L {
                    profiles.append(LayerProfile(cell: kind, architecture: "stacked", depth: L, layer: l + 1, direction: "forward",
                                            norms: mean(sums[l])))
                }
                done += 1
            }
            if s.bidirectional {
                try context.checkCancelled()
                context.progress("\(kind) bidirectional, \(done + 1)/\(total)")
                var fw = [Double](repeating: 0, count: T), bw = fw
                for seed in 0..<s.seeds {
                    let (f, b) = bidirectionalGradientNorms(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T,
                                                            initialization: initialization, seed: UInt64(9000 + seed))
                    for t in 0..<T { fw[t] += f[t]; bw[t] += b[t] }
                }
                profiles.append(LayerProfile(cell: kind, architecture: "bidirectional", depth: 1, layer: 1, direction: "forward", norms: mean(fw)))
                profiles.append(LayerProfile(cell: kind, architecture: "bidirectional", depth: 1, layer: 1, direction: "backward", norms: mean(bw)))
                done += 1
            }
        }
        var r = Result(cells: [:], steps: T, hidden: H, seeds: s.seeds,
                       seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, profiles: profiles)
        for kind in s.cells {
            var cell = CellResult(stacked: [:], bidirectional: nil)
            for L in s.depths {
                let layers = (1...L).compactMap { r.profile(kind, "stacked", depth: L, layer: $0) }
                guard let top = layers.last?.norms else { continue }
                var o: [String: LayerRatios] = [:]
                for p in layers {
                    o["layer_\(p.layer)"] = LayerRatios(log10FirstOverLastStep: log10(p.norms[0] / p.norms[T - 1]),
                                                        log10LayerOverTopAtLastStep: log10(p.norms[T - 1] / top[T - 1]),
                                                        log10FirstStepOverTopLastStep: log10(p.norms[0] / top[T - 1]))
                }
                cell.stacked["depth_\(L)"] = o
            }
            if let f = r.profile(kind, "bidirectional", depth: 1, layer: 1)?.norms,
               let b = r.profile(kind, "bidirectional", depth: 1, layer: 1, "backward")?.norms {
                cell.bidirectional = BidirectionalRatios(forwardLog10FirstOverLastStep: log10(f[0] / f[T - 1]),
                                                         backwardLog10LastOverFirstStep: log10(b[T - 1] / b[0]))
            }
            r.cells[kind.rawValue] = cell
        }
        return r
    }
}
