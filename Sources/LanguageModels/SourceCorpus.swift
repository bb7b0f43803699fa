import Foundation

/// One entry of a corpus file list: a single file, or every file with an extension in a folder.
public enum CorpusSource: Sendable, Equatable, CustomStringConvertible {
    /// A file (relative to the root); it must exist.
    case file(String)
    /// Every `*.ext` file in a folder (relative to the root), in subfolders too when
    /// `recursive`. A folder that does not exist contributes nothing and is listed in
    /// `AssembledCorpus.missingFolders`.
    case folder(String, extension: String, recursive: Bool)

    public var description: String {
        switch self {
        case .file(let p): return p
        case .folder(let p, let ext, let r): return r ? "\(p)/**/*.\(ext)" : "\(p)/*.\(ext)"
        }
    }

    /// The lab's own text, like the lecture's Linux-source example: every Swift source file
    /// (`Sources/**/*.swift`) and every notebook (`notebooks-md/*.md`). The project wrote all
    /// of it, so it may ship it and a model trained on it. It changes with every commit, so the
    /// experiments read a snapshot of it committed once (`rnnlab corpus snapshot`).
    public static let labDefault: [CorpusSource] = [
        .folder("Sources", extension: "swift", recursive: true),
        .folder("notebooks-md", extension: "md", recursive: false),
    ]
}

/// A corpus assembled from files, with the hash that identifies it in a manifest.
public struct AssembledCorpus: Sendable, Codable, Equatable {
    /// The concatenated text: each file in order, each ending with a newline.
    public let text: String
    /// SHA-256 of `text`'s UTF-8 bytes, 64 hexadecimal digits.
    public let sha256: String
    /// The files used, relative to the root, in the order they were concatenated.
    public let files: [String]
    /// Folders of the source list that did not exist.
    public let missingFolders: [String]
    /// UTF-8 bytes and Unicode scalars of `text`.
    public let bytes: Int
    public let scalars: Int
}

/// Concatenates the files of `sources` under `root`: within a folder the files are sorted by
/// their relative path (byte order), and the sources are taken in the order given, so one
/// tree always gives one text and one hash. Every file must be valid UTF-8 without NUL bytes
/// (a `CorpusError` names the first one that is not); empty files are skipped.
public func assembleCorpus(root: String, sources: [CorpusSource] = CorpusSource.labDefault) throws -> AssembledCorpus {
    let fm = FileManager.default
    let rootURL = URL(fileURLWithPath: root).standardizedFileURL
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw CorpusError.missing(path: root)
    }
    var files: [String] = []
    var missing: [String] = []
    for source in sources {
        switch source {
        case .file(let p):
            files.append(p)
        case .folder(let p, let ext, let recursive):
            let folder = rootURL.appendingPathComponent(p)
            var dir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &dir), dir.boolValue else { missing.append(p); continue }
            var found: [String] = []
            if recursive {
                let e = fm.enumerator(atPath: folder.path)
                while let rel = e?.nextObject() as? String {
                    if rel.hasSuffix("." + ext) && !isDirectoryPath(folder.appendingPathComponent(rel).path) { found.append(rel) }
                }
            } else {
                let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
                found = names.filter { $0.hasSuffix("." + ext) && !isDirectoryPath(folder.appendingPathComponent($0).path) }
            }
            files += found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { p + "/" + $0 }
        }
    }
    var text = String.UnicodeScalarView()
    var used: [String] = []
    var scalarCount = 0
    for rel in files {
        let path = rootURL.appendingPathComponent(rel).path
        let bytes: [UInt8]
        do { bytes = try readBytes(path) } catch CorpusError.empty { continue }
        let scalars = try decodeUTF8(bytes, path: path)
        text.append(contentsOf: scalars)
        scalarCount += scalars.count
        if scalars.last != "\n" { text.append("\n"); scalarCount += 1 }
        used.append(rel)
    }
    if used.isEmpty { throw CorpusError.noFiles(root: root, sources: sources.map(\.description)) }
    let s = String(text)
    return AssembledCorpus(text: s, sha256: SHA256.hex(s), files: used, missingFolders: missing,
                           bytes: s.utf8.count, scalars: scalarCount)
}

private func isDirectoryPath(_ path: String) -> Bool {
    var d: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
}
