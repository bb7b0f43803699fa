import CLapack
import CStepKernel
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// C ← α·op(A)·op(B) + β·C (column-major; transposes are flags, never copies). Shapes are
/// checked here, before BLAS sees them.
///
/// Where this CPU has AVX-512 and the product is one `AVX512GEMM.handles` (A not transposed,
/// α = 1, β 0 or 1, an even number of columns), it runs the AVX-512 kernel of
/// `Sources/CStepKernel`, which reads A in place and gives the same bits as OpenBLAS's Haswell
/// DGEMM (the kernels OpenBLAS runs on this project's machines), up to 5× as fast on the
/// per-step shapes; every other product goes to OpenBLAS `cblas_dgemm`.
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
    if !transposeA && alpha == 1 && (beta == 0 || beta == 1) && AVX512GEMM.handles(columns: n) {
        AVX512GEMM.multiply(A, B, transposeB: transposeB, into: C, accumulate: beta == 1)
        return
    }
    cblas_dgemm(CblasColMajor,
                transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha,
                A.pointer, Int32(A.ld), B.pointer, Int32(B.ld), beta, C.pointer, Int32(C.ld))
}

/// A value handed to the threads of `concurrentPerform`, whose use the caller keeps race-free.
private struct UncheckedSendable<T>: @unchecked Sendable { let value: T }

/// The AVX-512 GEMM kernel of `Sources/CStepKernel` (see step_kernel.h): whether it runs here,
/// and which products it takes.
public enum AVX512GEMM {
    /// Whether this CPU runs the kernel (AVX-512 F, asked once). `RNNLAB_OPENBLAS_ONLY=1` in the
    /// environment turns it off, so every product goes to OpenBLAS (to compare the two).
    public static let isAvailable: Bool = {
        if let off = getenv("RNNLAB_OPENBLAS_ONLY"), String(cString: off) == "1" { return false }
        return rnnlab_step_kernel_available() != 0
    }()

    /// Whether a product with `columns` columns of C goes to the kernel: on a CPU that runs it
    /// and for an even count. OpenBLAS's Haswell kernel sums the last column of an odd count in
    /// another order, so those products stay with OpenBLAS and every product keeps its bits.
    @inline(__always)
    public static func handles(columns: Int) -> Bool { isAvailable && columns % 2 == 0 }

    /// C ← A·op(B) + (accumulate ? C : 0) on the kernel, A in place (m×k), an even number of
    /// columns; `threads` as in `splitColumns`. `gemm` calls this for the products it hands over.
    @inline(__always)
    public static func multiply(_ A: MatrixRef, _ B: MatrixRef, transposeB: Bool = false, into C: MatrixRef,
                                accumulate: Bool, threads: Int = BLASThreads.count) {
        let n = transposeB ? B.rows : B.cols, k = transposeB ? B.cols : B.rows
        precondition(A.cols == k && C.rows == A.rows && C.cols == n && handles(columns: n), "AVX512GEMM.multiply: shapes")
        let left = rnnlab_left(A: A.pointer, lda: Int32(A.ld), packed: 0)
        splitColumns(m: A.rows, n: n, k: k, threads: threads) { j0, nj in   // op(B)'s and C's columns j0 ..< j0 + nj
            let b = transposeB ? B.pointer + j0 : B.pointer + j0 * B.ld
            rnnlab_step_gemm(Int32(A.rows), Int32(nj), Int32(k), left, b, Int32(B.ld), transposeB ? 1 : 0,
                             C.pointer + j0 * C.ld, Int32(C.ld), accumulate ? 1 : 0)
        }
    }

    /// Runs `body(j0, count)` over C's columns: once over all of them, or, when `threads` (the
    /// OpenBLAS count in force, which is 1 inside `forConcurrentRuns`) is above 1 and the product
    /// has at least 2²¹ multiply-adds, on two threads over two halves (each an even count). Every
    /// column is summed the same way whichever call computes it, so the bits do not depend on
    /// the split.
    @inline(__always)
    public static func splitColumns(m: Int, n: Int, k: Int, threads: Int = BLASThreads.count, _ body: (Int, Int) -> Void) {
        guard threads > 1, n >= 4, m * n * k >= 1 << 21 else { return body(0, n) }
        let half = (n / 2 + 1) / 2 * 2   // even, so both halves stay with the kernel's order
        withoutActuallyEscaping(body) { body in
            let halves = UncheckedSendable(value: body)   // the two calls write disjoint columns of C
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                i == 0 ? halves.value(0, half) : halves.value(half, n - half)
            }
        }
    }

    /// C ← A·op(B) + (accumulate ? C : 0) by the kernel's scalar reference loops: the order of
    /// sums the kernel and OpenBLAS's Haswell DGEMM take, on every CPU (for tests).
    public static func referenceProduct(_ A: MatrixRef, _ B: MatrixRef, transposeB: Bool = false,
                                        into C: MatrixRef, accumulate: Bool) {
        let n = transposeB ? B.rows : B.cols, k = transposeB ? B.cols : B.rows
        precondition(A.cols == k && C.rows == A.rows && C.cols == n, "AVX512GEMM.referenceProduct: shapes")
        rnnlab_step_gemm_reference(Int32(A.rows), Int32(n), Int32(k), rnnlab_left(A: A.pointer, lda: Int32(A.ld), packed: 0),
                                   B.pointer, Int32(B.ld), transposeB ? 1 : 0, C.pointer, Int32(C.ld), accumulate ? 1 : 0)
    }
}

/// The one owner of OpenBLAS's thread count, a process-wide global.
///
/// The rule for concurrent runs: code that runs several computations at once (the runner's
/// `--jobs`, a training race's parallel models) wraps them in `forConcurrentRuns`, which sets one
/// thread for the whole process; inside it, `with(_:_:)` changes nothing, because every request
/// is capped at the count in force and a count of 1 is already 1. Only a single computation,
/// outside `forConcurrentRuns`, ever changes the global (BPTT drops to one thread for GEMMs too
/// small to gain from two). So two threads of this process never race on the global.
public enum BLASThreads {
    /// OpenBLAS's current thread count.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the count for the process (`rnnlab bench --threads`); at least 1.
    public static func set(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }

    /// Runs `body` with at most `n` threads, then restores the count. A no-op when the count in
    /// force is already `n` or lower, which is always the case inside `forConcurrentRuns`.
    @inline(__always)
    public static func with<R>(_ n: Int, _ body: () throws -> R) rethrows -> R {
        let saved = count
        if n >= saved { return try body() }
        set(n)
        defer { set(saved) }
        return try body()
    }

    /// Runs `body`, which runs computations concurrently, with one OpenBLAS thread per
    /// computation: never more threads than cores. Restores the count afterwards.
    public static func forConcurrentRuns<R>(_ body: () throws -> R) rethrows -> R {
        let saved = count
        set(1)
        defer { set(saved) }
        return try body()
    }
}

/// OpenBLAS's core name and build configuration (recorded in manifests).
public enum BLASInfo {
    public static var coreName: String { String(cString: openblas_get_corename()) }
    public static var config: String { String(cString: openblas_get_config()) }
}
