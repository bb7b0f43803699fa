import Foundation
import LinearAlgebra
import Recurrence

/// `io-patterns` — the lecture's input/output patterns (one-to-one, one-to-many, many-to-one,
/// many-to-many), each one small computation with one seeded tanh RNN and a linear readout
///
///     h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h),   y_t = W_hy h_t + b_y
///
/// over T steps. The patterns differ only in which x_t are fed and which y_t are read; the
/// weights are the same for all of them. For every pair of an input step t and an output step s
/// the run measures ‖∂y_s/∂x_t‖ (the K×D Jacobian's Frobenius norm, by backpropagation through
/// time), which draws each pattern as the inputs each output can see.
public enum IOPatterns: ExperimentKind {
    public static let name = "io-patterns"
    public static let roughSeconds = 0.1

    public struct Settings: ExperimentSettings {
        public var steps = 6
        public var inputSize = 3
        public var hidden = 8
        public var outputs = 2
        public var seed = 1
        public init() {}

        public static let fields: [Setting<Self>] = [
            .int("steps", \.steps, .between(2, 64), quick: 4,
                 doc: "T: steps of the unrolled network (the encoder–decoder reads the first ⌈T/2⌉, writes the rest)"),
            .int("input_size", \.inputSize, .between(1, 256), doc: "D: entries of each input x_t ~ N(0, 1)"),
            .int("hidden", \.hidden, .between(1, 256), doc: "H: hidden units"),
            .int("outputs", \.outputs, .between(1, 256), doc: "K: entries of each output y_t = W_hy h_t + b_y"),
            .int("seed", \.seed, .between(0, Int(Int32.max)), doc: "seed of the weights and the inputs"),
        ]
    }

    /// The five patterns, in the lecture's order (many-to-many twice: aligned, and read-then-write).
    public enum Pattern: String, CaseIterable, Sendable, Codable {
        case oneToOne = "one_to_one"
        case oneToMany = "one_to_many"
        case manyToOne = "many_to_one"
        case manyToMany = "many_to_many"
        case encoderDecoder = "encoder_decoder"

        public var title: String {
            switch self {
            case .oneToOne: return "one-to-one"
            case .oneToMany: return "one-to-many"
            case .manyToOne: return "many-to-one"
            case .manyToMany: return "many-to-many"
            case .encoderDecoder: return "many-to-many (encoder–decoder)"
            }
        }

        /// The lecture's example of the pattern.
        public var example: String {
            switch self {
            case .oneToOne: return "image → class (no recurrence)"
            case .oneToMany: return "image → caption"
            case .manyToOne: return "sentence → sentiment"
            case .manyToMany: return "word → tag, language model"
            case .encoderDecoder: return "sentence → translation"
            }
        }

        /// One-to-one is a feed-forward net: each of the T inputs is a separate run from h_0 = 0.
        public var separateRuns: Bool { self == .oneToOne }

        /// The steps (1-based) whose x_t is fed; the others get x_t = 0, which is no input at all.
        public func inputSteps(_ T: Int) -> [Int] {
            switch self {
            case .oneToOne, .manyToOne, .manyToMany: return Array(1...T)
            case .oneToMany: return [1]
            case .encoderDecoder: return Array(1...(T + 1) / 2)
            }
        }

        /// The steps whose y_t is read.
        public func outputSteps(_ T: Int) -> [Int] {
            switch self {
            case .oneToOne, .oneToMany, .manyToMany: return Array(1...T)
            case .manyToOne: return [T]
            case .encoderDecoder: return Array((T + 1) / 2 + 1...T)
            }
        }
    }

    /// One pattern's run.
    public struct PatternResult: Codable, Sendable, Equatable {
        public var pattern: Pattern
        public var inputSteps: [Int]
        public var outputSteps: [Int]
        /// [steps fed, D] and [steps read, K]: what goes in and what comes out.
        public var inputShape: [Int]
        public var outputShape: [Int]
        /// 1, or T for one-to-one (T separate single-step runs).
        public var runs: Int
        /// y_s for each output step, in order (K entries each).
        public var outputs: [[Double]]
        /// (input step, output step) pairs, and those with ∂y_s/∂x_t exactly 0: no path in the
        /// unrolled graph leads from x_t to y_s.
        public var pairs: Int
        public var pairsWithoutPath: Int
        /// ‖∂y_s/∂x_t‖ for the first input step at the first output step, and for the first and
        /// the last input step at the last output step.
        public var sensitivityFirstInputFirstOutput: Double
        public var sensitivityFirstInputLastOutput: Double
        public var sensitivityLastInputLastOutput: Double
        /// ‖∂y_s/∂x_t‖ at [s − 1][t − 1], NaN where t is not fed or s is not read (the figure's
        /// data, not in the manifest).
        public var sensitivity: [[Double]] = []

        enum CodingKeys: String, CodingKey {
            case pattern, inputSteps = "input_steps", outputSteps = "output_steps", inputShape = "input_shape"
            case outputShape = "output_shape", runs, outputs, pairs, pairsWithoutPath = "pairs_without_path"
            case sensitivityFirstInputFirstOutput = "sensitivity_first_input_first_output"
            case sensitivityFirstInputLastOutput = "sensitivity_first_input_last_output"
            case sensitivityLastInputLastOutput = "sensitivity_last_input_last_output"
        }
    }

    public struct Result: Codable, Sendable {
        public var steps: Int
        public var inputSize: Int
        public var hidden: Int
        public var outputs: Int
        /// W_xh, W_hh, b_h, W_hy, b_y: one set of weights serves every pattern.
        public var parameters: Int
        /// By `Pattern.rawValue`.
        public var patterns: [String: PatternResult]

        enum CodingKeys: String, CodingKey {
            case steps, inputSize = "input_size", hidden, outputs, parameters, patterns
        }

        /// The patterns in the lecture's order.
        public var ordered: [PatternResult] { Pattern.allCases.compactMap { patterns[$0.rawValue] } }
    }

    /// The network and the inputs every pattern shares, drawn from the seed in this order: the
    /// cell (PyTorch's U(±1/√H) for W_xh, W_hh, b_h), W_hy and b_y (the same law), then x_1…x_T.
    public struct Model: Sendable {
        public var cell: CellParameters
        public var W_hy: Matrix      // K×H
        public var b_y: [Double]     // K
        public var x: [[Double]]     // T inputs of D entries

        public init(_ s: Settings) {
            var rng = SeededGenerator(seed: UInt64(s.seed))
            let bound = 1 / Double(s.hidden).squareRoot()
            cell = CellParameters(kind: .tanh, inputSize: s.inputSize, hiddenSize: s.hidden,
                                  initialization: .uniform(bound: bound), using: &rng)
            W_hy = WeightInitializer.uniform(bound: bound).matrix(rows: s.outputs, cols: s.hidden, using: &rng)
            b_y = WeightInitializer.uniform(bound: bound).matrix(rows: s.outputs, cols: 1, using: &rng).elements
            x = (0..<s.steps).map { _ in (0..<s.inputSize).map { _ in rng.gaussian() } }
        }

        /// y = W_hy h + b_y.
        public func readout(_ h: [Double]) -> [Double] { zip(W_hy.applied(to: h), b_y).map { $0 + $1 } }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let model = Model(s)
        var patterns: [String: PatternResult] = [:]
        for pattern in Pattern.allCases {
            try context.checkCancelled()
            context.progress(pattern.title)
            patterns[pattern.rawValue] = measure(pattern, model: model, steps: s.steps)
        }
        let D = s.inputSize, H = s.hidden, K = s.outputs
        return Result(steps: s.steps, inputSize: D, hidden: H, outputs: K,
                      parameters: model.cell.parameterCount + model.W_hy.elements.count + model.b_y.count, patterns: patterns)
    }

    /// Runs `pattern` forwards, reads its outputs, and measures ‖∂y_s/∂x_t‖ for every input step t
    /// and output step s: one backward pass per output entry y_{s,k}, whose upstream gradient at
    /// step s is row k of W_hy, so that ∂L/∂x_t = ∂y_{s,k}/∂x_t.
    static func measure(_ pattern: Pattern, model: Model, steps T: Int) -> PatternResult {
        let D = model.cell.inputSize, K = model.W_hy.rows
        let fed = pattern.inputSteps(T), read = pattern.outputSteps(T)
        // One-to-one: T sequences of one step side by side (batch column b holds item b + 1);
        // otherwise one sequence of T steps. Either way x_t, ∂ℓ/∂h_t and ∂L/∂x_t of step (or
        // item) t sit in column t − 1, and h_t in column `hidden(t)` of `hs`, after h_0's columns.
        let bptt = pattern.separateRuns
            ? BPTT(kind: .tanh, inputSize: D, hiddenSize: model.cell.hiddenSize, batch: T, steps: 1)
            : BPTT(kind: .tanh, inputSize: D, hiddenSize: model.cell.hiddenSize, batch: 1, steps: T)
        func column(_ t: Int) -> Int { t - 1 }
        func hidden(_ t: Int) -> Int { pattern.separateRuns ? T + t - 1 : t }
        bptt.x.fill(0)
        for t in fed { for d in 0..<D { bptt.x[d, column(t)] = model.x[t - 1][d] } }
        bptt.hs.columns(0, bptt.batch).fill(0)                                  // h_0 = 0

        bptt.forward(model.cell)
        let outputs = read.map { s in model.readout((0..<model.cell.hiddenSize).map { bptt.hs[$0, hidden(s)] }) }

        var sensitivity = [[Double]](repeating: [Double](repeating: .nan, count: T), count: T)
        var squares = [[Double]](repeating: [Double](repeating: 0, count: T), count: T)
        for s in read {
            for k in 0..<K {
                bptt.dhLoss.fill(0)
                for j in 0..<model.cell.hiddenSize { bptt.dhLoss[j, column(s)] = model.W_hy[k, j] }
                bptt.forward(model.cell)              // backward consumes the forward's caches
                bptt.backward(model.cell)
                for t in fed { squares[s - 1][t - 1] += (0..<D).reduce(0) { $0 + pow(bptt.dx[$1, column(t)], 2) } }
            }
        }
        var withoutPath = 0
        for s in read { for t in fed {
            sensitivity[s - 1][t - 1] = squares[s - 1][t - 1].squareRoot()
            if squares[s - 1][t - 1] == 0 { withoutPath += 1 }
        } }
        let first = read[0], last = read[read.count - 1]
        return PatternResult(pattern: pattern, inputSteps: fed, outputSteps: read, inputShape: [fed.count, D],
                             outputShape: [read.count, K], runs: pattern.separateRuns ? T : 1, outputs: outputs,
                             pairs: fed.count * read.count, pairsWithoutPath: withoutPath,
                             sensitivityFirstInputFirstOutput: sensitivity[first - 1][fed[0] - 1],
                             sensitivityFirstInputLastOutput: sensitivity[last - 1][fed[0] - 1],
                             sensitivityLastInputLastOutput: sensitivity[last - 1][fed[fed.count - 1] - 1],
                             sensitivity: sensitivity)
    }
}
