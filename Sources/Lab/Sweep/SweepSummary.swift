import Foundation
import Plotting

/// What a sweep's finished points say together: `sweep.json` (every point's settings and
/// `results`; per group of points that differ only in their seed, each result key's mean,
/// standard deviation, min, max, median and quartiles, and, where the experiment defines
/// success, the success count with a Wilson 95 % interval) and the aggregate figure.
public struct SweepSummary: Sendable {
    public static let fileName = "sweep.json"

    public struct PointResult: Sendable {
        public var point: SweepPlan.Point
        public var results: JSONValue
        public var successes: [String: Bool]
    }

    public struct Missing: Sendable {
        public var id: String
        public var reason: String
        public var log: String?
    }

    /// Points that share every varied setting but the seed.
    public struct Group: Sendable {
        /// The non-seed settings, `key=value`, in axis order (empty when only seeds vary).
        public var settings: [String]
        public var points: [PointResult]
        /// Result key (flattened as `rnnlab results` prints it) → statistics over the points.
        public var statistics: [String: Statistics]
        /// Success key → count and interval.
        public var success: [String: SuccessRate]
        /// Keys whose values were booleans (their statistics are shares of true).
        public var booleanKeys: Set<String>
    }

    public let plan: SweepPlan
    public let points: [PointResult]
    public let missing: [Missing]
    public let groups: [Group]

    init(plan: SweepPlan, points: [PointResult], missing: [Missing]) {
        self.plan = plan
        self.points = points
        self.missing = missing
        let seedAxes = Set(plan.axes.map(\.key).filter(Self.isSeed))
        var order: [[String]] = []
        var members: [[String]: [PointResult]] = [:]
        for p in points {
            let key = p.point.overrides.filter { pair in !seedAxes.contains(where: { pair.hasPrefix($0 + "=") }) }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(p)
        }
        groups = order.map { settings in
            let ps = members[settings]!
            var values: [String: [Double]] = [:]
            var booleans: Set<String> = []
            for p in ps {
                for (key, value, isBool) in Self.flatten(p.results, prefix: "") {
                    values[key, default: []].append(value)
                    if isBool { booleans.insert(key) }
                }
            }
            var successes: [String: [Bool]] = [:]
            for p in ps { for (k, v) in p.successes { successes[k, default: []].append(v) } }
            return Group(settings: settings, points: ps,
                         statistics: values.mapValues(Statistics.init),
                         success: successes.mapValues { SuccessRate(successes: $0.filter { $0 }.count, trials: $0.count) },
                         booleanKeys: booleans)
        }
    }

    /// An axis counts as the seed when its key is `seed` or ends in `.seed`.
    static func isSeed(_ key: String) -> Bool { key == "seed" || key.hasSuffix(".seed") }

    /// Every number (and boolean, as 0 or 1) in `results`, by the path `rnnlab results` prints.
    static func flatten(_ value: JSONValue, prefix: String) -> [(String, Double, Bool)] {
        switch value {
        case .object(let members):
            return members.keys.sorted().flatMap { flatten(members[$0]!, prefix: prefix.isEmpty ? $0 : "\(prefix).\($0)") }
        case .array(let items):
            return items.enumerated().flatMap { flatten($1, prefix: "\(prefix)[\($0)]") }
        case .number(let d): return d.isFinite ? [(prefix, d, false)] : []
        case .bool(let b): return [(prefix, b ? 1 : 0, true)]
        case .string, .null: return []
        }
    }

    // MARK: sweep.json

    public var json: JSONValue {
        func settingsObject(_ pairs: [String]) -> JSONValue {
            var o: [String: JSONValue] = [:]
            for pair in pairs {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                o[parts[0]] = .string(parts.count > 1 ? parts[1] : "")
            }
            return .object(o)
        }
        return .object([
            "experiment": .string(plan.experiment),
            "quick": .bool(plan.quick),
            "overrides": .array(plan.overrides.map(JSONValue.string)),
            "axes": .array(plan.axes.map { .object(["key": .string($0.key), "values": .array($0.values.map(JSONValue.string))]) }),
            "points_planned": .number(Double(plan.points.count)),
            "points_collected": .number(Double(points.count)),
            "points": .array(points.map { .object(["id": .string($0.point.id), "settings": settingsObject($0.point.overrides),
                                                   "results": $0.results]) }),
            "missing": .array(missing.map { m in
                .object(["id": .string(m.id), "reason": .string(m.reason), "log": m.log.map(JSONValue.string) ?? .null]) }),
            "groups": .array(groups.map { g in
                .object([
                    "settings": settingsObject(g.settings),
                    "points": .number(Double(g.points.count)),
                    "statistics": .object(g.statistics.mapValues(\.json)),
                    "success": .object(g.success.mapValues(\.json)),
                ])
            }),
        ])
    }

    // MARK: The figure

    public var figures: [Figure] { SweepFigures(summary: self).figures }
}

/// Mean, standard deviation (n − 1), extremes, median and quartiles (linear interpolation between
/// order statistics) of one result key over a group's points.
public struct Statistics: Sendable, Equatable {
    public var n: Int
    public var mean: Double
    public var standardDeviation: Double
    public var min: Double
    public var max: Double
    public var median: Double
    public var lowerQuartile: Double
    public var upperQuartile: Double

    public init(_ values: [Double]) {
        let sorted = values.sorted()
        n = sorted.count
        mean = sorted.reduce(0, +) / Double(Swift.max(n, 1))
        let m = mean
        standardDeviation = n > 1 ? (sorted.reduce(0.0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)).squareRoot() : 0
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
        let count = sorted.count
        func quantile(_ q: Double) -> Double {
            guard count > 0 else { return .nan }
            let position = q * Double(count - 1)
            let below = Int(position.rounded(.down)), above = Swift.min(below + 1, count - 1)
            return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
        }
        median = quantile(0.5)
        lowerQuartile = quantile(0.25)
        upperQuartile = quantile(0.75)
    }

    var json: JSONValue {
        .object(["n": .number(Double(n)), "mean": .number(mean), "sd": .number(standardDeviation), "min": .number(min),
                 "max": .number(max), "median": .number(median), "q1": .number(lowerQuartile), "q3": .number(upperQuartile)])
    }
}

/// Successes out of trials with the Wilson score interval at 95 % (z = 1.959964): unlike
/// p ± z·√(p(1−p)/n) it stays inside [0, 1] and is not empty at 0 or n successes.
public struct SuccessRate: Sendable, Equatable {
    public var successes: Int
    public var trials: Int
    public var rate: Double { trials > 0 ? Double(successes) / Double(trials) : .nan }
    public var wilson: ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let z = 1.959963984540054, n = Double(trials), p = rate
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return Swift.max(0, centre - half)...Swift.min(1, centre + half)
    }

    var json: JSONValue {
        .object(["successes": .number(Double(successes)), "trials": .number(Double(trials)), "rate": .number(rate),
                 "wilson_95_low": .number(wilson.lowerBound), "wilson_95_high": .number(wilson.upperBound)])
    }
}
