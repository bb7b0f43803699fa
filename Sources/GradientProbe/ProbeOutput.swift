import LinearAlgebra
import Recurrence

extension ProbeInput {
    /// The forward pass and full BPTT of L = Σ_{b,t} ⟨dh[b][t], h_t⟩, and the singular values
    /// of every recurrent matrix. A result that is not finite everywhere (a ReLU net whose
    /// state overflows) is a `ProbeInputError`, found before anything is written.
    public func run() throws -> ProbeOutput {
        let p = parameters, kind = p.kind
        let net = BPTT(kind: kind, inputSize: p.inputSize, hiddenSize: p.hiddenSize, batch: batch, steps: steps)
        x.withRef { net.x.copy(from: $0) }
        h0.withRef { net.h(0).copy(from: $0) }
        if kind == .lstm { c0.withRef { net.c(0)!.copy(from: $0) } }
        net.forward(p)
        dh.withRef { net.dhLoss.copy(from: $0) }
        net.backward(p)
        var singularValues: [(name: String, values: [Double])] = []
        for name in kind.recurrentWeightNames {
            // The format names the one recurrent matrix of tanh and relu W_hh, and each gate's W_h{gate}.
            singularValues.append((kind.gates == 1 ? "W_hh" : name, try LinearAlgebra.singularValues(p[name])))
        }
        let output = ProbeOutput(net: net, singularValues: singularValues)
        guard output.isFinite else {
            throw ProbeInputError(field: "", message: "the result is not finite (overflow in the forward or backward pass)")
        }
        return output
    }
}

/// The probe's result, written as the format's output object (`writeJSON`).
public struct ProbeOutput {
    let net: BPTT
    let singularValues: [(name: String, values: [Double])]

    /// Every number the output holds.
    var isFinite: Bool {
        let kind = net.kind, B = net.batch, T = net.steps
        var refs = [net.hs.columns(B, T * B), net.dh, net.dx, net.dh0]
        if kind == .lstm { refs += [net.cs!.columns(B, T * B), net.dc!, net.dc0!] }
        let g = net.gradients
        return refs.allSatisfy(\.isFinite)
            && kind.weightNames.allSatisfy { g[$0].isFinite }
            && net.gradHNorm.allSatisfy(\.isFinite)
            && singularValues.allSatisfy { $0.values.allSatisfy(\.isFinite) }
    }

    /// The output JSON and a final newline, handed to `sink` in pieces of about 64 KB, so an
    /// output of any size is never held whole. Numbers are Swift's shortest round-trip form.
    public func writeJSON(to sink: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(sink) { write(to: StreamingJSONWriter(sink: $0)) }
    }

    private func write(to writer: StreamingJSONWriter) {
        let kind = net.kind, B = net.batch, T = net.steps
        let g = net.gradients
        var w = writer
        w.open()
        w.key("format"); w.string(ProbeInput.format)
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
        for (name, s) in singularValues { w.key(name); w.numbers(s) }
        w.close()
        w.close()
        w.newline()
        w.flush()
    }

    /// The whole output as text (for tests; `writeJSON` for output of any size).
    public var jsonText: String {
        var bytes: [UInt8] = []
        writeJSON { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension MatrixRef {
    var isFinite: Bool {
        for j in 0..<cols { for i in 0..<rows where !self[i, j].isFinite { return false } }
        return true
    }
}

/// A JSON writer for the probe's output: keys and strings are the format's own names
/// (no escaping needed), numbers finite (checked before writing).
private struct StreamingJSONWriter {
    /// Bytes held before they go to the sink.
    static let chunkBytes = 1 << 16

    let sink: (UnsafeRawBufferPointer) -> Void
    private var buffer: [UInt8] = []
    private var needComma = [false]

    init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunkBytes + 256)
    }

    mutating func flush() {
        buffer.withUnsafeBytes { sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= Self.chunkBytes { flush() }
    }

    private mutating func item() {
        if needComma[needComma.count - 1] { emit(",") }
        needComma[needComma.count - 1] = true
    }

    mutating func open() { item(); emit("{"); needComma.append(false) }
    mutating func close() { emit("}"); needComma.removeLast() }
    mutating func newline() { emit("\n") }
    mutating func key(_ k: String) { item(); emit("\"\(k)\":"); needComma[needComma.count - 1] = false }
    mutating func string(_ s: String) { item(); emit("\"\(s)\"") }

    /// Integral values without a fraction (`2`, not `2.0`), −0 as `-0.0`, else Swift's shortest round-trip form.
    mutating func number(_ d: Double) {
        item()
        if d == 0 && d.sign == .minus { emit("-0.0"); return }
        emit(d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)")
    }

    private mutating func list(_ body: (inout Self) -> Void) {
        item(); emit("["); needComma.append(false)
        body(&self)
        needComma.removeLast(); emit("]")
    }

    mutating func numbers(_ v: [Double]) { list { w in v.forEach { w.number($0) } } }

    mutating func matrixRows(_ m: Matrix) {
        list { w in for i in 0..<m.rows { w.list { w in for j in 0..<m.cols { w.number(m[i, j]) } } } }
    }

    /// An H×B view as B lists of H (batch first).
    mutating func batchRows(_ m: MatrixRef) {
        list { w in for b in 0..<m.cols { w.list { w in for k in 0..<m.rows { w.number(m[k, b]) } } } }
    }

    /// An N×TB sequence as B×T×N lists.
    mutating func sequence(_ m: MatrixRef, B: Int, T: Int) {
        list { w in
            for b in 0..<B { w.list { w in for t in 0..<T { w.list { w in for k in 0..<m.rows { w.number(m[k, t * B + b]) } } } } }
        }
    }
}
