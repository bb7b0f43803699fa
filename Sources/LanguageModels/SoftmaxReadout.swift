import Foundation
import LinearAlgebra

/// The softmax readout of an RNN language model and its cross-entropy, forward beside backward.
///
///     z_t = W_S h_t + b_S                      (V×N logits, one column per position)
///     ŷ_t = softmax(z_t),  P(x_{t+1} = v_j | x_t … x_1) = ŷ_{t,j}
///     ℓ = −Σ_t log ŷ_{t, y_t}
///     ∂ℓ/∂z_t = ŷ_t − onehot(y_t)                (the softmax–cross-entropy shortcut)
///     dW_S = dZ·Hᵀ,   db_S = Σ_t dz_t,   dh_t = W_Sᵀ dz_t
///
/// Legend: V vocabulary size, H hidden size, N = T·B positions.
public enum SoftmaxReadout {
    /// ℓ·scale and its gradients, from views into buffers made once (no allocation).
    /// `logits` (V×N) is a workspace: it leaves holding `scale`·∂ℓ/∂z. `dh` (H×N) is overwritten.
    /// Returns ℓ (unscaled, in nats, summed over positions).
    static func forwardBackward(W_S: MatrixRef, b_S: UnsafePointer<Double>, h: MatrixRef, targets: UnsafePointer<Int32>,
                                scale: Double, logits: MatrixRef, dW_S: MatrixRef, db_S: UnsafeMutablePointer<Double>,
                                dh: MatrixRef, ones: MatrixRef) -> Double {
        let loss = forward(W_S: W_S, b_S: b_S, h: h, targets: targets, logits: logits, keepProbabilities: true)
        let V = logits.rows, N = logits.cols
        for j in 0..<N {                                              // dz = scale·(ŷ − onehot(y))
            let col = logits.pointer + j * V
            for i in 0..<V { col[i] *= scale }
            col[Int(targets[j])] -= scale
        }
        gemm(logits, h, transposeB: true, into: dW_S)                 // dW_S = dZ·Hᵀ
        gemm(logits, ones.rowsView(0, N), into: MatrixRef(db_S, rows: V, cols: 1))   // db_S = Σ_t dz_t
        gemm(W_S, transposeA: true, logits, into: dh)                 // dh_t = W_Sᵀ dz_t
        return loss
    }

    /// ℓ = −Σ log softmax(W_S h + b_S)[y] in nats. `logits` leaves holding ŷ when
    /// `keepProbabilities`, else the logits.
    static func forward(W_S: MatrixRef, b_S: UnsafePointer<Double>, h: MatrixRef, targets: UnsafePointer<Int32>,
                        logits: MatrixRef, keepProbabilities: Bool) -> Double {
        gemm(W_S, h, into: logits)                                    // Z = W_S·H
        let V = logits.rows, N = logits.cols
        var loss = 0.0
        for j in 0..<N {
            let col = logits.pointer + j * V
            var m = -Double.infinity
            for i in 0..<V { col[i] += b_S[i]; m = max(m, col[i]) }   // z += b_S
            var s = 0.0
            for i in 0..<V { s += exp(col[i] - m) }
            let logZ = m + log(s)                                     // log Σ e^z, shifted by the max
            loss += logZ - col[Int(targets[j])]                       // −log ŷ_y = log Σ e^z − z_y
            if keepProbabilities { for i in 0..<V { col[i] = exp(col[i] - logZ) } }
        }
        return loss
    }

    /// The same computation on owning matrices (for tests and one-off use):
    /// returns ℓ and ∂ℓ/∂W_S (V×H), ∂ℓ/∂b_S (V), ∂ℓ/∂H (H×N).
    public static func lossAndGradients(W_S: Matrix, b_S: [Double], h: Matrix, targets: [Int])
        -> (loss: Double, dW_S: Matrix, db_S: [Double], dh: Matrix) {
        precondition(W_S.cols == h.rows && W_S.rows == b_S.count && targets.count == h.cols, "SoftmaxReadout: shape mismatch")
        let V = W_S.rows, N = h.cols
        var logits = Matrix(rows: V, cols: N), dW_S = Matrix(rows: V, cols: W_S.cols)
        var db_S = [Double](repeating: 0, count: V), dh = Matrix(rows: h.rows, cols: N)
        var ones = Matrix(rows: N, cols: 1, repeating: 1)
        let y = targets.map { Int32($0) }
        let loss = W_S.withRef { W in h.withRef { hr in logits.withMutableRef { z in dW_S.withMutableRef { dW in
            dh.withMutableRef { dhr in ones.withMutableRef { o in b_S.withUnsafeBufferPointer { b in
                db_S.withUnsafeMutableBufferPointer { db in y.withUnsafeBufferPointer { yp in
                    forwardBackward(W_S: W, b_S: b.baseAddress!, h: hr, targets: yp.baseAddress!, scale: 1,
                                    logits: z, dW_S: dW, db_S: db.baseAddress!, dh: dhr, ones: o)
                } }
            } } }
        } } } }
        return (loss, dW_S, db_S, dh)
    }
}
