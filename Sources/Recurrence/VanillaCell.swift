import Foundation
import LinearAlgebra

/// The plain recurrent cells, one time step over a batch (columns are batch elements):
///
///     a_t = W_xh x_t + W_hh h_{t-1} + b_h      (the BPTT loop forms a_t by GEMM)
///     h_t = f(a_t),   f = tanh or ReLU
///
/// The IRNN (Le, Jaitly, Hinton 2015) is the ReLU cell with W_hh = I and b_h = 0.
enum VanillaCell {
    /// h = f(a); `a` keeps the pre-activation (H×B).
    @inline(__always)
    static func forward(relu: Bool, a: MatrixRef, h: MatrixRef) {
        let n = a.rows * a.cols
        let a = a.pointer, h = h.pointer
        if relu {
            for k in 0..<n { h[k] = max(0, a[k]) }          // h = max(0, a)
        } else {
            for k in 0..<n { h[k] = Foundation.tanh(a[k]) } // h = tanh(a)
        }
    }

    /// da from dh; dh_prev = W_hhᵀ da is formed by the BPTT loop (the factor that vanishes or explodes).
    @inline(__always)
    static func backward(relu: Bool, h: MatrixRef, dh: MatrixRef, da: MatrixRef) {
        let n = h.rows * h.cols
        let h = h.pointer, dh = dh.pointer, da = da.pointer
        if relu {
            for k in 0..<n { da[k] = h[k] > 0 ? dh[k] : 0 }          // ∂h/∂a = 1[a > 0]
        } else {
            for k in 0..<n { da[k] = (1 - h[k] * h[k]) * dh[k] }     // ∂h/∂a = 1 − h²
        }
    }
}
