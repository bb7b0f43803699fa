import Foundation
import LinearAlgebra
import Recurrence

// The singular values of the input-output Jacobian through time,
//
//     ∂h_T/∂h_0 = Π_{t=T…1} ∂h_t/∂h_{t−1} = J_T ⋯ J_1,    J_t = diag(f′(a_t)) W_hh,
//
// at initialisation, along a trajectory driven by random inputs. f′ = 1 − h_t² for tanh and
// 1[a_t > 0] for ReLU. Pennington, Schoenholz & Ganguli (2017) call the state where all these
// singular values stay near 1 dynamical isometry; reference-science §7.4–7.5:
//   tanh, Gaussian g: the spectrum spreads with T like products of Gaussian matrices
//                     (Fuss–Catalan), shrunk further by tanh′ ≤ 1;
//   tanh, orthogonal: near 1 while h ≈ 0;
//   IRNN (ReLU, W_hh = I): J_t = diag(1[a_t > 0]), so ∂h_T/∂h_0 = diag(Π_t 1[a_t > 0]) and every
//                     singular value is exactly 0 or 1, with as many 1s as units active at
//                     every step 1…T (Le, Jaitly & Hinton 2015).

/// One network whose Jacobian products are measured.
public struct JacobianCase: Codable, Sendable, Equatable {
    public var label: String
    /// `.tanh` or `.relu`.
    public var cell: CellKind
    public var recurrent: RecurrentInit
    public var gain: Double

    public init(label: String, cell: CellKind, recurrent: RecurrentInit, gain: Double = 1) {
        precondition(cell == .tanh || cell == .relu, "JacobianCase: \(cell) is not a plain cell")
        self.label = label
        self.cell = cell
        self.recurrent = recurrent
        self.gain = gain
    }
}

/// The singular values of ∂h_T/∂h_0 for one T.
public struct JacobianSpectrum: Codable, Sendable, Equatable {
    /// T.
    public var steps: Int
    /// σ₁ ≥ … ≥ σ_H.
    public var singularValues: [Double]
    public var max: Double
    public var median: Double
    public var min: Double
    /// Mean of ln σ over the numerically resolved singular values, σ > σ_max·H·ε (below that,
    /// double precision cannot tell σ from 0: the `matrix_rank` threshold). Divided by T it is
    /// the mean finite-time Lyapunov exponent of the trajectory.
    public var meanLogSigma: Double
    /// How many singular values are resolved (σ > σ_max·H·ε).
    public var resolved: Int
    /// ReLU only: units with a_t > 0 at every step 1…T (the IRNN's count of singular values 1).
    public var unitsActiveThroughout: Int?
}

public struct JacobianCaseResult: Codable, Sendable, Equatable {
    public var jacobianCase: JacobianCase
    /// σ_max(W_hh) and ρ(W_hh) of the drawn matrix.
    public var sigmaMaxW: Double
    public var spectralRadiusW: Double
    /// One spectrum per requested T, ascending T.
    public var spectra: [JacobianSpectrum]
}

/// Draws one network as `c` says: W_hh (H×H, `recurrent` at `gain`), W_xh ~ N(0, inputWeightStd²)
/// (H×D), b = 0, inputs x_t ~ N(0, 1) (D per step) and h_0 = 0, all from one generator seeded
/// with `seed`; runs the forward pass with `BPTT` (batch 1, T = max(steps)); then forms
/// P_t = diag(f′(a_t)) W_hh P_{t−1}, P_0 = I, by one GEMM per step into preallocated buffers and
/// takes the singular values of P_T for every T in `steps`.
public func jacobianProductSpectra(_ c: JacobianCase, hidden H: Int, inputSize D: Int, steps: [Int],
                                   inputWeightStd: Double, seed: UInt64) throws -> JacobianCaseResult {
    let stepList = Array(Set(steps)).sorted()
    precondition(!stepList.isEmpty && stepList[0] >= 1, "jacobianProductSpectra: steps \(steps)")
    let T = stepList.last!
    let record = Set(stepList)
    let rnn = BPTT(kind: c.cell, inputSize: D, hiddenSize: H, batch: 1, steps: T)
    let buffer = Buffer(count: 2 * H * H + H)
    var P = buffer.take(rows: H, cols: H)       // H×H: ∂h_t/∂h_0
    var tmp = buffer.take(rows: H, cols: H)     // H×H: W_hh P_{t−1}
    let active = buffer.take(rows: H, cols: 1)  // H: 1 while unit i has been active at every step
    var rng = SeededGenerator(seed: seed)
    var p = CellParameters(kind: c.cell, inputSize: D, hiddenSize: H)
    p.W_h = c.recurrent.matrix(H, gain: c.gain, using: &rng)
    p.W_x = rng.gaussianMatrix(rows: H, cols: D, std: inputWeightStd)
    rng.gaussianMatrix(rows: D, cols: T, std: 1).withRef { rnn.x.copy(from: $0) }
    rnn.h(0).fill(0)
    rnn.forward(p)
    P.fill(0)
    for i in 0..<H { P[i, i] = 1 }
    active.fill(1)
    let relu = c.cell == .relu
    var spectra = [JacobianSpectrum]()
    try p.W_h.withRef { W in
        for t in 1...T {
            let h = rnn.h(t)
            gemm(W, P, into: tmp)                                  // W_hh P_{t−1}
            for i in 0..<H {
                let d = relu ? (h[i, 0] > 0 ? 1.0 : 0.0)           // ReLU′ = 1[a_t > 0] (h > 0 ⇔ a > 0)
                             : 1 - h[i, 0] * h[i, 0]               // tanh′ = 1 − h_t²
                if relu { active[i, 0] *= d }
                for j in 0..<H { tmp[i, j] *= d }                  // J_t P_{t−1} = diag(f′) W_hh P_{t−1}
            }
            swap(&P, &tmp)
            if record.contains(t) {
                let σ = try singularValues(P.copy())
                let floor = σ[0] * Double(H) * Double.ulpOfOne
                let resolved = σ.filter { $0 > floor }
                spectra.append(JacobianSpectrum(
                    steps: t, singularValues: σ, max: σ.first!, median: median(σ), min: σ.last!,
                    meanLogSigma: resolved.isEmpty ? 0 : mean(resolved.map { log($0) }),
                    resolved: resolved.count,
                    unitsActiveThroughout: relu ? (0..<H).filter { active[$0, 0] == 1 }.count : nil))
            }
        }
    }
    return JacobianCaseResult(jacobianCase: c, sigmaMaxW: try singularValues(p.W_h)[0],
                              spectralRadiusW: try spectralRadius(p.W_h), spectra: spectra)
}
