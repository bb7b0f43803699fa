import CLapack

/// C ← α·op(A)·op(B) + β·C through OpenBLAS `cblas_dgemm` (column-major; transposes
/// are flags, never copies). Shapes are checked here, before BLAS sees them.
@inline(__always)
public func gemm(_ A: MatrixRef, transposeA: Bool = false,
                 _ B: MatrixRef, transposeB: Bool = false,
                 into C: MatrixRef, alpha: Double = 1, beta: Double = 0) {
    let m = transposeA ? A.cols : A.rows
    let k = transposeA ? A.rows : A.cols
    let kb = transposeB ? B.cols : B.rows
    let n = transposeB ? B.rows : B.cols
    precondition(k == kb && C.rows == m && C.cols == n,
                 "gemm: op(A) \(m)×\(k), op(B) \(kb)×\(n), C \(C.rows)×\(C.cols)")
    if m == 0 || n == 0 { return }
    if k == 0 {
        if beta == 0 { C.fill(0) } else if beta != 1 { for j in 0..<n { cblas_dscal(Int32(m), beta, C.pointer + j * C.ld, 1) } }
        return
    }
    cblas_dgemm(CblasColMajor,
                transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha,
                A.pointer, Int32(A.ld), B.pointer, Int32(B.ld), beta, C.pointer, Int32(C.ld))
}

/// OpenBLAS's thread count, its core name and build configuration (recorded in manifests).
public enum BLASInfo {
    public static var threads: Int { Int(openblas_get_num_threads()) }
    public static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }
    /// Runs `body` with OpenBLAS on `n` threads, then restores the previous count.
    @inline(__always)
    public static func withThreads<R>(_ n: Int, _ body: () throws -> R) rethrows -> R {
        let saved = threads
        if n == saved { return try body() }
        setThreads(n)
        defer { setThreads(saved) }
        return try body()
    }
    public static var coreName: String { String(cString: openblas_get_corename()) }
    public static var config: String { String(cString: openblas_get_config()) }
}
