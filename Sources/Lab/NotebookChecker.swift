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
/// - a number in the prose that quotes a run is followed by an HTML comment naming the result,
///   invisible on GitHub: `the IRNN ends at 0.0007<!-- irnn-adding: final_test_mse.irnn.100 -->`.
///   The key is the path `rnnlab results NAME` prints (`cases.irnn.ones[6]` for a list element)
///   into `results` of the committed plots/NAME/manifest.json; `NAME --quick:` reads
///   plots/quick/NAME instead, as the commands above the marker left it, and `NAME sweep:` the
///   whole of the committed sweep's plots/NAME.sweep/sweep.json (`groups[0].success.irnn.100.rate`;
///   a key holding dots is read whole, the longest that exists). The number right before
///   the comment (after it at most a unit word or `%`, and `*`/`` ` `` marks) may be written
///   `0.0146`, `−9.44`, `917 768` (space or thin-space groups), `1.3e-15`, `1.3 × 10⁻¹⁵` (or `·`),
///   `10⁻¹¹` or `10^9.9`; it must equal the value rounded to the digits shown (`860` is 860 ± 5,
///   a bare power of ten is compared in decades: `10⁻¹¹` is log10 = −11 ± 0.5). After the key,
///   optional words: `±2%` also accepts the value within 2 % of it; `ln`, `log10`, `abs`, `×K`,
///   `/K`, `+K`, `-K`, `^K` transform the value, left to right, before the comparison
///   (`×100` for a percentage, `log10 abs` for decades lost); and `below KEY`, written after words
///   instead of a number (`below the floor<!-- jacobian-products: cases.x.median[6] below
///   cases.x.resolution_floor[6] -->`), checks that the value lies below that key's value.
///   A missing run, a missing key or a number that does not match is a problem. Inside an inline
///   code span (`` `0.5<!-- … -->` ``) a comment is shown, not hidden, and is not a marker;
/// - a displayed equation (an indented block) may name the one source file and declaration that
///   implement it on the line right under it: `<!-- equation: Sources/Recurrence/BPTT.swift
///   BPTT.backward -->` (`EquationSource`); the file must exist and declare that symbol;
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
        /// Prose numbers compared with a manifest (markers checked, passing or not).
        public var proseNumbersChecked = 0
        /// Equation markers checked (`<!-- equation: FILE SYMBOL -->`), passing or not.
        public var equationsChecked = 0
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
        checkEquationSources(lines, blocks: blocks, shown: shown, into: &report)

        // Prose numbers are checked in reading order: a `--quick` one reads the quick run that the
        // commands above it left in plots/quick/.
        var markers = proseMarkers(lines, blocks: blocks, shown: shown, into: &report)[...]
        var committed: [String: JSONValue?] = [:]
        func checkMarkers(before line: Int) {
            while let marker = markers.first, marker.line < line {
                markers.removeFirst()
                report.proseNumbersChecked += 1
                check(marker, shown: shown, committed: &committed, into: &report)
            }
        }

        var replacements: [(Range<Int>, [String])] = []
        for (index, block) in blocks.enumerated() where block.language == "sh" {
            checkMarkers(before: block.startLine)
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
        checkMarkers(before: Int.max)
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

    // MARK: Two editions

    /// The things two editions of a chapter must share, in order (issue #17): every code block
    /// (fence line and contents), every prose marker, and every embedded image, a Korean
    /// image's path read as its English twin's (`../../plots/ko/NAME/F` as `../plots/NAME/F`).
    struct EditionParts {
        var blocks: [(line: Int, text: String)] = []
        var markers: [(line: Int, text: String)] = []
        var images: [(line: Int, text: String)] = []
    }

    func editionParts(_ text: String, translated: Bool) -> EditionParts {
        let lines = text.components(separatedBy: "\n")
        let blocks = parseBlocks(lines)
        var parts = EditionParts()
        var inCode = Set<Int>()
        for b in blocks {
            for l in b.startLine...b.endLine { inCode.insert(l) }
            parts.blocks.append((b.startLine, (["```" + b.info] + b.lines).joined(separator: "\n")))
        }
        let image = try! NSRegularExpression(pattern: #"!\[[^\]]*\]\(([^)\s]+)"#)
        let marker = try! NSRegularExpression(pattern: #"<!--.*?-->"#)
        for (i, line) in lines.enumerated() where !inCode.contains(i + 1) {
            let ns = line as NSString
            for m in marker.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                parts.markers.append((i + 1, ns.substring(with: m.range)))
            }
            for m in image.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                var path = ns.substring(with: m.range(at: 1))
                if translated {
                    if path.hasPrefix("../../plots/ko/") { path = "../plots/" + path.dropFirst("../../plots/ko/".count) }
                    else if path.hasPrefix("../") { path = String(path.dropFirst(3)) }
                }
                parts.images.append((i + 1, path))
            }
        }
        return parts
    }

    /// Problems where the translated chapter `translation` differs from its English twin
    /// `english` in a code block, a prose marker or an image (each named at the translation's
    /// line), so that a change to one edition alone fails the check.
    public func parity(english: URL, translation: URL) -> [Problem] {
        let shown = relative(translation), twin = relative(english)
        guard let en = try? String(contentsOf: english, encoding: .utf8),
              let tr = try? String(contentsOf: translation, encoding: .utf8) else {
            return [Problem(file: shown, line: 0, message: "cannot read it or its English twin \(twin)")]
        }
        let a = editionParts(en, translated: false), b = editionParts(tr, translated: true)
        var problems: [Problem] = []
        func compare(_ what: String, _ x: [(line: Int, text: String)], _ y: [(line: Int, text: String)]) {
            for i in 0..<max(x.count, y.count) {
                if i >= y.count {
                    problems.append(Problem(file: shown, line: y.last?.line ?? 0,
                                            message: "\(x.count - y.count) \(what)s of \(twin) are missing after this line, from \(twin):\(x[i].line): \(x[i].text.prefix(80))"))
                    return
                }
                if i >= x.count {
                    problems.append(Problem(file: shown, line: y[i].line, message: "a \(what) \(twin) does not have: \(y[i].text.prefix(80))"))
                    return
                }
                if x[i].text != y[i].text {
                    problems.append(Problem(file: shown, line: y[i].line,
                                            message: "\(what) \(i + 1) differs from \(twin):\(x[i].line) (the editions must show the same \(what)s in the same order): \(y[i].text.prefix(80)) ≠ \(x[i].text.prefix(80))"))
                    return
                }
            }
        }
        compare("code block", a.blocks, b.blocks)
        compare("prose marker", a.markers, b.markers)
        compare("image", a.images, b.images)
        return problems
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

    /// Each `<!-- equation: FILE SYMBOL -->` outside code blocks: well formed, right under an
    /// indented block (the equation it names the source of), its file there and declaring it.
    private func checkEquationSources(_ lines: [String], blocks: [Block], shown: String, into report: inout Report) {
        var inCode = Set<Int>()
        for b in blocks { for l in b.startLine...b.endLine { inCode.insert(l) } }
        for (i, line) in lines.enumerated() where !inCode.contains(i + 1) {
            guard let parsed = EquationSource.parse(line) else { continue }
            report.equationsChecked += 1
            func problem(_ message: String) { report.problems.append(Problem(file: shown, line: i + 1, message: message)) }
            let above = i > 0 ? lines[i - 1] : ""
            guard above.hasPrefix("    "), !above.trimmingCharacters(in: .whitespaces).isEmpty else {
                problem("an equation marker stands on the line right under the equation's indented block")
                continue
            }
            switch parsed.flatMap({ $0.line(root: root) }) {
            case .failure(let e): problem("\(line.trimmingCharacters(in: .whitespaces)): \(e)")
            case .success: break
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

    /// Every marker in the prose (outside code blocks), in reading order; a malformed one is a problem.
    func proseMarkers(_ lines: [String], blocks: [Block], shown: String, into report: inout Report) -> [ProseMarker] {
        var inCode = Set<Int>()
        for b in blocks { for l in b.startLine...b.endLine { inCode.insert(l) } }
        var markers: [ProseMarker] = []
        for (i, line) in lines.enumerated() where !inCode.contains(i + 1) {
            let ns = line as NSString
            for m in ProseMarker.comment.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let name = ns.substring(with: m.range(at: 1))
                if name == "notebook" { continue }                    // the retired `<!-- notebook: quick -->`
                if name == "equation" { continue }                    // an equation's source (`EquationSource`)
                // Inside an inline code span the comment is shown, not hidden: an example of the syntax.
                if ns.substring(to: m.range.location).filter({ $0 == "`" }).count % 2 == 1 { continue }
                let body = ns.substring(with: m.range(at: 4))
                var words = body.split(whereSeparator: \.isWhitespace).map(String.init)[...]
                func problem(_ message: String) {
                    report.problems.append(Problem(file: shown, line: i + 1, message: "\(ns.substring(with: m.range)): \(message)"))
                }
                guard let key = words.popFirst() else { problem("names no results key"); continue }
                var marker = ProseMarker(line: i + 1, experiment: name, quick: m.range(at: 2).location != NSNotFound, key: key)
                marker.sweep = m.range(at: 3).location != NSNotFound
                var bad = false
                while let word = words.popFirst() {
                    if word == "below", let floor = words.popFirst() {
                        marker.floorKey = floor
                    } else if word.hasPrefix("±"), word.hasSuffix("%"), let p = Double(word.dropFirst().dropLast()) {
                        marker.tolerance = p / 100
                    } else if let step = ProseMarker.Transform(word) {
                        marker.steps.append(step)
                    } else {
                        problem("'\(word)' is not `below KEY`, `±P%`, ln, log10, abs or ×K /K +K -K ^K")
                        bad = true
                    }
                }
                if marker.floorKey == nil {
                    marker.shown = ShownNumber.parse(endOf: ns.substring(to: m.range.location))
                    if marker.shown == nil {
                        problem("no number right before the marker (write it as 0.0146, −9.44, 917 768, 1.3e-15, 1.3 × 10⁻¹⁵ or 10⁻¹¹, "
                                + "optionally with a unit: 2.40 bits)")
                        bad = true
                    }
                }
                if !bad { markers.append(marker) }
            }
        }
        return markers
    }

    /// Compares one marker with its manifest: the shown number with the value, or the value with its floor.
    func check(_ marker: ProseMarker, shown: String, committed: inout [String: JSONValue?], into report: inout Report) {
        if marker.sweep { return checkSweep(marker, shown: shown, into: &report) }
        let folder = marker.quick ? "plots/quick/\(marker.experiment)" : "plots/\(marker.experiment)"
        let label = marker.experiment + (marker.quick ? " --quick" : "")
        func problem(_ message: String) {
            report.problems.append(Problem(file: shown, line: marker.line, message: message))
        }
        func load() -> JSONValue? {
            let url = root.appendingPathComponent(folder).appendingPathComponent("manifest.json")
            return FileManager.default.contents(atPath: url.path).flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
        }
        let manifest: JSONValue?
        if marker.quick {
            manifest = load()                     // the quick run changes as the chapter's commands run
        } else {
            if committed[marker.experiment] == nil { committed[marker.experiment] = .some(load()) }
            manifest = committed[marker.experiment]!
        }
        guard let results = manifest?["results"] else {
            problem("\(folder)/manifest.json does not exist or has no results: the prose quotes `\(marker.key)` of \(label)"
                    + (marker.quick ? " (run `rnnlab run \(marker.experiment) --quick` in a command block above it)" : ""))
            return
        }
        compare(marker, in: results, label: label, hint: "`rnnlab results \(label)` lists them", problem: problem)
    }

    /// A `NAME sweep:` marker against plots/NAME.sweep/sweep.json.
    func checkSweep(_ marker: ProseMarker, shown: String, into report: inout Report) {
        let file = "plots/\(marker.experiment).sweep/\(SweepSummary.fileName)"
        func problem(_ message: String) { report.problems.append(Problem(file: shown, line: marker.line, message: message)) }
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path),
              let summary = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return problem("\(file) does not exist or is not JSON: the prose quotes `\(marker.key)` of the sweep of \(marker.experiment)")
        }
        compare(marker, in: summary, label: file, hint: "see \(file)", problem: problem)
    }

    /// Compares the number a marker follows (or its `below` floor) with its key's value in `results`.
    func compare(_ marker: ProseMarker, in results: JSONValue, label: String, hint: String, problem: (String) -> Void) {
        func number(_ key: String) -> Double? {
            guard let value = resultValue(key, in: results) else {
                problem("\(label) has no result `\(key)` (\(hint))")
                return nil
            }
            guard case .number(let v) = value else {
                problem("\(label) result `\(key)` is \(value.text()), not a number")
                return nil
            }
            return v
        }
        guard let raw = number(marker.key) else { return }
        let value = marker.steps.reduce(raw) { $1.apply($0) }
        let transformed = marker.steps.isEmpty ? "" : ", \(marker.steps.map(\.text).joined(separator: " ")) → \(g(value))"
        if let floorKey = marker.floorKey {
            guard let floor = number(floorKey) else { return }
            if !(value < floor) {
                problem("the prose says `\(marker.key)` is below the floor, but \(label) has \(marker.key) = \(g(raw))\(transformed), "
                        + "not below \(floorKey) = \(g(floor))")
            }
        } else if let shownNumber = marker.shown, !marker.matches(value) {
            let precision = shownNumber.powerOfTen != nil ? "±\(g(shownNumber.halfUnit)) in log10" : "±\(g(shownNumber.halfUnit))"
            problem("the prose shows \(shownNumber.text), but \(label) has \(marker.key) = \(g(raw))\(transformed) "
                    + "(the digits shown allow \(precision)\(marker.tolerance.map { ", the marker ±\(g($0 * 100))%" } ?? ""))")
        }
    }

    private func g(_ x: Double) -> String { String(format: "%.6g", x) }

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

// MARK: - Numbers in the prose

/// A number in a chapter's prose that quotes a run's result, and the result it quotes:
/// `ends at 0.0007<!-- irnn-adding: final_test_mse.irnn.100 -->` (the syntax is in the
/// conventions at the top of this file).
struct ProseMarker: Equatable {
    var line: Int
    var experiment: String
    /// `NAME --quick:` reads plots/quick/NAME, the last quick run of the commands above the marker.
    var quick: Bool
    var key: String
    /// `NAME sweep:` reads the committed sweep's plots/NAME.sweep/sweep.json (its whole object:
    /// `groups[0].success.irnn.100.rate`) instead of a run's `results`.
    var sweep = false
    /// `below KEY`: the value must lie below that key's value (a resolution floor).
    var floorKey: String?
    /// `±2%`: also accepted within this fraction of the manifest's value.
    var tolerance: Double?
    /// Applied to the manifest's value, left to right, before it is compared.
    var steps: [Transform] = []
    /// The number the prose shows; nil for `below`.
    var shown: ShownNumber?

    enum Transform: Equatable {
        case ln, log10, abs
        case times(Double), plus(Double), power(Double)

        /// `ln`, `log10`, `abs`, `×K` (or `*K`), `/K`, `+K`, `-K`, `^K`.
        init?(_ word: String) {
            switch word {
            case "ln": self = .ln
            case "log10": self = .log10
            case "abs": self = .abs
            default:
                guard let op = word.first, let k = Double(String(word.dropFirst()).replacingOccurrences(of: "−", with: "-"))
                else { return nil }
                switch op {
                case "×", "*": self = .times(k)
                case "/", "÷": self = .times(1 / k)
                case "+": self = .plus(k)
                case "-", "−": self = .plus(-k)
                case "^": self = .power(k)
                default: return nil
                }
            }
        }

        var text: String {
            switch self {
            case .ln: return "ln"
            case .log10: return "log10"
            case .abs: return "abs"
            case .times(let k): return "×" + String(format: "%g", k)
            case .plus(let k): return (k < 0 ? "−" : "+") + String(format: "%g", Swift.abs(k))
            case .power(let k): return "^" + String(format: "%g", k)
            }
        }

        func apply(_ v: Double) -> Double {
            switch self {
            case .ln: return Foundation.log(v)
            case .log10: return Foundation.log10(v)
            case .abs: return Swift.abs(v)
            case .times(let k): return v * k
            case .plus(let k): return v + k
            case .power(let k): return Foundation.pow(v, k)
            }
        }
    }

    /// Equal to the digits shown (or within the tolerance).
    func matches(_ v: Double) -> Bool {
        guard let shown, v.isFinite else { return false }
        if let tolerance, Swift.abs(shown.value - v) <= tolerance * Swift.abs(v) { return true }
        if let exponent = shown.powerOfTen {
            return v > 0 && Swift.abs(Foundation.log10(v) - exponent) <= shown.halfUnit * (1 + 1e-9)
        }
        return Swift.abs(shown.value - v) <= shown.halfUnit * (1 + 1e-9)
    }

    /// The marker's comment: `<!-- NAME[ --quick]: KEY [below KEY] [±P%] [transforms…] -->`.
    static let comment = try! NSRegularExpression(pattern: #"<!--\s*([a-z0-9][a-z0-9-]*)(\s+--quick)?(\s+sweep)?\s*:\s*(.*?)\s*-->"#)
}

/// A number as the prose writes it, with the precision its digits claim.
struct ShownNumber: Equatable {
    var text: String
    var value: Double
    /// Half a unit in the last digit shown: `0.0146` ± 0.00005, `860` ± 5, `1.3e-15` ± 0.05e-15;
    /// for a power of ten, in decades: `10⁻¹¹` ± 0.5, `10^9.9` ± 0.05.
    var halfUnit: Double
    /// The exponent of a bare power of ten (`10⁻¹¹`, `10^9.9`), compared in decades.
    var powerOfTen: Double?

    private static let space = #"[ \x{00A0}\x{2009}\x{202F}]"#
    private static let plain = #"[−-]?(?:\d{1,3}(?:"# + space + #"\d{3})+(?![\d.])|\d+(?:\.\d+)?(?:e[−+-]?\d+)?)"#
    private static let power = #"10(?:\^\{?[−+-]?\d+(?:\.\d+)?\}?|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"#
    /// The number at the end of a text, then an optional unit (`2.40 bits`, `99 %`) and closing
    /// emphasis or code marks: `m × 10ᵏ` (also `·`, `⋅`, `x`), a bare `10ᵏ` or `10^k`, or a plain number.
    private static let tail = try! NSRegularExpression(pattern:
        #"(?<![\w.^⁰¹²³⁴⁵⁶⁷⁸⁹])("# + plain + #"\s*[×x·⋅]\s*"# + power + "|" + power + "|" + plain + ")"
        + "(?:" + space + #"?(?:%|[A-Za-z]{1,12}))?[*_`]*$"#)
    private static let timesTen = try! NSRegularExpression(pattern: #"\s*[×x·⋅]\s*10(?=[\^⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹])"#)

    /// The number that ends `text`, or nil.
    static func parse(endOf text: String) -> ShownNumber? {
        let ns = text as NSString
        guard let m = tail.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return parse(ns.substring(with: m.range(at: 1)))
    }

    /// One number in any of the forms above: `0.0146`, `−9.44`, `917 768`, `1.3e-15`,
    /// `1.3 × 10⁻¹⁵`, `10⁻¹¹`, `10^9.9`.
    static func parse(_ written: String) -> ShownNumber? {
        let ns = written as NSString
        if let m = timesTen.firstMatch(in: written, range: NSRange(location: 0, length: ns.length)) {
            guard let mantissa = parse(ns.substring(to: m.range.location)),
                  let exponent = exponent(ns.substring(from: m.range.location + m.range.length)) else { return nil }
            let scale = Foundation.pow(10, exponent)
            return ShownNumber(text: written, value: mantissa.value * scale, halfUnit: mantissa.halfUnit * scale)
        }
        if written.hasPrefix("10"), let next = written.dropFirst(2).first, "^⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹".contains(next) {
            let e = String(written.dropFirst(2))
            guard let k = exponent(e) else { return nil }
            return ShownNumber(text: written, value: Foundation.pow(10, k),
                               halfUnit: 0.5 * Foundation.pow(10, -Double(decimals(e))), powerOfTen: k)
        }
        let digits = String(written.filter { !" \u{00A0}\u{2009}\u{202F}".contains($0) }.map { $0 == "−" ? "-" : $0 })
        guard let value = Double(digits) else { return nil }
        let parts = digits.lowercased().split(separator: "e", maxSplits: 1).map(String.init)
        let scale = Foundation.pow(10, parts.count == 2 ? Double(parts[1]) ?? 0 : 0)
        let unit: Double
        if parts[0].contains(".") {
            unit = Foundation.pow(10, -Double(decimals(parts[0])))
        } else {                  // an integer's trailing zeros are not significant: 860 is 860 ± 5
            let figures = parts[0].filter(\.isNumber)
            unit = Foundation.pow(10, Double(min(figures.reversed().prefix { $0 == "0" }.count, figures.count - 1)))
        }
        return ShownNumber(text: written, value: value, halfUnit: 0.5 * unit * scale)
    }

    /// `⁻¹¹`, `^-11`, `^{9.9}` → the exponent.
    private static func exponent(_ s: String) -> Double? {
        let map: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                                           "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+", "−": "-"]
        return Double(String(s.compactMap { "^{}".contains($0) ? nil : map[$0] ?? $0 }))
    }

    private static func decimals(_ s: String) -> Int {
        guard let dot = s.firstIndex(of: ".") else { return 0 }
        return s[s.index(after: dot)...].prefix(while: \.isNumber).count
    }
}

/// The value at a key path into a manifest's `results`, written as `rnnlab results` prints it:
/// object keys joined by dots, list elements as `[i]` (`cases.irnn.ones[6]`, `spectra[0].gain`).
func resultValue(_ key: String, in results: JSONValue) -> JSONValue? {
    var value = results
    var rest = Substring(key)
    while !rest.isEmpty {
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]"), let i = Int(rest[rest.index(after: rest.startIndex)..<close]),
                  case .array(let items) = value, items.indices.contains(i) else { return nil }
            value = items[i]
            rest = rest[rest.index(after: close)...]
        } else {
            if rest.first == "." { rest = rest.dropFirst() }
            // The longest run of dotted words that is a key: a sweep's keys hold dots themselves
            // (`success.irnn.100.rate` reads the key `irnn.100`).
            var end = rest.firstIndex { $0 == "[" } ?? rest.endIndex
            var found: (JSONValue, Substring.Index)?
            while end > rest.startIndex {
                let name = rest[..<end]
                if let next = value[String(name)] { found = (next, end); break }
                guard let dot = name.lastIndex(of: ".") else { break }
                end = dot
            }
            guard let (next, after) = found else { return nil }
            value = next
            rest = rest[after...]
        }
    }
    return value
}
