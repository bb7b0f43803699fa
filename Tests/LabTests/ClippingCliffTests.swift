import Foundation
import Plotting
import Testing
@testable import Lab

// clipping-cliff at its --quick size (a coarser grid; the descents are the default's), read
// through its typed result.

private let quick = Result { try runQuick(ClippingCliff.self) }

@Test("clipping-cliff: along b = −2.5 the loss jumps between w = 4.80 and 4.84, where the wall w = 3/σ(0.5) crosses")
func cliffJumpsAtTheWall() throws {
    let r = try quick.get().result
    #expect(r.lossBeforeWall - r.lossAfterWall > 0.25, "E(4.80) = \(r.lossBeforeWall), E(4.84) = \(r.lossAfterWall)")
    #expect(abs(r.wallWAtCut - 4.8196) < 1e-4 && r.wallWAtCut > 4.80 && r.wallWAtCut < 4.84)
    #expect(abs(r.wallStartW - 4.2552519) < 1e-6)
    let surface = try #require(r.surface)
    #expect(zip(surface.wallW, surface.wallB).allSatisfy { abs($1 - (0.5 - 0.6224593 * $0)) < 1e-6 }, "the wall is b = 0.5 − σ(0.5)·w")
    #expect(surface.loss.count == 48 && surface.loss.allSatisfy { $0.count == 61 }, "E on grid_b × grid points")
    #expect(surface.loss.joined().allSatisfy { $0.isFinite })
}

@Test("clipping-cliff: every clipped step is ≤ ητ; the unclipped descent is thrown far off at the wall and stalls")
func clippingCapsTheStepAtTheWall() throws {
    let (r, figures) = try quick.get()
    let c = try #require(r.clipped.trajectory)
    for k in 0..<(c.w.count - 1) {
        let step = hypot(c.w[k + 1] - c.w[k], c.b[k + 1] - c.b[k])
        #expect(step <= r.stepBound + 1e-12, "clipped step \(k) has length \(step) > ητ = \(r.stepBound)")
    }
    #expect(r.clipped.maxStepLength <= r.stepBound + 1e-12 && r.clipped.clippedSteps > 0)
    #expect(r.unclipped.maxStepLength > 4 * r.stepBound, "the largest unclipped step \(r.unclipped.maxStepLength) is not thrown far")
    #expect(r.clipped.finalLoss < 1e-3 && r.unclipped.finalLoss > 0.05,
            "final E: clipped \(r.clipped.finalLoss), unclipped \(r.unclipped.finalLoss)")
    // The figure draws the same clipped path, point by point.
    let panel = try #require(figures.first { $0.name == "cliff" }?.panels.first)
    let drawn = try #require(panel.series.first { $0.label.hasPrefix("norm clipping") })
    #expect(drawn.x == c.w && drawn.y == c.b)
    guard case .surface = try #require(panel.series.first).mark else { Issue.record("panel 1 starts with no surface"); return }
}

@Test("clipping-cliff: the manifest's results are the encoded typed result, the paths' points stay in the figure's data")
func cliffResultsEncodeWithTheFilesKeys() throws {
    let r = try quick.get().result
    let json = try ClippingCliff.json(r)
    #expect(json["loss_at_w_4_80_b_minus_2_5"]?.number == r.lossBeforeWall)
    #expect(json["clipped"]?["stays_in_window"] == .bool(true) && json["unclipped"]?["stays_in_window"] == .bool(false))
    #expect(json["clipped"]?["clipped_steps"]?.number == Double(r.clipped.clippedSteps))
    #expect(json["clipped"]?["trajectory"] == nil && json["surface"] == nil, "the series stay in the figure's data")
    let decoded = try JSONDecoder().decode(ClippingCliff.Result.self, from: JSONEncoder().encode(json))
    #expect(decoded.clipped == withoutPoints(r.clipped) && decoded.stepBound == r.stepBound)
}

/// A path without its points (what the manifest keeps).
private func withoutPoints(_ p: ClippingCliff.Path) -> ClippingCliff.Path {
    var p = p
    p.trajectory = nil
    return p
}

@Test("clipping-cliff: a window whose edges are out of order is refused before anything is computed")
func cliffRefusesAnInvertedWindow() throws {
    var s = ClippingCliff.Settings()
    s.wMin = 9
    #expect(throws: ClippingCliff.InvalidWindow.self) { try ClippingCliff.run(s, context: RunContext(experiment: "clipping-cliff")) }
}

@Test("clipping-cliff: the figure holds finite data, positive on log axes")
func cliffFigureIsDrawable() throws {
    let (r, figures) = try quick.get()
    expectFiguresDrawable(ExperimentOutput(figures: figures, results: try ClippingCliff.json(r)), experiment: ClippingCliff.name)
}
