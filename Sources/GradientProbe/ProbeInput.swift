import Foundation
import LinearAlgebra
import Recurrence

/// A bad probe input: `field` is the JSON path (`weights.W_hh`, `x[1][2]`, `cell`; empty for
/// the document as a whole), `message` what was expected and what was found.
public struct ProbeInputError: Error, CustomStringConvertible, Equatable, Sendable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// One line: control characters from the input escaped (`MessageText.escaped`).
    public var description: String { MessageText.escaped(field.isEmpty ? message : "\(field): \(message)") }
}

/// A validated input of the gradient probe format v1 (`../shared/spec/gradient-probe.md`):
/// one model and one batch, whose forward pass and full BPTT of L = Σ_{b,t} ⟨dh[b][t], h_t⟩
/// `run()` computes, so any outside implementation can be compared with rnnlab number for number.
///
/// Reading checks, in this order, before anything is allocated for the model: the text is
/// strict JSON (`StrictJSONParser`) and every top-level key is a field of the format (an
/// unknown key is refused before its value is read); the declared sizes are within
/// `ProbeLimits`; every array has exactly the shape the declared sizes give it.
public struct ProbeInput {
    public static let format = "rnnlab-probe/1"

    /// The top-level fields of the format, sorted.
    public static let fieldNames = ["c0", "cell", "dh", "format", "h0", "hidden_size", "input_size", "weights", "x"]

    public let parameters: CellParameters
    public let batch: Int          // B
    public let steps: Int          // T
    public let x: Matrix           // D×TB, column t·B + b
    public let h0: Matrix          // H×B
    public let c0: Matrix          // H×B, zeros unless an LSTM input gives c0
    public let dh: Matrix          // H×TB, column t·B + b

    /// Reads probe JSON; every problem is a `ProbeInputError` naming its field.
    public init(json data: Data) throws {
        let root: JSONNode = try data.withUnsafeBytes { bytes in
            do {
                return try StrictJSONParser(maximumDepth: ProbeLimits.maximumDepth).parse(bytes, filter: ProbeKeyFilter())
            } catch let e as JSONSyntaxError {
                throw ProbeInputError(field: e.path.description, message: "\(e.message) (at byte offset \(e.offset))")
            }
        }
        try self.init(root)
    }

    private init(_ root: JSONNode) throws {
        guard case .object(let members) = root else { throw ProbeInputError(field: "", message: "expected a JSON object at the top level") }
        var fields: [String: JSONNode] = [:]
        for m in members { fields[m.key] = m.value }   // keys are unique and known: the parser and ProbeKeyFilter saw to it

        let format = Self.format
        guard let formatNode = fields["format"] else { throw ProbeInputError(field: "format", message: "missing; expected \"\(format)\"") }
        guard case .string(format) = formatNode else {
            throw ProbeInputError(field: "format", message: "expected \"\(format)\", got \(describe(formatNode))")
        }
        guard let cellNode = fields["cell"] else { throw ProbeInputError(field: "cell", message: "missing; expected one of \(cellNames)") }
        guard case .string(let cellName) = cellNode, let kind = CellKind(rawValue: cellName) else {
            throw ProbeInputError(field: "cell", message: "expected one of \(cellNames), got \(describe(cellNode))")
        }
        let D = try positiveInteger(fields, "input_size", limit: ProbeLimits.maximumInputSize)
        let H = try positiveInteger(fields, "hidden_size", limit: ProbeLimits.maximumHiddenSize)

        guard let xNode = fields["x"] else { throw ProbeInputError(field: "x", message: "missing; expected B×T×\(D) numbers") }
        let x = try sequence(xNode, field: "x", inner: D, innerName: "input_size")
        let B = x.shape[0], T = x.shape[1]
        let entries = B * T * (D + H)
        guard entries <= ProbeLimits.maximumSequenceEntries else {
            throw ProbeInputError(field: "x", message: "B·T·(input_size + hidden_size) = \(B)·\(T)·(\(D) + \(H)) = \(entries) exceeds the limit \(ProbeLimits.maximumSequenceEntries)")
        }

        let expectedNames = kind.weightNames.joined(separator: ", ")
        guard let weightsNode = fields["weights"] else { throw ProbeInputError(field: "weights", message: "missing; expected \(expectedNames)") }
        guard case .object(let weightMembers) = weightsNode else {
            throw ProbeInputError(field: "weights", message: "expected an object of named matrices")
        }
        var weights: [String: JSONNode] = [:]
        for m in weightMembers { weights[m.key] = m.value }
        for key in weights.keys.sorted() where !kind.weightNames.contains(key) { throw notAWeight(key, of: kind) }
        var weightValues: [(name: String, rows: Int, cols: Int, values: [Double])] = []
        for name in kind.weightNames {
            let s = CellParameters.shape(of: name, kind: kind, inputSize: D, hiddenSize: H)!
            let isBias = name.hasPrefix("b_")
            guard let w = weights[name] else {
                throw ProbeInputError(field: "weights.\(name)", message: "missing; expected \(isBias ? "\(s.rows) numbers" : "\(s.rows)×\(s.cols)")")
            }
            weightValues.append((name, s.rows, s.cols, try matrix(w, field: "weights.\(name)", rows: s.rows, cols: s.cols, vector: isBias)))
        }
        let h0 = try fields["h0"].map { try matrix($0, field: "h0", rows: B, cols: H) }
        var c0: [Double]?
        if let c = fields["c0"] {
            guard kind == .lstm else { throw ProbeInputError(field: "c0", message: "only the lstm cell has a cell state") }
            c0 = try matrix(c, field: "c0", rows: B, cols: H)
        }
        guard let dhNode = fields["dh"] else {
            throw ProbeInputError(field: "dh", message: "missing; expected \(B)×\(T)×\(H) numbers (the upstream gradient)")
        }
        let dh = try sequence(dhNode, field: "dh", inner: H, innerName: "hidden_size", outer: (B, T))

        // Every size is now known to be within its limit and to match the arrays given.
        var p = CellParameters(kind: kind, inputSize: D, hiddenSize: H)
        for w in weightValues { p[w.name] = Matrix(rowMajor: w.values, rows: w.rows, cols: w.cols) }
        parameters = p
        batch = B
        steps = T
        self.x = Matrix(sequence: x.values, B: B, T: T, width: D)
        self.dh = Matrix(sequence: dh.values, B: B, T: T, width: H)
        self.h0 = h0.map { Matrix(rowMajor: $0, rows: B, cols: H).transposed } ?? Matrix(rows: H, cols: B)
        self.c0 = c0.map { Matrix(rowMajor: $0, rows: B, cols: H).transposed } ?? Matrix(rows: H, cols: B)
    }
}

// MARK: - Refusing keys while parsing

/// Refuses an unknown top-level field, and a weight name no cell has (or, once `cell` has
/// been read, that this cell does not have), before the parser reads the value.
private struct ProbeKeyFilter: JSONKeyFilter {
    private var cell: CellKind?
    private static let weightsObject = JSONPath([.key("weights")])
    private static let allWeightNames = Set(CellKind.allCases.flatMap(\.weightNames))

    mutating func admit(_ key: String, in object: JSONPath) throws {
        if object.isRoot {
            guard ProbeInput.fieldNames.contains(key) else {
                throw ProbeInputError(field: JSONPath([.key(key)]).description,
                                      message: "unknown field; expected only \(ProbeInput.fieldNames.joined(separator: ", "))")
            }
        } else if object == Self.weightsObject {
            if let cell {
                if !cell.weightNames.contains(key) { throw notAWeight(key, of: cell) }
            } else if !Self.allWeightNames.contains(key) {
                var groups: [(names: [String], cells: [String])] = []
                for kind in CellKind.allCases {
                    if let g = groups.firstIndex(where: { $0.names == kind.weightNames }) { groups[g].cells.append(kind.rawValue) }
                    else { groups.append((kind.weightNames, [kind.rawValue])) }
                }
                let expected = groups.map { "\($0.names.joined(separator: ", ")) (\($0.cells.joined(separator: ", ")))" }
                throw ProbeInputError(field: "weights.\(JSONPath([.key(key)]))",
                                      message: "not a weight of any cell; expected \(expected.joined(separator: "; "))")
            }
        }
    }

    mutating func parsed(_ key: String, in object: JSONPath, value: JSONNode) {
        if object.isRoot, key == "cell", case .string(let name) = value { cell = CellKind(rawValue: name) }
    }
}

private func notAWeight(_ key: String, of kind: CellKind) -> ProbeInputError {
    ProbeInputError(field: "weights.\(JSONPath([.key(key)]))",
                    message: "not a weight of the \(kind) cell; expected \(kind.weightNames.joined(separator: ", "))")
}

// MARK: - Shape checks on the parsed tree (nothing allocated for the model yet)

private let cellNames = CellKind.allCases.map(\.rawValue).joined(separator: ", ")

/// A value as a message shows it: a string quoted and shortened, a number, `a list`, `an object`.
private func describe(_ node: JSONNode) -> String {
    switch node {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let d): return numberText(d)
    case .string(let s): return "\"\(MessageText.shortened(s))\""
    case .numbers, .list: return "a list"
    case .object: return "an object"
    }
}

/// An integral value without a fraction (`1000000`, not `1000000.0`), else Swift's shortest form.
private func numberText(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
}

/// The length of a list, or nil for anything else.
private func count(_ node: JSONNode) -> Int? {
    switch node {
    case .numbers(let a): return a.shape[0]
    case .list(let nodes): return nodes.count
    default: return nil
    }
}

/// Element `i` of a list (a copy of a slice when the list is stored flat; only error paths use it).
private func element(_ node: JSONNode, _ i: Int) -> JSONNode {
    switch node {
    case .numbers(let a): return a.element(i)
    case .list(let nodes): return nodes[i]
    default: preconditionFailure("element of a non-list")
    }
}

/// The first element of `node` (a list) that is not a number, with its index.
private func firstNonNumber(_ node: JSONNode) -> (Int, JSONNode)? {
    guard let n = count(node) else { return nil }
    if case .numbers(let a) = node { return a.shape.count == 1 || n == 0 ? nil : (0, a.element(0)) }
    for i in 0..<n {
        if case .number = element(node, i) { continue }
        return (i, element(node, i))
    }
    return nil
}

private func positiveInteger(_ fields: [String: JSONNode], _ field: String, limit: Int) throws -> Int {
    guard let v = fields[field] else { throw ProbeInputError(field: field, message: "missing; expected a positive integer") }
    guard case .number(let d) = v, d >= 1, d == d.rounded() else {
        throw ProbeInputError(field: field, message: "expected a positive integer, got \(describe(v))")
    }
    guard d <= Double(limit) else { throw ProbeInputError(field: field, message: "\(numberText(d)) exceeds the limit \(limit)") }
    return Int(d)
}

/// A rows×cols list of rows, or (`vector`) a list of `rows` numbers; the numbers row-major.
private func matrix(_ node: JSONNode, field: String, rows: Int, cols: Int, vector: Bool = false) throws -> [Double] {
    if case .numbers(let a) = node, a.shape == (vector ? [rows] : [rows, cols]) { return a.values }
    let expected = vector ? "\(rows) numbers" : "\(rows)×\(cols)"
    guard let n = count(node) else { throw ProbeInputError(field: field, message: "expected \(expected), got \(describe(node))") }
    if vector {
        guard n == rows else { throw ProbeInputError(field: field, message: "expected \(expected), got \(n)") }
        if let (i, bad) = firstNonNumber(node) {
            throw ProbeInputError(field: "\(field)[\(i)]", message: "expected a number, got \(describe(bad))")
        }
    } else {
        var rowLengths: [Int] = []
        for i in 0..<n {
            let row = element(node, i)
            guard let length = count(row) else { throw ProbeInputError(field: field, message: "expected \(expected), got \(describe(row))") }
            rowLengths.append(length)
        }
        let gotCols = rowLengths.first ?? 0
        if let bad = rowLengths.firstIndex(where: { $0 != gotCols }) {
            throw ProbeInputError(field: field, message: "expected \(expected), got rows of different lengths (row 0 has \(gotCols), row \(bad) has \(rowLengths[bad]))")
        }
        guard n == rows, gotCols == cols else { throw ProbeInputError(field: field, message: "expected \(expected), got \(n)×\(gotCols)") }
        for i in 0..<n {
            if let (j, bad) = firstNonNumber(element(node, i)) {
                throw ProbeInputError(field: "\(field)[\(i)][\(j)]", message: "expected a number, got \(describe(bad))")
            }
        }
    }
    assertionFailure("\(field): a \(expected) value that is neither stored flat nor wrong")
    throw ProbeInputError(field: field, message: "expected \(expected)")
}

/// A B×T×`inner` list (batch first), every (b, t) of the same length. Without `outer`
/// (that is, for x) B and T are read from it and checked against their limits.
private func sequence(_ node: JSONNode, field: String, inner: Int, innerName: String, outer: (B: Int, T: Int)? = nil) throws -> NumberArray {
    if case .numbers(let a) = node, a.shape.count == 3, a.shape[2] == inner, a.shape[0] >= 1, a.shape[1] >= 1 {
        if let outer, a.shape[0] == outer.B, a.shape[1] == outer.T { return a }
        if outer == nil, a.shape[0] <= ProbeLimits.maximumBatch, a.shape[1] <= ProbeLimits.maximumSteps { return a }
    }
    let what = outer.map { "\($0.B)×\($0.T)×\(inner) numbers" } ?? "B×T×\(inner) numbers (batch, time, \(innerName))"
    guard let B = count(node) else { throw ProbeInputError(field: field, message: "expected \(what), got \(describe(node))") }
    guard B > 0 else { throw ProbeInputError(field: field, message: "expected \(what), got an empty list") }
    if let outer, B != outer.B { throw ProbeInputError(field: field, message: "expected \(what), got \(B) batch elements") }
    if outer == nil, B > ProbeLimits.maximumBatch {
        throw ProbeInputError(field: field, message: "\(B) batch elements exceed the limit \(ProbeLimits.maximumBatch)")
    }
    var steps = outer?.T
    for b in 0..<B {
        let bv = element(node, b)
        guard let T = count(bv) else {
            throw ProbeInputError(field: "\(field)[\(b)]", message: "expected a list of time steps, got \(describe(bv))")
        }
        guard T > 0 else { throw ProbeInputError(field: "\(field)[\(b)]", message: "expected at least one time step") }
        if let steps, T != steps { throw ProbeInputError(field: "\(field)[\(b)]", message: "expected \(steps) time steps, got \(T)") }
        if steps == nil, T > ProbeLimits.maximumSteps {
            throw ProbeInputError(field: "\(field)[\(b)]", message: "\(T) time steps exceed the limit \(ProbeLimits.maximumSteps)")
        }
        steps = T
        for t in 0..<T {
            let tv = element(bv, t)
            guard let n = count(tv) else {
                throw ProbeInputError(field: "\(field)[\(b)][\(t)]", message: "expected \(inner) numbers, got \(describe(tv))")
            }
            guard n == inner else {
                throw ProbeInputError(field: "\(field)[\(b)][\(t)]", message: "expected \(inner) numbers (\(innerName)), got \(n)")
            }
            if let (d, bad) = firstNonNumber(tv) {
                throw ProbeInputError(field: "\(field)[\(b)][\(t)][\(d)]", message: "expected a number, got \(describe(bad))")
            }
        }
    }
    assertionFailure("\(field): a \(what) value that is neither stored flat nor wrong")
    throw ProbeInputError(field: field, message: "expected \(what)")
}

private extension Matrix {
    /// rows×cols from row-major numbers (the format's lists of rows).
    init(rowMajor values: [Double], rows: Int, cols: Int) {
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<rows { for j in 0..<cols { m[i, j] = values[i * cols + j] } }
        self = m
    }

    /// width×TB from a B×T×width sequence (batch first): column t·B + b holds [b][t].
    init(sequence values: [Double], B: Int, T: Int, width: Int) {
        var m = Matrix(rows: width, cols: T * B)
        for b in 0..<B { for t in 0..<T { for k in 0..<width { m[k, t * B + b] = values[(b * T + t) * width + k] } } }
        self = m
    }
}
