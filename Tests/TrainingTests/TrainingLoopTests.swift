import Foundation
import LinearAlgebra
import Testing
@testable import Training

private func tiny(_ kind: ModelKind) -> TrainingSettings {
    TrainingSettings(model: ModelSpec(kind: kind, hiddenSize: 8), task: .adding(steps: 10), batch: 16,
                     iterations: 100, optimizer: .adam(1e-2), clipping: .norm(1), seed: 3,
                     evaluationInterval: 50, testSequences: 64, spectrumInterval: 25)
}

@Test("Training reduces the loss on a tiny adding problem for every model", arguments: ModelKind.allCases)
func trainingReducesLoss(_ kind: ModelKind) throws {
    let run = try train(tiny(kind))
    #expect(!run.diverged && run.iterationsRun == 100 && run.losses.count == 100)
    let first = run.losses.prefix(10).reduce(0, +) / 10
    let last = run.finalLoss!
    #expect(last < 0.5 * first, "\(kind): loss \(first) → \(last)")
    #expect(run.evaluations.map(\.iteration) == [0, 50, 100])
    #expect(run.evaluations.last!.loss < run.evaluations.first!.loss)
    #expect(run.spectra.map(\.iteration) == [0, 25, 50, 75, 100])
    #expect(run.spectra[0].blocks == kind.cell.recurrentWeightNames)
    if kind == .irnn {
        #expect(abs(run.spectra[0].spectralRadius[0] - 1) < 1e-12 && abs(run.spectra[0].largestSingularValue[0] - 1) < 1e-12)
    }
    #expect(zip(run.gradientNormAfter, run.gradientNormBefore).allSatisfy { $0 <= 1 + 1e-12 && $0 <= $1 + 1e-12 })
}

@Test("The same seed gives the same run; the gradient profile is recorded at the chosen iterations")
func reproducibleAndProfiles() throws {
    var s = tiny(.tanh)
    s.iterations = 20
    s.profileIterations = [0, 5, 19]
    let a = try train(s), b = try train(s)
    #expect(a.losses == b.losses && a.gradientNormBefore == b.gradientNormBefore)
    #expect(a.gradientProfiles.map(\.iteration) == [0, 5, 19])
    #expect(a.gradientProfiles.allSatisfy { $0.norms.count == 10 && $0.norms.allSatisfy { $0 > 0 && $0.isFinite } })
    let encoded = try JSONEncoder().encode(a)
    let decoded = try JSONDecoder().decode(TrainingRun.self, from: encoded)
    #expect(decoded.losses == a.losses && decoded.clippedShare == a.clippedShare)
}

@Test("A diverging run stops cleanly and records where and why")
func divergenceIsAnOutcome() throws {
    var s = tiny(.relu)
    s.model.gain = 3
    s.optimizer = .sgd(50)
    s.clipping = .none
    s.iterations = 200
    let run = try train(s)
    #expect(run.diverged)
    let d = try #require(run.divergence)
    #expect(d.iteration < 200 && run.iterationsRun == d.iteration)
    #expect(d.reason.contains("iteration \(d.iteration)"))
    #expect(run.losses.allSatisfy(\.isFinite) && run.gradientNormBefore.allSatisfy(\.isFinite))
    _ = try JSONEncoder().encode(run)                      // every stored number is finite
}

@Test("Cancellation throws Cancelled with the iterations done so far; progress sees every iteration")
func cancellation() throws {
    final class Counter: @unchecked Sendable { var calls = 0; var steps: [Int] = [] }  // the loop calls the monitor on this thread only
    let counter = Counter()
    let monitor = Monitor(progress: { p in counter.calls += 1; counter.steps.append(p.step) }, isCancelled: { counter.calls >= 5 })
    do {
        _ = try train(tiny(.gru), monitor: monitor)
        Issue.record("expected Cancelled")
    } catch let c as Cancelled {
        #expect(c.completed == 5 && counter.calls == 5 && counter.steps == [1, 2, 3, 4, 5])
    }
}

@Test("The learning-rate schedule decays geometrically from η to decay·η, and SGD steps by η_k·g")
func learningRateSchedule() throws {
    var s = tiny(.tanh)
    s.optimizer = .sgd(0.1)
    s.iterations = 400
    s.learningRateDecay = 0.01
    #expect(s.learningRate(after: 0) == 0.1)
    #expect(abs(s.learningRate(after: 200) - 0.01) < 1e-15)          // 0.1 · 0.01^(1/2)
    #expect(abs(s.learningRate(after: 400) - 0.001) < 1e-16)         // 0.1 · 0.01
    #expect(abs(s.learningRate(after: 100) - 0.1 * pow(0.01, 0.25)) < 1e-15)
    s.learningRateDecay = 1
    #expect(s.learningRate(after: 300) == 0.1)
    // The optimiser takes the scheduled η: θ ← θ − η_k g, exactly.
    var opt = Optimizer(.sgd(0.1), count: 2)
    var theta = [1.0, -2.0]
    opt.learningRate = 0.025
    opt.step(&theta, [4, 8])
    let expected: [Double] = [1 - 0.1, -2 - 0.2]
    #expect(theta == expected)
}

@Test("A run that has converged stops after its test loss stays below the threshold at three evaluations in a row")
func convergedRunStopsEarly() throws {
    var s = tiny(.gru)
    s.iterations = 1000
    s.evaluationInterval = 10
    s.spectrumInterval = 0
    s.convergedTestLoss = 10          // above any test MSE here: converged as soon as three evaluations exist
    let early = try train(s)
    #expect(early.convergedAt == 30 && early.iterationsRun == 30 && early.losses.count == 30)
    #expect(early.evaluations.map(\.iteration) == [0, 10, 20, 30])
    #expect(early.spectra.map(\.iteration) == [0, 30])
    s.convergedTestLoss = 1e-12       // never reached: the run goes to the end
    s.iterations = 60
    let full = try train(s)
    #expect(full.convergedAt == nil && full.iterationsRun == 60)
    #expect(Array(full.losses.prefix(30)) == early.losses)   // stopping changes nothing before the stop
    let decoded = try JSONDecoder().decode(TrainingRun.self, from: JSONEncoder().encode(early))
    #expect(decoded.convergedAt == 30)
}
