import Foundation
import Ink
import Lab

/// What a figure's caption says beyond its alt text: how to read it (the experiment's
/// description) and the exact command that made it (from the run's manifest).
public struct FigureNote: Sendable, Equatable {
    public var experiment: String
    public var title: String
    public var description: String
    public var command: String

    public init(experiment: String, title: String, description: String, command: String) {
        self.experiment = experiment
        self.title = title
        self.description = description
        self.command = command
    }
}

/// One Markdown file → the HTML of its page body, with Ink doing the Markdown and this type
/// doing what Ink does not: math shielded around it, indented blocks (the chapters' equations,
/// which Ink does not parse) turned into fenced ones, heading anchors, command blocks with a
/// copy button, `output` blocks as terminal output, figures with their caption and command,
/// equations linked to the declaration that implements each, and links rewritten for the site.
struct ChapterPage {
    let repositoryPath: String
    let sitePath: String
    /// The edition's language code ("en", "ko").
    let language: String
    let words: BookWords
    let links: SiteLinks
    let figureNote: (_ imageRepositoryPath: String) -> FigureNote?

    struct Rendered {
        var title: String
        var body: String
    }

    func render(_ markdown: String) -> Rendered {
        let shield = InkShield()
        let prepared = shield.shield(joinParagraphLines(fenceIndentedBlocks(markdown)))
        var parser = MarkdownParser()
        let slugs = SlugCounter()
        parser.addModifier(Modifier(target: .headings) { input in self.heading(input, slugs: slugs, shield: shield) })
        parser.addModifier(Modifier(target: .codeBlocks) { input in self.codeBlock(input) })
        parser.addModifier(Modifier(target: .images) { input in self.figure(input.markdown) ?? input.html })
        parser.addModifier(Modifier(target: .links) { input in self.link(input.html) })
        let parsed = parser.parse(prepared)
        let title = firstHeading(markdown)
        return Rendered(title: title, body: shield.restore(parsed.html))
    }

    private func firstHeading(_ markdown: String) -> String {
        for line in markdown.split(separator: "\n") where line.hasPrefix("# ") {
            return String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        return (repositoryPath as NSString).lastPathComponent
    }

    // MARK: - Before Ink

    /// Indented blocks (four spaces, after a blank line, not inside a list or a fence) become
    /// ```` ```equation ```` fences; the `<!-- equation: FILE SYMBOL -->` marker right under one
    /// (`EquationSource`) becomes its `src=FILE#LINE symbol=SYMBOL`, the line where the symbol
    /// is declared now. A marker whose file or symbol is missing links the file, or nothing
    /// (`rnnlab notebook check` reports it).
    func fenceIndentedBlocks(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var inFence = false
        var i = 0
        func isListLine(_ s: String) -> Bool {
            let t = s.drop { $0 == " " }
            if t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("+ ") { return true }
            let digits = t.prefix { $0.isNumber }
            return !digits.isEmpty && t.dropFirst(digits.count).hasPrefix(". ")
        }
        var lastContent = ""   // the last non-blank line outside an indented block
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") { inFence.toggle() }
            let previousBlank = i == 0 || lines[i - 1].trimmingCharacters(in: .whitespaces).isEmpty
            let afterList = isListLine(lastContent) || lastContent.hasPrefix("  ")
            if !inFence, line.hasPrefix("    "), !trimmed.isEmpty, previousBlank, !afterList {
                var block: [String] = []
                while i < lines.count, lines[i].hasPrefix("    ") || lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                    block.append(String(lines[i].dropFirst(min(4, lines[i].count))))
                    i += 1
                }
                while block.last?.isEmpty == true { block.removeLast(); i -= 1 }
                var info = "```equation"
                if i < lines.count, case .success(let source)? = EquationSource.parse(lines[i]) {
                    let line = (try? source.line(root: links.root).get()).map { "#L\($0)" } ?? ""
                    info += " src=\(source.path)\(line) symbol=\(source.symbol)"
                    i += 1
                }
                out.append(info)
                out += block
                out.append("```")
                continue
            }
            if !trimmed.isEmpty { lastContent = line }
            out.append(line)
            i += 1
        }
        return out.joined(separator: "\n")
    }

    /// A paragraph's lines as one line. Ink ends a paragraph at a line that begins like another
    /// block could (a backtick, a digit, `<`), so "…a small version to⏎`plots/quick/`…" would
    /// split in two; Markdown joins such lines with a space, and so does this.
    func joinParagraphLines(_ markdown: String) -> String {
        var out: [String] = []
        var inFence = false
        var previousIsProse = false
        func startsBlock(_ line: String) -> Bool {
            let starts = ["#", "|", "```", "~~~", "- ", "* ", "+ ", "> ", "![", "<", "    "]
            if starts.contains(where: { line.hasPrefix($0) }) { return true }
            let digits = line.prefix { $0.isNumber }
            return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.drop(while: { $0 == " " }).hasPrefix("```") {
                inFence.toggle()
                out.append(line); previousIsProse = false; continue
            }
            if inFence || line.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(line); previousIsProse = false; continue
            }
            if previousIsProse, !line.hasPrefix(" "), !startsBlock(line) {
                out[out.count - 1] += " " + line
                continue
            }
            out.append(line)
            previousIsProse = !startsBlock(line) && !line.hasPrefix(" ")
        }
        return out.joined(separator: "\n")
    }

    // MARK: - Ink's fragments

    private func heading(_ input: Modifier.Input, slugs: SlugCounter, shield: InkShield) -> String {
        let level = input.markdown.prefix { $0 == "#" }.count
        let open = "<h\(level)>", close = "</h\(level)>"
        guard input.html.hasPrefix(open), input.html.hasSuffix(close) else { return input.html }
        let inner = String(input.html.dropFirst(open.count).dropLast(close.count))
        let slug = slugs.unique(headingSlug(unescapeHTML(stripTags(shield.restore(inner)))))
        return "<h\(level) id=\"\(escapeHTML(slug))\"><a class=\"anchor\" href=\"#\(hrefPath(slug))\" aria-label=\"link to this section\">#</a>\(inner)</h\(level)>"
    }

    private func codeBlock(_ input: Modifier.Input) -> String {
        let info = input.markdown.drop { $0 == "`" }.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces)
        let language = String(info.prefix { $0 != " " })
        guard let codeStart = input.html.range(of: ">", range: input.html.range(of: "<code")!.upperBound..<input.html.endIndex),
              let codeEnd = input.html.range(of: "</code></pre>", options: .backwards) else { return input.html }
        let code = String(input.html[codeStart.upperBound..<codeEnd.lowerBound])
        switch language {
        case "sh", "bash", "shell", "console":
            return "<div class=\"command\"><button class=\"copy\" type=\"button\" data-copied=\"\(escapeHTML(words.copied))\">\(escapeHTML(words.copy))</button>"
                + "<pre><code class=\"language-sh\">\(code)</code></pre></div>"
        case "output":
            return "<div class=\"output\"><span class=\"output-label\">\(escapeHTML(words.output))</span><pre><code>\(code)</code></pre></div>"
        case "equation":
            var html = "<div class=\"equation\"><pre><code>\(code)</code></pre>"
            let words = info.split(separator: " ")
            if let src = words.first(where: { $0.hasPrefix("src=") }).map({ String($0.dropFirst(4)) }),
               let symbol = words.first(where: { $0.hasPrefix("symbol=") }).map({ String($0.dropFirst(7)) }) {
                let path = String(src.prefix { $0 != "#" }), fragment = String(src.dropFirst(path.count))
                let name = "<code>\(escapeHTML((path as NSString).lastPathComponent))</code> · <code>\(escapeHTML(symbol))</code>"
                let item = links.target(path, fragment: fragment, sitePath: sitePath).map { "<a href=\"\(escapeHTML($0))\">\(name)</a>" } ?? name
                html += "<p class=\"implemented-in\">\(escapeHTML(self.words.implementedIn)): \(item)</p>"
            }
            return html + "</div>"
        default:
            return input.html
        }
    }

    /// `![alt](src)` → a figure: the image (SVG when one stands beside the PNG), the alt text as
    /// caption, and for a figure of an experiment its description and regenerating command.
    private func figure(_ markdown: Substring) -> String? {
        let pattern = try! NSRegularExpression(pattern: #"^!\[(.*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)"#, options: [.dotMatchesLineSeparators])
        let text = InkShield.unshield(String(markdown))
        guard let m = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        let alt = String(text[Range(m.range(at: 1), in: text)!])
        let src = String(text[Range(m.range(at: 2), in: text)!])
        guard let image = links.image(src, from: repositoryPath, sitePath: sitePath) else {
            return "<img src=\"\(escapeHTML(src))\" alt=\"\(escapeHTML(alt))\">"
        }
        var html = "<figure class=\"lab-figure\">"
        let fallback = image.fallback.map { " data-png=\"\(escapeHTML($0))\"" } ?? ""   // book.js switches to it if the SVG fails
        html += "<img src=\"\(escapeHTML(image.href))\" alt=\"\(escapeHTML(alt))\" loading=\"eager\"\(fallback)>"
        html += "<figcaption><p class=\"alt\">\(escapeHTML(alt))</p>"
        if let note = figureNote(image.path) {
            let figureName = ((image.path as NSString).lastPathComponent as NSString).deletingPathExtension
            html += "<details class=\"how-to-read\"><summary>\(escapeHTML(words.howToRead))</summary>"
                + "<p><strong>\(textWithCode(note.title))</strong> — \(textWithCode(note.description))</p></details>"
            html += "<div class=\"regenerate\"><span>\(escapeHTML(words.regenerate)):</span>"
                + "<div class=\"command\"><button class=\"copy\" type=\"button\" data-copied=\"\(escapeHTML(words.copied))\">\(escapeHTML(words.copy))</button>"
                + "<pre><code class=\"language-sh\">\(escapeHTML(note.command))</code></pre></div></div>"
            let lang = language == Language.english.rawValue ? "" : "&amp;lang=\(escapeHTML(language))"
            html += "<p class=\"served-only\"><a href=\"/lab/\(escapeHTML(note.experiment))?figure=\(escapeHTML(hrefPath(figureName)))\(lang)\">\(escapeHTML(words.runInLab)) →</a></p>"
        }
        return html + "</figcaption></figure>"
    }

    private func link(_ html: String) -> String {
        guard let hrefStart = html.range(of: "href=\""),
              let hrefEnd = html.range(of: "\"", range: hrefStart.upperBound..<html.endIndex) else { return html }
        let href = InkShield.unshield(unescapeHTML(String(html[hrefStart.upperBound..<hrefEnd.lowerBound])))
        let resolved = links.resolve(href, from: repositoryPath, sitePath: sitePath)
        return html.replacingCharacters(in: hrefStart.upperBound..<hrefEnd.lowerBound, with: escapeHTML(resolved))
    }
}

/// GitHub's rule for repeated headings: the second `#summary` is `#summary-1`.
final class SlugCounter {
    private var seen: [String: Int] = [:]
    func unique(_ slug: String) -> String {
        if let n = seen[slug] {
            seen[slug] = n + 1
            return "\(slug)-\(n + 1)"
        }
        seen[slug] = 0
        return slug
    }
}

func stripTags(_ html: String) -> String {
    var out = "", inTag = false
    for c in html {
        if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
    }
    return out
}
