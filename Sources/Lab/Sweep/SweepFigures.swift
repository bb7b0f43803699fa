import Foundation
import Plotting

/// The aggregate figure of a sweep, chosen from the shape of its results (any experiment):
///
/// - a result key ending in a number (`final_test_mse.irnn.100`) is a curve over that number:
///   the median over the seeds with the interquartile band, one curve per family
///   (`final_test_mse.irnn`), one panel per first part (`final_test_mse`);
/// - where the experiment defines success, the success rate with its Wilson 95 % band, first
///   (over the trailing number, or one dot and bar per case);
/// - with one numeric setting varied besides the seed, every key is a curve over that setting;
/// - otherwise each remaining key that differs between seeds is drawn per seed (dots) with its
///   median (dashed; a mean would follow one diverged run), one panel per last part
///   (`final_ratio`, one dot series per case).
///
/// At most six panels and eight curves a panel; the rest stay in `sweep.json`.
struct SweepFigures {
    let summary: SweepSummary

    /// How a student reads a key's parts, per experiment: `irnn` is "IRNN (W_hh = I)", and the
    /// key's trailing number (`final_test_mse.irnn.100`), under `#`, is "sequence length T".
    /// Parts not listed are drawn as the key writes them.
    static let displayNames: [String: [String: String]] = [
        "irnn-adding": ["#": "sequence length T", "irnn": "IRNN (W_hh = I)", "relu": "ReLU RNN (Gaussian W_hh)",
                        "tanh": "tanh RNN", "lstm": "LSTM", "gru": "GRU",
                        "final_test_mse": "final test MSE", "updates_run": "updates run"],
    ]
    func shown(_ part: String) -> String { Self.displayNames[summary.plan.experiment]?[part] ?? part }
    var trailingLabel: String { Self.displayNames[summary.plan.experiment]?["#"] ?? "the key's last number" }

    /// One key split into the panel it belongs to, its curve and its x (when the key ends in a number).
    struct KeyParts {
        var metric: String
        var family: String
        var x: Double?

        init(_ key: String) {
            let parts = key.split(separator: ".").map(String.init)
            if parts.count >= 2, let x = Double(parts.last!) {
                self.x = x
                metric = parts[0]
                family = parts.count > 2 ? parts.dropFirst().dropLast().joined(separator: ".") : parts[0]
            } else {
                x = nil
                metric = parts.last ?? key
                family = parts.count > 1 ? parts.dropLast().joined(separator: ".") : key
            }
        }
    }

    var figures: [Figure] {
        let plan = summary.plan
        guard !summary.groups.isEmpty else { return [] }
        let other = plan.axes.filter { !SweepSummary.isSeed($0.key) }
        let seeds = summary.plan.axes.first { SweepSummary.isSeed($0.key) }
        var panels: [Panel] = []
        if summary.groups.count == 1 {
            panels = acrossSeeds(summary.groups[0], seedAxis: seeds)
        } else {
            let numeric = other.count == 1 && other[0].values.allSatisfy { Double($0) != nil }
            let xs: [Double] = summary.groups.enumerated().map { (i: Int, g: SweepSummary.Group) -> Double in
                let value: String = g.settings.first.flatMap { $0.split(separator: "=", maxSplits: 1).last.map(String.init) } ?? ""
                return numeric ? (Double(value) ?? Double(i + 1)) : Double(i + 1)
            }
            panels = overSetting(xs: xs, label: numeric ? other[0].key : "setting group (their settings are in sweep.json)")
        }
        guard !panels.isEmpty else { return [] }
        let n = summary.groups.map(\.points.count).max() ?? 0
        let title = "\(plan.experiment)\(plan.quick ? " --quick" : ""): \(summary.points.count) runs"
            + (seeds.map { ", \(n) value\(n == 1 ? "" : "s") of \($0.key) per setting" } ?? "")
        let shown = Array(panels.prefix(6))
        let columns = shown.count > 3 ? 2 : 1
        let rows = (shown.count + columns - 1) / columns
        return [Figure(name: "sweep", title: title, size: Size(width: columns == 1 ? 1000 : 1400, height: 380 * rows + 80),
                       layout: Grid(rows: rows, columns: columns), panels: shown)]
    }

    /// Only the seed varies: curves over a key's trailing number, or values per seed.
    func acrossSeeds(_ g: SweepSummary.Group, seedAxis: SweepPlan.Axis?) -> [Panel] {
        var panels: [Panel] = []
        // Success rates over the trailing number, one curve per family.
        let successFamilies = Dictionary(grouping: g.success.keys.map { ($0, KeyParts("success." + $0)) }.filter { $0.1.x != nil },
                                         by: \.1.family)
        if !successFamilies.isEmpty {
            var series: [Series] = []
            for (i, family) in successFamilies.keys.sorted().prefix(8).enumerated() {
                let points = successFamilies[family]!.map { (x: $0.1.x!, rate: g.success[$0.0]!) }.sorted { $0.x < $1.x }
                let color = Color.cycle[i % Color.cycle.count]
                series.append(.band("", x: points.map(\.x), lower: points.map(\.rate.wilson.lowerBound),
                                    upper: points.map(\.rate.wilson.upperBound), style: Style(color: color, fillOpacity: 0.15)))
                series.append(.linesPoints(shown(family), x: points.map(\.x), y: points.map(\.rate.rate), style: Style(color: color, pointSize: 0.8)))
            }
            let trials = g.success.values.map(\.trials).max() ?? 0
            panels.append(Panel(title: "success rate over \(trials) runs (band: Wilson 95 %)", xLabel: trailingLabel,
                                yLabel: "share of runs that succeed", yRange: -0.02...1.02, key: .outside, series: series))
        }
        // Success per case (keys without a trailing number): the rate as a dot, its Wilson
        // interval as a vertical bar, one colour and key entry per case.
        let cases = g.success.keys.filter { KeyParts("success." + $0).x == nil }.sorted()
        if !cases.isEmpty {
            var series: [Series] = []
            for (i, key) in cases.prefix(8).enumerated() {
                let r = g.success[key]!, x = Double(i + 1), color = Color.cycle[i % Color.cycle.count]
                series.append(.lines("", x: [x, x], y: [r.wilson.lowerBound, r.wilson.upperBound], style: Style(color: color, width: 3)))
                series.append(.points("\(key): \(r.successes)/\(r.trials)", x: [x], y: [r.rate], style: Style(color: color, pointSize: 1.6)))
            }
            panels.append(Panel(title: "success rate over \(g.success.values.map(\.trials).max() ?? 0) runs (bar: Wilson 95 %)",
                                xLabel: "case (see the key)", yLabel: "share of runs that succeed",
                                xRange: 0.5...(Double(min(cases.count, 8)) + 0.5), yRange: -0.02...1.02, key: .outside, series: series))
        }
        // Curves over a trailing number: median and interquartile band.
        let numeric = g.statistics.keys.filter { !g.booleanKeys.contains($0) }
        let tail = Dictionary(grouping: numeric.map { ($0, KeyParts($0)) }.filter { $0.1.x != nil }, by: \.1.metric)
        for metric in tail.keys.sorted() {
            let families = Dictionary(grouping: tail[metric]!, by: \.1.family)
            var series: [Series] = []
            var all: [Double] = []
            for (i, family) in families.keys.sorted().prefix(8).enumerated() {
                let points = families[family]!.map { (x: $0.1.x!, s: g.statistics[$0.0]!) }.sorted { $0.x < $1.x }
                let color = Color.cycle[i % Color.cycle.count]
                all += points.flatMap { [$0.s.lowerQuartile, $0.s.upperQuartile, $0.s.median] }
                if points.contains(where: { $0.s.n > 1 }) {
                    series.append(.band("", x: points.map(\.x), lower: points.map(\.s.lowerQuartile), upper: points.map(\.s.upperQuartile),
                                        style: Style(color: color, fillOpacity: 0.15)))
                }
                series.append(.linesPoints(shown(family), x: points.map(\.x), y: points.map(\.s.median), style: Style(color: color, pointSize: 0.8)))
            }
            panels.append(Panel(title: "\(shown(metric)): median over the runs (band: quartiles)", xLabel: trailingLabel, yLabel: shown(metric),
                                yScale: Self.wantsLog(all) ? .log : .linear, key: .outside, series: series))
        }
        // Keys without a trailing number that differ between runs: each run's value, and the mean.
        let xs: [Double] = g.points.enumerated().map { i, p in
            guard let seedAxis, let pair = p.point.overrides.first(where: { $0.hasPrefix(seedAxis.key + "=") }),
                  let x = Double(pair.dropFirst(seedAxis.key.count + 1)) else { return Double(i + 1) }
            return x
        }
        let scalar = numeric.filter { KeyParts($0).x == nil && g.statistics[$0]!.max > g.statistics[$0]!.min }
        let byMetric = Dictionary(grouping: scalar, by: { KeyParts($0).metric })
        for metric in byMetric.keys.sorted(by: { (byMetric[$0]!.count, $1) > (byMetric[$1]!.count, $0) }) {
            var series: [Series] = []
            var all: [Double] = []
            for (i, key) in byMetric[metric]!.sorted().prefix(8).enumerated() {
                let ys = g.points.map { p in SweepSummary.flatten(p.results, prefix: "").first { $0.0 == key }?.1 ?? .nan }
                let kept = zip(xs, ys).filter { $0.1.isFinite }
                all += kept.map(\.1)
                let color = Color.cycle[i % Color.cycle.count]
                series.append(.points(KeyParts(key).family, x: kept.map(\.0), y: kept.map(\.1), style: Style(color: color, pointSize: 1)))
                let median = g.statistics[key]!.median   // not the mean: one diverged run would set it alone
                series.append(.lines("", x: [xs.min()!, xs.max()!], y: [median, median], style: Style(color: color, dash: .dashed, width: 1)))
            }
            panels.append(Panel(title: "\(metric): each run, median dashed", xLabel: seedAxis?.key ?? "run", yLabel: metric,
                                yScale: Self.wantsLog(all) ? .log : .linear, xRange: (xs.min()! - 0.5)...(xs.max()! + 0.5),
                                key: .outside, series: series))
        }
        return panels
    }

    /// A numeric setting (or a group number) on x: every key's median over the seeds at each.
    func overSetting(xs: [Double], label: String) -> [Panel] {
        let groups = summary.groups
        var panels: [Panel] = []
        let successKeys = Set(groups.flatMap(\.success.keys)).sorted()
        if !successKeys.isEmpty {
            var series: [Series] = []
            for (i, key) in successKeys.prefix(8).enumerated() {
                let points: [(x: Double, r: SuccessRate)] = zip(xs, groups).compactMap { x, g in g.success[key].map { (x, $0) } }
                    .sorted { $0.x < $1.x }
                let color = Color.cycle[i % Color.cycle.count]
                let x = points.map(\.x)
                series.append(.band("", x: x, lower: points.map(\.r.wilson.lowerBound), upper: points.map(\.r.wilson.upperBound),
                                    style: Style(color: color, fillOpacity: 0.15)))
                series.append(.linesPoints(key, x: x, y: points.map(\.r.rate), style: Style(color: color, pointSize: 0.8)))
            }
            panels.append(Panel(title: "success rate (band: Wilson 95 %)", xLabel: label, yLabel: "share of runs that succeed",
                                yRange: -0.02...1.02, key: .outside, series: series))
        }
        let keys = Set(groups.flatMap { g in g.statistics.keys.filter { k in !g.booleanKeys.contains(k) } })
        let varying = keys.filter { k in
            let medians = groups.compactMap { $0.statistics[k]?.median }
            return (medians.max() ?? 0) > (medians.min() ?? 0)
        }
        let byMetric = Dictionary(grouping: varying, by: { KeyParts($0).metric })
        for metric in byMetric.keys.sorted() {
            var series: [Series] = []
            var all: [Double] = []
            for (i, key) in byMetric[metric]!.sorted().prefix(8).enumerated() {
                let points: [(x: Double, s: Statistics)] = zip(xs, groups).compactMap { x, g in g.statistics[key].map { (x, $0) } }
                    .sorted { $0.x < $1.x }
                let color = Color.cycle[i % Color.cycle.count]
                all += points.flatMap { [$0.s.lowerQuartile, $0.s.upperQuartile, $0.s.median] }
                let x = points.map(\.x)
                if points.contains(where: { $0.s.n > 1 }) {
                    series.append(.band("", x: x, lower: points.map(\.s.lowerQuartile), upper: points.map(\.s.upperQuartile),
                                        style: Style(color: color, fillOpacity: 0.15)))
                }
                series.append(.linesPoints(KeyParts(key).x == nil ? KeyParts(key).family : key, x: x, y: points.map(\.s.median),
                                           style: Style(color: color, pointSize: 0.8)))
            }
            panels.append(Panel(title: "\(metric): median over the seeds (band: quartiles)", xLabel: label, yLabel: metric,
                                yScale: Self.wantsLog(all) ? .log : .linear, key: .outside, series: series))
        }
        return panels
    }

    /// Log scale when every value is positive and they span more than two decades.
    static func wantsLog(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), lo > 0 else { return false }
        return hi / lo > 100
    }
}
