import Foundation
import LinearAlgebra

/// The synthetic long-range task of the lecture's training experiments, as a seeded generator
/// of any length T and batch B.
///
/// Legend: D input size, O output size, T time steps, B batch. Inputs use the BPTT layout: x is
/// D×TB and column t·B + b is step t (0-based) of sequence b, so step t's block is columns
/// t·B ..< (t+1)·B. The output read at step t is h_{t+1} of the BPTT loop (h_0 is the initial state).
public enum TaskKind: String, CaseIterable, Codable, Sendable {
    /// Adding problem as Le, Jaitly & Hinton (2015, §4.1) and Bai et al.'s TCN code pose it:
    /// channel 0 holds values u_t ~ U[0, 1], channel 1 a marker with exactly two 1s at distinct
    /// positions drawn anywhere in 0..<T; target y = u_p + u_q (the sum); scored on the last
    /// step by L = (1/N) Σ (y − target)² (no ½, so the constant predictor 1 scores exactly
    /// Var(target) = 1/6).
    case adding
}

/// A task and its length.
public struct TaskSpec: Codable, Sendable, Equatable {
    public var kind: TaskKind
    public var steps: Int               // T

    public init(kind: TaskKind, steps: Int) {
        self.kind = kind
        self.steps = steps
    }

    public static func adding(steps: Int) -> TaskSpec { TaskSpec(kind: .adding, steps: steps) }

    /// Input size D: the value and the marker.
    public var inputSize: Int { 2 }

    /// Output size O: the sum.
    public var outputSize: Int { 1 }

    /// The 0-based steps whose output carries a loss: the last.
    public var lossSteps: [Int] { [steps - 1] }

    /// The shortest T the layout allows (two distinct marked steps).
    public var minimumSteps: Int { 2 }

    func validate() {
        precondition(steps >= minimumSteps, "\(kind): T = \(steps) < \(minimumSteps)")
    }
}

/// The constant predictor 1 on Le et al.'s adding problem: MSE 1/6 (not the quoted 0.1767).
public let addingBaselineMSE = 1.0 / 6

/// One batch of sequences. Made once (`init`) and refilled in place (`fill`), so a training
/// loop draws fresh sequences every iteration without allocating.
public struct TaskBatch: Sendable {
    public let spec: TaskSpec
    public let batch: Int                   // B
    public let lossSteps: [Int]             // 0-based steps with a loss
    /// Inputs, D×TB.
    public var x: Matrix
    /// Targets, O×B (column b is sequence b's target at the last step).
    public var targets: Matrix
    /// The two marked steps of each sequence, ascending. For tests and figures.
    public var positions: [[Int]]

    public init(spec: TaskSpec, batch B: Int) {
        spec.validate()
        precondition(B >= 1, "TaskBatch: B = \(B)")
        self.spec = spec
        batch = B
        lossSteps = spec.lossSteps
        x = Matrix(rows: spec.inputSize, cols: spec.steps * B)
        targets = Matrix(rows: spec.outputSize, cols: lossSteps.count * B)
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
            let p = pick(0, T)
            var q = pick(0, T - 1); if q >= p { q += 1 }              // distinct, uniform over pairs
            for t in 0..<T { x.elements[(t * B + b) * D] = rng.uniform() }
            x.elements[(p * B + b) * D + 1] = 1
            x.elements[(q * B + b) * D + 1] = 1
            targets.elements[b] = x.elements[(p * B + b) * D] + x.elements[(q * B + b) * D]
            positions[b] = [min(p, q), max(p, q)]
        }
    }
}
