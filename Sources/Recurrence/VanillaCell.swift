import LinearAlgebra

/// The plain recurrent cells, one time step over a batch (columns are batch elements):
///
///     a_t = W_xh x_t + W_hh h_{t-1} + b_h      (the BPTT loop forms W_xh x_t + W_hh h_{t-1} by GEMM)
///     h_t = f(a_t),   f = tanh or ReLU
///
/// The IRNN (Le, Jaitly, Hinton 2015) is the ReLU cell with W_hh = I and b_h = 0.
enum VanillaCell {
    /// a += b_h, then h = f(a); `a` keeps the pre-activation (H×B).
    @inline(__always)
    static func forward(relu: Bool, a: MatrixRef, b_h: UnsafePointer<Double>, h: MatrixRef) {
        let H = a.rows
        for j in 0..<a.cols {
            let a = a.pointer + j * a.ld, h = h.pointer + j * h.ld
            for k in 0..<H { a[k] += b_h[k] }                        // a = W_xh x + W_hh h_{t-1} + b_h
            if relu {
                for k in 0..<H { h[k] = max(0, a[k]) }               // h = max(0, a)
            } else {
                Elementwise.tanh(a, into: h, count: H)               // h = tanh(a)
            }
        }
    }

    /// da from dh (`da` may be the step's pre-activations: they are not read);
    /// dh_prev = W_hhᵀ da is formed by the BPTT loop (the factor that vanishes or explodes).
    @inline(__always)
    static func backward(relu: Bool, h: MatrixRef, dh: MatrixRef, da: MatrixRef) {
        let H = h.rows
        for j in 0..<h.cols {
            let h = h.pointer + j * h.ld, dh = dh.pointer + j * dh.ld, da = da.pointer + j * da.ld
            if relu {
                for k in 0..<H { da[k] = h[k] > 0 ? dh[k] : 0 }      // ∂h/∂a = 1[a > 0]
            } else {
                for k in 0..<H { da[k] = (1 - h[k] * h[k]) * dh[k] } // ∂h/∂a = 1 − h²
            }
        }
    }
}
