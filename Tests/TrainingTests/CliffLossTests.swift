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
