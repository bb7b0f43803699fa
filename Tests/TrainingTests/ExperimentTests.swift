import Foundation
import Testing
@testable import Training

@Test("Cliff: along b = −2.5 the loss jumps between w = 4.80 and 4.84 (wall ≈ 4.8196), 0.3176 → 0.0146 at w = 4.9")
func cliffJump() {
    let E = { (w: Double) in cliffLossAndGradient(w: w, b: -2.5).loss }
    #expect(abs(E(4.8) - 0.3176) < 1e-4 && abs(E(4.9) - 0.0146) < 1e-4, "E(4.8) = \(E(4.8)), E(4.9) = \(E(4.9))")
    #expect(E(4.8) - E(4.84) > 0.25)
    #expect(E(4.818) > 0.25 && E(4.821) < 0.05, "the jump sits between 4.818 and 4.821")
    let line = (0.5 + 2.5) / (1 / (1 + exp(-0.5)))
    #expect(abs(line - 4.81959) < 1e-5)
}

@Test("Cliff: the BPTT gradient of E(w, b) matches central differences", arguments: [
    (3.5, -1.5), (5.0, -3.0), (4.9, -2.5), (7.0, -4.2), (4.815, -2.5),
])
func cliffGradient(w: Double, b: Double) {
    let (_, dw, db) = cliffLossAndGradient(w: w, b: b)
    let h = 1e-7
    let ndw = (cliffLossAndGradient(w: w + h, b: b).loss - cliffLossAndGradient(w: w - h, b: b).loss) / (2 * h)
    let ndb = (cliffLossAndGradient(w: w, b: b + h).loss - cliffLossAndGradient(w: w, b: b - h).loss) / (2 * h)
    let err = max(abs(dw - ndw), abs(db - ndb)) / max(1, abs(dw), abs(db))
    #expect(err < 1e-6, "(w, b) = (\(w), \(b)): ∇E = (\(dw), \(db)), central (\(ndw), \(ndb))")
}

@Test("Cliff: every clipped step is ≤ τη; the unclipped descent is thrown far off at the wall")
func cliffTrajectories() {
    let r = clippingCliff(.quick)
    let s = r.settings
    #expect(r.loss.count == s.gridB && r.loss[0].count == s.gridW)
    #expect(abs(r.wallStartW - 4.2552519) < 1e-6)
    #expect(zip(r.wallW, r.wallB).allSatisfy { abs($1 - (0.5 - 0.6224593 * $0)) < 1e-6 })
    let c = r.clipped
    for k in 0..<(c.w.count - 1) {
        let step = ((c.w[k + 1] - c.w[k]) * (c.w[k + 1] - c.w[k]) + (c.b[k + 1] - c.b[k]) * (c.b[k + 1] - c.b[k])).squareRoot()
        #expect(step <= s.threshold * s.learningRate + 1e-12, "clipped step \(k) has length \(step)")
    }
    #expect(c.clippedSteps > 0)
    #expect(r.unclipped.maxStepLength > 4 * s.threshold * s.learningRate, "largest unclipped step \(r.unclipped.maxStepLength)")
    #expect(c.finalLoss < 1e-3 && r.unclipped.finalLoss > 0.05,
            "final E: clipped \(c.finalLoss), unclipped \(r.unclipped.finalLoss)")
}

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
