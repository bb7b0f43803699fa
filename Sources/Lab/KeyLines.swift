/// The line on which each key of a TOML document is written, found by scanning the text, because
/// TOMLKit reports positions only for syntax errors. Runs after the parser accepted the document,
/// so it can be lenient: it follows table headers (`[a.b]`, `[[a]]`), dotted keys (`a.b = 1`,
/// which also mark `a`), quoted keys, comments, and strings and arrays spanning lines. Keys inside an
/// inline table (`cell = { hidden = 4 }`) are reported at the line of the table's key.
struct KeyLines {
    private var lines: [[String]: Int] = [:]
    /// Lines whose table header does not start with a key (`[(x]`, `[.x]`, `[=x]`): the TOML
    /// parser's C++ core aborts the process on these instead of reporting them, so they are found
    /// here first (see `parseTOML`).
    private(set) var malformedHeaders: [Int] = []
    /// Each `key = value` line, with whether a comment sits on it or on the line just above.
    private(set) var assignments: [(path: [String], line: Int, commented: Bool)] = []

    init(source: String) {
        var table: [String] = []
        var openString: [Character]?   // the delimiter of a multi-line string still open
        var depth = 0                  // brackets of a value continuing on the next lines
        var afterComment = false       // the previous line held only a comment
        let textLines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, text) in textLines.enumerated() {
            let line = index + 1, c = Array(text)
            if openString != nil || depth > 0 {
                _ = Self.scanValue(c, from: 0, openString: &openString, depth: &depth)
                afterComment = false
                continue
            }
            var i = Self.skipSpace(c, 0)
            let commentAbove = afterComment
            afterComment = i < c.count && c[i] == "#"
            guard i < c.count, c[i] != "#" else { continue }
            if c[i] == "[" {
                i += (i + 1 < c.count && c[i + 1] == "[") ? 2 : 1
                let first = Self.skipSpace(c, i)
                if first >= c.count || !(isBareKeyCharacter(c[first]) || c[first] == "\"" || c[first] == "'") {
                    malformedHeaders.append(line)
                }
                if let key = Self.parseKey(c, &i) {
                    table = key
                    record(key, line)
                }
                continue
            }
            guard let key = Self.parseKey(c, &i) else { continue }
            i = Self.skipSpace(c, i)
            guard i < c.count, c[i] == "=" else { continue }
            record(table + key, line)
            let trailing = Self.scanValue(c, from: i + 1, openString: &openString, depth: &depth)
            assignments.append((table + key, line, commentAbove || trailing))
        }
    }

    /// The line of `path`, or of its nearest ancestor written in the file.
    func line(of path: [String]) -> Int? {
        for n in stride(from: path.count, to: 0, by: -1) {
            if let line = lines[Array(path.prefix(n))] { return line }
        }
        return nil
    }

    /// Records `path` and each table it implies, keeping the first line seen.
    private mutating func record(_ path: [String], _ line: Int) {
        for n in 1...max(1, path.count) where lines[Array(path.prefix(n))] == nil {
            lines[Array(path.prefix(n))] = line
        }
    }

    private static func skipSpace(_ c: [Character], _ start: Int) -> Int {
        var i = start
        while i < c.count, c[i] == " " || c[i] == "\t" { i += 1 }
        return i
    }

    /// `a . "b c" . 'd'` → ["a", "b c", "d"], leaving `i` after the last part.
    private static func parseKey(_ c: [Character], _ i: inout Int) -> [String]? {
        var parts: [String] = []
        while true {
            i = skipSpace(c, i)
            guard i < c.count else { return nil }
            var part = ""
            if c[i] == "\"" || c[i] == "'" {
                let quote = c[i]
                i += 1
                while i < c.count, c[i] != quote {
                    if quote == "\"", c[i] == "\\", i + 1 < c.count { i += 1 }
                    part.append(c[i])
                    i += 1
                }
                i += 1
            } else {
                while i < c.count, isBareKeyCharacter(c[i]) { part.append(c[i]); i += 1 }
                if part.isEmpty { return nil }
            }
            parts.append(part)
            i = skipSpace(c, i)
            guard i < c.count, c[i] == "." else { return parts }
            i += 1
        }
    }

    /// Skips a value's text, noting a multi-line string or bracket left open at the end of the line;
    /// true if the line ends in a comment.
    private static func scanValue(_ c: [Character], from start: Int, openString: inout [Character]?,
                                  depth: inout Int) -> Bool {
        var i = start
        if let delimiter = openString {
            guard let end = close(delimiter, c, from: i) else { return false }
            i = end
            openString = nil
        }
        while i < c.count {
            switch c[i] {
            case "#":
                return true
            case "[", "{":
                depth += 1
                i += 1
            case "]", "}":
                depth = max(0, depth - 1)
                i += 1
            case "\"", "'":
                let quote = c[i]
                if i + 2 < c.count, c[i + 1] == quote, c[i + 2] == quote {
                    let delimiter = [quote, quote, quote]
                    guard let end = close(delimiter, c, from: i + 3) else { openString = delimiter; return false }
                    i = end
                } else {
                    i += 1
                    while i < c.count, c[i] != quote {
                        if quote == "\"", c[i] == "\\" { i += 1 }
                        i += 1
                    }
                    i += 1
                }
            default:
                i += 1
            }
        }
        return false
    }

    /// The index just after the closing `delimiter` of a multi-line string, if it is on this line.
    private static func close(_ delimiter: [Character], _ c: [Character], from start: Int) -> Int? {
        var i = start
        while i + 3 <= c.count {
            if delimiter[0] == "\"", c[i] == "\\" { i += 2; continue }
            if Array(c[i..<i + 3]) == delimiter {
                var end = i + 3
                while end < c.count, c[end] == delimiter[0] { end += 1 }   // `""""` ends with a quote
                return end
            }
            i += 1
        }
        return nil
    }
}
