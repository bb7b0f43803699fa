import Foundation
import Plotting
import Testing
@testable import Lab

// jacobian-products at its --quick sizes (H = 40, T = 1, 5, 20), read through its typed result.

private let quick = Result { try runQuick(JacobianProducts.self) }

@Test("jacobian-products: the IRNN's singular values are exactly 0 or 1, one 1 per unit active throughout")
func irnnIsExactlyZeroOrOne() throws {
    let r = try quick.get().result
    #expect(r.irnnMaxAbsSigmaMinusRound < 1e-12, "max |σ − round(σ)| = \(r.irnnMaxAbsSigmaMinusRound)")
    let irnn = try #require(r.cases["irnn"])
    let ones = try #require(irnn.ones), active = try #require(irnn.unitsActiveThroughout)
    #expect(!ones.isEmpty && ones == active, "ones \(ones), units active throughout \(active)")
    #expect(zip(ones, ones.dropFirst()).allSatisfy { $0 >= $1 }, "a unit that switched off never comes back: \(ones)")
    #expect(irnn.max.allSatisfy { $0 == 1 || $0 == 0 }, "σ_max per T: \(irnn.max)")
}

@Test("jacobian-products: tanh with Gaussian W vanishes at g = 0.5 and spreads at g = 1.5; orthogonal starts at 1")
func tanhJacobianSpectraVanishOrSpread() throws {
    let r = try quick.get().result
    #expect(r.steps == [1, 5, 20])
    let small = try #require(r.cases["tanh_gaussian_g0_5"]).max
    #expect(small.count == r.steps.count && small.last! < 0.1 * small.first!, "g = 0.5: σ_max \(small)")
    let large = try #require(r.cases["tanh_gaussian_g1_5"])
    let spread = zip(large.max, large.median).map { $0 / $1 }
    #expect(spread.count == r.steps.count && spread.last! > 10 * spread.first!, "g = 1.5: σ_max/median \(spread)")
    let orthogonal = try #require(r.cases["tanh_orthogonal"])
    for (key, values) in [("max", orthogonal.max), ("median", orthogonal.median), ("min", orthogonal.min)] {
        #expect(values.count == r.steps.count && abs(values[0] - 1) < 0.01, "orthogonal \(key) at T = 1: \(values)")
    }
}

@Test("jacobian-products: the manifest's results keep their snake_case keys, the IRNN's counts only on the IRNN")
func jacobianResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try JacobianProducts.json(r)
    #expect(json["steps"] == JSONValue([1, 5, 20]) && json["irnn_max_abs_sigma_minus_round"]?.number == r.irnnMaxAbsSigmaMinusRound)
    guard case .object(let cases)? = json["cases"] else { Issue.record("results.cases is not an object"); return }
    #expect(Set(cases.keys) == ["tanh_gaussian_g0_5", "tanh_gaussian_g1", "tanh_gaussian_g1_5", "tanh_orthogonal", "irnn"])
    #expect(cases["tanh_orthogonal"]?["sigma_max_w"]?.number == r.cases["tanh_orthogonal"]?.sigmaMaxW)
    #expect(cases["irnn"]?["units_active_throughout"] != nil && cases["tanh_orthogonal"]?["ones"] == nil)
    #expect(json["measured"] == nil, "the spectra stay in the figures' data")
}

@Test("jacobian-products: every figure draws finite data, positive on log axes")
func jacobianFiguresAreDrawable() throws {
    expectFiguresDrawable(try quick.get().figures, experiment: JacobianProducts.name)
}
