import Foundation
import LanguageModels

/// The language models' default corpus: a snapshot of the lab's own sources and chapters,
/// committed as `corpus/lab-snapshot.txt`, so that every checkout trains on the same text and the
/// chapters' numbers hold. The live sources change with every commit; the snapshot changes only
/// when someone writes a new one with `rnnlab corpus snapshot` (and then the chapters' corpus
/// numbers move with it). The committed file is the text of commit bce35bd.
public enum CorpusSnapshot {
    /// The committed snapshot, relative to the lab's root: `corpus.path`'s default.
    public static let path = "corpus/lab-snapshot.txt"
    /// How figures and samples name the committed snapshot.
    static let name = "the lab's sources and notebooks"

    /// The package this binary was built from (this file is Sources/Lab/CorpusSnapshot.swift).
    private static let buildRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The file a `corpus.path` names: an absolute path as it is, a relative one under the lab's
    /// root. The committed snapshot is taken from the package this binary was built from when the
    /// root has none (a scratch folder holding only experiments/).
    static func url(_ path: String, root: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        let url = root.appendingPathComponent(path).standardizedFileURL
        if path == Self.path && !FileManager.default.fileExists(atPath: url.path) {
            return buildRoot.appendingPathComponent(path).standardizedFileURL
        }
        return url
    }

    /// What `write` wrote.
    public struct Summary: Sendable {
        public let files: Int
        public let characters: Int
        public let bytes: Int
        public let sha256: String
    }

    /// Writes the text `assembleCorpus` makes of the checkout at `root` (every `Sources/**/*.swift`,
    /// then every `notebooks-md/*.md`, each sorted by path, each ending in a newline) to `output`,
    /// or to standard output when `output` is nil. Throws `CorpusError` for a file that is not
    /// UTF-8 text, or when the checkout holds none of them.
    public static func write(root: URL, to output: URL?) throws -> Summary {
        let assembled = try assembleCorpus(root: root.path, sources: CorpusSource.labDefault)
        let data = Data(assembled.text.utf8)
        if let output {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: output, options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
        }
        return Summary(files: assembled.files.count, characters: assembled.scalars, bytes: assembled.bytes, sha256: assembled.sha256)
    }
}
