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

// With T = 100 the quick sizes (H = 40) put every Gaussian median below the resolution floor.
private let longT = Result { try runQuick(JacobianProducts.self, overrides: ["steps=[1,5,20,100]"]) }

@Test("jacobian-products: a median below the resolution floor is drawn as an arrow from the floor, never as a point")
func belowFloorMediansAreArrows() throws {
    let (r, figures) = try longT.get()
    let growth = try #require(figures.first { $0.name == "growth" })
    let median = growth.panels[1], spread = growth.panels[2]
    let bound = 1 / (Double(r.hidden) * Double.ulpOfOne)
    var below = 0
    for c in r.cases.values where c.label != "IRNN (ReLU, W_hh = I)" {
        for (k, T) in r.steps.enumerated() where c.median[k] <= c.resolutionFloor[k] {
            below += 1
            let point = median.series.first { $0.label == c.label }
            #expect(point.map { !$0.x.contains(Double(T)) } ?? true, "\(c.label), T = \(T): drawn as a number")
            #expect(median.series.contains { s in
                guard case .vectors(_, let dy) = s.mark else { return false }
                return zip(zip(s.x, s.y), dy).contains { $0.0 == Double(T) && $0.1 == c.resolutionFloor[k] && $1 < 0 }
            }, "\(c.label), T = \(T): no arrow down from the floor")
            #expect(spread.series.contains { s in
                guard case .vectors(_, let dy) = s.mark else { return false }
                return zip(zip(s.x, s.y), dy).contains { $0.0 == Double(T) && abs($0.1 / bound - 1) < 1e-12 && $1 > 0 }
            }, "\(c.label), T = \(T): no arrow up from 1/(H·ε)")
        }
    }
    #expect(below >= 3, "the test needs medians below the floor: \(below)")
    #expect(median.series.contains { $0.label.contains("below floor") } && spread.series.contains { $0.label.contains("below floor") })
}

@Test("jacobian-products: in the spread panel g = 0.5 is drawn wide beneath g = 1, whose ratios it repeats, and a note says why")
func coincidingGainsAreExplained() throws {
    let (r, figures) = try quick.get()
    let spread = try #require(figures.first { $0.name == "growth" }).panels[2]
    let g05 = try #require(r.cases["tanh_gaussian_g0_5"]), g1 = try #require(r.cases["tanh_gaussian_g1"])
    // The data first: the same W scaled by g gives the same ratio while tanh′ ≈ 1.
    for k in r.steps.indices where g05.median[k] > g05.resolutionFloor[k] && g1.median[k] > g1.resolutionFloor[k] {
        let a = g05.max[k] / g05.median[k], b = g1.max[k] / g1.median[k]
        #expect(abs(log10(a / b)) < 0.05, "T = \(r.steps[k]): σ_max/median \(a) at g = 0.5, \(b) at g = 1")
    }
    let wide = try #require(spread.series.firstIndex { $0.label.hasPrefix("tanh, Gaussian g = 0.5") })
    let top = try #require(spread.series.firstIndex { $0.label == "tanh, Gaussian g = 1" })
    #expect(wide < top && spread.series[wide].style.width > 2 * spread.series[top].style.width)
    #expect(spread.series[wide].label.contains("under g = 1"))
    #expect(spread.labels.contains { $0.text.contains("g = 0.5 lies under g = 1") && $0.text.contains("g^T cancels") })
}
