import Foundation

/// An experiment as it will run: `experiments/NAME.toml` checked against its schema, defaults
/// filled in, `--quick` and `--set` applied. The name is the file's and names the output folder.
public struct ExperimentFile: Sendable, Equatable {
    public let name: String
    /// The file as the caller named it (relative paths stay relative), used in messages.
    public let path: String
    /// The kind of experiment the file runs (`kind = …`, by default its own name).
    public let kind: String
    public let version: Int
    public let title: String
    /// The lecture section the experiment illustrates.
    public let section: String
    /// What the student should see, as a paragraph.
    public let description: String
    public let parameters: ResolvedParameters
    /// What `--quick` changed (empty without `--quick`), by dotted key below `[parameters]`.
    public let quickOverrides: [String: ParameterValue]
    /// What `--set` changed, by dotted key below `[parameters]`; the last `--set` of a key wins.
    public let overrides: [String: ParameterValue]
    /// `lang = "ko"`: the language of the figures' text (nil: English, unless `--lang` says).
    public var language: Language? = nil
    /// Whether `title` and `description` are the kind's own texts, so that a translation of the
    /// kind's is a translation of them (`Localization.texts(of:language:)`): true in the kind's
    /// own file, and in a variant that leaves the text out or keeps it word for word as
    /// `experiments/KIND.toml` beside it has it; false in a variant that wrote its own.
    public var keepsKindTitle = true
    public var keepsKindDescription = true

    /// The checked values as the kind's typed settings.
    public func settings<S: ExperimentSettings>(as type: S.Type = S.self) -> S { S(resolved: parameters) }
}

/// The one error a bad experiment file or `--set` produces, printed as
/// `experiments/x.toml:7: parameters.hidden: expected an integer ≥ 1, got -5` or
/// `experiments/x.toml: --set hidden=-5: parameters.hidden: expected an integer ≥ 1, got -5`.
public struct ExperimentFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    /// 1-based; nil for a missing key, a `--set`, or a file that could not be read.
    public var line: Int?
    /// Only for syntax errors, from the TOML parser (counted in Unicode scalars).
    public var column: Int?
    /// The raw `--set` argument at fault, if any.
    public var override: String?
    /// Full dotted path in the file (`parameters.cell.hidden`, `parameters.gains[2]`).
    public var keyPath: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, override: String? = nil,
                keyPath: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.override = override
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var s = file
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        if let override {   // long values are cut: the message names the key, not a thousand numbers
            s += ": --set " + (override.count > 80 ? override.prefix(60) + "… (\(override.count) characters)" : override)
        }
        if let keyPath { s += ": \(keyPath)" }
        return (s + ": " + message).escapingControlCharacters
    }
}

/// The file format version this code reads. A file states it as `version = 1`.
public let experimentFileVersion = 1

/// Loads `url` with the schema of the kind it names: `kind = "irnn-adding"` in the file, or by
/// default the file's own name (`edge-of-chaos.toml` → `registry["edge-of-chaos"]`), so a copy
/// `irnn-adding-long.toml` with `kind = "irnn-adding"` is an experiment of its own. A variant
/// that leaves out title, section or description takes them from its kind's file beside it.
public func loadExperiment(at url: URL, registry: [String: ExperimentSchema], overrides: [String] = [],
                           quick: Bool = false) throws -> ExperimentFile {
    let name = try experimentName(of: url)
    return try checkExperimentText(try readExperimentSource(url), name: name, path: url.relativePath, registry: registry,
                                   beside: url.deletingLastPathComponent(), overrides: overrides, quick: quick)
}

/// Checks an experiment file's text as `loadExperiment` checks a file on disk: the kind it names,
/// every key, value and range, then `--quick` and `overrides`. For text that comes from no file
/// (a fuzzer's input, a form), `beside` is nil and a variant inherits no texts (nor keeps them).
public func checkExperimentText(_ source: String, name: String, path: String, registry: [String: ExperimentSchema],
                                beside folder: URL? = nil, overrides: [String] = [], quick: Bool = false) throws -> ExperimentFile {
    let root = try parseTOML(source, path: path)
    var kind = name
    let kindEntry = root.entry("kind")
    if let entry = kindEntry {
        guard case .string(let k) = entry.value.content else {
            throw ExperimentFileError(file: path, line: entry.position.line, keyPath: "kind",
                                      message: "expected the name of an experiment kind, got \(Literal(entry.value).shown)")
        }
        kind = k
    }
    guard let schema = registry[kind] else {
        let known = registry.keys.sorted()
        let hint = closest(to: kind, among: known).map { "did you mean '\($0)'? " } ?? ""
        let line = kindEntry?.position.line
        let what = kindEntry == nil
            ? "no experiment kind is named '\(kind)' (a variant says which it is, e.g. kind = \"\(known.first ?? "edge-of-chaos")\"); "
            : "no experiment kind is named '\(kind)'; "
        throw ExperimentFileError(file: path, line: line, keyPath: kindEntry == nil ? nil : "kind",
                                  message: what + hint + "known: \(quotedList(known))")
    }
    var inherited: [String: String] = [:]
    if kind != name, let folder {
        let base = folder.appendingPathComponent(kind + ".toml")
        if let text = try? readExperimentSource(base), let table = try? parseTOML(text, path: base.relativePath) {
            for key in ["title", "section", "description"] { if let s = table[key]?.string { inherited[key] = s } }
        }
    }
    return try parseExperiment(root, name: name, path: path, schema: schema, inherited: inherited,
                               overrides: overrides, quick: quick)
}

/// Reads `url` (a TOML file named for the experiment), checks every key against `schema`, fills in
/// defaults, then applies `schema.quick` if `quick`, then each `overrides` entry (`"key=value"`,
/// the text after `--set`). Throws one `ExperimentFileError`: for several problems, the one
/// earliest in the file.
public func loadExperiment(at url: URL, schema: ExperimentSchema, overrides: [String] = [],
                           quick: Bool = false) throws -> ExperimentFile {
    let path = url.relativePath, name = try experimentName(of: url)
    let root = try parseTOML(try readExperimentSource(url), path: path)
    return try parseExperiment(root, name: name, path: path, schema: schema, overrides: overrides, quick: quick)
}

/// The experiment-file decoder end to end on raw bytes, as the fuzzer drives it: the text rules
/// (size, UTF-8, no NUL), the TOML parser, the kind, every key, value and range, `overrides`, and
/// the typed settings the kind builds from the result. Throws only `ExperimentFileError`.
public func checkExperimentBytes(_ bytes: Data, name: String, overrides: [String] = []) throws -> JSONValue {
    let path = "experiments/\(name).toml"
    let text: String
    do {
        guard bytes.count <= BoundedFile.experimentFileLimit else {
            throw BoundedFile.Refusal(description: "is \(bytes.count) bytes; the limit is \(BoundedFile.experimentFileLimit) bytes")
        }
        text = try BoundedFile.text(bytes)
    } catch let refusal as BoundedFile.Refusal {
        throw ExperimentFileError(file: path, message: refusal.description)
    }
    let experiments = Dictionary(uniqueKeysWithValues: Catalogue.experiments.map { ($0.name, $0) })
    let file = try checkExperimentText(text, name: name, path: path, registry: experiments.mapValues(\.schema),
                                       overrides: overrides)
    return experiments[file.kind]?.settingsJSON(file) ?? .null
}

/// The file's text, or an error naming it.
func readExperimentSource(_ url: URL) throws -> String {
    do { return try BoundedFile.text(BoundedFile.read(url, limit: BoundedFile.experimentFileLimit)) }
    catch let refusal as BoundedFile.Refusal {
        throw ExperimentFileError(file: url.relativePath, message: refusal.description)
    }
}

/// The file's top-level table, or its first syntax error as `path:LINE:COLUMN: not valid TOML: …`.
func parseTOML(_ source: String, path: String) throws -> TOMLTable {
    try parseTOMLDocument(source, path: path).root
}

func parseTOMLDocument(_ source: String, path: String) throws -> TOMLDocument {
    do { return try TOMLDocument(parsing: source) } catch {
        throw ExperimentFileError(file: path, line: error.line, column: error.column, message: "not valid TOML: \(error.message)")
    }
}

/// The experiment's name: the file's name without `.toml`, a slug `[a-z0-9][a-z0-9-]*`, because it
/// also names the output folder.
func experimentName(of url: URL) throws -> String {
    let path = url.relativePath
    guard url.pathExtension == "toml" else {
        throw ExperimentFileError(file: path, message: "an experiment file must end in .toml")
    }
    let name = url.deletingPathExtension().lastPathComponent
    let isSlug = name.first.map { $0.isASCII && ($0.isLowercase || $0.isNumber) } == true
        && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    guard isSlug else {
        throw ExperimentFileError(file: path, message: "the name '\(name)' is not a slug "
            + "([a-z0-9][a-z0-9-]*); it names the output folder")
    }
    return name
}

/// Checks the parsed file `root` against `schema`; messages name the line the parser found each key on.
func parseExperiment(_ root: TOMLTable, name: String, path: String,
                     schema: ExperimentSchema, inherited: [String: String] = [:],
                     overrides: [String], quick: Bool) throws -> ExperimentFile {
    var problems: [ExperimentFileError] = []
    func problem(_ keyPath: [String], _ line: Int?, _ message: String) {
        problems.append(ExperimentFileError(file: path, line: line, keyPath: keyPath.joined(separator: "."), message: message))
    }

    // The header: version, then the three texts a reader sees first.
    let headerKeys = ["version", "kind", "title", "section", "description", "lang", "parameters"]
    for entry in root.entries where !headerKeys.contains(entry.key) {
        problem([entry.key], entry.position.line, unknownKey(entry.key, among: headerKeys))
    }
    var version = experimentFileVersion
    let versionLine = root.entry("version")?.position.line
    switch root["version"].map(Literal.init) {
    case nil: problem(["version"], nil, "missing; expected version = \(experimentFileVersion)")
    case .int(let v)? where v == experimentFileVersion: version = v
    case .int(let v)?: problem(["version"], versionLine, "version \(v) is not supported; expected \(experimentFileVersion)")
    case let other?: problem(["version"], versionLine, "expected the integer \(experimentFileVersion), got \(other.shown)")
    }
    var texts: [String: String] = [:]
    for (key, what) in [("title", "a title"), ("section", "the lecture section it illustrates"),
                        ("description", "a paragraph: what the student should see")] {
        let line = root.entry(key)?.position.line
        switch root[key].map(Literal.init) {
        case nil where inherited[key] != nil: texts[key] = inherited[key]!.trimmingCharacters(in: .whitespacesAndNewlines)
        case nil: problem([key], nil, "missing; expected a string, \(what)")
        case .string(let s)? where !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            texts[key] = s.trimmingCharacters(in: .whitespacesAndNewlines)
        case let other?: problem([key], line, "expected a non-empty string, \(what); got \(other.shown)")
        }
    }

    var language: Language?
    if let entry = root.entry("lang") {
        let codes = Language.allCases.map(\.rawValue)
        if case .string(let code) = Literal(entry.value), let l = Language(rawValue: code) { language = l }
        else { problem(["lang"], entry.position.line, "expected one of \(quotedList(codes)) (the figures' language), got \(Literal(entry.value).shown)") }
    }

    // The parameters: every key must be the schema's, every value of its kind.
    var resolved = ResolvedParameters(specs: schema.parameters)
    let tree = SchemaNode(schema.parameters)
    if let entry = root.entry("parameters") {
        if let table = entry.value.table {
            tree.walk(table, at: ["parameters"], into: &resolved, problem: problem)
        } else {
            problem(["parameters"], entry.position.line, "expected a table of parameters, got \(Literal(entry.value).shown)")
        }
    }
    if let first = problems.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) { throw first }

    let quickOverrides = quick ? schema.quick : [:]
    for (key, value) in quickOverrides { resolved.set(key, value, from: .quick) }
    var setOverrides: [String: ParameterValue] = [:]
    for argument in overrides {
        let (key, value) = try parseOverride(argument, schema: schema, path: path)
        setOverrides[key] = value
        resolved.set(key, value, from: .set)
    }

    var file = ExperimentFile(name: name, path: path, kind: schema.name, version: version,
                              title: texts["title"]!, section: texts["section"]!,
                              description: texts["description"]!, parameters: resolved,
                              quickOverrides: quickOverrides, overrides: setOverrides)
    file.language = language
    // A variant keeps its kind's text when the words are the same (a re-wrapped line is no edit).
    if name != schema.name {
        func same(_ kindText: String?, _ text: String) -> Bool {
            kindText.map { $0.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace) } ?? false
        }
        file.keepsKindTitle = same(inherited["title"], file.title)
        file.keepsKindDescription = same(inherited["description"], file.description)
    }
    return file
}

private func unknownKey(_ key: String, among names: [String]) -> String {
    if let near = closest(to: key, among: names) { return "unknown key; did you mean '\(near)'?" }
    return "unknown key; expected one of \(quotedList(names))"
}

/// One `--set key=value`: the key is a dotted path below `[parameters]` (a leading `parameters.` is
/// allowed); the value is a TOML value, and a bare word is taken as a string (`cell=lstm`), also
/// inside a list (`cells=[lstm,gru]`).
func parseOverride(_ argument: String, schema: ExperimentSchema, path: String) throws -> (String, ParameterValue) {
    func failure(_ keyPath: String?, _ message: String) -> ExperimentFileError {
        ExperimentFileError(file: path, override: argument, keyPath: keyPath, message: message)
    }
    guard let equals = argument.firstIndex(of: "=") else {
        throw failure(nil, "expected key=value, e.g. --set \(schema.parameters.first.map { "\($0.key)=\($0.defaultValue.literal)" } ?? "key=value")")
    }
    var key = argument[..<equals].trimmingCharacters(in: .whitespaces)
    if key.hasPrefix("parameters.") { key.removeFirst("parameters.".count) }
    let text = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    let keys = schema.parameters.map(\.key)
    guard let spec = schema.spec(key) else {
        let inside = keys.filter { $0.hasPrefix(key + ".") }
        if !inside.isEmpty {
            throw failure("parameters.\(key)", "is a table; set one of its keys: \(quotedList(inside))")
        }
        throw failure("parameters.\(key)", unknownKey(key, among: keys))
    }
    do {
        return (key, try spec.kind.check(try overrideLiteral(text, kind: spec.kind)))
    } catch let m as Mismatch {
        throw failure("parameters.\(key)" + (m.index.map { "[\($0)]" } ?? ""), m.message)
    }
}

private func overrideLiteral(_ text: String, kind: ParameterKind) throws -> Literal {
    let isQuoted = text.first == "\"" || text.first == "'"
    if let at = BoundedFile.forbiddenControlCharacter(in: text) {
        throw Mismatch(message: "the value holds the control character \(at.prefix { $0 != " " })")
    }
    let table: TOMLTable
    do { table = try TOMLDocument(parsing: "v = " + text).root } catch {
        if case .choiceList = kind, text.hasPrefix("["), text.hasSuffix("]") {
            let words = text.dropFirst().dropLast().split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'"))) }
            return .array(words.map(Literal.string))
        }
        if isQuoted || "[{".contains(text.first ?? " ") {
            throw Mismatch(message: "not a TOML value (\(error.message))")
        }
        return .string(text)
    }
    guard table.count == 1, let value = table["v"] else { throw Mismatch(message: "expected one TOML value") }
    let literal = Literal(value)
    switch (kind, literal) {
    case (.string, .string), (.choice, .string): return literal
    case (.string, _), (.choice, _): return isQuoted ? literal : .string(text)
    default: return literal
    }
}

extension Literal {
    /// A parsed value as the checks see it; TOML integers are 64-bit, as `Int` is on every platform
    /// the lab builds for.
    init(_ value: TOMLValue) {
        switch value.content {
        case .integer(let x): self = .int(Int(x))
        case .float(let x): self = .double(x)
        case .boolean(let x): self = .bool(x)
        case .string(let x): self = .string(x)
        case .array(let xs): self = .array(xs.map(Literal.init))
        case .table: self = .table
        case .dateTime(let d): self = .other(d.kind.noun)
        }
    }
}

/// The schema's keys as the tree of tables they imply: `cell.hidden` is key `hidden` of table `cell`.
final class SchemaNode {
    private(set) var leaves: [(name: String, spec: ParameterSpec)] = []
    private(set) var tables: [(name: String, node: SchemaNode)] = []

    init(_ specs: [ParameterSpec], prefix: Int = 0) {
        var groups: [(name: String, specs: [ParameterSpec])] = []
        for spec in specs {
            let parts = spec.key.split(separator: ".").map(String.init)
            if parts.count == prefix + 1 {
                leaves.append((parts[prefix], spec))
            } else if let g = groups.firstIndex(where: { $0.name == parts[prefix] }) {
                groups[g].specs.append(spec)
            } else {
                groups.append((parts[prefix], [spec]))
            }
        }
        tables = groups.map { ($0.name, SchemaNode($0.specs, prefix: prefix + 1)) }
    }

    /// Checks `table` (the file's table at `path`) against this node, recording values or problems
    /// with the line of the key (of the element, for a list whose element is at fault).
    func walk(_ table: TOMLTable, at path: [String], into resolved: inout ResolvedParameters,
              problem: ([String], Int?, String) -> Void) {
        let names = leaves.map(\.name) + tables.map(\.name)
        for entry in table.entries {
            let (key, value, line) = (entry.key, entry.value, entry.position.line)
            let keyPath = path + [key]
            if let spec = leaves.first(where: { $0.name == key })?.spec {
                do { resolved.set(spec.key, try spec.kind.check(Literal(value)), from: .file) } catch let m as Mismatch {
                    let element = m.index.flatMap { i in value.array.flatMap { i < $0.count ? $0[i] : nil } }
                    var shown = keyPath
                    if let i = m.index { shown[shown.count - 1] += "[\(i)]" }
                    problem(shown, element?.position.line ?? line, m.message)
                } catch { problem(keyPath, line, "\(error)") }
            } else if let node = tables.first(where: { $0.name == key })?.node {
                if let inner = value.table {
                    node.walk(inner, at: keyPath, into: &resolved, problem: problem)
                } else {
                    let inside = node.leaves.map(\.name) + node.tables.map(\.name)
                    problem(keyPath, line, "expected a table with keys \(quotedList(inside)), got \(Literal(value).shown)")
                }
            } else {
                problem(keyPath, line, unknownKey(key, among: names))
            }
        }
    }
}

/// The parameter keys in the file at `url` with no comment on their line or on the line just above:
/// the house style asks every value to say why it was chosen. Returned, not thrown, so a caller
/// decides whether it fails a check (`rnnlab check`) or only warns. A key of an inline table
/// counts as written on the table's line, so one comment there covers them all.
public func uncommentedKeys(at url: URL) throws -> [ExperimentFileError] {
    let path = url.relativePath
    let document = try parseTOMLDocument(try readExperimentSource(url), path: path)
    var comments: [Int: Bool] = [:]   // line → whether the comment stands alone on it
    for comment in document.comments { comments[comment.position.line] = comment.standsAlone }
    var found: [(line: Int, column: Int, keyPath: String)] = []
    func visit(_ table: TOMLTable, _ keyPath: [String]) {
        for entry in table.entries {
            if let inner = entry.value.table {
                visit(inner, keyPath + [entry.key])
            } else if comments[entry.position.line] == nil && comments[entry.position.line - 1] != true {
                found.append((entry.position.line, entry.position.column, (keyPath + [entry.key]).joined(separator: ".")))
            }
        }
    }
    if let parameters = document.root["parameters"]?.table { visit(parameters, ["parameters"]) }
    return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map {
        ExperimentFileError(file: path, line: $0.line, keyPath: $0.keyPath, message: "no comment says why this value was chosen")
    }
}
