import Foundation

/// What a sweep runs: one experiment at the cartesian product of the varied settings, each point
/// a normal run into `FOLDER/<point-id>/`. Written as `FOLDER/plan.json`, so a point can be run by
/// another process (`rnnlab sweep task`, a Slurm array task) and a re-run knows what it is.
public struct SweepPlan: Codable, Sendable, Equatable {
    public static let fileName = "plan.json"
    /// At most this many points in one sweep.
    public static let maximumPoints = 10_000

    /// The experiment's name (its file `experiments/NAME.toml`).
    public var experiment: String
    public var quick: Bool
    /// `--set` overrides applied to every point, before the point's own.
    public var overrides: [String]
    /// The varied settings, in the order given; the last varies fastest.
    public var axes: [Axis]
    /// Picture formats each point draws (`png`, `svg`, `pdf`).
    public var formats: [String]
    public var points: [Point]

    public struct Axis: Codable, Sendable, Equatable {
        public var key: String
        /// Each value as `--set KEY=VALUE` would take it.
        public var values: [String]
    }

    public struct Point: Codable, Sendable, Equatable {
        /// The point's folder name: its settings, e.g. `steps-50_seed-3`.
        public var id: String
        /// `key=value` for each axis, in axis order.
        public var overrides: [String]
    }

    /// The plan for `experiment` over the product of `axes` (validated by the caller, see `Sweep`).
    public init(experiment: String, quick: Bool, overrides: [String], axes: [Axis], formats: [String]) throws {
        self.experiment = experiment
        self.quick = quick
        self.overrides = overrides
        self.axes = axes
        self.formats = formats
        var combinations: [[String]] = [[]]
        for axis in axes {
            combinations = combinations.flatMap { prefix in axis.values.map { prefix + ["\(axis.key)=\($0)"] } }
            guard combinations.count <= Self.maximumPoints else {
                throw SweepError("the sweep has more than \(Self.maximumPoints) points; vary fewer settings or fewer values")
            }
        }
        var ids = combinations.map(Self.pointID)
        if Set(ids).count != ids.count {   // two values that read alike once cleaned: number the points
            let width = String(combinations.count - 1).count
            ids = combinations.indices.map { "p" + String(repeating: "0", count: width - String($0).count) + String($0) }
        }
        points = zip(ids, combinations).map { Point(id: $0, overrides: $1) }
    }

    /// `["steps=50", "seed=3"]` → `steps-50_seed-3`: the key, '-', the value with every character
    /// other than a letter, digit, '.' or '-' replaced by one '+' (`cells=["lstm"]` → `cells-+lstm+`).
    static func pointID(_ overrides: [String]) -> String {
        overrides.map { pair -> String in
            let equals = pair.firstIndex(of: "=") ?? pair.endIndex
            var out = String(pair[..<equals]) + "-"
            var replaced = false
            for c in pair[equals...].dropFirst().unicodeScalars {
                if c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "." || c == "-") {
                    out.unicodeScalars.append(c)
                    replaced = false
                } else if !replaced {
                    out += "+"
                    replaced = true
                }
            }
            return String(out.prefix(60))
        }.joined(separator: "_")
    }

    /// `--vary KEY=V1,V2,…` or `--vary KEY=A..B` (integers, both ends included). Commas inside
    /// brackets or quotes belong to one value (`--vary 'cells=["lstm","gru"],["tanh"]'`).
    public static func axis(_ text: String) throws -> Axis {
        guard let equals = text.firstIndex(of: "=") else {
            throw SweepError("--vary \(text): expected KEY=V1,V2,… or KEY=A..B, e.g. --vary seed=1..10")
        }
        let key = text[..<equals].trimmingCharacters(in: .whitespaces)
        let rest = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { throw SweepError("--vary \(text): the key is empty") }
        if let range = integerRange(rest) {
            guard range.count <= maximumPoints else {
                throw SweepError("--vary \(text): \(range.count) values, more than \(maximumPoints)")
            }
            return Axis(key: key, values: range.map(String.init))
        }
        var values: [String] = [], current = "", depth = 0
        var quote: Character?
        for c in rest {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth -= 1
            } else if c == ",", depth == 0 {
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(c)
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        if let empty = values.firstIndex(where: \.isEmpty) {
            throw SweepError("--vary \(text): value \(empty + 1) is empty; write KEY=V1,V2,… or KEY=A..B")
        }
        if let repeated = values.enumerated().first(where: { values.prefix($0.offset).contains($0.element) }) {
            throw SweepError("--vary \(text): the value \(repeated.element) is given twice")
        }
        return Axis(key: key, values: values)
    }

    /// `A..B` with integers A ≤ B, or nil when the text is not of that form.
    static func integerRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let b = Int(parts[1].trimmingCharacters(in: .whitespaces)), a <= b else { return nil }
        return a...b
    }
}

/// A sweep that cannot be planned, run or collected; the message names the cause.
public struct SweepError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
