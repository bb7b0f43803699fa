import Foundation
import Lab

/// Builds the web book: every edition's pages, the repository's README as the overview, the
/// figures and source files the pages link to, the style sheet and script, and KaTeX (copied
/// from Debian's `libjs-katex`), into one folder that works from `file://` with no network.
///
///     site/index.html, 01-recurrence.html, …    the first edition (English)
///     site/ko/index.html, ko/01-recurrence.html  every other edition, same file names
///     site/overview.html                         the repository's README
///     site/repo/plots/…, repo/Sources/….html     figures (copied) and source files (as pages)
///     site/assets/book.css, book.js, katex/…
public struct BookBuilder {
    /// The repository's root: it holds README.md, plots/ and Sources/.
    public var root: URL
    public var editions: [BookEdition]
    /// The folder holding `katex.min.js`, `katex.min.css` and `fonts/`; nil: math stays TeX source.
    public var katex: URL?
    /// The caption and command of a figure, by the figure's repository path (`plots/NAME/x.png`)
    /// and the language of the page that shows it (an edition's code: "en", "ko").
    public var figureNote: (_ imagePath: String, _ language: String) -> FigureNote?

    /// Debian's `libjs-katex` puts KaTeX here; `RNNLAB_KATEX` names another folder.
    public static func defaultKaTeX(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let folder = URL(fileURLWithPath: environment["RNNLAB_KATEX"] ?? "/usr/share/javascript/katex")
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("katex.min.js").path) ? folder : nil
    }

    public init(root: URL, editions: [BookEdition], katex: URL? = BookBuilder.defaultKaTeX(),
                figureNote: @escaping (_ imagePath: String, _ language: String) -> FigureNote? = { _, _ in nil }) {
        self.root = root
        self.editions = editions
        self.katex = katex
        self.figureNote = figureNote
    }

    /// The lab's book: `notebooks-md/` and its language subfolders, captions from the experiment
    /// files (in Korean from `Localization`) and the committed runs' manifests.
    public static func lab(_ paths: LabPaths, katex: URL? = BookBuilder.defaultKaTeX()) -> BookBuilder {
        let runner = Runner(paths: paths, log: { _ in }, interactive: false)
        return BookBuilder(root: paths.root, editions: BookEdition.discover(chapters: paths.root.appendingPathComponent("notebooks-md")),
                           katex: katex, figureNote: { figureNote(for: $0, language: $1, runner: runner) })
    }

    /// What a build wrote.
    public struct Report: Sendable {
        public var pages: [String] = []
        public var files = 0
        public var mathTypeset: Bool
    }

    /// Writes the site into `output` (made if missing; files already there are replaced).
    @discardableResult
    public func build(into output: URL) throws -> Report {
        let fm = FileManager.default
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        let links = SiteLinks(root: root)
        let rootPath = root.standardizedFileURL.path + "/"
        func repositoryPath(_ url: URL) -> String {
            let p = url.standardizedFileURL.path
            return p.hasPrefix(rootPath) ? String(p.dropFirst(rootPath.count)) : url.lastPathComponent
        }
        // Every page's site path first, so that links between pages resolve in any order.
        var pages: [(edition: BookEdition, file: URL, repositoryPath: String, sitePath: String)] = []
        for edition in editions {
            for file in edition.pages() {
                let entry = (edition, file, repositoryPath(file), edition.sitePath(of: file))
                pages.append(entry)
                links.pages[entry.2] = entry.3
            }
        }
        let readme = root.appendingPathComponent("README.md")
        let hasOverview = fm.fileExists(atPath: readme.path)
        if hasOverview { links.pages["README.md"] = "overview.html" }

        // Titles for the sidebars.
        var titles: [String: String] = [:]
        for page in pages { titles[page.sitePath] = Self.title(of: page.file) }
        var report = Report(mathTypeset: katex != nil)
        var rendered: [(sitePath: String, edition: BookEdition, title: String, body: String)] = []
        for page in pages {
            let text = try String(contentsOf: page.file, encoding: .utf8)
            let language = page.edition.language, figureNote = self.figureNote
            let chapter = ChapterPage(repositoryPath: page.repositoryPath, sitePath: page.sitePath, language: language,
                                      words: .of(language), links: links, figureNote: { figureNote($0, language) })
            let r = chapter.render(text)
            rendered.append((page.sitePath, page.edition, r.title, r.body))
        }
        if hasOverview, let first = editions.first {
            let text = try String(contentsOf: readme, encoding: .utf8)
            let figureNote = self.figureNote
            let chapter = ChapterPage(repositoryPath: "README.md", sitePath: "overview.html", language: first.language,
                                      words: .of(first.language), links: links, figureNote: { figureNote($0, first.language) })
            let r = chapter.render(text)
            rendered.append(("overview.html", first, r.title, r.body))
            titles["overview.html"] = r.title
        }
        for page in rendered {
            let html = PageTemplate(sitePath: page.sitePath, edition: page.edition, editions: editions,
                                    titles: titles, hasOverview: hasOverview, katex: katex != nil,
                                    existing: Set(rendered.map(\.sitePath)))
                .page(title: page.title, body: page.body)
            try write(html, to: output.appendingPathComponent(page.sitePath))
            report.pages.append(page.sitePath)
        }
        // Listings of the folders the pages link to (their files join the copies and sources).
        for path in links.folders.sorted() {
            let sitePath = "repo/\(path)/index.html"
            let names = ((try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            var body = "<h1><code>\(escapeHTML(path))/</code></h1><ul class=\"listing\">"
            for name in names {
                let href = links.target(path + "/" + name, sitePath: sitePath) ?? hrefPath(name)
                body += "<li><a href=\"\(escapeHTML(href))\"><code>\(escapeHTML(name))</code></a></li>"
            }
            body += "</ul>"
            let html = PageTemplate(sitePath: sitePath, edition: editions[0], editions: editions, titles: titles,
                                    hasOverview: hasOverview, katex: false, existing: []).page(title: path, body: body)
            try write(html, to: output.appendingPathComponent(sitePath))
            report.files += 1
        }
        // The files the pages link to.
        for path in links.copies.sorted() {
            let target = output.appendingPathComponent("repo/" + path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: target)
            try fm.copyItem(at: root.appendingPathComponent(path), to: target)
            report.files += 1
        }
        for path in links.sources.sorted() {
            let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
            let sitePath = "repo/\(path).html"
            let html = PageTemplate(sitePath: sitePath, edition: editions[0], editions: editions, titles: titles,
                                    hasOverview: hasOverview, katex: false, existing: [])
                .page(title: path, body: Self.sourceBody(path: path, text: text, words: .of(editions[0].language)))
            try write(html, to: output.appendingPathComponent(sitePath))
            report.files += 1
        }
        try writeAssets(into: output.appendingPathComponent("assets"))
        return report
    }

    private func writeAssets(into folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try write(BookAssets.css, to: folder.appendingPathComponent("book.css"))
        try write(BookAssets.script, to: folder.appendingPathComponent("book.js"))
        guard let katex else { return }
        let target = folder.appendingPathComponent("katex")
        try fm.createDirectory(at: target.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        for name in ["katex.min.js", "katex.min.css"] {
            let to = target.appendingPathComponent(name)
            try? fm.removeItem(at: to)
            // Debian links katex.min.js to katex.js: copy the file, not the link.
            try fm.copyItem(at: katex.appendingPathComponent(name).resolvingSymlinksInPath(), to: to)
        }
        // The fonts the style sheet names; woff2 is the first format it lists, and every browser reads it.
        let fonts = katex.appendingPathComponent("fonts").resolvingSymlinksInPath()
        for name in ((try? fm.contentsOfDirectory(atPath: fonts.path)) ?? []) where name.hasSuffix(".woff2") {
            let to = target.appendingPathComponent("fonts").appendingPathComponent(name)
            try? fm.removeItem(at: to)
            try fm.copyItem(at: fonts.appendingPathComponent(name), to: to)
        }
    }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    static func title(of file: URL) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("# ") {
            return String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        return file.deletingPathExtension().lastPathComponent
    }

    /// A source file as a page: numbered lines, each with an anchor `#L12`.
    static func sourceBody(path: String, text: String, words: BookWords) -> String {
        var body = "<h1><code>\(escapeHTML(path))</code></h1><pre class=\"source\"><code>"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !(i == lines.count - 1 && line.isEmpty) {
            body += "<span class=\"line\" id=\"L\(i + 1)\"><a class=\"number\" href=\"#L\(i + 1)\">\(i + 1)</a>\(escapeHTML(String(line)))</span>\n"
        }
        return body + "</code></pre>"
    }

    /// The caption of `plots/NAME/FIGURE.png` (or `plots/LANG/NAME/…`, `plots/quick/NAME/…`) on a
    /// page in `language`: the experiment file's title and description (translated where
    /// `Localization.texts` has them), and the command its manifest records.
    public static func figureNote(for imagePath: String, language: String = "en", runner: Runner) -> FigureNote? {
        let parts = imagePath.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "plots" else { return nil }
        let name = parts[parts.count - 2]
        guard isExperimentName(name), let (_, file) = try? runner.load(name) else { return nil }
        let folder = runner.paths.root.appendingPathComponent(parts.dropLast().joined(separator: "/"))
        var command = "rnnlab run \(name)"
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
           let manifest = try? JSONDecoder().decode(JSONValue.self, from: data) {
            if manifest["quick"] == .bool(true) { command += " --quick" }
            if case .object(let overrides)? = manifest["overrides"] {
                for key in overrides.keys.sorted() { command += " --set \(key)=\(overrides[key]!.text())" }
            }
            if case .string(let language)? = manifest["language"] { command += " --lang \(language)" }
        }
        let texts = Localization.texts(of: file, language: Language(rawValue: language) ?? .english)
        return FigureNote(experiment: name, title: texts.title, description: texts.description, command: command)
    }
}
