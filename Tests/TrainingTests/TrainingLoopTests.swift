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

@Test("Cancellation throws TrainingCancelled with the iterations done so far; progress sees every iteration")
func cancellation() throws {
    final class Counter: @unchecked Sendable { var calls = 0 }
    let counter = Counter()
    let hooks = TrainingHooks(progress: { _, _ in counter.calls += 1 }, isCancelled: { counter.calls >= 5 })
    do {
        _ = try train(tiny(.gru), hooks: hooks)
        Issue.record("expected TrainingCancelled")
    } catch let c as TrainingCancelled {
        #expect(c.partial.iterationsRun == 5 && c.partial.losses.count == 5 && counter.calls == 5)
    }
}

@Test("Classification tasks train and report accuracy (temporal order, copy)")
func classificationAccuracy() throws {
    for task in [TaskSpec(kind: .temporalOrder, steps: 10), TaskSpec(kind: .copy, steps: 13, symbols: 3, patternLength: 3)] {
        let s = TrainingSettings(model: ModelSpec(kind: .lstm, hiddenSize: 8), task: task, batch: 16, iterations: 30,
                                 optimizer: .adam(1e-2), seed: 5, evaluationInterval: 0, testSequences: 32, spectrumInterval: 0)
        let run = try train(s)
        let acc = try #require(run.finalTestAccuracy)
        #expect(acc >= 0 && acc <= 1 && run.finalLoss! < run.losses[0], "\(task.kind): accuracy \(acc)")
    }
}
