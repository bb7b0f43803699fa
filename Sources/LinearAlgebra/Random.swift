#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A seeded pseudo-random generator: xoshiro256** (Blackman & Vigna, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 47(4), 2021; https://prng.di.unimi.it).
///
/// State: four 64-bit words s₀…s₃ (period 2²⁵⁶ − 1). One step:
///
///     output = rotl(s₁ · 5, 7) · 9                      (the "**" scrambler)
///     t = s₁ << 17
///     s₂ ^= s₀;  s₃ ^= s₁;  s₁ ^= s₂;  s₀ ^= s₃;  s₂ ^= t;  s₃ = rotl(s₃, 45)
///
/// `init(seed:)` fills s₀…s₃ with four successive SplitMix64 outputs (Steele, Lea & Flood 2014),
/// as the authors recommend: one 64-bit seed becomes a well-mixed, never all-zero state, and
/// nearby seeds give unrelated streams. Everything is integer arithmetic, so the same seed
/// gives the same `next()` on every machine; `uniform()` is exact, and `gaussian()` adds only
/// `log` and `sqrt` from libm (sqrt is correctly rounded by IEEE 754).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spare: Double?                         // the polar method's second normal

    /// The state is four SplitMix64 outputs starting from `seed`.
    public init(seed: UInt64) {
        var x = seed
        s0 = Self.splitMix64(&x)
        s1 = Self.splitMix64(&x)
        s2 = Self.splitMix64(&x)
        s3 = Self.splitMix64(&x)
    }

    /// Sets the raw state (for reference vectors). The state must not be all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "SeededGenerator: the all-zero state is a fixed point")
        (s0, s1, s2, s3) = state
    }

    /// SplitMix64: x += 0x9E3779B97F4A7C15 (2⁶⁴/φ), then two xor-shift-multiply rounds of the
    /// new x. Seed 0 gives 0xE220A8397B1DCDAF first.
    public static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform on [0, 1): the top 53 bits of `next()` times 2⁻⁵³, so every value is a multiple
    /// of 2⁻⁵³ and 1 is never returned. (The low bits of xoshiro's output are its weakest.)
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal N(0, 1) by Marsaglia's polar method (Marsaglia & Bray 1964): draw
    /// u, v uniform on (−1, 1) until 0 < s = u² + v² < 1, then u·√(−2 ln s / s) and
    /// v·√(−2 ln s / s) are two independent normals. The second is kept for the next call.
    ///
    /// Chosen over Box–Muller because it needs no cos/sin: only `log`, so fewer libm results
    /// that could differ in the last bit between platforms.
    public mutating func gaussian() -> Double {
        if let z = spare {
            spare = nil
            return z
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let f = (-2 * log(s) / s).squareRoot()
            spare = v * f
            return u * f
        }
    }

    /// A rows×cols matrix of independent N(0, std²) entries, drawn in column-major order.
    public mutating func gaussianMatrix(rows: Int, cols: Int, std: Double = 1) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for k in 0..<m.elements.count { m.elements[k] = std * gaussian() }
        return m
    }

    /// A rows×cols matrix of independent U[low, high) entries, drawn in column-major order.
    public mutating func uniformMatrix(rows: Int, cols: Int, low: Double = 0, high: Double = 1) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for k in 0..<m.elements.count { m.elements[k] = low + (high - low) * uniform() }
        return m
    }
}
