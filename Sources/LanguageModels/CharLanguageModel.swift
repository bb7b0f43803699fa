import Foundation
import LinearAlgebra
import Recurrence

/// A character-level RNN language model: one-hot input, L recurrent layers, softmax readout.
///
///     h_t^(1) = cell(onehot(x_t), h_{t−1}^(1)),   h_t^(ℓ) = cell(h_t^(ℓ−1), h_{t−1}^(ℓ))
///     ŷ_t = softmax(W_S h_t^(L) + b_S),   P(x_{t+1} = v_j | x_t … x_1) = ŷ_{t,j}
///
/// The lecture's RNN language model (min-char-rnn's `Wxh, Whh, Why`) with the cells of
/// `Recurrence`. Layer 1 reads D = V inputs, the layers above read H.
public struct CharLanguageModel: Sendable, Equatable {
    public let kind: CellKind
    /// Symbol j of the one-hot input and of the softmax output.
    public let vocabulary: [Unicode.Scalar]
    public let hiddenSize: Int
    /// The recurrent layers, bottom first.
    public var layers: [CellParameters]
    public var W_S: Matrix      // V×H
    public var b_S: [Double]    // V

    public var vocabularySize: Int { vocabulary.count }
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } + W_S.elements.count + b_S.count }

    /// A fresh model: cell weights and biases U(−initScale, initScale) (char-rnn's ±0.08),
    /// the LSTM forget-gate bias b_f = `forgetBias` (char-rnn's 1; Jozefowicz et al. 2015),
    /// W_S U(−readoutScale, readoutScale) and b_S = 0. A small readout makes every logit
    /// near 0, so the first softmax is near uniform and the first loss near ln V per character.
    public init(kind: CellKind, vocabulary: [Unicode.Scalar], hiddenSize H: Int, layers L: Int = 1,
                initScale: Double = 0.08, readoutScale: Double = 0.01, forgetBias: Double = 1, seed: UInt64 = 0) {
        precondition(!vocabulary.isEmpty && H >= 1 && L >= 1, "CharLanguageModel: V=\(vocabulary.count) H=\(H) L=\(L)")
        let V = vocabulary.count
        var rng = SeededGenerator(seed: seed)
        self.kind = kind
        self.vocabulary = vocabulary
        hiddenSize = H
        let initialization = CellInitialization(inputWeights: .uniform(bound: initScale), recurrentWeights: .uniform(bound: initScale),
                                                biases: .uniformScaled(bound: initScale), forgetBias: forgetBias)
        layers = (0..<L).map { l in
            CellParameters(kind: kind, inputSize: l == 0 ? V : H, hiddenSize: H, initialization: initialization, using: &rng)
        }
        W_S = Initializer.uniform(rows: V, cols: H, bound: readoutScale, using: &rng)
        b_S = [Double](repeating: 0, count: V)
    }

    /// Every parameter as one vector: each layer's `flat`, then W_S, then b_S.
    public var flat: [Double] {
        get { layers.flatMap(\.flat) + W_S.elements + b_S }
        set {
            precondition(newValue.count == parameterCount, "flat: \(newValue.count) values for \(parameterCount)")
            var o = 0
            for l in layers.indices {
                let n = layers[l].parameterCount
                layers[l].flat = Array(newValue[o..<(o + n)]); o += n
            }
            W_S.elements = Array(newValue[o..<(o + W_S.elements.count)]); o += W_S.elements.count
            b_S = Array(newValue[o...])
        }
    }

    /// Vocabulary indices of `text`; scalars outside the vocabulary become U+FFFD when the
    /// vocabulary has it and are dropped otherwise.
    public func encode(_ text: String) -> [Int] {
        var index = [UInt32: Int]()
        for (i, s) in vocabulary.enumerated() { index[s.value] = i }
        let unknown = index[0xFFFD]
        return text.unicodeScalars.compactMap { index[$0.value] ?? unknown }
    }

    /// Draws `length` characters after `prime`, reproducibly: the same model, prime,
    /// temperature and seed give the same text on every machine.
    ///
    /// The prime is fed through the network from a zero state; each next character is drawn
    /// from softmax(z/τ). τ = 1 samples the model, τ < 1 sharpens it, τ = 0 takes the argmax
    /// (the lowest index on ties). An empty or entirely unknown prime starts from "\n" when the
    /// vocabulary has it, else from the first symbol. The prime is not part of the returned text.
    /// `emit`, when given, receives the drawn text in pieces of `emitEvery` characters as they are
    /// drawn (a long sample reaches a terminal while it runs); the whole text is returned too.
    public func sample(prime: String, length: Int, temperature: Double = 1, seed: UInt64 = 0,
                       emitEvery: Int = 256, emit: ((String) -> Void)? = nil) -> String {
        precondition(temperature >= 0 && length >= 0, "sample: temperature \(temperature), length \(length)")
        var input = encode(prime)
        if input.isEmpty { input = [vocabulary.firstIndex(of: "\n") ?? 0] }
        let V = vocabularySize, H = hiddenSize
        let net = StackedRNN(kind: kind, inputSize: V, hiddenSize: H, layers: layers.count, batch: 1, steps: 1)
        var rng = SeededGenerator(seed: seed)
        var logits = [Double](repeating: 0, count: V)
        var out = String.UnicodeScalarView()
        func step(_ id: Int) {
            let x = net.x
            x.fill(0)
            x[id, 0] = 1
            for layer in net.layers {                     // carry the state: h_0 ← h_1 (and c)
                layer.h(0).copy(from: layer.h(1))
                if let c0 = layer.c(0), let c1 = layer.c(1) { c0.copy(from: c1) }
            }
            net.forward(layers)
            let h = net.layers[layers.count - 1].h(1)
            W_S.withRef { W in logits.withUnsafeMutableBufferPointer { z in
                gemm(W, h, into: MatrixRef(z.baseAddress!, rows: V, cols: 1))
            } }
            for j in 0..<V { logits[j] += b_S[j] }
        }
        for id in input { step(id) }
        var emitted = out.startIndex
        for k in 0..<length {
            let next = Self.draw(logits: logits, temperature: temperature, rng: &rng)
            out.append(vocabulary[next])
            step(next)
            if let emit, (k + 1) % max(1, emitEvery) == 0 || k + 1 == length {
                emit(String(out[emitted...]))
                emitted = out.endIndex
            }
        }
        return String(out)
    }

    /// One index from softmax(z/τ) by inverting the cumulative distribution with one
    /// uniform draw; τ = 0 is the argmax.
    static func draw(logits z: [Double], temperature τ: Double, rng: inout SeededGenerator) -> Int {
        var best = 0
        for j in 1..<z.count where z[j] > z[best] { best = j }
        if τ == 0 { return best }
        var p = z.map { exp(($0 - z[best]) / τ) }
        let s = p.reduce(0, +)
        for j in p.indices { p[j] /= s }
        let u = rng.uniform()
        var acc = 0.0
        for j in p.indices {
            acc += p[j]
            if u < acc { return j }
        }
        return p.lastIndex { $0 > 0 } ?? best   // u beyond Σp by rounding
    }
}

// MARK: - JSON

/// Saved as JSON in the probe format's naming:
///
///     { "format": "rnnlab-char-lm/1", "cell": "lstm", "vocabulary": ["\n", " ", "a", …],
///       "hidden_size": 128, "layers": [ { "W_xi": [[…], …], …, "b_i": […], … } ],
///       "W_S": [[…], …], "b_S": […] }
///
/// Matrices are lists of rows, biases flat lists (as in the probe format); layer 1's input
/// size is the vocabulary size, the others' the hidden size. Numbers are written in their
/// shortest round-trip form, so loading gives back every bit.
extension CharLanguageModel: Codable {
    public static let format = "rnnlab-char-lm/1"

    private struct JSONKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(Self.format, forKey: JSONKey("format"))
        try c.encode(kind.rawValue, forKey: JSONKey("cell"))
        try c.encode(vocabulary.map { String($0) }, forKey: JSONKey("vocabulary"))
        try c.encode(hiddenSize, forKey: JSONKey("hidden_size"))
        var list = c.nestedUnkeyedContainer(forKey: JSONKey("layers"))
        for p in layers {
            var w = list.nestedContainer(keyedBy: JSONKey.self)
            for name in kind.weightNames {
                let m = p[name]
                if name.hasPrefix("b_") { try w.encode(m.elements, forKey: JSONKey(name)) }
                else { try w.encode(m.rowList, forKey: JSONKey(name)) }
            }
        }
        try c.encode(W_S.rowList, forKey: JSONKey("W_S"))
        try c.encode(b_S, forKey: JSONKey("b_S"))
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        func fail(_ key: String, _ message: String) -> DecodingError {
            .dataCorruptedError(forKey: JSONKey(key), in: c, debugDescription: message)
        }
        let format = try c.decode(String.self, forKey: JSONKey("format"))
        guard format == Self.format else { throw fail("format", "expected \"\(Self.format)\", got \"\(format)\"") }
        let cell = try c.decode(String.self, forKey: JSONKey("cell"))
        guard let kind = CellKind(rawValue: cell) else { throw fail("cell", "expected tanh, relu, lstm or gru, got \"\(cell)\"") }
        let symbols = try c.decode([String].self, forKey: JSONKey("vocabulary"))
        let vocabulary = try symbols.map { s -> Unicode.Scalar in
            guard s.unicodeScalars.count == 1 else { throw fail("vocabulary", "\"\(s)\" is not one Unicode scalar") }
            return s.unicodeScalars.first!
        }
        let H = try c.decode(Int.self, forKey: JSONKey("hidden_size"))
        guard H >= 1, !vocabulary.isEmpty else { throw fail("hidden_size", "need hidden_size ≥ 1 and a vocabulary") }
        let V = vocabulary.count
        var list = try c.nestedUnkeyedContainer(forKey: JSONKey("layers"))
        var layers: [CellParameters] = []
        while !list.isAtEnd {
            let w = try list.nestedContainer(keyedBy: JSONKey.self)
            var p = CellParameters(kind: kind, inputSize: layers.isEmpty ? V : H, hiddenSize: H)
            for name in kind.weightNames {
                let s = p.shape(of: name)!
                let m: Matrix
                if name.hasPrefix("b_") { m = Matrix(column: try w.decode([Double].self, forKey: JSONKey(name))) }
                else { m = Matrix(rowList: try Self.rows(w, name, s.rows)) }
                guard m.rows == s.rows && m.cols == s.cols else {
                    throw fail("layers", "layer \(layers.count + 1) \(name): \(m.rows)×\(m.cols), expected \(s.rows)×\(s.cols)")
                }
                p[name] = m
            }
            layers.append(p)
        }
        guard !layers.isEmpty else { throw fail("layers", "no layers") }
        let W = Matrix(rowList: try Self.rows(c, "W_S", V))
        guard W.rows == V && W.cols == H else { throw fail("W_S", "\(W.rows)×\(W.cols), expected \(V)×\(H)") }
        let b = try c.decode([Double].self, forKey: JSONKey("b_S"))
        guard b.count == V else { throw fail("b_S", "\(b.count) numbers, expected \(V)") }
        self.kind = kind
        self.vocabulary = vocabulary
        hiddenSize = H
        self.layers = layers
        W_S = W
        b_S = b
    }

    /// A list of rows, checked to be rectangular before `Matrix(rowList:)` sees it.
    private static func rows(_ c: KeyedDecodingContainer<JSONKey>, _ name: String, _ count: Int) throws -> [[Double]] {
        let r = try c.decode([[Double]].self, forKey: JSONKey(name))
        guard r.count == count, let n = r.first?.count, r.allSatisfy({ $0.count == n }) else {
            throw DecodingError.dataCorruptedError(forKey: JSONKey(name), in: c, debugDescription: "expected \(count) rows of one length")
        }
        return r
    }

    /// The model as JSON text.
    public func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(self)
    }

    /// Reads a model written by `jsonData()`.
    public static func load(json data: Data) throws -> CharLanguageModel {
        try JSONDecoder().decode(CharLanguageModel.self, from: data)
    }
}
