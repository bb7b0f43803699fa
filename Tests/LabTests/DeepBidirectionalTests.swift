import Foundation
import Plotting
import Testing
@testable import Lab

// deep-bidirectional at its --quick size (H = 32, D = 16, B = 8, T = 30, 2 seeds), read through its
// typed result.

private let quick = Result { try runQuick(DeepBidirectional.self) }

@Test("deep-bidirectional: at initialisation gradients vanish back in time and down in depth; each bidirectional direction decays away from its own end")
func gradientsVanishInTimeAndDepth() throws {
    let r = try quick.get().result
    let T = 30
    #expect(r.profiles.count == 2 * (1 + 2 + 3 + 4 + 2) && r.steps == T)
    for kind in ["tanh", "lstm"] {
        let cell = try #require(r.profiles.first { $0.cell.rawValue == kind }?.cell)
        let top = try #require(r.profile(cell, "stacked", depth: 4, layer: 4)).norms
        let bottom = try #require(r.profile(cell, "stacked", depth: 4, layer: 1)).norms
        #expect(top.count == T)
        #expect(top[0] < 1e-2 * top[T - 1], "\(kind): ‖∂L/∂h_1‖ = \(top[0]), ‖∂L/∂h_T‖ = \(top[T - 1])")
        #expect(bottom[T - 1] < 0.5 * top[T - 1], "\(kind): bottom \(bottom[T - 1]) vs top \(top[T - 1]) at t = T")
        let fw = try #require(r.profile(cell, "bidirectional", depth: 1, layer: 1)).norms
        let bw = try #require(r.profile(cell, "bidirectional", depth: 1, layer: 1, "backward")).norms
        #expect(fw[0] < 1e-2 * fw[T - 1] && bw[T - 1] < 1e-2 * bw[0])
    }
}

@Test("deep-bidirectional: the tanh gradient loses more than a decade back in time in every layer, and the two directions mirror")
func tanhRatiosAndMirroredDirections() throws {
    let r = try quick.get().result
    let tanh = try #require(r.cells["tanh"]), lstm = try #require(r.cells["lstm"])
    for L in 1...4 {
        for l in 1...L {
            let ratio = try #require(tanh.stacked["depth_\(L)"]?["layer_\(l)"]).log10FirstOverLastStep
            #expect(ratio < -1, "tanh depth \(L) layer \(l): log₁₀ ratio \(ratio)")
        }
        #expect(try #require(lstm.stacked["depth_\(L)"]?["layer_\(L)"]).log10LayerOverTopAtLastStep == 0)
    }
    let bi = try #require(tanh.bidirectional)
    #expect(bi.forwardLog10FirstOverLastStep < -1 && bi.backwardLog10LastOverFirstStep < -1,
            "forward \(bi.forwardLog10FirstOverLastStep), backward \(bi.backwardLog10LastOverFirstStep)")
}

@Test("deep-bidirectional: the manifest's results are the encoded typed result, with today's keys")
func deepResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try DeepBidirectional.json(r)
    let layer = try #require(r.cells["lstm"]?.stacked["depth_3"]?["layer_1"])
    #expect(json["cells"]?["lstm"]?["stacked"]?["depth_3"]?["layer_1"]?["log10_first_step_over_top_last_step"]?.number
            == layer.log10FirstStepOverTopLastStep)
    #expect(json["cells"]?["tanh"]?["bidirectional"]?["backward_log10_last_over_first_step"]?.number
            == r.cells["tanh"]?.bidirectional?.backwardLog10LastOverFirstStep)
    #expect(json["steps"]?.number == 30 && json["hidden"]?.number == 32 && json["seeds"]?.number == 2)
    #expect(json["profiles"] == nil, "the curves stay in the figures' data")
}

@Test("deep-bidirectional: one figure per cell, drawing finite data")
func deepFiguresAreDrawable() throws {
    let figures = try quick.get().figures
    #expect(figures.map(\.name) == ["gradients-tanh", "gradients-lstm"])
    expectFiguresDrawable(figures, experiment: DeepBidirectional.name)
}
