import Foundation
import Plotting
import Testing
@testable import Lab

// The training experiments run on their real files with --quick sizes; the tests check the
// claims of the issue at that size, the results keys, and that the figures hold finite data.

/// Each experiment computed once, shared by the tests.
private let quickOutputs: [String: Result<ExperimentOutput, any Error>] = Dictionary(uniqueKeysWithValues:
    [Catalogue.clippingTraining, Catalogue.irnnAdding, Catalogue.gradientFlowTraining].map { e in
        (e.name, Result { try runQuick(e) })
    })

private func output(_ name: String) throws -> ExperimentOutput { try #require(quickOutputs[name]).get() }

private func number(_ value: JSONValue?, _ path: String) throws -> Double {
    try #require(value?.number, "results.\(path) is not a number")
}

/// The series of `figure` (by name) in panel `panel`.
private func series(_ out: ExperimentOutput, figure: String, panel: Int) throws -> [Series] {
    let f = try #require(out.figures.first { $0.name == figure }, "no figure \(figure)")
    return try #require(f.panels.indices.contains(panel) ? f.panels[panel].series : nil, "\(figure) has no panel \(panel)")
}

@Test("clipping-training (quick): unclipped SGD diverges or ends far above norm clipping; after norm clipping ‖g‖ ≤ τ")
func clippingTrainingHeadlines() throws {
    let out = try output("clipping-training")
    let v = try #require(out.results["variants"])
    for key in ["none", "norm", "value", "squared_norm"] {
        #expect(v[key]?["final_loss"] != nil && v[key]?["diverged"] != nil && v[key]?["clipped_share"]?.number != nil,
                "results.variants.\(key) lacks final_loss, diverged or clipped_share")
    }
    let norm = try number(v["norm"]?["final_loss"], "variants.norm.final_loss")
    let none = v["none"]?["final_loss"]?.number ?? .infinity
    #expect(v["none"]?["diverged"] == .bool(true) || none > 2 * norm, "none: \(none), norm: \(norm)")
    #expect(v["norm"]?["diverged"] == .bool(false))
    let tau = try number(out.results["norm_threshold"], "norm_threshold")
    #expect(try number(v["norm"]?["max_norm_after_clipping"], "variants.norm.max_norm_after_clipping") <= tau + 1e-12)
    let after = try #require(try series(out, figure: "clipping", panel: 2).first { $0.label == "norm clipping" })
    #expect(!after.y.isEmpty && after.y.allSatisfy { $0.isFinite && $0 <= tau + 1e-12 })
    #expect(try number(v["norm"]?["clipped_share"], "variants.norm.clipped_share") > 0)
    #expect(try number(v["none"]?["clipped_share"], "variants.none.clipped_share") == 0)
}

@Test("irnn-adding (quick): final_test_mse keyed by model and T, baseline 1/6, finite curves")
func raceHeadlines() throws {
    let out = try output("irnn-adding")
    let r = out.results
    #expect(try number(r["baseline_mse"], "baseline_mse") == 1.0 / 6)
    for model in ["tanh", "relu", "irnn", "lstm", "gru"] {
        let mse = try number(r["final_test_mse"]?[model]?["10"], "final_test_mse.\(model)[\"10\"]")
        #expect(mse.isFinite && mse >= 0)
        #expect(r["recipes"]?[model]?["learning_rate"]?.number != nil)
    }
    for s in try series(out, figure: "race", panel: 0) {
        #expect(!s.y.isEmpty && s.y.allSatisfy { $0.isFinite }, "\(s.label) has non-finite test MSE")
    }
}

@Test("gradient-flow-training (quick): log10 ‖∂L/∂h_t‖ heatmaps are finite, one column per step, and spectra are drawn")
func gradientFlowHeadlines() throws {
    let out = try output("gradient-flow-training")
    for (panel, model) in ["tanh", "lstm"].enumerated() {
        let heat = try #require(try series(out, figure: "profiles", panel: panel).first)
        guard case .heatmap(let z) = heat.mark else { Issue.record("\(model): panel \(panel) is not a heatmap"); continue }
        #expect(z.count == heat.y.count && z.allSatisfy { $0.count == heat.x.count && heat.x.count == 20 })
        #expect(z.joined().allSatisfy { $0.isFinite }, "\(model): non-finite log10 norms")
        #expect(try number(out.results["models"]?[model]?["decades_lost_first"], "models.\(model).decades_lost_first").isFinite)
        #expect(try number(out.results["models"]?[model]?["final_test_mse"], "models.\(model).final_test_mse").isFinite)
        let spectrum = try series(out, figure: "spectra", panel: panel)
        #expect(!spectrum.isEmpty && spectrum.allSatisfy { $0.y.allSatisfy { $0.isFinite && $0 >= 0 } })
    }
}
