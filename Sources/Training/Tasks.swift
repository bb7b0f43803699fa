import Foundation
import LinearAlgebra

/// The synthetic long-range tasks of the lecture, as seeded generators of any length T and batch B.
///
/// Legend: D input size, O output size (classes for classification), T time steps, B batch,
/// S the number of steps that carry a loss. Inputs use the BPTT layout: x is D×TB and column
/// t·B + b is step t (0-based) of sequence b, so step t's block is columns t·B ..< (t+1)·B.
/// The output read at step t is h_{t+1} of the BPTT loop (h_0 is the initial state).
public enum TaskKind: String, CaseIterable, Codable, Sendable {
    /// Adding problem as Le, Jaitly & Hinton (2015, §4.1) and Bai et al.'s TCN code pose it:
    /// channel 0 holds values u_t ~ U[0, 1], channel 1 a marker with exactly two 1s at distinct
    /// positions drawn anywhere in 0..<T; target y = u_p + u_q (the sum); MSE on the last step.
    case adding
    /// Pascanu, Mikolov & Bengio (2013, §4; `addition.py`): the same channels, first marker
    /// in [0, 0.1T), second in [0.1T, 0.5T); target the mean (u_p + u_q)/2; MSE on the last step.
    case addingMean
    /// Temporal order (Hochreiter & Schmidhuber 1997; Pascanu et al. 2013 `tempOrder.py`):
    /// 6 one-hot symbols; every step shows a distractor 2…5 except p0 ∈ [0.1T, 0.2T) and
    /// p1 ∈ [0.5T, 0.6T), which show v0, v1 ∈ {0, 1}. Class v0 + 2·v1 (4 classes), softmax
    /// cross-entropy on the last step.
    case temporalOrder
    /// Copy / noiseless memorisation (Hochreiter & Schmidhuber 1997; Pascanu et al. `mem`;
    /// Arjovsky et al. 2016's layout): steps 0..<L show a pattern of L symbols from 0..<K,
    /// then blanks, a "go" marker at step T−L−1, blanks again; the targets are the blank class
    /// K at every step except the last L, which must reproduce the pattern. Cross-entropy on
    /// EVERY step (Pascanu's mem), so a memoryless model can reach L·ln K / T; accuracy is
    /// scored on the last L steps only. Inputs: K symbols, blank (K), go (K+1), so D = K + 2;
    /// outputs O = K + 1.
    case copy
}

/// How the readout's output is scored.
public enum Objective: String, Codable, Sendable {
    /// L = (1/N) Σ (y − target)² over the N = S·B·O scored outputs (no ½, so the adding
    /// problem's constant-predictor baseline is exactly Var(target)).
    case meanSquaredError
    /// L = −(1/(S·B)) Σ log softmax(y)_class over the S·B scored outputs.
    case crossEntropy
}

/// A task and its sizes. T counts every input step (for `copy` it includes the pattern, the
/// blank stretch, the go marker and the recall steps, so the delay is T − 2L).
public struct TaskSpec: Codable, Sendable, Equatable {
    public var kind: TaskKind
    public var steps: Int               // T
    public var symbols: Int             // K, copy only (Pascanu's mem uses 5, the copy task usually 8)
    public var patternLength: Int       // L, copy only (10 as in Pascanu's mem and Arjovsky's copy)

    public init(kind: TaskKind, steps: Int, symbols: Int = 8, patternLength: Int = 10) {
        self.kind = kind
        self.steps = steps
        self.symbols = symbols
        self.patternLength = patternLength
    }

    public static func adding(steps: Int) -> TaskSpec { TaskSpec(kind: .adding, steps: steps) }

    /// Input size D.
    public var inputSize: Int {
        switch kind {
        case .adding, .addingMean: return 2
        case .temporalOrder: return 6
        case .copy: return symbols + 2
        }
    }

    /// Output size O: 1 for the regressions, the number of classes otherwise.
    public var outputSize: Int {
        switch kind {
        case .adding, .addingMean: return 1
        case .temporalOrder: return 4
        case .copy: return symbols + 1
        }
    }

    public var objective: Objective {
        switch kind {
        case .adding, .addingMean: return .meanSquaredError
        case .temporalOrder, .copy: return .crossEntropy
        }
    }

    /// The 0-based steps whose output carries a loss (S of them).
    public var lossSteps: [Int] {
        kind == .copy ? Array(0..<steps) : [steps - 1]
    }

    /// Indices into `lossSteps` whose outputs count for accuracy (classification only).
    public var accuracyStepIndices: [Int] {
        switch kind {
        case .copy: return Array((steps - patternLength)..<steps)
        default: return [lossSteps.count - 1]
        }
    }

    /// What a model that ignores the inputs' long-range structure scores:
    /// adding, constant 1: Var(u_p + u_q) = 2·(1/12) = 1/6 (the papers quote 0.1767, which is
    /// wrong; reference-science §2); addingMean, constant ½: Var((u_p + u_q)/2) = 1/24;
    /// temporal order, uniform guess: ln 4; copy, blanks known and pattern guessed uniformly:
    /// L·ln K / T.
    public var baselineLoss: Double {
        switch kind {
        case .adding: return 1.0 / 6
        case .addingMean: return 1.0 / 24
        case .temporalOrder: return log(4.0)
        case .copy: return Double(patternLength) * log(Double(symbols)) / Double(steps)
        }
    }

    /// The shortest T the layout allows.
    public var minimumSteps: Int {
        switch kind {
        case .adding: return 2
        case .addingMean: return 4
        case .temporalOrder: return 10
        case .copy: return 2 * patternLength + 1
        }
    }

    func validate() {
        precondition(steps >= minimumSteps, "\(kind): T = \(steps) < \(minimumSteps)")
        if kind == .copy { precondition(symbols >= 2 && patternLength >= 1, "copy: K = \(symbols), L = \(patternLength)") }
    }
}

/// The constant predictor 1 on Le et al.'s adding problem: MSE 1/6 (not the quoted 0.1767).
public let addingBaselineMSE = 1.0 / 6

/// One batch of sequences. Made once (`init`) and refilled in place (`fill`), so a training
/// loop draws fresh sequences every iteration without allocating.
public struct TaskBatch: Sendable {
    public let spec: TaskSpec
    public let batch: Int                   // B
    public let lossSteps: [Int]             // S 0-based steps with a loss
    /// Inputs, D×TB.
    public var x: Matrix
    /// Regression targets, O×SB (column s·B + b is loss step s of sequence b). Empty for classification.
    public var targets: Matrix
    /// Class labels, index s·B + b. Empty for regression.
    public var classes: [Int]
    /// Marker / informative-symbol positions of each sequence (adding: the two marked steps,
    /// temporal order: p0, p1; copy: empty). For tests and figures.
    public var positions: [[Int]]

    public init(spec: TaskSpec, batch B: Int) {
        spec.validate()
        precondition(B >= 1, "TaskBatch: B = \(B)")
        self.spec = spec
        batch = B
        lossSteps = spec.lossSteps
        let S = lossSteps.count
        x = Matrix(rows: spec.inputSize, cols: spec.steps * B)
        if spec.objective == .meanSquaredError {
            targets = Matrix(rows: spec.outputSize, cols: S * B)
            classes = []
        } else {
            targets = Matrix(rows: 0, cols: 0)
            classes = [Int](repeating: 0, count: S * B)
        }
        positions = [[Int]](repeating: [], count: B)
    }

    /// A new batch drawn from `rng`.
    public init(spec: TaskSpec, batch B: Int, using rng: inout SeededGenerator) {
        self.init(spec: spec, batch: B)
        fill(using: &rng)
    }

    /// Draws B fresh sequences into the existing storage.
    public mutating func fill(using rng: inout SeededGenerator) {
        let T = spec.steps, B = batch, D = spec.inputSize
        x.elements.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        func pick(_ lo: Int, _ hi: Int) -> Int { lo + Int(rng.next() % UInt64(hi - lo)) }   // [lo, hi)
        for b in 0..<B {
            switch spec.kind {
            case .adding, .addingMean:
                var p: Int, q: Int
                if spec.kind == .adding {
                    p = pick(0, T)
                    q = pick(0, T - 1); if q >= p { q += 1 }          // distinct, uniform over pairs
                } else {
                    let a = max(1, T / 10), c = max(a + 1, T / 2)
                    p = pick(0, a)
                    q = pick(a, c)
                }
                for t in 0..<T { x.elements[(t * B + b) * D] = rng.uniform() }
                x.elements[(p * B + b) * D + 1] = 1
                x.elements[(q * B + b) * D + 1] = 1
                let sum = x.elements[(p * B + b) * D] + x.elements[(q * B + b) * D]
                targets.elements[b] = spec.kind == .adding ? sum : sum / 2
                positions[b] = [min(p, q), max(p, q)]
            case .temporalOrder:
                let p0 = pick(T / 10, max(T / 10 + 1, T / 5))
                let p1 = pick(T / 2, max(T / 2 + 1, 6 * T / 10))
                for t in 0..<T { x.elements[(t * B + b) * D + pick(2, 6)] = 1 }
                let v0 = pick(0, 2), v1 = pick(0, 2)
                for (p, v) in [(p0, v0), (p1, v1)] {
                    for k in 0..<D { x.elements[(p * B + b) * D + k] = 0 }
                    x.elements[(p * B + b) * D + v] = 1
                }
                classes[b] = v0 + 2 * v1
                positions[b] = [p0, p1]
            case .copy:
                let K = spec.symbols, L = spec.patternLength
                for t in 0..<T {
                    let symbol: Int
                    if t < L {
                        symbol = pick(0, K)
                        classes[(T - L + t) * B + b] = symbol          // recall step T−L+t repeats step t
                    } else {
                        symbol = t == T - L - 1 ? K + 1 : K            // go marker, else blank
                    }
                    if t < T - L { classes[t * B + b] = K }            // blank class before the recall
                    x.elements[(t * B + b) * D + symbol] = 1
                }
            }
        }
    }
}
