import Foundation
import Plotting
import Training

extension ClippingTraining {
    /// The figure of a sweep over seeds (`rnnlab sweep clipping-training --vary seed=1..20`): does
    /// what one seed shows hold for every seed? Top: in how many seeds each rule trained stably
    /// (`successes`), with its Wilson 95 % interval. Middle: each seed's final test MSE, with the
    /// median dashed and the quartiles shaded; runs beyond the axis (overflowed or diverged) sit on
    /// its top edge. Bottom: the spectral radius of W_hh after training, beside its value at the
    /// start (the same for every rule of one seed).
    public static func sweepFigures(_ runs: [SweepRun<Result>], summary: SweepSummary) -> [Figure] {
        let variants = Variant.allCases.filter { v in runs.allSatisfy { $0.result.variants[v.rawValue] != nil } }
        guard runs.count > 1, !variants.isEmpty else { return [] }
        let xs = runs.enumerated().map { i, r in Double(r.seed ?? i + 1) }
        let xRange = (xs.min()! - 0.5)...(xs.max()! + 0.5)
        let cap = 1e4   // a test MSE or ρ beyond 10⁴ is a run that blew up: drawn on the top edge
        let n = runs.count

        var rate: [Series] = []
        for (i, v) in variants.enumerated() {
            let stable = runs.filter { successes($0.result)[v.rawValue] == true }.count
            let r = SuccessRate(successes: stable, trials: n)
            let x = Double(i + 1)
            rate.append(.lines("", x: [x, x], y: [r.wilson.lowerBound, r.wilson.upperBound], style: Style(color: color(v), width: 3)))
            rate.append(.points("\(label(v)): \(stable) of \(n)", x: [x], y: [r.rate], style: Style(color: color(v), pointSize: 1.8)))
        }
        let stability = Panel(
            title: "share of seeds that trained stably (no overflow, test MSE < \(plain(stableBound))); bar: Wilson 95 %",
            xLabel: "clipping rule (see the key)", yLabel: "share of seeds",
            xRange: 0.5...(Double(variants.count) + 0.5), yRange: -0.02...1.02, key: .outside, series: rate)

        /// Each seed's value (capped at the top edge), the quartiles shaded and the median dashed.
        func perSeed(_ value: (Outcome) -> Double?) -> (series: [Series], lowest: Double) {
            var series: [Series] = []
            var lowest = Double.infinity
            for v in variants {
                let ys = runs.map { value($0.result.variants[v.rawValue]!).flatMap { $0.isFinite ? $0 : nil } ?? .infinity }
                let shown = ys.map { min($0, cap) }
                lowest = min(lowest, shown.min() ?? cap)
                let s = Statistics(ys.map { min($0, .greatestFiniteMagnitude) })
                let above = ys.filter { $0 >= cap }.count
                let name = above == n ? "\(label(v)): all \(n) above 10⁴ (top edge)"
                    : "\(label(v)): median \(short(s.median))" + (above > 0 ? ", \(above) above 10⁴" : "")
                if above == 0 {
                    series.append(.band("", x: [xRange.lowerBound, xRange.upperBound], lower: [s.lowerQuartile, s.lowerQuartile],
                                        upper: [s.upperQuartile, s.upperQuartile], style: Style(color: color(v), fillOpacity: 0.15)))
                    series.append(.lines("", x: [xRange.lowerBound, xRange.upperBound], y: [s.median, s.median],
                                         style: Style(color: color(v), dash: .dashed, width: 1)))
                }
                series.append(.points(name, x: xs, y: shown, style: Style(color: color(v), pointSize: 1.2)))
            }
            return (series, lowest)
        }

        let mse = perSeed { $0.finalTestMSE }
        let loss = Panel(
            title: "final test MSE per seed (dashed: median; shaded: quartiles; dotted: 1/6)",
            xLabel: "seed", yLabel: "final test MSE", yScale: .log,
            xRange: xRange, yRange: (min(mse.lowest, addingBaselineMSE) / 2)...(cap * 2), key: .outside,
            series: mse.series, referenceLines: [ReferenceLine(y: addingBaselineMSE, style: Style(color: .gray, dash: .dotted, width: 1.5))])

        var radius = perSeed { $0.spectralRadiusLast }
        let start = runs.map { r in variants.compactMap { r.result.variants[$0.rawValue]?.spectralRadiusFirst }.first ?? .nan }
        radius.series.append(.points("ρ at the start (every rule)", x: xs, y: start, style: Style(color: .gray, pointSize: 1.6)))
        let spectrum = Panel(
            title: "spectral radius ρ of W_hh after training (gray: at the start)",
            xLabel: "seed", yLabel: "ρ(W_hh)", yScale: .log,
            xRange: xRange, yRange: (min(radius.lowest, start.filter(\.isFinite).min() ?? 1) / 1.5)...(cap * 2), key: .outside,
            series: radius.series)

        let first = runs[0].result
        return [Figure(name: "sweep",
                       title: "Clipping rules over \(n) seeds (η = \(plain(first.learningRate)), τ = \(plain(first.normThreshold))): does one seed's picture hold?",
                       size: Size(width: 1300, height: 3 * 400 + 60), layout: Grid(rows: 3, columns: 1),
                       panels: [stability, loss, spectrum])]
    }
}
