import ArgumentParser
import Foundation
import Lab

extension RNNLab {
    struct CorpusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "corpus",
            abstract: "Work with the language models' corpus.",
            subcommands: [Snapshot.self])

        struct Snapshot: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the lab's own sources and chapters as one text: a corpus for the language-model experiments.",
                discussion: """
                Concatenates every Sources/**/*.swift, then every notebooks-md/*.md, each list sorted by path, each file ending in a newline, and writes the text to FILE (- for standard output). The language-model experiments read the snapshot committed as corpus/lab-snapshot.txt (made once, from commit bce35bd), so their numbers do not move with every commit; a fresh snapshot of today's checkout trains on the live sources:

                  rnnlab corpus snapshot /tmp/live.txt
                  rnnlab run ngram-vs-rnn-lm --set corpus.path=/tmp/live.txt --output /tmp/plots

                The committed file is remade exactly from its commit:

                  git archive bce35bd Sources notebooks-md | tar -x -C /tmp/bce35bd
                  rnnlab corpus snapshot --root /tmp/bce35bd corpus/lab-snapshot.txt

                Exit status 2 when a file is not UTF-8 text (it is named, with the byte offset) or the folder holds no sources.
                """)

            @Argument(help: ArgumentHelp("Where to write the text; - for standard output.", valueName: "FILE"))
            var output: String

            @Option(help: ArgumentHelp("The checkout to read (default: the lab's root, the folder holding experiments/).", valueName: "folder"))
            var root: String?

            func run() throws {
                let folder = root.map { URL(fileURLWithPath: $0) } ?? LabPaths.discover().root
                let target = output == "-" ? nil : URL(fileURLWithPath: output)
                let summary: CorpusSnapshot.Summary
                do { summary = try CorpusSnapshot.write(root: folder, to: target) } catch { fail("\(error)") }
                let written = target.map { "wrote \($0.path)" } ?? "wrote standard output"
                FileHandle.standardError.write(Data("rnnlab: \(written): \(summary.files) files, \(summary.characters) characters, \(summary.bytes) bytes, sha256 \(summary.sha256)\n".utf8))
            }
        }
    }
}
