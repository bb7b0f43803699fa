import Foundation
import Testing
@testable import Dynamics

@Test("with weights at 1e-3 the LSTM cell-path gradient shrinks by σ(b_f) per step, within 1 %")
func forgetBiasSetsCellPathFactor() throws {
    let r = try lstmForgetBias(forgetBiases: [0, 1, 2, 3], hidden: 32, inputSize: 4, steps: 60, batch: 4,
                               weightScale: 1e-3, seed: 2)
    for c in r.curves {
        print("b_f = \(c.forgetBias): measured \(c.measuredFactor), σ(b_f) \(c.predictedFactor), relative error \(c.relativeError), half-life \(c.halfLifeMeasured)")
        #expect(abs(c.relativeError) < 0.01)
        #expect(abs(c.meanForgetGate - c.predictedFactor) < 0.01)
    }
}
