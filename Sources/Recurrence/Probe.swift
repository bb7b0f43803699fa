import Foundation
import LinearAlgebra

/// The gradient probe format v1 (`../shared/spec/gradient-probe.md`): one model and one
/// batch in, the forward pass and full BPTT of L = Σ_{b,t} ⟨dh[b][t], h_t⟩ out, so any
/// outside implementation can be compared with rnnlab number for number.
public enum Probe {
    public static let format = "rnnlab-probe/1"

    /// A bad input: `field` is the JSON path (`weights.W_hh`, `x`, `cell`), `message` what was expected.
    public struct InputError: Error, CustomStringConvertible, Equatable {
        public let field: String
        public let message: String
        public var description: String { field.isEmpty ? message : "\(field): \(message)" }
    }

    /// A validated probe input. x, dh are D×TB and H×TB (column t·B + b); h0, c0 are H×B.
    public struct Input {
        public var parameters: CellParameters
        public var batch: Int
        public var steps: Int
        public var x: Matrix
        public var h0: Matrix
        public var c0: Matrix
        public var dh: Matrix
    }

    /// Parses and validates probe JSON; every problem names its field.
    public static func parse(_ data: Data) throws -> Input {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: markNonFinite(data), options: []) }
        catch { throw InputError(field: "", message: "not JSON: \(jsonReason(error))") }
        guard let obj = root as? [String: Any] else { throw InputError(field: "", message: "expected a JSON object at the top level") }

        guard let fmt = obj["format"] else { throw InputError(field: "format", message: "missing; expected \"\(format)\"") }
        guard let f = fmt as? String, f == format else { throw InputError(field: "format", message: "expected \"\(format)\", got \(show(fmt))") }
        guard let cellAny = obj["cell"] else { throw InputError(field: "cell", message: "missing; expected one of tanh, relu, lstm, gru") }
        guard let cellName = cellAny as? String, let kind = CellKind(rawValue: cellName) else {
            throw InputError(field: "cell", message: "expected one of tanh, relu, lstm, gru, got \(show(cellAny))")
        }
        let D = try positiveInt(obj, "input_size")
        let H = try positiveInt(obj, "hidden_size")
        guard let xAny = obj["x"] else { throw InputError(field: "x", message: "missing; expected B×T×\(D) numbers") }
        let x3 = try tensor3(xAny, field: "x", inner: D, innerName: "input_size")
        let B = x3.count, T = x3[0].count
        guard let weightsAny = obj["weights"] else { throw InputError(field: "weights", message: "missing; expected \(kind.weightNames.joined(separator: ", "))") }
        guard let weights = weightsAny as? [String: Any] else { throw InputError(field: "weights", message: "expected an object of named matrices") }
        var p = CellParameters(kind: kind, inputSize: D, hiddenSize: H)
        for key in weights.keys.sorted() where !kind.weightNames.contains(key) {
            throw InputError(field: "weights.\(key)", message: "not a weight of the \(kind) cell; expected \(kind.weightNames.joined(separator: ", "))")
        }
        for name in kind.weightNames {
            let s = p.shape(of: name)!
            guard let w = weights[name] else { throw InputError(field: "weights.\(name)", message: "missing; expected \(shapeText(name, s))") }
            p[name] = try matrix(w, field: "weights.\(name)", rows: s.rows, cols: s.cols, vector: s.cols == 1 && name.hasPrefix("b_"))
        }
        var xm = Matrix(rows: D, cols: T * B)
        for b in 0..<B { for t in 0..<T { for d in 0..<D { xm[d, t * B + b] = x3[b][t][d] } } }
        let h0 = try obj["h0"].map { try matrix($0, field: "h0", rows: B, cols: H).transposed } ?? Matrix(rows: H, cols: B)
        var c0 = Matrix(rows: H, cols: B)
        if let c = obj["c0"] {
            guard kind == .lstm else { throw InputError(field: "c0", message: "only the lstm cell has a cell state") }
            c0 = try matrix(c, field: "c0", rows: B, cols: H).transposed
        }
        guard let dhAny = obj["dh"] else { throw InputError(field: "dh", message: "missing; expected \(B)×\(T)×\(H) numbers (the upstream gradient)") }
        let dh3 = try tensor3(dhAny, field: "dh", inner: H, innerName: "hidden_size", outer: (B, T))
        var dhm = Matrix(rows: H, cols: T * B)
        for b in 0..<B { for t in 0..<T { for k in 0..<H { dhm[k, t * B + b] = dh3[b][t][k] } } }
        let known: Set<String> = ["format", "cell", "input_size", "hidden_size", "weights", "x", "h0", "c0", "dh"]
        if let extra = obj.keys.sorted().first(where: { !known.contains($0) }) {
            throw InputError(field: extra, message: "unknown field; expected only \(known.sorted().joined(separator: ", "))")
        }
        return Input(parameters: p, batch: B, steps: T, x: xm, h0: h0, c0: c0, dh: dhm)
    }

    /// Runs the forward pass and BPTT, and writes the output JSON (shortest round-trip numbers).
    public static func run(_ input: Input) throws -> String {
        let p = input.parameters, kind = p.kind
        let D = p.inputSize, H = p.hiddenSize, B = input.batch, T = input.steps
        let net = BPTT(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
        input.x.withRef { net.x.copy(from: $0) }
        input.h0.withRef { net.h(0).copy(from: $0) }
        if kind == .lstm { input.c0.withRef { net.c(0)!.copy(from: $0) } }
        net.forward(p)
        input.dh.withRef { net.dhLoss.copy(from: $0) }
        net.backward(p)

        var svs: [(String, [Double])] = []
        for name in kind.recurrentWeightNames {
            let label = kind.gates == 1 ? "W_hh" : name
            svs.append((label, try singularValues(p[name])))
        }
        let g = net.gradients
        var w = JSONWriter()
        w.open()
        w.key("format"); w.string(format)
        w.key("cell"); w.string(kind.rawValue)
        w.key("h"); w.sequence(net.hs.columns(B, T * B), B: B, T: T)
        if kind == .lstm { w.key("c"); w.sequence(net.cs!.columns(B, T * B), B: B, T: T) }
        w.key("grad"); w.open()
        w.key("h"); w.sequence(net.dh, B: B, T: T)
        if kind == .lstm { w.key("c"); w.sequence(net.dc!, B: B, T: T) }
        w.key("x"); w.sequence(net.dx, B: B, T: T)
        w.key("h0"); w.batchRows(net.dh0)
        if kind == .lstm { w.key("c0"); w.batchRows(net.dc0!) }
        w.key("weights"); w.open()
        for name in kind.weightNames {
            w.key(name)
            let m = g[name]
            if name.hasPrefix("b_") { w.numbers(m.elements) } else { w.matrixRows(m) }
        }
        w.close()
        w.close()
        w.key("grad_h_norm"); w.numbers(net.gradHNorm)
        w.key("singular_values"); w.open()
        for (name, s) in svs { w.key(name); w.numbers(s) }
        w.close()
        w.close()
        guard w.allFinite else { throw InputError(field: "", message: "the result is not finite (overflow in the forward or backward pass)") }
        return w.text
    }

    // MARK: - Validation helpers

    private static func show(_ v: Any) -> String {
        if let s = v as? String { return "\"\(s)\"" }
        if v is NSNull { return "null" }
        if let n = v as? NSNumber { return isBool(n) ? (n.boolValue ? "true" : "false") : "\(n.doubleValue)" }
        if v is [Any] { return "a list" }
        if v is [String: Any] { return "an object" }
        return "\(v)"
    }

    /// JSON true/false arrive as NSNumber; their type code is "c" (char).
    private static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    /// Marks NaN, Infinity and numbers beyond Double's range as strings before parsing,
    /// so that the field holding one can be named instead of failing the whole parse.
    static func markNonFinite(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0, inString = false
        func isTokenByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2B || b == 0x2D || b == 0x2E
        }
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                out.append(b)
                if b == 0x5C, i + 1 < bytes.count { out.append(bytes[i + 1]); i += 2; continue }
                if b == 0x22 { inString = false }
                i += 1
                continue
            }
            if b == 0x22 { inString = true; out.append(b); i += 1; continue }
            if isTokenByte(b) {
                var j = i
                while j < bytes.count, isTokenByte(bytes[j]) { j += 1 }
                let token = String(decoding: bytes[i..<j], as: UTF8.self)
                let lower = token.lowercased()
                let nonFinite = ["nan", "-nan", "+nan", "infinity", "-infinity", "+infinity", "inf", "-inf", "+inf"].contains(lower)
                    || (token.first.map { $0.isNumber || $0 == "-" } == true && Double(token).map { !$0.isFinite } == true)
                if nonFinite { out += Array("\"\\u0001\(token)\"".utf8) } else { out += bytes[i..<j] }
                i = j
                continue
            }
            out.append(b)
            i += 1
        }
        return Data(out)
    }

    private static func number(_ v: Any, field: String) throws -> Double {
        if let s = v as? String, s.hasPrefix("\u{1}") {
            throw InputError(field: field, message: "expected a finite number, got \(s.dropFirst())")
        }
        guard let n = v as? NSNumber, !isBool(n) else { throw InputError(field: field, message: "expected a number, got \(show(v))") }
        let d = n.doubleValue
        guard d.isFinite else { throw InputError(field: field, message: "expected a finite number, got \(d)") }
        return d
    }

    private static func positiveInt(_ obj: [String: Any], _ field: String) throws -> Int {
        guard let v = obj[field] else { throw InputError(field: field, message: "missing; expected a positive integer") }
        let d = try number(v, field: field)
        guard d >= 1, d == d.rounded(), d <= 100_000 else { throw InputError(field: field, message: "expected a positive integer, got \(show(v))") }
        return Int(d)
    }

    private static func list(_ v: Any, field: String, expected: String) throws -> [Any] {
        guard let l = v as? [Any] else { throw InputError(field: field, message: "expected \(expected), got \(show(v))") }
        return l
    }

    private static func shapeText(_ name: String, _ s: (rows: Int, cols: Int)) -> String {
        name.hasPrefix("b_") ? "\(s.rows) numbers" : "\(s.rows)×\(s.cols)"
    }

    /// A rows×cols list of rows, or (vector) a list of `rows` numbers.
    private static func matrix(_ v: Any, field: String, rows: Int, cols: Int, vector: Bool = false) throws -> Matrix {
        let expected = vector ? "\(rows) numbers" : "\(rows)×\(cols)"
        let outer = try list(v, field: field, expected: expected)
        if vector {
            guard outer.count == rows else { throw InputError(field: field, message: "expected \(expected), got \(outer.count)") }
            return Matrix(column: try outer.enumerated().map { try number($1, field: "\(field)[\($0)]") })
        }
        let rowLists = try outer.map { try list($0, field: field, expected: expected) }
        let gotCols = rowLists.first?.count ?? 0
        if let bad = rowLists.firstIndex(where: { $0.count != gotCols }) {
            throw InputError(field: field, message: "expected \(expected), got rows of different lengths (row 0 has \(gotCols), row \(bad) has \(rowLists[bad].count))")
        }
        guard outer.count == rows, gotCols == cols else {
            throw InputError(field: field, message: "expected \(expected), got \(outer.count)×\(gotCols)")
        }
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<rows { for j in 0..<cols { m[i, j] = try number(rowLists[i][j], field: "\(field)[\(i)][\(j)]") } }
        return m
    }

    /// A B×T×inner nested list (batch first), every (b, t) of the same length.
    private static func tensor3(_ v: Any, field: String, inner: Int, innerName: String, outer: (Int, Int)? = nil) throws -> [[[Double]]] {
        let what = outer.map { "\($0.0)×\($0.1)×\(inner) numbers" } ?? "B×T×\(inner) numbers (batch, time, \(innerName))"
        let bl = try list(v, field: field, expected: what)
        guard !bl.isEmpty else { throw InputError(field: field, message: "expected \(what), got an empty list") }
        if let (B, _) = outer, bl.count != B { throw InputError(field: field, message: "expected \(what), got \(bl.count) batch elements") }
        var out: [[[Double]]] = []
        var T0: Int? = outer?.1
        for (b, bv) in bl.enumerated() {
            let tl = try list(bv, field: "\(field)[\(b)]", expected: "a list of time steps")
            guard !tl.isEmpty else { throw InputError(field: "\(field)[\(b)]", message: "expected at least one time step") }
            if let T = T0, tl.count != T { throw InputError(field: "\(field)[\(b)]", message: "expected \(T) time steps, got \(tl.count)") }
            T0 = tl.count
            out.append(try tl.enumerated().map { t, tv in
                let dl = try list(tv, field: "\(field)[\(b)][\(t)]", expected: "\(inner) numbers")
                guard dl.count == inner else { throw InputError(field: "\(field)[\(b)][\(t)]", message: "expected \(inner) numbers (\(innerName)), got \(dl.count)") }
                return try dl.enumerated().map { try number($1, field: "\(field)[\(b)][\(t)][\($0)]") }
            })
        }
        return out
    }

    private static func jsonReason(_ error: Error) -> String {
        let ns = error as NSError
        if let d = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return d }
        return ns.localizedDescription
    }
}

/// A small JSON writer with shortest round-trip numbers (Swift's `Double.description`).
struct JSONWriter {
    private(set) var text = ""
    private(set) var allFinite = true
    private var needComma = [false]

    private mutating func item() {
        if needComma[needComma.count - 1] { text += "," }
        needComma[needComma.count - 1] = true
    }
    mutating func open() { item(); text += "{"; needComma.append(false) }
    mutating func close() { text += "}"; needComma.removeLast() }
    mutating func key(_ k: String) { item(); text += "\"\(k)\":"; needComma[needComma.count - 1] = false }
    mutating func string(_ s: String) { item(); text += "\"\(s)\"" }
    mutating func number(_ d: Double) {
        item()
        if !d.isFinite { allFinite = false; text += "null"; return }
        if d == 0 && d.sign == .minus { text += "-0.0"; return }
        text += d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
    }
    mutating func numbers(_ v: [Double]) { item(); text += "["; needComma.append(false); v.forEach { number($0) }; needComma.removeLast(); text += "]" }
    mutating func matrixRows(_ m: Matrix) {
        item(); text += "["; needComma.append(false)
        for i in 0..<m.rows { numbers((0..<m.cols).map { m[i, $0] }) }
        needComma.removeLast(); text += "]"
    }
    /// An H×B view as B lists of H (batch first).
    mutating func batchRows(_ m: MatrixRef) {
        item(); text += "["; needComma.append(false)
        for b in 0..<m.cols { numbers((0..<m.rows).map { m[$0, b] }) }
        needComma.removeLast(); text += "]"
    }
    /// An N×TB sequence as B×T×N lists.
    mutating func sequence(_ m: MatrixRef, B: Int, T: Int) {
        item(); text += "["; needComma.append(false)
        for b in 0..<B {
            item(); text += "["; needComma.append(false)
            for t in 0..<T { numbers((0..<m.rows).map { m[$0, t * B + b] }) }
            needComma.removeLast(); text += "]"
        }
        needComma.removeLast(); text += "]"
    }
}
