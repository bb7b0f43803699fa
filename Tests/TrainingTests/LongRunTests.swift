import Foundation
import Testing
@testable import Training

/// Release-mode timings of the default settings: `RNNLAB_LONG=1 swift test -c release --filter long`.
private let long = ProcessInfo.processInfo.environment["RNNLAB_LONG"] != nil

@Test("long: the IRNN race at default settings (timed)", .enabled(if: long))
func longIRNNRace() throws {
    var s = IRNNAddingSettings()
    if let m = ProcessInfo.processInfo.environment["RNNLAB_MODELS"] { s.models = m.split(separator: ",").map { ModelKind(rawValue: String($0))! } }
    if let t = ProcessInfo.processInfo.environment["RNNLAB_STEPS"] { s.steps = t.split(separator: ",").map { Int($0)! } }
    if let n = ProcessInfo.processInfo.environment["RNNLAB_ITERS"] { s.iterations = Int(n)! }
    for T in s.steps {
        for kind in s.models {
            let start = Date()
            let run = try train(s.training(kind, steps: T))
            let curve = run.evaluations.map { String(format: "%d:%.4f", $0.iteration, $0.loss) }.joined(separator: " ")
            print(String(format: "race %@ T=%d  %.1fs  diverged=%@  test MSE %@", kind.rawValue, T,
                         Date().timeIntervalSince(start), "\(run.diverged)", curve))
        }
    }
}

@Test("long: clipping training at default settings", .enabled(if: long))
func longClippingTraining() throws {
    let start = Date()
    let r = try clippingTraining()
    print("clipping: \(Date().timeIntervalSince(start)) s")
    for rule in r.settings.variants.map(\.rawValue) {
        print("  \(rule): final \(r.finalLoss[rule] ?? .nan) test \(r.finalTestMSE[rule] ?? .nan) diverged \(r.diverged[rule]!) at \(r.divergedAt[rule] ?? -1) clipped \(r.clippedShare[rule]!)")
    }
}

@Test("long: gradient flow at default settings", .enabled(if: long))
func longGradientFlow() throws {
    let start = Date()
    let r = try gradientFlowTraining()
    print("flow: \(Date().timeIntervalSince(start)) s, MSE \(r.finalTestMSE)")
    for m in r.models { print("  \(m.model): decades lost \(m.decadesLostFirst ?? .nan) → \(m.decadesLostLast ?? .nan)") }
}
