import Foundation
import Plotting
import Training

/// Helpers of the four training experiments (clipping-cliff, clipping-training, irnn-adding,
/// gradient-flow-training).

/// A training monitor that reports "label: iteration k/n, loss ℓ" to the run's status line every
/// `every` updates and stops the run when Ctrl-C was pressed.
func trainingMonitor(_ context: RunContext, _ label: String, every: Int = 50) -> Monitor {
    Monitor(progress: { p in
        if p.step % every == 0 || p.step == p.total { context.progress("\(label): iteration \(p.step)/\(p.total), loss \(short(p.loss ?? .nan))") }
    }, isCancelled: { (try? context.checkCancelled()) == nil })
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

/// The optimiser names an experiment file may use, and the settings they stand for.
let optimizerNames = OptimizerKind.allCases.map(\.rawValue)

func optimizer(_ name: String, learningRate: Double) -> OptimizerSettings {
    OptimizerSettings(kind: OptimizerKind(rawValue: name) ?? .adam, learningRate: learningRate)
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

/// A results value that may be missing (a run that stopped before its first evaluation).
func number(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
