import Foundation
import Testing
@testable import LanguageModels

@Suite("n-gram models")
struct NGramTests {
    /// "abracadabra" with a = 0, b = 1, c = 2, d = 3, r = 4.
    static let abracadabra = [0, 1, 4, 0, 2, 0, 3, 0, 1, 4, 0]

    @Test("Counts and continuation counts are exact on abracadabra")
    func exactCounts() throws {
        let c = try NGramCounts(training: Self.abracadabra, vocabularySize: 5, maxOrder: 3)
        #expect([0, 1, 2, 3, 4].map { c.count([$0]) } == [5, 2, 1, 1, 2])
        #expect(c.count([0, 1]) == 2 && c.count([1, 4]) == 2 && c.count([4, 0]) == 2)
        #expect(c.count([0, 2]) == 1 && c.count([2, 0]) == 1 && c.count([0, 3]) == 1 && c.count([3, 0]) == 1)
        #expect(c.count([0, 0]) == 0 && c.count([1, 0]) == 0)
        #expect(c.count([0, 1, 4]) == 2 && c.count([1, 4, 0]) == 2 && c.count([3, 0, 1]) == 1 && c.count([4, 0, 1]) == 0)
        #expect((1...3).map { c.distinct(order: $0) } == [5, 7, 7])
        // N₁₊(• a) = |{r, c, d}|, N₁₊(• b) = |{a}|, N₁₊(• ab) = |{d}| (the first "ab" has nothing before it).
        #expect(c.continuationCount([0]) == 3 && c.continuationCount([1]) == 1 && c.continuationCount([0, 1]) == 1)
        // Add-1, order 2: P(b | a) = (c(ab) + 1) / (c(a•) + V) = 3 / 9 (the last "a" has no follower).
        let add1 = NGramModel(counts: c, order: 2, smoothing: .addK(1))
        #expect(abs(add1.probability(of: 1, after: [0]) - 3.0 / 9.0) < 1e-15)
        let m = add1.memory
        #expect(m.distinctNGrams == 7 && m.tableBytes == 7 * 16 && m.interpolatedTableBytes == 5 * 12 + 7 * 16 && m.denseTableBytes == 200)
    }

    @Test("Every context's probabilities sum to 1 within 1e-12", arguments: [Smoothing.addK(1), .addK(0.01), .kneserNey])
    func normalised(smoothing: Smoothing) throws {
        let corpus = try Corpus(text: toyText(characters: 600), name: "toy")
        let counts = try NGramCounts(training: corpus.trainIDs, vocabularySize: corpus.vocabularySize, maxOrder: 4)
        var worst = 0.0, checked = 0
        for n in 1...4 {
            let model = NGramModel(counts: counts, order: n, smoothing: smoothing)
            var contexts = counts.contexts(order: n)
            if n > 1 {
                contexts += counts.contexts(order: n - 1).map { Array($0.dropFirst()) }     // shorter, as at a text's start
                contexts.append([Int](repeating: corpus.vocabularySize - 1, count: n - 1))  // never seen
            }
            for u in contexts {
                worst = max(worst, abs(model.distribution(after: u).reduce(0, +) - 1))
                checked += 1
            }
        }
        #expect(checked > 300)
        #expect(worst < 1e-12, "largest |Σ_w P(w | u) − 1| = \(worst)")
    }

    @Test("On one repeated string a high-order model reaches near-zero cross-entropy")
    func repeatedString() throws {
        let corpus = try Corpus(text: String(repeating: "hello world! ", count: 200), name: "repeated")
        let counts = try NGramCounts(training: corpus.trainIDs, vocabularySize: corpus.vocabularySize, maxOrder: 6)
        func bits(_ n: Int, _ s: Smoothing) -> Double {
            NGramModel(counts: counts, order: n, smoothing: s).crossEntropy(of: corpus.ids, range: corpus.heldOutRange)
        }
        let unigram = bits(1, .kneserNey)
        #expect(unigram > 2.5, "unigram \(unigram) bits/char")
        for n in 4...6 {
            let kn = bits(n, .kneserNey), addK = bits(n, .addK(0.01))
            #expect(kn < 0.01 && addK < 0.01, "order \(n): Kneser–Ney \(kn), add-0.01 \(addK) bits/char")
        }
    }

    @Test("An order whose keys cannot fit 63 bits is refused")
    func orderTooHigh() {
        #expect(throws: NGramError.orderTooHigh(order: 7, vocabularySize: 600)) {
            try NGramCounts(training: [0, 1, 2], vocabularySize: 600, maxOrder: 7)
        }
        // 600⁶ = 4.7·10¹⁶ < 2⁶³ ≤ 600⁷; 175⁸ = 8.8·10¹⁷ < 2⁶³ ≤ 175⁹.
        #expect(NGramCounts.maximumOrder(vocabularySize: 600) == 6 && NGramCounts.maximumOrder(vocabularySize: 175) == 8)
        #expect(NGramCounts.maximumOrder(vocabularySize: 2) == 62 && NGramCounts.maximumOrder(vocabularySize: 1) == .max)
        #expect((try? NGramCounts(training: [0, 1, 2], vocabularySize: 600, maxOrder: 6)) != nil)
    }
}
