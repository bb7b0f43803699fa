import Foundation
import LinearAlgebra

/// The linear readout y_t = W_y h_t + b_y; its gradients use the same type (llm.c style).
public struct ReadoutParameters: Equatable, Sendable {
    public var W_y: Matrix          // O×H
    public var b_y: [Double]        // O

    public init(outputSize O: Int, hiddenSize H: Int) {
        W_y = Matrix(rows: O, cols: H)
        b_y = [Double](repeating: 0, count: O)
    }

    public var parameterCount: Int { W_y.elements.count + b_y.count }
}

/// The readout and its mean squared error over the S scored steps of a batch, with buffers made once.
///
/// Forward: gather H_s = [h_{t+1} for t in lossSteps] (H×SB), Y = W_y H_s + b_y (O×SB),
/// L = (1/N) Σ (Y − target)² over the N = O·S·B scored outputs (no ½, so a constant predictor
/// scores exactly the targets' variance). Backward (the forward's lines bottom to top):
///
///     dY     = ∂L/∂Y        2(Y − target)/N
///     dW_y   = dY H_sᵀ       ∂L/∂W_y = Σ_s dy_s h_sᵀ
///     db_y   = dY 1          ∂L/∂b_y = Σ_s dy_s
///     dH_s   = W_yᵀ dY       written into BPTT's dhLoss at the scored steps, zero elsewhere
public final class ReadoutWorkspace {
    public let hiddenSize: Int      // H
    public let outputSize: Int      // O
    public let batch: Int           // B
    public let lossSteps: [Int]     // S 0-based steps

    private let storage: Buffer
    private let hsel: MatrixRef     // H×SB: gathered hidden states
    /// Outputs y at the scored steps, O×SB, after `forward`.
    public let y: MatrixRef
    private let dy: MatrixRef       // O×SB
    private let dhsel: MatrixRef    // H×SB
    private let ones: MatrixRef     // SB×1
    /// ∂L/∂W_y, ∂L/∂b_y after `backward`.
    public private(set) var gradients: ReadoutParameters

    public init(hiddenSize H: Int, outputSize O: Int, batch B: Int, lossSteps: [Int]) {
        precondition(!lossSteps.isEmpty, "ReadoutWorkspace: no scored steps")
        hiddenSize = H; outputSize = O; batch = B
        self.lossSteps = lossSteps
        let SB = lossSteps.count * B
        storage = Buffer(count: 2 * H * SB + 2 * O * SB + SB)
        hsel = storage.take(rows: H, cols: SB)
        y = storage.take(rows: O, cols: SB)
        dy = storage.take(rows: O, cols: SB)
        dhsel = storage.take(rows: H, cols: SB)
        ones = storage.take(rows: SB, cols: 1)
        ones.fill(1)
        gradients = ReadoutParameters(outputSize: O, hiddenSize: H)
    }

    /// The loss of the batch from the hidden states `hs` (H×(T+1)B, BPTT's layout with h_0 first).
    /// Also fills dY for `backward`. `targets` is O×SB.
    @discardableResult
    public func forward(_ p: ReadoutParameters, hs: MatrixRef, targets: Matrix) -> Double {
        let O = outputSize, B = batch, SB = lossSteps.count * B
        for (s, t) in lossSteps.enumerated() {                  // H_s ← h_{t+1}
            hsel.columns(s * B, B).copy(from: hs.columns((t + 1) * B, B))
        }
        p.W_y.withRef { W_y in gemm(W_y, hsel, into: y) }        // Y = W_y H_s
        p.b_y.withUnsafeBufferPointer { b in                      // Y += b_y
            for j in 0..<SB { for o in 0..<O { y.pointer[o + j * O] += b[o] } }
        }
        precondition(targets.rows == O && targets.cols == SB, "readout: targets \(targets.rows)×\(targets.cols), want \(O)×\(SB)")
        var loss = 0.0
        let n = Double(O * SB)
        targets.elements.withUnsafeBufferPointer { tg in
            for k in 0..<(O * SB) {
                let e = y.pointer[k] - tg[k]
                loss += e * e
                dy.pointer[k] = 2 * e / n                         // ∂/∂y (1/N)Σ e² = 2e/N
            }
        }
        loss /= n
        return loss
    }

    /// ∂L/∂W_y, ∂L/∂b_y into `gradients`, and ∂L/∂h_t = W_yᵀ dy_t into `dhLoss` (H×TB) at the
    /// scored steps; every other column of `dhLoss` is set to zero.
    public func backward(_ p: ReadoutParameters, dhLoss: MatrixRef) {
        let B = batch
        gradients.W_y.withMutableRef { dW_y in gemm(dy, hsel, transposeB: true, into: dW_y) }   // dW_y = dY H_sᵀ
        gradients.b_y.withUnsafeMutableBufferPointer { db in                                      // db_y = dY 1
            gemm(dy, ones, into: MatrixRef(db.baseAddress!, rows: db.count, cols: 1))
        }
        p.W_y.withRef { W_y in gemm(W_y, transposeA: true, dy, into: dhsel) }                     // dH_s = W_yᵀ dY
        dhLoss.fill(0)
        for (s, t) in lossSteps.enumerated() {
            dhLoss.columns(t * B, B).copy(from: dhsel.columns(s * B, B))
        }
    }
}
