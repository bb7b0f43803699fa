import Foundation
import LinearAlgebra
import Testing
@testable import Dynamics

private func smallSettings() -> GradientNormSettings {
    GradientNormSettings(hidden: 32, inputSize: 10, steps: 60, batch: 4, tanhGain: 1, forgetBias: 1,
                         irnnInputWeightStd: 0.001, inputStd: 1, initialStateStd: 0.5)
}

@Test("tanh gradient norms never exceed (γ σ_max)^(T−t) times the top norm, γ = 1")
func tanhNormsBelowPascanuBound() throws {
    for seed in UInt64(1)...3 {
        let run = try gradientNormRun(.tanh, seed: seed, settings: smallSettings())
        let T = run.hNorms.count, top = run.hNorms[T - 1]
        var worst = 0.0
        for t in 1...T {
            let bound = pow(run.sigmaMax, Double(T - t)) * top
            worst = max(worst, run.hNorms[t - 1] / bound)
        }
        print("tanh seed \(seed): σ_max \(run.sigmaMax), ‖dh_1‖/‖dh_T‖ \(run.hNorms[0] / top), largest norm/bound \(worst)")
        #expect(worst <= 1 + 1e-9)
    }
}

@Test("with zero input the IRNN's gradient norm is the same at every step")
func irnnNormConstantWithZeroInput() throws {
    var s = smallSettings()
    s.inputStd = 0
    let run = try gradientNormRun(.irnn, seed: 4, settings: s)
    let top = run.hNorms.last!
    let drift = run.hNorms.map { abs($0 / top - 1) }.max()!
    #expect(drift <= 1e-12, "largest relative drift \(drift)")
}
