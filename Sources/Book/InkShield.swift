import Foundation

/// Keeps from Ink what it would misread, and puts it back in its HTML. Ink 0.6.0 is a small
/// parser with no math and a few departures from CommonMark that the chapters trip over:
///
/// - `$…$` and `$$…$$`: Ink has no math, and would read `x_t * y_t` inside a formula as emphasis.
///   Each formula becomes a word-like token (`rnnlabmath3x`) and, after parsing,
///   `<span class="math inline">TeX</span>` (or `<div class="math display">`), which the page's
///   script hands to KaTeX. Rules (pandoc's): an opening `$` is not followed by a space, a closing
///   `$` is not preceded by one and not followed by a digit ("$5 and $6" stays text); `\$` is a
///   dollar sign; `$$…$$` may span lines.
/// - Underscores inside words (`σ_max`, `h_{t−1}`) and runs of three (`said hi to ___`): Ink reads
///   every `_` as emphasis, so `σ_max … σ_max` came out as `σ<em>max … σ</em>max`.
/// - A `*` that cannot open emphasis and closes none (`q* = g² E[tanh²(√q* z)]`).
/// - `[` and `]` in an image's alt text (`… W = [W_h W_x] …`), which end Ink's alt early.
/// - `<details><summary>…</summary>` and `</details>` lines: Ink takes everything up to
///   `</details>` as raw HTML, so the Markdown inside (commands, answers) was never rendered.
///
/// - Code spans: Ink knows only single backticks and lost some spans next to punctuation
///   (`(`let`, `func`, …`), so every span becomes a token and, after parsing, `<code>…</code>`.
///
/// Nothing inside code spans or fenced blocks is touched. A class, so that Ink's modifiers can
/// read a heading's text back (`restore`) while parsing.
public final class InkShield {
    public private(set) var formulas: [(tex: String, display: Bool)] = []
    private var blocks: [String] = []
    private var codes: [String] = []

    public init() {}

    static let tokenPrefix = "rnnlabmath"
    static let blockPrefix = "rnnlabblock"
    static let codePrefix = "rnnlabcode"
    /// Private-use characters standing for `_`, `*`, `[` and `]` while Ink parses.
    static let stand: [(Character, Character)] = [("\u{E000}", "_"), ("\u{E001}", "*"), ("\u{E002}", "["), ("\u{E003}", "]")]

    /// `text` with the shielded characters back (for alt texts, link targets and slugs read off the raw Markdown).
    public static func unshield(_ text: String) -> String {
        var out = text
        for (shielded, original) in stand { out = out.replacingOccurrences(of: String(shielded), with: String(original)) }
        return out
    }

    /// `markdown` with every formula and misread character outside code shielded.
    public func shield(_ markdown: String) -> String {
        var out = ""
        var inFence: String?
        var prose: [Substring] = []
        func flushProse() {
            if !prose.isEmpty { out += shieldProse(prose.joined(separator: "\n") + "\n") }
            prose = []
        }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            let trimmed = line.drop { $0 == " " }
            if let fence = inFence {
                out += line + "\n"
                if trimmed.hasPrefix(fence) && trimmed.drop(while: { $0 == fence.first }).allSatisfy(\.isWhitespace) { inFence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushProse()
                inFence = String(trimmed.prefix { $0 == trimmed.first })
                out += line + "\n"
                continue
            }
            if trimmed.hasPrefix("<details") {
                // The opening tag and its summary, which may run over several lines.
                var html = String(trimmed)
                while !html.contains("</summary>") && html.contains("<summary"), i < lines.count {
                    html += " " + lines[i]; i += 1
                }
                flushProse()
                out += "\n" + blockToken(summaryCode(html)) + "\n\n"
                continue
            }
            if trimmed.hasPrefix("</details>") {
                flushProse()
                out += "\n" + blockToken(String(trimmed)) + "\n\n"
                continue
            }
            prose.append(line)
        }
        flushProse()
        if !markdown.hasSuffix("\n"), out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// Backticks in a summary as `<code>`, the one piece of Markdown summaries use.
    private func summaryCode(_ html: String) -> String {
        var out = "", open = false
        for c in html {
            if c == "`" { out += open ? "</code>" : "<code>"; open.toggle() } else { out.append(c) }
        }
        return out
    }

    private func blockToken(_ html: String) -> String {
        blocks.append(html)
        return "\(Self.blockPrefix)\(blocks.count - 1)x"
    }

    private func shieldProse(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        var openStar = false   // a `*` that can open emphasis is waiting for its closer (in this paragraph)
        func token(_ tex: String, display: Bool) -> String {
            formulas.append((tex, display))
            return "\(Self.tokenPrefix)\(formulas.count - 1)x"
        }
        func isSpace(_ k: Int) -> Bool { k < 0 || k >= chars.count || chars[k].isWhitespace }
        while i < chars.count {
            let c = chars[i]
            if c == "\n", i + 1 < chars.count, chars[i + 1] == "\n" { openStar = false }
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
                out += "&#36;"; i += 2; continue
            }
            if c == "`" {   // a code span: copied as it is, up to the same run of backticks
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                var j = i + run
                var closed = -1
                while j < chars.count {
                    if chars[j] == "`" {
                        var r = 0
                        while j + r < chars.count, chars[j + r] == "`" { r += 1 }
                        if r == run { closed = j + r; break }
                        j += r
                    } else { j += 1 }
                }
                guard closed >= 0 else { out += String(chars[i..<(i + run)]); i += run; continue }
                // CommonMark: one space on each side is dropped when both are there; line ends are spaces.
                var content = String(chars[(i + run)..<(closed - run)]).replacingOccurrences(of: "\n", with: " ")
                if content.count > 1, content.hasPrefix(" "), content.hasSuffix(" "), content.contains(where: { $0 != " " }) {
                    content = String(content.dropFirst().dropLast())
                }
                codes.append(content)
                out += "\(Self.codePrefix)\(codes.count - 1)x"
                i = closed; continue
            }
            if c == "!", i + 1 < chars.count, chars[i + 1] == "[", i == 0 || chars[i - 1] == "\n" {
                // An image at the start of a line: brackets inside its alt text are shielded.
                var depth = 0, j = i + 1, end = -1
                while j < chars.count, chars[j] != "\n" {
                    if chars[j] == "[" { depth += 1 } else if chars[j] == "]" {
                        depth -= 1
                        if depth == 0, j + 1 < chars.count, chars[j + 1] == "(" { end = j; break }
                    }
                    j += 1
                }
                if end > 0 {
                    out += "!["
                    for k in (i + 2)..<end {
                        out.append(chars[k] == "[" ? "\u{E002}" : chars[k] == "]" ? "\u{E003}" : chars[k] == "_" ? "\u{E000}" : chars[k] == "*" ? "\u{E001}" : chars[k])
                    }
                    out += "]"
                    i = end + 1; continue
                }
            }
            if c == "_" {
                var run = 0
                while i + run < chars.count, chars[i + run] == "_" { run += 1 }
                let inWord = run == 1 && !isSpace(i - 1) && !"([{\"'*".contains(chars[i - 1]) && !isSpace(i + 1)
                if inWord || run >= 3 {
                    out += String(repeating: "\u{E000}", count: run); i += run; continue
                }
            }
            if c == "*", !(i + 1 < chars.count && chars[i + 1] == "*"), !(i > 0 && chars[i - 1] == "*") {
                let bullet = (i == 0 || chars[i - 1] == "\n") && isSpace(i + 1)
                let canOpen = !isSpace(i + 1) && (isSpace(i - 1) || chars[i - 1].isPunctuation || chars[i - 1].isSymbol)
                let canClose = !isSpace(i - 1)
                if !bullet {
                    if openStar && canClose { openStar = false }
                    else if canOpen { openStar = true }
                    else { out.append("\u{E001}"); i += 1; continue }
                }
            }
            if c == "$" {
                if i + 1 < chars.count, chars[i + 1] == "$" {
                    if let close = find("$$", in: chars, from: i + 2) {
                        let tex = String(chars[(i + 2)..<close]).trimmingCharacters(in: .whitespacesAndNewlines)
                        out += "\n\n" + token(tex, display: true) + "\n\n"
                        i = close + 2; continue
                    }
                } else if !isSpace(i + 1) {
                    var j = i + 1
                    var close = -1
                    while j < chars.count {
                        if chars[j] == "\\" { j += 2; continue }
                        if chars[j] == "\n", j + 1 < chars.count, chars[j + 1] == "\n" { break }   // not across paragraphs
                        if chars[j] == "$" {
                            let after = j + 1 < chars.count ? chars[j + 1] : " "
                            if !chars[j - 1].isWhitespace && !after.isNumber { close = j }
                            break
                        }
                        j += 1
                    }
                    if close > i {
                        out += token(String(chars[(i + 1)..<close]), display: false)
                        i = close + 1; continue
                    }
                }
            }
            out.append(c); i += 1
        }
        return out
    }

    private func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let n = Array(needle)
        var i = start
        while i + n.count <= chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if Array(chars[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    /// `html` with every token replaced by its markup and every shielded character restored. A
    /// token alone in a paragraph replaces the paragraph.
    public func restore(_ html: String) -> String {
        var out = Self.unshield(html)
        for (index, code) in codes.enumerated().reversed() {   // 12 before 1: "…1x" is not in "…12x", but be plain about it
            out = out.replacingOccurrences(of: "\(Self.codePrefix)\(index)x", with: "<code>\(escapeHTML(code))</code>")
        }
        for (index, block) in blocks.enumerated() {
            let token = "\(Self.blockPrefix)\(index)x"
            out = out.replacingOccurrences(of: "<p>\(token)</p>", with: block).replacingOccurrences(of: token, with: block)
        }
        for (index, formula) in formulas.enumerated() {   // "…1x" is never inside "…12x": the x ends each token
            let token = "\(Self.tokenPrefix)\(index)x"
            let tex = escapeHTML(formula.tex)
            if formula.display {
                let markup = "<div class=\"math display\">\(tex)</div>"
                out = out.replacingOccurrences(of: "<p>\(token)</p>", with: markup).replacingOccurrences(of: token, with: markup)
            } else {
                out = out.replacingOccurrences(of: token, with: "<span class=\"math inline\">\(tex)</span>")
            }
        }
        return out
    }
}
