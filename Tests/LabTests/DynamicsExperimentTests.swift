import Foundation
import Testing
@testable import Lab

// The gradient-dynamics experiments run on their real files with --quick sizes; the tests check
// the headline numbers their descriptions promise and that every figure draws.

/// Each experiment computed once (a global `let` is initialised on first use, once), shared by the tests.
private let quickOutputs: [String: Result<ExperimentOutput, any Error>] = Dictionary(uniqueKeysWithValues:
    [Catalogue.gradientNormsFourCells, Catalogue.lstmForgetBias].map { e in
        (e.name, Result { try runQuick(e) })
    })

private func output(_ name: String) throws -> ExperimentOutput { try #require(quickOutputs[name]).get() }

private func number(_ value: JSONValue?, _ path: String) throws -> Double {
    try #require(value?.number, "results.\(path) is not a number")
}

@Test("gradient-norms-four-cells: the IRNN keeps the gradient, tanh loses it, and σ_max(W_hh) ≈ 2g")
func gradientNormsHeadlines() throws {
    let cells = try #require(try output("gradient-norms-four-cells").results["cells"])
    let irnn = try number(cells["irnn"]?["factor_per_step"], "cells.irnn.factor_per_step")
    #expect(abs(irnn - 1) < 0.01, "IRNN factor per step \(irnn)")
    let tanh = try number(cells["tanh"]?["factor_per_step"], "cells.tanh.factor_per_step")
    let tanhFirst = try number(cells["tanh"]?["log10_dh1_over_dhT"], "cells.tanh.log10_dh1_over_dhT")
    #expect(tanh < 0.98 && tanhFirst < -0.5, "tanh factor \(tanh), log₁₀ ‖dh_1‖/‖dh_T‖ = \(tanhFirst)")
    let σ = try number(cells["tanh"]?["sigma_max_mean"], "cells.tanh.sigma_max_mean")
    let expected = try number(cells["tanh"]?["sigma_max_expected"], "cells.tanh.sigma_max_expected")
    #expect(abs(σ / expected - 1) < 0.15, "σ_max \(σ) against 2g = \(expected)")
    let bound = try number(cells["tanh"]?["log10_bound_at_first_step"], "cells.tanh.log10_bound_at_first_step")
    #expect(bound > tanhFirst, "the bound (γ σ_max)^(T−1) = 10^\(bound) lies above the measured 10^\(tanhFirst)")
    for cell in ["lstm", "gru"] {
        let f = try number(cells[cell]?["factor_per_step"], "cells.\(cell).factor_per_step")
        #expect(f > 0 && f < 1, "\(cell) factor per step \(f)")
    }
    #expect(cells["lstm"]?["log10_dc1_over_dhT"]?.number != nil)
}

@Test("lstm-forget-bias: the cell-path factor per step is σ(b_f) within 1 % for every b_f")
func forgetBiasFactors() throws {
    let results = try output("lstm-forget-bias").results
    guard case .object(let perBias) = try #require(results["forget_biases"]) else {
        Issue.record("results.forget_biases is not an object"); return
    }
    #expect(Set(perBias.keys) == ["b_f_0", "b_f_1", "b_f_2", "b_f_3"])
    for (key, r) in perBias {
        let measured = try number(r["measured_factor"], "\(key).measured_factor")
        let b = try number(r["forget_bias"], "\(key).forget_bias")
        let σ = 1 / (1 + exp(-b))
        #expect(abs(measured / σ - 1) < 0.01, "\(key): measured \(measured), σ(b_f) = \(σ)")
        let halfLife = try number(r["half_life_measured"], "\(key).half_life_measured")
        #expect(abs(halfLife / (log(0.5) / log(σ)) - 1) < 0.02, "\(key): half-life \(halfLife)")
    }
    #expect(results["within_one_percent"] == .bool(true))
}

@Test("every series the gradient-dynamics figures draw is finite, and positive on log axes",
      arguments: ["gradient-norms-four-cells", "lstm-forget-bias"])
func gradientDynamicsFiguresAreDrawable(name: String) throws {
    expectFiguresDrawable(try output(name), experiment: name)
}
