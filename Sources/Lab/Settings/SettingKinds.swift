/// The values a bounded parameter may take: `lower ≤ x` (or `lower < x` when `lowerIsOpen`), and
/// likewise above. A missing bound is no bound. Gains use `.greaterThan(0)` because g = 0 makes
/// W_hh zero and there is no recurrence left to study.
public struct Interval<Bound: Comparable & Sendable>: Sendable, Equatable {
    public var lower: Bound?
    public var lowerIsOpen: Bool
    public var upper: Bound?
    public var upperIsOpen: Bool

    public init(lower: Bound? = nil, lowerIsOpen: Bool = false, upper: Bound? = nil, upperIsOpen: Bool = false) {
        self.lower = lower
        self.lowerIsOpen = lowerIsOpen
        self.upper = upper
        self.upperIsOpen = upperIsOpen
    }

    /// Every value.
    public static var all: Interval { Interval() }
    /// x ≥ a
    public static func atLeast(_ a: Bound) -> Interval { Interval(lower: a) }
    /// x > a
    public static func greaterThan(_ a: Bound) -> Interval { Interval(lower: a, lowerIsOpen: true) }
    /// x ≤ b
    public static func atMost(_ b: Bound) -> Interval { Interval(upper: b) }
    /// a ≤ x ≤ b
    public static func between(_ a: Bound, _ b: Bound) -> Interval { Interval(lower: a, upper: b) }

    public func contains(_ x: Bound) -> Bool {
        if let lower, lowerIsOpen ? !(x > lower) : !(x >= lower) { return false }
        if let upper, upperIsOpen ? !(x < upper) : !(x <= upper) { return false }
        return true
    }

    /// "≥ 1", "> 0 and ≤ 1", or "" for every value.
    func phrase(_ format: (Bound) -> String) -> String {
        var parts: [String] = []
        if let lower { parts.append((lowerIsOpen ? "> " : "≥ ") + format(lower)) }
        if let upper { parts.append((upperIsOpen ? "< " : "≤ ") + format(upper)) }
        return parts.joined(separator: " and ")
    }
}

/// The longest list a setting accepts: a sweep runs once per element, and a thousand runs is
/// already a cluster's job, not a file's typo.
public let maxListLength = 1000

/// What a parameter may hold. Lists are sweeps: the experiment runs once per element, so they must
/// not be empty. Choices are spelled exactly as listed (`"lstm"`, not `"LSTM"`).
public enum ParameterKind: Sendable, Equatable {
    case int(Interval<Int>)
    /// A finite number; integers are accepted and widened (`gain = 1` means 1.0).
    case double(Interval<Double>)
    case bool
    case string
    case choice([String])
    case intList(Interval<Int>)
    case doubleList(Interval<Double>)
    case choiceList([String])

    /// What a value must be, as error messages say it: "an integer ≥ 1", "a list of numbers > 0".
    public var expected: String {
        switch self {
        case .int(let r): return join("an integer", r.phrase(String.init))
        case .double(let r): return join("a number", r.phrase(formatNumber))
        case .bool: return "true or false"
        case .string: return "a string"
        case .choice(let names): return "one of \(quotedList(names))"
        case .intList(let r): return join("a non-empty list of integers", r.phrase(String.init))
        case .doubleList(let r): return join("a non-empty list of numbers", r.phrase(formatNumber))
        case .choiceList(let names): return "a non-empty list of values from \(quotedList(names))"
        }
    }

    /// A short type for usage tables: "int ≥ 1", "[double > 0]", "tanh|relu|lstm|gru".
    public var summary: String {
        switch self {
        case .int(let r): return join("int", r.phrase(String.init))
        case .double(let r): return join("double", r.phrase(formatNumber))
        case .bool: return "bool"
        case .string: return "string"
        case .choice(let names): return names.joined(separator: "|")
        case .intList(let r): return "[" + join("int", r.phrase(String.init)) + "]"
        case .doubleList(let r): return "[" + join("double", r.phrase(formatNumber)) + "]"
        case .choiceList(let names): return "[" + names.joined(separator: "|") + "]"
        }
    }

    private func join(_ noun: String, _ bounds: String) -> String {
        bounds.isEmpty ? noun : noun + " " + bounds
    }
}

/// A parameter's value once checked against its kind. Choices are strings; `double` kinds always
/// hold `.double` (integers in the file are widened).
///
/// Encodes as the plain JSON value (`64`, `[0.5, 1.0]`, `"lstm"`), so manifests read naturally.
/// Decoding tries bool, integer, number, string and then the list forms, so a double written as `1`
/// comes back as `.int(1)`; `double` and `doubles` widen it again.
public enum ParameterValue: Codable, Equatable, Sendable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case ints([Int])
    case doubles([Double])
    case strings([String])

    public var int: Int? { if case .int(let x) = self { x } else { nil } }
    public var double: Double? {
        switch self {
        case .double(let x): x
        case .int(let x): Double(x)
        default: nil
        }
    }
    public var bool: Bool? { if case .bool(let x) = self { x } else { nil } }
    public var string: String? { if case .string(let x) = self { x } else { nil } }
    public var ints: [Int]? { if case .ints(let x) = self { x } else { nil } }
    public var doubles: [Double]? {
        switch self {
        case .doubles(let x): x
        case .ints(let x): x.map(Double.init)
        default: nil
        }
    }
    public var strings: [String]? { if case .strings(let x) = self { x } else { nil } }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let x = try? c.decode(Bool.self) { self = .bool(x) }
        else if let x = try? c.decode(Int.self) { self = .int(x) }
        else if let x = try? c.decode(Double.self) { self = .double(x) }
        else if let x = try? c.decode(String.self) { self = .string(x) }
        else if let x = try? c.decode([Int].self) { self = .ints(x) }
        else if let x = try? c.decode([Double].self) { self = .doubles(x) }
        else { self = .strings(try c.decode([String].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let x): try c.encode(x)
        case .double(let x): try c.encode(x)
        case .bool(let x): try c.encode(x)
        case .string(let x): try c.encode(x)
        case .ints(let x): try c.encode(x)
        case .doubles(let x): try c.encode(x)
        case .strings(let x): try c.encode(x)
        }
    }

    /// The value as a TOML literal, which is also valid JSON: `64`, `1.0`, `"lstm"`, `[0.5, 2.0]`.
    public var literal: String {
        switch self {
        case .int(let x): return String(x)
        case .double(let x): return formatDouble(x)
        case .bool(let x): return String(x)
        case .string(let x): return quoted(x)
        case .ints(let x): return "[" + x.map(String.init).joined(separator: ", ") + "]"
        case .doubles(let x): return "[" + x.map(formatDouble).joined(separator: ", ") + "]"
        case .strings(let x): return "[" + x.map(quoted).joined(separator: ", ") + "]"
        }
    }
}

extension ParameterValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByStringLiteral
{
    public init(integerLiteral x: Int) { self = .int(x) }
    public init(floatLiteral x: Double) { self = .double(x) }
    public init(booleanLiteral x: Bool) { self = .bool(x) }
    public init(stringLiteral x: String) { self = .string(x) }
}

/// One key of an experiment's `[parameters]` table.
public struct ParameterSpec: Sendable, Equatable {
    /// Dotted path below `[parameters]`: "hidden", or "cell.hidden" for `[parameters.cell]`.
    public var key: String
    public var kind: ParameterKind
    /// The value used when the file does not set the key.
    public var defaultValue: ParameterValue
    /// One line for `rnnlab show` and usage output: what the parameter is, in the lecture's symbols.
    public var doc: String

    public init(_ key: String, _ kind: ParameterKind, default defaultValue: ParameterValue, doc: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.doc = doc
    }
}

/// The parameters one kind of experiment understands, declared in Swift beside the code that runs
/// it. The schema is the single source of defaults: a file sets only what it changes, and an
/// unknown key is an error rather than a silently ignored typo.
public struct ExperimentSchema: Sendable, Equatable {
    /// The experiment kind; by convention the name of its file in `experiments/`.
    public var name: String
    /// In the order `rnnlab show` prints them.
    public var parameters: [ParameterSpec]
    /// What `--quick` changes (e.g. `hidden = 16`, `steps = 20`): sizes small enough for CI and for a
    /// first look, applied after the file and before `--set`.
    public var quick: [String: ParameterValue]

    /// Traps on a malformed schema (a programming error, not a user's): keys that are not dotted
    /// bare TOML keys, duplicates, a key that is also a table, a default or a `quick` value that its
    /// kind rejects.
    public init(name: String, parameters: [ParameterSpec], quick: [String: ParameterValue] = [:]) {
        var checked: [ParameterSpec] = []
        for var spec in parameters {
            let parts = spec.key.split(separator: ".", omittingEmptySubsequences: false)
            precondition(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(isBareKeyCharacter) },
                         "schema \(name): '\(spec.key)' is not a dotted path of bare keys")
            for other in checked {
                precondition(other.key != spec.key, "schema \(name): '\(spec.key)' is declared twice")
                precondition(!other.key.hasPrefix(spec.key + ".") && !spec.key.hasPrefix(other.key + "."),
                             "schema \(name): '\(spec.key)' and '\(other.key)' make one key both a value and a table")
            }
            do { spec.defaultValue = try spec.kind.check(Literal(spec.defaultValue)) } catch {
                preconditionFailure("schema \(name): default of '\(spec.key)' is not \(spec.kind.expected)")
            }
            checked.append(spec)
        }
        var normalisedQuick: [String: ParameterValue] = [:]
        for (key, value) in quick {
            guard let spec = checked.first(where: { $0.key == key }) else {
                preconditionFailure("schema \(name): quick sets '\(key)', which is not a parameter")
            }
            do { normalisedQuick[key] = try spec.kind.check(Literal(value)) } catch {
                preconditionFailure("schema \(name): quick value of '\(key)' is not \(spec.kind.expected)")
            }
        }
        self.name = name
        self.parameters = checked
        self.quick = normalisedQuick
    }

    public func spec(_ key: String) -> ParameterSpec? { parameters.first { $0.key == key } }

    /// One line per parameter: key, type, default, doc, aligned for a terminal.
    public var usage: String {
        let rows = parameters.map { ($0.key, $0.kind.summary, $0.defaultValue.literal, $0.doc) }
        let w0 = rows.map(\.0.count).max() ?? 0, w1 = rows.map(\.1.count).max() ?? 0
        let w2 = rows.map(\.2.count).max() ?? 0
        return rows.map { key, kind, value, doc in
            [pad(key, w0), pad(kind, w1), pad(value, w2), doc].joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// Where a resolved value came from, in the order they are applied: the schema's default, the file,
/// `--quick`, `--set`.
public enum ParameterSource: String, Sendable, Codable {
    case `default`, file, quick, set
}

/// Every parameter of a schema with its final value: defaults filled in, then the file, `--quick`
/// and `--set` applied. An experiment reads them as its typed settings (`ExperimentFile.settings()`),
/// never by key.
public struct ResolvedParameters: Sendable, Equatable {
    /// The schema's specs, in its order.
    public let specs: [ParameterSpec]
    public private(set) var values: [String: ParameterValue]
    public private(set) var sources: [String: ParameterSource]

    init(specs: [ParameterSpec]) {
        self.specs = specs
        self.values = Dictionary(uniqueKeysWithValues: specs.map { ($0.key, $0.defaultValue) })
        self.sources = Dictionary(uniqueKeysWithValues: specs.map { ($0.key, .default) })
    }

    mutating func set(_ key: String, _ value: ParameterValue, from source: ParameterSource) {
        values[key] = value
        sources[key] = source
    }

    public subscript(key: String) -> ParameterValue? { values[key] }
    public func source(of key: String) -> ParameterSource? { sources[key] }
}

// MARK: - Checking values against kinds

/// A value as written, before its kind is known: from the TOML parser, a `--set`, or Swift.
indirect enum Literal {
    case int(Int), double(Double), bool(Bool), string(String), array([Literal]), table
    /// A TOML date or time, which no parameter accepts.
    case other(String)

    init(_ value: ParameterValue) {
        switch value {
        case .int(let x): self = .int(x)
        case .double(let x): self = .double(x)
        case .bool(let x): self = .bool(x)
        case .string(let x): self = .string(x)
        case .ints(let x): self = .array(x.map(Literal.int))
        case .doubles(let x): self = .array(x.map(Literal.double))
        case .strings(let x): self = .array(x.map(Literal.string))
        }
    }

    /// How "got …" shows it: the TOML literal, or the kind of thing for tables and dates.
    var shown: String {
        switch self {
        case .int(let x): return String(x)
        case .double(let x): return formatDouble(x)
        case .bool(let x): return String(x)
        case .string(let x): return quoted(x)
        case .array(let xs): return "[" + xs.map(\.shown).joined(separator: ", ") + "]"
        case .table: return "a table"
        case .other(let type): return "a \(type)"
        }
    }
}

/// Why a literal does not fit a kind; `index` is the offending element of a list.
struct Mismatch: Error {
    var message: String
    var index: Int? = nil
}

extension ParameterKind {
    /// The literal as this kind's value, or the reason it is not one.
    func check(_ x: Literal) throws -> ParameterValue {
        switch self {
        case .int(let r): return .int(try integer(x, r))
        case .double(let r): return .double(try number(x, r))
        case .bool:
            guard case .bool(let b) = x else { throw Mismatch(message: "expected \(expected), got \(x.shown)") }
            return .bool(b)
        case .string:
            guard case .string(let s) = x else { throw Mismatch(message: "expected \(expected), got \(x.shown)") }
            // The command line hands over bytes that are not UTF-8 as U+FFFD; a file name spelled
            // so names no file, and "no such file" would hide the real cause.
            guard !s.contains("\u{FFFD}") else {
                throw Mismatch(message: "the value holds bytes that are not UTF-8 (shown as \u{FFFD}); rnnlab reads text and file names as UTF-8")
            }
            return .string(s)
        case .choice(let names): return .string(try choice(x, names))
        case .intList(let r): return .ints(try list(x) { try integer($0, r) })
        case .doubleList(let r): return .doubles(try list(x) { try number($0, r) })
        case .choiceList(let names): return .strings(try list(x) { try choice($0, names) })
        }
    }

    private func list<T>(_ x: Literal, _ element: (Literal) throws -> T) throws -> [T] {
        guard case .array(let xs) = x, !xs.isEmpty else {
            throw Mismatch(message: "expected \(expected), got \(x.shown)")
        }
        guard xs.count <= maxListLength else {
            throw Mismatch(message: "expected \(expected), at most \(maxListLength) values; got \(xs.count)")
        }
        return try xs.enumerated().map { i, e in
            do { return try element(e) } catch var m as Mismatch { m.index = i; throw m }
        }
    }

    private func integer(_ x: Literal, _ r: Interval<Int>) throws -> Int {
        guard case .int(let n) = x, r.contains(n) else {
            throw Mismatch(message: "expected \(ParameterKind.int(r).expected), got \(x.shown)")
        }
        return n
    }

    private func number(_ x: Literal, _ r: Interval<Double>) throws -> Double {
        let value: Double
        switch x {
        case .double(let d): value = d
        case .int(let n): value = Double(n)
        default: throw Mismatch(message: "expected \(ParameterKind.double(r).expected), got \(x.shown)")
        }
        guard value.isFinite, r.contains(value) else {
            throw Mismatch(message: "expected \(ParameterKind.double(r).expected), got \(x.shown)")
        }
        return value
    }

    private func choice(_ x: Literal, _ names: [String]) throws -> String {
        let expected = ParameterKind.choice(names).expected
        guard case .string(let s) = x else { throw Mismatch(message: "expected \(expected), got \(x.shown)") }
        guard names.contains(s) else {
            let hint = closest(to: s, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw Mismatch(message: "expected \(expected), got \(x.shown)\(hint)")
        }
        return s
    }
}

// MARK: - Formatting shared by messages, TOML and JSON

/// Shortest round-tripping form, always with a point or exponent so it reads back as a double.
func formatDouble(_ x: Double) -> String {
    let s = String(x)
    return s.contains(where: { $0 == "." || $0 == "e" || $0 == "n" || $0 == "i" }) ? s : s + ".0"
}

/// Bounds in messages: "> 0", not "> 0.0".
func formatNumber(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}

/// A basic string, valid both as TOML and as JSON.
func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func isBareKeyCharacter(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber) || c == "_" || c == "-"
}

private func pad(_ s: String, _ width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - s.count))
}
