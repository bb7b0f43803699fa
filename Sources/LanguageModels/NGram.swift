import Foundation

/// How an n-gram model spreads probability onto continuations it never counted.
public enum Smoothing: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Add-k (Lidstone; k = 1 is Laplace): P(w | u) = (c(u w) + k) / (c(u •) + k·V).
    case addK(Double)
    /// Interpolated Kneser–Ney (Chen & Goodman 1998, §3): absolute discounting of the counts,
    /// the freed mass given to a lower order that counts *continuations* (how many different
    /// symbols precede a gram), down to the uniform 1/V.
    case kneserNey

    public var description: String {
        switch self {
        case .addK(let k): return "add-\(k)"
        case .kneserNey: return "kneser-ney"
        }
    }

    private enum CodingKeys: String, CodingKey { case method, k }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .addK(let k): try c.encode("add-k", forKey: .method); try c.encode(k, forKey: .k)
        case .kneserNey: try c.encode("kneser-ney", forKey: .method)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .method) {
        case "add-k": self = .addK(try c.decodeIfPresent(Double.self, forKey: .k) ?? 1)
        case "kneser-ney": self = .kneserNey
        case let m:
            throw DecodingError.dataCorruptedError(forKey: .method, in: c, debugDescription: "unknown smoothing \"\(m)\"; expected add-k or kneser-ney")
        }
    }
}

public enum NGramError: Error, CustomStringConvertible, Equatable, Sendable {
    /// V^n does not fit the 63-bit key that packs an n-gram.
    case orderTooHigh(order: Int, vocabularySize: Int)
    case invalidOrder(Int)

    public var description: String {
        switch self {
        case .orderTooHigh(let n, let v): return "an order-\(n) n-gram over \(v) symbols does not fit a 63-bit key (V^n ≥ 2^63)"
        case .invalidOrder(let n): return "n-gram order \(n): expected 1 or more"
        }
    }
}

/// The counts behind character n-gram models of every order 1 … `maxOrder`, from one pass
/// per order over the training sequence.
///
/// An n-gram w₁…w_k is one 64-bit key, the base-V number w₁·V^{k−1} + … + w_k, kept in one
/// dictionary per order (so keys of different lengths never meet). For each order it holds
///
/// - raw counts c(w₁…w_k): how often the gram occurs;
/// - continuation counts N₁₊(• w₁…w_k): how many distinct symbols precede it (k < maxOrder),
///   Kneser–Ney's statistic for the lower orders;
/// - per context u = w₁…w_{k−1}: the total Σ_w c(u w) and the number of distinct
///   followers N₁₊(u •), for both statistics.
///
/// A context's total is the sum over its followers rather than the context's own count, so
/// every conditional distribution sums to exactly 1 (they differ at the end of the text).
public struct NGramCounts: Sendable {
    public let maxOrder: Int
    public let vocabularySize: Int
    /// Training symbols counted.
    public let trainingLength: Int

    struct ContextStats: Sendable { var total = 0; var types = 0 }
    struct Table: Sendable {
        var grams: [UInt64: Int] = [:]
        var contexts: [UInt64: ContextStats] = [:]
        /// Discount D = n₁/(n₁ + 2n₂) from the counts of counts (Ney, Essen & Kneser 1994).
        var discount = 0.5
    }

    /// raw[k−1]: order-k raw counts; continuation[k−1]: order-k continuation counts (k < maxOrder).
    let raw: [Table]
    let continuation: [Table]

    public init<C: Collection>(training: C, vocabularySize V: Int, maxOrder: Int) throws where C.Element == Int, C.Index == Int {
        guard maxOrder >= 1 else { throw NGramError.invalidOrder(maxOrder) }
        guard maxOrder <= Self.maximumOrder(vocabularySize: V) else { throw NGramError.orderTooHigh(order: maxOrder, vocabularySize: V) }
        self.maxOrder = maxOrder
        vocabularySize = V
        trainingLength = training.count
        let x = Array(training)
        let v = UInt64(V)
        var raw: [Table] = []
        for k in 1...maxOrder {
            var t = Table()
            if x.count >= k {
                var key: UInt64 = 0
                let top = Self.power(v, k - 1)
                for i in 0..<x.count {
                    key = (key % top) * v + UInt64(x[i])          // the k-gram ending at i (rolling)
                    if i >= k - 1 { t.grams[key, default: 0] += 1 }
                }
            }
            Self.finish(&t, v: v)
            raw.append(t)
        }
        var continuation: [Table] = []
        for k in 1..<maxOrder {
            var t = Table()
            let suffix = Self.power(v, k)
            for key in raw[k].grams.keys { t.grams[key % suffix, default: 0] += 1 }   // N₁₊(• g): one per distinct (k+1)-gram x g
            Self.finish(&t, v: v)
            continuation.append(t)
        }
        self.raw = raw
        self.continuation = continuation
    }

    /// The highest order whose grams fit the 63-bit key: the largest n with V^n < 2^63
    /// (8 for V = 175; unbounded for V ≤ 1).
    public static func maximumOrder(vocabularySize V: Int) -> Int {
        guard V > 1 else { return .max }
        var n = 0, power = 1.0
        while power * Double(V) < 0x1p63 { power *= Double(V); n += 1 }
        return n
    }

    static func power(_ v: UInt64, _ k: Int) -> UInt64 { var p: UInt64 = 1; for _ in 0..<k { p &*= v }; return p }

    private static func finish(_ t: inout Table, v: UInt64) {
        var n1 = 0, n2 = 0
        for (key, c) in t.grams {
            t.contexts[key / v, default: ContextStats()].total += c
            t.contexts[key / v, default: ContextStats()].types += 1
            if c == 1 { n1 += 1 } else if c == 2 { n2 += 1 }
        }
        // With no singletons (a text that repeats itself) n₁/(n₁+2n₂) is 0 or undefined;
        // the clamp keeps some mass for unseen continuations and never discounts a count away.
        t.discount = n1 + n2 > 0 ? min(0.9, max(0.1, Double(n1) / Double(n1 + 2 * n2))) : 0.5
    }

    /// The key of a gram (base-V digits).
    func key<S: Sequence>(_ gram: S) -> UInt64 where S.Element == Int {
        gram.reduce(UInt64(0)) { $0 * UInt64(vocabularySize) + UInt64($1) }
    }

    /// How often `gram` occurs in the training sequence (1 ≤ length ≤ maxOrder).
    public func count(_ gram: [Int]) -> Int { raw[gram.count - 1].grams[key(gram)] ?? 0 }

    /// N₁₊(• gram): how many distinct symbols precede `gram` (length < maxOrder).
    public func continuationCount(_ gram: [Int]) -> Int { continuation[gram.count - 1].grams[key(gram)] ?? 0 }

    /// How many distinct k-grams occur.
    public func distinct(order k: Int) -> Int { raw[k - 1].grams.count }

    /// The Kneser–Ney discount of order k (`continuation` for the lower orders of a model).
    public func discount(order k: Int, continuation useContinuation: Bool) -> Double {
        useContinuation ? continuation[k - 1].discount : raw[k - 1].discount
    }

    /// Every context (length k−1) that has a follower in the order-k counts.
    public func contexts(order k: Int) -> [[Int]] {
        raw[k - 1].contexts.keys.sorted().map { key in
            var g = [Int](repeating: 0, count: k - 1), r = key
            for i in stride(from: k - 2, through: 0, by: -1) { g[i] = Int(r % UInt64(vocabularySize)); r /= UInt64(vocabularySize) }
            return g
        }
    }
}

/// Memory of an n-gram table, counted as stored n-grams × (n symbols × 4 bytes + an 8-byte
/// count): what a packed table of UInt32 symbols and Int64 counts needs, without the hash
/// table's own overhead (Swift's dictionary adds roughly a third more at its load factor).
public struct NGramMemory: Codable, Sendable, Equatable {
    public let order: Int
    /// Distinct n-grams of order n in the training text.
    public let distinctNGrams: Int
    /// distinctNGrams × (4n + 8): the order-n table an add-k model stores.
    public let tableBytes: Int
    /// Σ_{k=1…n} distinct k-grams × (4k + 8): the tables an interpolated model stores.
    public let interpolatedTableBytes: Int
    /// V^n × 8: a dense count array over every possible n-gram, the "gigantic RAM" of the lecture.
    public let denseTableBytes: Double
}

/// A character n-gram language model P(x_t | x_{t−n+1} … x_{t−1}) from counts.
public struct NGramModel: Sendable {
    public let counts: NGramCounts
    public let order: Int
    public let smoothing: Smoothing

    public init(counts: NGramCounts, order: Int, smoothing: Smoothing) {
        precondition(order >= 1 && order <= counts.maxOrder, "NGramModel: order \(order) outside 1…\(counts.maxOrder)")
        if case .addK(let k) = smoothing { precondition(k > 0, "NGramModel: add-k needs k > 0, got \(k)") }
        self.counts = counts
        self.order = order
        self.smoothing = smoothing
    }

    /// P(w | context): the model reads the last n−1 symbols of `context` (fewer at the start of a text).
    public func probability<C: Collection>(of w: Int, after context: C) -> Double where C.Element == Int {
        let u = Array(context.suffix(order - 1))
        let V = UInt64(counts.vocabularySize)
        let ctxKey = counts.key(u)
        switch smoothing {
        case .addK(let k):
            // P(w | u) = (c(u w) + k) / (c(u •) + k·V)
            let table = counts.raw[u.count]
            let c = Double(table.grams[ctxKey * V + UInt64(w)] ?? 0)
            let total = Double(table.contexts[ctxKey]?.total ?? 0)
            return (c + k) / (total + k * Double(V))
        case .kneserNey:
            return kneserNey(w, context: u, key: ctxKey, top: u.count + 1 == order)
        }
    }

    /// Interpolated Kneser–Ney, order k = |u| + 1:
    ///
    ///     P_k(w | u) = max(c(u w) − D_k, 0) / c(u •) + D_k · N₁₊(u •) / c(u •) · P_{k−1}(w | u′)
    ///
    /// with u′ = u without its first symbol, raw counts at the model's own order and continuation
    /// counts below it, P_0 = 1/V, and P_k = P_{k−1} for a context never seen.
    private func kneserNey(_ w: Int, context u: [Int], key ctxKey: UInt64, top: Bool) -> Double {
        let V = UInt64(counts.vocabularySize)
        var lower = 1 / Double(V)
        // From the unigram up: the context of order j is the last j−1 symbols of u.
        for j in 1...(u.count + 1) {
            let table = top && j == u.count + 1 ? counts.raw[j - 1] : counts.continuation[j - 1]
            let cKey = ctxKey % NGramCounts.power(V, j - 1)
            guard let stats = table.contexts[cKey], stats.total > 0 else { continue }
            let c = Double(table.grams[cKey * V + UInt64(w)] ?? 0)
            let D = table.discount, total = Double(stats.total)
            lower = max(c - D, 0) / total + D * Double(stats.types) / total * lower
        }
        return lower
    }

    /// P(· | context) over the whole vocabulary.
    public func distribution<C: Collection>(after context: C) -> [Double] where C.Element == Int {
        (0..<counts.vocabularySize).map { probability(of: $0, after: context) }
    }

    /// Cross-entropy in bits per character of `ids[range]`, each symbol predicted from the
    /// n−1 before it (which may lie before the range, e.g. the end of the training split):
    /// H = −(1/|range|) Σ log₂ P(x_t | x_{t−n+1} … x_{t−1}). Perplexity is 2^H.
    public func crossEntropy<C: Collection>(of ids: C, range: Range<Int>) -> Double where C.Element == Int, C.Index == Int {
        precondition(!range.isEmpty, "crossEntropy: empty range")
        var bits = 0.0
        for t in range {
            let from = max(ids.startIndex, t - (order - 1))
            bits -= log2(probability(of: ids[t], after: ids[from..<t]))
        }
        return bits / Double(range.count)
    }

    /// The stored-table sizes of this order (see `NGramMemory` for how bytes are counted).
    public var memory: NGramMemory {
        let n = order
        let distinct = counts.distinct(order: n)
        let interpolated = (1...n).reduce(0) { $0 + counts.distinct(order: $1) * (4 * $1 + 8) }
        return NGramMemory(order: n, distinctNGrams: distinct, tableBytes: distinct * (4 * n + 8),
                           interpolatedTableBytes: interpolated,
                           denseTableBytes: pow(Double(counts.vocabularySize), Double(n)) * 8)
    }
}
