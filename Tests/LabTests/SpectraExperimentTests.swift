import Foundation
import Plotting
import Testing
@testable import Lab

// jacobian-products, run at its `--quick` sizes from the real experiments/NAME.toml:
// the headline numbers in `results` and the drawability of every figure.

/// Each experiment runs once; the tests share its output.
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

@Test("every figure of jacobian-products draws finite data, positive on log axes")
func jacobianProductsFiguresAreDrawable() throws {
    expectFiguresDrawable(try jacobianQuick.get(), experiment: "jacobian-products")
}
