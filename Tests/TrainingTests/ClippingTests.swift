import Foundation
import Testing
@testable import Training

@Test("Norm clipping (Pascanu Alg. 1) at ‖g‖ = τ fires and leaves g unchanged; below τ it does nothing")
func normClippingAtThreshold() {
    var g: [Double] = [3, 4]
    let at = Clipping.norm(5).apply(&g)
    #expect(g == [3, 4] && at.clipped && at.normBefore == 5 && at.normAfter == 5)
    let below = Clipping.norm(10).apply(&g)
    #expect(g == [3, 4] && !below.clipped && below.normAfter == 5)
}

@Test("Norm clipping with τ = 2 rescales g = (3, 4) to 2·g/5 = (1.2, 1.6)")
func normClippingRescales() {
    var g: [Double] = [3, 4]
    let o = Clipping.norm(2).apply(&g)
    #expect(abs(g[0] - 1.2) < 1e-15 && abs(g[1] - 1.6) < 1e-15, "g = \(g)")
    #expect(o.clipped && o.normBefore == 5 && abs(o.normAfter - 2) < 1e-15)
}

@Test("Value clipping caps each component at ±c and so turns the direction")
func valueClipping() {
    var g: [Double] = [3, 4, -5]
    let o = Clipping.value(3.5).apply(&g)
    #expect(g == [3, 3.5, -3.5] && o.clipped)
    let cosine = (3 * 3 + 4 * 3.5 + 5 * 3.5) / (50.0.squareRoot() * o.normAfter)
    #expect(cosine < 0.999, "cos(g, clipped g) = \(cosine)")
}

@Test("Squared-norm variant: Σg² = 25 > τ = 2 gives g·2/25 = (0.24, 0.32), norm 0.4 = τ/‖g‖")
func squaredNormVariant() {
    var g: [Double] = [3, 4]
    let o = Clipping.squaredNorm(2).apply(&g)
    #expect(abs(g[0] - 0.24) < 1e-15 && abs(g[1] - 0.32) < 1e-15, "g = \(g)")
    #expect(o.clipped && abs(o.normAfter - 0.4) < 1e-15)
    var h: [Double] = [3, 4]                    // the rule starts at ‖g‖ > √τ: √30 ≈ 5.48 > 5, untouched
    let p = Clipping.squaredNorm(30).apply(&h)
    #expect(h == [3, 4] && !p.clipped)
}

@Test("No clipping reports the norm and changes nothing")
func noClipping() {
    var g: [Double] = [3, 4]
    let o = Clipping.none.apply(&g)
    #expect(g == [3, 4] && !o.clipped && o.normBefore == 5 && o.normAfter == 5)
}

@Test("The one norm rule fires at ‖g‖ = τ exactly (Pascanu's ≥), where the factor τ/‖g‖ = 1 leaves g bit for bit; just below τ it does not fire, just above it rescales to τ",
      arguments: [1e-3, 1.0, 5.0, 1e6])
func normRuleFiresAtThreshold(τ: Double) {
    let g0 = [0.6 * τ, -0.8 * τ, 0.0]
    var g = g0
    let at = Clipping.norm(τ).apply(&g, norm: τ)
    #expect(at.clipped && g == g0 && at.normBefore == τ)
    g = g0
    let below = Clipping.norm(τ).apply(&g, norm: τ.nextDown)
    #expect(!below.clipped && g == g0)
    g = g0
    let above = Clipping.norm(τ).apply(&g, norm: 2 * τ)
    #expect(above.clipped && g == g0.map { $0 * 0.5 }, "g = \(g)")
}

@Test("Value clipping fires only when some |g_i| > c; a component equal to c is left as it is")
func valueRuleBoundary() {
    var g: [Double] = [5, -5, 1]
    let o = Clipping.value(5).apply(&g)
    #expect(!o.clipped && g == [5, -5, 1])
}
