import Foundation
import Plotting
import Training

/// `clipping-cliff` — Pascanu, Mikolov & Bengio (2013, §2.3, Fig. 6): one unit
/// x_t = w σ(x_{t−1}) + b, x_0 = 0.5, E = (σ(x_50) − 0.7)². For w > 1/σ′(0.5) the map is bistable
/// and E jumps across the line b = 0.5 − σ(0.5)·w (the wall); plain gradient descent that hits it
/// takes a step η‖∇E‖ and is thrown away, norm clipping caps every step at ητ.
extension Catalogue {
    static let clippingCliff: Experiment = Experiment(
        schema: ExperimentSchema(name: "clipping-cliff", parameters: [
            ParameterSpec("learning_rate", .double(.greaterThan(0)), default: 0.5, doc: "η of plain gradient descent"),
            ParameterSpec("iterations", .int(.between(1, 100_000)), default: 60, doc: "gradient-descent steps of each trajectory"),
            ParameterSpec("threshold", .double(.greaterThan(0)), default: 1, doc: "τ of norm clipping: every clipped step ≤ ητ"),
            ParameterSpec("start_w", .double(.all), default: 5, doc: "w of the common starting point"),
            ParameterSpec("start_b", .double(.all), default: -3, doc: "b of the common starting point"),
            ParameterSpec("grid", .int(.between(5, 1000)), default: 201, doc: "grid points along w (b gets 4/5 as many)"),
        ], quick: ["grid": 61]),
        roughSeconds: 1,
        compute: { file, context in
            let p = file.parameters
            var s = ClippingCliffSettings()
            s.learningRate = p.double("learning_rate")
            s.iterations = p.int("iterations")
            s.threshold = p.double("threshold")
            s.start = [p.double("start_w"), p.double("start_b")]
            s.gridW = p.int("grid")
            s.gridB = max(5, p.int("grid") * 4 / 5)
            context.progress("loss surface \(s.gridW)×\(s.gridB) and two descents")
            let r = Training.clippingCliff(s)
            return ExperimentOutput(figures: [cliffFigure(r)], results: cliffResults(r))
        })
}

/// E along the cut b = −2.5 the test names: the wall crosses it at w = 3/σ(0.5) ≈ 4.8196.
private let cutB = -2.5

private func cliffFigure(_ r: ClippingCliffResult) -> Figure {
    let s = r.settings
    let wRange = s.wRange[0]...s.wRange[1], bRange = s.bRange[0]...s.bRange[1]
    let u = r.unclipped, c = r.clipped
    let eta = s.learningRate, tau = s.threshold
    // The unclipped path leaves the window: draw its points inside, and the jump as an arrow to the window's edge.
    let surface = Panel(
        title: "E(w, b) = (σ(x_50) − 0.7)²: the wall (dashed) and two descents from ×",
        xLabel: "w (recurrent weight)", yLabel: "b (bias)", xRange: wRange, yRange: bRange, key: .topRight,
        series: [
            .surface("E(w, b)", x: r.w, y: r.b, z: r.loss, contours: 8),
            .lines("wall b = 0.5 − σ(0.5)·w, w > 1/σ′(0.5) = \(short(r.wallStartW))", x: r.wallW, y: r.wallB,
                   style: Style(color: .black, dash: .dashed, width: 2.5)),
            .linesPoints("no clipping (same path until the wall, then out of the window)", x: u.w, y: u.b,
                         style: Style(color: .red, width: 5, pointSize: 1.6)),
            .linesPoints("norm clipping, τ = \(plain(tau))", x: c.w, y: c.b,
                         style: Style(color: Color(hex: "#00e5ff")!, width: 2.5, pointSize: 0.9)),
            .points("start", x: [s.start[0]], y: [s.start[1]], style: Style(color: .black, pointSize: 3)),
        ],
        colorLabel: "E")
    let it = { (t: CliffTrajectory) in steps(t.loss.count) }
    let loss = Panel(
        title: "loss along the descent (the paths coincide until the wall)",
        xLabel: "gradient-descent step k", yLabel: "E(θ_k)", yScale: .log, key: .bottomLeft,
        series: [
            .linesPoints("no clipping: final E = \(short(u.finalLoss))", x: it(u), y: u.loss,
                         style: Style(color: .red, width: 4, pointSize: 1.2)),
            .linesPoints("norm clipping: final E = \(short(c.finalLoss))", x: it(c), y: c.loss,
                         style: Style(color: .blue, width: 2, pointSize: 0.8)),
        ])
    let stepPanel = Panel(
        title: "step length ‖θ_{k+1} − θ_k‖: clipping caps it at ητ",
        xLabel: "gradient-descent step k", yLabel: "step length", yScale: .log, key: .topRight,
        series: [
            .linesPoints("no clipping: η‖∇E‖, largest \(short(u.maxStepLength))", x: steps(u.stepLength.count), y: u.stepLength,
                         style: Style(color: .red, width: 4, pointSize: 1.2)),
            .linesPoints("norm clipping: largest \(short(c.maxStepLength)) (clipped steps: \(c.clippedSteps))",
                         x: steps(c.stepLength.count), y: c.stepLength, style: Style(color: .blue, width: 2, pointSize: 0.8)),
        ],
        referenceLines: [ReferenceLine(y: eta * tau, label: "ητ = \(plain(eta * tau))")])
    let wallAtCut = (s.x0 - cutB) / sigmoid(s.x0)
    let cutW = (0...400).map { s.wRange[0] + (s.wRange[1] - s.wRange[0]) * Double($0) / 400 }
    let cut = Panel(
        title: "the cliff in one slice: E along b = \(plain(cutB))",
        xLabel: "w at b = \(plain(cutB))", yLabel: "E(w, \(plain(cutB)))", key: .topRight,
        series: [
            .lines("E(w, \(plain(cutB)))", x: cutW,
                   y: cutW.map { cliffLossAndGradient(w: $0, b: cutB, steps: s.steps, x0: s.x0, target: s.target).loss },
                   style: Style(color: .blue, width: 2.5)),
        ],
        referenceLines: [ReferenceLine(x: wallAtCut, label: "wall: w = 3/σ(0.5) = \(short(wallAtCut))")])
    return gridFigure(name: "cliff", title: "Pascanu's cliff: x_t = w σ(x_{t−1}) + b, 50 steps, and what clipping does at the wall",
                      panels: [surface, loss, stepPanel, cut], columns: 2, panelSize: (760, 560))
}

private func cliffResults(_ r: ClippingCliffResult) -> JSONValue {
    let s = r.settings
    let E = { (w: Double) in cliffLossAndGradient(w: w, b: cutB, steps: s.steps, x0: s.x0, target: s.target).loss }
    func path(_ t: CliffTrajectory) -> JSONValue {
        let inside = zip(t.w, t.b).allSatisfy { s.wRange[0]...s.wRange[1] ~= $0 && s.bRange[0]...s.bRange[1] ~= $1 }
        return ["final_loss": .number(t.finalLoss), "final_w": number(t.w.last), "final_b": number(t.b.last),
                "max_step_length": .number(t.maxStepLength), "clipped_steps": .number(Double(t.clippedSteps)),
                "stays_in_window": .bool(inside)]
    }
    return ["wall_start_w": .number(r.wallStartW),
            "wall_w_at_b_minus_2_5": .number((s.x0 - cutB) / sigmoid(s.x0)),
            "loss_at_w_4_80_b_minus_2_5": .number(E(4.80)), "loss_at_w_4_84_b_minus_2_5": .number(E(4.84)),
            "step_bound": .number(s.learningRate * s.threshold),
            "unclipped": path(r.unclipped), "clipped": path(r.clipped)]
}
