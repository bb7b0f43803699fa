import LinearAlgebra

/// The GRU, one time step over a batch. Gate blocks of a (3H×B) in order r, z, n:
///
///     r_t = σ(W_xr x_t + W_hr h_{t-1} + b_r)
///     z_t = σ(W_xz x_t + W_hz h_{t-1} + b_z)
///     n_t = tanh(W_xn x_t + b_n + r_t ∘ (W_hn h_{t-1} + b_hn))
///     h_t = z_t ∘ h_{t-1} + (1 − z_t) ∘ n_t
///
/// The BPTT loop forms `a` = W_x x_t and `hp` = W_h h_{t-1} (3H×B) by GEMM; the
/// reset gate multiplies the n-block of `hp` after b_hn is added, so that block is
/// kept as `hn` for the backward pass.
enum GRUCell {
    /// On exit `a` holds r, z, n and `hn` holds W_hn h_{t-1} + b_hn.
    @inline(__always)
    static func forward(a: MatrixRef, b: UnsafePointer<Double>, hp: MatrixRef, b_hn: UnsafePointer<Double>,
                        h_prev: MatrixRef, hn: MatrixRef, h: MatrixRef) {
        let H = h.rows, B = h.cols
        for j in 0..<B {
            let col = a.pointer + j * a.ld, pcol = hp.pointer + j * hp.ld
            let r = col, z = col + H, n = col + 2 * H
            let hpn = pcol + 2 * H, b_n = b + 2 * H
            let hprev = h_prev.pointer + j * h_prev.ld, hnj = hn.pointer + j * hn.ld, hj = h.pointer + j * h.ld
            for k in 0..<(2 * H) { col[k] = Elementwise.sigmoid(col[k] + b[k] + pcol[k]) } // r, z = σ(W_x x + b + W_h h)
            for k in 0..<H {
                hnj[k] = hpn[k] + b_hn[k]                            // W_hn h + b_hn
                n[k] += b_n[k] + r[k] * hnj[k]                       // W_xn x + b_n + r∘(W_hn h + b_hn)
            }
            Elementwise.tanh(n, into: n, count: H)                   // n = tanh(…)
            for k in 0..<H { hj[k] = z[k] * hprev[k] + (1 - z[k]) * n[k] } // h = z∘h_prev + (1 − z)∘n
        }
    }

    /// From dh (total ∂L/∂h_t): `dax` gets ∂L/∂(W_x x + b) per gate (it may be `a` itself: each
    /// gate value is read before its place is written), `dah` gets ∂L/∂(W_h h_{t-1} + [0;0;b_hn])
    /// per gate (they differ in the n-block by the factor r), `hn` is overwritten by that n-block
    /// (its only use after this step), and `dh_prev` gets the direct path z∘dh; the loop adds W_hᵀ dah.
    @inline(__always)
    static func backward(a: MatrixRef, hn: MatrixRef, h_prev: MatrixRef, dh: MatrixRef,
                         dax: MatrixRef, dah: MatrixRef, dh_prev: MatrixRef) {
        let H = dh.rows, B = dh.cols
        for j in 0..<B {
            let col = a.pointer + j * a.ld
            let rg = col, zg = col + H, ng = col + 2 * H
            let xcol = dax.pointer + j * dax.ld, hcol = dah.pointer + j * dah.ld
            let hprev = h_prev.pointer + j * h_prev.ld, hnj = hn.pointer + j * hn.ld
            let dhj = dh.pointer + j * dh.ld, dhp = dh_prev.pointer + j * dh_prev.ld
            for k in 0..<H {
                let r = rg[k], z = zg[k], n = ng[k], d = dhj[k]
                let da_n = d * (1 - z) * (1 - n * n)                 // ∂L/∂a_n = dh∘(1 − z) ∘ (1 − n²)
                let da_z = d * (hprev[k] - n) * z * (1 - z)          // ∂L/∂a_z = dh∘(h_prev − n) ∘ σ′
                let da_r = da_n * hnj[k] * r * (1 - r)               // ∂L/∂a_r = da_n∘(W_hn h + b_hn) ∘ σ′
                let da_hn = da_n * r                                 // ∂L/∂(W_hn h + b_hn) = da_n∘r
                xcol[k] = da_r; xcol[H + k] = da_z; xcol[2 * H + k] = da_n
                hcol[k] = da_r; hcol[H + k] = da_z; hcol[2 * H + k] = da_hn
                hnj[k] = da_hn
                dhp[k] = d * z                                       // direct path ∂h_t/∂h_{t-1} ∋ z
            }
        }
    }
}
