import Foundation

/// Reads the lecture chapters in `notebooks-md/` as a machine would, so they cannot rot.
///
/// Conventions a chapter follows (and the checker understands):
/// - a fenced block ```` ```sh ```` holds commands, one a line; lines whose first word is
///   `rnnlab` are run from the lab's root; `#` lines are comments;
/// - a command runs exactly as the chapter shows it, so a reader may paste it: nothing is added.
///   A `rnnlab run` must say `--quick` (figures in plots/quick/, which git ignores) or
///   `--output FOLDER`, so that typing it never rewrites the committed figures the chapter
///   shows; the full-size command goes in a `#` comment line beside it, with its time;
/// - ```` ```sh pending="what it waits for" ```` marks commands that cannot run yet: they are
///   listed, not run;
/// - a fenced ```` ```output ```` block right after a command block holds the expected
///   standard output of its commands; numbers are compared with a relative tolerance
///   (```` ```output tolerance=1e-3 ````, default 1e-6), everything else exactly;
/// - every image `![…](path)` and local link `[…](path)` must exist (relative to the chapter);
/// - every experiment a command names (`rnnlab run/show/plot/results NAME`) must exist.
public struct NotebookChecker {
    /// Runs one command line (already split into words, `rnnlab` first); returns status and stdout.
    public typealias CommandRunner = (_ words: [String]) throws -> (status: Int32, stdout: String, stderr: String)

    public let root: URL
    public let experimentNames: Set<String>
    public let runCommand: CommandRunner
    public var defaultTolerance = 1e-6

    public init(root: URL, experimentNames: Set<String>, runCommand: @escaping CommandRunner) {
        self.root = root
        self.experimentNames = experimentNames
        self.runCommand = runCommand
    }

    /// One problem, with the chapter and the line it is on.
    public struct Problem: CustomStringConvertible, Equatable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public struct Report {
        public var problems: [Problem] = []
        public var commandsRun = 0
        public var outputsCompared = 0
        public var pending: [String] = []
        public var updatedText: String?
    }

    struct Block {
        var info: String          // after the fence: "sh pending=\"…\"", "output tolerance=1e-3"
        var startLine: Int        // 1-based line of the opening fence
        var lines: [String]
        var endLine: Int          // line of the closing fence
        var language: String { String(info.split(separator: " ").first ?? "") }
        func attribute(_ key: String) -> String? {
            guard let r = info.range(of: key + "=") else { return nil }
            var rest = info[r.upperBound...]
            if rest.first == "\"" {
                rest = rest.dropFirst()
                return String(rest.prefix { $0 != "\"" })
            }
            return String(rest.prefix { $0 != " " })
        }
        var flags: Set<String> { Set(info.split(separator: " ").dropFirst().map(String.init)) }
    }

    /// Checks one chapter; with `update`, `updatedText` holds the chapter with fresh outputs.
    public func check(file: URL, update: Bool = false) -> Report {
        var report = Report()
        let shown = relative(file)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            report.problems.append(Problem(file: shown, line: 0, message: "cannot read the chapter"))
            return report
        }
        var lines = text.components(separatedBy: "\n")
        let chapterQuick = text.contains("<!-- notebook: quick -->")
        let blocks = parseBlocks(lines)
        checkLinks(lines, blocks: blocks, file: file, shown: shown, into: &report)

        var replacements: [(Range<Int>, [String])] = []
        for (index, block) in blocks.enumerated() where block.language == "sh" {
            let commands = block.lines.enumerated().compactMap { offset, raw -> (Int, [String])? in
                let line = raw.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
                return (block.startLine + 1 + offset, splitWords(line))
            }.filter { $0.1.first == "rnnlab" }
            let pendingBlock = block.attribute("pending") != nil   // it waits for what does not exist yet
            for (line, words) in commands where !pendingBlock {
                if words.count >= 3, ["run", "show", "plot", "results"].contains(words[1]) {
                    for name in words.dropFirst(2).prefix(while: { !$0.hasPrefix("-") }) where !experimentNames.contains(name) {
                        report.problems.append(Problem(file: shown, line: line, message: "no experiment '\(name)' in experiments/"))
                    }
                }
            }
            if let waiting = block.attribute("pending") {
                report.pending.append("\(shown):\(block.startLine): waits for \(waiting)")
                continue
            }
            if block.flags.contains("quick") || chapterQuick {
                report.problems.append(Problem(file: shown, line: block.startLine,
                    message: "```sh quick is gone: write --quick in the command itself, so the reader types what runs"))
            }
            var stdout = ""
            var failed = false
            for (line, words) in commands {
                if words.count > 1, words[1] == "run", !words.contains("--quick"),
                   !words.contains(where: { $0 == "--output" || $0.hasPrefix("--output=") }) {
                    report.problems.append(Problem(file: shown, line: line, message: "`\(words.joined(separator: " "))` would "
                        + "rewrite the committed figures: add --quick (or --output FOLDER), and show the full-size command in a # line"))
                    failed = true
                    continue
                }
                report.commandsRun += 1
                do {
                    let r = try runCommand(words)
                    stdout += r.stdout
                    if r.status != 0 {
                        failed = true
                        let err = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
                        report.problems.append(Problem(file: shown, line: line,
                            message: "`\(words.joined(separator: " "))` exited with status \(r.status)\(err.isEmpty ? "" : ": \(err)")"))
                    }
                } catch {
                    failed = true
                    report.problems.append(Problem(file: shown, line: line, message: "cannot run `\(words.joined(separator: " "))`: \(error)"))
                }
            }
            guard index + 1 < blocks.count, blocks[index + 1].language == "output",
                  onlyBlankBetween(lines, block.endLine, blocks[index + 1].startLine), !failed else { continue }
            let out = blocks[index + 1]
            report.outputsCompared += 1
            let tolerance = out.attribute("tolerance").flatMap(Double.init) ?? defaultTolerance
            var actual = stdout.components(separatedBy: "\n")
            while actual.last?.isEmpty == true { actual.removeLast() }
            if update {
                replacements.append(((out.startLine)..<(out.endLine - 1), actual))
            } else if let diff = compare(expected: out.lines, actual: actual, tolerance: tolerance) {
                report.problems.append(Problem(file: shown, line: out.startLine,
                    message: "output differs (numbers to relative tolerance \(tolerance)):\n\(diff)"))
            }
        }
        if update {
            for (range, newLines) in replacements.reversed() { lines.replaceSubrange(range, with: newLines) }
            report.updatedText = lines.joined(separator: "\n")
        }
        return report
    }

    func parseBlocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                if var b = current {
                    b.endLine = i + 1
                    blocks.append(b)
                    current = nil
                } else {
                    current = Block(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), startLine: i + 1, lines: [], endLine: 0)
                }
            } else if current != nil {
                current!.lines.append(raw)
            }
        }
        return blocks
    }

    private func onlyBlankBetween(_ lines: [String], _ endLine: Int, _ startLine: Int) -> Bool {
        guard startLine > endLine else { return false }
        return lines[endLine..<(startLine - 1)].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Images and local links outside code blocks must point at existing files.
    private func checkLinks(_ lines: [String], blocks: [Block], file: URL, shown: String, into report: inout Report) {
        var inCode = Set<Int>()
        for b in blocks { for l in b.startLine...b.endLine { inCode.insert(l) } }
        let pattern = try! NSRegularExpression(pattern: #"(!?)\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)"#)
        let srcPattern = try! NSRegularExpression(pattern: #"<img[^>]*src="([^"]+)""#)
        for (i, line) in lines.enumerated() where !inCode.contains(i + 1) {
            let ns = line as NSString
            var targets: [(String, Bool)] = []
            for m in pattern.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                targets.append((ns.substring(with: m.range(at: 2)), ns.substring(with: m.range(at: 1)) == "!"))
            }
            for m in srcPattern.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                targets.append((ns.substring(with: m.range(at: 1)), true))
            }
            for (target, isImage) in targets {
                if target.contains("://") || target.hasPrefix("#") || target.hasPrefix("mailto:") { continue }
                let path = String(target.split(separator: "#", maxSplits: 1).first ?? "")
                guard !path.isEmpty else { continue }
                let url = URL(fileURLWithPath: path, relativeTo: file.deletingLastPathComponent())
                if !FileManager.default.fileExists(atPath: url.path) {
                    report.problems.append(Problem(file: shown, line: i + 1,
                        message: "\(isImage ? "image" : "linked file") \(path) does not exist"))
                }
            }
        }
    }

    /// nil when equal; else a small diff (− expected, + actual) of the lines that differ.
    func compare(expected: [String], actual: [String], tolerance: Double) -> String? {
        var diff: [String] = []
        for i in 0..<max(expected.count, actual.count) {
            let e = i < expected.count ? expected[i] : nil
            let a = i < actual.count ? actual[i] : nil
            if let e, let a, linesMatch(e, a, tolerance: tolerance) { continue }
            if let e { diff.append("  − \(e)") }
            if let a { diff.append("  + \(a)") }
        }
        return diff.isEmpty ? nil : diff.joined(separator: "\n")
    }

    private func linesMatch(_ e: String, _ a: String, tolerance: Double) -> Bool {
        let et = tokens(e), at = tokens(a)
        guard et.count == at.count else { return false }
        for (x, y) in zip(et, at) {
            if let dx = Double(x), let dy = Double(y) {
                if dx == dy { continue }
                if abs(dx - dy) > tolerance * max(abs(dx), abs(dy)) { return false }
            } else if x != y { return false }
        }
        return true
    }

    /// Words and numbers: a number inside punctuation (`[0.5,`) is its own token.
    private func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        func flush() { if !cur.isEmpty { out.append(cur); cur = "" } }
        for ch in s {
            if ch.isWhitespace || ",[]{}():\"".contains(ch) {
                flush()
                if !ch.isWhitespace { out.append(String(ch)) }
            } else { cur.append(ch) }
        }
        flush()
        return out
    }

    private func relative(_ url: URL) -> String {
        let r = root.standardizedFileURL.path, p = url.standardizedFileURL.path
        return p.hasPrefix(r + "/") ? String(p.dropFirst(r.count + 1)) : p
    }
}

/// Splits a command line into words: spaces separate, single and double quotes group.
public func splitWords(_ line: String) -> [String] {
    var words: [String] = []
    var cur = "", quote: Character?, started = false
    for ch in line {
        if let q = quote {
            if ch == q { quote = nil } else { cur.append(ch) }
        } else if ch == "'" || ch == "\"" {
            quote = ch; started = true
        } else if ch.isWhitespace {
            if started || !cur.isEmpty { words.append(cur); cur = ""; started = false }
        } else {
            cur.append(ch)
        }
    }
    if started || !cur.isEmpty { words.append(cur) }
    return words
}
