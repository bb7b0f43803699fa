/// Branch-free exp, tanh and the logistic sigmoid for loops over contiguous buffers.
///
/// glibc's `tanh` and `exp` are scalar calls (≈ 20 ns each); in a recurrent cell at small
/// sizes they cost more than the GEMMs. These versions have no branches, no calls and no
/// tables, so a loop over a buffer vectorises: two lanes with x86-64's baseline SSE2, four with
/// AVX2, which release builds use where the building machine has it (Package.swift, `numeric`).
///
/// Method (Cody–Waite, as in fdlibm's `exp`): x = k·ln 2 + r with k = round(x/ln 2),
/// |r| ≤ ln 2 / 2, ln 2 split in a high part with 21 trailing zero bits (so k·ln2_hi is exact)
/// and a low part; e^r − 1 by its Taylor series to r¹³ (remainder < 4·10⁻¹⁸ on that interval);
/// 2^k built from exponent bits. Errors are a few ulp (the tests check ≤ 2 ulp for exp, ≤ 4 for
/// tanh and sigmoid, against glibc on 10⁶ points and at the extremes); the probe needs 10⁻⁹.
///
/// NaN propagates; ±0, subnormals, overflow to +∞ and underflow to 0 are those of glibc.
public enum Elementwise {
    /// e^r − 1 − r for |r| ≤ ln 2 / 2, as r²·(1/2! + r/3! + … + r¹¹/13!), the polynomial
    /// evaluated by Estrin's scheme (pairs, then powers r², r⁴, r⁸): five dependent
    /// multiply-adds instead of Horner's twelve, so a loop is not bound by their latency.
    @inlinable @inline(__always)
    static func expm1Tail(_ r: Double) -> Double {
        let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
        let q0 = 1.0 / 2 + r * (1.0 / 6)                  // 1/2! + r/3!
        let q1 = 1.0 / 24 + r * (1.0 / 120)               // 1/4! + r/5!
        let q2 = 1.0 / 720 + r * (1.0 / 5040)
        let q3 = 1.0 / 40320 + r * (1.0 / 362880)
        let q4 = 1.0 / 3628800 + r * (1.0 / 39916800)
        let q5 = 1.0 / 479001600 + r * (1.0 / 6227020800) // 1/12! + r/13!
        let s0 = q0 + r2 * q1, s1 = q2 + r2 * q3, s2 = q4 + r2 * q5
        return r2 * ((s0 + r4 * s1) + r8 * s2)
    }

    /// k = round(x / ln 2) as a Double and as an integer, and r = x − k·ln 2 (|x| < 2⁵¹·ln 2).
    @inlinable @inline(__always)
    static func reduce(_ x: Double) -> (k: Int64, r: Double) {
        let shifter = 6755399441055744.0                      // 1.5·2⁵²: adding it rounds to an integer
        let t = x * 1.4426950408889634 + shifter              // x/ln 2 + shifter
        let kd = t - shifter
        let k = Int64(bitPattern: t.bitPattern) &- Int64(bitPattern: shifter.bitPattern)
        let r = (x - kd * 6.93147180369123816490e-01) - kd * 1.90821492927058770002e-10
        return (k, r)
    }

    /// 2^k for −1022 ≤ k ≤ 1023, from the exponent bits.
    @inlinable @inline(__always)
    static func pow2(_ k: Int64) -> Double {
        Double(bitPattern: UInt64(bitPattern: (k &+ 1023) &<< 52))
    }

    /// e^x. Below −745.2 the result is 0, above 709.8 it is +∞ (as glibc's).
    @inlinable @inline(__always)
    public static func exp(_ x: Double) -> Double {
        var x = x > 709.8 ? 709.8 : x            // comparisons are false for NaN: NaN passes through
        x = x < -745.2 ? -745.2 : x
        let (k, r) = reduce(x)
        let p = 1 + (r + expm1Tail(r))           // e^r
        let k1 = k &>> 1, k2 = k &- k1           // 2^k = 2^k1·2^k2 keeps both factors normal
        return p * pow2(k1) * pow2(k2)           // subnormal results are rounded once, by the last product
    }

    /// tanh x = sign(x)·e/(e + 2) with e = e^{2|x|} − 1 (no cancellation for small |x|);
    /// for |x| ≥ 20, tanh x rounds to ±1.
    @inlinable @inline(__always)
    public static func tanh(_ x: Double) -> Double {
        var u = 2 * Swift.abs(x)
        u = u > 40 ? 40 : u
        let (k, r) = reduce(u)
        let s = pow2(k)                           // 0 ≤ k ≤ 58
        let e = s * (r + expm1Tail(r)) + (s - 1)  // e^u − 1 = 2^k·(e^r − 1) + (2^k − 1)
        let t = e / (e + 2)
        return Double(bitPattern: t.bitPattern | (x.bitPattern & 0x8000_0000_0000_0000))
    }

    /// σ(x) = 1/(1 + e^{−x}), through e = e^{−|x|} ≤ 1 so that nothing overflows:
    /// σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Double) -> Double {
        let e = exp(-Swift.abs(x))
        let s = 1 / (1 + e)
        return x >= 0 ? s : e * s
    }

    /// y[k] = tanh(x[k]) for k < n (y may be x).
    @inlinable @inline(__always)
    public static func tanh(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count n: Int) {
        for k in 0..<n { y[k] = tanh(x[k]) }
    }

    /// y[k] = σ(x[k]) for k < n (y may be x).
    @inlinable @inline(__always)
    public static func sigmoid(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count n: Int) {
        for k in 0..<n { y[k] = sigmoid(x[k]) }
    }

    /// y[k] = e^{x[k]} for k < n (y may be x).
    @inlinable @inline(__always)
    public static func exp(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count n: Int) {
        for k in 0..<n { y[k] = exp(x[k]) }
    }

    /// Σ x[k]², with four partial sums so the loop vectorises. It can overflow where
    /// BLAS `dnrm2` (which rescales) does not: `norm2` below falls back to `dnrm2` then.
    @inlinable @inline(__always)
    public static func sumOfSquares(_ x: UnsafePointer<Double>, count n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var k = 0
        while k + 4 <= n {
            s0 += x[k] * x[k]; s1 += x[k + 1] * x[k + 1]
            s2 += x[k + 2] * x[k + 2]; s3 += x[k + 3] * x[k + 3]
            k += 4
        }
        while k < n { s0 += x[k] * x[k]; k += 1 }
        return (s0 + s2) + (s1 + s3)
    }
}
