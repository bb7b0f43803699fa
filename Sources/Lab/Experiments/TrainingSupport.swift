import Foundation
import Plotting
import Training

/// Helpers of the four training experiments (clipping-cliff, clipping-training, irnn-adding,
/// gradient-flow-training).

/// Training hooks that report "label: iteration k/n, loss ℓ" to the run's status line every
/// `every` updates and stop the run when Ctrl-C was pressed.
func trainingHooks(_ context: RunContext, _ label: String, iterations: Int, every: Int = 50) -> TrainingHooks {
    TrainingHooks(progress: { k, loss in
        if k % every == 0 || k == iterations { context.progress("\(label): iteration \(k)/\(iterations), loss \(short(loss))") }
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

extension KeyedEncodingContainer {
    /// A results number that may be missing (a run that stopped before its first evaluation) or
    /// not finite (a diverging run's mean loss): written as null, as the manifest writes any
    /// non-finite number, so the key is always there.
    mutating func encodeNumberOrNull(_ x: Double?, forKey key: Key) throws {
        if let x, x.isFinite { try encode(x, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
