import Foundation
import Testing

// A language-model run's corpus is checked before anything is computed: a bad one is one line
// naming the file and what is wrong, exit 2, nothing written. `rnnlab corpus snapshot` writes the
// text the default corpus was made from.

@Suite("corpus input", .serialized)
struct CorpusInputTests {
    /// `rnnlab run NAME --quick --set corpus.path=PATH` in a scratch lab: status, stderr, and whether a folder was written.
    private func run(_ name: String, corpus path: String, in lab: ScratchLab) throws -> (status: Int32, stderr: String, wrote: Bool) {
        let started = Date()
        let r = try lab.run(["run", name, "--quick", "--set", "corpus.path=\(path)"])
        #expect(Date().timeIntervalSince(started) < 30, "a bad corpus must be refused at once")
        return (r.status, r.stderrText, FileManager.default.fileExists(atPath: lab.plots.appendingPathComponent("quick/\(name)").path))
    }

    @Test("a missing file, a directory, a FIFO and a non-UTF-8 file are refused with exit 2, named, before computing")
    func badCorpusFilesAreRefused() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let missing = try run("char-rnn-samples", corpus: "no-such.txt", in: lab)
        #expect(missing.status == 2 && missing.stderr.contains("parameters.corpus.path: ")
                && missing.stderr.contains("no-such.txt: no such file"), "\(missing.stderr)")
        let dir = try run("ngram-vs-rnn-lm", corpus: "experiments", in: lab)
        #expect(dir.status == 2 && dir.stderr.contains("experiments: is a directory, not a text file"), "\(dir.stderr)")
        #expect(mkfifo(lab.root.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        let fifo = try run("char-rnn-samples", corpus: "pipe.txt", in: lab)
        #expect(fifo.status == 2 && fifo.stderr.contains("pipe.txt: is a FIFO (named pipe), not a text file"), "\(fifo.stderr)")
        var latin1 = Data(String(repeating: "café au lait ", count: 100).utf8)
        latin1.append(contentsOf: [0x63, 0x61, 0x66, 0xE9])                     // "caf" + é in Latin-1
        try latin1.write(to: lab.root.appendingPathComponent("latin1.txt"))
        let utf8 = try run("ngram-vs-rnn-lm", corpus: "latin1.txt", in: lab)
        #expect(utf8.status == 2 && utf8.stderr.contains("latin1.txt: invalid UTF-8 at byte offset \(latin1.count - 1)"), "\(utf8.stderr)")
        for r in [missing, dir, fifo, utf8] {
            #expect(!r.wrote && r.stderr.split(separator: "\n").count == 1, "one line, nothing written: \(r.stderr)")
        }
    }

    @Test("a one-character corpus is refused with exit 2 before computing, naming the minimum length")
    func oneCharacterCorpusNamesTheMinimum() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        try Data("a".utf8).write(to: lab.root.appendingPathComponent("one.txt"))
        for name in ["char-rnn-samples", "ngram-vs-rnn-lm"] {
            let r = try run(name, corpus: "one.txt", in: lab)
            #expect(r.status == 2 && r.stderr.contains("one.txt: 1 character; these settings need at least 462"), "\(name): \(r.stderr)")
            #expect(!r.wrote, "\(name): no manifest for a run that never computed")
        }
    }

    @Test("rnnlab corpus snapshot writes the sources, then the chapters, each sorted and ending in a newline")
    func snapshotConcatenatesTheSources() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let files = ["Sources/B/b.swift": "let b = 2\n", "Sources/A/a.swift": "let a = 1", "notebooks-md/01-x.md": "# x\n",
                     "notebooks-md/notes.txt": "not a chapter\n"]
        for (path, text) in files {
            let url = lab.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let stdout = try lab.run(["corpus", "snapshot", "-"])
        #expect(stdout.status == 0 && stdout.stdoutText == "let a = 1\nlet b = 2\n# x\n", "\(stdout.stderrText)")
        let written = try lab.run(["corpus", "snapshot", "corpus/snap.txt"])
        #expect(written.status == 0 && written.stderrText.contains("3 files, 24 characters, 24 bytes, sha256 "), "\(written.stderrText)")
        #expect(try Data(contentsOf: lab.root.appendingPathComponent("corpus/snap.txt")) == stdout.stdout)
        try Data([0x6C, 0x65, 0x74, 0xFF]).write(to: lab.root.appendingPathComponent("Sources/A/bad.swift"))
        let bad = try lab.run(["corpus", "snapshot", "-"])
        #expect(bad.status == 2 && bad.stderrText.contains("Sources/A/bad.swift: invalid UTF-8 at byte offset 3"), "\(bad.stderrText)")
    }
}
