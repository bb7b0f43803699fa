import Foundation
import Testing
@testable import Lab

// The gradient-dynamics experiments run on their real files with --quick sizes; the tests check
// the headline numbers their descriptions promise and that every figure draws.

/// Each experiment computed once (a global `let` is initialised on first use, once), shared by the tests.
private let quickOutputs: [String: Result<ExperimentOutput, any Error>] = Dictionary(uniqueKeysWithValues:
    [Catalogue.lstmForgetBias].map { e in
        (e.name, Result { try runQuick(e) })
    })

private func output(_ name: String) throws -> ExperimentOutput { try #require(quickOutputs[name]).get() }

private func number(_ value: JSONValue?, _ path: String) throws -> Double {
    try #require(value?.number, "results.\(path) is not a number")
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
      arguments: ["lstm-forget-bias"])
func gradientDynamicsFiguresAreDrawable(name: String) throws {
    expectFiguresDrawable(try output(name), experiment: name)
}
