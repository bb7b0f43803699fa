import Foundation
import LinearAlgebra
import Plotting
import Training

/// Helpers of the experiments that train a model (clipping-training, irnn-adding,
/// gradient-flow-training).

/// A training monitor that reports "label: iteration k/n, loss ℓ" to the run's status line every
/// `every` updates and stops the run when Ctrl-C was pressed.
func trainingMonitor(_ context: RunContext, _ label: String, every: Int = 50) -> Monitor {
    Monitor(progress: { p in
        if p.step % every == 0 || p.step == p.total { context.progress("\(label): iteration \(p.step)/\(p.total), loss \(short(p.loss ?? .nan))") }
    }, isCancelled: { (try? context.checkCancelled()) == nil })
}

/// Trains every job, `parallel` at a time, each on one OpenBLAS thread (the runs are independent;
/// at H = 100 one GEMM is too small to gain from threads, two runs at once gain 2×), the costliest
/// first (most GEMM work per update: T·gates·H²·B·iterations), so that a long run does not start
/// last and run alone at the end. With `parallel` = 1 the jobs run one after the other on the
/// process's threads. The results come back in the order of `jobs`.
func trainAll(_ jobs: [(label: String, settings: TrainingSettings)], parallel: Int, context: RunContext) throws -> [TrainingRun] {
    let workers = max(1, min(parallel, jobs.count))
    if workers == 1 {
        return try jobs.map { job in
            try context.checkCancelled()
            return try cancellable { try train(job.settings, monitor: trainingMonitor(context, job.label)) }
        }
    }
    // The runs and the first error, shared by the workers; every access holds `lock`.
    final class Outcomes: @unchecked Sendable {
        let lock = NSLock()
        var runs: [TrainingRun?]
        var error: (any Error)?
        init(count: Int) { runs = Array(repeating: nil, count: count) }
        /// Keeps a run, or the first error (false).
        func put(_ i: Int, _ r: Swift.Result<TrainingRun, any Error>) -> Bool {
            lock.lock(); defer { lock.unlock() }
            switch r {
            case .success(let run): runs[i] = run; return true
            case .failure(let e): if error == nil { error = e }; return false
            }
        }
    }
    func cost(_ t: TrainingSettings) -> Double {
        let H = Double(t.model.hiddenSize)
        return Double(t.task.steps * t.model.kind.cell.gates * t.batch * t.iterations) * H * H
    }
    let outcomes = Outcomes(count: jobs.count)
    let queue = WorkQueue(order: largestFirst(jobs.map { cost($0.settings) }))
    BLASThreads.forConcurrentRuns {
        onWorkerThreads(workers) { _ in
            while let i = queue.next() {
                let job = jobs[i]
                let run = Swift.Result { try cancellable { try train(job.settings, monitor: trainingMonitor(context, job.label)) } }
                if !outcomes.put(i, run) { queue.stop() }   // the first failure ends the race
            }
        }
    }
    if let e = outcomes.error { throw e }
    return outcomes.runs.map { $0! }
}

/// Mean of each window of `width` consecutive values ending at i (shorter at the start):
/// minibatch losses are noisy, a running mean shows the trend.
func runningMean(_ v: [Double], width: Int) -> [Double] {
    var out: [Double] = [], sum = 0.0
    out.reserveCapacity(v.count)
    for i in v.indices {
        sum += v[i]
        if i >= width { sum -= v[i - width] }
        out.append(sum / Double(min(i + 1, width)))
    }
    return out
}

/// "Adam η = 0.001, clip ‖g‖ ≤ 1" for a legend or a results entry.
func recipeText(_ o: OptimizerSettings, _ c: Clipping) -> String {
    let name = ["sgd": "SGD", "momentum": "momentum", "rmsprop": "RMSprop", "adam": "Adam", "adagrad": "Adagrad"][o.kind.rawValue] ?? o.kind.rawValue
    let clip: String
    switch c.rule {
    case .none: clip = "no clipping"
    case .norm: clip = "clip ‖g‖ ≤ \(plain(c.threshold))"
    case .value: clip = "clip |g_i| ≤ \(plain(c.threshold))"
    case .squaredNorm: clip = "squared-norm clip \(plain(c.threshold))"
    }
    return "\(name) η = \(plain(o.learningRate)), \(clip)"
}

extension KeyedEncodingContainer {
    /// A results number that may be missing (a run that stopped before its first evaluation) or
    /// not finite (a diverging run's mean loss): written as null, as the manifest writes any
    /// non-finite number, so the key is always there.
    mutating func encodeNumberOrNull(_ x: Double?, forKey key: Key) throws {
        try encode(NullIfNotFinite(wrappedValue: x ?? .nan), forKey: key)
    }
}
