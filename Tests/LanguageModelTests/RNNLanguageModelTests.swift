import Foundation
import LinearAlgebra
import Recurrence
import Testing
import Training
@testable import LanguageModels

@Suite("RNN language models")
struct RNNLanguageModelTests {
    @Test("The softmax readout's cross-entropy gradient matches central differences")
    func readoutGradient() {
        var rng = SeededGenerator(seed: 5)
        let V = 7, H = 5, N = 6
        let W = rng.gaussianMatrix(rows: V, cols: H, std: 0.7)
        let b = (0..<V).map { _ in 0.3 * rng.gaussian() }
        let h = rng.gaussianMatrix(rows: H, cols: N, std: 1)
        let y = (0..<N).map { _ in Int(rng.uniform() * Double(V)) }
        let g = SoftmaxReadout.lossAndGradients(W_S: W, b_S: b, h: h, targets: y)
        // θ = (W_S, b_S, H) flattened; f = ℓ by a plain log-sum-exp written here.
        func loss(_ theta: [Double]) -> Double {
            let W = Matrix(rows: V, cols: H, elements: Array(theta[0..<(V * H)]))
            let b = Array(theta[(V * H)..<(V * H + V)])
            let h = Matrix(rows: H, cols: N, elements: Array(theta[(V * H + V)...]))
            var l = 0.0
            for j in 0..<N {
                let z = (0..<V).map { i in b[i] + (0..<H).reduce(0) { $0 + W[i, $1] * h[$1, j] } }
                l += log(z.map { exp($0) }.reduce(0, +)) - z[y[j]]
            }
            return l
        }
        let theta = W.elements + b + h.elements
        let analytic = g.dW_S.elements + g.db_S + g.dh.elements
        #expect(abs(g.loss - loss(theta)) < 1e-12)
        let worst = largestRelativeDifference(at: theta, analytic: analytic, coordinates: Array(theta.indices), loss)
        #expect(worst.difference < 1e-8, "largest relative difference \(worst.difference) at coordinate \(worst.coordinate)")
    }

    @Test("The language model's gradient matches central differences",
          arguments: [(CellKind.tanh, 1), (.lstm, 1), (.gru, 1), (.lstm, 2), (.gru, 2)])
    func modelGradient(kind: CellKind, layers: Int) {
        let vocabulary: [Unicode.Scalar] = ["a", "b", "c", "d", "e", "f"]
        var model = CharLanguageModel(kind: kind, vocabulary: vocabulary, hiddenSize: 4, layers: layers,
                                      initScale: 0.6, readoutScale: 0.5, forgetBias: 0.5, seed: 3)
        let B = 2, T = 3
        let ws = LanguageModelWorkspace(model: model, batch: B, steps: T)
        var rng = SeededGenerator(seed: 11)
        let inputs = (0..<(T * B)).map { _ in Int(rng.uniform() * 6) }
        let targets = (0..<(T * B)).map { _ in Int(rng.uniform() * 6) }
        var grad: [Double] = []
        _ = ws.lossAndGradient(model, inputs: inputs, targets: targets, gradient: &grad)
        let theta = model.flat
        let worst = largestRelativeDifference(at: theta, analytic: grad, coordinates: Array(theta.indices)) { t in
            model.flat = t
            return ws.loss(model, inputs: inputs, targets: targets) / Double(T * B)
        }
        #expect(grad.count == model.parameterCount)
        #expect(worst.difference < 1e-7, "\(kind) × \(layers): largest relative difference \(worst.difference) at \(worst.coordinate)")
    }

    @Test("The first loss is ln V per character within 5 % (small readout, near-uniform softmax)",
          arguments: CellKind.allCases)
    func initialLoss(kind: CellKind) throws {
        let corpus = try Corpus(text: toyText(characters: 3000), name: "toy")
        var s = LanguageModelSettings()
        s.cell = kind; s.hidden = 16; s.batch = 4; s.steps = 20; s.iterations = 1
        s.evalCharacters = 200; s.sampleAt = []
        let r = try trainLanguageModel(corpus: corpus, settings: s).record
        let lnV = log(Double(corpus.vocabularySize))
        #expect(abs(r.initialLossNats / lnV - 1) < 0.05, "\(kind): first loss \(r.initialLossNats) nats, ln V = \(lnV)")
        #expect(abs(r.curve[0].heldOutBitsPerCharacter / log2(Double(corpus.vocabularySize)) - 1) < 0.05)
    }

    @Test("Training lowers held-out bits per character on a tiny corpus", arguments: [LanguageModelSettings.minCharRNN, .init()])
    func trainingHelps(base: LanguageModelSettings) throws {
        let corpus = try Corpus(text: toyText(characters: 4000), name: "toy")
        var s = base
        s.hidden = 24; s.batch = max(base.batch, 4); s.steps = 20; s.iterations = 80; s.evalEvery = 40
        s.evalCharacters = 400; s.evalStreams = 4; s.sampleAt = []; s.gradientNormEvery = 40
        if s.optimizer.kind == .adam { s.optimizer.learningRate = 1e-2 }
        let r = try trainLanguageModel(corpus: corpus, settings: s).record
        let first = r.curve[0].heldOutBitsPerCharacter, last = r.finalHeldOutBitsPerCharacter
        #expect(r.curve.map(\.iteration) == [0, 40, 80])
        #expect(last < first - 1, "\(s.cell) \(s.optimizer.kind): held-out \(first) → \(last) bits/char")
        #expect(r.gradientNorms.map(\.iteration) == [0, 40] && r.gradientNorms[0].layers[0].count == 20)
        #expect(r.heldOutCharactersEvaluated == 400)
    }

    @Test("Sampling is reproducible with a seed, and temperature 0 takes the argmax")
    func sampling() throws {
        let vocabulary = Array("abcdefgh \n".unicodeScalars)
        let model = CharLanguageModel(kind: .lstm, vocabulary: vocabulary, hiddenSize: 8, initScale: 0.5, readoutScale: 2, seed: 4)
        let a = model.sample(prime: "ab", length: 60, temperature: 1, seed: 9)
        #expect(a.unicodeScalars.count == 60)
        #expect(a == model.sample(prime: "ab", length: 60, temperature: 1, seed: 9))
        #expect(a != model.sample(prime: "ab", length: 60, temperature: 1, seed: 10))
        let greedy = model.sample(prime: "ab", length: 60, temperature: 0, seed: 1)
        #expect(greedy == model.sample(prime: "ab", length: 60, temperature: 1e-6, seed: 2))
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<200 {
            let z = (0..<10).map { _ in 3 * rng.gaussian() }
            let argmax = z.indices.max { z[$0] < z[$1] }!
            #expect(CharLanguageModel.draw(logits: z, temperature: 1e-3, rng: &rng) == argmax)
        }
        // At τ = 1 the draw frequencies follow softmax(z).
        let z = [0.0, 1.0, 2.0]
        var hits = [0, 0, 0]
        for _ in 0..<20_000 { hits[CharLanguageModel.draw(logits: z, temperature: 1, rng: &rng)] += 1 }
        let p2 = exp(2.0) / (1 + exp(1.0) + exp(2.0))
        #expect(abs(Double(hits[2]) / 20_000 - p2) < 0.015)
    }

    @Test("Save and load round-trip every parameter exactly", arguments: [(CellKind.lstm, 1), (.gru, 2), (.tanh, 1)])
    func roundTrip(kind: CellKind, layers: Int) throws {
        let vocabulary = Array("\n\t \"\\`é∂ab".unicodeScalars)
        let model = CharLanguageModel(kind: kind, vocabulary: vocabulary, hiddenSize: 5, layers: layers, seed: 8)
        var m = model
        m.flat = m.flat.enumerated().map { k, v in v * 1.000_000_1 + Double(k) * 1e-17 + (k % 7 == 0 ? 1 / 3 : 0) }
        let data = try m.jsonData()
        let loaded = try CharLanguageModel.load(json: data)
        #expect(loaded == m)
        #expect(try loaded.jsonData() == data)
        #expect(loaded.sample(prime: "a", length: 30, seed: 1) == m.sample(prime: "a", length: 30, seed: 1))
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let first = (object["layers"] as! [[String: Any]])[0]
        #expect(Set(first.keys) == Set(kind.weightNames))
        #expect((first[kind == .tanh ? "W_hh" : "W_h" + kind.gateNames[0]] as! [[Double]]).count == 5)
        #expect(object["format"] as? String == CharLanguageModel.format)
    }

    @Test("A damaged model file is refused with the field named")
    func badModelFile() throws {
        let model = CharLanguageModel(kind: .tanh, vocabulary: ["a", "b"], hiddenSize: 2)
        var object = try JSONSerialization.jsonObject(with: model.jsonData()) as! [String: Any]
        object["b_S"] = [0.0]
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try CharLanguageModel.load(json: data) }
        do { _ = try CharLanguageModel.load(json: data) } catch { #expect("\(error)".contains("b_S")) }
    }

    @Test("Cancellation stops training at the next iteration")
    func cancellation() throws {
        let corpus = try Corpus(text: toyText(characters: 2000), name: "toy")
        var s = LanguageModelSettings()
        s.hidden = 8; s.batch = 2; s.steps = 10; s.iterations = 1000; s.evalCharacters = 100; s.sampleAt = []
        let seen = Counter()
        let monitor = Monitor(progress: { _ in seen.increment() }, isCancelled: { seen.value >= 5 })
        #expect(throws: Cancelled.self) { try trainLanguageModel(corpus: corpus, settings: s, monitor: monitor) }
        #expect(seen.value == 5)
    }
}

final class Counter: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var n = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    func increment() { lock.lock(); n += 1; lock.unlock() }
}
