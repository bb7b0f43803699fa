@testable import Book
import Foundation
import Lab
import Testing

/// The fixture lab (Tests/BookTests/Fixtures/lab): one chapter in English and Korean, a second
/// chapter in English only, a figure with a manifest, a source file, a KaTeX stand-in.
enum Fixture {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("lab") }

    static func build() throws -> (site: URL, report: BookBuilder.Report) {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("book-test-\(UUID().uuidString)")
        let builder = BookBuilder(
            root: root, editions: BookEdition.discover(chapters: root.appendingPathComponent("notebooks-md")),
            katex: root.appendingPathComponent("katex"),
            figureNote: { path, language in
                path == "plots/demo/norms.png"
                    ? FigureNote(experiment: "demo", title: "Demo norms",
                                 description: language == "ko" ? "선의 기울기를 읽는다." : "Read the slope of the line.", command: "rnnlab run demo")
                    : nil
            })
        return (site, try builder.build(into: site))
    }

    static func page(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }
}

/// The text a reader sees outside code: tags, `<pre>` blocks and `<code>` spans removed.
func proseText(_ html: String) -> String {
    var text = html
    for pattern in [#"<pre[\s\S]*?</pre>"#, #"<code[\s\S]*?</code>"#, #"<script[\s\S]*?</script>"#, #"<!--[\s\S]*?-->"#, #"<[^>]+>"#] {
        text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
    }
    return text
}

/// The repository's root, found from this file's path (the tests run from anywhere).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Web book")
struct BookTests {
    @Test("$x^2$ in a chapter becomes KaTeX markup, $$…$$ a display formula, and no raw $ is left outside code")
    func mathIsShielded() throws {
        let (site, _) = try Fixture.build()
        let html = try Fixture.page(site, "01-squares.html")
        #expect(html.contains(#"<span class="math inline">x^2</span>"#))
        #expect(html.contains(#"<div class="math display">\sum_{t=1}^{T} W_{hh}^t \, x_t</div>"#))
        let prose = proseText(html.replacingOccurrences(of: #"<span class="math[^"]*">[^<]*</span>|<div class="math display">[^<]*</div>"#,
                                                        with: "", options: .regularExpression))
        // "$5 and $6" is a price, not a formula: the only dollars left are those two.
        #expect(prose.components(separatedBy: "$").count - 1 == 2, "raw $ outside code: \(prose)")
        #expect(html.contains("<code>echo $HOME</code>"))
        #expect(html.contains("katex.min.js") && html.contains("katex.min.css"))
        for asset in ["assets/katex/katex.min.js", "assets/katex/katex.min.css", "assets/katex/fonts/KaTeX_Main-Regular.woff2", "assets/book.js", "assets/book.css"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(asset).path), "\(asset) missing")
        }
    }

    @Test("underscores inside words stay underscores: σ_max and h_t are not emphasis")
    func underscoresInsideWords() throws {
        let (site, _) = try Fixture.build()
        let html = try Fixture.page(site, "01-squares.html")
        #expect(html.contains("σ_max^k"))
        #expect(html.contains("state h_t grows"))
        #expect(!html.contains("<em>max"))
        #expect(html.contains("<code>a_b * c_d</code>"))
    }

    @Test("each edition gets its pages, and every page a 한국어 / English switch to its twin (or to the contents)")
    func languageSwitch() throws {
        let (site, report) = try Fixture.build()
        #expect(Set(report.pages) == ["index.html", "01-squares.html", "02-english-only.html", "ko/index.html", "ko/01-squares.html", "overview.html"])
        let english = try Fixture.page(site, "01-squares.html")
        #expect(english.contains(#"<html lang="en">"#))
        #expect(english.contains(#"href="ko/01-squares.html">한국어</a>"#))
        let korean = try Fixture.page(site, "ko/01-squares.html")
        #expect(korean.contains(#"<html lang="ko">"#))
        #expect(korean.contains(#"href="../01-squares.html">English</a>"#))
        #expect(korean.contains(#"<span class="math inline">x^2</span>"#))
        #expect(korean.contains("이 그림을 읽는 법"))
        // No Korean twin: the switch leads to the Korean contents.
        let englishOnly = try Fixture.page(site, "02-english-only.html")
        #expect(englishOnly.contains(#"href="ko/index.html">한국어</a>"#))
        // Each sidebar lists its own edition's pages.
        #expect(korean.contains(#"href="../ko/01-squares.html""#) || korean.contains(#"href="01-squares.html""#))
        #expect(!korean.contains("2. English only"))
    }

    @Test("a figure is copied into the site and captioned with how to read it and the command that regenerates it; a translated figure not drawn yet falls back to the first edition's")
    func figureCaption() throws {
        let (site, _) = try Fixture.build()
        let html = try Fixture.page(site, "01-squares.html")
        #expect(html.contains(#"<img src="repo/plots/demo/norms.png" alt="Norms against k for the W = [W_h W_x] case""#))
        #expect(html.contains("How to read this figure"))
        #expect(html.contains("Read the slope of the line."))
        #expect(html.contains(#"<code class="language-sh">rnnlab run demo</code>"#))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("repo/plots/demo/norms.png").path))
        #expect(html.contains(#"href="/lab/demo?figure=norms">"#))
        // The Korean chapter asks for plots/ko/demo/norms.png, not drawn yet: it shows the English
        // figure, captioned in Korean, and its lab link asks for the Korean page.
        let korean = try Fixture.page(site, "ko/01-squares.html")
        #expect(korean.contains(#"<img src="../repo/plots/demo/norms.png""#))
        #expect(korean.contains("선의 기울기를 읽는다.") && !korean.contains("Read the slope of the line."))
        #expect(korean.contains(#"href="/lab/demo?figure=norms&amp;lang=ko">"#))
    }

    @Test("links to source files become line-numbered pages in the site; a link leaving the repository stays as written")
    func links() throws {
        let (site, _) = try Fixture.build()
        let html = try Fixture.page(site, "01-squares.html")
        #expect(html.contains(#"href="repo/Sources/Demo/Step.swift.html""#))
        let source = try Fixture.page(site, "repo/Sources/Demo/Step.swift.html")
        #expect(source.contains(#"id="L2""#) && source.contains("func step"))
        #expect(html.contains(#"href="../../../../etc/passwd""#))
        #expect(html.contains(#"href="02-english-only.html#the-end""#))
        #expect(try Fixture.page(site, "02-english-only.html").contains(#"href="01-squares.html#11-the-step""#))
        #expect(html.contains(#"<h2 id="11-the-step">"#))
        #expect(try Fixture.page(site, "overview.html").contains(#"href="index.html""#))
    }

    @Test("an indented equation block is shown as an equation linked to the line of the symbol its marker names; one without a marker links nowhere")
    func equationsLinkToSources() throws {
        let (site, _) = try Fixture.build()
        let html = try Fixture.page(site, "01-squares.html")
        #expect(html.contains(#"<div class="equation"><pre><code>h_t = tanh(W_hh h_{t−1} + W_xh x_t)"#))
        #expect(html.contains(#"Implemented in: <a href="repo/Sources/Demo/Step.swift.html#L1"><code>Step.swift</code> · <code>step</code></a>"#))
        #expect(html.components(separatedBy: "implemented-in").count - 1 == 1, "the equation without a marker has no link")
        #expect(!html.contains("equation: Sources"), "the marker is not shown")
        #expect(try Fixture.page(site, "repo/Sources/Demo/Step.swift.html").contains(#"id="L1""#))
    }

    @Test("command blocks get a copy button, output blocks the terminal style, and details blocks keep their Markdown")
    func blocks() throws {
        let (site, _) = try Fixture.build()
        let html = try Fixture.page(site, "01-squares.html")
        #expect(html.contains(#"<div class="command"><button class="copy""#))
        #expect(html.contains(#"<div class="output"><span class="output-label">output</span><pre><code>answer = 42"#))
        #expect(html.contains("<details><summary>Answer</summary>"))
        #expect(html.contains("<strong>bold</strong>, and <code>code</code> too."))
    }

    @Test("every chapter of the repository renders: no Markdown syntax or shield token left in the text a reader sees")
    func repositoryChaptersRender() throws {
        let (site, report) = try RepositoryBook.built.get()
        #expect(report.pages.contains("index.html") && report.pages.contains("03-bptt-and-singular-values.html"))
        for page in report.pages {
            let html = try Fixture.page(site, page)
            let prose = proseText(html)
            for leftover in ["**", "`", "](", "$", "rnnlabmath", "rnnlabcode", "rnnlabblock", "\u{E000}", "\u{E001}"] {
                #expect(!prose.contains(leftover), "\(page): '\(leftover)' left in the text")
            }
            // Every image names a file the site holds.
            for match in html.matches(of: #/<img src="([^"]+)"/#) {
                let src = String(match.1).removingPercentEncoding!
                let folder = (page as NSString).deletingLastPathComponent
                let url = site.appendingPathComponent(folder).appendingPathComponent(src).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: url.path), "\(page): image \(src) missing")
            }
            // Every equation link leads to one line of one source file.
            for match in html.matches(of: #/<p class="implemented-in">[^<]*<a href="([^"]+)"/#) {
                #expect(match.1.contains(".swift.html#L"), "\(page): equation linked to \(match.1)")
            }
        }
        let chapter3 = try Fixture.page(site, "03-bptt-and-singular-values.html")
        #expect(chapter3.contains(#"<a href="repo/Sources/Recurrence/BPTT.swift.html#L"#) && chapter3.contains("<code>BPTT.backward</code>"))
    }

    @Test("the Korean book captions each figure with the experiment's Korean title and description; the English book with the English ones")
    func koreanCaptions() throws {
        let (site, _) = try RepositoryBook.built.get()
        let runner = Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false)
        let file = try runner.load("backprop-through-whh").1
        let english = file.description.split(whereSeparator: \.isNewline).joined(separator: " ")
        let korean = try #require(Localization.description(of: "backprop-through-whh", language: .korean))
        let koreanTitle = try #require(Localization.title(of: "backprop-through-whh", language: .korean))
        let koPage = try Fixture.page(site, "ko/03-bptt-and-singular-values.html")
        let enPage = try Fixture.page(site, "03-bptt-and-singular-values.html")
        #expect(koPage.contains("이 그림을 읽는 법") && koPage.contains("<strong>\(textWithCode(koreanTitle))</strong> — \(textWithCode(korean))"))
        #expect(!koPage.contains(textWithCode(english)), "the English description is left on the Korean page")
        #expect(!koPage.contains("<strong>\(textWithCode(file.title))</strong>"), "the English title is left on the Korean page")
        #expect(enPage.contains("<strong>\(textWithCode(file.title))</strong> — \(textWithCode(english))"))
        #expect(!enPage.contains(textWithCode(korean)) && !enPage.contains(textWithCode(koreanTitle)))
        #expect(koPage.contains(#"href="/lab/backprop-through-whh?figure=norms&amp;lang=ko""#))
    }

    @Test("a copy of an experiment that names its kind and keeps its texts is captioned in Korean, on the book's page and the lab's")
    func copiedExperimentCaption() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-copy-\(UUID().uuidString)", isDirectory: true)
        let experiments = root.appendingPathComponent("experiments")
        try FileManager.default.createDirectory(at: experiments, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("experiments/irnn-adding.toml"), encoding: .utf8)
        try Data(shipped.utf8).write(to: experiments.appendingPathComponent("irnn-adding.toml"))
        let copy = shipped.replacingOccurrences(of: "version = 1  # experiment file format\n", with: "version = 1\nkind = \"irnn-adding\"\n")
        try Data(copy.utf8).write(to: experiments.appendingPathComponent("my-copy.toml"))
        let runner = Runner(paths: LabPaths(root: root), log: { _ in }, interactive: false)
        let koreanTitle = try #require(Localization.title(of: "irnn-adding", language: .korean))
        let korean = try #require(Localization.description(of: "irnn-adding", language: .korean))

        let note = try #require(BookBuilder.figureNote(for: "plots/ko/my-copy/race.png", language: "ko", runner: runner))
        #expect(note.experiment == "my-copy" && note.title == koreanTitle && note.description == korean)
        let (experiment, file) = try runner.load("my-copy")
        let page = LabPages.experiment(file: file, schema: experiment.schema, query: LabQuery(items: [("lang", "ko")]), experiments: [])
        #expect(page.contains("<h1>\(escapeHTML(koreanTitle))</h1>") && page.contains(textWithCode(korean)))

        let edited = copy.replacingOccurrences(of: "A model below the line", with: "A model under the line")
        try Data(edited.utf8).write(to: experiments.appendingPathComponent("my-copy.toml"))
        let own = try #require(BookBuilder.figureNote(for: "plots/ko/my-copy/race.png", language: "ko", runner: runner))
        #expect(own.title == koreanTitle && own.description.contains("A model under the line"))
        let english = try #require(BookBuilder.figureNote(for: "plots/my-copy/race.png", language: "en", runner: runner))
        #expect(english.title == file.title)
    }
}

/// The repository's own book, built once for the tests that read it.
enum RepositoryBook {
    static let built: Result<(site: URL, report: BookBuilder.Report), Error> = Result {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("book-repo-\(UUID().uuidString)")
        return (site, try BookBuilder.lab(LabPaths(root: repositoryRoot), katex: nil).build(into: site))
    }
}

@Suite("Lab pages")
struct LabPageTests {
    @Test("the form lists every setting with its doc, range, default and quick value; hide= hides a control, and URL values fill the fields")
    func experimentForm() throws {
        let runner = Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false)
        let (experiment, file) = try runner.load("backprop-through-whh")
        let query = LabQuery(items: [("quick", "1"), ("set.gaussian_gain", "1.2"), ("hide", "seed"), ("figure", "norms")])
        let html = LabPages.experiment(file: file, schema: experiment.schema, query: query, experiments: [])
        for spec in experiment.schema.parameters {
            #expect(html.contains(#"data-key="\#(spec.key)""#))
            #expect(html.contains(escapeHTML(spec.doc)))
        }
        #expect(html.contains(#"name="gaussian_gain" value="1.2""#))
        #expect(html.contains(#"name="steps" value="40""#), "the quick value of steps")
        #expect(html.contains(#"quick <code>40</code> <button type="button" class="quick-value" data-value="40">use</button>"#))
        #expect(html.contains(#"data-key="seed" data-file="1" data-quick="1" hidden"#))
        #expect(html.contains(#"data-figure="norms""#))
        #expect(html.contains("How to read its figures") && html.contains(#"<html lang="en">"#))
    }

    @Test("lang=ko gives the page the Korean title and description and keeps the language in its links and its URL")
    func koreanExperimentPage() throws {
        let runner = Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false)
        let (experiment, file) = try runner.load("edge-of-chaos")
        let html = LabPages.experiment(file: file, schema: experiment.schema, query: LabQuery(items: [("lang", "ko")]),
                                       experiments: [("edge-of-chaos", file.title)])
        let korean = try #require(Localization.description(of: "edge-of-chaos", language: .korean))
        let koreanTitle = try #require(Localization.title(of: "edge-of-chaos", language: .korean))
        #expect(html.contains(#"<html lang="ko">"#) && html.contains("그림을 읽는 법") && html.contains(textWithCode(korean)))
        #expect(html.contains("<h1>\(escapeHTML(koreanTitle))</h1>") && html.contains("<title>\(escapeHTML(koreanTitle)) — rnnlab lab</title>"))
        #expect(!html.contains(escapeHTML(file.title)), "the English title is left on the Korean page")
        #expect(html.contains(#"data-lang="ko""#) && html.contains(#"href="/lab/edge-of-chaos?lang=ko""#) && html.contains(#"href="/ko/""#))
        #expect(LabPages.script.contains(#"params.set("lang", form.dataset.lang)"#))
    }

    @Test("a field's text becomes the --set argument the CLI takes; strings are quoted so no text changes type")
    func setArguments() {
        #expect(LabPages.setArgument(key: "gaussian_gain", text: "1.2", kind: .double(.all)) == "gaussian_gain=1.2")
        #expect(LabPages.setArgument(key: "cell", text: "lstm", kind: .choice(["lstm", "gru"])) == #"cell="lstm""#)
        #expect(LabPages.setArgument(key: "corpus.path", text: #"a "b".txt"#, kind: .string) == #"corpus.path="a \"b\".txt""#)
        #expect(LabPages.text(.string("lstm")) == "lstm")
        #expect(LabPages.text(.doubles([0.5, 2])) == "[0.5, 2.0]")
    }
}
