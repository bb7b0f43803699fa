import Foundation
import Plotting
import Testing
@testable import Lab

// gradient-norms-four-cells at its --quick sizes (T = 60, H = 32, 3 seeds), read through its typed result.

private let quick = Result { try runQuick(GradientNormsFourCells.self) }

@Test("gradient-norms-four-cells: the IRNN keeps the gradient, tanh loses it, and σ_max(W_hh) ≈ 2g")
func irnnKeepsTanhLosesTheGradient() throws {
    let cells = try quick.get().result.cells
    let irnn = try #require(cells["irnn"]), tanh = try #require(cells["tanh"])
    #expect(abs(irnn.factorPerStep - 1) < 0.01, "IRNN factor per step \(irnn.factorPerStep)")
    #expect(tanh.factorPerStep < 0.98 && tanh.log10Dh1OverDhT < -0.5,
            "tanh factor \(tanh.factorPerStep), log₁₀ ‖dh_1‖/‖dh_T‖ = \(tanh.log10Dh1OverDhT)")
    let σ = try #require(tanh.sigmaMaxMean), expected = try #require(tanh.sigmaMaxExpected)
    #expect(expected == 2 && abs(σ / expected - 1) < 0.15, "σ_max \(σ) against 2g = \(expected)")
    let bound = try #require(tanh.log10BoundAtFirstStep)
    #expect(bound > tanh.log10Dh1OverDhT, "the bound (γ σ_max)^(T−1) = 10^\(bound) lies above the measured 10^\(tanh.log10Dh1OverDhT)")
    for name in ["lstm", "gru"] {
        let f = try #require(cells[name]).factorPerStep
        #expect(f > 0 && f < 1, "\(name) factor per step \(f)")
    }
    #expect(cells["lstm"]?.log10Dc1OverDhT != nil && cells["gru"]?.log10Dc1OverDhT == nil, "only the LSTM has a cell path")
}

@Test("gradient-norms-four-cells: every curve is normalised at T, finite, its band ordered; the cell path and the bound only where they exist")
func curvesAreNormalisedAndFinite() throws {
    let curves = try quick.get().result.curves
    #expect(curves.map(\.cell.rawValue) == ["tanh", "irnn", "lstm", "gru"])
    for c in curves {
        #expect(c.h.mean.count == 60 && c.h.mean.last! == 0 && c.h.mean.allSatisfy(\.isFinite), "\(c.cell): \(c.h.mean.suffix(3))")
        #expect(zip(c.h.min, c.h.max).allSatisfy { $0 <= $1 }, "\(c.cell): min above max")
        #expect(c.h.perSeed.count == 3 && c.sigmaMaxPerSeed.count == 3)
        #expect((c.c != nil) == (c.cell.rawValue == "lstm") && (c.boundLog10 != nil) == (c.cell.rawValue == "tanh"), "\(c.cell)")
    }
}

@Test("gradient-norms-four-cells: the manifest's results keep their keys (log10_dh1_over_dhT, …), no curves")
func gradientNormsResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try GradientNormsFourCells.json(r)
    #expect(json["steps"]?.number == 60 && json["hidden"]?.number == 32 && json["seeds"]?.number == 3)
    #expect(json["cells"]?["tanh"]?["log10_dh1_over_dhT"]?.number == r.cells["tanh"]?.log10Dh1OverDhT)
    #expect(json["cells"]?["lstm"]?["forget_gate_prediction"]?.number == 1 / (1 + exp(-1)))
    #expect(json["cells"]?["irnn"]?["sigma_max_mean"] == nil, "σ_max is reported for tanh only")
    #expect(json["curves"] == nil, "the curves stay in the figures' data")
}

@Test("gradient-norms-four-cells: every figure draws finite data, positive on log axes")
func gradientNormsFiguresAreDrawable() throws {
    expectFiguresDrawable(try quick.get().figures, experiment: GradientNormsFourCells.name)
}

@Test("gradient-norms-four-cells: a tanh gain above 10⁶ (1e308 makes σ_max infinite) is refused by the file check")
func hugeTanhGainIsRefused() throws {
    let url = repositoryRoot.appendingPathComponent("experiments/\(GradientNormsFourCells.name).toml")
    let schema = GradientNormsFourCells.Settings.schema(name: GradientNormsFourCells.name)
    let error = try #require(throws: ExperimentFileError.self) {
        try loadExperiment(at: url, schema: schema, overrides: ["tanh_gain=1e308"], quick: true)
    }
    #expect(error.description.contains("parameters.tanh_gain"), "\(error)")
    _ = try loadExperiment(at: url, schema: schema, overrides: ["tanh_gain=1e6"], quick: true)
}
