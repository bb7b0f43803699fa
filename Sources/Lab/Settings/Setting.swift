import Foundation

/// An experiment's configuration as one typed value: every field is a stored property whose
/// initial value is its default, and `fields` declares, once and beside the struct, each
/// field's key in the file, allowed range, `--quick` value and one-line doc. The experiment
/// file, `--set`, `rnnlab show`, the manifest's `configuration` and any form a UI draws all
/// come from this one declaration.
///
///     struct Settings: ExperimentSettings {
///         var steps = 100
///         static let fields: [Setting<Self>] = [
///             .int("steps", \.steps, .between(2, 100_000), quick: 40, doc: "k: backward steps"),
///         ]
///     }
///
/// `Codable` comes from `fields` (the keys are the file's, nested like its tables), so a
/// configuration encodes to the same tree the file holds and decodes through the same checks.
public protocol ExperimentSettings: Codable, Sendable, Equatable {
    /// Every field at its default.
    init()
    /// One entry per field, in the order `rnnlab show` prints them. Keys are dotted paths
    /// below `[parameters]` (`hidden`, or `lstm.clip` for `[parameters.lstm]`).
    static var fields: [Setting<Self>] { get }
}

/// One field of an `ExperimentSettings`: its key, what values it accepts, its `--quick` value,
/// its doc, and how to read and write it on the struct (through a key path, so a typo in a
/// field's name does not compile).
public struct Setting<S>: Sendable {
    public let key: String
    public let kind: ParameterKind
    public let quick: ParameterValue?
    public let doc: String
    let read: @Sendable (S) -> ParameterValue
    /// Writes a value already checked against `kind`.
    let write: @Sendable (inout S, ParameterValue) -> Void

    init(key: String, kind: ParameterKind, quick: ParameterValue?, doc: String,
         read: @escaping @Sendable (S) -> ParameterValue, write: @escaping @Sendable (inout S, ParameterValue) -> Void) {
        self.key = key
        self.kind = kind
        self.quick = quick
        self.doc = doc
        self.read = read
        self.write = write
    }

    public static func int(_ key: String, _ path: WritableKeyPath<S, Int> & Sendable, _ range: Interval<Int>,
                           quick: Int? = nil, doc: String) -> Setting {
        Setting(key: key, kind: .int(range), quick: quick.map(ParameterValue.int), doc: doc,
                read: { .int($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.int! })
    }

    public static func double(_ key: String, _ path: WritableKeyPath<S, Double> & Sendable, _ range: Interval<Double>,
                              quick: Double? = nil, doc: String) -> Setting {
        Setting(key: key, kind: .double(range), quick: quick.map(ParameterValue.double), doc: doc,
                read: { .double($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.double! })
    }

    public static func bool(_ key: String, _ path: WritableKeyPath<S, Bool> & Sendable,
                            quick: Bool? = nil, doc: String) -> Setting {
        Setting(key: key, kind: .bool, quick: quick.map(ParameterValue.bool), doc: doc,
                read: { .bool($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.bool! })
    }

    /// A free string (a corpus path, a prime text): any UTF-8 text; the file and `--set` readers
    /// bound its length (1 MiB files, control characters refused).
    public static func string(_ key: String, _ path: WritableKeyPath<S, String> & Sendable,
                              quick: String? = nil, doc: String) -> Setting {
        Setting(key: key, kind: .string, quick: quick.map(ParameterValue.string), doc: doc,
                read: { .string($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.string! })
    }

    /// One of an enumeration's raw values, spelled exactly (`"lstm"`).
    public static func choice<E: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: WritableKeyPath<S, E> & Sendable, quick: E? = nil, doc: String
    ) -> Setting where E.RawValue == String {
        Setting(key: key, kind: .choice(E.allCases.map(\.rawValue)), quick: quick.map { .string($0.rawValue) }, doc: doc,
                read: { .string($0[keyPath: path].rawValue) }, write: { $0[keyPath: path] = E(rawValue: $1.string!)! })
    }

    public static func ints(_ key: String, _ path: WritableKeyPath<S, [Int]> & Sendable, _ range: Interval<Int>,
                            quick: [Int]? = nil, doc: String) -> Setting {
        Setting(key: key, kind: .intList(range), quick: quick.map(ParameterValue.ints), doc: doc,
                read: { .ints($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.ints! })
    }

    public static func doubles(_ key: String, _ path: WritableKeyPath<S, [Double]> & Sendable, _ range: Interval<Double>,
                               quick: [Double]? = nil, doc: String) -> Setting {
        Setting(key: key, kind: .doubleList(range), quick: quick.map(ParameterValue.doubles), doc: doc,
                read: { .doubles($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.doubles! })
    }

    /// A non-empty list of an enumeration's raw values.
    public static func choices<E: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: WritableKeyPath<S, [E]> & Sendable, quick: [E]? = nil, doc: String
    ) -> Setting where E.RawValue == String {
        Setting(key: key, kind: .choiceList(E.allCases.map(\.rawValue)), quick: quick.map { .strings($0.map(\.rawValue)) },
                doc: doc, read: { .strings($0[keyPath: path].map(\.rawValue)) },
                write: { $0[keyPath: path] = $1.strings!.map { E(rawValue: $0)! } })
    }
}

extension ExperimentSettings {
    /// The fields as the file checker and printers see them, each with its default read off `Self()`.
    /// Traps on a malformed declaration (a programming error, not a user's): see `ExperimentSchema`.
    public static func schema(name: String) -> ExperimentSchema {
        let defaults = Self()
        var quick: [String: ParameterValue] = [:]
        for f in fields { if let q = f.quick { quick[f.key] = q } }
        return ExperimentSchema(name: name, parameters: fields.map {
            ParameterSpec($0.key, $0.kind, default: $0.read(defaults), doc: $0.doc)
        }, quick: quick)
    }

    /// The settings a checked file describes: defaults, with every resolved value written in.
    init(resolved: ResolvedParameters) {
        self.init()
        for f in Self.fields { if let v = resolved[f.key] { f.write(&self, v) } }
    }

    /// The value of the field `key`, as the file would spell it.
    func value(of key: String) -> ParameterValue? { Self.fields.first { $0.key == key }?.read(self) }

    /// The settings as a JSON tree nested like the file's tables (what the manifest records).
    public var json: JSONValue {
        var root: [String: JSONValue] = [:]
        for f in Self.fields { root.insert(f.read(self).json, at: f.key.split(separator: ".").map(String.init)) }
        return .object(root)
    }

    public func encode(to encoder: Encoder) throws { try json.encode(to: encoder) }

    /// Decodes a tree like `json` through the same checks as a file: unknown keys, wrong types and
    /// values out of range are errors naming the key. Missing keys keep their defaults.
    public init(from decoder: Decoder) throws {
        let tree = try JSONValue(from: decoder)
        var resolved = ResolvedParameters(specs: Self.schema(name: "\(Self.self)").parameters)
        var problems: [String] = []
        func walk(_ value: JSONValue, _ path: [String]) {
            let key = path.joined(separator: ".")
            if let spec = resolved.specs.first(where: { $0.key == key }) {
                do { resolved.set(key, try spec.kind.check(Literal(json: value)), from: .set) }
                catch let m as Mismatch { problems.append("\(key): \(m.message)") }
                catch { problems.append("\(key): \(error)") }
            } else if case .object(let members) = value,
                      path.isEmpty || resolved.specs.contains(where: { $0.key.hasPrefix(key + ".") }) {
                for (k, v) in members { walk(v, path + [k]) }
            } else {
                problems.append("\(key): unknown key")
            }
        }
        walk(tree, [])
        if let first = problems.sorted().first {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: first))
        }
        self.init(resolved: resolved)
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Sets `value` at a dotted path, creating the objects on the way.
    mutating func insert(_ value: JSONValue, at path: [String]) {
        guard let head = path.first else { return }
        if path.count == 1 { self[head] = value; return }
        var inner: [String: JSONValue]
        if case .object(let o)? = self[head] { inner = o } else { inner = [:] }
        inner.insert(value, at: Array(path.dropFirst()))
        self[head] = .object(inner)
    }
}

extension Literal {
    /// A JSON value as written, for the same checks a file's value goes through.
    init(json: JSONValue) {
        switch json {
        case .number(let d): self = d == d.rounded() && abs(d) < 9e15 ? .int(Int(d)) : .double(d)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .array(let a): self = .array(a.map(Literal.init(json:)))
        case .object: self = .table
        case .null: self = .other("null")
        }
    }
}
