import Foundation
import Testing
@testable import Training

@Test("Clipping training (quick): the unclipped run diverges or ends far above the clipped runs; norm clipping caps every step")
func clippingTrainingQuick() throws {
    let r = try clippingTraining(.quick)
    let s = r.settings
    let unclipped = r.runs[0], norm = r.runs[1]
    let clippedFinal = [r.finalLoss["norm"]!, r.finalLoss["value"]!].max()!
    #expect(r.diverged["none"]! || r.finalLoss["none"]! > 2 * clippedFinal,
            "none: diverged \(r.diverged["none"]!), final \(r.finalLoss["none"] ?? .nan); norm \(r.finalLoss["norm"]!)")
    #expect(!r.diverged["norm"]!)
    #expect(norm.gradientNormAfter.allSatisfy { $0 <= s.normThreshold + 1e-12 })
    #expect(r.clippedShare["norm"]! > 0 && r.clippedShare["none"]! == 0)
    #expect(unclipped.settings.seed == norm.settings.seed && r.baselineMSE == 1.0 / 6)
    // ρ and σ_max of W_hh at every iteration: θ_0 … θ_K for a run that finished, and σ_max ≥ ρ.
    #expect(norm.spectra.map(\.iteration) == Array(0...s.iterations))
    #expect(norm.spectra.allSatisfy { $0.largestSingularValue[0] >= $0.spectralRadius[0] * (1 - 1e-12) })
}

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
