import Foundation
import Testing
@testable import Training

@Test("Gradient flow (quick) returns its headline numbers")
func flowQuick() throws {
    let flow = try gradientFlowTraining(.quick)
    #expect(flow.models.map(\.model) == ["tanh", "lstm"])
    for m in flow.models {
        #expect(m.profileIterations == [0, 10, 39])
        #expect(m.log10GradientNorm.allSatisfy { $0.count == 12 })
        #expect(m.spectra.allSatisfy { $0.singularValues != nil })
    }
    #expect(flow.models[1].spectra[0].blocks == ["W_hi", "W_hf", "W_hg", "W_ho"])
}
