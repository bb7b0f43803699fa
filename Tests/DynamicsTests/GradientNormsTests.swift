import Foundation
import LinearAlgebra
import Testing
@testable import Dynamics

private func smallSettings() -> GradientNormSettings {
    var s = GradientNormSettings()
    s.hidden = 32; s.steps = 60; s.batch = 4
    return s
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

@Test("the four-cell summary is normalised at T, finite, and decodes its settings with defaults")
func fourCellSummary() throws {
    let r = try gradientNormsFourCells(settings: smallSettings(), seeds: [1, 2, 3])
    #expect(r.curves.map(\.cell) == GradientCell.allCases)
    for c in r.curves {
        print("\(c.cell): log₁₀ ‖dh_1‖/‖dh_T‖ = \(c.log10AtFirstStep), per step \(c.factorPerStep)"
              + (c.c.map { ", log₁₀ ‖dc_1‖/‖dh_T‖ = \($0.mean[0])" } ?? ""))
        #expect(c.h.mean.last! == 0 && c.h.mean.allSatisfy(\.isFinite))
        #expect(zip(c.h.min, c.h.max).allSatisfy { $0 <= $1 })
        #expect((c.c != nil) == (c.cell == .lstm) && (c.boundLog10 != nil) == (c.cell == .tanh))
    }
    let data = try JSONEncoder().encode(r)
    #expect(try JSONDecoder().decode(GradientNormsResult.self, from: data) == r)
    let partial = try JSONDecoder().decode(GradientNormSettings.self, from: Data(#"{"hidden": 7}"#.utf8))
    var expected = GradientNormSettings()
    expected.hidden = 7
    #expect(partial == expected)
}
