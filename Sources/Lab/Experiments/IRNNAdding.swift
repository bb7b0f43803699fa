import Foundation
import LinearAlgebra
import Plotting
import Training

/// `irnn-adding` — the race of Le, Jaitly & Hinton (2015, §4.1, Fig. 2): tanh RNN, ReLU RNN with
/// Gaussian W_hh, IRNN (ReLU, W_hh = I), LSTM (forget bias 1) and GRU on the adding problem at
/// several T, test MSE against updates beside the constant predictor's 1/6. Each model's optimiser,
/// learning rate and clipping threshold are parameters of the file (`[parameters.lstm]` …).
extension Lab {
    static let irnnAdding: Experiment = Experiment(
        schema: ExperimentSchema(name: "irnn-adding", parameters: [
            ParameterSpec("models", .choiceList(raceModels), default: .strings(raceModels), doc: "the models raced"),
            ParameterSpec("steps", .intList(.between(2, 10_000)), default: .ints([50, 100, 150]), doc: "T of the adding problem"),
            ParameterSpec("hidden", .int(.between(1, 2000)), default: 100, doc: "H of every model"),
            ParameterSpec("batch", .int(.between(1, 10_000)), default: 16, doc: "B, sequences per update"),
            ParameterSpec("iterations", .int(.between(1, 10_000_000)), default: 5000, doc: "at most this many updates per model and T"),
            ParameterSpec("seed", .int(.atLeast(0)), default: 1, doc: "seed of weights and data"),
            ParameterSpec("parallel", .int(.between(1, 64)), default: 2, doc: "runs trained at once (one per core)"),
            ParameterSpec("converged_mse", .double(.atLeast(0)), default: 0.002,
                          doc: "a run stops once its test MSE is below this at three evaluations in a row (0: never)"),
        ] + raceModels.flatMap { m -> [ParameterSpec] in
            let r = Recipe.defaultRecipe(for: ModelKind(rawValue: m)!)
            return [
            ParameterSpec("\(m).optimizer", .choice(optimizerNames), default: .string(r.optimizer.kind.rawValue), doc: "update rule of \(m)"),
            ParameterSpec("\(m).learning_rate", .double(.greaterThan(0)), default: .double(r.optimizer.learningRate), doc: "η of \(m)"),
            ParameterSpec("\(m).clip", .double(.atLeast(0)), default: .double(r.clipping.threshold), doc: "τ of global norm clipping for \(m) (0: none)"),
            ParameterSpec("\(m).decay", .double(.between(1e-6, 1)), default: .double(r.learningRateDecay),
                          doc: "η of \(m) at the last update as a fraction of learning_rate (geometric decay; 1: constant)"),
        ] }, quick: ["steps": .ints([10]), "hidden": 8, "batch": 16, "iterations": 60]),
        roughSeconds: 300,
        compute: { file, context in
            let p = file.parameters
            var s = IRNNAddingSettings()
            s.models = p.strings("models").compactMap(ModelKind.init(rawValue:))
            s.steps = p.ints("steps"); s.hiddenSize = p.int("hidden"); s.batch = p.int("batch")
            s.iterations = p.int("iterations"); s.seed = UInt64(p.int("seed"))
            s.evaluationInterval = max(1, s.iterations / 50)
            s.testSequences = s.hiddenSize < 32 ? 64 : 500
            s.spectrumInterval = 0
            s.convergedTestMSE = p.double("converged_mse")
            for m in s.models {
                let clip = p.double("\(m.rawValue).clip")
                s.recipes[m.rawValue] = Recipe(optimizer: optimizer(p.string("\(m.rawValue).optimizer"),
                                                                    learningRate: p.double("\(m.rawValue).learning_rate")),
                                               clipping: clip > 0 ? .norm(clip) : .none,
                                               learningRateDecay: p.double("\(m.rawValue).decay"))
            }
            let jobs = s.steps.flatMap { T in s.models.map { (T, $0) } }
            let runs = try trainAll(jobs.map { T, m in (label: "\(m.rawValue) T = \(T)", settings: s.training(m, steps: T)) },
                                    parallel: p.int("parallel"), context: context)
            let race = RaceRun(settings: s, runs: Dictionary(uniqueKeysWithValues: zip(jobs.map { "\($0.1.rawValue)/\($0.0)" }, runs)))
            return ExperimentOutput(figures: [race.figure], results: race.results)
        })
}

private let raceModels = ["tanh", "relu", "irnn", "lstm", "gru"]

/// Trains every job, `parallel` at a time, each on one OpenBLAS thread (the runs are independent;
/// at H = 100 one GEMM is too small to gain from threads, two runs at once gain 2×).
/// The results come back in the order of `jobs`.
func trainAll(_ jobs: [(label: String, settings: TrainingSettings)], parallel: Int, context: RunContext) throws -> [TrainingRun] {
    let workers = max(1, min(parallel, jobs.count))
    if workers == 1 {
        return try jobs.map { job in
            try context.checkCancelled()
            return try cancellable { try train(job.settings, monitor: trainingMonitor(context, job.label)) }
        }
    }
    let threads = BLASInfo.threads
    BLASInfo.setThreads(1)
    defer { BLASInfo.setThreads(threads) }
    final class Box: @unchecked Sendable {
        let lock = NSLock()
        var runs: [TrainingRun?]
        var error: (any Error)?
        var next = 0
        init(_ n: Int) { runs = Array(repeating: nil, count: n) }
        func take() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard error == nil, next < runs.count else { return nil }
            next += 1
            return next - 1
        }
        func put(_ i: Int, _ r: Result<TrainingRun, any Error>) {
            lock.lock(); defer { lock.unlock() }
            switch r {
            case .success(let run): runs[i] = run
            case .failure(let e): if error == nil { error = e }
            }
        }
    }
    let box = Box(jobs.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let i = box.take() {
            let job = jobs[i]
            box.put(i, Result { try cancellable { try train(job.settings, monitor: trainingMonitor(context, job.label)) } })
        }
    }
    if let e = box.error { throw e }
    return box.runs.map { $0! }
}

private let modelNames = ["tanh": "tanh RNN", "relu": "ReLU RNN (Gaussian W_hh)", "irnn": "IRNN (W_hh = I)",
                          "lstm": "LSTM (b_f = 1)", "gru": "GRU"]
private let modelColors: [String: Color] = ["tanh": .red, "relu": .orange, "irnn": .green, "lstm": .blue, "gru": .purple]

private struct RaceRun {
    var settings: IRNNAddingSettings
    /// Keyed "model/T".
    var runs: [String: TrainingRun]

    func run(_ m: ModelKind, _ T: Int) -> TrainingRun { runs["\(m.rawValue)/\(T)"]! }

    var figure: Figure {
        let s = settings
        var panels: [Panel] = s.steps.map { T in
            Panel(title: "T = \(T): test MSE against updates", xLabel: "update", yLabel: "test MSE (\(s.testSequences) sequences)",
                  yScale: .log, key: .topRight,
                  series: s.models.map { m in
                      let r = run(m, T)
                      let end = r.diverged ? "diverged"
                          : r.convergedAt.map { "\(short(r.finalTestLoss ?? .nan)), stopped at \($0)" } ?? "final \(short(r.finalTestLoss ?? .nan))"
                      return .lines("\(modelNames[m.rawValue]!): \(end)", x: r.evaluations.map { Double($0.iteration) },
                                    y: r.evaluations.map(\.loss), style: Style(color: modelColors[m.rawValue], width: 2.5))
                  },
                  referenceLines: [ReferenceLine(y: addingBaselineMSE, label: "predict 1: MSE 1/6")])
        }
        if s.steps.count > 1 {
            panels.append(Panel(title: "final test MSE against T (after at most \(s.iterations) updates)", xLabel: "sequence length T",
                                yLabel: "final test MSE", yScale: .log, key: .outside,
                                series: s.models.map { m in
                                    let finals = s.steps.map { run(m, $0).finalTestLoss ?? .nan }
                                    return .linesPoints(modelNames[m.rawValue]!, x: s.steps.map(Double.init), y: finals,
                                                        style: Style(color: modelColors[m.rawValue], width: 2.5, pointSize: 1.5))
                                },
                                referenceLines: [ReferenceLine(y: addingBaselineMSE, label: "1/6")]))
        }
        let recipe = s.models.map { m in
            let r = s.recipe(m)
            return "\(m.rawValue): \(recipeText(r.optimizer, r.clipping))"
        }
        let uniform = Set(recipe.map { $0.split(separator: ":").dropFirst().joined() }).count == 1
        let how = uniform ? recipeText(s.recipe(s.models[0]).optimizer, s.recipe(s.models[0]).clipping) : "per-model recipes (see manifest)"
        return gridFigure(name: "race", title: "Adding problem, H = \(s.hiddenSize), B = \(s.batch), \(how): who beats the constant predictor?",
                          panels: panels, columns: panels.count == 1 ? 1 : 2, panelSize: (760, 520))
    }

    var results: JSONValue {
        let s = settings
        var final: [String: JSONValue] = [:], diverged: [String: JSONValue] = [:], recipes: [String: JSONValue] = [:]
        var updates: [String: JSONValue] = [:]
        for m in s.models {
            var f: [String: JSONValue] = [:], d: [String: JSONValue] = [:], u: [String: JSONValue] = [:]
            for T in s.steps {
                let r = run(m, T)
                f[String(T)] = number(r.finalTestLoss)
                d[String(T)] = .bool(r.diverged)
                u[String(T)] = .number(Double(r.iterationsRun))
            }
            final[m.rawValue] = .object(f)
            diverged[m.rawValue] = .object(d)
            updates[m.rawValue] = .object(u)
            let r = s.recipe(m)
            recipes[m.rawValue] = ["optimizer": .string(r.optimizer.kind.rawValue), "learning_rate": .number(r.optimizer.learningRate),
                                   "clip_norm": .number(r.clipping.rule == .none ? 0 : r.clipping.threshold),
                                   "decay": .number(r.learningRateDecay)]
        }
        return ["final_test_mse": .object(final), "diverged": .object(diverged), "updates_run": .object(updates),
                "recipes": .object(recipes), "baseline_mse": .number(addingBaselineMSE),
                "iterations": .number(Double(s.iterations)), "converged_mse": .number(s.convergedTestMSE)]
    }
}
