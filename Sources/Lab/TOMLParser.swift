/// The parser behind `TOMLDocument(parsing:)`: one pass over the UTF-8 bytes, after a first pass
/// that finds the lines and refuses control characters. Tables are built in an arena (`nodes`,
/// addressed by index) so that adding a key deep in the document is a constant-time append,
/// whatever the nesting; the arena becomes `TOMLTable` values once, at the end (an inline table
/// when it closes).
final class TOMLParser {
    private let bytes: [UInt8]
    private var pos = 0
    /// Offsets at which each line starts, found before parsing.
    private var lineStarts = [0]
    /// The last position computed, so successive positions on one long line cost what lies between.
    private var cached = (offset: 0, column: 1)
    private var nodes: [Node] = []
    private var lists: [(position: TOMLPosition, members: [Int])] = []
    private(set) var comments: [TOMLComment] = []

    /// How a table came to exist, which decides what may still add to it.
    private enum Origin {
        /// Named only as a prefix of a header (`a` in `[a.b]`): a later `[a]` may define it.
        case implicit
        /// `[a]`, an element of `[[a]]`, or the root: defined; a dotted key elsewhere may not add to it.
        case header
        /// Created by a dotted key (`a.b = 1` makes `a`): defined; headers may add sub-tables.
        case dotted
        /// `{ … }`: complete when it closes.
        case inline
    }

    private enum Slot {
        case value(TOMLValue)
        case table(Int)
        /// An array of tables, `lists[i]`.
        case tables(Int)
    }

    private struct Node {
        var origin: Origin
        /// Where it was defined: its header, or the dotted key that created it.
        var definedAt: TOMLPosition?
        var depth: Int
        var position: TOMLPosition
        var entries: [(key: String, position: TOMLPosition, slot: Slot)] = []
        var index: [[UInt8]: Int] = [:]
    }

    private struct KeyPart {
        var name: String
        var bytes: [UInt8]
        var position: TOMLPosition
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    func document() throws(TOMLError) -> TOMLTable {
        try findLines()
        let root = newNode(.header, depth: 0, at: TOMLPosition(line: 1, column: 1))
        var current = root
        while true {
            skipBlanks()
            guard let b = peek() else { break }
            var what = "the value"
            if b == .hash || b == .lf || b == .cr {
                // a comment or a blank line: the end of the line follows
            } else if b == .leftBracket {
                current = try tableHeader()
                what = "the table header"
            } else {
                try keyValue(into: current)
            }
            skipBlanks()
            takeComment()
            guard atEnd || takeNewline() else { throw error("expected the end of the line after \(what), got \(shownHere)") }
        }
        return table(root)
    }

    // MARK: Lines and positions

    /// Records where lines start and refuses control characters: TOML allows none but tab anywhere
    /// (in strings, comments or between tokens), and a carriage return only before a line feed.
    private func findLines() throws(TOMLError) {
        for i in bytes.indices {
            let b = bytes[i]
            if b == .lf {
                lineStarts.append(i + 1)
            } else if b < 0x20 && b != .tab || b == 0x7F {
                if b == .cr {
                    if i + 1 < bytes.count && bytes[i + 1] == .lf { continue }
                    throw error(at: i, "carriage return (U+000D) not followed by a newline; TOML allows CR only in CR LF")
                }
                let hex = String(b, radix: 16, uppercase: true)
                throw error(at: i, "control character U+" + String(repeating: "0", count: 4 - hex.count) + hex
                    + "; TOML allows no control character but tab (and CR in CR LF)")
            }
        }
    }

    private func position(_ offset: Int) -> TOMLPosition {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        var (from, column) = (start, 1)
        if cached.offset >= start && cached.offset <= offset { (from, column) = cached }
        for i in from..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        cached = (offset, column)
        return TOMLPosition(line: low + 1, column: column)
    }

    private func error(at offset: Int? = nil, _ message: String) -> TOMLError {
        let p = position(offset ?? pos)
        return TOMLError(line: p.line, column: p.column, message: message)
    }

    private func error(at p: TOMLPosition, _ message: String) -> TOMLError {
        TOMLError(line: p.line, column: p.column, message: message)
    }

    // MARK: Bytes

    private var atEnd: Bool { pos >= bytes.count }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        pos + ahead < bytes.count ? bytes[pos + ahead] : nil
    }

    private func starts(with text: StaticString, at offset: Int) -> Bool {
        let n = text.utf8CodeUnitCount
        guard offset + n <= bytes.count else { return false }
        for i in 0..<n where bytes[offset + i] != text.utf8Start[i] { return false }
        return true
    }

    /// Spaces and tabs.
    private func skipBlanks() {
        while let b = peek(), b == .space || b == .tab { pos += 1 }
    }

    /// LF or CR LF.
    private func takeNewline() -> Bool {
        if peek() == .lf { pos += 1; return true }
        if peek() == .cr && peek(1) == .lf { pos += 2; return true }
        return false
    }

    private func takeComment() {
        guard peek() == .hash else { return }
        let start = pos
        while let b = peek(), b != .lf, b != .cr { pos += 1 }
        let p = position(start)
        let lineStart = lineStarts[p.line - 1]
        let alone = bytes[lineStart..<start].allSatisfy { $0 == .space || $0 == .tab }
        comments.append(TOMLComment(position: p, text: String(decoding: bytes[(start + 1)..<pos], as: UTF8.self),
                                    standsAlone: alone))
    }

    /// Blanks, comments and newlines, as between the elements of an array.
    private func skipBlankLines() {
        while true {
            skipBlanks()
            takeComment()
            if !takeNewline() { return }
        }
    }

    /// What stands at `offset`, for "got …": "'x'", "the end of the line", "the end of the file".
    private func shown(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let b = bytes[offset]
        if b == .lf || b == .cr { return "the end of the line" }
        let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        return "'" + String(decoding: bytes[offset..<min(offset + length, bytes.count)], as: UTF8.self) + "'"
    }

    private var shownHere: String { shown(at: pos) }

    /// A token or key for a message, quoted and cut to 60 characters.
    private func shown(_ text: String) -> String {
        "'" + (text.count > 60 ? String(text.prefix(50)) + "… (\(text.count) characters)" : text) + "'"
    }

    /// A key as TOML writes it (`a."b c"`), cut to 60 characters.
    private func written(_ key: some Collection<KeyPart>) -> String {
        let text = key.map { !$0.name.isEmpty && $0.name.allSatisfy(isBareKeyCharacter) ? $0.name : quoted($0.name) }
            .joined(separator: ".")
        return text.count > 60 ? String(text.prefix(50)) + "… (\(text.count) characters)" : text
    }

    /// Why `key`, first written at `line` and holding `slot` (not a table), cannot take keys.
    private func notATable(_ key: String, _ slot: Slot, line: Int) -> String {
        switch slot {
        case .value(let v) where v.table != nil: "key '\(key)' is an inline table (line \(line)), which cannot be extended"
        case .value(let v) where v.array != nil: "key '\(key)' already holds an array (line \(line)), not a table"
        case .value: "key '\(key)' already holds a value (line \(line)), not a table"
        case .table: "key '\(key)' is a table (line \(line))"
        case .tables: "key '\(key)' is an array of tables (line \(line)); a dotted key cannot add to it"
        }
    }

    private static let tooDeep = "nested more than \(TOMLDocument.maxDepth) deep (tables, arrays and inline tables)"

    // MARK: Tables

    private func newNode(_ origin: Origin, depth: Int, at position: TOMLPosition, definedAt: TOMLPosition? = nil) -> Int {
        nodes.append(Node(origin: origin, definedAt: definedAt, depth: depth, position: position))
        return nodes.count - 1
    }

    private func add(_ key: KeyPart, _ slot: Slot, to table: Int) {
        nodes[table].index[key.bytes] = nodes[table].entries.count
        nodes[table].entries.append((key.name, key.position, slot))
    }

    /// A new table under `key` of `parent` (as the next element of an array of tables if `inList`),
    /// refused past the depth limit.
    private func addTable(_ key: KeyPart, to parent: Int, _ origin: Origin, definedAt: TOMLPosition? = nil,
                                   inList: Bool = false) throws(TOMLError) -> Int {
        let depth = nodes[parent].depth + (inList ? 2 : 1)
        guard depth <= TOMLDocument.maxDepth else { throw error(at: key.position, Self.tooDeep) }
        return newNode(origin, depth: depth, at: definedAt ?? key.position, definedAt: definedAt)
    }

    private func existing(_ key: KeyPart, in table: Int) -> (position: TOMLPosition, slot: Slot)? {
        nodes[table].index[key.bytes].map { (nodes[table].entries[$0].position, nodes[table].entries[$0].slot) }
    }

    /// `[key]` or `[[key]]`; returns the table that the following key/value lines fill.
    private func tableHeader() throws(TOMLError) -> Int {
        let at = position(pos)
        pos += 1
        let isList = peek() == .leftBracket
        if isList { pos += 1 }
        let key = try dottedKey(.header)
        var header: String { isList ? "[[\(written(key))]]" : "[\(written(key))]" }
        guard peek() == .rightBracket, !isList || peek(1) == .rightBracket else {
            if peek() == .rightBracket { pos += 1 }   // `[[a]`: what stands after the one ']'
            throw error("expected '\(isList ? "]]" : "]")' to close the header \(header), got \(shownHere)")
        }
        pos += isList ? 2 : 1

        // Every part but the last names a table to go into: any table will do, and an array of
        // tables means its last element.
        var current = 0
        for (n, part) in key.dropLast().enumerated() {
            switch existing(part, in: current) {
            case nil:
                let id = try addTable(part, to: current, .implicit)
                add(part, .table(id), to: current)
                current = id
            case (_, .table(let id))?: current = id
            case (_, .tables(let list))?: current = lists[list].members[lists[list].members.count - 1]
            case (let first, let slot)?:
                throw error(at: part.position, notATable(written(key.prefix(n + 1)), slot, line: first.line))
            }
        }

        let last = key[key.count - 1]
        switch (existing(last, in: current), isList) {
        case (nil, false):
            let id = try addTable(last, to: current, .header, definedAt: at)
            add(last, .table(id), to: current)
            return id
        case (nil, true):
            let id = try addTable(last, to: current, .header, definedAt: at, inList: true)
            lists.append((at, [id]))
            add(last, .tables(lists.count - 1), to: current)
            return id
        case ((_, .tables(let list))?, true):
            let id = try addTable(last, to: current, .header, definedAt: at, inList: true)
            lists[list].members.append(id)
            return id
        case ((_, .table(let id))?, false) where nodes[id].origin == .implicit:
            nodes[id].origin = .header
            nodes[id].definedAt = at
            nodes[id].position = at
            return id
        case ((let first, .table(let id))?, false):
            let line = nodes[id].definedAt?.line ?? first.line
            throw error(at: at, nodes[id].origin == .dotted
                ? "table \(header) is already defined by the dotted key at line \(line)"
                : "table \(header) is defined twice (first at line \(line))")
        case ((_, .tables(let list))?, false):
            throw error(at: at, "\(header) names an array of tables (first [[…]] at line \(lists[list].position.line)), not a table")
        case ((let first, .table)?, true):
            throw error(at: at, "\(header) names a table (line \(first.line)), not an array of tables")
        case ((let first, let slot)?, false):
            throw error(at: last.position, notATable(written(key), slot, line: first.line))
        case ((let first, _)?, true):
            throw error(at: last.position, "key '\(written(key))' already holds a value (line \(first.line)); "
                + "\(header) adds only to an array of tables made by [[…]]")
        }
    }

    /// `key = value` into `table`: the table of the last header, or an inline table being read.
    private func keyValue(into table: Int, inline: Bool = false) throws(TOMLError) {
        let key = try dottedKey(inline ? .inline : .line)
        guard peek() == .equals else {
            throw error("expected '=' after the key '\(written(key))', got \(shownHere)")
        }
        pos += 1
        skipBlanks()
        let value = try value(depth: nodes[table].depth + key.count)

        // Every part but the last names a table that dotted keys may fill: one they made, or one
        // that was only the prefix of a header so far.
        var current = table
        for (n, part) in key.dropLast().enumerated() {
            switch existing(part, in: current) {
            case nil:
                let id = try addTable(part, to: current, .dotted, definedAt: part.position)
                add(part, .table(id), to: current)
                current = id
            case (_, .table(let id))? where nodes[id].origin == .dotted:
                current = id
            case (_, .table(let id))? where nodes[id].origin == .implicit:
                nodes[id].origin = .dotted
                nodes[id].definedAt = part.position
                current = id
            case (let first, .table(let id))?:
                throw error(at: part.position, "key '\(written(key.prefix(n + 1)))' is a table defined by its header "
                    + "at line \(nodes[id].definedAt?.line ?? first.line); a dotted key cannot add to it")
            case (let first, let slot)?:
                throw error(at: part.position, notATable(written(key.prefix(n + 1)), slot, line: first.line))
            }
        }
        let last = key[key.count - 1]
        if let (first, _) = existing(last, in: current) {
            throw error(at: last.position, "duplicate key '\(written(key))' (first at line \(first.line))")
        }
        add(last, .value(value), to: current)
    }

    // MARK: Keys

    private enum KeyPlace { case line, header, inline, afterDot }

    /// `a`, `a.b`, `"a b" . 'c'`: blanks around the dots, and after the key, are skipped.
    private func dottedKey(_ place: KeyPlace) throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipBlanks()
            parts.append(try simpleKey(parts.isEmpty ? place : .afterDot))
            skipBlanks()
            guard peek() == .dot else { return parts }
            pos += 1
        }
    }

    private func simpleKey(_ place: KeyPlace) throws(TOMLError) -> KeyPart {
        let start = pos
        let at = position(start)
        switch peek() {
        case .quote?, .apostrophe?:
            if starts(with: "\"\"\"", at: pos) || starts(with: "'''", at: pos) {
                throw error("a key cannot be a multi-line string")
            }
            let name = try peek() == .quote ? basicString() : literalString()
            return KeyPart(name: name, bytes: Array(name.utf8), position: at)
        case let b? where isBareKeyByte(b):
            while let b = peek(), isBareKeyByte(b) { pos += 1 }
            let name = Array(bytes[start..<pos])
            return KeyPart(name: String(decoding: name, as: UTF8.self), bytes: name, position: at)
        default:
            let kinds = "(letters, digits, '_' or '-', or a quoted key)"
            switch place {
            case .line: throw error("expected a key \(kinds), got \(shownHere)")
            case .header: throw error("a table header must start with a key \(kinds), got \(shownHere)")
            case .afterDot: throw error("expected a key after '.', got \(shownHere)")
            case .inline:
                if atEnd || peek() == .lf || peek() == .cr || peek() == .hash { throw inlineTableOpen() }
                throw error("expected a key in the inline table, got \(shownHere)")
            }
        }
    }

    private func isBareKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == .underscore || b == .minus
    }

    // MARK: Values

    private func value(depth: Int) throws(TOMLError) -> TOMLValue {
        let at = position(pos)
        switch peek() {
        case nil, .lf?, .cr?:
            throw error("expected a value, got \(shownHere)")
        case .quote?:
            let s = try starts(with: "\"\"\"", at: pos) ? multilineString(quote: .quote) : basicString()
            return TOMLValue(content: .string(s), position: at)
        case .apostrophe?:
            let s = try starts(with: "'''", at: pos) ? multilineString(quote: .apostrophe) : literalString()
            return TOMLValue(content: .string(s), position: at)
        case .leftBracket?, .leftBrace?:
            guard depth <= TOMLDocument.maxDepth else { throw error(Self.tooDeep) }
            return try peek() == .leftBracket ? array(depth: depth, at: at) : inlineTable(depth: depth, at: at)
        case let b? where isTokenByte(b):
            return TOMLValue(content: try scalar(), position: at)
        default:
            throw error("expected a value (a string, number, true or false, date, array or inline table), got \(shownHere)")
        }
    }

    /// `[ value, value, ]`: newlines, comments and a trailing comma allowed; types may mix.
    private func array(depth: Int, at: TOMLPosition) throws(TOMLError) -> TOMLValue {
        let start = pos
        pos += 1
        var elements: [TOMLValue] = []
        while true {
            skipBlankLines()
            if peek() == .rightBracket { break }
            if atEnd { throw error(at: start, "unterminated array: no ']' before the end of the file") }
            elements.append(try value(depth: depth + 1))
            skipBlankLines()
            if peek() == .comma { pos += 1; continue }
            if peek() == .rightBracket { break }
            if atEnd { throw error(at: start, "unterminated array: no ']' before the end of the file") }
            throw error("expected ',' or ']' after an element of the array, got \(shownHere)")
        }
        pos += 1
        return TOMLValue(content: .array(elements), position: at)
    }

    /// `{ key = value, … }` on one line, without a trailing comma (TOML 1.0).
    private func inlineTable(depth: Int, at: TOMLPosition) throws(TOMLError) -> TOMLValue {
        pos += 1
        let id = newNode(.inline, depth: depth, at: at, definedAt: at)
        skipBlanks()
        if peek() == .rightBrace {
            pos += 1
            return TOMLValue(content: .table(table(id)), position: at)
        }
        while true {
            try keyValue(into: id, inline: true)
            skipBlanks()
            switch peek() {
            case .comma?:
                pos += 1
                skipBlanks()
                if peek() == .rightBrace { throw error("a trailing comma is not allowed in an inline table") }
            case .rightBrace?:
                pos += 1
                return TOMLValue(content: .table(table(id)), position: at)
            case nil, .lf?, .cr?, .hash?:
                throw inlineTableOpen()
            default:
                throw error("expected ',' or '}' after a value in the inline table, got \(shownHere)")
            }
        }
    }

    private func inlineTableOpen() -> TOMLError {
        error("an inline table must close on the line it opens (no newline or comment inside { }), got \(shownHere)")
    }

    /// The arena's table `id` as a value, its tables converted with it.
    private func table(_ id: Int) -> TOMLTable {
        let node = nodes[id]
        return TOMLTable(entries: node.entries.map { entry in
            let value: TOMLValue
            switch entry.slot {
            case .value(let v): value = v
            case .table(let t): value = TOMLValue(content: .table(table(t)), position: nodes[t].position)
            case .tables(let l):
                value = TOMLValue(content: .array(lists[l].members.map {
                    TOMLValue(content: .table(table($0)), position: nodes[$0].position)
                }), position: lists[l].position)
            }
            return TOMLTable.Entry(key: entry.key, position: entry.position, value: value)
        }, index: node.index)
    }

    // MARK: Strings

    /// `"…"`, with escapes, ending on its line.
    private func basicString() throws(TOMLError) -> String {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek(), b != .lf, b != .cr else {
                throw error(at: start, "unterminated string: a \"…\" string ends on its line (\"\"\"…\"\"\" spans lines)")
            }
            pos += 1
            if b == .quote { return String(decoding: out, as: UTF8.self) }
            if b == .backslash { try escape(into: &out, string: start) } else { out.append(b) }
        }
    }

    /// `'…'`, as written, ending on its line.
    private func literalString() throws(TOMLError) -> String {
        let start = pos
        pos += 1
        while let b = peek(), b != .apostrophe, b != .lf, b != .cr { pos += 1 }
        guard peek() == .apostrophe else {
            throw error(at: start, "unterminated string: a '…' string ends on its line ('''…''' spans lines)")
        }
        pos += 1
        return String(decoding: bytes[(start + 1)..<(pos - 1)], as: UTF8.self)
    }

    /// `"""…"""` or `'''…'''`: a newline right after the opening is dropped, CR LF reads as LF, and
    /// up to two quotes may stand before the closing three. In `"""`, escapes apply and a
    /// backslash ending a line drops it with all blanks and newlines that follow.
    private func multilineString(quote: UInt8) throws(TOMLError) -> String {
        let start = pos
        pos += 3
        _ = takeNewline()
        var out: [UInt8] = []
        while true {
            guard let b = peek() else {
                let q = quote == .quote ? "\"\"\"" : "'''"
                throw error(at: start, "unterminated multi-line string: no closing \(q) before the end of the file")
            }
            if b == quote {
                var n = 0
                while n < 5 && peek() == quote { pos += 1; n += 1 }
                if n >= 3 {
                    out.append(contentsOf: repeatElement(quote, count: n - 3))
                    return String(decoding: out, as: UTF8.self)
                }
                out.append(contentsOf: repeatElement(quote, count: n))
                continue
            }
            pos += 1
            if b == .backslash && quote == .quote {
                var k = pos
                while k < bytes.count && (bytes[k] == .space || bytes[k] == .tab) { k += 1 }
                if k < bytes.count && (bytes[k] == .lf || bytes[k] == .cr) {
                    pos = k
                    while let c = peek(), c == .space || c == .tab || c == .lf || c == .cr { pos += 1 }
                } else {
                    try escape(into: &out, string: start)
                }
            } else if b != .cr {   // the CR of a CR LF
                out.append(b)
            }
        }
    }

    /// The escape after a backslash: \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX.
    private func escape(into out: inout [UInt8], string start: Int) throws(TOMLError) {
        let at = pos - 1
        guard let e = peek() else {
            throw error(at: start, "unterminated string: the file ends after a backslash")
        }
        pos += 1
        let simple: UInt8? = switch e {
        case .b: 0x08
        case .t: 0x09
        case .n: 0x0A
        case .f: 0x0C
        case .r: 0x0D
        case .quote, .backslash: e
        default: nil
        }
        if let simple {
            out.append(simple)
            return
        }
        guard e == .u || e == .U else {
            let what = e >= 0x21 && e < 0x7F ? "'\\" + String(UnicodeScalar(e)) + "'" : "'\\' followed by " + shown(at: at + 1)
            throw error(at: at, "invalid escape \(what); TOML has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX")
        }
        let n = e == .u ? 4 : 8
        var value: UInt32 = 0
        for _ in 0..<n {
            guard let h = peek(), let digit = hexValue(h) else {
                throw error(at: at, "\\\(e == .u ? "u" : "U") needs \(n) hexadecimal digits, got \(shownHere)")
            }
            value = value << 4 | UInt32(digit)
            pos += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            let text = String(decoding: bytes[at..<pos], as: UTF8.self)
            throw error(at: at, "\(text) is not a Unicode scalar value (surrogates D800–DFFF and values past 10FFFF are not)")
        }
        UTF8.encode(scalar) { out.append($0) }
    }

    private func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }

    // MARK: Numbers, booleans, dates

    /// Letters, digits and `_ + - . :`: what a number, a boolean or a date is made of.
    private func isTokenByte(_ b: UInt8) -> Bool {
        isBareKeyByte(b) || b == .plus || b == .dot || b == .colon
    }

    private func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A boolean, an integer, a float or a date, read as one token (a date and a time may be
    /// joined by a space: `1979-05-27 07:32:00`).
    private func scalar() throws(TOMLError) -> TOMLValue.Content {
        let start = pos
        while let b = peek(), isTokenByte(b) { pos += 1 }
        let isDate = pos - start >= 5 && (0..<4).allSatisfy { isDigit(bytes[start + $0]) } && bytes[start + 4] == .minus
        if isDate && pos - start == 10 && peek() == .space && isDigit(peek(1)) && isDigit(peek(2)) && peek(3) == .colon {
            pos += 1
            while let b = peek(), isTokenByte(b) { pos += 1 }
        }
        let token = bytes[start..<pos]
        if token.elementsEqual("true".utf8) { return .boolean(true) }
        if token.elementsEqual("false".utf8) { return .boolean(false) }
        var text: String { String(decoding: token, as: UTF8.self) }
        let isTime = token.count >= 3 && isDigit(bytes[start]) && isDigit(bytes[start + 1]) && bytes[start + 2] == .colon
        if isDate || isTime {
            switch dateTime(token) {
            case .success(let d): return .dateTime(TOMLDateTime(kind: d, text: text))
            case .failure(let why): throw error(at: start, "invalid date or time \(shown(text)): \(why.message)")
            }
        }
        let first = bytes[start]
        guard isDigit(first) || first == .plus || first == .minus || first == .dot
                || token.elementsEqual("inf".utf8) || token.elementsEqual("nan".utf8) else {
            throw error(at: start, "expected a value (a string, number, true or false, date, array or inline table), got \(shown(text))")
        }
        switch number(token, shown: shown(text)) {
        case .success(let content): return content
        case .failure(let why): throw error(at: start, why.message)
        }
    }

    private struct Reason: Error { var message: String }

    /// Integers (decimal with `_` between digits, `0x`/`0o`/`0b` without sign, within Int64) and
    /// floats (fraction, exponent, `inf`, `nan`, with sign); `shown` is the token as messages quote it.
    private func number(_ chars: ArraySlice<UInt8>, shown: @autoclosure () -> String) -> Result<TOMLValue.Content, Reason> {
        var token: String { shown() }
        func failure(_ message: String) -> Result<TOMLValue.Content, Reason> { .failure(Reason(message: message)) }
        var tooLarge: Result<TOMLValue.Content, Reason> { failure("the integer \(token) does not fit in 64 bits") }
        var body = chars
        var negative = false
        if let s = body.first, s == .plus || s == .minus {
            negative = s == .minus
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .success(.float(negative ? -.infinity : .infinity)) }
        if body.elementsEqual("nan".utf8) { return .success(.float(negative ? -.nan : .nan)) }

        var radix: Int?
        if body.count >= 2 {
            switch (body.first, body[body.startIndex + 1]) {
            case (0x30, .x): radix = 16
            case (0x30, .o): radix = 8
            case (0x30, .b): radix = 2
            default: radix = nil
            }
        }
        if let radix {
            guard body.count == chars.count else { return failure("a hexadecimal, octal or binary integer takes no sign: \(token)") }
            let digits = body.dropFirst(2)
            guard !digits.isEmpty else { return failure("\(token) needs digits after its base prefix") }
            let isDigit = { (b: UInt8) in self.hexValue(b).map { Int($0) < radix } ?? false }
            guard digits.allSatisfy({ isDigit($0) || $0 == .underscore }) else {
                return failure("\(token) holds a digit that base \(radix) does not have")
            }
            guard separated(digits, isDigit) else { return failure("'_' must stand between two digits: \(token)") }
            var value: Int64 = 0
            for d in digits where d != .underscore {
                let (shifted, o1) = value.multipliedReportingOverflow(by: Int64(radix))
                let (sum, o2) = shifted.addingReportingOverflow(Int64(hexValue(d) ?? 0))
                guard !o1 && !o2 else { return tooLarge }
                value = sum
            }
            return .success(.integer(value))
        }

        // int-part [. fraction] [e exponent]
        let intEnd = body.firstIndex { $0 == .dot || $0 == .e || $0 == .E } ?? body.endIndex
        let intPart = body[..<intEnd]
        var rest = body[intEnd...]
        guard separated(intPart, isDigit) else {
            if intPart.isEmpty && !rest.isEmpty { return failure("a float needs a digit before '\(rest.first == .dot ? "." : "e")': \(token)") }
            return failure(intPart.contains(.underscore) && intPart.allSatisfy({ isDigit($0) || $0 == .underscore })
                ? "'_' must stand between two digits: \(token)" : "invalid number \(token)")
        }
        guard intPart.count == 1 || intPart.first != 0x30 else { return failure("leading zeros are not allowed: \(token)") }
        var isFloat = false
        if rest.first == .dot {
            isFloat = true
            let fraction = rest.dropFirst().prefix { $0 != .e && $0 != .E }
            guard separated(fraction, isDigit) else {
                return failure("a float needs digits after '.', with '_' only between two of them: \(token)")
            }
            rest = rest[fraction.endIndex...]
        }
        if let e = rest.first, e == .e || e == .E {
            isFloat = true
            var exponent = rest.dropFirst()
            if let s = exponent.first, s == .plus || s == .minus { exponent = exponent.dropFirst() }
            guard separated(exponent, isDigit) else {
                return failure("an exponent needs digits, with '_' only between two of them: \(token)")
            }
            rest = rest[rest.endIndex...]
        }
        guard rest.isEmpty else { return failure("invalid number \(token)") }
        if isFloat {
            guard let x = Double(String(decoding: chars.filter { $0 != .underscore }, as: UTF8.self)), x.isFinite else {
                return failure("the float \(token) is beyond the range of a 64-bit float")
            }
            return .success(.float(x))
        }
        var magnitude: UInt64 = 0
        for d in intPart where d != .underscore {
            let (shifted, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(d - 0x30))
            guard !o1 && !o2 else { return tooLarge }
            magnitude = sum
        }
        guard magnitude <= UInt64(Int64.max) + (negative ? 1 : 0) else { return tooLarge }
        return .success(.integer(negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)))
    }

    /// Digits with `_` only between two of them, at least one digit.
    private func separated(_ s: ArraySlice<UInt8>, _ isDigit: (UInt8) -> Bool) -> Bool {
        guard let first = s.first, let last = s.last, isDigit(first), isDigit(last) else { return false }
        var previous = first
        for b in s.dropFirst() {
            guard isDigit(b) || (b == .underscore && previous != .underscore) else { return false }
            previous = b
        }
        return true
    }

    /// `1979-05-27`, `07:32:00.999`, `1979-05-27T07:32:00`, `1979-05-27 07:32:00-07:00`.
    private func dateTime(_ token: ArraySlice<UInt8>) -> Result<TOMLDateTime.Kind, Reason> {
        let t = Array(token)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= t.count, t[i..<(i + n)].allSatisfy(isDigit) else { return nil }
            defer { i += n }
            return t[i..<(i + n)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func take(_ b: UInt8) -> Bool {
            guard i < t.count, t[i] == b else { return false }
            i += 1
            return true
        }
        let shape = Reason(message: "expected YYYY-MM-DD, HH:MM:SS[.fraction], or both joined by 'T' or a space, "
            + "then 'Z' or ±HH:MM for an offset")
        func time() -> Reason? {
            guard let hour = digits(2), take(.colon), let minute = digits(2), take(.colon), let second = digits(2) else { return shape }
            if take(.dot) { guard digits(1) != nil else { return shape }; while i < t.count && isDigit(t[i]) { i += 1 } }
            if hour > 23 { return Reason(message: "hour \(hour) is past 23") }
            if minute > 59 { return Reason(message: "minute \(minute) is past 59") }
            if second > 60 { return Reason(message: "second \(second) is past 60") }
            return nil
        }
        if t.count >= 3 && t[2] == .colon {
            if let why = time() { return .failure(why) }
            return i == t.count ? .success(.localTime) : .failure(shape)
        }
        guard let year = digits(4), take(.minus), let month = digits(2), take(.minus), let day = digits(2) else { return .failure(shape) }
        guard (1...12).contains(month) else { return .failure(Reason(message: "month \(month) is not 1–12")) }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return .failure(Reason(message: "day \(day) is not in month \(month) of \(year)")) }
        if i == t.count { return .success(.localDate) }
        guard take(.T) || take(.t) || take(.space) else { return .failure(shape) }
        if let why = time() { return .failure(why) }
        if i == t.count { return .success(.localDateTime) }
        if take(.Z) || take(.z) { return i == t.count ? .success(.offsetDateTime) : .failure(shape) }
        guard take(.plus) || take(.minus), let hours = digits(2), take(.colon), let minutes = digits(2), i == t.count else {
            return .failure(shape)
        }
        guard hours <= 23, minutes <= 59 else { return .failure(Reason(message: "offset \(hours):\(minutes) is past 23:59")) }
        return .success(.offsetDateTime)
    }
}

private extension UInt8 {
    static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), apostrophe = UInt8(ascii: "'")
    static let plus = UInt8(ascii: "+"), comma = UInt8(ascii: ","), minus = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":"), equals = UInt8(ascii: "=")
    static let leftBracket = UInt8(ascii: "["), backslash = UInt8(ascii: "\\"), rightBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_"), leftBrace = UInt8(ascii: "{"), rightBrace = UInt8(ascii: "}")
    static let E = UInt8(ascii: "E"), T = UInt8(ascii: "T"), U = UInt8(ascii: "U"), Z = UInt8(ascii: "Z")
    static let b = UInt8(ascii: "b"), e = UInt8(ascii: "e"), f = UInt8(ascii: "f"), n = UInt8(ascii: "n")
    static let o = UInt8(ascii: "o"), r = UInt8(ascii: "r"), t = UInt8(ascii: "t"), u = UInt8(ascii: "u")
    static let x = UInt8(ascii: "x"), z = UInt8(ascii: "z")
}
