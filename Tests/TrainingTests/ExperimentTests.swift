import Foundation
import Testing
@testable import Training

@Test("IRNN race and gradient flow (quick) return their headline numbers")
func raceAndFlowQuick() throws {
    let race = try irnnAdding(.quick)
    #expect(Set(race.finalTestMSE.keys) == ["tanh", "relu", "irnn", "lstm", "gru"])
    #expect(race.finalTestMSE.values.allSatisfy { $0["10"] != nil })
    #expect(race.runs.count == 5 && race.baselineMSE == 1.0 / 6)

    let flow = try gradientFlowTraining(.quick)
    #expect(flow.models.map(\.model) == ["tanh", "lstm"])
    for m in flow.models {
        #expect(m.profileIterations == [0, 10, 39])
        #expect(m.log10GradientNorm.allSatisfy { $0.count == 12 })
        #expect(m.spectra.allSatisfy { $0.singularValues != nil })
    }
    #expect(flow.models[1].spectra[0].blocks == ["W_hi", "W_hf", "W_hg", "W_ho"])
}
