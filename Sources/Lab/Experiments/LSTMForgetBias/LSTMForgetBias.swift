import Dynamics
import Foundation
import Plotting

/// `lstm-forget-bias` — why b_f = 1: on the LSTM's cell path c_t = f_t∘c_{t−1} + i_t∘g_t the
/// gradient is multiplied by f_t alone, and with near-zero weights f_t ≈ σ(b_f), so
/// ‖∂L/∂c_t‖ ≈ σ(b_f)^{T−t} ‖∂L/∂c_T‖ (reference-science §8; Jozefowicz et al. 2015).
public enum LSTMForgetBias: ExperimentKind {
    public static let name = "lstm-forget-bias"
    public static let roughSeconds = 1.0

    public struct Settings: ExperimentSettings {
        public var forgetBiases = [0.0, 1, 2, 3]
        public var steps = 100
        public var hidden = 64
        public var inputSize = 10
        public var batch = 4
        public var weightScale = 0.001
        public var seed = 1
        public init() {}

        public static let fields: [Setting<Self>] = [
            .doubles("forget_biases", \.forgetBiases, .between(-20, 20),
                     doc: "b_f: one LSTM per value, the same weights otherwise"),
            .int("steps", \.steps, .between(8, 100_000), quick: 40, doc: "T: the loss sits at step T only"),
            .int("hidden", \.hidden, .between(1, 4096), quick: 16, doc: "H, hidden units"),
            .int("input_size", \.inputSize, .between(1, 4096), doc: "D, input size"),
            .int("batch", \.batch, .between(1, 1024), doc: "B: sequences (norms are over the batch)"),
            .double("weight_scale", \.weightScale, .greaterThan(0),
                    doc: "every weight ~ N(0, s²); s → 0 makes f_t = σ(b_f) exactly"),
            .int("seed", \.seed, .atLeast(0), doc: "seed of the weights, inputs and loss gradient"),
        ]
    }

    /// The cell-path gradient for one b_f: the factor per step measured over the middle half of
    /// the sequence against σ(b_f), and the half-lives ln ½ / ln factor.
    public struct Curve: Codable, Sendable, Equatable {
        public var forgetBias: Double
        /// σ(b_f): the predicted factor per step.
        public var predictedFactor: Double
        /// (‖∂L/∂c_{t1}‖ / ‖∂L/∂c_{t2}‖)^{1/(t2 − t1)}, t1 = T/4, t2 = 3T/4.
        public var measuredFactor: Double
        /// measuredFactor / predictedFactor − 1.
        public var relativeError: Double
        public var halfLifeMeasured: Double
        public var halfLifePredicted: Double
        /// The forget gate f_t averaged over all steps, units and batch columns.
        public var meanForgetGate: Double
        /// log₁₀(‖∂L/∂c_t‖ / ‖∂L/∂c_T‖) and (T − t) log₁₀ σ(b_f), t = 1…T: what the figure draws
        /// (kept in its data file, not in the manifest).
        public var log10CellGradient: [Double] = []
        public var log10Prediction: [Double] = []

        enum CodingKeys: String, CodingKey {
            case forgetBias = "forget_bias", predictedFactor = "sigma_b_f", measuredFactor = "measured_factor"
            case relativeError = "relative_error", halfLifeMeasured = "half_life_measured"
            case halfLifePredicted = "half_life_predicted", meanForgetGate = "mean_forget_gate"
        }
    }

    public struct Result: Codable, Sendable {
        public var steps: Int
        public var hidden: Int
        public var weightScale: Double
        /// By b_f: `b_f_0`, `b_f_1`, `b_f_0_5`, `b_f_minus_1`.
        public var forgetBiases: [String: Curve]
        public var maxAbsRelativeError: Double
        public var withinOnePercent: Bool
        /// The curves in the order of the settings' `forget_biases`, for the figures.
        public var curves: [Curve] = []

        enum CodingKeys: String, CodingKey {
            case steps, hidden, weightScale = "weight_scale", forgetBiases = "forget_biases"
            case maxAbsRelativeError = "max_abs_relative_error", withinOnePercent = "within_one_percent"
        }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        context.progress("b_f ∈ \(s.forgetBiases.map(plain))")
        let T = s.steps
        let t1 = T / 4, t2 = 3 * T / 4                    // middle half, 1-based steps
        let curves: [Curve] = s.forgetBiases.map { b_f in
            let dc = lstmCellPathGradient(forgetBias: b_f, hidden: s.hidden, inputSize: s.inputSize, steps: T,
                                          batch: s.batch, weightScale: s.weightScale, seed: UInt64(s.seed))
            let σf = sigmoid(b_f)
            let measured = pow(dc.norms[t1 - 1] / dc.norms[t2 - 1], 1 / Double(t2 - t1))
            return Curve(forgetBias: b_f, predictedFactor: σf, measuredFactor: measured, relativeError: measured / σf - 1,
                         halfLifeMeasured: log(0.5) / log(measured), halfLifePredicted: log(0.5) / log(σf),
                         meanForgetGate: dc.meanForgetGate,
                         log10CellGradient: dc.norms.map { finiteLog10($0 / dc.norms[T - 1]) },
                         log10Prediction: (1...T).map { Double(T - $0) * log10(σf) })
        }
        let worst = curves.map { abs($0.relativeError) }.max() ?? .nan
        return Result(steps: T, hidden: s.hidden, weightScale: s.weightScale,
                      forgetBiases: Dictionary(curves.map { ("b_f_" + snakeKey($0.forgetBias), $0) }) { _, last in last },
                      maxAbsRelativeError: worst, withinOnePercent: worst <= 0.01, curves: curves)
    }

    /// A number as part of a snake_case results key: 2 → "2", 0.5 → "0_5", −1 → "minus_1".
    static func snakeKey(_ x: Double) -> String {
        let text = x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : short(x)
        return text.replacingOccurrences(of: "-", with: "minus_").replacingOccurrences(of: ".", with: "_")
            .replacingOccurrences(of: "+", with: "")
    }
}
