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

@Test("long: gradient flow at default settings", .enabled(if: long))
func longGradientFlow() throws {
    let start = Date()
    let r = try gradientFlowTraining()
    say("flow: \(Date().timeIntervalSince(start)) s, MSE \(r.finalTestMSE)")
    for m in r.models { say("  \(m.model): decades lost \(m.decadesLostFirst ?? .nan) → \(m.decadesLostLast ?? .nan)") }
    // At initialisation the loss at step T reaches step 1 weakened, for both models.
    #expect(r.models.count == 2 && r.models.allSatisfy { ($0.decadesLostFirst ?? 0) > 1 })
}
