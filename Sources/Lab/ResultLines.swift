import Foundation

/// A run's `results` as `rnnlab results` prints them: one `key = value` line per number, keys
/// dotted and sorted, lists of numbers on one line, 6 significant digits. The web lab shows the
/// same lines, so what a student reads in the browser is what the command prints.
public func resultLines(_ results: JSONValue, prefix: String = "") -> [String] {
    switch results {
    case .object(let o): return o.keys.sorted().flatMap { resultLines(o[$0]!, prefix: prefix.isEmpty ? $0 : "\(prefix).\($0)") }
    case .array(let a) where a.contains(where: { if case .object = $0 { return true }; if case .array = $0 { return true }; return false }):
        return a.enumerated().flatMap { resultLines($1, prefix: "\(prefix)[\($0)]") }
    case .array(let a): return ["\(prefix) = [" + a.map { item -> String in
        if case .number(let d) = item { return String(format: "%.6g", d) }
        if case .string(let s) = item { return s }
        return item.text() }.joined(separator: ", ") + "]"]
    case .number(let d): return ["\(prefix) = \(String(format: "%.6g", d))"]
    case .string(let s): return ["\(prefix) = \(s)"]
    case .bool(let b): return ["\(prefix) = \(b)"]
    case .null: return ["\(prefix) = null"]
    }
}
