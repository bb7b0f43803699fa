/// A JSON value as `StrictJSONParser` leaves it.
///
/// A list whose elements are all numbers, or all lists of numbers of one shape, is stored
/// flat (`numbers`): 8 bytes a number instead of a node each, so a probe's tensors cost
/// about what their doubles do. Any other list keeps its elements as nodes (`list`).
public enum JSONNode: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case numbers(NumberArray)
    case list([JSONNode])
    case object([JSONMember])
}

public struct JSONMember: Sendable {
    public let key: String
    public let value: JSONNode
}

/// A regular nested list of numbers: `shape` [n₀, n₁, …] (at least one axis; `[]` is
/// shape [0]), `values` in row-major order (the last index varies fastest).
public struct NumberArray: Sendable {
    public let shape: [Int]
    public let values: [Double]

    /// `[]`, shared: a document of many empty lists costs no allocation per list.
    static let emptyList = NumberArray(shape: [0], values: [])

    /// Element `i` along the first axis, as the node a reader of the text would see.
    public func element(_ i: Int) -> JSONNode {
        if shape.count == 1 { return .number(values[i]) }
        let inner = Array(shape.dropFirst())
        let stride = inner.reduce(1, *)
        return .numbers(NumberArray(shape: inner, values: Array(values[(i * stride)..<((i + 1) * stride)])))
    }
}

/// Where a value sits in the document: `weights.W_hh[2][0]`.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    public enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public var components: [Component] = []

    public init(_ components: [Component] = []) { self.components = components }

    public var isRoot: Bool { components.isEmpty }

    /// Keys read as written when they are plain names (`[A-Za-z0-9_]+`), else quoted and
    /// shortened (a key is text from the input and may be anything).
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let i):
                text += "[\(i)]"
            case .key(let k):
                if !text.isEmpty { text += "." }
                let plain = !k.isEmpty && k.utf8.allSatisfy { $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
                text += plain ? MessageText.shortened(k) : "\"\(MessageText.shortened(k))\""
            }
        }
        return text
    }
}

/// A syntax error, an encoding error or a number a double cannot hold: the path of the
/// value being read, what was wrong, and the byte offset (counted from 0) where it was found.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: JSONPath
    public let message: String
    public let offset: Int

    public var description: String {
        let line = "\(message) (at byte offset \(offset))"
        return path.isRoot ? line : "\(path): \(line)"
    }
}

/// Decides, key by key, which object members a reader wants, before their values are read:
/// a refused key's value is never parsed, however large it is.
public protocol JSONKeyFilter {
    /// Throw to refuse `key` in the object at `object`.
    mutating func admit(_ key: String, in object: JSONPath) throws
    /// Sees each member once its value has been read (for filters that depend on earlier members).
    mutating func parsed(_ key: String, in object: JSONPath, value: JSONNode)
}

/// Admits every key.
public struct AnyKey: JSONKeyFilter {
    public init() {}
    public func admit(_ key: String, in object: JSONPath) {}
    public func parsed(_ key: String, in object: JSONPath, value: JSONNode) {}
}

/// A strict RFC 8259 JSON parser.
///
/// Refused, each with its path and byte offset: anything but UTF-8 (a byte order mark,
/// UTF-16 or UTF-32, invalid or overlong UTF-8, an escaped lone surrogate), trailing commas,
/// a key repeated in one object, comments, single quotes, NaN and Infinity, leading zeros,
/// a number that overflows to ±∞ or a non-zero number that underflows to 0 (`1e-999`),
/// raw control characters in strings, text after the top-level value, and nesting deeper
/// than `maximumDepth`. Subnormal numbers are accepted: they are doubles and read back exactly.
///
/// The parser is recursive; `maximumDepth` bounds its stack. It reads a buffer already in
/// memory: the caller caps the input's size (see `ProbeSource`).
public struct StrictJSONParser {
    public let maximumDepth: Int

    public init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    /// The document in `bytes`; `filter` sees every key before its value is read.
    public func parse(_ bytes: UnsafeRawBufferPointer, filter: any JSONKeyFilter = AnyKey()) throws -> JSONNode {
        var reader = Reader(bytes: bytes.bindMemory(to: UInt8.self), maximumDepth: maximumDepth, filter: filter)
        return try reader.document()
    }
}

// MARK: - The reader

private let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, comma: UInt8 = 0x2C, colon: UInt8 = 0x3A
private let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D, openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
private let minus: UInt8 = 0x2D, plus: UInt8 = 0x2B, dot: UInt8 = 0x2E

private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
private func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
/// Bytes that continue a bare word or a malformed number, so a message can quote it whole.
private func isWordByte(_ b: UInt8) -> Bool {
    isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == plus || b == minus || b == dot || b == 0x5F
}

/// Spellings of non-finite numbers that other JSON writers emit, named as such in messages.
private let nonFiniteWords: Set<String> = ["nan", "-nan", "+nan", "infinity", "-infinity", "+infinity", "inf", "-inf", "+inf"]

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var filter: any JSONKeyFilter   // an existential, not a generic: unspecialised generics cost 3× in debug builds
    var i = 0
    var path = JSONPath()

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, filter: any JSONKeyFilter) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        self.filter = filter
    }

    func fail(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(path: path, message: message, offset: offset)
    }

    func notJSON(_ message: String, at offset: Int) -> JSONSyntaxError {
        fail("not JSON: \(message)", at: offset)
    }

    /// The byte at `offset` for a message: `','`, or `byte 0xC3` when it is not printable ASCII.
    func show(_ offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the input" }
        let b = bytes[offset]
        return b >= 0x21 && b <= 0x7E ? "'\(Character(Unicode.Scalar(b)))'" : byteText(b)
    }

    /// The run of word bytes from `offset` (a bare word or a malformed number), shortened.
    func word(at offset: Int) -> String {
        var j = offset
        while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
        return MessageText.shortened(String(decoding: bytes[offset..<j], as: UTF8.self))
    }

    mutating func skipWhitespace() {
        while i < bytes.count, isWhitespace(bytes[i]) { i += 1 }
    }

    mutating func document() throws -> JSONNode {
        try checkEncoding()
        skipWhitespace()
        guard i < bytes.count else { throw notJSON("no value, only whitespace", at: i) }
        let root = try value(depth: 1)
        skipWhitespace()
        guard i == bytes.count else { throw notJSON("\(show(i)) after the top-level value", at: i) }
        return root
    }

    /// RFC 8259 §8.1: JSON text exchanged between systems is UTF-8, without a byte order mark.
    func checkEncoding() throws {
        let n = bytes.count
        guard n > 0 else { throw notJSON("the input is empty", at: 0) }
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw notJSON("a UTF-8 byte order mark (EF BB BF) at the start; write UTF-8 without one", at: 0)
        }
        if n >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            throw notJSON("a UTF-16 or UTF-32 byte order mark at the start; only UTF-8 is read", at: 0)
        }
        if n >= 2, (bytes[0] == 0) != (bytes[1] == 0) {
            throw notJSON("a NUL byte in the first two; the text looks like UTF-16 or UTF-32, only UTF-8 is read", at: bytes[0] == 0 ? 0 : 1)
        }
    }

    mutating func value(depth: Int) throws -> JSONNode {
        guard i < bytes.count else { throw notJSON("the input ends where a value was expected", at: i) }
        switch bytes[i] {
        case openBrace: return try object(depth: depth)
        case openBracket: return try list(depth: depth)
        case quote: return .string(try string())
        case minus, 0x30...0x39: return .number(try number())
        default:
            let start = i
            let w = word(at: start)
            switch w {
            case "true": i += 4; return .bool(true)
            case "false": i += 5; return .bool(false)
            case "null": i += 4; return .null
            default:
                if nonFiniteWords.contains(w.lowercased()) { throw fail("expected a finite number, got \(w)", at: start) }
                throw notJSON("expected a value, got \(w.isEmpty ? show(start) : w)", at: start)
            }
        }
    }

    mutating func enter(_ depth: Int) throws {
        if depth > maximumDepth { throw notJSON("nesting deeper than the limit \(maximumDepth)", at: i) }
    }

    mutating func object(depth: Int) throws -> JSONNode {
        try enter(depth)
        let open = i
        i += 1
        skipWhitespace()
        var members: [JSONMember] = []
        var keys = Set<String>()   // used once the object has `linearScan` members; a scan is cheaper below
        let linearScan = 16
        if i < bytes.count, bytes[i] == closeBrace { i += 1; return .object(members) }
        while true {
            guard i < bytes.count else { throw notJSON("the input ends inside an object that opened at byte offset \(open)", at: i) }
            guard bytes[i] == quote else { throw notJSON("expected a key in double quotes, got \(show(i))", at: i) }
            let keyOffset = i
            let key = try string()
            if members.count == linearScan { keys = Set(members.map(\.key)) }
            let repeated = members.count < linearScan ? members.contains { $0.key == key } : keys.contains(key)
            if repeated {
                path.components.append(.key(key))
                defer { path.components.removeLast() }
                throw notJSON("duplicate key", at: keyOffset)
            }
            if members.count >= linearScan { keys.insert(key) }
            try filter.admit(key, in: path)
            skipWhitespace()
            guard i < bytes.count, bytes[i] == colon else { throw notJSON("expected ':' after the key, got \(show(i))", at: i) }
            i += 1
            skipWhitespace()
            path.components.append(.key(key))
            let v = try value(depth: depth + 1)
            path.components.removeLast()
            filter.parsed(key, in: path, value: v)
            members.append(JSONMember(key: key, value: v))
            skipWhitespace()
            guard i < bytes.count else { throw notJSON("the input ends inside an object that opened at byte offset \(open)", at: i) }
            if bytes[i] == closeBrace { i += 1; return .object(members) }
            guard bytes[i] == comma else { throw notJSON("expected ',' or '}' after a member, got \(show(i))", at: i) }
            let commaOffset = i
            i += 1
            skipWhitespace()
            if i < bytes.count, bytes[i] == closeBrace { throw notJSON("a trailing comma before '}'", at: commaOffset) }
        }
    }

    mutating func list(depth: Int) throws -> JSONNode {
        try enter(depth)
        let open = i
        i += 1
        skipWhitespace()
        var builder = ListBuilder()
        if i < bytes.count, bytes[i] == closeBracket { i += 1; return builder.finish() }
        var index = 0
        path.components.append(.index(0))   // updated in place per element; removed before any error about the list itself
        let last = path.components.count - 1
        while true {
            path.components[last] = .index(index)
            let v = try value(depth: depth + 1)
            builder.append(v)
            skipWhitespace()
            if i < bytes.count, bytes[i] == closeBracket {
                i += 1
                path.components.removeLast()
                return builder.finish()
            }
            if i < bytes.count, bytes[i] == comma {
                let commaOffset = i
                i += 1
                skipWhitespace()
                if i < bytes.count, bytes[i] == closeBracket {
                    path.components.removeLast()
                    throw notJSON("a trailing comma before ']'", at: commaOffset)
                }
                index += 1
                continue
            }
            path.components.removeLast()
            guard i < bytes.count else { throw notJSON("the input ends inside a list that opened at byte offset \(open)", at: i) }
            throw notJSON("expected ',' or ']' after a list element, got \(show(i))", at: i)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as the nearest double.
    mutating func number() throws -> Double {
        let start = i
        func malformed() -> JSONSyntaxError {
            let w = word(at: start)
            if nonFiniteWords.contains(w.lowercased()) { return fail("expected a finite number, got \(w)", at: start) }
            return notJSON("a malformed number \(w)", at: start)
        }
        if bytes[i] == minus { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw malformed() }
        if bytes[i] == 0x30 {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw malformed() }   // a leading zero
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == dot {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw malformed() }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let mantissaEnd = i
        if i < bytes.count, bytes[i] | 0x20 == 0x65 {
            i += 1
            if i < bytes.count, bytes[i] == plus || bytes[i] == minus { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw malformed() }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, isWordByte(bytes[i]) { throw malformed() }   // 0x1F, 1.5.2, 2e3e4
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let d = Double(text) else { throw malformed() }
        guard d.isFinite else { throw fail("expected a finite number, got \(MessageText.shortened(text))", at: start) }
        if d == 0 {
            var j = start
            while j < mantissaEnd, bytes[j] < 0x31 || bytes[j] > 0x39 { j += 1 }
            if j < mantissaEnd { throw fail("\(MessageText.shortened(text)) underflows to 0 (the smallest double above 0 is 5e-324)", at: start) }
        }
        return d
    }

    /// A string's text: escapes decoded, UTF-8 checked byte by byte.
    mutating func string() throws -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw notJSON("the input ends inside a string that opened at byte offset \(open)", at: i) }
            let b = bytes[i]
            switch b {
            case quote:
                i += 1
                return String(decoding: out, as: UTF8.self)
            case backslash:
                try escape(into: &out)
            case 0x00..<0x20:
                throw notJSON("a raw control character (\(byteText(b))) inside a string; write it as an escape", at: i)
            case 0x20..<0x80:
                out.append(b)
                i += 1
            default:
                let n = try utf8SequenceLength(at: i)
                out.append(contentsOf: bytes[i..<(i + n)])
                i += n
            }
        }
    }

    /// One escape, `\"` `\\` `\/` `\b` `\f` `\n` `\r` `\t` or `\uXXXX` (a surrogate pair as one scalar).
    mutating func escape(into out: inout [UInt8]) throws {
        let start = i
        guard i + 1 < bytes.count else { throw notJSON("the input ends inside an escape", at: start) }
        let e = bytes[i + 1]
        i += 2
        switch e {
        case quote, backslash, 0x2F: out.append(e)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
            var scalar = try hex4(escapeAt: start)
            if (0xDC00...0xDFFF).contains(scalar) {
                throw notJSON("a lone UTF-16 low surrogate \\u\(hexText(scalar))", at: start)
            }
            if (0xD800...0xDBFF).contains(scalar) {
                guard i + 1 < bytes.count, bytes[i] == backslash, bytes[i + 1] == 0x75 else {
                    throw notJSON("a lone UTF-16 high surrogate \\u\(hexText(scalar))", at: start)
                }
                let lowStart = i
                i += 2
                let low = try hex4(escapeAt: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw notJSON("a UTF-16 high surrogate \\u\(hexText(scalar)) not followed by a low one", at: start)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            UTF8.encode(Unicode.Scalar(scalar)!) { out.append($0) }
        default:
            let shown = e >= 0x21 && e <= 0x7E ? "\\" + String(Character(Unicode.Scalar(e))) : "\\ followed by " + byteText(e)
            throw notJSON("an unknown escape \(shown)", at: start)
        }
    }

    mutating func hex4(escapeAt start: Int) throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw notJSON("the input ends inside a \\u escape", at: start) }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[i + k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw notJSON("a \\u escape needs four hexadecimal digits", at: start)
            }
            v = v << 4 | UInt32(d)
        }
        i += 4
        return v
    }

    func hexText(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (Unicode 15, table 3-7: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), or an error at its first bad byte.
    func utf8SequenceLength(at offset: Int) throws -> Int {
        let lead = bytes[offset]
        let n: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: n = 2
        case 0xE0: n = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: n = 3
        case 0xED: n = 3; secondRange = 0x80...0x9F
        case 0xF0: n = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: n = 4
        case 0xF4: n = 4; secondRange = 0x80...0x8F
        default: throw notJSON("invalid UTF-8 (\(byteText(lead)))", at: offset)
        }
        for k in 1..<n {
            guard offset + k < bytes.count else { throw notJSON("the input ends inside a UTF-8 sequence", at: offset + k) }
            let c = bytes[offset + k]
            guard (k == 1 ? secondRange : 0x80...0xBF).contains(c) else {
                throw notJSON("invalid UTF-8 (\(byteText(c)) after \(byteText(lead)))", at: offset + k)
            }
        }
        return n
    }
}

/// Collects a list's elements, flat while they are all numbers or all number arrays of one shape.
private struct ListBuilder {
    private var flat = true
    private var inner: [Int] = []     // the shape every element has, while flat
    private var values: [Double] = []
    private var count = 0
    private var nodes: [JSONNode] = []

    mutating func append(_ node: JSONNode) {
        if flat {
            switch node {
            case .number(let v) where count == 0 || inner.isEmpty:
                values.append(v); count += 1; return
            case .numbers(let a) where count == 0 || a.shape == inner:
                if count == 0 { inner = a.shape }
                values.append(contentsOf: a.values); count += 1; return
            default:
                nodes = (0..<count).map { NumberArray(shape: [count] + inner, values: values).element($0) }
                values = []
                flat = false
            }
        }
        nodes.append(node)
    }

    func finish() -> JSONNode {
        guard flat else { return .list(nodes) }
        if count == 0 { return .numbers(NumberArray.emptyList) }
        if inner.isEmpty { return .numbers(NumberArray(shape: [count], values: values)) }
        var shape = [count]
        shape.append(contentsOf: inner)
        return .numbers(NumberArray(shape: shape, values: values))
    }
}

/// `byte 0x0A`.
private func byteText(_ b: UInt8) -> String {
    let hex = String(b, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
}
