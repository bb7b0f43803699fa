import CLapack
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A complex number a + ib, as LAPACK returns eigenvalues (real part `re`, imaginary part `im`).
public struct Complex: Equatable, Sendable, CustomStringConvertible {
    public var re: Double
    public var im: Double

    public init(re: Double, im: Double = 0) {
        self.re = re
        self.im = im
    }

    /// |z| = √(re² + im²), through `hypot` so no intermediate overflows.
    public var magnitude: Double { hypot(re, im) }

    /// arg z = atan2(im, re) in (−π, π]: the rotation angle per step of a linear map.
    public var phase: Double { atan2(im, re) }

    public var description: String {
        im == 0 ? "\(re)" : (im > 0 ? "\(re)+\(im)i" : "\(re)\(im)i")
    }
}

/// Why a LAPACK wrapper refused or failed. Every shape and value is checked in Swift before
/// LAPACKE is called, because LAPACKE and LAPACK's `xerbla` print argument errors on standard
/// output, which would corrupt a JSON or probe stream written there.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The routine needs a square matrix.
    case notSquare(rows: Int, cols: Int)
    /// Thin QR needs rows ≥ cols.
    case notTall(rows: Int, cols: Int)
    /// A dimension does not fit LAPACK's 32-bit integers.
    case tooLarge(rows: Int, cols: Int)
    /// The input holds NaN or ±∞.
    case nonFinite
    /// An argument outside the routine's domain (e.g. a negative spectral radius).
    case invalidArgument(String)
    /// LAPACK returned `info` ≠ 0: < 0 names a bad argument, > 0 a failure to converge.
    case lapack(routine: String, info: Int32)

    public var description: String {
        switch self {
        case let .notSquare(r, c): return "matrix must be square, got \(r)×\(c)"
        case let .notTall(r, c): return "thin QR needs rows ≥ cols, got \(r)×\(c)"
        case let .tooLarge(r, c): return "matrix \(r)×\(c) is too large for 32-bit LAPACK"
        case .nonFinite: return "matrix has NaN or infinite entries"
        case let .invalidArgument(why): return "invalid argument: \(why)"
        case let .lapack(routine, info):
            return info < 0 ? "\(routine): argument \(-info) had an illegal value"
                            : "\(routine): did not converge (info = \(info))"
        }
    }
}

/// Throws unless every dimension fits `lapack_int` (Int32) and every entry is finite.
@inline(__always)
func checkForLAPACK(rows: Int, cols: Int, _ p: UnsafePointer<Double>, ld: Int) throws {
    guard rows <= Int(Int32.max), cols <= Int(Int32.max), ld <= Int(Int32.max),
          rows.multipliedReportingOverflow(by: cols).overflow == false
    else { throw LinearAlgebraError.tooLarge(rows: rows, cols: cols) }
    for j in 0..<cols {
        let col = p + j * ld
        for i in 0..<rows where !col[i].isFinite { throw LinearAlgebraError.nonFinite }
    }
}

@inline(__always) private func check(_ A: Matrix) throws {
    try A.withRef { try checkForLAPACK(rows: $0.rows, cols: $0.cols, $0.pointer, ld: $0.ld) }
}

private let jobN = CChar(UInt8(ascii: "N"))

/// Singular values σ₁ ≥ σ₂ ≥ … ≥ σ_min(m,n) ≥ 0 of A (m×n), through LAPACK `dgesdd` with no
/// singular vectors (jobz = 'N'). σ_max = ‖A‖₂ bounds how much one step can stretch a vector;
/// the input is copied because LAPACK overwrites it.
public func singularValues(_ A: Matrix) throws -> [Double] {
    try check(A)
    let m = A.rows, n = A.cols, k = min(m, n)
    if k == 0 { return [] }
    var a = A.elements                                 // m×n, destroyed by dgesdd
    var s = [Double](repeating: 0, count: k)
    let info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, jobN, Int32(m), Int32(n), &a, Int32(max(1, m)),
                              &s, nil, 1, nil, 1)  // U, Vᵀ unused for jobz = 'N'
    guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dgesdd", info: info) }
    return s                                           // LAPACK returns them in descending order
}

/// Eigenvalues λ of a square, not necessarily symmetric A (n×n), through LAPACK `dgeev` with
/// no eigenvectors ('N', 'N'). Complex eigenvalues come in conjugate pairs a ± ib.
///
/// Sorted by |λ| descending (ties: larger imaginary part first, so a + ib precedes a − ib), so
/// `first?.magnitude` is the spectral radius ρ(A), which decides whether Aᵗ grows or decays.
public func eigenvalues(_ A: Matrix) throws -> [Complex] {
    guard A.rows == A.cols else { throw LinearAlgebraError.notSquare(rows: A.rows, cols: A.cols) }
    try check(A)
    let n = A.rows
    if n == 0 { return [] }
    var a = A.elements                                 // n×n, destroyed by dgeev
    var wr = [Double](repeating: 0, count: n)
    var wi = [Double](repeating: 0, count: n)
    let info = LAPACKE_dgeev(LAPACK_COL_MAJOR, jobN, jobN, Int32(n), &a, Int32(n),
                             &wr, &wi, nil, 1, nil, 1)  // VL, VR unused for 'N'
    guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dgeev", info: info) }
    let λ = (0..<n).map { Complex(re: wr[$0], im: wi[$0]) }
    return λ.sorted { a, b in
        let ma = a.magnitude, mb = b.magnitude
        if ma != mb { return ma > mb }
        if a.im != b.im { return a.im > b.im }
        return a.re > b.re
    }
}

/// Spectral radius ρ(A) = max |λᵢ|. By Gelfand's formula ‖Aᵗ‖^{1/t} → ρ(A), so ρ < 1 means
/// linear backpropagation through A vanishes and ρ > 1 means it explodes, whatever σ_max says.
/// Zero for the 0×0 matrix.
public func spectralRadius(_ A: Matrix) throws -> Double {
    try eigenvalues(A).first?.magnitude ?? 0
}

/// Thin QR factorisation A = Q R of A (m×n, m ≥ n): Q is m×n with orthonormal columns
/// (QᵀQ = I), R is n×n upper triangular. Householder reflections through LAPACK `dgeqrf`,
/// then `dorgqr` forms Q explicitly. LAPACK's R may have negative diagonal entries; see
/// `Initializer.orthogonal` for the sign fix that makes Q Haar-distributed.
public func qrDecomposition(_ A: Matrix) throws -> (Q: Matrix, R: Matrix) {
    let m = A.rows, n = A.cols
    guard m >= n else { throw LinearAlgebraError.notTall(rows: m, cols: n) }
    try check(A)
    if n == 0 { return (Matrix(rows: m, cols: 0), Matrix(rows: 0, cols: 0)) }
    var a = A.elements                                 // m×n: R above the diagonal, reflectors below
    var tau = [Double](repeating: 0, count: n)
    let lda = Int32(max(1, m))
    var info = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, Int32(m), Int32(n), &a, lda, &tau)
    guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dgeqrf", info: info) }
    var R = Matrix(rows: n, cols: n)
    for j in 0..<n { for i in 0...j { R.elements[i + j * n] = a[i + j * m] } }
    info = LAPACKE_dorgqr(LAPACK_COL_MAJOR, Int32(m), Int32(n), Int32(n), &a, lda, &tau)
    guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dorgqr", info: info) }
    return (Matrix(rows: m, cols: n, elements: a), R)
}

/// Thin QR in place with buffers made once: for the QR iteration that measures Lyapunov
/// exponents (Benettin et al. 1980), Q_{t} R_{t} = J_t Q_{t−1}, λᵢ ≈ (1/T) Σ_t ln|R_t[i,i]|.
///
/// `factor(A)` overwrites A (rows×cols, rows ≥ cols) with Q and returns diag R. It never
/// allocates: it calls the LAPACKE `_work` routines with a workspace sized once by LAPACK's
/// own query. The signs of diag R are LAPACK's (either sign); use ln|rᵢᵢ|.
public final class QRWorkspace {
    public let rows: Int
    public let cols: Int
    private let tau: UnsafeMutablePointer<Double>      // cols: Householder scalars
    private let diagonal: UnsafeMutablePointer<Double> // cols: diag R of the last factor
    private let work: UnsafeMutablePointer<Double>     // lwork: LAPACK scratch
    private let lwork: Int32

    /// A workspace for rows×cols matrices (rows ≥ cols ≥ 0, rows < 2³¹).
    public init(rows: Int, cols: Int) {
        precondition(rows >= cols && cols >= 0 && rows <= Int(Int32.max),
                     "QRWorkspace: needs rows ≥ cols ≥ 0, got \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        tau = .allocate(capacity: max(cols, 1))
        tau.initialize(repeating: 0, count: max(cols, 1))
        diagonal = .allocate(capacity: max(cols, 1))
        diagonal.initialize(repeating: 0, count: max(cols, 1))
        // Workspace query (lwork = −1): LAPACK writes the optimal size into `query`.
        var size = Double(max(cols, 1))
        if cols > 0 {
            var query = 0.0, dummy = 0.0
            let m = Int32(rows), n = Int32(cols), lda = Int32(max(rows, 1))
            if LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, &dummy, lda, tau, &query, -1) == 0 { size = max(size, query) }
            if LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, m, n, n, &dummy, lda, tau, &query, -1) == 0 { size = max(size, query) }
        }
        lwork = Int32(size)
        work = .allocate(capacity: Int(lwork))
        work.initialize(repeating: 0, count: Int(lwork))
    }

    deinit {
        tau.deallocate()
        diagonal.deallocate()
        work.deallocate()
    }

    /// diag R of the last `factor` call (valid while the workspace lives).
    public var diagonalOfR: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: diagonal, count: cols) }

    /// Overwrites `A` (rows×cols, any ld) with Q of A = Q R and returns diag R (r₁₁ … r_nn).
    /// Throws, without calling LAPACK, on a wrong shape or a non-finite entry.
    @discardableResult
    public func factor(_ A: MatrixRef) throws -> UnsafeBufferPointer<Double> {
        guard A.rows == rows && A.cols == cols else {
            throw LinearAlgebraError.invalidArgument("QRWorkspace is \(rows)×\(cols), got \(A.rows)×\(A.cols)")
        }
        try checkForLAPACK(rows: rows, cols: cols, A.pointer, ld: A.ld)
        if cols == 0 { return diagonalOfR }
        let m = Int32(rows), n = Int32(cols), lda = Int32(A.ld)
        var info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, A.pointer, lda, tau, work, lwork)
        guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dgeqrf", info: info) }
        for i in 0..<cols { diagonal[i] = A.pointer[i + i * A.ld] }
        info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, m, n, n, A.pointer, lda, tau, work, lwork)
        guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dorgqr", info: info) }
        return diagonalOfR
    }
}
