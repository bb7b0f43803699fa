import LinearAlgebra

/// One recurrent layer unrolled over a sequence: the forward pass and backpropagation
/// through time, written once for every cell. Every diagnostic of the lab (‖∂L/∂h_t‖,
/// ‖∂L/∂c_t‖, Jacobian products) is read from the buffers of this loop.
///
/// Legend: D input size, H hidden size, G gates (1, 4, 3), B batch, T time steps.
/// A sequence of vectors is a matrix whose column t·B + b is time step t of batch
/// element b, so step t is the contiguous block of columns t·B ..< (t+1)·B.
///
/// All buffers are made once in `init`; `forward` and `backward` allocate nothing
/// inside the time loop. Input projections of all steps are one GEMM
/// (W_x·X), and the weight gradients are one GEMM each over all steps after the
/// backward sweep (dW_x = dA_x·Xᵀ, dW_h = dA_h·H_prevᵀ).
public final class BPTT {
    public let kind: CellKind
    public let inputSize: Int   // D
    public let hiddenSize: Int  // H
    public let batch: Int       // B
    public let steps: Int       // T

    /// Also compute ∂L/∂x_t (the benchmark workload leaves it out).
    public var computeInputGradient = true

    private let storage: Buffer
    /// Inputs x_1…x_T: D×TB. The caller writes them before `forward`.
    public let x: MatrixRef
    /// Hidden states h_0…h_T: H×(T+1)B. Columns 0..<B hold h_0 (write it before `forward`).
    public let hs: MatrixRef
    /// Cell states c_0…c_T: H×(T+1)B (LSTM only; c_0 in columns 0..<B).
    public let cs: MatrixRef?
    /// Upstream gradient ∂L/∂h_t arriving from the loss at each step: H×TB (write before `backward`).
    public let dhLoss: MatrixRef
    /// Total ∂L/∂h_t (loss term plus what flows back from t+1): H×TB, after `backward`.
    public let dh: MatrixRef
    /// Total ∂L/∂c_t (LSTM only): H×TB.
    public let dc: MatrixRef?
    /// ∂L/∂x_t: D×TB (when `computeInputGradient`).
    public let dx: MatrixRef
    /// ∂L/∂h_0 and ∂L/∂c_0: H×B.
    public let dh0: MatrixRef
    public let dc0: MatrixRef?
    /// ‖∂L/∂h_t‖ (Frobenius over the batch) for t = 1…T, index t−1.
    public private(set) var gradHNorm: [Double]
    /// ‖∂L/∂c_t‖ for the LSTM (empty otherwise).
    public private(set) var gradCNorm: [Double]
    /// ∂L/∂θ for every parameter, after `backward`.
    public private(set) var gradients: CellParameters

    private let a: MatrixRef        // G·H×TB: pre-activations, then gate values / activations
    private let aux: MatrixRef?     // H×TB: tanh(c_t) (LSTM) or W_hn h_{t-1} + b_hn (GRU)
    private let hp: MatrixRef?      // G·H×B: W_h h_{t-1} (GRU)
    private let dax: MatrixRef      // G·H×TB: ∂L/∂(W_x x_t + b)
    private let dah: MatrixRef      // G·H×TB: ∂L/∂(W_h h_{t-1}), same as dax except for the GRU
    private let ones: MatrixRef     // TB×1 of ones: bias gradients as a GEMV-shaped GEMM

    public init(kind: CellKind, inputSize D: Int, hiddenSize H: Int, batch B: Int, steps T: Int) {
        precondition(D >= 0 && H >= 1 && B >= 1 && T >= 1, "BPTT: D=\(D) H=\(H) B=\(B) T=\(T)")
        self.kind = kind
        inputSize = D; hiddenSize = H; batch = B; steps = T
        let G = kind.gates, TB = T * B
        let lstm = kind == .lstm, gru = kind == .gru
        var count = D * TB + H * (TB + B) + H * TB * 2 + D * TB + H * B + G * H * TB * 2 + TB
        if lstm { count += H * (TB + B) + H * TB * 2 + H * B }
        if gru { count += H * TB + G * H * B + G * H * TB }
        storage = Buffer(count: count)
        x = storage.take(rows: D, cols: TB)
        hs = storage.take(rows: H, cols: TB + B)
        dhLoss = storage.take(rows: H, cols: TB)
        dh = storage.take(rows: H, cols: TB)
        dx = storage.take(rows: D, cols: TB)
        dh0 = storage.take(rows: H, cols: B)
        a = storage.take(rows: G * H, cols: TB)
        dax = storage.take(rows: G * H, cols: TB)
        ones = storage.take(rows: TB, cols: 1)
        ones.fill(1)
        if lstm {
            cs = storage.take(rows: H, cols: TB + B)
            dc = storage.take(rows: H, cols: TB)
            aux = storage.take(rows: H, cols: TB)
            dc0 = storage.take(rows: H, cols: B)
        } else {
            cs = nil; dc = nil; dc0 = nil
            aux = gru ? storage.take(rows: H, cols: TB) : nil
        }
        hp = gru ? storage.take(rows: G * H, cols: B) : nil
        dah = gru ? storage.take(rows: G * H, cols: TB) : dax
        gradHNorm = [Double](repeating: 0, count: T)
        gradCNorm = lstm ? [Double](repeating: 0, count: T) : []
        gradients = CellParameters(kind: kind, inputSize: D, hiddenSize: H)
    }

    /// h_t as an H×B view, t = 0…T.
    public func h(_ t: Int) -> MatrixRef { hs.columns(t * batch, batch) }
    /// c_t as an H×B view (LSTM), t = 0…T.
    public func c(_ t: Int) -> MatrixRef? { cs?.columns(t * batch, batch) }
    /// The hidden states h_1…h_T as one H×TB view (the next layer's input).
    public var outputs: MatrixRef { hs.columns(batch, steps * batch) }
    /// Gate values of step t (G·H×B) after `forward`: i, f, g, o (LSTM), r, z, n (GRU), h (tanh, relu).
    public func gates(_ t: Int) -> MatrixRef { a.columns((t - 1) * batch, batch) }

    /// The forward pass h_1…h_T from x and h_0 (and c_0).
    public func forward(_ p: CellParameters) {
        check(p)
        let B = batch, T = steps, TB = T * B
        p.W_x.withRef { W_x in p.W_h.withRef { W_h in
        p.b.withUnsafeBufferPointer { b in p.b_hn.withUnsafeBufferPointer { b_hn in
            // A = W_x·X + b for every step at once: one GEMM, then the bias.
            gemm(W_x, x, into: a)
            let GH = a.rows
            for j in 0..<TB { let col = a.pointer + j * GH; for k in 0..<GH { col[k] += b[k] } }
            for t in 1...T {
                let at = a.columns((t - 1) * B, B)
                let h_prev = h(t - 1), h_t = h(t)
                switch kind {
                case .tanh, .relu:
                    gemm(W_h, h_prev, into: at, beta: 1)              // a_t += W_hh h_{t-1}
                    VanillaCell.forward(relu: kind == .relu, a: at, h: h_t)
                case .lstm:
                    gemm(W_h, h_prev, into: at, beta: 1)              // a_t += W_h· h_{t-1}
                    LSTMCell.forward(a: at, c_prev: c(t - 1)!, c: c(t)!,
                                     tc: aux!.columns((t - 1) * B, B), h: h_t)
                case .gru:
                    gemm(W_h, h_prev, into: hp!)                      // hp = W_h· h_{t-1}
                    GRUCell.forward(a: at, hp: hp!, b_hn: b_hn.baseAddress ?? UnsafePointer(bitPattern: 8)!,
                                    h_prev: h_prev, hn: aux!.columns((t - 1) * B, B), h: h_t)
                }
            }
        } } } }
    }

    /// Backpropagation through time of L with ∂L/∂h_t = `dhLoss` at every step.
    /// Fills `dh`, `dc`, `dx`, `dh0`, `dc0`, the norms and `gradients`.
    public func backward(_ p: CellParameters) {
        check(p)
        let H = hiddenSize, B = batch, T = steps, TB = T * B
        p.W_x.withRef { W_x in p.W_h.withRef { W_h in
            let dh_next = dh0              // ∂L/∂h_t through h_{t+1}; ends as ∂L/∂h_0
            let dc_next = dc0              // f_{t+1}∘∂L/∂c_{t+1}; ends as ∂L/∂c_0
            dh_next.fill(0)
            dc_next?.fill(0)
            for t in stride(from: T, through: 1, by: -1) {
                let cols = (t - 1) * B
                let dh_t = dh.columns(cols, B)
                // ∂L/∂h_t = ∂ℓ/∂h_t + (what flows back from t+1)
                let src = dhLoss.pointer + cols * H, dst = dh_t.pointer
                for k in 0..<(H * B) { dst[k] = src[k] + dh_next.pointer[k] }
                gradHNorm[t - 1] = dh_t.frobeniusNorm
                let da_x = dax.columns(cols, B), da_h = dah.columns(cols, B)
                let at = a.columns(cols, B)
                switch kind {
                case .tanh, .relu:
                    VanillaCell.backward(relu: kind == .relu, h: h(t), dh: dh_t, da: da_x)
                    gemm(W_h, transposeA: true, da_h, into: dh_next)          // dh_prev = W_hhᵀ da
                case .lstm:
                    let dc_t = dc!.columns(cols, B)
                    LSTMCell.backward(a: at, c_prev: c(t - 1)!, tc: aux!.columns(cols, B),
                                      dh: dh_t, dc_next: dc_next!, dc: dc_t, da: da_x)
                    gradCNorm[t - 1] = dc_t.frobeniusNorm
                    gemm(W_h, transposeA: true, da_h, into: dh_next)          // dh_prev = W_hᵀ da
                case .gru:
                    GRUCell.backward(a: at, hn: aux!.columns(cols, B), h_prev: h(t - 1), dh: dh_t,
                                     dax: da_x, dah: da_h, dh_prev: dh_next)
                    gemm(W_h, transposeA: true, da_h, into: dh_next, beta: 1) // dh_prev = z∘dh + W_hᵀ da_h
                }
            }
            // Weight gradients, one GEMM each over all time steps.
            gradients.W_x.withMutableRef { dW_x in gemm(dax, x, transposeB: true, into: dW_x) }     // Σ_t da_t x_tᵀ
            gradients.W_h.withMutableRef { dW_h in                                                 // Σ_t da_t h_{t-1}ᵀ
                gemm(dah, hs.columns(0, TB), transposeB: true, into: dW_h)
            }
            gradients.b.withUnsafeMutableBufferPointer { db in                                     // Σ_t da_t
                gemm(dax, ones, into: MatrixRef(db.baseAddress!, rows: db.count, cols: 1))
            }
            if kind == .gru {
                gradients.b_hn.withUnsafeMutableBufferPointer { db in                              // Σ_t r∘da_n
                    gemm(dah.rowsView(2 * H, H), ones, into: MatrixRef(db.baseAddress!, rows: H, cols: 1))
                }
            }
            if computeInputGradient { gemm(W_x, transposeA: true, dax, into: dx) }                 // dx_t = W_xᵀ da_t
        } }
    }

    private func check(_ p: CellParameters) {
        precondition(p.kind == kind && p.inputSize == inputSize && p.hiddenSize == hiddenSize,
                     "BPTT: parameters are \(p.kind) D=\(p.inputSize) H=\(p.hiddenSize), workspace \(kind) D=\(inputSize) H=\(hiddenSize)")
    }
}
