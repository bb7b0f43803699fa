import Foundation
import LanguageModels

/// A character language model saved by a run (`plots/NAME/model-CELL.json`, format
/// rnnlab-char-lm/1), for `rnnlab sample`: the executable reaches `LanguageModels` through here.
public struct SavedLanguageModel: Sendable {
    let model: CharLanguageModel
    public let path: String

    public var cell: String { model.kind.rawValue }
    public var vocabularySize: Int { model.vocabularySize }
    public var hiddenSize: Int { model.hiddenSize }
    public var layers: Int { model.layers.count }
    public var parameterCount: Int { model.parameterCount }

    /// Reads a saved model; the error names the file and what is wrong with it.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SavedModelError(message: "\(path): cannot read the file")
        }
        do { model = try CharLanguageModel.load(json: data) } catch let e as DecodingError {
            throw SavedModelError(message: "\(path): not a saved character model (\(CharLanguageModel.format)): \(describe(e))")
        }
        self.path = path
    }

    /// The saved models of a run's output folder (`model-*.json`), sorted by name.
    public static func models(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("model-") && $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// `length` characters after `prime`, drawn from softmax(z/τ) with `seed` (`CharLanguageModel.sample`).
    public func sample(prime: String, length: Int, temperature: Double, seed: UInt64,
                       emit: ((String) -> Void)? = nil) -> String {
        model.sample(prime: prime, length: length, temperature: temperature, seed: seed, emit: emit)
    }

    /// Characters of `text` the model's vocabulary lacks.
    public func unknownCharacters(in text: String) -> [Character] {
        let known = Set(model.vocabulary.map(\.value))
        var seen = Set<UInt32>(), out: [Character] = []
        for s in text.unicodeScalars where !known.contains(s.value) && seen.insert(s.value).inserted { out.append(Character(s)) }
        return out
    }
}

public struct SavedModelError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

private func describe(_ e: DecodingError) -> String {
    switch e {
    case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
        let path = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        var text = c.debugDescription
        if case .keyNotFound(let k, _) = e { text = "missing key \"\(k.stringValue)\"" }
        return path.isEmpty ? text : "\(path): \(text)"
    @unknown default:
        return "\(e)"
    }
}
