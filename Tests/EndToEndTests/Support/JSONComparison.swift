import Foundation

/// Parses JSON text into Foundation values (`[String: Any]`, `[Any]`, `NSNumber`, `String`).
func parseJSON(_ data: Data, what: String) throws -> Any {
    do { return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) }
    catch { throw CommandError(description: "\(what) is not JSON (\(error)): \(String(decoding: data.prefix(200), as: UTF8.self))") }
}

/// Compares two JSON documents number for number.
///
/// A number passes when |a − b| ≤ 1e-15 (an absolute floor for values that are ~0, where
/// two correct summation orders may differ in every digit) or when
/// |a − b| / max(|a|, |b|, 1e-300) ≤ 1e-9 — about half of a double's digits, far looser
/// than the ~1e-14 two float64 implementations of the same sums reach, and far
/// tighter than any wrong derivative. Objects must have the same keys, lists the same lengths,
/// strings the same text.
struct JSONComparison {
    static let relativeTolerance = 1e-9
    static let absoluteFloor = 1e-15

    private(set) var numbers = 0
    /// The largest relative error among numbers that differ by more than the absolute floor.
    private(set) var worstRelative = 0.0
    private(set) var worstPath = "(none)"
    private(set) var problems: [String] = []

    init(_ got: Any, _ expected: Any) { walk(got, expected, path: "") }

    var passed: Bool { problems.isEmpty }

    /// One line for the test log: how many numbers, the worst relative error and where.
    var summary: String {
        "\(numbers) numbers, worst relative error \(String(format: "%.2e", worstRelative)) at \(worstPath)"
    }

    private mutating func problem(_ s: String) {
        if problems.count < 10 { problems.append(s) } else if problems.count == 10 { problems.append("…") }
    }

    private mutating func walk(_ a: Any, _ b: Any, path: String) {
        let here = path.isEmpty ? "(top)" : path
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            let missing = Set(y.keys).subtracting(x.keys).sorted()
            let extra = Set(x.keys).subtracting(y.keys).sorted()
            if !missing.isEmpty { problem("\(here): missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { problem("\(here): unexpected \(extra.joined(separator: ", "))") }
            for key in x.keys.sorted() where y[key] != nil {
                walk(x[key]!, y[key]!, path: path.isEmpty ? key : "\(path).\(key)")
            }
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { return problem("\(here): \(x.count) items, expected \(y.count)") }
            for i in x.indices { walk(x[i], y[i], path: "\(path)[\(i)]") }
        case let (x as String, y as String):
            if x != y { problem("\(here): \"\(x)\", expected \"\(y)\"") }
        case let (x as NSNumber, y as NSNumber):
            numbers += 1
            let u = x.doubleValue, v = y.doubleValue
            let difference = abs(u - v)
            guard difference > Self.absoluteFloor else { return }
            let relative = difference / max(abs(u), abs(v), 1e-300)
            if !(relative <= worstRelative) { worstRelative = relative; worstPath = here }
            if !(relative <= Self.relativeTolerance) {
                problem("\(here): \(u), expected \(v) (relative error \(String(format: "%.2e", relative)))")
            }
        default:
            problem("\(here): \(type(of: a)) \(a), expected \(type(of: b)) \(b)")
        }
    }
}
