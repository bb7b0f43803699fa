import Foundation
import Plotting
import Testing
@testable import Lab

// The two spectra experiments, run at their `--quick` sizes from the real experiments/NAME.toml:
// the headline numbers in `results` and the drawability of every figure.

/// Each experiment runs once; the tests share its output.
private let spectraQuick = Result { try runQuick(Catalogue.singularValueSpectra) }
private let jacobianQuick = Result { try runQuick(Catalogue.jacobianProducts) }

/// The numbers of a JSON array (empty for anything else).
private func numbers(_ v: JSONValue?) -> [Double] {
    guard case .array(let a)? = v else { return [] }
    return a.compactMap(\.number)
}

/// `results[path[0]][path[1]]…` as a number; NaN when missing, so every comparison fails.
private func number(_ results: JSONValue, _ path: String...) -> Double {
    var v: JSONValue? = results
    for key in path { v = v?[key] }
    return v?.number ?? .nan
}

@Test("singular-value-spectra: at g = 1 the Gaussian spectrum follows the quarter-circle and circular laws")
func gaussianSpectrumFollowsTheLaws() throws {
    let r = try spectraQuick.get().results
    let mean = number(r, "gaussian_g1", "mean_sigma"), sigmaMax = number(r, "gaussian_g1", "sigma_max")
    let share = number(r, "gaussian_g1", "share_above_one"), rho = number(r, "gaussian_g1", "spectral_radius")
    // H = 200: the bulk laws hold to a few per cent, the edges (σ_max, ρ) to about 10 %.
    #expect(abs(mean - 8 / (3 * Double.pi)) < 0.03, "mean σ \(mean), theory 8/(3π) ≈ 0.849")
    #expect(abs(sigmaMax - 2) < 0.2, "σ_max \(sigmaMax), theory 2")
    #expect(abs(share - (2.0 / 3 - 3.0.squareRoot() / (2 * Double.pi))) < 0.05, "share σ > 1 \(share), theory 0.391")
    #expect(abs(rho - 1) < 0.15, "ρ \(rho), theory 1")
    #expect(abs(number(r, "gaussian_g1", "mean_sigma_squared") - 1) < 0.05)
    #expect(abs(number(r, "xavier", "mean_sigma") - 8 / (3 * Double.pi)) < 0.03, "Xavier is the g = 1 case again")
}

@Test("singular-value-spectra: every σ of an orthogonal or identity W_hh is 1 within 1e-12")
func orthogonalAndIdentityAreIsometries() throws {
    let r = try spectraQuick.get().results
    let orthogonal = number(r, "orthogonal_max_abs_sigma_minus_one"), identity = number(r, "identity_max_abs_sigma_minus_one")
    #expect(orthogonal < 1e-12, "orthogonal max |σ − 1| = \(orthogonal)")
    #expect(identity < 1e-12, "identity max |σ − 1| = \(identity)")
    #expect(abs(number(r, "orthogonal_spectral_radius") - 1) < 1e-12)
    #expect(number(r, "cases", "orthogonal", "max_abs_modulus_lambda_minus_one") < 1e-12, "every |λ| = 1")
}

@Test("singular-value-spectra: across the gain sweep σ_max ≈ 2g while ρ ≈ g")
func sigmaMaxIsTwiceTheSpectralRadius() throws {
    let sweep = try #require(try spectraQuick.get().results["gain_sweep"])
    let g = numbers(sweep["gain"]), sigmaMax = numbers(sweep["sigma_max"]), rho = numbers(sweep["spectral_radius"])
    #expect(!g.isEmpty && sigmaMax.count == g.count && rho.count == g.count)
    for (i, gain) in g.enumerated() {
        #expect(abs(sigmaMax[i] / (2 * gain) - 1) < 0.1, "g = \(gain): σ_max = \(sigmaMax[i])")
        #expect(abs(rho[i] / gain - 1) < 0.15, "g = \(gain): ρ = \(rho[i])")
    }
}

@Test("jacobian-products: the IRNN's singular values are exactly 0 or 1, one 1 per unit active throughout")
func irnnIsExactlyZeroOrOne() throws {
    let r = try jacobianQuick.get().results
    let distance = number(r, "irnn_max_abs_sigma_minus_round")
    #expect(distance < 1e-12, "max |σ − round(σ)| = \(distance)")
    let irnn = try #require(r["cases"]?["irnn"])
    let ones = numbers(irnn["ones"]), active = numbers(irnn["units_active_throughout"])
    #expect(!ones.isEmpty && ones == active, "ones \(ones), units active throughout \(active)")
    #expect(zip(ones, ones.dropFirst()).allSatisfy { $0 >= $1 }, "a unit that switched off never comes back: \(ones)")
    #expect(numbers(irnn["max"]).allSatisfy { $0 == 1 || $0 == 0 })
}

@Test("jacobian-products: tanh with Gaussian W vanishes at g = 0.5 and spreads at g = 1.5; orthogonal starts at 1")
func tanhJacobianSpectraVanishOrSpread() throws {
    let r = try jacobianQuick.get().results
    let steps = numbers(r["steps"])
    #expect(steps.count >= 2 && steps.first == 1)
    let small = numbers(r["cases"]?["tanh_gaussian_g0_5"]?["max"])
    #expect(small.count == steps.count && small.last! < 0.1 * small.first!, "g = 0.5: σ_max \(small)")
    let large = try #require(r["cases"]?["tanh_gaussian_g1_5"])
    let spread = zip(numbers(large["max"]), numbers(large["median"])).map { $0 / $1 }
    #expect(spread.count == steps.count && spread.last! > 10 * spread.first!, "g = 1.5: σ_max/median \(spread)")
    for key in ["max", "median", "min"] {
        let orthogonal = numbers(r["cases"]?["tanh_orthogonal"]?[key])
        #expect(orthogonal.count == steps.count && abs(orthogonal[0] - 1) < 0.01, "orthogonal \(key) at T = 1: \(orthogonal)")
    }
}

@Test("every figure of both experiments draws finite data, positive on log axes", arguments: ["singular-value-spectra", "jacobian-products"])
func spectraFiguresAreDrawable(name: String) throws {
    expectFiguresDrawable(try (name == "jacobian-products" ? jacobianQuick : spectraQuick).get(), experiment: name)
}
