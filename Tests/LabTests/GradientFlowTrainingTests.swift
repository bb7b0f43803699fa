import Foundation
import Plotting
import Testing
import Training
@testable import Lab

// gradient-flow-training at its --quick size (T = 20, H = 16, 100 updates, 11 snapshots), read
// through its typed result; the default size is the env-gated long test at the end.

private let quick = Result { try runQuick(GradientFlowTraining.self) }

@Test("gradient-flow-training (quick): log10 ‖∂L/∂h_t‖ heatmaps are finite, one row per snapshot and one column per step")
func profileHeatmapsAreFinite() throws {
    let (r, figures) = try quick.get()
    let profiles = try #require(figures.first { $0.name == "profiles" })
    for (panel, model) in ["tanh", "lstm"].enumerated() {
        let heat = try #require(profiles.panels[panel].series.first)
        guard case .heatmap(let z) = heat.mark else { Issue.record("\(model): panel \(panel) is not a heatmap"); continue }
        #expect(z.count == heat.y.count && z.allSatisfy { $0.count == heat.x.count && heat.x.count == 20 })
        #expect(z.joined().allSatisfy { $0.isFinite }, "\(model): non-finite log10 norms")
        let outcome = try #require(r.models[model])
        #expect(try #require(outcome.decadesLostFirst).isFinite && (try #require(outcome.finalTestMSE)).isFinite)
    }
}

@Test("gradient-flow-training (quick): profiles at the evenly spaced snapshots, every singular value of every recurrent block")
func profilesAndSpectraAreRecorded() throws {
    let (r, figures) = try quick.get()
    #expect(r.runs.map(\.settings.model.kind) == [.tanh, .lstm] && Set(r.models.keys) == ["tanh", "lstm"])
    for run in r.runs {
        #expect(run.gradientProfiles.map(\.iteration) == [0, 10, 20, 30, 40, 50, 59, 69, 79, 89, 99])
        #expect(run.gradientProfiles.allSatisfy { $0.norms.count == 20 })
        #expect(!run.spectra.isEmpty && run.spectra.allSatisfy { $0.singularValues != nil })
    }
    #expect(r.runs[1].spectra[0].blocks == ["W_hi", "W_hf", "W_hg", "W_ho"])
    let spectra = try #require(figures.first { $0.name == "spectra" })
    for panel in spectra.panels {
        #expect(!panel.series.isEmpty && panel.series.allSatisfy { $0.y.allSatisfy { $0.isFinite && $0 >= 0 } })
    }
}

@Test("gradient-flow-training (quick): both heatmaps span one colour range, so their colour bars are the same; the titles say so")
func heatmapsShareOneColourScale() throws {
    let (r, figures) = try quick.get()
    let profiles = try #require(figures.first { $0.name == "profiles" })
    var ranges: [ClosedRange<Double>] = []
    for panel in profiles.panels.prefix(2) {
        guard case .heatmap(let z) = try #require(panel.series.first).mark else { Issue.record("not a heatmap"); continue }
        let values = z.joined()
        ranges.append(try #require(values.min())...(try #require(values.max())))
        #expect(panel.title.contains("one scale for both heatmaps"), "\(panel.title)")
    }
    #expect(ranges.count == 2 && ranges[0] == ranges[1], "colour ranges \(ranges)")
    // The range is the one both models reach: the higher of their lowest values, the lower of their highest.
    let grids = r.runs.map(GradientFlowTraining.log10Profiles)
    let lows = grids.map { $0.joined().min()! }, highs = grids.map { $0.joined().max()! }
    #expect(ranges.first == lows.max()!...highs.min()!)
}

@Test("gradient-flow-training: the manifest's results are the encoded typed result, keyed by model")
func flowResultsEncodeWithTheFilesKeys() throws {
    let (r, figures) = try quick.get()
    let json = try GradientFlowTraining.json(r)
    #expect(json["models"]?["lstm"]?["decades_lost_first"]?.number == r.models["lstm"]?.decadesLostFirst)
    #expect(json["models"]?["tanh"]?["diverged"] == .bool(false) && json["baseline_mse"]?.number == 1.0 / 6)
    #expect(json["runs"] == nil)
    let decoded = try JSONDecoder().decode(GradientFlowTraining.Result.self, from: JSONEncoder().encode(json))
    #expect(decoded.models == r.models)
    expectFiguresDrawable(ExperimentOutput(figures: figures, results: json), experiment: GradientFlowTraining.name)
}

/// Release-mode timing of the default settings: `RNNLAB_LONG=1 swift test -c release --filter long`.
@Test("long: gradient flow at default settings", .enabled(if: longRuns))
func longGradientFlow() throws {
    let start = Date()
    let r = try GradientFlowTraining.run(GradientFlowTraining.Settings(),
                                         context: RunContext(experiment: GradientFlowTraining.name, root: repositoryRoot))
    say("flow: \(Date().timeIntervalSince(start)) s, MSE \(r.models.mapValues { $0.finalTestMSE ?? .nan })")
    for (m, o) in r.models.sorted(by: { $0.key < $1.key }) {
        say("  \(m): decades lost \(o.decadesLostFirst ?? .nan) → \(o.decadesLostLast ?? .nan)")
    }
    // At initialisation the loss at step T reaches step 1 weakened, for both models.
    #expect(r.models.count == 2 && r.models.values.allSatisfy { ($0.decadesLostFirst ?? 0) > 1 })
}
