import Foundation
import LanguageModels
import Plotting
import Recurrence

/// `char-rnn-samples` — the lecture's "at first / train more / train more": a character LSTM
/// trained on the lab's own text, with a sample drawn at increasing iterations (samples.md),
/// its loss curve with those iterations marked, and ‖∂L/∂h_t‖ across the chunk as training goes.
/// Training starts from a near-uniform softmax, so the first loss is ln V nats per character.
/// The trained model is saved as model-CELL.json for `rnnlab sample`.
public enum CharRNNSamples: ExperimentKind {
    public static let name = "char-rnn-samples"
    public static let roughSeconds = 180.0

    public struct Settings: ExperimentSettings, LanguageModelExperimentSettings {
        public var corpus = CorpusSettings()
        /// The lecture's char-rnn cell.
        public var cell = CellKind.lstm
        /// 1 500 updates, a held-out point every 100 (so every sample iteration has one).
        public var training = LanguageModelTraining(iterations: 1500, evalEvery: 100)
        public var seed = 123
        /// ‖∂L/∂h_t‖ over the chunk at 0, 250, 500, …
        public var gradientNormEvery = 250
        public var sample = SampleSettings()
        public init() {}

        // --quick: fewer iterations still, so the two language-model experiments share CI's seconds.
        public static let fields: [Setting<Self>] = corpusFields + [
            .choice("training.cell", \.cell, doc: "the recurrent cell"),
        ] + trainingFields(quickIterations: 60) + [
            .int("training.gradient_norm_every", \.gradientNormEvery, .atLeast(0), quick: 20,
                 doc: "record ‖∂L/∂h_t‖ of every step every this many iterations (0 = never)"),
            .ints("sample.at", \.sample.at, .atLeast(0), quick: [0, 20, 60],
                  doc: "iterations after which a sample is drawn (0 = before training)"),
            .int("sample.length", \.sample.length, .between(1, 100_000), quick: 120, doc: "characters per sample"),
            .double("sample.temperature", \.sample.temperature, .atLeast(0),
                    doc: "τ of softmax(z/τ): 1 samples the model, below 1 sharpens it, 0 is the argmax"),
            .string("sample.prime", \.sample.prime, doc: "text fed in before sampling; empty = the first character of the training text"),
            .int("sample.seed", \.sample.seed, .atLeast(0),
                 doc: "every sample uses this seed, so samples differ only because the model changed"),
        ]
    }

    /// log₁₀(‖∂L/∂h_1‖ / ‖∂L/∂h_T‖) of each layer, after `iteration` updates.
    public struct GradientNormRatio: Codable, Sendable, Equatable {
        public var iteration: Int
        /// One per layer, bottom first; null where a norm was 0.
        public var log10DH1OverDHT: [Double?]

        enum CodingKeys: String, CodingKey { case iteration, log10DH1OverDHT = "log10_dh1_over_dhT" }
    }

    public struct Result: Codable, Sendable {
        public var corpus: CorpusRecord
        public var cell: CellKind
        public var parameterCount: Int
        /// ln V: the loss per character of a uniform prediction, where training starts.
        public var uniformLossNats: Double
        /// The first minibatch's loss before any update; null after 0 updates.
        @NullIfNotFinite public var initialLossNats: Double
        /// initial / uniform − 1.
        @NullIfNotFinite public var initialLossRelativeError: Double
        @NullIfNotFinite public var finalHeldOutBitsPerCharacter: Double
        @NullIfNotFinite public var finalTrainBitsPerCharacter: Double
        /// By `iteration_N`, for each sample iteration with a held-out point.
        public var heldOutBitsPerCharacterAtSamples: [String: Double]
        public var sampleIterations: [Int]
        public var gradientNormRatios: [GradientNormRatio]
        public var iterations: Int
        public var trainingSeconds: Double
        /// The trained model and what training recorded (the figures, samples.md and the saved
        /// model; not in the manifest, nil when decoded from one).
        public var trained: TrainedLanguageModel? = nil

        enum CodingKeys: String, CodingKey {
            case corpus, cell, parameterCount = "parameter_count", uniformLossNats = "uniform_loss_nats"
            case initialLossNats = "initial_loss_nats", initialLossRelativeError = "initial_loss_relative_error"
            case finalHeldOutBitsPerCharacter = "final_held_out_bits_per_character"
            case finalTrainBitsPerCharacter = "final_train_bits_per_character"
            case heldOutBitsPerCharacterAtSamples = "held_out_bits_per_character_at_samples"
            case sampleIterations = "sample_iterations", gradientNormRatios = "gradient_norm_ratios", iterations
            case trainingSeconds = "training_seconds"
        }
    }

    public static func check(_ s: Settings, root: URL) throws { _ = try s.checkedCorpus(root: root) }

    public static func inputs(_ s: Settings, root: URL) -> [URL] { [(try? s.corpusURL(root: root))].compactMap { $0 } }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        context.progress("reading the corpus")
        let (corpus, record) = try s.loadCorpus(root: context.root)
        let settings = s.training.languageModelSettings(cell: s.cell, seed: s.seed, gradientNormEvery: s.gradientNormEvery,
                                                        sampling: s.sample)
        let trained = try cancellable { try trainLanguageModel(corpus: corpus, settings: settings, monitor: monitor(context)) }
        let r = trained.record, curve = r.curve
        let uniform = log(Double(corpus.vocabularySize))
        var atSamples: [String: Double] = [:]
        for sample in r.samples {
            if let point = curve.first(where: { $0.iteration == sample.iteration }) {
                atSamples["iteration_\(sample.iteration)"] = point.heldOutBitsPerCharacter
            }
        }
        let ratios = r.gradientNorms.map { snapshot in
            GradientNormRatio(iteration: snapshot.iteration, log10DH1OverDHT: snapshot.layers.map { norms in
                let x = log10(norms[0] / norms[norms.count - 1])
                return x.isFinite ? x : nil
            })
        }
        return Result(corpus: record, cell: r.cell, parameterCount: r.parameterCount, uniformLossNats: uniform,
                      initialLossNats: r.initialLossNats, initialLossRelativeError: r.initialLossNats / uniform - 1,
                      finalHeldOutBitsPerCharacter: r.finalHeldOutBitsPerCharacter,
                      finalTrainBitsPerCharacter: curve.last?.trainBitsPerCharacter ?? .nan,
                      heldOutBitsPerCharacterAtSamples: atSamples, sampleIterations: r.samples.map(\.iteration),
                      gradientNormRatios: ratios, iterations: r.iterations, trainingSeconds: r.trainingSeconds, trained: trained)
    }

    /// `samples.md` (the samples in the lecture's form, then a line saying what text the model
    /// read) and the trained model as `model-CELL.json`.
    public static func files(_ result: Result, settings s: Settings) throws -> [String: Data] {
        guard let trained = result.trained else { return [:] }
        let t = s.training, c = result.corpus
        let title = "Samples from a character \(result.cell.rawValue.uppercased()) (H = \(t.hidden), \(t.layers) "
            + "layer\(t.layers == 1 ? "" : "s")) on \(corpusTitle(c.name))"
        let note = "Corpus: \(c.source), \(c.characters) characters (\(c.trainCharacters) for training), "
            + "vocabulary \(c.vocabularySize) symbols, SHA-256 \(c.sha256).\n"
        let markdown = samplesMarkdown(title: title, samples: trained.record.samples, curve: trained.record.curve)
        return ["samples.md": Data((markdown + "\n" + note).utf8),
                "model-\(result.cell.rawValue).json": try trained.model.jsonData()]
    }
}
