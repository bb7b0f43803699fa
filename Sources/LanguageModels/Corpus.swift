import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a text could not be used as a corpus. Every case names the file and what is wrong.
public enum CorpusError: Error, CustomStringConvertible, Equatable, Sendable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    /// A directory, FIFO, device or socket: `what` says which.
    case notAFile(path: String, what: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case empty(path: String)
    /// A NUL byte at `offset`: almost certainly a binary file, not text.
    case binary(path: String, offset: Int)
    case invalidUTF8(path: String, offset: Int)
    case tooShort(path: String, characters: Int, minimum: Int)
    /// None of the listed sources held a file.
    case noFiles(root: String, sources: [String])

    public var description: String {
        switch self {
        case .missing(let p): return "\(p): no such file"
        case .unreadable(let p, let r): return "\(p): cannot be read (\(r))"
        case .notAFile(let p, let what): return "\(p): is \(what), not a text file"
        case .tooLarge(let p, let n, let limit):
            return "\(p): \(n) bytes; a corpus file may have at most \(limit) bytes (\(limit >> 20) MiB)"
        case .empty(let p): return "\(p): the file is empty"
        case .binary(let p, let o): return "\(p): a NUL byte at offset \(o); this looks like a binary file, not UTF-8 text"
        case .invalidUTF8(let p, let o): return "\(p): invalid UTF-8 at byte offset \(o)"
        case .tooShort(let p, let n, let m):
            return "\(p): \(n) characters, too short for a corpus (at least \(m) needed: a training split and a held-out split)"
        case .noFiles(let root, let s): return "\(root): no corpus files in \(s.joined(separator: ", "))"
        }
    }
}

/// A text read as a sequence of Unicode scalars, split into a training part and a held-out
/// part, with the vocabulary of the training part.
///
/// Characters are **Unicode scalars**, not Swift `Character`s (grapheme clusters): a scalar
/// is one UInt32, found by a plain UTF-8 decode, while grapheme breaking costs far more and
/// would make "é" typed as e + U+0301 one symbol in one file and two in another. For the
/// lab's sources and English text the two coincide almost everywhere.
///
/// The vocabulary is the sorted set of scalars of the training split. Scalars of the
/// held-out split that training never saw are mapped to one extra symbol, U+FFFD, added to
/// the vocabulary only when it is needed (`unknownIndex`), so a model still assigns them
/// some probability and the held-out cross-entropy stays finite.
public struct Corpus: Sendable {
    /// Where the text came from (a path or a label).
    public let name: String
    /// The symbols of the vocabulary, sorted by code point (U+FFFD last if it was added).
    public let vocabulary: [Unicode.Scalar]
    /// Every character of the text as a vocabulary index: training first, then held-out.
    public let ids: [Int]
    /// `ids[trainRange]` is the training split, `ids[heldOutRange]` the held-out split.
    public let trainRange: Range<Int>
    public let heldOutRange: Range<Int>
    /// The index of U+FFFD, where held-out scalars unseen in training go (nil when the vocabulary has none).
    public let unknownIndex: Int?
    /// How many held-out characters were mapped to `unknownIndex`.
    public let heldOutUnknownCount: Int

    /// The fewest characters a corpus may have: enough for a training and a held-out split.
    public static let minimumCharacters = 20

    /// The largest corpus file read, 64 MiB. The text is held as one scalar (4 bytes) and one
    /// index (8 bytes) per character, so 64 MiB of ASCII takes about 0.8 GB, what a 2-core
    /// teaching machine can spare; the lab's snapshot is 0.9 MB, Tiny Shakespeare 1.1 MB, and
    /// anything much larger is a job for a GPU, not for this lab's minutes of training.
    public static let maximumFileBytes = 64 << 20

    /// Characters held out of a text of `n`: the last `heldOutFraction` of them, rounded, at least 1.
    public static func heldOutCount(characters n: Int, heldOutFraction: Double) -> Int {
        max(1, Int((Double(n) * heldOutFraction).rounded()))
    }

    /// The fewest characters a text needs so that its training split (what `heldOutCount`
    /// leaves) holds `trainingCharacters`, and never fewer than `minimumCharacters`.
    public static func minimumCharacters(training trainingCharacters: Int, heldOutFraction: Double) -> Int {
        // n − heldOutCount(n) grows by 0 or 1 with n: start near m/(1 − f) and walk to the first n that fits.
        func fits(_ n: Int) -> Bool { n - heldOutCount(characters: n, heldOutFraction: heldOutFraction) >= trainingCharacters }
        var n = max(minimumCharacters, Int(Double(trainingCharacters) / (1 - heldOutFraction)))
        while n > minimumCharacters && fits(n - 1) { n -= 1 }
        while !fits(n) { n += 1 }
        return n
    }

    public var vocabularySize: Int { vocabulary.count }
    public var trainIDs: ArraySlice<Int> { ids[trainRange] }
    public var heldOutIDs: ArraySlice<Int> { ids[heldOutRange] }

    /// Splits `text` (already decoded) so that the last `heldOutFraction` of its scalars are held out.
    /// Default 10 %: char-rnn keeps 5 % for validation; a smaller corpus needs a bigger share to
    /// give a held-out estimate with a few thousand characters.
    public init(text: String, name: String = "text", heldOutFraction: Double = 0.1) throws {
        try self.init(scalars: Array(text.unicodeScalars), name: name, heldOutFraction: heldOutFraction)
    }

    public init(scalars: [Unicode.Scalar], name: String, heldOutFraction: Double = 0.1) throws {
        precondition(heldOutFraction > 0 && heldOutFraction < 1, "Corpus: heldOutFraction \(heldOutFraction) must be in (0, 1)")
        let n = scalars.count
        if n == 0 { throw CorpusError.empty(path: name) }
        if n < Self.minimumCharacters { throw CorpusError.tooShort(path: name, characters: n, minimum: Self.minimumCharacters) }
        let split = n - Self.heldOutCount(characters: n, heldOutFraction: heldOutFraction)
        var vocab = Array(Set(scalars[0..<split])).sorted { $0.value < $1.value }
        var index = [UInt32: Int](minimumCapacity: vocab.count)
        for (i, s) in vocab.enumerated() { index[s.value] = i }
        var unknown: Int? = index[0xFFFD]
        var ids = [Int](repeating: 0, count: n)
        var unseen = 0
        for i in 0..<n {
            if let id = index[scalars[i].value] { ids[i] = id; continue }
            if unknown == nil { vocab.append("\u{FFFD}"); unknown = vocab.count - 1; index[0xFFFD] = unknown }
            ids[i] = unknown!
            unseen += 1
        }
        self.name = name
        vocabulary = vocab
        self.ids = ids
        trainRange = 0..<split
        heldOutRange = split..<n
        unknownIndex = unknown
        heldOutUnknownCount = unseen
    }

    /// Reads a UTF-8 text file (`CorpusFile`). Throws `CorpusError` for a missing, unreadable,
    /// non-regular, too large, empty, binary (a NUL byte), invalid-UTF-8 or too-short file.
    public static func load(path: String, heldOutFraction: Double = 0.1) throws -> Corpus {
        try Corpus(scalars: CorpusFile(path: path).scalars, name: path, heldOutFraction: heldOutFraction)
    }

    /// The vocabulary index of each scalar of `text`; unknown scalars become `unknownIndex`,
    /// or are dropped when the vocabulary has none.
    public func encode(_ text: String) -> [Int] {
        var index = [UInt32: Int]()
        for (i, s) in vocabulary.enumerated() { index[s.value] = i }
        return text.unicodeScalars.compactMap { index[$0.value] ?? unknownIndex }
    }

    /// The text of a sequence of vocabulary indices.
    public func decode<S: Sequence>(_ ids: S) -> String where S.Element == Int {
        var s = String.UnicodeScalarView()
        for i in ids { s.append(vocabulary[i]) }
        return String(s)
    }

    /// The headline numbers of the corpus, for results and manifests.
    public var summary: CorpusSummary {
        CorpusSummary(name: name, characters: ids.count, trainCharacters: trainRange.count,
                      heldOutCharacters: heldOutRange.count, vocabularySize: vocabulary.count,
                      heldOutUnknownCharacters: heldOutUnknownCount)
    }
}

public struct CorpusSummary: Codable, Sendable, Equatable {
    public let name: String
    public let characters: Int
    public let trainCharacters: Int
    public let heldOutCharacters: Int
    public let vocabularySize: Int
    public let heldOutUnknownCharacters: Int
}

/// A text file read for a corpus: its characters (Unicode scalars) and the SHA-256 of its bytes,
/// which identifies the text in a manifest.
public struct CorpusFile: Sendable {
    public let path: String
    public let scalars: [Unicode.Scalar]
    /// SHA-256 of the file's bytes, 64 hexadecimal digits.
    public let sha256: String
    public let bytes: Int

    /// Reads `path`: a regular file (or a link to one) of at most `Corpus.maximumFileBytes`,
    /// strict UTF-8 without NUL bytes. Throws `CorpusError` naming the path otherwise.
    public init(path: String) throws {
        let data = try readBytes(path)
        self.path = path
        scalars = try decodeUTF8(data, path: path)
        sha256 = SHA256.hex(data)
        bytes = data.count
    }
}

/// The bytes of a file, refused before reading when it is not a regular file (a FIFO would block,
/// a device never ends) or is larger than `limit`: `CorpusError.missing`, `.notAFile`,
/// `.tooLarge`, `.unreadable` and `.empty` for the path.
func readBytes(_ path: String, limit: Int = Corpus.maximumFileBytes) throws -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else {
        if errno == ENOENT || errno == ENOTDIR { throw CorpusError.missing(path: path) }
        throw CorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw CorpusError.notAFile(path: path, what: "a directory")
    case S_IFIFO: throw CorpusError.notAFile(path: path, what: "a FIFO (named pipe)")
    case S_IFCHR, S_IFBLK: throw CorpusError.notAFile(path: path, what: "a device")
    case S_IFSOCK: throw CorpusError.notAFile(path: path, what: "a socket")
    default: throw CorpusError.notAFile(path: path, what: "something other than a regular file")
    }
    guard Int(info.st_size) <= limit else { throw CorpusError.tooLarge(path: path, bytes: Int(info.st_size), limit: limit) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
        throw CorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { try? handle.close() }
    let data: Data
    do { data = try handle.read(upToCount: limit + 1) ?? Data() }
    catch { throw CorpusError.unreadable(path: path, reason: error.localizedDescription) }
    guard data.count <= limit else { throw CorpusError.tooLarge(path: path, bytes: data.count, limit: limit) }
    if data.isEmpty { throw CorpusError.empty(path: path) }
    return [UInt8](data)
}

/// Strict UTF-8 decoding (RFC 3629): no overlong forms, no surrogates, nothing above
/// U+10FFFF. A NUL byte anywhere is reported as `.binary`, anything else malformed as
/// `.invalidUTF8` at the offset of the malformed sequence's first byte. A leading
/// byte-order mark is skipped.
func decodeUTF8(_ bytes: [UInt8], path: String) throws -> [Unicode.Scalar] {
    if let z = bytes.firstIndex(of: 0) { throw CorpusError.binary(path: path, offset: z) }
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(bytes.count)
    try bytes.withUnsafeBufferPointer { b in
        let n = b.count
        var i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        while i < n {
            let b0 = b[i]
            if b0 < 0x80 { out.append(Unicode.Scalar(b0)); i += 1; continue }
            let length: Int, minimum: UInt32
            var v: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; minimum = 0x80; v = UInt32(b0 & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; v = UInt32(b0 & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; v = UInt32(b0 & 0x07)
            default: throw CorpusError.invalidUTF8(path: path, offset: i)
            }
            guard i + length <= n else { throw CorpusError.invalidUTF8(path: path, offset: i) }
            for k in 1..<length {
                let c = b[i + k]
                guard c & 0xC0 == 0x80 else { throw CorpusError.invalidUTF8(path: path, offset: i) }
                v = v << 6 | UInt32(c & 0x3F)
            }
            guard v >= minimum, let s = Unicode.Scalar(v) else { throw CorpusError.invalidUTF8(path: path, offset: i) }
            out.append(s)
            i += length
        }
    }
    return out
}
