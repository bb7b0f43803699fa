import Foundation

/// Counts of values in equal-width bins over [edges.first, edges.last].
public struct Histogram: Codable, Sendable, Equatable {
    /// bins + 1 edges, ascending.
    public var edges: [Double]
    /// counts[i] = #{v : edges[i] ≤ v < edges[i+1]} (the last bin also takes v = edges.last).
    public var counts: [Int]
    /// Values outside the range (not counted in any bin).
    public var outside: Int

    /// Bin midpoints.
    public var centers: [Double] { (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 } }

    /// counts / (n · width), n = every value including those outside: comparable with a
    /// probability density, so Σ density·width is the share of values inside the range.
    public var density: [Double] {
        let n = Double(counts.reduce(0, +) + outside)
        return (0..<counts.count).map { n > 0 ? Double(counts[$0]) / (n * (edges[$0 + 1] - edges[$0])) : 0 }
    }
}

/// Histogram of `values` in `bins` equal bins over `range` (bins ≥ 1, range non-empty).
public func histogram(_ values: [Double], bins: Int, range: ClosedRange<Double>) -> Histogram {
    precondition(bins >= 1 && range.upperBound > range.lowerBound, "histogram: \(bins) bins over \(range)")
    let lo = range.lowerBound, width = (range.upperBound - lo) / Double(bins)
    var counts = [Int](repeating: 0, count: bins)
    var outside = 0
    for v in values {
        guard range.contains(v) else { outside += 1; continue }
        counts[min(Int((v - lo) / width), bins - 1)] += 1
    }
    let edges = (0...bins).map { lo + Double($0) * width }
    return Histogram(edges: edges, counts: counts, outside: outside)
}

/// The p-quantile (0 ≤ p ≤ 1) of ascending `sorted` by linear interpolation between order
/// statistics (Hyndman & Fan type 7, numpy's default): position p·(n − 1).
public func quantile(sorted: [Double], _ p: Double) -> Double {
    precondition(!sorted.isEmpty && (0...1).contains(p), "quantile: \(sorted.count) values, p = \(p)")
    let x = p * Double(sorted.count - 1)
    let i = Int(x.rounded(.down)), f = x - Double(i)
    return i + 1 < sorted.count ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i]
}

/// The median of `values` (any order).
public func median(_ values: [Double]) -> Double { quantile(sorted: values.sorted(), 0.5) }

/// The arithmetic mean (0 for no values).
public func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

/// log₁₀ x, with 0 mapped to log₁₀ of the smallest positive Double (≈ −323.3) so every
/// series stays finite and JSON-encodable; a norm that underflowed reads as "below 1e-323".
@inline(__always) func finiteLog10(_ x: Double) -> Double {
    log10(max(x, Double.leastNonzeroMagnitude))
}

/// Per-step mean over seeds and a band, for a quantity measured at each step for several seeds.
/// Every series is log₁₀, so `mean` is the log of the geometric mean.
public struct LogBand: Codable, Sendable, Equatable {
    /// Mean over seeds of log₁₀ (the geometric mean, in log₁₀).
    public var mean: [Double]
    public var min: [Double]
    public var max: [Double]
    /// 10 % and 90 % quantiles over seeds (type 7).
    public var q10: [Double]
    public var q90: [Double]
    /// log₁₀ per seed: perSeed[s][t].
    public var perSeed: [[Double]]

    /// Summarises `perSeed` (seeds × steps, every row the same length, at least one row).
    public init(perSeed: [[Double]]) {
        precondition(!perSeed.isEmpty && perSeed.allSatisfy { $0.count == perSeed[0].count }, "LogBand: ragged or empty")
        self.perSeed = perSeed
        let n = perSeed[0].count
        var mean = [Double](), lo = [Double](), hi = [Double](), q10 = [Double](), q90 = [Double]()
        for t in 0..<n {
            let column = perSeed.map { $0[t] }.sorted()
            mean.append(Dynamics.mean(column))
            lo.append(column.first!)
            hi.append(column.last!)
            q10.append(quantile(sorted: column, 0.1))
            q90.append(quantile(sorted: column, 0.9))
        }
        self.mean = mean; self.min = lo; self.max = hi; self.q10 = q10; self.q90 = q90
    }
}
