import Foundation
import Plotting
import Testing
import Training
@testable import Lab

// clipping-training at its --quick size (T = 20, H = 16, 150 updates at η = 0.5), read through
// its typed result; the default size is the env-gated long test at the end.

private let quick = Result { try runQuick(ClippingTraining.self) }

@Test("clipping-training (quick): unclipped SGD diverges or ends far above norm and value clipping; norm clipping does not diverge")
func unclippedSGDDivergesWhereClippedSGDTrains() throws {
    let r = try quick.get().result
    #expect(Set(r.variants.keys) == ["none", "norm", "value", "squared_norm"])
    let none = try #require(r.variants["none"]), norm = try #require(r.variants["norm"]), value = try #require(r.variants["value"])
    let clippedFinal = max(try #require(norm.finalLoss), try #require(value.finalLoss))
    #expect(none.diverged || (none.finalLoss ?? .infinity) > 2 * clippedFinal,
            "none: diverged \(none.diverged), final \(none.finalLoss ?? .nan); norm \(norm.finalLoss ?? .nan), value \(value.finalLoss ?? .nan)")
    #expect(!norm.diverged && norm.divergedAt == nil)
    #expect(r.baselineMSE == 1.0 / 6)
}

@Test("clipping-training (quick): after norm clipping ‖g‖ ≤ τ at every update; only the clipping rules fire")
func normClippingCapsEveryStep() throws {
    let (r, figures) = try quick.get()
    let norm = try #require(r.variants["norm"]), none = try #require(r.variants["none"])
    #expect(try #require(norm.maxNormAfterClipping) <= r.normThreshold + 1e-12)
    let normRun = r.runs[1]
    #expect(normRun.gradientNormAfter.allSatisfy { $0 <= r.normThreshold + 1e-12 })
    #expect(norm.clippedShare > 0 && none.clippedShare == 0)
    // The figure draws the same norms.
    let after = try #require(figures.first { $0.name == "clipping" }?.panels[2].series.first { $0.label == "norm clipping" })
    #expect(!after.y.isEmpty && after.y.allSatisfy { $0.isFinite && $0 <= r.normThreshold + 1e-12 })
}

@Test("clipping-training (quick): the variants share weights and data; ρ and σ_max of W_hh are recorded at every update, σ_max ≥ ρ")
func variantsShareTheStartAndRecordTheSpectrum() throws {
    let r = try quick.get().result
    #expect(r.runs.count == 4 && Set(r.runs.map(\.settings.seed)).count == 1)
    #expect(Set(r.variants.values.map(\.spectralRadiusFirst)).count == 1, "every variant starts from the same W_hh")
    let norm = r.runs[1]
    #expect(norm.spectra.map(\.iteration) == Array(0...norm.settings.iterations))
    #expect(norm.spectra.allSatisfy { $0.largestSingularValue[0] >= $0.spectralRadius[0] * (1 - 1e-12) })
}

@Test("clipping-training: the manifest's results are the encoded typed result; a missing number is null, not a missing key")
func clippingResultsEncodeWithTheFilesKeys() throws {
    let r = try quick.get().result
    let json = try ClippingTraining.json(r)
    #expect(json["norm_threshold"]?.number == r.normThreshold && json["runs"] == nil)
    let norm = try #require(json["variants"]?["norm"])
    #expect(norm["diverged_at"] == .null && norm["diverged"] == .bool(false))
    #expect(norm["updates_run"]?.number == Double(r.runs[1].iterationsRun))
    #expect(norm["final_loss"]?.number == r.variants["norm"]?.finalLoss)
    let decoded = try JSONDecoder().decode(ClippingTraining.Result.self, from: JSONEncoder().encode(json))
    #expect(decoded.variants == r.variants)
}

@Test("clipping-training: the figure holds finite data, positive on log axes")
func clippingFigureIsDrawable() throws {
    let (r, figures) = try quick.get()
    expectFiguresDrawable(ExperimentOutput(figures: figures, results: try ClippingTraining.json(r)), experiment: ClippingTraining.name)
}

@Test("clipping-training (quick): the keys at the bottom of the loss and gradient-norm panels sit below every curve and line")
func clippingKeysCoverNoData() throws {
    let figure = try #require(try quick.get().figures.first { $0.name == "clipping" })
    for p in 0..<3 {
        let panel = figure.panels[p]
        let range = try #require(panel.yRange, "panel \(p + 1) fits its y axis to the data")
        #expect(panel.key == .bottomLeft && panel.yScale == .log)
        let keyed = panel.series.filter { !$0.label.isEmpty }.count
        let values = (panel.series.flatMap(\.y) + panel.referenceLines.map(\.value)).filter { $0.isFinite && $0 > 0 }
        let lowest = try #require(values.min())
        let free = log10(lowest / range.lowerBound) / log10(range.upperBound / range.lowerBound)
        #expect(free >= ClippingTraining.keyShare(entries: keyed) - 1e-9,
                "panel \(p + 1): \(free) of the axis below the data for a key of \(keyed) entries")
    }
    // The baseline is named in the key, not beside its line (where the curves hovering at 1/6 covered it).
    let loss = figure.panels[0]
    #expect(loss.series.contains { $0.label.contains("MSE 1/6") } && loss.referenceLines.allSatisfy(\.label.isEmpty))
}

/// Release-mode timing of the default settings: `RNNLAB_LONG=1 swift test -c release --filter long`.
/// Optional overrides for exploring: RNNLAB_CLIP_LR=… RNNLAB_CLIP_GAIN=… RNNLAB_CLIP_ITERS=…, and
/// RNNLAB_CLIP_QUICK=1 for the --quick sizes at the default (or RNNLAB_CLIP_LR's) step.
@Test("long: clipping training at default settings", .enabled(if: longRuns))
func longClippingTraining() throws {
    var s = ClippingTraining.Settings()
    if environment("RNNLAB_CLIP_QUICK") != nil {
        let url = repositoryRoot.appendingPathComponent("experiments/\(ClippingTraining.name).toml")
        s = try loadExperiment(at: url, schema: ClippingTraining.Settings.schema(name: ClippingTraining.name), quick: true).settings()
        s.learningRate = ClippingTraining.Settings().learningRate
    }
    if let v = environment("RNNLAB_CLIP_LR").flatMap(Double.init) { s.learningRate = v }
    if let v = environment("RNNLAB_CLIP_GAIN").flatMap(Double.init) { s.gain = v }
    if let v = environment("RNNLAB_CLIP_ITERS").flatMap(Int.init) { s.iterations = v }
    let start = Date()
    let r = try ClippingTraining.run(s, context: RunContext(experiment: ClippingTraining.name, root: repositoryRoot))
    say("clipping: \(Date().timeIntervalSince(start)) s")
    for v in s.variants {
        let o = r.variants[v.rawValue]!
        say("  \(v.rawValue): final \(o.finalLoss ?? .nan) test \(o.finalTestMSE ?? .nan) diverged \(o.diverged) at \(o.divergedAt ?? -1) clipped \(o.clippedShare)")
    }
    // No rule clips when there is none; norm clipping keeps the run finite.
    #expect(r.variants["none"]?.clippedShare == 0)
    #expect(r.variants["norm"]?.diverged == false)
}

@Test("clipping-training success, as a sweep counts it: stable training — no divergence and a final test MSE below 1 — so a run that blew up or never overflowed but ends decades above fails, one near 1/6 succeeds")
func successIsStableTraining() throws {
    func outcome(_ mse: Double?, diverged: Bool) -> String {
        #"{"final_loss": null, "diverged": \#(diverged), "diverged_at": null, "clipped_share": 0.5, "final_test_mse": \#(mse.map { "\($0)" } ?? "null"), "max_norm_after_clipping": null, "updates_run": 1000, "spectral_radius_first": null, "spectral_radius_last": null, "sigma_max_last": null}"#
    }
    let json = #"{"baseline_mse": 0.16666666666666666, "norm_threshold": 1, "learning_rate": 0.1, "variants": {"#
        + #""norm": \#(outcome(0.2845, diverged: false)), "squared_norm": \#(outcome(0.99, diverged: false)), "#
        + #""value": \#(outcome(17.77, diverged: false)), "none": \#(outcome(nil, diverged: true)), "#
        + #""overflowed": \#(outcome(1.1e225, diverged: false))}}"#
    let result = try JSONDecoder().decode(ClippingTraining.Result.self, from: Data(json.utf8))
    #expect(ClippingTraining.successes(result) == ["norm": true, "squared_norm": true, "value": false, "none": false, "overflowed": false])
}
