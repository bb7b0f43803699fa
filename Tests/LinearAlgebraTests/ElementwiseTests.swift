#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import Testing

/// The error of `got` in units of the last place of `want` (0 when both are the same NaN, ±∞ or equal).
private func ulps(_ got: Double, _ want: Double) -> Double {
    if got == want || (got.isNaN && want.isNaN) { return 0 }
    if got.isNaN != want.isNaN || got.isInfinite || want.isInfinite { return .infinity }
    return abs(got - want) / max(want.ulp, Double.leastNonzeroMagnitude)
}

/// 10⁶ points: uniform on [−30, 30] (the cells' range), on [−760, 760] (past overflow and
/// underflow of exp), log-uniform magnitudes 10⁻³²⁰…10² of both signs (subnormals, tiny
/// arguments) and the special values.
private let testPoints: [Double] = {
    var rng = SeededGenerator(seed: 7)
    var p: [Double] = [0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-310, 1e-300, 1e-20, 1e-8,
                       0.34657359, 0.34657360, 0.5, 1, 2, 19, 19.06, 20, 20.5, 25, 40, 700, 709.78, 709.79,
                       745.1, 745.2, 746, 1e300, .greatestFiniteMagnitude, .infinity]
    p += p.map { -$0 }
    for _ in 0..<600_000 { p.append(rng.uniform() * 60 - 30) }
    for _ in 0..<200_000 { p.append(rng.uniform() * 1520 - 760) }
    for _ in 0..<200_000 { p.append((rng.uniform() < 0.5 ? -1 : 1) * pow(10, rng.uniform() * 322 - 320)) }
    return p
}()

/// Checks `fast` against `plain` on every test point; prints the largest error in ulp and where.
private func check(_ name: String, _ fast: (Double) -> Double, _ plain: (Double) -> Double, maxULP: Double) {
    var worst = 0.0, at = 0.0
    for x in testPoints {
        let e = ulps(fast(x), plain(x))
        if e > worst { worst = e; at = x }
    }
    print("Elementwise.\(name): largest error \(worst) ulp at x = \(at) over \(testPoints.count) points")
    #expect(worst <= maxULP, "Elementwise.\(name) is \(worst) ulp off at x = \(at)")
}

@Suite("Vectorisable exp, tanh and sigmoid against the C library")
struct ElementwiseTests {
    @Test("exp is within 2 ulp of the C library's, with its overflow and underflow")
    func expMatches() { check("exp", Elementwise.exp, { exp($0) }, maxULP: 2) }

    @Test("tanh is within 4 ulp of the C library's, keeps the sign of zero and saturates at ±1")
    func tanhMatches() {
        check("tanh", Elementwise.tanh, { tanh($0) }, maxULP: 4)
        #expect(Elementwise.tanh(-0.0).sign == .minus && Elementwise.tanh(0.0) == 0)
        #expect(Elementwise.tanh(20) == 1 && Elementwise.tanh(-1e300) == -1)
    }

    @Test("sigmoid is within 4 ulp of 1/(1 + e^−x) written with the C library's exp")
    func sigmoidMatches() {
        check("sigmoid", Elementwise.sigmoid,
              { x in x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }, maxULP: 4)
        #expect(Elementwise.sigmoid(800) == 1 && Elementwise.sigmoid(-800) == 0)
    }

    @Test("NaN goes through every function")
    func nanPropagates() {
        #expect(Elementwise.exp(.nan).isNaN && Elementwise.tanh(.nan).isNaN && Elementwise.sigmoid(.nan).isNaN)
    }

    @Test("the buffer forms equal the scalar functions, in place and out of place")
    func bufferForms() {
        let n = 1001
        var rng = SeededGenerator(seed: 3)
        let x = (0..<n).map { _ in rng.uniform() * 40 - 20 }
        var y = [Double](repeating: 0, count: n), z = x
        x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { yp in
            Elementwise.tanh(xp.baseAddress!, into: yp.baseAddress!, count: n)
        } }
        z.withUnsafeMutableBufferPointer { zp in Elementwise.sigmoid(zp.baseAddress!, into: zp.baseAddress!, count: n) }
        #expect(y == x.map(Elementwise.tanh))
        #expect(z == x.map(Elementwise.sigmoid))
        let s = x.withUnsafeBufferPointer { Elementwise.sumOfSquares($0.baseAddress!, count: n) }
        #expect(abs(s - x.reduce(0) { $0 + $1 * $1 }) <= 1e-12 * s)
    }
}
