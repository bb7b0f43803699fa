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
/// backward sweep (dW_x = dA_x·Xᵀ, dW_h = dA_h·H_prevᵀ). The backward sweep's step GEMM
/// W_hᵀ·∂L/∂a_t reads W_hᵀ packed once per pass (`PackedStepMatrix`, where `gemm` runs its
/// AVX-512 kernel: the same bits as OpenBLAS's Haswell DGEMM).
public final class BPTT {
    public let kind: CellKind
    public let inputSize: Int   // D
    public let hiddenSize: Int  // H
    public let batch: Int       // B
    public let steps: Int       // T

    /// Also compute ∂L/∂x_t (the benchmark workload leaves it out).
    public var computeInputGradient = true
    /// Keep ∂L/∂h_t (and ∂L/∂c_t) of every step in `dh` (`dc`). When false, `backward` carries
    /// them in one H×B buffer (the norms are still measured) and `dh`, `dc` are never allocated:
    /// the benchmark workload, whose peak memory is then the forward's caches and the inputs.
    public var keepsStateGradients = true

    /// Multiply-adds of one step's GEMM (G·H·H·B) below which the time loop runs OpenBLAS on
    /// one thread: waking a second thread for a 32×32 GEMM costs more than the GEMM (measured
    /// on 2 cores: 3× slower at H = 32 and H = 128). The GEMMs over all steps keep every thread.
    public nonisolated(unsafe) static var stepThreadingThreshold = 1 << 22  // changed only by a benchmark before any pass runs

    private let storage: Buffer
    /// Inputs x_1…x_T: D×TB. The caller writes them before `forward`.
    public let x: MatrixRef
    /// Hidden states h_0…h_T: H×(T+1)B. Columns 0..<B hold h_0 (write it before `forward`).
    public let hs: MatrixRef
    /// Cell states c_0…c_T: H×(T+1)B (LSTM only; c_0 in columns 0..<B).
    public let cs: MatrixRef?
    /// Upstream gradient ∂L/∂h_t arriving from the loss at each step: H×TB (write before `backward`).
    public let dhLoss: MatrixRef
    /// Total ∂L/∂h_t (loss term plus what flows back from t+1): H×TB, after `backward`
    /// (when `keepsStateGradients`; allocated on first use).
    public var dh: MatrixRef { lazyMatrix(&dhStore, rows: hiddenSize, cols: steps * batch) }
    /// Total ∂L/∂c_t (LSTM only): H×TB, as `dh`.
    public var dc: MatrixRef? { kind == .lstm ? lazyMatrix(&dcStore, rows: hiddenSize, cols: steps * batch) : nil }
    /// ∂L/∂x_t: D×TB (when `computeInputGradient`; allocated on first use).
    public var dx: MatrixRef { lazyMatrix(&dxStore, rows: inputSize, cols: steps * batch) }
    /// ∂L/∂h_0 and ∂L/∂c_0: H×B.
    public let dh0: MatrixRef
    public let dc0: MatrixRef?
    /// ‖∂L/∂h_t‖ (Frobenius over the batch) for t = 1…T, index t−1.
    public private(set) var gradHNorm: [Double]
    /// ‖∂L/∂c_t‖ for the LSTM (empty otherwise).
    public private(set) var gradCNorm: [Double]
    /// ∂L/∂θ for every parameter, after `backward`.
    public private(set) var gradients: CellParameters

    /// G·H×TB: pre-activations, then gate values (the forward's cache); `backward` overwrites
    /// step t with ∂L/∂(W_x x_t + b) once it has read it, and the weight gradients read those.
    private let a: MatrixRef
    private let aux: MatrixRef?     // H×TB: W_hn h_{t-1} + b_hn (GRU), then ∂L/∂ of it
    private let hp: MatrixRef?      // G·H×B: W_h h_{t-1} (GRU)
    private let dahStep: MatrixRef? // G·H×B: ∂L/∂(W_h h_{t-1}) of one step (GRU)
    private let dhStep: MatrixRef   // H×B: ∂L/∂h_t when the steps are not kept
    private let dcStep: MatrixRef?  // H×B: ∂L/∂c_t when the steps are not kept (LSTM)
    private let tcStep: MatrixRef?  // H×B: tanh(c_t), recomputed in `backward` (LSTM)
    private let ones: MatrixRef     // TB×1 of ones: bias gradients as a GEMV-shaped GEMM
    /// W_hᵀ (H×G·H) packed once per backward pass for the step GEMMs (nil where `gemm` has no
    /// AVX-512 kernel for B columns: every step then calls `gemm` with transposeA).
    private let packedWT: PackedStepMatrix?
    private var dhStore: (Buffer, MatrixRef)?
    private var dcStore: (Buffer, MatrixRef)?
    private var dxStore: (Buffer, MatrixRef)?
    private var cachesHoldForward = false

    public init(kind: CellKind, inputSize D: Int, hiddenSize H: Int, batch B: Int, steps T: Int) {
        precondition(D >= 0 && H >= 1 && B >= 1 && T >= 1, "BPTT: D=\(D) H=\(H) B=\(B) T=\(T)")
        self.kind = kind
        inputSize = D; hiddenSize = H; batch = B; steps = T
        let G = kind.gates, TB = T * B
        let lstm = kind == .lstm, gru = kind == .gru
        var count = D * TB + H * (TB + B) + H * TB + H * B * 2 + G * H * TB + TB
        if lstm { count += H * (TB + B) + H * B * 3 }
        if gru { count += H * TB + 2 * G * H * B }
        storage = Buffer(count: count)
        x = storage.take(rows: D, cols: TB)
        hs = storage.take(rows: H, cols: TB + B)
        dhLoss = storage.take(rows: H, cols: TB)
        dh0 = storage.take(rows: H, cols: B)
        dhStep = storage.take(rows: H, cols: B)
        a = storage.take(rows: G * H, cols: TB)
        ones = storage.take(rows: TB, cols: 1)
        ones.fill(1)
        if lstm {
            cs = storage.take(rows: H, cols: TB + B)
            dc0 = storage.take(rows: H, cols: B)
            dcStep = storage.take(rows: H, cols: B)
            tcStep = storage.take(rows: H, cols: B)
        } else {
            cs = nil; dc0 = nil; dcStep = nil; tcStep = nil
        }
        aux = gru ? storage.take(rows: H, cols: TB) : nil
        hp = gru ? storage.take(rows: G * H, cols: B) : nil
        dahStep = gru ? storage.take(rows: G * H, cols: B) : nil
        gradHNorm = [Double](repeating: 0, count: T)
        gradCNorm = lstm ? [Double](repeating: 0, count: T) : []
        gradients = CellParameters(kind: kind, inputSize: D, hiddenSize: H)
        packedWT = AVX512GEMM.handles(columns: B) ? PackedStepMatrix(rows: H, cols: G * H) : nil
    }

    private func lazyMatrix(_ store: inout (Buffer, MatrixRef)?, rows: Int, cols: Int) -> MatrixRef {
        if let (_, m) = store { return m }
        let buffer = Buffer(count: rows * cols)
        let m = buffer.take(rows: rows, cols: cols)
        store = (buffer, m)
        return m
    }

    /// h_t as an H×B view, t = 0…T.
    public func h(_ t: Int) -> MatrixRef { hs.columns(t * batch, batch) }
    /// c_t as an H×B view (LSTM), t = 0…T.
    public func c(_ t: Int) -> MatrixRef? { cs?.columns(t * batch, batch) }
    /// The hidden states h_1…h_T as one H×TB view (the next layer's input).
    public var outputs: MatrixRef { hs.columns(batch, steps * batch) }
    /// Gate values of step t (G·H×B) after `forward` and before `backward` (which overwrites them):
    /// i, f, g, o (LSTM), r, z, n (GRU), the pre-activation a (tanh, relu).
    public func gates(_ t: Int) -> MatrixRef { a.columns((t - 1) * batch, batch) }

    /// OpenBLAS threads for the per-step GEMMs (see `stepThreadingThreshold`).
    private var stepThreads: Int {
        kind.gates * hiddenSize * hiddenSize * batch < Self.stepThreadingThreshold ? 1 : BLASThreads.count
    }
    /// OpenBLAS threads for the GEMMs over all steps (W_x·X, the weight gradients): one below
    /// 2²⁴ multiply-adds (G·H·max(D, H)·TB), where a second thread's start-up and, on a busy
    /// machine, its wait for a core cost more than it saves.
    private var bulkThreads: Int {
        kind.gates * hiddenSize * max(inputSize, hiddenSize) * steps * batch < 1 << 24 ? 1 : BLASThreads.count
    }

    /// The forward pass h_1…h_T from x and h_0 (and c_0).
    public func forward(_ p: CellParameters) {
        check(p)
        let B = batch, T = steps
        p.W_x.withRef { W_x in p.W_h.withRef { W_h in
        p.b.withUnsafeBufferPointer { b in p.b_hn.withUnsafeBufferPointer { b_hn in
            let b = b.baseAddress ?? UnsafePointer(bitPattern: 8)!
            let b_hn = b_hn.baseAddress ?? UnsafePointer(bitPattern: 8)!
            // W_x·X for every step at once: one GEMM; each step adds W_h h_{t-1} and the bias.
            BLASThreads.with(bulkThreads) { gemm(W_x, x, into: a) }
            BLASThreads.with(stepThreads) {
                for t in 1...T {
                    let at = a.columns((t - 1) * B, B)
                    let h_prev = h(t - 1), h_t = h(t)
                    switch kind {
                    case .tanh, .relu:
                        gemm(W_h, h_prev, into: at, beta: 1)              // a_t += W_hh h_{t-1}
                        VanillaCell.forward(relu: kind == .relu, a: at, b_h: b, h: h_t)
                    case .lstm:
                        gemm(W_h, h_prev, into: at, beta: 1)              // a_t += W_h· h_{t-1}
                        LSTMCell.forward(a: at, b: b, c_prev: c(t - 1)!, c: c(t)!, h: h_t)
                    case .gru:
                        gemm(W_h, h_prev, into: hp!)                      // hp = W_h· h_{t-1}
                        GRUCell.forward(a: at, b: b, hp: hp!, b_hn: b_hn, h_prev: h_prev,
                                        hn: aux!.columns((t - 1) * B, B), h: h_t)
                    }
                }
            }
        } } } }
        cachesHoldForward = true
    }

    /// Backpropagation through time of L with ∂L/∂h_t = `dhLoss` at every step.
    /// Fills `dh`, `dc` (when `keepsStateGradients`), `dx` (when `computeInputGradient`),
    /// `dh0`, `dc0`, the norms and `gradients`. It consumes the forward's caches: run
    /// `forward` before each `backward`.
    public func backward(_ p: CellParameters) {
        check(p)
        precondition(cachesHoldForward, "BPTT.backward: run forward first (backward overwrites the gate values with ∂L/∂a)")
        cachesHoldForward = false
        let H = hiddenSize, B = batch, T = steps, TB = T * B
        let keep = keepsStateGradients
        let dhAll = keep ? dh : dhStep, dcAll = keep ? dc : dcStep
        p.W_x.withRef { W_x in p.W_h.withRef { W_h in
            let dh_next = dh0              // ∂L/∂h_t through h_{t+1}; ends as ∂L/∂h_0
            let dc_next = dc0              // f_{t+1}∘∂L/∂c_{t+1}; ends as ∂L/∂c_0
            dh_next.fill(0)
            dc_next?.fill(0)
            packedWT?.pack(W_h, transpose: true)
            BLASThreads.with(stepThreads) {
                for t in stride(from: T, through: 1, by: -1) {
                    let cols = (t - 1) * B
                    let dh_t = keep ? dhAll.columns(cols, B) : dhStep
                    // ∂L/∂h_t = ∂ℓ/∂h_t + (what flows back from t+1), and its norm
                    gradHNorm[t - 1] = addMeasuringNorm(dhLoss.columns(cols, B), dh_next, into: dh_t)
                    let at = a.columns(cols, B)                       // gate values in, ∂L/∂a out
                    switch kind {
                    case .tanh, .relu:
                        VanillaCell.backward(relu: kind == .relu, h: h(t), dh: dh_t, da: at)
                        stepGEMMTransposed(W_h, at, into: dh_next, accumulate: false)       // dh_prev = W_hhᵀ da
                    case .lstm:
                        let dc_t = keep ? dcAll!.columns(cols, B) : dcStep!
                        Elementwise.tanh(c(t)!.pointer, into: tcStep!.pointer, count: H * B) // tanh(c_t) again
                        LSTMCell.backward(a: at, c_prev: c(t - 1)!, tc: tcStep!,
                                          dh: dh_t, dc_next: dc_next!, dc: dc_t, da: at)
                        gradCNorm[t - 1] = norm(dc_t)
                        stepGEMMTransposed(W_h, at, into: dh_next, accumulate: false)       // dh_prev = W_hᵀ da
                    case .gru:
                        GRUCell.backward(a: at, hn: aux!.columns(cols, B), h_prev: h(t - 1), dh: dh_t,
                                         dax: at, dah: dahStep!, dh_prev: dh_next)
                        stepGEMMTransposed(W_h, dahStep!, into: dh_next, accumulate: true) // dh_prev = z∘dh + W_hᵀ da_h
                    }
                }
            }
            // Weight gradients, one GEMM each over all time steps (`a` now holds ∂L/∂a_t).
            BLASThreads.with(bulkThreads) {
                let hsPrev = hs.columns(0, TB)
                gradients.W_x.withMutableRef { dW_x in gemm(a, x, transposeB: true, into: dW_x) }      // Σ_t da_t x_tᵀ
                gradients.W_h.withMutableRef { dW_h in                                                 // Σ_t da_t h_{t-1}ᵀ
                    if kind == .gru {   // the n-block of ∂L/∂(W_h h) is r∘da_n, kept in aux
                        gemm(a.rowsView(0, 2 * H), hsPrev, transposeB: true, into: dW_h.rowsView(0, 2 * H))
                        gemm(aux!, hsPrev, transposeB: true, into: dW_h.rowsView(2 * H, H))
                    } else {
                        gemm(a, hsPrev, transposeB: true, into: dW_h)
                    }
                }
                gradients.b.withUnsafeMutableBufferPointer { db in                                     // Σ_t da_t
                    gemm(a, ones, into: MatrixRef(db.baseAddress!, rows: db.count, cols: 1))
                }
                if kind == .gru {
                    gradients.b_hn.withUnsafeMutableBufferPointer { db in                              // Σ_t r∘da_n
                        gemm(aux!, ones, into: MatrixRef(db.baseAddress!, rows: H, cols: 1))
                    }
                }
                if computeInputGradient { gemm(W_x, transposeA: true, a, into: dx) }                  // dx_t = W_xᵀ da_t
            }
        } }
    }

    /// C ← W_hᵀ·X (+ C) of one backward step: from the packed W_hᵀ when there is one, else
    /// OpenBLAS (the same bits where `gemm` runs its AVX-512 kernel).
    @inline(__always)
    private func stepGEMMTransposed(_ W_h: MatrixRef, _ X: MatrixRef, into C: MatrixRef, accumulate: Bool) {
        if let packedWT { packedWT.multiply(X, into: C, accumulate: accumulate) }
        else { gemm(W_h, transposeA: true, X, into: C, beta: accumulate ? 1 : 0) }
    }

    private func check(_ p: CellParameters) {
        precondition(p.kind == kind && p.inputSize == inputSize && p.hiddenSize == hiddenSize,
                     "BPTT: parameters are \(p.kind) D=\(p.inputSize) H=\(p.hiddenSize), workspace \(kind) D=\(inputSize) H=\(hiddenSize)")
    }
}

/// dst = a + b (H×B views), returning ‖dst‖: a plain sum of squares, or BLAS `dnrm2` (which
/// rescales) when that sum overflows or is small enough to have lost digits to underflow.
@inline(__always)
private func addMeasuringNorm(_ a: MatrixRef, _ b: MatrixRef, into dst: MatrixRef) -> Double {
    precondition(a.isContiguous && b.isContiguous && dst.isContiguous)
    let n = dst.rows * dst.cols
    let a = a.pointer, b = b.pointer, d = dst.pointer
    for k in 0..<n { d[k] = a[k] + b[k] }
    return norm(dst)
}

/// ‖m‖ of a contiguous view by a vectorised sum of squares, falling back to `dnrm2` outside
/// [10⁻²⁸⁰, 10³⁰⁰] where the plain sum may have overflowed or lost digits to underflow.
@inline(__always)
private func norm(_ m: MatrixRef) -> Double {
    let s = Elementwise.sumOfSquares(m.pointer, count: m.rows * m.cols)
    if s > 1e-280 && s < 1e300 { return s.squareRoot() }
    return m.frobeniusNorm
}
