import Foundation
import Testing

// `rnnlab corpus snapshot` writes the text a corpus is made from.

@Suite("corpus input", .serialized)
struct CorpusInputTests {
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
