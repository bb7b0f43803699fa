import Foundation
import LinearAlgebra
import Plotting
import Testing
import Training
@testable import Lab

// irnn-adding at its --quick size (T = 10, H = 8, 60 updates), read through its typed result.
// At that size no model leaves the 1/6 plateau (the finals lie between 0.13 and 0.16, the LSTM's
// highest), so the race's ordering is not asserted here: the env-gated long test at the end
// asserts it at the default settings, which were tuned for it.

private let quick = Result { try runQuick(IRNNAdding.self) }

@Test("irnn-adding (quick): final_test_mse keyed by model and T, baseline 1/6, one run per model and T")
func raceReportsEveryModelAtEveryT() throws {
    let r = try quick.get().result
    let models = ["tanh", "relu", "irnn", "lstm", "gru"]
    #expect(Set(r.finalTestMSE.keys) == Set(models) && r.runs.count == 5)
    #expect(r.baselineMSE == 1.0 / 6)
    for model in models {
        let mse = try #require(r.finalTestMSE[model]?["10"] ?? nil, "final_test_mse.\(model)[\"10\"]")
        #expect(mse.isFinite && mse >= 0)
        #expect(r.diverged[model]?["10"] == false && r.recipes[model] != nil)
    }
}

@Test("irnn-adding (quick): each T panel's key sits in a band two decades below its lowest curve, and the 1/6 line is a key entry")
func raceKeysCoverNoData() throws {
    let (_, figures) = try quick.get()
    let race = try #require(figures.first { $0.name == "race" })
    for panel in race.panels where panel.title.hasPrefix("T = ") {
        #expect(panel.key == .bottomRight)
        let curves = panel.series.filter { $0.label != "predict 1: MSE 1/6" }
        let lowest = try #require(curves.flatMap(\.y).filter { $0 > 0 }.min())
        let range = try #require(panel.yRange)
        #expect(range.lowerBound <= lowest / 100, "the key's band: \(range.lowerBound) against the lowest loss \(lowest)")
        let baseline = try #require(panel.series.first { $0.label == "predict 1: MSE 1/6" })
        #expect(baseline.y == [1.0 / 6, 1.0 / 6] && panel.referenceLines.isEmpty)
    }
}

@Test("irnn-adding (quick): each model trains with its own recipe from the file, all on the same seed and test set")
func eachModelTrainsWithItsRecipe() throws {
    let r = try quick.get().result
    let lstm = try #require(r.run(.lstm, 10)), irnn = try #require(r.run(.irnn, 10))
    #expect(lstm.settings.optimizer.kind == .adam && lstm.settings.optimizer.learningRate == 4e-2 && lstm.settings.learningRateDecay == 1)
    #expect(irnn.settings.optimizer.learningRate == 1e-2 && irnn.settings.learningRateDecay == 0.1)
    #expect(lstm.settings.model.forgetBias == 1 && irnn.settings.model.gain == 1)
    #expect(r.recipes["gru"] == IRNNAdding.RecipeRecord(optimizer: "adam", learningRate: 3e-3, clipNorm: 1, decay: 1))
    // --quick keeps today's quick sizes: 64 test sequences, a test MSE after every update.
    for run in r.runs.values {
        #expect(run.settings.testSequences == 64 && run.settings.seed == 1)
        #expect(run.evaluations.map(\.iteration) == Array(0...run.iterationsRun))
    }
}

@Test("irnn-adding (quick): the race's curves are finite, one per model, and the 1/6 line")
func raceCurvesAreFinite() throws {
    let (r, figures) = try quick.get()
    let panel = try #require(figures.first { $0.name == "race" }?.panels.first)
    #expect(panel.series.count == 5 + 1)
    for s in panel.series {
        #expect(!s.y.isEmpty && s.y.allSatisfy { $0.isFinite }, "\(s.label) has non-finite test MSE")
    }
    expectFiguresDrawable(ExperimentOutput(figures: figures, results: try IRNNAdding.json(r)), experiment: IRNNAdding.name)
}

@Test("irnn-adding: the manifest's results are the encoded typed result, keyed by model and T as strings")
func raceResultsEncodeWithTheFilesKeys() throws {
    let r = try quick.get().result
    let json = try IRNNAdding.json(r)
    #expect(json["final_test_mse"]?["irnn"]?["10"]?.number == r.finalTestMSE["irnn"]?["10"] ?? nil)
    #expect(json["updates_run"]?["gru"]?["10"]?.number == 60 && json["diverged"]?["tanh"]?["10"] == .bool(false))
    #expect(json["recipes"]?["lstm"]?["clip_norm"]?.number == 1 && json["recipes"]?["lstm"]?["gain"] == nil)
    #expect(json["runs"] == nil && json["iterations"]?.number == 60 && json["converged_mse"]?.number == 0.002)
    let decoded = try JSONDecoder().decode(IRNNAdding.Result.self, from: JSONEncoder().encode(json))
    #expect(decoded.finalTestMSE == r.finalTestMSE && decoded.recipes == r.recipes)
}

/// Release-mode timing of the default settings: `RNNLAB_LONG=1 swift test -c release --filter long`.
/// Optional overrides for exploring (RNNLAB_MODELS=lstm,gru RNNLAB_STEPS=100 RNNLAB_ITERS=…
/// RNNLAB_BATCH=… RNNLAB_LR=… RNNLAB_PARALLEL=… RNNLAB_THREADS=1).
@Test("long: the IRNN race at default settings reaches the issue's targets at T = 100 (timed)", .enabled(if: longRuns))
func longIRNNRace() throws {
    var s = IRNNAdding.Settings()
    let defaults = s
    if let m = environment("RNNLAB_MODELS") { s.models = m.split(separator: ",").map { ModelKind(rawValue: String($0))! } }
    if let t = environment("RNNLAB_STEPS") { s.steps = t.split(separator: ",").map { Int($0)! } }
    if let n = environment("RNNLAB_ITERS") { s.iterations = Int(n)! }
    if let n = environment("RNNLAB_BATCH") { s.batch = Int(n)! }
    if let n = environment("RNNLAB_PARALLEL") { s.parallel = Int(n)! }
    if let n = environment("RNNLAB_THREADS") { BLASThreads.set(Int(n)!) }
    if let lr = environment("RNNLAB_LR").flatMap(Double.init) {
        s.tanh.learningRate = lr; s.relu.learningRate = lr; s.irnn.learningRate = lr; s.lstm.learningRate = lr; s.gru.learningRate = lr
    }
    let start = Date()
    let r = try IRNNAdding.run(s, context: RunContext(experiment: IRNNAdding.name, root: repositoryRoot))
    say(String(format: "race: %.1f s for %d runs, %d at a time", Date().timeIntervalSince(start), r.runs.count, s.parallel))
    var final: [String: Double] = [:]
    for T in s.steps {
        for kind in s.models {
            let run = try #require(r.run(kind, T))
            final["\(kind.rawValue)/\(T)"] = run.finalTestLoss
            let curve = run.evaluations.map { String(format: "%d:%.4f", $0.iteration, $0.loss) }.joined(separator: " ")
            say("race \(kind.rawValue) T=\(T)  diverged=\(run.diverged)  test MSE \(curve)")
            // Adam with norm clipping at 1 must not diverge, and every evaluation is a real MSE.
            #expect(!run.diverged, "\(kind.rawValue) T=\(T) diverged")
            #expect(!run.evaluations.isEmpty && run.evaluations.allSatisfy { $0.loss.isFinite && $0.loss >= 0 })
        }
    }
    // Le et al.'s ordering at T = 100 (the aim): the gated cells and the IRNN well below
    // the 1/6 baseline, the tanh RNN on it. Only at the default settings, which were tuned for it
    // (how many runs train at once changes no number).
    var compared = s
    compared.parallel = defaults.parallel
    if compared == defaults {
        #expect(final["lstm/100"]! < 0.01 && final["gru/100"]! < 0.01, "gated cells at T = 100: \(final)")
        #expect(final["irnn/100"]! < 0.05, "IRNN at T = 100: \(final)")
        #expect(final["tanh/100"]! > 0.9 * addingBaselineMSE, "tanh at T = 100: \(final)")
    }
}
