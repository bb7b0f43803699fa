import Foundation

/// Text made safe for HTML: `&`, `<`, `>`, `"` and `'` as entities (so it can stand in an
/// element or in a quoted attribute).
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// The reverse of the few entities Ink writes, for text read back out of its HTML.
func unescapeHTML(_ html: String) -> String {
    html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// A heading's anchor as GitHub writes it, so links between chapters (`03-bptt….md#31-the-backward-step`)
/// keep working: lower case, letters (any script), digits, `-` and `_` kept, spaces to `-`, the rest dropped.
public func headingSlug(_ text: String) -> String {
    var out = ""
    for c in text.lowercased().unicodeScalars {
        if c == " " { out += "-" }
        else if c == "-" || c == "_" || CharacterSet.alphanumerics.contains(c) { out.unicodeScalars.append(c) }
    }
    return out
}

/// A path for an `href`/`src`: every component percent-encoded (Hangul file names, spaces), `/` kept.
func hrefPath(_ path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#;")
    return path.split(separator: "/", omittingEmptySubsequences: false)
        .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
        .joined(separator: "/")
}

/// `a/b/../c` → `a/c`; nil when the path climbs above its start (`../x` from the root).
func normalisedRelativePath(_ path: String) -> String? {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == ".." {
            if parts.isEmpty { return nil }
            parts.removeLast()
        } else { parts.append(part) }
    }
    return parts.joined(separator: "/")
}

/// The relative path from the folder holding `from` (site-relative file) to `to` (site-relative).
func relativeHref(from: String, to: String) -> String {
    let depth = from.split(separator: "/").count - 1
    return String(repeating: "../", count: max(0, depth)) + hrefPath(to)
}

/// Plain text (an experiment's description) as HTML: escaped, with its `code` spans as `<code>`.
public func textWithCode(_ text: String) -> String {
    var out = "", open = false
    for c in escapeHTML(text) {
        if c == "`" { out += open ? "</code>" : "<code>"; open.toggle() } else { out.append(c) }
    }
    return open ? out + "</code>" : out
}
