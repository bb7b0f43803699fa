import Foundation

/// Where the training loop's minibatches come from, and the model they train. Two kinds exist:
/// a synthetic task that draws fresh sequences for every update (`train`, h_0 = 0 each time),
/// and a text stream that reads the next chunk of each of its streams and carries the hidden
/// state across chunks, truncating the gradient at the chunk's start (`LanguageModels`).
///
/// The loop sees the model only as one flat parameter vector θ (every layer and the readout, in
/// the source's order) and its gradient g in the same order.
public protocol BatchSource: AnyObject {
    /// P: the length of θ and g.
    var parameterCount: Int { get }
    /// θ ← the model's parameters (θ has P entries, or is replaced by P entries).
    func gatherParameters(into θ: inout [Double])
    /// The model's parameters ← θ, after an update.
    func scatterParameters(_ θ: [Double])
    /// Draws the next batch, runs forward and, when the loss is finite, backward; writes ∂L/∂θ
    /// into g (P entries) and returns L.
    func lossAndGradient(into g: inout [Double]) -> Double
}

/// Where and why a run stopped early.
public struct Divergence: Codable, Sendable, Equatable {
    public var iteration: Int
    public var reason: String
}

/// One update as the loop reports it.
public struct TrainingStep: Sendable {
    /// Updates done, k + 1: the loss below was measured at θ_k, before this update.
    public var updates: Int
    public var loss: Double
    /// ‖g‖ before and after clipping, and whether the rule fired.
    public var clip: ClipOutcome
    /// Wall time of the step: batch, forward, backward, clipping and update.
    public var seconds: Double
}

/// How the loop ended.
public enum TrainingLoopEnd: Sendable, Equatable {
    /// Every iteration ran.
    case finished
    /// `afterUpdate` asked to stop after this many updates (a run that has converged).
    case stopped(updates: Int)
    /// A non-finite loss or gradient norm at `divergence.iteration`, which was not applied;
    /// `loss` is that step's loss (finite when the gradient was the problem).
    case diverged(Divergence, loss: Double)
}

/// The one training loop. For k = 0 ..< iterations:
///
///     poll the monitor (cancelling throws `Cancelled` with k updates done)
///     L, g ← source.lossAndGradient        the next batch, forward, backward
///     stop if L is not finite                → .diverged
///     afterGradient(k, L)                     (per-step gradient profiles, before clipping)
///     g ← clipping(g)                         (`Clipping`; the norm is over ALL parameters)
///     stop if ‖g‖ is not finite              → .diverged
///     η ← learningRate(k);  θ ← optimizer(θ, g);  source ← θ
///     afterUpdate(step)                       (records, evaluations; returns true to stop)
///     monitor.progress(stage, k + 1, L)
///
/// Divergence is an outcome, not an error: the caller decides what it means (the synthetic
/// tasks record it, a language model throws).
public func runTrainingLoop(_ source: some BatchSource, iterations: Int, optimizer settings: OptimizerSettings,
                            clipping: Clipping, learningRate: (Int) -> Double, monitor: Monitor, stage: String,
                            afterGradient: (Int, Double) -> Void = { _, _ in },
                            afterUpdate: (TrainingStep) -> Bool) throws -> TrainingLoopEnd {
    let P = source.parameterCount
    var θ = [Double](repeating: 0, count: P)            // the optimiser's truth
    var g = [Double](repeating: 0, count: P)
    source.gatherParameters(into: &θ)
    var optimizer = Optimizer(settings, count: P)
    for k in 0..<iterations {
        try monitor.check(stage, completed: k)
        let t0 = DispatchTime.now().uptimeNanoseconds
        let loss = source.lossAndGradient(into: &g)
        guard loss.isFinite else {
            return .diverged(Divergence(iteration: k, reason: "training loss is \(loss) at iteration \(k)"), loss: loss)
        }
        afterGradient(k, loss)
        let clip = clipping.apply(&g)
        guard clip.normBefore.isFinite, clip.normAfter.isFinite else {
            return .diverged(Divergence(iteration: k, reason: "gradient norm is \(clip.normBefore) at iteration \(k)"), loss: loss)
        }
        optimizer.learningRate = learningRate(k)
        optimizer.step(&θ, g)
        source.scatterParameters(θ)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let stop = afterUpdate(TrainingStep(updates: k + 1, loss: loss, clip: clip, seconds: seconds))
        monitor.progress(ProgressReport(stage: stage, step: k + 1, total: iterations, loss: loss))
        if stop { return .stopped(updates: k + 1) }
    }
    return .finished
}
