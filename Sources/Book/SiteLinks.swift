import Foundation

/// Where each link and image of a chapter points in the site. A chapter links by repository
/// paths (`../Sources/Recurrence/BPTT.swift`, `../plots/NAME/x.png`, `04-gradient-clipping.md#…`);
/// in the site a chapter becomes its page, a source file a page with line numbers under `repo/`,
/// and any other file of the repository a copy under `repo/`, so the book works from `file://`.
/// A link that leaves the repository, or names nothing in it, is left as written.
final class SiteLinks {
    let root: URL
    /// Repository-relative Markdown path → site path, for every page of every edition.
    var pages: [String: String] = [:]
    /// Repository-relative files to copy into `repo/`.
    private(set) var copies: Set<String> = []
    /// Repository-relative files to show as pages with line numbers (`repo/PATH.html`).
    private(set) var sources: Set<String> = []
    /// Repository-relative folders to list (`repo/PATH/index.html`).
    private(set) var folders: Set<String> = []

    /// Files shown as text pages rather than copied as they are.
    static let sourceExtensions: Set<String> = ["swift", "h", "c", "py", "gp", "toml", "sh", "modulemap", "md", "txt", "tsv"]

    init(root: URL) { self.root = root }

    /// The repository-relative path `href` names from the Markdown file `from` (repository-relative),
    /// with its `#fragment`; nil for an external link, a bare fragment, or a path outside the repository.
    func repositoryPath(_ href: String, from: String) -> (path: String, fragment: String)? {
        if href.isEmpty || href.hasPrefix("#") || href.contains("://") || href.hasPrefix("mailto:") || href.hasPrefix("/") { return nil }
        var path = href, fragment = ""
        if let hash = href.firstIndex(of: "#") {
            path = String(href[..<hash]); fragment = String(href[hash...])
        }
        path = path.removingPercentEncoding ?? path
        let folder = (from as NSString).deletingLastPathComponent
        guard let normalised = normalisedRelativePath(folder.isEmpty ? path : folder + "/" + path) else { return nil }
        return (normalised, fragment)
    }

    /// The `href` to write in the page at `sitePath` for a link written `href` in `from`.
    func resolve(_ href: String, from: String, sitePath: String) -> String {
        guard let (path, fragment) = repositoryPath(href, from: from) else { return href }
        return target(path, fragment: fragment, sitePath: sitePath) ?? href
    }

    /// The `href` to write in the page at `sitePath` for the repository path `path`; nil when it names nothing.
    func target(_ path: String, fragment: String = "", sitePath: String) -> String? {
        if let page = pages[path] { return relativeHref(from: sitePath, to: page) + fragment }
        var isFolder: ObjCBool = false
        let url = root.appendingPathComponent(path)
        guard !path.isEmpty, FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue {
            folders.insert(path)
            return relativeHref(from: sitePath, to: "repo/\(path)/index.html")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if Self.sourceExtensions.contains(ext) || url.lastPathComponent == "module.modulemap" {
            sources.insert(path)
            return relativeHref(from: sitePath, to: "repo/\(path).html") + lineFragment(fragment)
        }
        copies.insert(path)
        return relativeHref(from: sitePath, to: "repo/\(path)") + fragment
    }

    /// GitHub's `#L12` and `#L12-L20` line anchors become the source page's `#L12`.
    private func lineFragment(_ fragment: String) -> String {
        guard fragment.hasPrefix("#L") else { return fragment }
        return String(fragment.prefix { $0 != "-" })
    }

    /// The image to show for `src` (repository-relative): its SVG twin when one stands beside a
    /// PNG (sharp at every zoom), else the file itself; copied into the site. Nil when missing.
    /// A figure of another language's edition (`plots/ko/NAME/x.png`) that is not there falls back
    /// to the first edition's (`plots/NAME/x.png`), so a page shows a figure while its translation is drawn.
    func image(_ src: String, from: String, sitePath: String) -> (href: String, fallback: String?, path: String)? {
        guard var (path, _) = repositoryPath(src, from: from) else { return nil }
        let exists = { (p: String) in FileManager.default.fileExists(atPath: self.root.appendingPathComponent(p).path) }
        if !exists(path) {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 4, parts[0] == "plots", BookEdition.isLanguageCode(parts[1]) else { return nil }
            path = ([parts[0]] + parts.dropFirst(2)).joined(separator: "/")
            guard exists(path) else { return nil }
        }
        copies.insert(path)
        let href = relativeHref(from: sitePath, to: "repo/\(path)")
        if path.hasSuffix(".png") {
            let svg = String(path.dropLast(4)) + ".svg"
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(svg).path) {
                copies.insert(svg)
                return (relativeHref(from: sitePath, to: "repo/\(svg)"), href, path)
            }
        }
        return (href, nil, path)
    }
}
