import Foundation
import LanguageModels
import Plotting
import Recurrence
import Training

/// What the three language-model experiments share: the corpus keys, the corpus itself with
/// its hash, the bridge from `RunContext` to the library's `Monitor`, and the training keys.

/// `corpus.path` and `corpus.held_out_fraction`, the same in every language-model experiment.
let corpusParameters: [ParameterSpec] = [
    ParameterSpec("corpus.path", .string, default: "",
                  doc: "a UTF-8 text file (relative to the lab's root); empty = the lab's own sources and notebooks"),
    ParameterSpec("corpus.held_out_fraction", .double(.between(0.01, 0.5)), default: 0.1,
                  doc: "the last fraction of the text, held out to measure bits per character"),
]

/// A corpus ready for training, with where it came from for the manifest.
struct LoadedCorpus {
    var corpus: Corpus
    /// SHA-256 of the text's UTF-8 bytes (the assembled text for the default corpus, the file's bytes otherwise).
    var sha256: String
    /// "lab sources" or the path as given.
    var source: String
    /// Files concatenated (1 for a file).
    var files: Int

    var results: JSONValue {
        let s = corpus.summary
        return ["source": .string(source), "sha256": .string(sha256), "files": .number(Double(files)),
                "characters": .number(Double(s.characters)), "train_characters": .number(Double(s.trainCharacters)),
                "held_out_characters": .number(Double(s.heldOutCharacters)),
                "vocabulary_size": .number(Double(s.vocabularySize)),
                "held_out_unknown_characters": .number(Double(s.heldOutUnknownCharacters))]
    }
}

/// The package this binary was built from (this file is Sources/Lab/Experiments/…): the default
/// corpus comes from here when the lab's root holds no sources (a scratch copy of experiments/).
private let buildRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Reads the corpus a file asks for. Errors name the file and what is wrong (`CorpusError`).
func loadCorpus(_ p: ResolvedParameters, root: URL) throws -> LoadedCorpus {
    let fraction = p.double("corpus.held_out_fraction")
    let path = p.string("corpus.path")
    if path.isEmpty {
        let assembled: AssembledCorpus
        do { assembled = try assembleCorpus(root: root.path) }
        catch CorpusError.noFiles { assembled = try assembleCorpus(root: buildRoot.path) }
        let corpus = try Corpus(text: assembled.text, name: "the lab's sources and notebooks", heldOutFraction: fraction)
        return LoadedCorpus(corpus: corpus, sha256: assembled.sha256, source: "lab sources (Sources/**/*.swift, notebooks-md/*.md)",
                            files: assembled.files.count)
    }
    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    let corpus = try Corpus.load(path: url.standardizedFileURL.path, heldOutFraction: fraction)
    let bytes = try Data(contentsOf: url)
    return LoadedCorpus(corpus: corpus, sha256: SHA256.hex(bytes), source: path, files: 1)
}

/// The library's hooks, fed from the runner's: progress notes, and Ctrl-C as `Cancelled`.
func monitor(_ context: RunContext) -> Monitor {
    Monitor(progress: { context.progress($0.description) },
            isCancelled: { (try? context.checkCancelled()) == nil })
}


/// The cells a file may name.
let languageModelCells = ["tanh", "relu", "lstm", "gru"]

/// One colour and name per cell, as in the gradient-dynamics figures.
func cellStyle(_ kind: CellKind) -> (color: Color, name: String) {
    switch kind {
    case .tanh: return (.blue, "tanh RNN")
    case .relu: return (.orange, "ReLU RNN")
    case .lstm: return (.green, "LSTM")
    case .gru: return (.purple, "GRU")
    }
}

/// The training keys both trained experiments read, under `training.` in the file.
func trainingParameters(_ d: LanguageModelSettings) -> [ParameterSpec] {
    [
        ParameterSpec("training.hidden", .int(.between(1, 4096)), default: .int(d.hidden), doc: "H, units per layer"),
        ParameterSpec("training.layers", .int(.between(1, 8)), default: .int(d.layers), doc: "recurrent layers stacked"),
        ParameterSpec("training.batch", .int(.between(1, 1024)), default: .int(d.batch), doc: "B, streams read side by side"),
        ParameterSpec("training.steps", .int(.between(1, 10_000)), default: .int(d.steps), doc: "T, characters per chunk (BPTT truncation)"),
        ParameterSpec("training.iterations", .int(.between(0, 10_000_000)), default: .int(d.iterations), doc: "parameter updates"),
        ParameterSpec("training.optimizer", .choice(OptimizerKind.allCases.map(\.rawValue)), default: .string(d.optimizer.kind.rawValue),
                      doc: "sgd, momentum, rmsprop, adam or adagrad (min-char-rnn's)"),
        ParameterSpec("training.learning_rate", .double(.greaterThan(0)), default: .double(d.optimizer.learningRate), doc: "η"),
        ParameterSpec("training.clip", .double(.greaterThan(0)), default: .double(d.clipping.threshold),
                      doc: "clip the gradient's norm to this (Pascanu et al.)"),
        ParameterSpec("training.eval_every", .int(.atLeast(1)), default: .int(d.evalEvery),
                      doc: "held-out bits per character every this many iterations"),
        ParameterSpec("training.eval_characters", .int(.atLeast(1)), default: .int(d.evalCharacters),
                      doc: "held-out characters scored each time (the first ones of the held-out split)"),
        ParameterSpec("seed", .int(.atLeast(0)), default: .int(Int(d.seed)), doc: "seed of the initial weights"),
    ]
}

/// `LanguageModelSettings` from the `training.` keys (the rest keep `base`'s values).
func trainingSettings(_ p: ResolvedParameters, base: LanguageModelSettings) -> LanguageModelSettings {
    var s = base
    s.hidden = p.int("training.hidden"); s.layers = p.int("training.layers")
    s.batch = p.int("training.batch"); s.steps = p.int("training.steps"); s.iterations = p.int("training.iterations")
    s.optimizer = OptimizerSettings(kind: OptimizerKind(rawValue: p.string("training.optimizer"))!,
                                    learningRate: p.double("training.learning_rate"))
    s.clipping.threshold = p.double("training.clip")
    s.evalEvery = p.int("training.eval_every"); s.evalCharacters = p.int("training.eval_characters")
    s.seed = UInt64(p.int("seed"))
    return s
}

/// The quick sizes of `training.` keys, from the library's quick settings.
func trainingQuick(_ q: LanguageModelSettings) -> [String: ParameterValue] {
    ["training.hidden": .int(q.hidden), "training.batch": .int(q.batch), "training.steps": .int(q.steps),
     "training.iterations": .int(q.iterations), "training.eval_every": .int(q.evalEvery),
     "training.eval_characters": .int(q.evalCharacters)]
}

/// Bits per character with two decimals, for legends.
func bits(_ x: Double) -> String { String(format: "%.2f", x) }

/// A byte count as "12.3 kB", "4.5 MB".
func byteText(_ b: Double) -> String {
    let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
    var v = b, i = 0
    while v >= 1000 && i < units.count - 1 { v /= 1000; i += 1 }
    return i == 0 ? "\(Int(v)) B" : String(format: "%.3g %@", v, units[i])
}
