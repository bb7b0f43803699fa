import Foundation
import Plotting
import Training

/// `gradient-flow-training` — the per-step gradient profile ‖∂L/∂h_t‖ (t = 1…T, loss at T only)
/// while a tanh RNN and an LSTM learn the adding problem, and the singular values of the recurrent
/// weights over training: how far back the signal reaches, and how learning changes it. With the
/// loss on the last step only, ∂L/∂h_t = Πᵢ (∂h_i/∂h_{i−1})ᵀ ∂L/∂h_T (Pascanu et al. 2013, eq. 5):
/// the profile shows whether the signal vanishes (tanh, ρ(W_hh) < 1) or is carried (the LSTM's
/// cell path, f ≈ 1).
public enum GradientFlowTraining: ExperimentKind {
    public static let name = "gradient-flow-training"
    public static let roughSeconds = 60.0

    /// The two models, in the order of the panels: only the cell differs.
    public static let models: [ModelKind] = [.tanh, .lstm]

    /// One recipe for both models, so only the cell differs: irnn-adding's LSTM recipe (Adam
    /// η = 4e-2, norm clipping 1), with which the LSTM leaves the 1/6 plateau within the budget.
    public struct Settings: ExperimentSettings {
        public var steps = 100
        public var hidden = 64
        public var batch = 16
        public var iterations = 2000
        public var learningRate = 4e-2
        public var clip = 1.0
        public var snapshots = 41
        public var seed = 1
        /// About 30 evaluations and spectra over the run (2000/30).
        public var evaluationInterval = 66
        public var spectrumInterval = 66
        public var testSequences = 300
        public var gain = 1.0
        public var forgetBias = 1.0
        public init() {}

        public static let fields: [Setting<Self>] = [
            .int("steps", \.steps, .between(2, 10_000), quick: 20, doc: "T of the adding problem"),
            .int("hidden", \.hidden, .between(1, 1000), quick: 16, doc: "H of both models"),
            .int("batch", \.batch, .between(1, 10_000), quick: 16, doc: "B, sequences per update"),
            .int("iterations", \.iterations, .between(2, 1_000_000), quick: 100, doc: "Adam updates per model"),
            .double("learning_rate", \.learningRate, .greaterThan(0), doc: "η of Adam, both models"),
            .double("clip", \.clip, .atLeast(0), doc: "τ of global norm clipping (0: none)"),
            .int("snapshots", \.snapshots, .between(2, 10_000), quick: 11, doc: "rows of the heatmap: evenly spaced updates"),
            .int("seed", \.seed, .atLeast(0), doc: "seed of weights and data"),
            .int("evaluation_interval", \.evaluationInterval, .atLeast(0), quick: 3,
                 doc: "test MSE every this many updates: the points of the test-MSE panel (0: first and last only)"),
            .int("spectrum_interval", \.spectrumInterval, .atLeast(0), quick: 3,
                 doc: "singular values of the recurrent blocks every this many updates (0: first and last only)"),
            .int("test_sequences", \.testSequences, .between(1, 100_000), quick: 64, doc: "held-out sequences of the test MSE"),
            .double("gain", \.gain, .greaterThan(0), doc: "g of the tanh RNN's W_hh ~ N(0, g²/H)"),
            .double("forget_bias", \.forgetBias, .all, doc: "b_f of the LSTM at initialisation"),
        ]

        /// Evenly spaced snapshots (a heatmap needs an even grid): 0, Δ, 2Δ, …, the last update.
        var profileIterations: [Int] {
            let n = min(snapshots, iterations), last = iterations - 1
            return (0..<n).map { Int((Double(last) * Double($0) / Double(n - 1)).rounded()) }
        }

        func training(_ kind: ModelKind) -> TrainingSettings {
            TrainingSettings(model: ModelSpec(kind: kind, hiddenSize: hidden, gain: gain, forgetBias: forgetBias),
                             task: .adding(steps: steps), batch: batch, iterations: iterations,
                             optimizer: .adam(learningRate), clipping: clip > 0 ? .norm(clip) : .none, seed: UInt64(seed),
                             evaluationInterval: evaluationInterval, testSequences: testSequences,
                             spectrumInterval: spectrumInterval, recordSingularValues: true,
                             profileIterations: profileIterations)
        }
    }

    /// One model's headline numbers.
    public struct Outcome: Codable, Sendable, Equatable {
        public var finalTestMSE: Double?
        public var diverged: Bool
        /// log10 ‖∂L/∂h_T‖ − log10 ‖∂L/∂h_1‖ at the first and the last snapshot: the decades the
        /// gradient loses on its way back from step T to step 1 (negative if it grows).
        public var decadesLostFirst: Double?
        public var decadesLostLast: Double?
        /// Largest σ_max over the recurrent blocks, and ρ of the first block, at the first and the last spectrum.
        public var sigmaMaxFirst: Double?
        public var sigmaMaxLast: Double?
        public var spectralRadiusFirst: Double?
        public var spectralRadiusLast: Double?

        enum CodingKeys: String, CodingKey {
            case finalTestMSE = "final_test_mse", diverged
            case decadesLostFirst = "decades_lost_first", decadesLostLast = "decades_lost_last"
            case sigmaMaxFirst = "sigma_max_first", sigmaMaxLast = "sigma_max_last"
            case spectralRadiusFirst = "spectral_radius_first", spectralRadiusLast = "spectral_radius_last"
        }

        /// Missing numbers are written as null, so every model has every key.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeNumberOrNull(finalTestMSE, forKey: .finalTestMSE)
            try c.encode(diverged, forKey: .diverged)
            try c.encodeNumberOrNull(decadesLostFirst, forKey: .decadesLostFirst)
            try c.encodeNumberOrNull(decadesLostLast, forKey: .decadesLostLast)
            try c.encodeNumberOrNull(sigmaMaxFirst, forKey: .sigmaMaxFirst)
            try c.encodeNumberOrNull(sigmaMaxLast, forKey: .sigmaMaxLast)
            try c.encodeNumberOrNull(spectralRadiusFirst, forKey: .spectralRadiusFirst)
            try c.encodeNumberOrNull(spectralRadiusLast, forKey: .spectralRadiusLast)
        }
    }

    public struct Result: Codable, Sendable {
        /// By model name: `models["lstm"]`.
        public var models: [String: Outcome]
        /// The constant predictor's test MSE, 1/6.
        public var baselineMSE: Double
        /// One run per model, in the order of `GradientFlowTraining.models` (not in the manifest).
        public var runs: [TrainingRun] = []

        enum CodingKeys: String, CodingKey { case models, baselineMSE = "baseline_mse" }
    }

    /// log10 ‖∂L/∂h_t‖ per snapshot (rows) and step (columns); exact zeros (log = −∞) become the
    /// smallest finite value, so the colour scale stays readable.
    static func log10Profiles(_ r: TrainingRun) -> [[Double]] {
        let rows = r.gradientProfiles.map { $0.norms.map { $0 > 0 ? log10($0) : -Double.infinity } }
        let floor = rows.joined().filter(\.isFinite).min() ?? 0
        return rows.map { $0.map { $0.isFinite ? $0 : floor } }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let runs = try trainAll(models.map { m in (label: m.rawValue, settings: s.training(m)) }, parallel: 2, context: context)
        var out: [String: Outcome] = [:]
        for (m, r) in zip(models, runs) {
            let z = log10Profiles(r)
            func decadesLost(_ row: [Double]?) -> Double? { row.flatMap { $0.isEmpty ? nil : $0[$0.count - 1] - $0[0] } }
            let first = r.spectra.first, last = r.spectra.last
            out[m.rawValue] = Outcome(finalTestMSE: r.finalTestLoss, diverged: r.diverged,
                                      decadesLostFirst: decadesLost(z.first), decadesLostLast: decadesLost(z.last),
                                      sigmaMaxFirst: first?.largestSingularValue.max(), sigmaMaxLast: last?.largestSingularValue.max(),
                                      spectralRadiusFirst: first?.spectralRadius.first, spectralRadiusLast: last?.spectralRadius.first)
        }
        return Result(models: out, baselineMSE: addingBaselineMSE, runs: runs)
    }

    static func title(_ m: ModelKind) -> String { m == .lstm ? "LSTM" : "tanh RNN" }

    public static func figures(_ result: Result, settings s: Settings) -> [Figure] {
        [profiles(result.runs, s), spectra(result.runs)]
    }

    /// One colour range for several heatmaps: from the highest of their lowest values to the lowest
    /// of their highest, so that every grid reaches both ends.
    static func sharedColorRange(_ grids: [[[Double]]]) -> ClosedRange<Double> {
        let ranges = grids.compactMap { g -> (Double, Double)? in
            let v = g.joined().filter(\.isFinite)
            guard let lo = v.min(), let hi = v.max() else { return nil }
            return (lo, hi)
        }
        let lo = ranges.map(\.0).max() ?? 0, hi = ranges.map(\.1).min() ?? 1
        return lo < hi ? lo...hi : lo...(lo + 1)
    }

    /// `z` with every value outside `range` moved to its nearer end.
    static func clamped(_ z: [[Double]], to range: ClosedRange<Double>) -> [[Double]] {
        z.map { $0.map { Swift.min(Swift.max($0, range.lowerBound), range.upperBound) } }
    }

    static func profiles(_ runs: [TrainingRun], _ s: Settings) -> Figure {
        let T = s.steps
        // The heatmaps must share one colour scale to be compared, but the colour bar is fitted to
        // each panel's data (the Plotting module takes no colour range), and the tanh RNN's profiles
        // reach −300 where the LSTM's stop near −13. So both grids are clamped to the range they
        // share: each then spans the same values and gets the same bar; the tanh RNN's deeper
        // values take the darkest colour (its exact numbers are in the profile panel below).
        let grids = runs.map(log10Profiles)
        let shared = sharedColorRange(grids)
        let scale = "colour: one scale for both heatmaps, below \(String(format: "%.3g", shared.lowerBound)) all darkest"
        var panels: [Panel] = zip(models, zip(runs, grids)).map { m, rz in
            let (r, z) = rz
            return Panel(title: "\(title(m)): log10 ‖∂L/∂h_t‖ (loss at t = T = \(T) only)\n\(scale)",
                         xLabel: "time step t", yLabel: "update", key: .hidden,
                         series: [.heatmap("log10 ‖∂L/∂h_t‖", x: steps(T, from: 1),
                                           y: r.gradientProfiles.map { Double($0.iteration) }, z: clamped(z, to: shared))],
                         // No label beside the bar (it touched the tick numbers): the title names the colour.
                         colorLabel: "")
        }
        panels.append(Panel(title: "the profile at the first and the last snapshot", xLabel: "time step t",
                            yLabel: "‖∂L/∂h_t‖", yScale: .log, key: .bottomRight,
                            series: zip(models, runs).enumerated().flatMap { i, mr -> [Series] in
                                let (m, r) = mr
                                guard let first = r.gradientProfiles.first, let last = r.gradientProfiles.last else { return [] }
                                let name = m == .lstm ? "LSTM" : "tanh"
                                return [.lines("\(name), update \(first.iteration)", x: steps(T, from: 1), y: first.norms,
                                               style: Style(color: cycleColor(i), dash: .dashed, width: 2)),
                                        .lines("\(name), update \(last.iteration)", x: steps(T, from: 1), y: last.norms,
                                               style: Style(color: cycleColor(i), width: 2.5))]
                            }))
        // The baseline is named in the key (a zero-length line on it): written beside the line, its
        // label lay under the curves that hover at 1/6.
        panels.append(Panel(title: "test MSE while they learn", xLabel: "update", yLabel: "test MSE", yScale: .log, key: .bottomLeft,
                            series: zip(models, runs).enumerated().map { i, mr in
                                let (m, r) = mr
                                return .lines("\(title(m)): final \(short(r.finalTestLoss ?? .nan))",
                                              x: r.evaluations.map { Double($0.iteration) }, y: r.evaluations.map(\.loss),
                                              style: Style(color: cycleColor(i), width: 2.5))
                            } + [.lines("dashed: predict 1, MSE 1/6", x: [0, 0], y: [addingBaselineMSE, addingBaselineMSE],
                                        style: ReferenceLine.defaultStyle)],
                            referenceLines: [ReferenceLine(y: addingBaselineMSE)]))
        return gridFigure(name: "profiles",
                          title: "How far back the gradient reaches while learning the adding problem (T = \(T), H = \(s.hidden))",
                          panels: panels, columns: 2, panelSize: (760, 540))
    }

    static func spectra(_ runs: [TrainingRun]) -> Figure {
        let panels: [Panel] = zip(models, runs).map { m, r in
            let its = r.spectra.map { Double($0.iteration) }
            let blocks = r.spectra.first?.blocks ?? []
            var series: [Series] = []
            if m == .lstm {
                // Four blocks: σ_max and the median singular value of each.
                for (b, name) in blocks.enumerated() {
                    series.append(.lines("σ_max(\(name))", x: its, y: r.spectra.map { $0.largestSingularValue[b] },
                                         style: Style(color: cycleColor(b), width: 2.5)))
                    series.append(.lines("median σ(\(name))", x: its,
                                         y: r.spectra.map { s in s.singularValues.map { $0[b][$0[b].count / 2] } ?? .nan },
                                         style: Style(color: cycleColor(b), dash: .dashed, width: 1.5)))
                }
            } else {
                let count = r.spectra.first?.singularValues?.first?.count ?? 0
                for i in 0..<count {
                    series.append(.lines(i == 0 ? "every σ_i(W_hh)" : "", x: its, y: r.spectra.map { $0.singularValues?[0][i] ?? .nan },
                                         style: Style(color: .gray, width: 0.8)))
                }
                series.append(.lines("σ_max(W_hh)", x: its, y: r.spectra.map { $0.largestSingularValue[0] },
                                     style: Style(color: .blue, width: 2.5)))
                series.append(.lines("ρ(W_hh)", x: its, y: r.spectra.map { $0.spectralRadius[0] },
                                     style: Style(color: .red, dash: .dashed, width: 2.5)))
            }
            return Panel(title: m == .lstm ? "LSTM: singular values of the recurrent blocks W_hi, W_hf, W_hg, W_ho"
                                           : "tanh RNN: singular values of W_hh",
                         xLabel: "update", yLabel: "singular value σ", yScale: .log, key: .outside, series: series,
                         referenceLines: [ReferenceLine(y: 1)])
        }
        return gridFigure(name: "spectra", title: "Recurrent weights while learning: singular values against updates",
                          panels: panels, columns: 2, panelSize: (860, 540))
    }
}
