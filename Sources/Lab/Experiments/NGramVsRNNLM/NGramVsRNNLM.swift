import Foundation
import LanguageModels
import Plotting
import Recurrence
import Training

/// `ngram-vs-rnn-lm` — the lecture's case for RNN language models: an n-gram model conditions on
/// n − 1 characters and needs a table that grows with n (and would need V^n entries dense),
/// while an RNN carries an unbounded history in a fixed number of parameters. Held-out bits per
/// character of n-gram models (add-k and Kneser–Ney, against n) beside tanh, LSTM and GRU
/// language models (against iterations and seconds), all scored on the same held-out characters.
public enum NGramVsRNNLM: ExperimentKind {
    public static let name = "ngram-vs-rnn-lm"
    public static let roughSeconds = 160.0

    public struct Settings: ExperimentSettings, LanguageModelExperimentSettings {
        public var corpus = CorpusSettings()
        /// n = 1 … maxOrder (6: beyond it the tables of this corpus mostly store singletons).
        public var maxOrder = 6
        /// Add-1 (Laplace) shows how badly uniform pseudo-counts do at high n; add-0.01 is a tuned add-k.
        public var addK = [1.0, 0.01]
        /// Interpolated Kneser–Ney, the n-gram model to beat.
        public var kneserNey = true
        public var cells: [CellKind] = [.tanh, .lstm, .gru]
        /// Shared by every RNN: 600 updates, a held-out point every 50.
        public var training = LanguageModelTraining(iterations: 600, evalEvery: 50)
        public var seed = 123
        public init() {}

        public static let fields: [Setting<Self>] = corpusFields + [
            .int("ngram.max_order", \.maxOrder, .between(1, 12), quick: 4, doc: "n-gram models for n = 1 … max_order"),
            .doubles("ngram.add_k", \.addK, .greaterThan(0), doc: "k of each add-k smoothed model (k = 1 is Laplace)"),
            .bool("ngram.kneser_ney", \.kneserNey, doc: "also score interpolated Kneser–Ney"),
            .choices("cells", \.cells, doc: "the RNN language models trained, each with the same training keys"),
        ] + trainingFields(quickIterations: 40)   // three models share CI's seconds

        /// The smoothings scored, in the order of the figures' legends.
        var smoothings: [Smoothing] { addK.map { .addK($0) } + (kneserNey ? [.kneserNey] : []) }
    }

    /// One n-gram model's score (the figures' points).
    public struct NGramScore: Sendable {
        public var order: Int
        public var smoothing: Smoothing
        /// On the held-out characters the RNNs are scored on (`evaluationRange`), for a fair comparison.
        public var heldOutBitsPerCharacter: Double
        /// 2^heldOutBitsPerCharacter.
        public var perplexity: Double
        /// On the whole held-out split.
        public var fullHeldOutBitsPerCharacter: Double
        public var memory: NGramMemory
    }

    /// One RNN language model's training run (the figures' curves).
    public struct RNNRun: Sendable {
        public var cell: CellKind
        public var parameterCount: Int
        public var record: TrainingRecord
        /// parameterCount × 8 (Float64), to set beside the n-gram tables' bytes.
        public var parameterBytes: Int { 8 * parameterCount }
    }

    /// An RNN's numbers as the results record them.
    public struct RNNRecord: Codable, Sendable, Equatable {
        @NullIfNotFinite public var finalHeldOutBitsPerCharacter: Double
        /// Null after 0 updates.
        @NullIfNotFinite public var finalTrainBitsPerCharacter: Double
        /// The first minibatch's loss before any update (≈ ln V); null after 0 updates.
        @NullIfNotFinite public var initialLossNats: Double
        public var parameterCount: Int
        public var parameterBytes: Int
        public var trainingSeconds: Double

        enum CodingKeys: String, CodingKey {
            case finalHeldOutBitsPerCharacter = "final_held_out_bits_per_character"
            case finalTrainBitsPerCharacter = "final_train_bits_per_character", initialLossNats = "initial_loss_nats"
            case parameterCount = "parameter_count", parameterBytes = "parameter_bytes", trainingSeconds = "training_seconds"
        }
    }

    /// The best n-gram model on the scored characters.
    public struct BestNGram: Codable, Sendable, Equatable {
        /// A smoothing's results key (`kneser_ney`, `add_k_0_01`).
        public var smoothing: String
        public var order: Int
        public var heldOutBitsPerCharacter: Double

        enum CodingKeys: String, CodingKey {
            case smoothing, order, heldOutBitsPerCharacter = "held_out_bits_per_character"
        }
    }

    public struct Result: Codable, Sendable {
        public var corpus: CorpusRecord
        /// log₂ V: a model that has learnt nothing.
        public var uniformBitsPerCharacter: Double
        public var heldOutCharactersScored: Int
        /// n = 1 … max_order.
        public var orders: [Int]
        /// By smoothing key (`key(_:)`), one entry per n.
        public var ngramBitsPerCharacter: [String: [Double]]
        public var ngramPerplexity: [String: [Double]]
        /// The order-n table for add-k, orders 1…n for (interpolated) Kneser–Ney.
        public var ngramMemoryBytes: [String: [Int]]
        public var ngramDistinct: [Int]
        /// V^n × 8: a dense table.
        public var ngramDenseTableBytes: [Double]
        public var bestNGram: BestNGram
        /// By cell: `rnn["gru"]`.
        public var rnn: [String: RNNRecord]
        public var countingSeconds: Double
        public var seconds: Double
        /// Every n-gram model by n, then smoothing, and every RNN's run (the figures' data; not in the manifest).
        public var ngrams: [NGramScore] = []
        public var rnns: [RNNRun] = []

        enum CodingKeys: String, CodingKey {
            case corpus, uniformBitsPerCharacter = "uniform_bits_per_character"
            case heldOutCharactersScored = "held_out_characters_scored", orders
            case ngramBitsPerCharacter = "ngram_bits_per_character", ngramPerplexity = "ngram_perplexity"
            case ngramMemoryBytes = "ngram_memory_bytes", ngramDistinct = "ngram_distinct"
            case ngramDenseTableBytes = "ngram_dense_table_bytes", bestNGram = "best_ngram", rnn
            case countingSeconds = "counting_seconds", seconds
        }

        /// The n-gram models of one smoothing, by n.
        func grams(_ s: Smoothing) -> [NGramScore] { ngrams.filter { $0.smoothing == s }.sorted { $0.order < $1.order } }
    }

    /// A smoothing as a results key: `add_k_1`, `add_k_0_01`, `kneser_ney`.
    static func key(_ s: Smoothing) -> String {
        switch s {
        case .addK(let k): return "add_k_" + plain(k).replacingOccurrences(of: ".", with: "_")
        case .kneserNey: return "kneser_ney"
        }
    }

    /// Before computing: the corpus (`checkedCorpus`), and an order whose grams fit the n-gram
    /// key for this corpus's V.
    public static func check(_ s: Settings, root: URL) throws {
        let corpus = try s.checkedCorpus(root: root)
        let highest = NGramCounts.maximumOrder(vocabularySize: corpus.vocabularySize)
        if s.maxOrder > highest {
            throw SettingError(key: "ngram.max_order", message: "\(s.maxOrder): order-n keys over this corpus's V = "
                + "\(corpus.vocabularySize) symbols fit 63 bits only up to n = \(highest)")
        }
    }

    public static func inputs(_ s: Settings, root: URL) -> [URL] { [(try? s.corpusURL(root: root))].compactMap { $0 } }

    public static func run(_ s: Settings, context: RunContext) throws -> Result {
        context.progress("reading the corpus")
        let (corpus, record) = try s.loadCorpus(root: context.root)
        let hooks = monitor(context)
        return try cancellable {
            let start = DispatchTime.now().uptimeNanoseconds
            func elapsed(_ t0: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 }
            let counts = try NGramCounts(training: corpus.trainIDs, vocabularySize: corpus.vocabularySize, maxOrder: s.maxOrder)
            let countingSeconds = elapsed(start)
            let t = s.training
            let scored = evaluationRange(corpus: corpus, characters: t.evalCharacters, streams: t.evalStreams, steps: t.steps)
            var ngrams: [NGramScore] = []
            let total = s.maxOrder * s.smoothings.count
            for n in 1...s.maxOrder {
                for smoothing in s.smoothings {
                    try hooks.check("n-gram models", completed: ngrams.count)
                    let model = NGramModel(counts: counts, order: n, smoothing: smoothing)
                    let bits = model.crossEntropy(of: corpus.ids, range: scored)
                    let full = model.crossEntropy(of: corpus.ids, range: corpus.heldOutRange)
                    ngrams.append(NGramScore(order: n, smoothing: smoothing, heldOutBitsPerCharacter: bits,
                                             perplexity: pow(2, bits), fullHeldOutBitsPerCharacter: full, memory: model.memory))
                    hooks.progress(ProgressReport(stage: "\(n)-gram \(smoothing)", step: ngrams.count, total: total, bitsPerCharacter: bits))
                }
            }
            var rnns: [RNNRun] = []
            for cell in s.cells {
                let trained = try trainLanguageModel(corpus: corpus, settings: t.languageModelSettings(cell: cell, seed: s.seed),
                                                     monitor: hooks)
                rnns.append(RNNRun(cell: cell, parameterCount: trained.model.parameterCount, record: trained.record))
            }
            return result(ngrams: ngrams, rnns: rnns, corpus: record, uniform: log2(Double(corpus.vocabularySize)),
                          countingSeconds: countingSeconds, seconds: elapsed(start), settings: s)
        }
    }

    /// The results' tables from the scores and runs.
    static func result(ngrams: [NGramScore], rnns: [RNNRun], corpus: CorpusRecord, uniform: Double,
                       countingSeconds: Double, seconds: Double, settings s: Settings) -> Result {
        var r = Result(corpus: corpus, uniformBitsPerCharacter: uniform,
                       heldOutCharactersScored: rnns.first?.record.heldOutCharactersEvaluated ?? 0, orders: [],
                       ngramBitsPerCharacter: [:], ngramPerplexity: [:], ngramMemoryBytes: [:], ngramDistinct: [],
                       ngramDenseTableBytes: [], bestNGram: BestNGram(smoothing: "", order: 0, heldOutBitsPerCharacter: .nan),
                       rnn: [:], countingSeconds: countingSeconds, seconds: seconds, ngrams: ngrams, rnns: rnns)
        for sm in s.smoothings {
            let g = r.grams(sm)
            r.ngramBitsPerCharacter[key(sm)] = g.map(\.heldOutBitsPerCharacter)
            r.ngramPerplexity[key(sm)] = g.map(\.perplexity)
            r.ngramMemoryBytes[key(sm)] = g.map { sm == .kneserNey ? $0.memory.interpolatedTableBytes : $0.memory.tableBytes }
        }
        let any = r.grams(s.smoothings[0])
        r.orders = any.map(\.order)
        r.ngramDistinct = any.map(\.memory.distinctNGrams)
        r.ngramDenseTableBytes = any.map(\.memory.denseTableBytes)
        if let b = ngrams.min(by: { $0.heldOutBitsPerCharacter < $1.heldOutBitsPerCharacter }) {
            r.bestNGram = BestNGram(smoothing: key(b.smoothing), order: b.order, heldOutBitsPerCharacter: b.heldOutBitsPerCharacter)
        }
        for m in rnns {
            r.rnn[m.cell.rawValue] = RNNRecord(finalHeldOutBitsPerCharacter: m.record.finalHeldOutBitsPerCharacter,
                                               finalTrainBitsPerCharacter: m.record.curve.last?.trainBitsPerCharacter ?? .nan,
                                               initialLossNats: m.record.initialLossNats, parameterCount: m.parameterCount,
                                               parameterBytes: m.parameterBytes, trainingSeconds: m.record.trainingSeconds)
        }
        return r
    }
}
