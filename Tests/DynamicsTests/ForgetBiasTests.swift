import Foundation
import Testing
@testable import Dynamics

@Test("with weights at 1e-3 the LSTM cell-path gradient shrinks by σ(b_f) per step, within 1 %")
func forgetBiasSetsCellPathFactor() throws {
    let T = 60, t1 = T / 4, t2 = 3 * T / 4
    for b_f in [0.0, 1, 2, 3] {
        let r = lstmCellPathGradient(forgetBias: b_f, hidden: 32, inputSize: 4, steps: T, batch: 4, weightScale: 1e-3, seed: 2)
        let σf = 1 / (1 + exp(-b_f))
        let measured = pow(r.norms[t1 - 1] / r.norms[t2 - 1], 1 / Double(t2 - t1))   // geometric mean over the middle half
        print("b_f = \(b_f): measured \(measured), σ(b_f) \(σf), relative error \(measured / σf - 1), mean f \(r.meanForgetGate)")
        #expect(abs(measured / σf - 1) < 0.01)
        #expect(abs(r.meanForgetGate - σf) < 0.01)
    }
}
