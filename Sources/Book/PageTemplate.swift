import Foundation

/// The frame every page of the book shares: the head (style sheet, KaTeX, script, all by
/// relative paths so `file://` works), the sidebar in lecture order, and the language switch,
/// which leads to the same page in each other edition (or to its table of contents when that
/// edition has no such page).
struct PageTemplate {
    let sitePath: String
    let edition: BookEdition
    let editions: [BookEdition]
    /// Site path → title, for every page of every edition.
    let titles: [String: String]
    let hasOverview: Bool
    let katex: Bool
    /// Site paths that exist (for the language switch).
    let existing: Set<String>

    private func href(_ to: String) -> String { escapeHTML(relativeHref(from: sitePath, to: to)) }

    func page(title: String, body: String) -> String {
        let words = BookWords.of(edition.language)
        var head = """
        <!doctype html>
        <html lang="\(escapeHTML(edition.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(stripTags(title))) — rnnlab</title>
        <link rel="icon" href="data:,">

        """
        if katex {
            head += "<link rel=\"stylesheet\" href=\"\(href("assets/katex/katex.min.css"))\">\n"
            head += "<script defer src=\"\(href("assets/katex/katex.min.js"))\"></script>\n"
        }
        head += "<link rel=\"stylesheet\" href=\"\(href("assets/book.css"))\">\n"
        head += "<script defer src=\"\(href("assets/book.js"))\"></script>\n</head>\n"
        return head + "<body>\n" + sidebar(words) + "<main class=\"page\">\n" + body + "\n</main>\n</body>\n</html>\n"
    }

    func sidebar(_ words: BookWords) -> String {
        var html = "<nav class=\"sidebar\">\n<p class=\"brand\"><a href=\"\(href(edition.sitePrefix + "index.html"))\">rnnlab</a></p>\n"
        if editions.count > 1 {
            html += "<p class=\"languages\">"
            html += editions.map { other -> String in
                if other == edition { return "<strong lang=\"\(escapeHTML(other.language))\">\(escapeHTML(other.label))</strong>" }
                let name = (sitePath as NSString).lastPathComponent
                let inEdition = editions.contains { sitePath == $0.sitePrefix + name }
                let twin = other.sitePrefix + name
                let target = inEdition && existing.contains(twin) ? twin : other.sitePrefix + "index.html"
                return "<a class=\"language\" lang=\"\(escapeHTML(other.language))\" hreflang=\"\(escapeHTML(other.language))\" href=\"\(href(target))\">\(escapeHTML(other.label))</a>"
            }.joined(separator: " | ")
            html += "</p>\n"
        }
        html += "<ol class=\"toc\">\n"
        let own = titles.keys.filter { path in
            path.hasPrefix(edition.sitePrefix) && !path.dropFirst(edition.sitePrefix.count).contains("/") && path != "overview.html"
        }.sorted { a, b in
            // the table of contents first, then by file name (chapters are numbered)
            if a.hasSuffix("/index.html") || a == "index.html" { return true }
            if b.hasSuffix("/index.html") || b == "index.html" { return false }
            return a < b
        }
        for path in own {
            let name = path == edition.sitePrefix + "index.html" ? words.contents : titles[path] ?? path
            let current = path == sitePath ? " class=\"current\" aria-current=\"page\"" : ""
            html += "<li\(current)><a href=\"\(href(path))\">\(escapeHTML(name))</a></li>\n"
        }
        if hasOverview {
            let current = sitePath == "overview.html" ? " class=\"current\" aria-current=\"page\"" : ""
            html += "<li\(current)><a href=\"\(href("overview.html"))\">\(escapeHTML(words.overview))</a></li>\n"
        }
        html += "</ol>\n<p class=\"served-only lab-link\"><a href=\"/lab/\">Lab: run the experiments →</a></p>\n</nav>\n"
        return html
    }
}
