import Foundation
import LinearAlgebra
import Testing
@testable import Dynamics

@Test("Gaussian W at g = 1, H = 1000 follows the quarter-circle law; orthogonal W has every σ = 1")
func quarterCircleLawAndOrthogonal() throws {
    var rng = SeededGenerator(seed: 1)
    let g = try spectrum(of: RecurrentInit.gaussian.matrix(1000, gain: 1, using: &rng), initialization: .gaussian, gain: 1,
                         bins: 40, range: 0...2.2)
    print("g = 1, H = 1000: mean σ \(g.meanSingularValue), σ_max \(g.sigmaMax), share > 1 \(g.shareAboveOne), ρ \(g.spectralRadius), mean σ² \(g.meanSquaredSingularValue)")
    #expect(abs(g.meanSingularValue / (8 / (3 * Double.pi)) - 1) < 0.02)
    #expect(abs(g.sigmaMax / 2 - 1) < 0.03)
    #expect(abs(g.shareAboveOne - (2.0 / 3 - 3.0.squareRoot() / (2 * Double.pi))) < 0.02)
    #expect(abs(g.spectralRadius - 1) < 0.05)
    #expect(g.histogram.counts.reduce(0, +) == 1000)
    let o = try spectrum(of: RecurrentInit.orthogonal.matrix(1000, gain: 1, using: &rng), initialization: .orthogonal,
                         gain: 1, bins: 40, range: 0...2.2)
    let worst = o.singularValues.map { abs($0 - 1) }.max()!
    print("orthogonal: largest |σ − 1| \(worst)")
    #expect(worst < 1e-12)
    #expect(o.shareAboveOne == 0)
}

@Test("the quarter-circle density integrates to 1 and its CDF gives the share 2/3 − √3/(2π) above 1")
func quarterCircleDensityIsNormalised() {
    for gain in [0.5, 1.0, 1.5] {
        let n = 20000, top = 2 * gain, ds = top / Double(n)
        let integral = (0..<n).reduce(0.0) { $0 + quarterCircleDensity((Double($1) + 0.5) * ds, gain: gain) * ds }
        #expect(abs(integral - 1) < 1e-5, "g = \(gain): ∫p = \(integral)")
        #expect(abs(quarterCircleCDF(top, gain: gain) - 1) < 1e-15)
    }
    #expect(abs((1 - quarterCircleCDF(1)) - (2.0 / 3 - 3.0.squareRoot() / (2 * Double.pi))) < 1e-15)
    let h = histogram([0, 0.5, 1, 1.99, 2, 3], bins: 4, range: 0...2)
    #expect(h.counts == [1, 1, 1, 2] && h.outside == 1)
}
