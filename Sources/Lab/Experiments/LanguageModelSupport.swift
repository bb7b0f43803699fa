import Foundation
import LanguageModels
import Plotting
import Recurrence
import Training

/// What the two language-model experiments (ngram-vs-rnn-lm, char-rnn-samples) share: the corpus
/// they read, its checks before a run and its record in the results, and the `training.` keys.

/// `[parameters.corpus]`: the text, and how much of it is held out.
public struct CorpusSettings: Sendable, Equatable {
    /// A UTF-8 text file, relative to the lab's root: by default the committed snapshot of the
    /// lab's own sources and chapters, so every checkout trains on the same text.
    public var path = CorpusSnapshot.path
    /// The last 10 % held out (char-rnn keeps 5 %; a small corpus needs a larger share for a
    /// held-out estimate over tens of thousands of characters).
    public var heldOutFraction = 0.1
}

/// `[parameters.training]` and `seed`: how each character model is trained, char-rnn's recipe
/// (T = 50, U(±0.08), forget bias 1, clip 5) at sizes that fit the lab's minutes on two cores.
public struct LanguageModelTraining: Sendable, Equatable {
    /// H = 128: char-rnn's smallest size.
    public var hidden = 128
    public var layers = 1
    public var batch = 32
    public var steps = 50
    public var iterations: Int
    /// Adam converges in hundreds of updates, not char-rnn's tens of thousands.
    public var optimizer = OptimizerKind.adam
    /// 5·10⁻³ rather than char-rnn's 2·10⁻³: a few hundred iterations, not 50 epochs.
    public var learningRate = 5e-3
    /// τ of global norm clipping (char-rnn's `grad_clip`).
    public var clip = 5.0
    public var evalEvery: Int
    /// ±0.02 bits, a fraction of a second per evaluation.
    public var evalCharacters = 10_000
    public var evalStreams = 16
    /// Cell weights and biases U(−s, s), char-rnn's s = 0.08.
    public var initScale = 0.08
    /// W_S and b_S U(−s, s): small, so the first softmax is near uniform (loss ≈ ln V).
    public var readoutInitScale = 0.01
    public var forgetBias = 1.0

    public init(iterations: Int, evalEvery: Int) {
        self.iterations = iterations
        self.evalEvery = evalEvery
    }

    /// The library's settings for one model: every field set here, none left to its defaults.
    /// No samples and no gradient-norm snapshots unless `sampling` and `gradientNormEvery` ask.
    func languageModelSettings(cell: CellKind, seed: Int, gradientNormEvery: Int = 0,
                               sampling: SampleSettings? = nil) -> LanguageModelSettings {
        var s = LanguageModelSettings()
        s.cell = cell
        s.hidden = hidden; s.layers = layers; s.batch = batch; s.steps = steps; s.iterations = iterations
        s.optimizer = OptimizerSettings(kind: optimizer, learningRate: learningRate)
        s.clipping = .norm(clip)
        s.initScale = initScale; s.readoutInitScale = readoutInitScale; s.forgetBias = forgetBias
        s.seed = UInt64(seed)
        s.evalEvery = evalEvery; s.evalCharacters = evalCharacters; s.evalStreams = evalStreams
        s.gradientNormEvery = gradientNormEvery
        let sample = sampling ?? SampleSettings(at: [])
        s.sampleAt = sample.at; s.sampleLength = sample.length; s.sampleTemperature = sample.temperature
        s.samplePrime = sample.prime.isEmpty ? nil : sample.prime
        s.sampleSeed = UInt64(sample.seed)
        return s
    }
}

/// `[parameters.sample]`: when and how char-rnn-samples draws text.
public struct SampleSettings: Sendable, Equatable {
    /// The lecture's 0, 100, 300, 1 000, then the end of training.
    public var at = [0, 100, 300, 1000, 1500]
    /// A few lines of code.
    public var length = 200
    /// τ = 1 samples the model itself (min-char-rnn's `np.random.choice(p=…)`).
    public var temperature = 1.0
    /// Empty: the first character of the training text.
    public var prime = ""
    /// One seed for every sample, so they differ only because the model changed.
    public var seed = 7
}

/// The settings of an experiment that trains character models on a corpus.
protocol LanguageModelExperimentSettings: ExperimentSettings {
    var corpus: CorpusSettings { get set }
    var training: LanguageModelTraining { get set }
    var seed: Int { get set }
}

extension LanguageModelExperimentSettings {
    /// `corpus.path` and `corpus.held_out_fraction`, the same in both experiments.
    static var corpusFields: [Setting<Self>] {
        [
            .string("corpus.path", \.corpus.path,
                    doc: "a UTF-8 text file (relative to the lab's root); the default is the committed snapshot of the lab's sources and notebooks"),
            .double("corpus.held_out_fraction", \.corpus.heldOutFraction, .between(0.01, 0.5),
                    doc: "the last fraction of the text, held out to measure bits per character"),
        ]
    }

    /// The `training.` keys and `seed`. --quick: H = 32, B = 16, T = 25 and `quickIterations`
    /// updates, a held-out point every 20 over 2 000 characters: seconds, not minutes.
    static func trainingFields(quickIterations: Int) -> [Setting<Self>] {
        [
            .int("training.hidden", \.training.hidden, .between(1, 4096), quick: 32, doc: "H, units per layer"),
            .int("training.layers", \.training.layers, .between(1, 8), doc: "recurrent layers stacked"),
            .int("training.batch", \.training.batch, .between(1, 1024), quick: 16, doc: "B, streams read side by side"),
            .int("training.steps", \.training.steps, .between(1, 10_000), quick: 25, doc: "T, characters per chunk (BPTT truncation)"),
            .int("training.iterations", \.training.iterations, .between(0, 10_000_000), quick: quickIterations, doc: "parameter updates"),
            .choice("training.optimizer", \.training.optimizer, doc: "sgd, momentum, rmsprop, adam or adagrad (min-char-rnn's)"),
            .double("training.learning_rate", \.training.learningRate, .greaterThan(0), doc: "η"),
            .double("training.clip", \.training.clip, .greaterThan(0), doc: "clip the gradient's norm to this (Pascanu et al.)"),
            .int("training.eval_every", \.training.evalEvery, .atLeast(1), quick: 20,
                 doc: "held-out bits per character every this many iterations"),
            .int("training.eval_characters", \.training.evalCharacters, .atLeast(1), quick: 2000,
                 doc: "held-out characters scored each time (the first ones of the held-out split)"),
            .int("training.eval_streams", \.training.evalStreams, .between(1, 1024),
                 doc: "the held-out characters are read by this many streams, each from h = 0"),
            .double("training.init_scale", \.training.initScale, .greaterThan(0),
                    doc: "s of the cells' weights and biases U(−s, s) (char-rnn's 0.08)"),
            .double("training.readout_init_scale", \.training.readoutInitScale, .atLeast(0),
                    doc: "s of W_S and b_S U(−s, s): small, so the first softmax is near uniform"),
            .double("training.forget_bias", \.training.forgetBias, .all, doc: "b_f of an LSTM at initialisation"),
            .int("seed", \.seed, .atLeast(0), doc: "seed of the initial weights"),
        ]
    }

    /// The checks `rnnlab run` makes before training: the corpus is a UTF-8 text file of at most
    /// `Corpus.maximumFileBytes`, long enough that its training split holds B streams of T + 1
    /// characters. Returns the corpus, for the experiment's own checks.
    func checkedCorpus(root: URL) throws -> Corpus {
        let file: CorpusFile
        do { file = try CorpusFile(path: try corpusURL(root: root).path) }
        catch let e as CorpusError { throw SettingError(key: "corpus.path", message: e.description) }
        let f = corpus.heldOutFraction, t = training
        let need = Corpus.minimumCharacters(training: t.languageModelSettings(cell: .lstm, seed: seed).minimumTrainingCharacters,
                                            heldOutFraction: f)
        let n = file.scalars.count
        guard n >= need else {
            throw SettingError(key: "corpus.path", message: "\(file.path): \(n) character\(n == 1 ? "" : "s"); these settings need at least "
                + "\(need): the training split (the first \(plain(100 * (1 - f))) %) must hold training.batch = \(t.batch) streams "
                + "of training.steps + 1 = \(t.steps + 1) characters")
        }
        do { return try Corpus(scalars: file.scalars, name: file.path, heldOutFraction: f) }
        catch let e as CorpusError { throw SettingError(key: "corpus.path", message: e.description) }
    }

    /// The corpus file, or a `SettingError` for an empty path.
    func corpusURL(root: URL) throws -> URL {
        guard !corpus.path.isEmpty else {
            throw SettingError(key: "corpus.path", message: "empty; name a UTF-8 text file (the default is \(CorpusSnapshot.path))")
        }
        return CorpusSnapshot.url(corpus.path, root: root)
    }

    /// Reads the corpus. Errors name the file and what is wrong (`CorpusError`).
    func loadCorpus(root: URL) throws -> (corpus: Corpus, record: CorpusRecord) {
        let file = try CorpusFile(path: try corpusURL(root: root).path)
        let name = corpus.path == CorpusSnapshot.path ? CorpusSnapshot.name : corpus.path
        let c = try Corpus(scalars: file.scalars, name: name, heldOutFraction: corpus.heldOutFraction)
        return (c, CorpusRecord(c, source: corpus.path, sha256: file.sha256))
    }
}

/// A corpus as the results record it: where it came from, which text it was, and its sizes.
public struct CorpusRecord: Codable, Sendable, Equatable {
    /// `corpus.path` as the file gave it.
    public var source: String
    /// SHA-256 of the file's bytes: which text was used.
    public var sha256: String
    /// Files behind the text: 1 (the key dates from corpora assembled from the sources).
    public var files: Int
    public var characters: Int
    public var trainCharacters: Int
    public var heldOutCharacters: Int
    /// V: the training split's symbols, plus U+FFFD when the held-out split has unseen ones.
    public var vocabularySize: Int
    public var heldOutUnknownCharacters: Int
    /// How figures and samples name the text (not in the manifest).
    public var name = ""

    enum CodingKeys: String, CodingKey {
        case source, sha256, files, characters, trainCharacters = "train_characters"
        case heldOutCharacters = "held_out_characters", vocabularySize = "vocabulary_size"
        case heldOutUnknownCharacters = "held_out_unknown_characters"
    }

    init(_ c: Corpus, source: String, sha256: String) {
        let s = c.summary
        self.source = source
        self.sha256 = sha256
        files = 1
        characters = s.characters
        trainCharacters = s.trainCharacters
        heldOutCharacters = s.heldOutCharacters
        vocabularySize = s.vocabularySize
        heldOutUnknownCharacters = s.heldOutUnknownCharacters
        name = c.name
    }
}

/// The library's hooks, fed from the runner's: progress notes, and Ctrl-C as `Cancelled`.
func monitor(_ context: RunContext) -> Monitor {
    Monitor(progress: { context.progress($0.description) },
            isCancelled: { (try? context.checkCancelled()) == nil })
}

/// One colour and name per cell, as in the gradient-dynamics figures.
func cellStyle(_ kind: CellKind) -> (color: Color, name: String) {
    switch kind {
    case .tanh: return (.blue, "tanh RNN")
    case .relu: return (.orange, "ReLU RNN")
    case .lstm: return (.green, "LSTM")
    case .gru: return (.purple, "GRU")
    }
}

/// Bits per character with two decimals, for legends.
func bits(_ x: Double) -> String { String(format: "%.2f", x) }

/// A corpus as a title names it: the snapshot by its description, any other file by its name
/// alone (a `corpus.path` may be absolute, and a title is no place for a machine's folders).
func corpusTitle(_ name: String) -> String {
    name.contains("/") ? URL(fileURLWithPath: name).lastPathComponent : name
}

/// A byte count as "12.3 kB", "4.5 MB".
func byteText(_ b: Double) -> String {
    let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
    var v = b, i = 0
    while v >= 1000 && i < units.count - 1 { v /= 1000; i += 1 }
    return i == 0 ? "\(Int(v)) B" : String(format: "%.3g %@", v, units[i])
}
