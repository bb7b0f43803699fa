import Foundation
import Plotting
import Training

/// `clipping-training` — a tanh RNN on the adding problem, plain SGD at a learning rate where the
/// unclipped run diverges, trained four times from the same weights and data: no clipping, norm
/// clipping (Pascanu et al. 2013, Algorithm 1), value clipping (min-char-rnn) and the slide's
/// squared-norm variant (g ← τ g/‖g‖², which shrinks large gradients the most).
public enum ClippingTraining: ExperimentKind {
    public static let name = "clipping-training"
    public static let roughSeconds = 20.0

    /// A clipping rule as the file and the results name it.
    public enum Variant: String, CaseIterable, Sendable {
        case none, norm, value
        case squaredNorm = "squared_norm"
    }

    /// Pascanu et al. (2013, §3.2, §4) clip the global norm at τ = 1 with 50 units and minibatches
    /// of 20; min-char-rnn and char-rnn clip each value at 5; the squared-norm rule is a lecture
    /// slide's mistaken variant. SGD η = 0.1: measured at these defaults (seed 1), the unclipped
    /// run overflows at update 172; norm clipping stays near the 1/6 baseline (final ≈ 0.19,
    /// clipped 77 % of steps); value clipping at 5 does not diverge but ends at loss ≈ 2·10²;
    /// squared-norm ≈ 0.17. At η = 0.03 nothing diverges and the variants hardly differ. With
    /// H = 16 (--quick) the readout's curvature is smaller, so the step that makes the unclipped
    /// run blow up is larger: η = 0.5.
    public struct Settings: ExperimentSettings {
        public var steps = 50
        public var hidden = 50
        public var batch = 20
        public var iterations = 1000
        public var learningRate = 0.1
        public var gain = 1.5
        public var normThreshold = 1.0
        public var valueLimit = 5.0
        public var squaredNormThreshold = 1.0
        public var seed = 1
        public var variants = Variant.allCases
        public var evaluationInterval = 100
        public var testSequences = 200
        public var spectrumInterval = 1
        public init() {}

        public static let fields: [Setting<Self>] = [
            .int("steps", \.steps, .between(2, 10_000), quick: 20, doc: "T of the adding problem"),
            .int("hidden", \.hidden, .between(1, 1000), quick: 16, doc: "H of the tanh RNN"),
            .int("batch", \.batch, .between(1, 10_000), doc: "B, sequences per update"),
            .int("iterations", \.iterations, .between(1, 1_000_000), quick: 150, doc: "SGD updates per variant"),
            .double("learning_rate", \.learningRate, .greaterThan(0), quick: 0.5, doc: "η of plain SGD"),
            .double("gain", \.gain, .greaterThan(0), doc: "g of W_hh ~ N(0, g²/H)"),
            .double("norm_threshold", \.normThreshold, .greaterThan(0), doc: "τ of norm clipping"),
            .double("value_limit", \.valueLimit, .greaterThan(0), doc: "c of value clipping |g_i| ≤ c"),
            .double("squared_norm_threshold", \.squaredNormThreshold, .greaterThan(0), doc: "τ of the squared-norm variant"),
            .int("seed", \.seed, .atLeast(0), doc: "seed of the weights and the data, shared by the variants"),
            .choices("variants", \.variants, doc: "the clipping rules trained, each from the same weights and data"),
            .int("evaluation_interval", \.evaluationInterval, .atLeast(0), quick: 15,
                 doc: "test MSE every this many updates (0: first and last only); only the last is a result"),
            .int("test_sequences", \.testSequences, .between(1, 100_000), doc: "held-out sequences of the test MSE"),
            .int("spectrum_interval", \.spectrumInterval, .atLeast(0),
                 doc: "ρ and σ_max of W_hh every this many updates (0: first and last only)"),
        ]

        func clipping(_ v: Variant) -> Clipping {
            switch v {
            case .none: return .none
            case .norm: return .norm(normThreshold)
            case .value: return .value(valueLimit)
            case .squaredNorm: return .squaredNorm(squaredNormThreshold)
            }
        }

        /// The training run of one variant: all share the model, the data and the seed.
        func training(_ v: Variant) -> TrainingSettings {
            TrainingSettings(model: ModelSpec(kind: .tanh, hiddenSize: hidden, gain: gain),
                             task: .adding(steps: steps), batch: batch, iterations: iterations,
                             optimizer: .sgd(learningRate), clipping: clipping(v), seed: UInt64(seed),
                             evaluationInterval: evaluationInterval, testSequences: testSequences,
                             spectrumInterval: spectrumInterval)
        }
    }

    /// What one variant's run ended with.
    public struct Outcome: Codable, Sendable, Equatable {
        /// Mean of the last 10 minibatch losses.
        public var finalLoss: Double?
        public var diverged: Bool
        /// The update at which the loss or the gradient stopped being finite.
        public var divergedAt: Int?
        /// Share of updates where the rule fired.
        public var clippedShare: Double
        public var finalTestMSE: Double?
        public var maxNormAfterClipping: Double?
        public var updatesRun: Int
        public var spectralRadiusFirst: Double?
        public var spectralRadiusLast: Double?
        public var sigmaMaxLast: Double?

        enum CodingKeys: String, CodingKey {
            case finalLoss = "final_loss", diverged, divergedAt = "diverged_at", clippedShare = "clipped_share"
            case finalTestMSE = "final_test_mse", maxNormAfterClipping = "max_norm_after_clipping", updatesRun = "updates_run"
            case spectralRadiusFirst = "spectral_radius_first", spectralRadiusLast = "spectral_radius_last"
            case sigmaMaxLast = "sigma_max_last"
        }

        init(_ r: TrainingRun) {
            finalLoss = r.finalLoss
            diverged = r.diverged
            divergedAt = r.divergence?.iteration
            clippedShare = r.clippedShare
            finalTestMSE = r.finalTestLoss
            maxNormAfterClipping = r.gradientNormAfter.max()
            updatesRun = r.iterationsRun
            spectralRadiusFirst = r.spectra.first?.spectralRadius[0]
            spectralRadiusLast = r.spectra.last?.spectralRadius[0]
            sigmaMaxLast = r.spectra.last?.largestSingularValue[0]
        }

        /// Missing numbers are written as null, so every variant has every key.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeNumberOrNull(finalLoss, forKey: .finalLoss)
            try c.encode(diverged, forKey: .diverged)
            try c.encode(divergedAt, forKey: .divergedAt)
            try c.encode(clippedShare, forKey: .clippedShare)
            try c.encodeNumberOrNull(finalTestMSE, forKey: .finalTestMSE)
            try c.encodeNumberOrNull(maxNormAfterClipping, forKey: .maxNormAfterClipping)
            try c.encode(updatesRun, forKey: .updatesRun)
            try c.encodeNumberOrNull(spectralRadiusFirst, forKey: .spectralRadiusFirst)
            try c.encodeNumberOrNull(spectralRadiusLast, forKey: .spectralRadiusLast)
            try c.encodeNumberOrNull(sigmaMaxLast, forKey: .sigmaMaxLast)
        }
    }

    public struct Result: Codable, Sendable {
        /// By `Variant` raw value: `variants["squared_norm"]`.
        public var variants: [String: Outcome]
        /// The constant predictor's test MSE, 1/6.
        public var baselineMSE: Double
        public var normThreshold: Double
        public var learningRate: Double
        /// Every run, in the order of the settings' `variants` (the figure's curves; not in the manifest).
        public var runs: [TrainingRun] = []

        enum CodingKeys: String, CodingKey {
            case variants, baselineMSE = "baseline_mse", normThreshold = "norm_threshold", learningRate = "learning_rate"
        }
    }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        let runs = try trainAll(s.variants.map { (label: label($0), settings: s.training($0)) }, parallel: 1, context: context)
        return Result(variants: Dictionary(uniqueKeysWithValues: zip(s.variants, runs).map { ($0.rawValue, Outcome($1)) }),
                      baselineMSE: addingBaselineMSE, normThreshold: s.normThreshold, learningRate: s.learningRate, runs: runs)
    }

    /// A variant succeeds when it trained stably: its loss never overflowed and its final test
    /// MSE is below `stableBound` (`rnnlab sweep` counts it over seeds). Clipping is about
    /// stability, not about learning the task in 1000 updates: a run that stayed sane ends near
    /// the constant predictor's 1/6 (0.12–0.39 over 20 seeds), one that blew up many decades
    /// above (value clipping 18–421, no clipping past 10¹²⁰), so any bound between them counts
    /// the same runs.
    public static func successes(_ result: Result) -> [String: Bool] {
        result.variants.mapValues { !$0.diverged && ($0.finalTestMSE ?? .infinity) < stableBound }
    }

    /// A test MSE of 1 is an error of about 1 on a target between 0 and 2, six times the
    /// constant predictor's 1/6.
    public static let stableBound = 1.0

    static func label(_ v: Variant) -> String {
        switch v {
        case .none: return "no clipping"
        case .norm: return "norm clipping"
        case .value: return "value clipping"
        case .squaredNorm: return "squared-norm (slide)"
        }
    }

    static func color(_ v: Variant) -> Color {
        switch v {
        case .none: return .red
        case .norm: return .blue
        case .value: return .green
        case .squaredNorm: return .purple
        }
    }

    /// "four clipping rules" for the title.
    static func rules(_ n: Int) -> String {
        n == 1 ? "one clipping rule" : "\([2: "two", 3: "three", 4: "four"][n] ?? String(n)) clipping rules"
    }

    /// Running mean width of the loss curves.
    static let smoothing = 20

    /// The share of a panel's height (760×520 pixels in this figure) that a key of `entries` lines
    /// takes, with its box and a gap above it: a line of 12-point text is about 18 of the plot
    /// area's ~400 pixels.
    static func keyShare(entries: Int) -> Double { 0.05 * Double(entries) + 0.08 }

    /// The lower end of a log axis that runs up to `top` and leaves the bottom `keyShare` of the
    /// panel free under `lowest`, the smallest value drawn: the key placed there covers no data.
    static func logAxisBottom(lowest: Double, top: Double, keyEntries: Int) -> Double {
        let share = keyShare(entries: keyEntries)
        return lowest / pow(10, log10(top / lowest) * share / (1 - share))
    }

    public static func figures(_ result: Result, settings s: Settings) -> [Figure] {
        let pairs = Array(zip(s.variants, result.runs))
        func ending(_ r: TrainingRun) -> String {
            if let d = r.divergence { return "diverged at update \(d.iteration)" }
            return "final \(short(r.finalLoss ?? .nan))"
        }
        // Diverging runs climb by hundreds of decades: cap the axes so the learning runs stay readable
        // and mark where a run stopped at the top edge.
        let lossCap = 1e3, normCap = 1e12, specCap = 1e3
        // The losses of the clipped runs hover near 1/6 from the first update to the last, so no
        // corner of the panel is free: the axis reaches below the lowest curve and the key sits there.
        let lossFloor = pairs.flatMap { runningMean($0.1.losses, width: smoothing) }.filter { $0 > 0 }.min() ?? 1e-3
        let lossSeries: [Series] = pairs.map { v, r in
            .lines("\(label(v)): \(ending(r))", x: steps(r.losses.count),
                   y: runningMean(r.losses, width: smoothing).map { min($0, lossCap) },
                   style: Style(color: color(v), width: v == .none ? 3 : 2))
        }
        let loss = Panel(
            title: "training loss (mean of \(smoothing) minibatches; axis cut at \(plain(lossCap)))",
            xLabel: "SGD update k", yLabel: "MSE", yScale: .log,
            yRange: logAxisBottom(lowest: min(lossFloor, addingBaselineMSE), top: lossCap, keyEntries: lossSeries.count + 1)...lossCap,
            key: .bottomLeft,
            // The baseline's name goes in the key (a zero-length line on the reference line): written
            // beside the line it sat under the curves.
            series: lossSeries + [.lines("dashed: predict 1, MSE 1/6", x: [0, 0], y: [addingBaselineMSE, addingBaselineMSE],
                                         style: ReferenceLine.defaultStyle)]
                + pairs.compactMap { v, r in
                    guard let d = r.divergence else { return nil }
                    return .points("", x: [Double(d.iteration)], y: [lossCap], style: Style(color: color(v), pointSize: 3))
                },
            referenceLines: [ReferenceLine(y: addingBaselineMSE)])
        let normFloor = pairs.flatMap { $0.1.gradientNormBefore }.filter { $0 > 0 }.min() ?? 1e-3
        let before = Panel(
            title: "gradient norm ‖g‖ before clipping (dashed: τ = \(plain(s.normThreshold)); axis cut at 10^\(Int(log10(normCap))))",
            xLabel: "SGD update k", yLabel: "‖g‖ (all parameters)", yScale: .log,
            yRange: logAxisBottom(lowest: min(normFloor, s.normThreshold), top: normCap, keyEntries: pairs.count)...normCap,
            key: .bottomLeft,
            series: pairs.map { v, r in
                .lines(label(v), x: steps(r.gradientNormBefore.count), y: r.gradientNormBefore.map { min($0, normCap) },
                       style: Style(color: color(v), width: 1.2))
            },
            referenceLines: [ReferenceLine(y: s.normThreshold)])
        let clipped = pairs.filter { $0.0 != .none }
        let afterValues = clipped.flatMap { $0.1.gradientNormAfter }.filter { $0 > 0 && $0.isFinite }
        let afterTop = 3 * max(afterValues.max() ?? s.normThreshold, s.normThreshold)
        let after = Panel(
            title: "‖g‖ after clipping: the step SGD takes is η times this",
            xLabel: "SGD update k", yLabel: "‖g‖ after clipping", yScale: .log,
            yRange: logAxisBottom(lowest: min(afterValues.min() ?? s.normThreshold, s.normThreshold), top: afterTop,
                                  keyEntries: clipped.count)...afterTop,
            key: .bottomLeft,
            series: clipped.map { v, r in
                .lines(label(v), x: steps(r.gradientNormAfter.count), y: r.gradientNormAfter,
                       style: Style(color: color(v), width: 1.2))
            },
            referenceLines: [ReferenceLine(y: s.normThreshold, label: "τ = \(plain(s.normThreshold))")])
        let share = Panel(
            title: "share of updates so far where the rule fired",
            xLabel: "SGD update k", yLabel: "share of clipped updates", yRange: 0...1.05, key: .bottomRight,
            series: pairs.filter { $0.0 != .none }.map { v, r in
                var n = 0.0
                let running = r.clipped.enumerated().map { i, c in n += c ? 1 : 0; return n / Double(i + 1) }
                return .lines("\(label(v)): \(short(100 * r.clippedShare)) %", x: steps(running.count, from: 1), y: running,
                              style: Style(color: color(v), width: 2.5))
            })
        let spectrum = Panel(
            title: "W_hh \(s.spectrumInterval == 1 ? "at every update" : "every \(s.spectrumInterval) updates"): ρ (solid), σ_max (dashed); axis cut at \(plain(specCap))",
            xLabel: "SGD update k", yLabel: "ρ(W_hh), σ_max(W_hh)", yScale: .log, yRange: 0.5...specCap, key: .topRight,
            series: pairs.flatMap { v, r -> [Series] in
                let its = r.spectra.map { Double($0.iteration) }
                return [.lines("ρ, \(label(v))", x: its, y: r.spectra.map { min($0.spectralRadius[0], specCap) },
                               style: Style(color: color(v), width: 2)),
                        .lines("", x: its, y: r.spectra.map { min($0.largestSingularValue[0], specCap) },
                               style: Style(color: color(v), dash: .dashed, width: 1.2))]
            },
            referenceLines: [ReferenceLine(y: 1, label: "1")])
        return [gridFigure(name: "clipping",
                           title: "tanh RNN, adding problem T = \(s.steps), H = \(s.hidden), SGD η = \(plain(s.learningRate)), same weights and data: \(rules(s.variants.count))",
                           panels: [loss, before, after, share, spectrum], columns: 2, panelSize: (760, 520))]
    }
}
