import Foundation
import Plotting

/// One figure per mark kind, with data shaped like the lab's experiments; computed from
/// formulas (and a fixed linear congruential generator), so their scripts are golden files.
enum Samples {
    static let all: [Figure] = [lines, eigenvalues, gradientNorms, band, histogram, heatmap, surface, vectors, panels]

    /// A fixed pseudo-random stream in [0, 1): x ← (a x + c) mod 2⁶⁴.
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        /// Box–Muller.
        mutating func normal() -> Double {
            (-2 * log(1 - next())).squareRoot() * cos(2 * .pi * next())
        }
    }

    static let steps = (0..<60).map { Double($0 * 50) }

    /// Lines on a log y axis; the vanilla RNN's loss goes NaN for a while and comes back.
    static let lines = Figure(
        name: "loss-curves", title: "Training loss, copy task (T = 50)",
        panel: Panel(
            xLabel: "training step", yLabel: "cross-entropy loss (nats)", yScale: .log,
            series: [
                .lines("LSTM", x: steps, y: steps.map { 2.3 * exp(-$0 / 900) + 0.01 }),
                .lines("GRU", x: steps, y: steps.map { 2.3 * exp(-$0 / 700) + 0.02 }),
                .lines("vanilla RNN", x: steps, y: steps.map { s in (1200...1500).contains(s) ? .nan : 2.3 * exp(-s / 4000) + 0.3 },
                       style: Style(dash: .dashed)),
            ],
            referenceLines: [ReferenceLine(y: log(10), label: "chance: ln 10")]))

    /// Points in the complex plane with the unit circle, equal aspect.
    static let eigenvalues: Figure = {
        var rng = LCG(state: 7)
        let lambdas = (0..<64).map { _ in (rng.normal() * 0.16, rng.normal() * 0.16) }
        return Figure(
            name: "eigenvalues", title: "Eigenvalues of W_hh at initialisation (H = 64, σ = 1.3/√H)",
            panel: Panel(
                xLabel: "Re λ", yLabel: "Im λ", xRange: -1.5...1.5, yRange: -1.2...1.2, key: .outside,
                series: [
                    .circle("|λ| = 1"),
                    .points("λ(W_hh)", x: lambdas.map { $0.0 * 5 }, y: lambdas.map { $0.1 * 5 }, style: Style(pointSize: 1.2)),
                ],
                equalAspect: true))
    }()

    /// Lines with points: ‖∂L/∂h_t‖ against t for three spectral radii.
    static let gradientNorms: Figure = {
        let t = (0...20).map(Double.init)
        return Figure(
            name: "gradient-norms", title: "Backpropagated gradient norm ‖∂L/∂h_t‖",
            panel: Panel(
                xLabel: "steps back in time, T − t", yLabel: "‖∂L/∂h_t‖", yScale: .log, key: .topLeft,
                series: [0.8, 1.0, 1.25].map { rho in
                    .linesPoints("ρ(W_hh) = \(rho)", x: t, y: t.map { pow(rho, $0) })
                },
                referenceLines: [ReferenceLine(y: 1)]))
    }()

    /// A band (mean ± one standard deviation over seeds) under its mean line.
    static let band: Figure = {
        let x = (0..<40).map { Double($0) * 25 }
        let mean = x.map { 0.2 + 0.75 * exp(-$0 / 300) }
        let spread = x.map { 0.05 + 0.1 * exp(-$0 / 500) }
        return Figure(
            name: "accuracy-band", title: "Validation error over 8 seeds",
            panel: Panel(
                xLabel: "training step", yLabel: "error rate", yRange: 0...1,
                series: [
                    .band("±1 std", x: x, lower: zip(mean, spread).map(-), upper: zip(mean, spread).map(+)),
                    .lines("mean", x: x, y: mean),
                ]))
    }()

    /// A histogram in density units with the normal density drawn over it.
    static let histogram: Figure = {
        var rng = LCG(state: 42)
        let samples = (0..<2000).map { _ in rng.normal() * 0.5 + 1 }
        let x = (0...100).map { (i: Int) -> Double in -1 + 4 * Double(i) / 100 }
        let density = x.map { (v: Double) -> Double in
            let u: Double = (v - 1) * (v - 1) / (2 * 0.25)
            return exp(-u) / (0.5 * (2 * Double.pi).squareRoot())
        }
        return Figure(
            name: "preactivation-histogram", title: "Pre-activations a_t at t = 10",
            panel: Panel(
                xLabel: "a_t", yLabel: "density",
                series: [
                    .histogram("a_t, 2000 samples", samples: samples, bins: 40),
                    .lines("N(1, 0.5²)", x: x, y: density, style: Style(color: .black)),
                ]))
    }()

    /// A heatmap with a log colour scale: gradient norm over time step and training epoch.
    static let heatmap: Figure = {
        let t = (0..<30).map(Double.init)
        let epoch = (0..<12).map(Double.init)
        let z = epoch.map { e in t.map { s in pow(0.7 + 0.05 * e, 29 - s) } }
        return Figure(
            name: "gradient-heatmap", title: "‖∂L/∂h_t‖ during training",
            panel: Panel(
                xLabel: "time step t", yLabel: "epoch", series: [.heatmap("‖∂L/∂h_t‖", x: t, y: epoch, z: z)],
                colorScale: .log))
    }()

    /// A loss surface seen from above with contours and two optimiser trajectories on it.
    static let surface: Figure = {
        let grid = (0...24).map { (i: Int) -> Double in -2 + 4 * Double(i) / 24 }
        let z = grid.map { (b: Double) -> [Double] in grid.map { (a: Double) -> Double in 0.5 * a * a + 2 * b * b + 0.3 * a * b } }
        func path(_ lr: Double) -> ([Double], [Double]) {
            var (a, b) = (1.8, 1.6)
            var xs = [a], ys = [b]
            for _ in 0..<25 {
                (a, b) = (a - lr * (a + 0.3 * b), b - lr * (4 * b + 0.3 * a))
                xs.append(a); ys.append(b)
            }
            return (xs, ys)
        }
        let slow = path(0.1), fast = path(0.45)
        return Figure(
            name: "loss-surface", title: "Gradient descent on L(a, b) = a²/2 + 2b² + 0.3ab",
            panel: Panel(
                xLabel: "a", yLabel: "b", xRange: -2...2, yRange: -2...2,
                series: [
                    .surface("L(a, b)", x: grid, y: grid, z: z, contours: 8),
                    .linesPoints("lr = 0.1", x: slow.0, y: slow.1, style: Style(color: .red, pointSize: 0.6)),
                    .linesPoints("lr = 0.45", x: fast.0, y: fast.1, style: Style(color: .orange, pointSize: 0.6)),
                ],
                equalAspect: true))
    }()

    /// Vectors: the gradient field −∇L of the same loss.
    static let vectors: Figure = {
        let grid = (0...10).map { (i: Int) -> Double in -2 + 4 * Double(i) / 10 }
        let points = grid.flatMap { b in grid.map { a in (a, b) } }
        return Figure(
            name: "gradient-field", title: "Descent directions −∇L (scaled by 0.04)",
            panel: Panel(
                xLabel: "a", yLabel: "b",
                series: [.vectors("−0.04 ∇L", x: points.map(\.0), y: points.map(\.1),
                                  dx: points.map { -0.04 * ($0.0 + 0.3 * $0.1) }, dy: points.map { -0.04 * (4 * $0.1 + 0.3 * $0.0) })],
                equalAspect: true))
    }()

    /// Two panels; one series diverges entirely, one axis is log with zeros in the data.
    static let panels: Figure = {
        let t = (1...30).map(Double.init)
        return Figure(
            name: "exploding", title: "Exploding gradients, σ = 3",
            size: Size(width: 1200, height: 500), layout: Grid(rows: 1, columns: 2),
            panels: [
                Panel(
                    title: "loss", xLabel: "step", yLabel: "loss",
                    series: [
                        .lines("clipped", x: t, y: t.map { 2 * exp(-$0 / 10) }),
                        .lines("unclipped", x: t, y: t.map { _ in .nan }),
                    ]),
                Panel(
                    title: "gradient norm", xLabel: "step", yLabel: "‖g‖", yScale: .log,
                    series: [
                        .linesPoints("clipped", x: t, y: t.map { $0.truncatingRemainder(dividingBy: 7) == 0 ? 0 : 1 + $0 }),
                        .linesPoints("unclipped", x: t, y: t.map { $0 < 12 ? exp($0) : .infinity }),
                    ]),
            ])
    }()
}
