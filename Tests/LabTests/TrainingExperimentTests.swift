import Foundation
import Plotting
import Testing
@testable import Lab

// The training experiments run on their real files with --quick sizes; the tests check the
// claims of the issue at that size, the results keys, and that the figures hold finite data.

/// Each experiment computed once, shared by the tests.
private let quickOutputs: [String: Result<ExperimentOutput, any Error>] = Dictionary(uniqueKeysWithValues:
    [Catalogue.gradientFlowTraining].map { e in
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
