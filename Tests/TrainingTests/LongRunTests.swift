import Foundation
import LinearAlgebra
import Testing
@testable import Training

/// Release-mode timings of the default settings: `RNNLAB_LONG=1 swift test -c release --filter long`.
/// Optional overrides for exploring (RNNLAB_MODELS=lstm,gru RNNLAB_STEPS=100 RNNLAB_ITERS=… RNNLAB_BATCH=…
/// RNNLAB_LR=… RNNLAB_THREADS=1 RNNLAB_CLIP_LR=… RNNLAB_CLIP_GAIN=…).
private let long = ProcessInfo.processInfo.environment["RNNLAB_LONG"] != nil
private func env(_ k: String) -> String? { ProcessInfo.processInfo.environment[k] }
private func say(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }

@Test("long: the IRNN race at default settings reaches the issue's targets at T = 100 (timed)", .enabled(if: long))
func longIRNNRace() throws {
    var s = IRNNAddingSettings()
    let defaults = s
    if let m = ProcessInfo.processInfo.environment["RNNLAB_MODELS"] { s.models = m.split(separator: ",").map { ModelKind(rawValue: String($0))! } }
    if let t = ProcessInfo.processInfo.environment["RNNLAB_STEPS"] { s.steps = t.split(separator: ",").map { Int($0)! } }
    if let n = env("RNNLAB_ITERS") { s.iterations = Int(n)! }
    if let n = env("RNNLAB_BATCH") { s.batch = Int(n)! }
    if let n = env("RNNLAB_THREADS") { BLASInfo.setThreads(Int(n)!) }
    if let lr = env("RNNLAB_LR").flatMap(Double.init) {
        for kind in s.models { var r = s.recipe(kind); r.optimizer.learningRate = lr; s.recipes[kind.rawValue] = r }
    }
    var final: [String: Double] = [:]
    for T in s.steps {
        for kind in s.models {
            let start = Date()
            let run = try train(s.training(kind, steps: T))
            final["\(kind.rawValue)/\(T)"] = run.finalTestLoss
            let curve = run.evaluations.map { String(format: "%d:%.4f", $0.iteration, $0.loss) }.joined(separator: " ")
            say(String(format: "race %@ T=%d  %.1fs  diverged=%@  test MSE %@", kind.rawValue, T,
                         Date().timeIntervalSince(start), "\(run.diverged)", curve))
            // Adam with norm clipping at 1 must not diverge, and every evaluation is a real MSE.
            #expect(!run.diverged, "\(kind.rawValue) T=\(T) diverged")
            #expect(!run.evaluations.isEmpty && run.evaluations.allSatisfy { $0.loss.isFinite && $0.loss >= 0 })
        }
    }
    // Le et al.'s ordering at T = 100 (the issue's aim): the gated cells and the IRNN well below
    // the 1/6 baseline, the tanh RNN on it. Only at the default settings, which were tuned for it.
    if s == defaults {
        #expect(final["lstm/100"]! < 0.01 && final["gru/100"]! < 0.01, "gated cells at T = 100: \(final)")
        #expect(final["irnn/100"]! < 0.05, "IRNN at T = 100: \(final)")
        #expect(final["tanh/100"]! > 0.9 * addingBaselineMSE, "tanh at T = 100: \(final)")
    }
}

@Test("long: gradient flow at default settings", .enabled(if: long))
func longGradientFlow() throws {
    let start = Date()
    let r = try gradientFlowTraining()
    say("flow: \(Date().timeIntervalSince(start)) s, MSE \(r.finalTestMSE)")
    for m in r.models { say("  \(m.model): decades lost \(m.decadesLostFirst ?? .nan) → \(m.decadesLostLast ?? .nan)") }
    // At initialisation the loss at step T reaches step 1 weakened, for both models.
    #expect(r.models.count == 2 && r.models.allSatisfy { ($0.decadesLostFirst ?? 0) > 1 })
}
