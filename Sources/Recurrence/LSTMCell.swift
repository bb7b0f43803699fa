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
    /// On entry `a` holds W_x x_t + W_h h_{t-1}; on exit the gate values i, f, g, o.
    @inline(__always)
    static func forward(a: MatrixRef, b: UnsafePointer<Double>, c_prev: MatrixRef, c: MatrixRef, h: MatrixRef) {
        let H = c.rows, B = c.cols
        for j in 0..<B {
            let col = a.pointer + j * a.ld
            let i = col, f = col + H, g = col + 2 * H, o = col + 3 * H
            let cp = c_prev.pointer + j * c_prev.ld, cj = c.pointer + j * c.ld, hj = h.pointer + j * h.ld
            for k in 0..<(4 * H) { col[k] += b[k] }                  // a = W_x x + W_h h_{t-1} + b
            Elementwise.sigmoid(i, into: i, count: 2 * H)            // i = σ(a_i), f = σ(a_f)
            Elementwise.tanh(g, into: g, count: H)                   // g = tanh(a_g)
            Elementwise.sigmoid(o, into: o, count: H)                // o = σ(a_o)
            for k in 0..<H { cj[k] = f[k] * cp[k] + i[k] * g[k] }    // c_t = f∘c_{t-1} + i∘g
            Elementwise.tanh(cj, into: hj, count: H)
            for k in 0..<H { hj[k] *= o[k] }                         // h_t = o∘tanh(c_t)
        }
    }

    /// From dh (total ∂L/∂h_t), tc = tanh(c_t) and dc_next (∂L/∂c_t through c_{t+1}, i.e.
    /// f_{t+1}∘dc_{t+1}): writes dc (total ∂L/∂c_t), da (4H×B, gradients of the pre-activations;
    /// it may be `a` itself: each gate value is read before its place is written) and
    /// overwrites dc_next with dc_prev = f_t ∘ dc for the step before.
    @inline(__always)
    static func backward(a: MatrixRef, c_prev: MatrixRef, tc: MatrixRef,
                         dh: MatrixRef, dc_next: MatrixRef, dc: MatrixRef, da: MatrixRef) {
        let H = dh.rows, B = dh.cols
        for j in 0..<B {
            let col = a.pointer + j * a.ld, dcol = da.pointer + j * da.ld
            let ig = col, fg = col + H, gg = col + 2 * H, og = col + 3 * H
            let da_i = dcol, da_f = dcol + H, da_g = dcol + 2 * H, da_o = dcol + 3 * H
            let cp = c_prev.pointer + j * c_prev.ld, tcj = tc.pointer + j * tc.ld
            let dhj = dh.pointer + j * dh.ld, dcn = dc_next.pointer + j * dc_next.ld, dcj = dc.pointer + j * dc.ld
            for k in 0..<H {
                let i = ig[k], f = fg[k], g = gg[k], o = og[k], tc = tcj[k], dh = dhj[k]
                let dct = dcn[k] + dh * o * (1 - tc * tc)       // ∂L/∂c_t = dc_next + dh∘o∘(1 − tanh²c)
                dcj[k] = dct
                da_i[k] = dct * g * i * (1 - i)                 // ∂L/∂a_i = dc∘g ∘ σ′
                da_f[k] = dct * cp[k] * f * (1 - f)             // ∂L/∂a_f = dc∘c_{t-1} ∘ σ′
                da_g[k] = dct * i * (1 - g * g)                 // ∂L/∂a_g = dc∘i ∘ (1 − g²)
                da_o[k] = dh * tc * o * (1 - o)                 // ∂L/∂a_o = dh∘tanh(c) ∘ σ′
                dcn[k] = dct * f                                // dc_prev = f∘dc
            }
        }
    }
}
