import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LinearAlgebra
import Recurrence
import Testing
@testable import Lab

// rnn-diagrams at its --quick size (D = 65, H = 20, T = 3, K = 3), read through its typed result.

private let quick = Result { try runQuick(RNNDiagrams.self) }

/// The text of an SVG, one line per <text> element, script marks dropped; nil when not well-formed.
private func texts(_ svg: String) -> [String]? {
    final class Collector: NSObject, XMLParserDelegate {
        var lines: [String] = [], depth = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) { if name == "text" { lines.append(""); depth += 1 } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { depth -= 1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if depth > 0 { lines[lines.count - 1] += string } }
    }
    let parser = XMLParser(data: Data(svg.utf8)), collector = Collector()
    parser.delegate = collector
    return parser.parse() ? collector.lines : nil
}

@Test("rnn-diagrams: the blocks' shapes and parameter counts at D = 65, H = 20, and the LSTM that matches the GRU")
func shapesAndCounts() throws {
    let r = try quick.get().result
    #expect(r.inputSize == 65 && r.hidden == 20)
    let lstm = try #require(r.cells["lstm"]), gru = try #require(r.cells["gru"]), tanh = try #require(r.cells["tanh"])
    #expect(lstm.gates == ["i", "f", "g", "o"] && gru.gates == ["r", "z", "n"] && tanh.gates == ["h"])
    #expect(lstm.W_x == [80, 65] && lstm.W_h == [80, 20] && lstm.W == [80, 85] && lstm.biases == 80)
    #expect(gru.W == [60, 85] && gru.biases == 60 + 20 && tanh.W == [20, 85])
    #expect(tanh.parameters == 20 * 86 && lstm.parameters == 4 * 20 * 86 && gru.parameters == 3 * 20 * 86 + 20)
    // 4H(65 + H + 1) ≤ 5 180 up to H = 15 (4 860); H = 16 gives 5 248.
    #expect(r.lstmHiddenMatchingGRU == 15)
    #expect(r.deep == RNNDiagrams.DeepPaths(layers: 3, steps: 3, factorsPerPath: 4, paths: 6))
    #expect(r.diagrams == ["bidirectional.svg", "deep.svg", "gru-cell.svg", "lstm-cell.svg", "unrolled.svg"])
}

@Test("rnn-diagrams: the lecture's W [h_{t−1}; x_t] + b, cut into the lab's row blocks, gives the LSTM's gates as BPTT computes them")
func concatenatedFormIsTheLabsProduct() throws {
    let D = 3, H = 2
    var rng = SeededGenerator(seed: 7)
    let p = CellParameters(kind: .lstm, inputSize: D, hiddenSize: H, initialization: .uniform(bound: 0.8, forgetBias: 1), using: &rng)
    let x = (0..<D).map { _ in rng.gaussian() }, h0 = (0..<H).map { _ in rng.gaussian() }, c0 = (0..<H).map { _ in rng.gaussian() }
    // W = [W_h W_x]: 4H×(H + D), acting on [h_0; x_1].
    var W = Matrix(rows: 4 * H, cols: H + D)
    for i in 0..<4 * H {
        for j in 0..<H { W[i, j] = p.W_h[i, j] }
        for j in 0..<D { W[i, H + j] = p.W_x[i, j] }
    }
    let a = zip(W.applied(to: h0 + x), p.b).map { $0 + $1 }
    let bptt = BPTT(kind: .lstm, inputSize: D, hiddenSize: H, batch: 1, steps: 1)
    for d in 0..<D { bptt.x[d, 0] = x[d] }
    for j in 0..<H { bptt.hs[j, 0] = h0[j]; bptt.cs![j, 0] = c0[j] }
    bptt.forward(p)
    let gates = bptt.gates(1)
    func σ(_ v: Double) -> Double { 1 / (1 + exp(-v)) }
    var worst = 0.0
    for (k, name) in ["i", "f", "g", "o"].enumerated() {
        for j in 0..<H {
            let expected = name == "g" ? Foundation.tanh(a[k * H + j]) : σ(a[k * H + j])
            worst = max(worst, abs(gates[k * H + j, 0] - expected))
        }
    }
    #expect(worst < 1e-14, "largest difference \(worst)")
    // c_1 = f ∘ c_0 + i ∘ g from the same blocks.
    for j in 0..<H {
        let c1 = σ(a[H + j]) * c0[j] + σ(a[j]) * Foundation.tanh(a[2 * H + j])
        #expect(abs(bptt.cs![j, 1] - c1) < 1e-14)
    }
}

@Test("rnn-diagrams: every picture is well-formed SVG whose labels name the lab's blocks in the lab's order")
func picturesNameTheLabsBlocks() throws {
    let run = try quick.get()
    expectFiguresDrawable(run.figures, experiment: RNNDiagrams.name)
    let files = RNNDiagrams.diagrams(run.result, settings: try quickSettings(RNNDiagrams.self)).mapValues { Data($0.svg.utf8) }
    #expect(files.keys.sorted() == run.result.diagrams)
    var all: [String: [String]] = [:]
    for (name, data) in files { all[name] = try #require(texts(String(decoding: data, as: UTF8.self)), "\(name) is not well-formed") }
    let lstm = try #require(all["lstm-cell.svg"]), gru = try #require(all["gru-cell.svg"])
    #expect(lstm.contains { $0.hasPrefix("Wx = [Wxi; Wxf; Wxg; Wxo]: 4H×D,   Wh = [Whi; Whf; Whg; Who]: 4H×H,   W = [Wh  Wx]: 4H×(H + D)") }, "\(lstm)")
    #expect(gru.contains { $0.hasPrefix("Wx = [Wxr; Wxz; Wxn]: 3H×D,   Wh = [Whr; Whz; Whn]: 3H×H") }, "\(gru)")
    #expect(gru.contains { $0.contains("rt ∘ (Whn ht−1 + bhn)") }, "the reset after W_hn")
    let unrolled = try #require(all["unrolled.svg"]), deep = try #require(all["deep.svg"])
    #expect(unrolled.filter { $0.hasPrefix("x") && $0.count <= 2 }.count == 1 + 3, "x_t folded, then x_1, x_2, x_T: \(unrolled)")
    #expect(deep.contains { $0.contains("C(4, 2) = 6 paths") }, "\(deep)")
}
