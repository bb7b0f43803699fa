import Foundation
import Plotting
import Testing
@testable import Lab

// lstm-forget-bias at its --quick sizes (T = 40, H = 16), read through its typed result.

private let quick = Result { try runQuick(LSTMForgetBias.self) }

@Test("lstm-forget-bias: the cell-path factor per step is σ(b_f) within 1 % for every b_f")
func cellPathFactorIsSigmaOfForgetBias() throws {
    let r = try quick.get().result
    #expect(Set(r.forgetBiases.keys) == ["b_f_0", "b_f_1", "b_f_2", "b_f_3"])
    for (key, c) in r.forgetBiases {
        let σ = 1 / (1 + exp(-c.forgetBias))
        #expect(abs(c.measuredFactor / σ - 1) < 0.01, "\(key): measured \(c.measuredFactor), σ(b_f) = \(σ)")
        #expect(abs(c.halfLifeMeasured / (log(0.5) / log(σ)) - 1) < 0.02, "\(key): half-life \(c.halfLifeMeasured)")
    }
    #expect(r.withinOnePercent && r.maxAbsRelativeError <= 0.01, "largest relative error \(r.maxAbsRelativeError)")
}

@Test("lstm-forget-bias: the manifest's results keep their keys (sigma_b_f, …), not the curves")
func forgetBiasResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try LSTMForgetBias.json(r)
    #expect(json["steps"]?.number == 40 && json["weight_scale"]?.number == 0.001 && json["within_one_percent"] == .bool(true))
    let one = try #require(json["forget_biases"]?["b_f_1"])
    #expect(one["sigma_b_f"]?.number == 1 / (1 + exp(-1)) && one["mean_forget_gate"]?.number == r.forgetBiases["b_f_1"]?.meanForgetGate)
    #expect(one["log10_cell_gradient"] == nil && json["curves"] == nil, "the curves stay in the figures' data")
    #expect(r.curves.map(\.forgetBias) == [0, 1, 2, 3] && r.curves.allSatisfy { $0.log10CellGradient.count == 40 })
}

@Test("lstm-forget-bias: every figure draws finite data, positive on log axes")
func forgetBiasFiguresAreDrawable() throws {
    expectFiguresDrawable(try quick.get().figures, experiment: LSTMForgetBias.name)
}
