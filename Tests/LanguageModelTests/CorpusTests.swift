import Foundation
import Testing
@testable import LanguageModels

@Suite("Corpus")
struct CorpusTests {
    @Test("SHA-256 matches the FIPS 180-2 test vectors")
    func sha256Vectors() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // 55, 56 and 64 bytes: the padding boundaries.
        #expect(SHA256.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test("A missing, empty, binary, invalid-UTF-8 or too-short file is an error naming the file and the problem")
    func corpusErrors() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nope.txt").path
        #expect(throws: CorpusError.missing(path: missing)) { try Corpus.load(path: missing) }

        let empty = dir.appendingPathComponent("empty.txt")
        try write([], to: empty)
        #expect(throws: CorpusError.empty(path: empty.path)) { try Corpus.load(path: empty.path) }

        let binary = dir.appendingPathComponent("a.bin")
        try write(Array("hello world, this is long enough".utf8) + [0, 1, 2], to: binary)
        #expect(throws: CorpusError.binary(path: binary.path, offset: 32)) { try Corpus.load(path: binary.path) }

        let latin1 = dir.appendingPathComponent("latin1.txt")
        try write(Array("caf".utf8) + [0xE9] + Array(" au lait, a long enough text".utf8), to: latin1)
        #expect(throws: CorpusError.invalidUTF8(path: latin1.path, offset: 3)) { try Corpus.load(path: latin1.path) }

        let overlong = dir.appendingPathComponent("overlong.txt")
        try write(Array("slash ".utf8) + [0xC0, 0xAF] + Array(" then a long enough text".utf8), to: overlong)
        #expect(throws: CorpusError.invalidUTF8(path: overlong.path, offset: 6)) { try Corpus.load(path: overlong.path) }

        let short = dir.appendingPathComponent("short.txt")
        try write(Array("tiny".utf8), to: short)
        #expect(throws: CorpusError.tooShort(path: short.path, characters: 4, minimum: Corpus.minimumCharacters)) {
            try Corpus.load(path: short.path)
        }
        let message = CorpusError.binary(path: binary.path, offset: 32).description
        #expect(message.contains(binary.path) && message.contains("NUL"))
        #expect(throws: CorpusError.notAFile(path: dir.path, what: "a directory")) { try Corpus.load(path: dir.path) }
    }

    @Test("A FIFO, a device or a file over the size limit is refused before it is read")
    func nonRegularAndLargeFiles() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: CorpusError.notAFile(path: fifo, what: "a FIFO (named pipe)")) { try CorpusFile(path: fifo) }
        #expect(throws: CorpusError.notAFile(path: "/dev/zero", what: "a device")) { try CorpusFile(path: "/dev/zero") }
        let big = dir.appendingPathComponent("big.txt")
        try write(Array(repeating: UInt8(ascii: "a"), count: 11), to: big)
        #expect(throws: CorpusError.tooLarge(path: big.path, bytes: 11, limit: 10)) { try readBytes(big.path, limit: 10) }
        #expect(try readBytes(big.path, limit: 11).count == 11)
        #expect(Corpus.maximumFileBytes == 64 << 20)
        let message = CorpusError.tooLarge(path: big.path, bytes: 11, limit: 64 << 20).description
        #expect(message.contains(big.path) && message.contains("64 MiB"), "\(message)")
    }

    @Test("A corpus file's hash is of its bytes, and its text skips a byte-order mark")
    func corpusFileHashesItsBytes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bom.txt")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("héllo\n".utf8)
        try write(bytes, to: url)
        let file = try CorpusFile(path: url.path)
        #expect(file.sha256 == SHA256.hex(bytes) && file.bytes == bytes.count)
        #expect(String(String.UnicodeScalarView(file.scalars)) == "héllo\n")
    }

    @Test("The shortest text for a training split of m characters: n − round(n·f) ≥ m, and never below 20")
    func minimumCharactersForATrainingSplit() {
        for f in [0.01, 0.1, 0.25, 0.5] {
            for m in [1, 17, 416, 1632, 100_000] {
                let n = Corpus.minimumCharacters(training: m, heldOutFraction: f)
                func train(_ n: Int) -> Int { n - Corpus.heldOutCount(characters: n, heldOutFraction: f) }
                #expect(n >= Corpus.minimumCharacters && train(n) >= m, "f = \(f), m = \(m): n = \(n)")
                #expect(n == Corpus.minimumCharacters || train(n - 1) < m, "f = \(f), m = \(m): \(n - 1) would do")
            }
        }
        #expect(Corpus.minimumCharacters(training: 416, heldOutFraction: 0.1) == 462)
        let settings = LanguageModelSettings()
        #expect(settings.minimumTrainingCharacters == settings.batch * (settings.steps + 1))
    }

    @Test("Characters are Unicode scalars; the vocabulary comes from the training split, unseen held-out scalars become U+FFFD")
    func vocabularyAndSplit() throws {
        // 18 + 2 scalars: "é" precomposed is one scalar; the held-out part has an unseen "ß".
        let text = "abcabcabcé abcabcaßa"
        let c = try Corpus(text: text, name: "toy", heldOutFraction: 0.1)
        #expect(c.ids.count == 20)
        #expect(c.trainRange == 0..<18 && c.heldOutRange == 18..<20)
        #expect(c.vocabulary == [" ", "a", "b", "c", "é", "\u{FFFD}"])
        #expect(c.unknownIndex == 5 && c.heldOutUnknownCount == 1)
        #expect(c.decode(c.ids) == "abcabcabcé abcabca\u{FFFD}a")
        let combining = try Corpus(text: String(repeating: "e\u{301}x", count: 10), name: "combining")
        #expect(combining.vocabularySize == 3)                  // e, U+0301, x: scalars, not graphemes
    }

    @Test("The source corpus concatenates sorted files and hashes the text")
    func assembleSources() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Array("let b = 2\n".utf8), to: dir.appendingPathComponent("Sources/B/b.swift"))
        try write(Array("let a = 1".utf8), to: dir.appendingPathComponent("Sources/A/a.swift"))
        try write(Array("not swift".utf8), to: dir.appendingPathComponent("Sources/A/notes.txt"))
        try write(Array("# Notebook\n".utf8), to: dir.appendingPathComponent("extra.md"))
        let a = try assembleCorpus(root: dir.path)
        #expect(a.files == ["Sources/A/a.swift", "Sources/B/b.swift"])
        #expect(a.text == "let a = 1\nlet b = 2\n")
        #expect(a.sha256 == SHA256.hex(a.text) && a.sha256.count == 64)
        #expect(a.missingFolders == ["notebooks-md"])
        let b = try assembleCorpus(root: dir.path, sources: [.file("extra.md"), .folder("Sources", extension: "swift", recursive: true)])
        #expect(b.text == "# Notebook\nlet a = 1\nlet b = 2\n")
        #expect(throws: CorpusError.noFiles(root: dir.path, sources: ["docs/*.md"])) {
            try assembleCorpus(root: dir.path, sources: [.folder("docs", extension: "md", recursive: false)])
        }
        #expect(throws: CorpusError.missing(path: dir.appendingPathComponent("gone.swift").path)) {
            try assembleCorpus(root: dir.path, sources: [.file("gone.swift")])
        }
    }
}
