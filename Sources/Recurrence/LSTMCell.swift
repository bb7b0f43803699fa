import Foundation
import LinearAlgebra

/// The LSTM, one time step over a batch. Gate blocks of a (4H×B) in order i, f, g, o:
///
///     i_t = σ(W_xi x_t + W_hi h_{t-1} + b_i)
///     f_t = σ(W_xf x_t + W_hf h_{t-1} + b_f)
///     g_t = tanh(W_xg x_t + W_hg h_{t-1} + b_g)
///     o_t = σ(W_xo x_t + W_ho h_{t-1} + b_o)
///     c_t = f_t ∘ c_{t-1} + i_t ∘ g_t
///     h_t = o_t ∘ tanh(c_t)
///
/// The cell path c_{t-1} → c_t multiplies the gradient by f_t only: the
/// "uninterrupted gradient flow" of the lecture.
enum LSTMCell {
    /// On entry `a` holds the pre-activations; on exit the gate values i, f, g, o.
    /// `tc` receives tanh(c_t), kept for the backward pass.
    @inline(__always)
    static func forward(a: MatrixRef, c_prev: MatrixRef, c: MatrixRef, tc: MatrixRef, h: MatrixRef) {
        let H = c.rows, B = c.cols
        for j in 0..<B {
            let col = a.pointer + j * a.ld
            let i = col, f = col + H, g = col + 2 * H, o = col + 3 * H
            let cp = c_prev.pointer + j * H, cj = c.pointer + j * H
            let tcj = tc.pointer + j * H, hj = h.pointer + j * H
            for k in 0..<H {
                i[k] = sigmoid(i[k])
                f[k] = sigmoid(f[k])
                g[k] = Foundation.tanh(g[k])
                o[k] = sigmoid(o[k])
                cj[k] = f[k] * cp[k] + i[k] * g[k]     // c_t = f∘c_{t-1} + i∘g
                tcj[k] = Foundation.tanh(cj[k])
                hj[k] = o[k] * tcj[k]                  // h_t = o∘tanh(c_t)
            }
        }
    }

    /// From dh (total ∂L/∂h_t) and dc_next (∂L/∂c_t through c_{t+1}, i.e. f_{t+1}∘dc_{t+1}):
    /// writes dc (total ∂L/∂c_t), da (4H×B, gradients of the pre-activations) and
    /// overwrites dc_next with dc_prev = f_t ∘ dc for the step before.
    @inline(__always)
    static func backward(a: MatrixRef, c_prev: MatrixRef, tc: MatrixRef,
                         dh: MatrixRef, dc_next: MatrixRef, dc: MatrixRef, da: MatrixRef) {
        let H = dh.rows, B = dh.cols
        for j in 0..<B {
            let col = a.pointer + j * a.ld, dcol = da.pointer + j * da.ld
            let i = col, f = col + H, g = col + 2 * H, o = col + 3 * H
            let da_i = dcol, da_f = dcol + H, da_g = dcol + 2 * H, da_o = dcol + 3 * H
            let cp = c_prev.pointer + j * H, tcj = tc.pointer + j * H
            let dhj = dh.pointer + j * H, dcn = dc_next.pointer + j * H, dcj = dc.pointer + j * H
            for k in 0..<H {
                let d_o = dhj[k] * tcj[k]                                  // ∂L/∂o = dh∘tanh(c)
                let dct = dcn[k] + dhj[k] * o[k] * (1 - tcj[k] * tcj[k])   // ∂L/∂c_t = dc_next + dh∘o∘(1 − tanh²c)
                dcj[k] = dct
                da_i[k] = dct * g[k] * i[k] * (1 - i[k])                   // ∂L/∂a_i = dc∘g ∘ σ′
                da_f[k] = dct * cp[k] * f[k] * (1 - f[k])                  // ∂L/∂a_f = dc∘c_{t-1} ∘ σ′
                da_g[k] = dct * i[k] * (1 - g[k] * g[k])                   // ∂L/∂a_g = dc∘i ∘ (1 − g²)
                da_o[k] = d_o * o[k] * (1 - o[k])                          // ∂L/∂a_o = dh∘tanh(c) ∘ σ′
                dcn[k] = dct * f[k]                                        // dc_prev = f∘dc
            }
        }
    }
}

/// σ(x) = 1 / (1 + e^{−x}), written to stay finite for large |x|.
@inline(__always) func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
}
