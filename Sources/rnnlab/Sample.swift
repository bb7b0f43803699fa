import ArgumentParser
import Foundation
import Lab

extension RNNLab {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw text from a character language model saved by a run.",
            discussion: """
            A run of char-rnn-samples saves its trained model as plots/char-rnn-samples/model-lstm.json (format rnnlab-char-lm/1: the probe format's weight names, plus the readout W_S, b_S and the vocabulary). This command feeds --prime through the network from a zero state, prints it, then draws one character at a time from softmax(z/τ) and feeds it back in, as in the lecture's min-char-rnn.

            The temperature τ reshapes the distribution: τ = 1 samples the model as trained; τ < 1 sharpens it (more common words, more repetition); τ > 1 flattens it (more surprises, more spelling errors); τ = 0 always takes the most likely character. The same model, prime, temperature and --seed give the same text on every machine; change --seed for another draw.

            Examples:
              rnnlab run char-rnn-samples && rnnlab sample char-rnn-samples
              rnnlab sample char-rnn-samples --temperature 0.5 --prime "func "
              rnnlab sample char-rnn-samples --quick            (the model of a --quick run, in plots/quick/)
              rnnlab sample plots/char-rnn-samples/model-lstm.json --length 1000 --seed 3

            Characters of --prime that the model never saw are replaced by its unknown symbol when it has one and dropped otherwise (a note on standard error says which). Exit status 2 for a missing or malformed model.
            """)

        @Argument(help: ArgumentHelp("An experiment name (its folder plots/NAME/ holds model-CELL.json) or the path of a saved model.",
                                     valueName: "NAME|MODEL.json"))
        var model: String

        /// A million characters is a megabyte of text, far more than a student reads; the cap keeps a
        /// typo (`--length 5000000000`) from running for hours.
        static let maximumLength = 1_000_000

        @Option(help: "Characters to draw after the prime (at most 1 000 000).")
        var length = 500

        @Option(help: "τ of softmax(z/τ): 1 samples the model, < 1 is more conservative, 0 is the argmax.")
        var temperature = 1.0

        @Option(help: "Seed of the random draws.")
        var seed: UInt64 = 0

        @Option(help: ArgumentHelp("Text fed in before sampling and printed before the drawn text; empty starts from a newline.", valueName: "TEXT"))
        var prime = ""

        @Option(help: ArgumentHelp("Which model of the run, when it saved several (tanh, lstm, gru …).", valueName: "CELL"))
        var cell: String?

        @Flag(help: "Use the model of a --quick run (plots/quick/NAME/).")
        var quick = false

        func validate() throws {
            guard length >= 0 else { throw ValidationError("--length must be ≥ 0, got \(length)") }
            guard length <= Self.maximumLength else { throw ValidationError("--length must be at most \(Self.maximumLength), got \(length)") }
            guard temperature >= 0, temperature.isFinite else { throw ValidationError("--temperature must be ≥ 0, got \(temperature)") }
        }

        func run() throws {
            let path = try resolve()
            let saved: SavedLanguageModel
            do { saved = try SavedLanguageModel(path: path) } catch { fail("\(error)") }
            let unknown = saved.unknownCharacters(in: prime)
            if !unknown.isEmpty {
                FileHandle.standardError.write(Data("rnnlab: note: the model's vocabulary lacks \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) of --prime\n".utf8))
            }
            // The prime first, then the drawn text as it is drawn, not all at the end.
            FileHandle.standardOutput.write(Data(prime.utf8))
            _ = saved.sample(prime: prime, length: length, temperature: temperature, seed: seed) { piece in
                FileHandle.standardOutput.write(Data(piece.utf8))
            }
            FileHandle.standardOutput.write(Data("\n".utf8))
        }

        /// The model file: the argument itself when it is a file, else the run folder's model.
        private func resolve() throws -> String {
            var isDirectory: ObjCBool = false
            if model.hasSuffix(".json") || model.contains("/") {
                guard FileManager.default.fileExists(atPath: model, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    fail("\(model): no such file")
                }
                return model
            }
            let paths = LabPaths.discover()
            let base = quick ? paths.plots.appendingPathComponent("quick") : paths.plots
            let folder = base.appendingPathComponent(model)
            var models = SavedLanguageModel.models(in: folder)
            if let cell { models = models.filter { $0.lastPathComponent == "model-\(cell).json" } }
            let shown = quick ? "plots/quick/\(model)" : "plots/\(model)"
            switch models.count {
            case 1: return models[0].path
            case 0:
                let run = quick ? "rnnlab run \(model) --quick" : "rnnlab run \(model)"
                fail("\(shown): no saved model\(cell.map { " model-\($0).json" } ?? " (model-CELL.json)"); run `\(run)` first, or give a model file")
            default:
                fail("\(shown) holds several models (\(models.map(\.lastPathComponent).joined(separator: ", "))); choose one with --cell")
            }
        }
    }
}
