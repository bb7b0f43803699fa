/// A TOML 1.0 document (https://toml.io/en/v1.0.0) read from UTF-8 text: tables keep their keys in
/// the order written, and every key and value knows the line and column where it starts, so a
/// message about a value can name the line it is on.
///
/// The parser is strict: whatever the specification refuses is a `TOMLError` naming the line, the
/// column and the cause in one line. It never traps and runs in time linear in the text; arrays,
/// inline tables and tables nest at most `TOMLDocument.maxDepth` deep, so nothing downstream (the
/// conversion below, a recursive walk of the result) can exhaust the stack.
///
/// Dates and times are checked against the grammar and the calendar but kept as their text
/// (`TOMLDateTime`): nothing in the lab reads one, and the kind is enough to refuse it by name.
struct TOMLDocument: Sendable {
    var root: TOMLTable
    /// Every comment, in the order written.
    var comments: [TOMLComment]

    /// Deeper than any configuration needs, shallow enough for any stack: 128 levels of tables,
    /// arrays and inline tables (`a = [[[…]]]` counts one per bracket, `[a.b]` one per key).
    static let maxDepth = 128

    init(parsing text: String) throws(TOMLError) {
        let parser = TOMLParser(text)
        root = try parser.document()
        comments = parser.comments
    }
}

/// Where something starts in the text: a 1-based line, and a 1-based column counted in Unicode
/// scalars (a tab is one column).
struct TOMLPosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    var line: Int
    var column: Int

    var description: String { "line \(line), column \(column)" }
}

/// Why a text is not TOML, at the place the parser stopped (for an unterminated string, array or
/// table header: where it opened).
struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String

    var description: String { "line \(line), column \(column): \(message)" }
}

/// `# text`: `standsAlone` when nothing but blanks precedes it on its line.
struct TOMLComment: Sendable, Equatable {
    var position: TOMLPosition
    var text: String
    var standsAlone: Bool
}

/// A table: its keys in the order they were first written (a table that only appears as the
/// prefix of a longer header or dotted key sits where it was first named).
struct TOMLTable: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var key: String
        /// Where the key (for a dotted key or a header, its part naming this entry) was first written.
        var position: TOMLPosition
        var value: TOMLValue
    }

    private(set) var entries: [Entry]
    /// By the key's UTF-8 bytes: keys are equal when their scalars are, not under Swift's
    /// canonical equivalence ("é" and "e\u0301" are two keys, as in every other TOML reader).
    private var index: [[UInt8]: Int]

    init(entries: [Entry] = [], index: [[UInt8]: Int]? = nil) {
        self.entries = entries
        self.index = index ?? Dictionary(entries.enumerated().map { (Array($1.key.utf8), $0) }, uniquingKeysWith: { first, _ in first })
    }

    var keys: [String] { entries.map(\.key) }
    var count: Int { entries.count }
    subscript(key: String) -> TOMLValue? { entry(key)?.value }
    func entry(_ key: String) -> Entry? { index[Array(key.utf8)].map { entries[$0] } }
}

/// A value and where it starts. An array of tables (`[[a]]`) is an array whose elements are tables.
struct TOMLValue: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        case dateTime(TOMLDateTime)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    var content: Content
    var position: TOMLPosition

    var string: String? { if case .string(let s) = content { s } else { nil } }
    var table: TOMLTable? { if case .table(let t) = content { t } else { nil } }
    var array: [TOMLValue]? { if case .array(let a) = content { a } else { nil } }
}

/// A date, a time or both, checked (month 1–12, the month's days, hours 0–23, seconds up to 60 for
/// a leap second) and kept as written.
struct TOMLDateTime: Sendable, Equatable {
    enum Kind: Sendable {
        case offsetDateTime, localDateTime, localDate, localTime

        /// How a message names it: "a date", "a time", "a date-time".
        var noun: String {
            switch self {
            case .offsetDateTime, .localDateTime: "date-time"
            case .localDate: "date"
            case .localTime: "time"
            }
        }
    }

    var kind: Kind
    var text: String
}
