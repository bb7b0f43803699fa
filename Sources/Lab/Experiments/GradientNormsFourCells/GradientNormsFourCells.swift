import Dynamics
import Foundation
import Plotting

/// `gradient-norms-four-cells` — the lecture's headline figure: put the loss on the last step T and
/// measure how much of its gradient reaches step t, ‖∂L/∂h_t‖/‖∂L/∂h_T‖, for tanh, IRNN, LSTM and
/// GRU at initialisation, over many seeds. tanh vanishes (each step multiplies by
/// W_hhᵀ diag(1 − h²)), far below its bound (γ σ_max)^{T−t}; the IRNN keeps the norm (W_hh = I and
/// every unit active); the gated cells sit in between, the LSTM's cell path c decaying by f per step.
public enum GradientNormsFourCells: ExperimentKind {
    public static let name = "gradient-norms-four-cells"
    public static let roughSeconds = 3.0

    public struct Settings: ExperimentSettings {
        public var cells = GradientCell.allCases
        public var steps = 200
        public var hidden = 128
        public var inputSize = 10
        public var batch = 4
        public var seeds = 10
        public var firstSeed = 1
        public var tanhGain = 1.0
        public var forgetBias = 1.0
        public var irnnInputStd = 0.001
        public var inputStd = 1.0
        public var initialStateStd = 0.5
        public init() {}

        // tanh_gain stops at 10⁶: at 1e308 σ_max is infinite and the figure's Int(log₁₀ bound) traps.
        public static let fields: [Setting<Self>] = [
            .choices("cells", \.cells, doc: "the cells compared"),
            .int("steps", \.steps, .between(2, 100_000), quick: 60, doc: "T: the loss sits at step T only"),
            .int("hidden", \.hidden, .between(1, 4096), quick: 32, doc: "H, hidden units"),
            .int("input_size", \.inputSize, .between(1, 4096), doc: "D, input size"),
            .int("batch", \.batch, .between(1, 1024), doc: "B: sequences per seed (norms are over the batch)"),
            .int("seeds", \.seeds, .between(1, 1000), quick: 3, doc: "number of seeds (initialisations) per cell"),
            .int("first_seed", \.firstSeed, .atLeast(0), doc: "seeds are first_seed, first_seed + 1, …"),
            .double("tanh_gain", \.tanhGain, Interval(lower: 0, lowerIsOpen: true, upper: 1e6), doc: "g of the tanh cell's W_hh ~ N(0, g²/H)"),
            .double("forget_bias", \.forgetBias, .all, doc: "b_f of the LSTM"),
            .double("irnn_input_std", \.irnnInputStd, .atLeast(0), doc: "σ_x of the IRNN's W_xh ~ N(0, σ_x²)"),
            .double("input_std", \.inputStd, .atLeast(0), doc: "x_t ~ N(0, s²)"),
            .double("initial_state_std", \.initialStateStd, .atLeast(0),
                    doc: "h_0 ~ N(0, s²) (|·| for the IRNN, so its units start active)"),
        ]

        /// How each network is drawn, as the library's measurement takes it.
        var network: GradientNormSettings {
            GradientNormSettings(hidden: hidden, inputSize: inputSize, steps: steps, batch: batch, tanhGain: tanhGain,
                                 forgetBias: forgetBias, irnnInputWeightStd: irnnInputStd, inputStd: inputStd,
                                 initialStateStd: initialStateStd)
        }
    }

    /// One cell over all seeds, normalised per seed so ‖∂L/∂h_T‖ = 1.
    public struct Curve: Sendable, Equatable {
        public var cell: GradientCell
        /// log₁₀(‖∂L/∂h_t‖ / ‖∂L/∂h_T‖), t = 1…T: geometric mean and band over seeds.
        public var h: LogBand
        /// log₁₀(‖∂L/∂c_t‖ / ‖∂L/∂h_T‖) (LSTM only).
        public var c: LogBand?
        /// σ_max(W_hh) per seed.
        public var sigmaMaxPerSeed: [Double]
        /// tanh only: log₁₀ of the bound (γ σ_max)^{T−t}, γ = 1, with σ_max the geometric mean over
        /// seeds (each seed's own bound holds for that seed).
        public var boundLog10: [Double]?
        /// 10^{h.mean[0]/(T − 1)}: the geometric-mean factor per step.
        public var factorPerStep: Double
    }

    /// Per cell: log₁₀(‖∂L/∂h_1‖/‖∂L/∂h_T‖) (mean, min and max over seeds) and the factor per step;
    /// for the LSTM its cell path beside σ(b_f); for tanh σ_max(W_hh) beside 2g and the bound.
    public struct Cell: Codable, Sendable, Equatable {
        public var log10Dh1OverDhT: Double
        public var factorPerStep: Double
        public var log10Dh1OverDhTMin: Double
        public var log10Dh1OverDhTMax: Double
        public var log10Dc1OverDhT: Double?
        public var cellFactorPerStep: Double?
        public var forgetGatePrediction: Double?
        public var sigmaMaxMean: Double?
        public var sigmaMaxExpected: Double?
        public var log10BoundAtFirstStep: Double?

        enum CodingKeys: String, CodingKey {
            case log10Dh1OverDhT = "log10_dh1_over_dhT", factorPerStep = "factor_per_step"
            case log10Dh1OverDhTMin = "log10_dh1_over_dhT_min", log10Dh1OverDhTMax = "log10_dh1_over_dhT_max"
            case log10Dc1OverDhT = "log10_dc1_over_dhT", cellFactorPerStep = "cell_factor_per_step"
            case forgetGatePrediction = "forget_gate_prediction", sigmaMaxMean = "sigma_max_mean"
            case sigmaMaxExpected = "sigma_max_expected", log10BoundAtFirstStep = "log10_bound_at_first_step"
        }
    }

    public struct Result: Codable, Sendable {
        public var steps: Int
        public var hidden: Int
        public var seeds: Int
        /// By the cell's name: `tanh`, `irnn`, `lstm`, `gru`.
        public var cells: [String: Cell]
        /// The curves the figures draw (kept in their data files, not in the manifest).
        public var curves: [Curve] = []

        enum CodingKeys: String, CodingKey { case steps, hidden, seeds, cells }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let network = s.network
        let T = s.steps
        let first = UInt64(s.firstSeed)
        let seeds = (0..<UInt64(s.seeds)).map { first + $0 }
        var curves: [Curve] = []
        for cell in s.cells {                      // one cell at a time: progress and Ctrl-C between cells
            try context.checkCancelled()
            context.progress("\(cell.rawValue), \(seeds.count) seeds")
            let runs = try seeds.map { try gradientNormRun(cell, seed: $0, settings: network) }
            let h = LogBand(perSeed: runs.map { r in r.hNorms.map { finiteLog10($0 / r.hNorms[T - 1]) } })
            let c = cell == .lstm
                ? LogBand(perSeed: runs.map { r in r.cNorms.map { finiteLog10($0 / r.hNorms[T - 1]) } }) : nil
            let σ = runs.map(\.sigmaMax)
            let logσ = mean(σ.map { log10($0) })
            curves.append(Curve(cell: cell, h: h, c: c, sigmaMaxPerSeed: σ,
                                boundLog10: cell == .tanh ? (1...T).map { Double(T - $0) * logσ } : nil,
                                factorPerStep: pow(10, h.mean[0] / Double(T - 1))))
        }
        var cells: [String: Cell] = [:]
        for c in curves {
            var o = Cell(log10Dh1OverDhT: c.h.mean[0], factorPerStep: c.factorPerStep,
                         log10Dh1OverDhTMin: c.h.min[0], log10Dh1OverDhTMax: c.h.max[0])
            if let band = c.c {
                o.log10Dc1OverDhT = band.mean[0]
                o.cellFactorPerStep = pow(10, (band.mean[0] - band.mean[T - 1]) / Double(T - 1))
                o.forgetGatePrediction = sigmoid(s.forgetBias)
            }
            if c.cell == .tanh {
                o.sigmaMaxMean = mean(c.sigmaMaxPerSeed)
                o.sigmaMaxExpected = 2 * s.tanhGain
                o.log10BoundAtFirstStep = c.boundLog10?[0] ?? .nan
            }
            cells[c.cell.rawValue] = o
        }
        return Result(steps: T, hidden: s.hidden, seeds: seeds.count, cells: cells, curves: curves)
    }
}
