import Foundation

/// One language of the book: a folder of chapters (`NN-topic.md`, a `README.md` table of
/// contents, other pages such as a glossary) and where its pages go in the site. The first
/// edition is the chapters folder itself and its pages sit at the site's root; every other
/// edition is a subfolder named by its language code (`notebooks-md/ko/`) and its pages sit in
/// a folder of that name (`ko/`), so a page's twin in another language has the same file name.
public struct BookEdition: Sendable, Equatable {
    /// BCP 47 code, written into `<html lang>`: "en", "ko".
    public var language: String
    /// The name the language switch shows, in that language: "English", "한국어".
    public var label: String
    /// The folder holding the edition's Markdown files.
    public var folder: URL
    /// The edition's folder in the site: "" for the first, "ko/" for Korean.
    public var sitePrefix: String

    public init(language: String, label: String, folder: URL, sitePrefix: String) {
        self.language = language
        self.label = label
        self.folder = folder
        self.sitePrefix = sitePrefix
    }

    /// Language codes the book knows a label for; a subfolder with another two-letter name and
    /// a README.md is an edition too, labelled by its code.
    public static let labels: [String: String] = ["en": "English", "ko": "한국어"]

    /// The editions under `chapters` (`notebooks-md/`): the folder itself in `language`, then
    /// each language subfolder holding a `README.md`, by code.
    public static func discover(chapters: URL, language: String = "en") -> [BookEdition] {
        var editions = [BookEdition(language: language, label: labels[language] ?? language, folder: chapters, sitePrefix: "")]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: chapters.path)) ?? []
        for name in names.sorted() where name != language && isLanguageCode(name) {
            let folder = chapters.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path) else { continue }
            editions.append(BookEdition(language: name, label: labels[name] ?? name, folder: folder, sitePrefix: name + "/"))
        }
        return editions
    }

    static func isLanguageCode(_ s: String) -> Bool {
        s.count == 2 && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    /// The edition's Markdown pages: README.md first (the table of contents, `index.html`), then
    /// the chapters by file name (their `NN-` prefixes are the lecture's order), then other pages.
    public func pages() -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
        let chapters = names.filter { $0 != "README.md" && $0.first?.isNumber == true }.sorted()
        let others = names.filter { $0 != "README.md" && $0.first?.isNumber != true }.sorted()
        return (names.contains("README.md") ? ["README.md"] : []).map { folder.appendingPathComponent($0) }
            + (chapters + others).map { folder.appendingPathComponent($0) }
    }

    /// The site path of the page made from `markdown` (a file of this edition).
    public func sitePath(of markdown: URL) -> String {
        let name = markdown.lastPathComponent
        return sitePrefix + (name == "README.md" ? "index.html" : String(name.dropLast(3)) + ".html")
    }
}

/// The words the book writes itself (captions, buttons), per language; English for any other.
struct BookWords {
    var howToRead: String
    var regenerate: String
    var runInLab: String
    var copy: String
    var copied: String
    var output: String
    var implementedIn: String
    var contents: String
    var overview: String
    var sourceOf: String

    static func of(_ language: String) -> BookWords {
        switch language {
        case "ko":
            return BookWords(howToRead: "이 그림을 읽는 법", regenerate: "이 그림을 다시 만드는 명령",
                             runInLab: "실험실에서 설정을 바꿔 실행하기", copy: "복사", copied: "복사됨",
                             output: "출력", implementedIn: "구현", contents: "차례", overview: "개요 (영어)",
                             sourceOf: "소스")
        default:
            return BookWords(howToRead: "How to read this figure", regenerate: "The command that regenerates it",
                             runInLab: "Change its settings and run it in the lab", copy: "Copy", copied: "Copied",
                             output: "output", implementedIn: "Implemented in", contents: "Contents", overview: "Overview",
                             sourceOf: "Source")
        }
    }
}
