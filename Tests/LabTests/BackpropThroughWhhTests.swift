import Foundation
import Plotting
import Testing
@testable import Lab

// backprop-through-whh at its --quick sizes, read through its typed result.

private let quick = Result { try runQuick(BackpropThroughWhh.self) }

@Test("backprop-through-whh: the per-step ratio ‖dh_k‖/‖dh_{k−1}‖ settles at ρ, not at σ_max")
func ratioSettlesAtSpectralRadius() throws {
    let r = try quick.get().result
    #expect(r.cases.count == 5)
    // DLFS2's seed-3 matrix has a real top eigenvalue well separated from the next: the power
    // iteration converges geometrically, so 40 steps bring the ratio within 1e-3 of ρ.
    for key in ["dlfs2", "dlfs2_half"] {
        let c = try #require(r.cases[key])
        #expect(abs(c.finalRatio / c.spectralRadius - 1) < 1e-3, "\(key): ratio \(c.finalRatio), ρ \(c.spectralRadius)")
    }
    // The orthogonal matrix keeps every norm: each ratio is 1 to rounding.
    let orthogonal = try #require(r.cases["orthogonal"])
    #expect(abs(orthogonal.finalRatio - 1) < 1e-12 && abs(orthogonal.sigmaMax - 1) < 1e-12)
}

@Test("backprop-through-whh: with σ_max > 1 but ρ < 1 the slide's rule predicts explosion and the gradient vanishes")
func slidesRuleFailsWhenSigmaAboveOneAndRhoBelow() throws {
    let r = try quick.get().result
    let half = try #require(r.cases["dlfs2_half"])
    #expect(half.sigmaMax > 1 && half.spectralRadius < 1 && half.ruleOfThumbFails)
    let contracting = try #require(r.cases["contracting"])
    #expect(abs(contracting.sigmaMax - 0.9) < 1e-12 && !contracting.ruleOfThumbFails)
}

@Test("backprop-through-whh: the manifest's results are the encoded typed result, keys in snake_case")
func resultsEncodeWithTheFilesKeys() throws {
    let r = try quick.get().result
    let json = try BackpropThroughWhh.json(r)
    #expect(json["steps"]?.number == 40)
    #expect(json["cases"]?["gaussian"]?["spectral_radius"]?.number == r.cases["gaussian"]?.spectralRadius)
    #expect(json["cases"]?["gaussian"]?["series"] == nil && json["measured"] == nil, "the series stay in the figure's data")
    let decoded = try JSONDecoder().decode(BackpropThroughWhh.Result.self, from: JSONEncoder().encode(json))
    #expect(decoded.cases == r.cases)
}
