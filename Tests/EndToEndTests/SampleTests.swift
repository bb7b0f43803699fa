import Foundation
import Testing

@Suite("rnnlab sample", .serialized)
struct SampleTests {
    @Test("rnnlab sample draws reproducible text from the model a quick char-rnn-samples run saved")
    func sampleFromSavedModel() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        try lab.copyQuickRun("char-rnn-samples")
        let files = lab.files("char-rnn-samples")
        #expect(files.contains("samples.md") && files.contains("model-lstm.json"), "\(files)")
        let samples = String(decoding: try lab.read("char-rnn-samples", "samples.md"), as: UTF8.self)
        #expect(samples.contains("## At first") && samples.contains("## Train more"))

        let arguments = ["sample", "char-rnn-samples", "--quick", "--length", "80", "--seed", "3", "--prime", "let "]
        let a = try lab.run(arguments), b = try lab.run(arguments)
        #expect(a.status == 0, "stderr: \(a.stderrText)")
        #expect(a.stdoutText.hasPrefix("let "))
        #expect(a.stdoutText.unicodeScalars.count == 4 + 80 + 1, "prime + 80 characters + newline: \(a.stdoutText.debugDescription)")
        #expect(a.stdout == b.stdout, "the same seed gives the same text")
        // Content: every drawn character is one the model's vocabulary holds.
        let model = try JSONSerialization.jsonObject(with: try lab.read("char-rnn-samples", "model-lstm.json")) as? [String: Any]
        let vocabulary = Set(((model?["vocabulary"] as? [String]) ?? []).flatMap { $0.unicodeScalars })
        #expect(vocabulary.count > 10, "the saved vocabulary: \(vocabulary.count) symbols")
        let drawn = a.stdoutText.unicodeScalars.dropFirst(4).dropLast()
        #expect(drawn.allSatisfy(vocabulary.contains), "characters outside the vocabulary: \(Set(drawn).subtracting(vocabulary))")
        let other = try lab.run(["sample", "char-rnn-samples", "--quick", "--length", "80", "--seed", "4", "--prime", "let "])
        #expect(other.stdout != a.stdout, "another seed gives other text")

        // A long sample streams: its first characters arrive while it is still drawing the rest.
        let long = Process()
        long.executableURL = try Rnnlab.binary.get()
        long.arguments = ["sample", "char-rnn-samples", "--quick", "--length", "1000000", "--prime", "let "]
        long.currentDirectoryURL = lab.root
        let pipe = Pipe()
        long.standardOutput = pipe
        long.standardError = FileHandle.nullDevice
        try long.run()
        var first = Data()
        while first.count < 300 {
            let chunk = pipe.fileHandleForReading.availableData   // blocks until some bytes or EOF
            if chunk.isEmpty { break }
            first += chunk
        }
        #expect(first.count >= 300 && long.isRunning, "the first 300 bytes arrived only when the sample was done")
        long.terminate()
        try? pipe.fileHandleForReading.close()
        long.waitUntilExit()

        let path = lab.plots.appendingPathComponent("quick/char-rnn-samples/model-lstm.json").path
        let byPath = try lab.run(["sample", path, "--length", "80", "--seed", "3", "--prime", "let "])
        #expect(byPath.stdout == a.stdout, "a model named by its path gives the same text")
        let argmax = try lab.run(["sample", path, "--length", "40", "--temperature", "0", "--seed", "1"])
        let argmax2 = try lab.run(["sample", path, "--length", "40", "--temperature", "0", "--seed", "2"])
        #expect(argmax.status == 0 && argmax.stdout == argmax2.stdout, "τ = 0 ignores the seed")
    }

    @Test("rnnlab sample names a missing model or a malformed file and exits 2")
    func sampleBadInputs() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let missing = try lab.run(["sample", "char-rnn-samples"])
        #expect(missing.status == 2)
        #expect(missing.stderrText.contains("plots/char-rnn-samples") && missing.stderrText.contains("rnnlab run char-rnn-samples"),
                "\(missing.stderrText)")
        #expect(missing.stdout.isEmpty)
        let bad = lab.root.appendingPathComponent("bad.json")
        try Data("{\"format\": \"rnnlab-char-lm/1\", \"cell\": \"lstm\"}".utf8).write(to: bad)
        let r = try lab.run(["sample", bad.path])
        #expect(r.status == 2)
        #expect(r.stderrText.contains("bad.json") && r.stderrText.contains("vocabulary"), "\(r.stderrText)")
        let long = try lab.run(["sample", "char-rnn-samples", "--length", "2000000"])
        #expect(long.status == 2 && long.stderrText.contains("at most 1000000"), "\(long.stderrText)")
        let help = try lab.run(["sample", "--help"])
        #expect(help.status == 0 && help.stdoutText.contains("--temperature") && help.stdoutText.contains("softmax"))
        #expect(help.stdoutText.contains("prints it, then"), "the help says what the output holds")
    }
}
