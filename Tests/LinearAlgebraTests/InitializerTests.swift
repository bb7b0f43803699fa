import Foundation
import Testing
import LinearAlgebra

/// One 1000×1000 Gaussian matrix (g = 1) and its spectra, computed once for the random-matrix tests.
private let gaussianSample: (σ: [Double], ρ: Double) = {
    var rng = SeededGenerator(seed: 1000)
    let W = Initializer.gaussian(rows: 1000, cols: 1000, gain: 1, using: &rng)
    return (try! singularValues(W), try! spectralRadius(W))
}()

@Suite("Initializers and the random-matrix facts of reference-science §7.4")
struct InitializerTests {
    @Test("orthogonal initialiser: every singular value is gain within 1e-12", arguments: [(1.0, 50), (1.3, 64)])
    func orthogonalIsIsometry(gain: Double, n: Int) throws {
        var rng = SeededGenerator(seed: 9)
        let Q = Initializer.orthogonal(n, gain: gain, using: &rng)
        let σ = try singularValues(Q)
        let d = σ.map { abs($0 - gain) }.max() ?? 0
        #expect(d < 1e-12, "largest |σ − gain| = \(d)")
        #expect(abs(try spectralRadius(Q) - gain) < 1e-12)
    }

    /// For Haar Q, E[Q₁₁] = 0 and E[Q₁₁²] = 1/n. Without the sign fix LAPACK's Householder
    /// convention (r₁₁ = −sign(g₁₁)‖g₁‖) makes Q₁₁ = −|g₁₁|/‖g₁‖ always negative, mean ≈ −0.4 at n = 4.
    @Test("orthogonal initialiser is Haar: Q₁₁ has mean 0 and mean square 1/n")
    func orthogonalIsHaar() {
        var rng = SeededGenerator(seed: 77)
        let n = 4, trials = 4000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<trials {
            let q = Initializer.orthogonal(n, using: &rng)[0, 0]
            sum += q
            sumSq += q * q
        }
        let mean = sum / Double(trials), meanSq = sumSq / Double(trials)
        // sd(Q₁₁) = 1/2 for n = 4, so the standard error of the mean is 0.5/√4000 ≈ 0.008.
        #expect(abs(mean) < 0.03, "mean Q₁₁ = \(mean)")
        #expect(abs(meanSq - 0.25) < 0.02, "mean Q₁₁² = \(meanSq)")
    }

    @Test("gaussian initialiser, g = 1, N = 1000: quarter-circle law (mean σ 8/(3π), σ_max 2, share σ > 1 = 0.391)")
    func quarterCircleLaw() {
        let σ = gaussianSample.σ
        let mean = σ.reduce(0, +) / Double(σ.count)
        let meanSquare = σ.reduce(0) { $0 + $1 * $1 } / Double(σ.count)
        let above1 = Double(σ.filter { $0 > 1 }.count) / Double(σ.count)
        let wantMean = 8 / (3 * Double.pi)
        let wantAbove1 = 2.0 / 3 - 3.0.squareRoot() / (2 * Double.pi)
        #expect(abs(mean / wantMean - 1) < 0.02, "mean σ = \(mean), want \(wantMean)")
        #expect(abs(σ[0] / 2 - 1) < 0.03, "σ_max = \(σ[0]), want 2")
        #expect(abs(above1 - wantAbove1) < 0.02, "share σ > 1 = \(above1), want \(wantAbove1)")
        #expect(abs(meanSquare - 1) < 0.02, "mean σ² = \(meanSquare), want 1")
    }

    @Test("gaussian initialiser, g = 1, N = 1000: circular law, ρ within 5 % of g")
    func circularLaw() {
        #expect(abs(gaussianSample.ρ - 1) < 0.05, "ρ = \(gaussianSample.ρ)")
    }

    @Test("gaussian initialiser with gain g = 0.5, N = 300 has ρ ≈ g but σ_max ≈ 2g > 1")
    func gainScalesSpectrum() throws {
        var rng = SeededGenerator(seed: 300)
        let W = Initializer.gaussian(rows: 300, cols: 300, gain: 0.5, using: &rng)
        let ρ = try spectralRadius(W), σmax = try singularValues(W)[0]
        #expect(abs(ρ / 0.5 - 1) < 0.08, "ρ = \(ρ)")
        #expect(abs(σmax / 1.0 - 1) < 0.05, "σ_max = \(σmax)")
    }

    @Test("rescaledToSpectralRadius gives the requested ρ within 1e-10", arguments: [0.5, 1.0, 1.5, 0.0])
    func rescaling(rho: Double) throws {
        var rng = SeededGenerator(seed: 12)
        let W = Initializer.gaussian(rows: 40, cols: 40, using: &rng)
        let V = try Initializer.rescaledToSpectralRadius(W, rho)
        let got = try spectralRadius(V)
        #expect(abs(got - rho) < 1e-10, "ρ = \(got), want \(rho)")
        let dlfs = try spectralRadius(try Initializer.rescaledToSpectralRadius(dlfs2Wh, rho))
        #expect(abs(dlfs - rho) < 1e-10, "DLFS2 Wh rescaled: ρ = \(dlfs)")
    }

    @Test("xavier and uniform stay inside their bounds with variance bound²/3")
    func uniformBounds() {
        var rng = SeededGenerator(seed: 4)
        let X = Initializer.xavier(rows: 300, cols: 100, using: &rng)
        let b = (6.0 / 400).squareRoot()
        #expect(X.elements.allSatisfy { abs($0) <= b })
        let varX = X.elements.reduce(0) { $0 + $1 * $1 } / Double(X.elements.count)
        #expect(abs(varX / (2.0 / 400) - 1) < 0.03, "Var = \(varX), want \(2.0 / 400)")
        let H = 64
        let bound = 1 / Double(H).squareRoot()
        let U = Initializer.uniform(rows: 4 * H, cols: H, bound: bound, using: &rng)
        #expect(U.elements.allSatisfy { abs($0) <= bound })
        let varU = U.elements.reduce(0) { $0 + $1 * $1 } / Double(U.elements.count)
        #expect(abs(varU / (bound * bound / 3) - 1) < 0.05, "Var = \(varU)")
    }

    @Test("identity initialiser is scale·I with every eigenvalue equal to scale")
    func identityInit() throws {
        let I = Initializer.identity(5, scale: 0.9)
        #expect(I == Matrix.identity(5, scale: 0.9))
        #expect(try eigenvalues(I).allSatisfy { $0 == Complex(re: 0.9, im: 0) })
    }

    @Test("the same seed gives the same weights")
    func reproducible() {
        var a = SeededGenerator(seed: 99), b = SeededGenerator(seed: 99)
        #expect(Initializer.orthogonal(8, using: &a) == Initializer.orthogonal(8, using: &b))
        #expect(Initializer.gaussian(rows: 5, cols: 7, gain: 1.5, using: &a)
                == Initializer.gaussian(rows: 5, cols: 7, gain: 1.5, using: &b))
    }
}
