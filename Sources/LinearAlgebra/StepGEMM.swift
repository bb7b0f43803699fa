import CStepKernel

/// op(W) packed once for all the steps of a sequence, and C ← op(W)·X (+ C) from that copy: the
/// backward sweep's W_hᵀ·∂L/∂a_t, whose transposed left operand `gemm` would hand to OpenBLAS.
///
/// The copy is in panels of 24 rows for the AVX-512 kernel of `Sources/CStepKernel`, which then
/// gives the same bits as OpenBLAS's Haswell DGEMM (`AVX512GEMM`). Allocated once by the owner of
/// the time loop; nothing is allocated per step.
public final class PackedStepMatrix {
    /// op(W) is rows×cols (M×K).
    public let rows: Int
    public let cols: Int
    private let packed: UnsafeMutablePointer<Double>

    /// Room for an M×K op(W).
    public init(rows: Int, cols: Int) {
        precondition(rows >= 1 && cols >= 1, "PackedStepMatrix: \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        let count = rnnlab_step_packed_count(Int32(rows), Int32(cols))
        packed = .allocate(capacity: count)
        packed.initialize(repeating: 0, count: count)
    }

    deinit { packed.deallocate() }

    /// Copies op(W) into the panels: W itself (M×K) or, with `transpose`, Wᵀ of a K×M W.
    public func pack(_ W: MatrixRef, transpose: Bool = false) {
        precondition((transpose ? W.cols : W.rows) == rows && (transpose ? W.rows : W.cols) == cols,
                     "PackedStepMatrix.pack: \(W.rows)×\(W.cols)\(transpose ? "ᵀ" : "") into \(rows)×\(cols)")
        rnnlab_step_pack(Int32(rows), Int32(cols), W.pointer, Int32(W.ld), transpose ? 1 : 0, packed)
    }

    private var left: rnnlab_left { rnnlab_left(A: packed, lda: 0, packed: 1) }

    /// C ← op(W)·X + (accumulate ? C : 0), X K×N, C M×N, N one that `AVX512GEMM.handles` takes.
    @inline(__always)
    public func multiply(_ X: MatrixRef, into C: MatrixRef, accumulate: Bool) {
        precondition(X.rows == cols && C.rows == rows && C.cols == X.cols && AVX512GEMM.handles(columns: X.cols),
                     "PackedStepMatrix.multiply: \(rows)×\(cols) by \(X.rows)×\(X.cols) into \(C.rows)×\(C.cols)")
        let left = self.left
        AVX512GEMM.splitColumns(m: rows, n: X.cols, k: cols, threads: BLASThreads.count) { j0, nj in
            rnnlab_step_gemm(Int32(rows), Int32(nj), Int32(cols), left, X.pointer + j0 * X.ld, Int32(X.ld), 0,
                             C.pointer + j0 * C.ld, Int32(C.ld), accumulate ? 1 : 0)
        }
    }

    /// The same product by the kernel's scalar reference loops (same bits, every CPU): for tests.
    public func multiplyByReference(_ X: MatrixRef, into C: MatrixRef, accumulate: Bool) {
        precondition(X.rows == cols && C.rows == rows && C.cols == X.cols)
        rnnlab_step_gemm_reference(Int32(rows), Int32(X.cols), Int32(cols), left, X.pointer, Int32(X.ld), 0,
                                   C.pointer, Int32(C.ld), accumulate ? 1 : 0)
    }
}
