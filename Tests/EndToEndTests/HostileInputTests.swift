import Foundation
import Testing

// Bad or hostile input to `rnnlab run` gets one clear line and exit 2, and loses nothing
// (issue #14 points 5, 7 and 9).

@Suite("hostile input", .serialized)
struct HostileInputTests {
    @Test("a NUL byte or invalid UTF-8 in an experiment file is refused with its byte offset, not silently cut short")
    func nulAndInvalidUTF8AreRefused() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let url = lab.experiments.appendingPathComponent("zz-nul.toml")
        try Data("version = 1\nkind = \"backprop-through-whh\"\n\u{0}[parameters]\nstesp = 5\n".utf8).write(to: url)
        let nul = try lab.run(["run", "zz-nul", "--quick"])
        #expect(nul.status == 2 && nul.stderrText.contains("NUL byte at offset 42"), "\(nul.stderrText)")
        var bytes = Data("version = 1\ntitle = \"caf".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: Data("\"\n".utf8))
        try bytes.write(to: url)
        let utf8 = try lab.run(["run", "zz-nul", "--quick"])
        #expect(utf8.status == 2 && utf8.stderrText.contains("not UTF-8: invalid byte at offset 24"), "\(utf8.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: lab.plots.appendingPathComponent("quick/zz-nul").path))
    }

    @Test("a control character TOML forbids and a table header that does not start with a key are refused with their line and column")
    func controlCharactersAndKeylessHeadersAreRefused() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        // Both found by the experiment-file fuzzer, when the lab read TOML through a C++ library that
        // aborted the process on them (exit 134): a form feed after '[', and a header such as [(x].
        try Data("version = 1\n[\u{0C}".utf8).write(to: lab.experiments.appendingPathComponent("zz-ff.toml"))
        let file = try lab.run(["run", "zz-ff", "--quick"])
        #expect(file.status == 2 && file.stderrText.contains("zz-ff.toml:2:2: not valid TOML: control character U+000C"),
                "\(file.status) \(file.stderrText)")
        for (header, column) in [("[(x]", 2), ("[.x]", 2), ("[=x]", 2), ("[[(x]]", 3), ("[ (x]", 3)] {
            try Data("version = 1\n\(header)\n".utf8).write(to: lab.experiments.appendingPathComponent("zz-ff.toml"))
            let r = try lab.run(["run", "zz-ff", "--quick"])
            #expect(r.status == 2 && r.stderrText.contains("zz-ff.toml:2:\(column): not valid TOML: a table header must start with a key"),
                    "\(header): \(r.status) \(r.stderrText)")
        }
        // Inside a multi-line string the same text is only text.
        try Data("version = 1\ntitle = \"\"\"\n[(x]\n\"\"\"\n".utf8).write(to: lab.experiments.appendingPathComponent("zz-ff.toml"))
        let inString = try lab.run(["run", "zz-ff", "--quick"])
        #expect(!inString.stderrText.contains("table header"), "\(inString.stderrText)")
        let set = try lab.run(["run", "backprop-through-whh", "--quick", "--set", "steps=[\u{0C}"])
        #expect(set.status == 2 && set.stderrText.contains("control character U+000C"), "\(set.status) \(set.stderrText)")
    }

    @Test("an experiment file that is a directory or a FIFO is named as such at once")
    func directoryAndFifoAreNamed() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        try FileManager.default.createDirectory(at: lab.experiments.appendingPathComponent("zz-dir.toml"), withIntermediateDirectories: false)
        let dir = try lab.run(["run", "zz-dir", "--quick"])
        #expect(dir.status == 2 && dir.stderrText.contains("is a directory"), "\(dir.stderrText)")
        #expect(mkfifo(lab.experiments.appendingPathComponent("zz-fifo.toml").path, 0o644) == 0)
        let started = Date()
        let fifo = try lab.run(["run", "zz-fifo", "--quick"])
        #expect(fifo.status == 2 && fifo.stderrText.contains("is a FIFO"), "\(fifo.stderrText)")
        #expect(Date().timeIntervalSince(started) < 10, "a FIFO must not block the run")
        #expect(!fifo.stderrText.contains("permission"))
    }

    @Test("a name with a path in it is not an experiment: no file outside experiments/ is run")
    func pathsAreNotNames() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        for name in ["../../x/backprop-through-whh", "../experiments/backprop-through-whh", "/etc/passwd", "Backprop"] {
            let r = try lab.run(["run", name, "--quick"])
            #expect(r.status == 2 && r.stderrText.contains("not an experiment name"), "\(name): \(r.stderrText)")
        }
    }

    @Test("a list longer than the cap and a control character in a value are refused in one escaped line")
    func listCapAndEscapedMessages() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let gains = "[" + Array(repeating: "1.0", count: 1001).joined(separator: ",") + "]"
        let long = try lab.run(["run", "singular-value-spectra", "--quick", "--set", "gains=\(gains)"])
        #expect(long.status == 2 && long.stderrText.contains("at most 1000 values; got 1001"), "\(long.stderrText.prefix(300))")
        #expect(long.stderrText.count < 600, "the message does not echo the list")
        let escape = try lab.run(["run", "backprop-through-whh", "--quick", "--set", "steps=\u{1B}[31mred\nline"])
        #expect(escape.status == 2)
        #expect(!escape.stderrText.contains("\u{1B}") && escape.stderrText.contains("\\u{1B}"), "\(escape.stderrText.debugDescription)")
        #expect(escape.stderrText.split(separator: "\n").count == 1, "one line: \(escape.stderrText.debugDescription)")
    }

    @Test("a bad --output is a bad option: exit 2 before anything is computed, naming the real cause")
    func badOutputIsRefusedFirst() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let file = lab.root.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        for output in [file.path, file.appendingPathComponent("sub").path] {
            let r = try lab.run(["run", "backprop-through-whh", "--quick", "--output", output])
            #expect(r.status == 2 && r.stderrText.contains("\(file.path) is a file, not a folder"), "\(r.status) \(r.stderrText)")
            #expect(!r.stderrText.contains("NSCocoaErrorDomain") && !r.stderrText.contains("running"), "\(r.stderrText)")
        }
    }

    @Test("a corpus path that is not UTF-8 is named as such, not as a missing file")
    func nonUTF8PathIsNamed() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        // A Swift string cannot hold the byte 0xFF, so the shell builds the argument.
        let bin = try Rnnlab.binary.get().path
        let r = try runCommand(URL(fileURLWithPath: "/bin/sh"),
                               ["-c", "exec \"$0\" run ngram-vs-rnn-lm --quick --set \"corpus.path=$(printf 'bad\\377.txt')\"", bin],
                               timeout: 60, directory: lab.root)
        #expect(r.status == 2 && r.stderrText.contains("bytes that are not UTF-8"), "\(r.status) \(r.stderrText)")
        #expect(!r.stderrText.contains("no such file"))
    }

    @Test("a symlinked output folder is replaced, not written through: a foreign file in its target survives")
    func symlinkedOutputIsNotFollowed() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let elsewhere = lab.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let foreign = elsewhere.appendingPathComponent(".precious.tmp")
        try Data("keep me".utf8).write(to: foreign)
        let quick = lab.plots.appendingPathComponent("quick")
        try FileManager.default.createDirectory(at: quick, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: quick.appendingPathComponent("backprop-through-whh"), withDestinationURL: elsewhere)
        #expect(try lab.run(["run", "backprop-through-whh", "--quick"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: foreign.path), "the foreign file was deleted")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [".precious.tmp"], "nothing was written through the link")
        #expect(lab.files("backprop-through-whh").contains("manifest.json"))
    }
}
