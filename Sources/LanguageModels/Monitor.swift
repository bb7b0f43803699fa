/// Where a long computation is, for a progress line.
public struct ProgressReport: Sendable, CustomStringConvertible {
    /// What runs ("lstm", "5-gram kneser-ney", "tanh depth 3").
    public let stage: String
    public let step: Int
    public let total: Int
    /// The latest bits per character, when the stage trains or evaluates a model.
    public let bitsPerCharacter: Double?

    public init(stage: String, step: Int, total: Int, bitsPerCharacter: Double? = nil) {
        self.stage = stage
        self.step = step
        self.total = total
        self.bitsPerCharacter = bitsPerCharacter
    }

    public var description: String {
        let bits = bitsPerCharacter.map { ", " + String(format2: $0) + " bits/char" } ?? ""
        return "\(stage) \(step)/\(total)\(bits)"
    }
}

/// The caller's hooks into a computation: `progress` and `isCancelled` are called every
/// iteration of a training loop (and between the parts of an experiment).
public struct Monitor: Sendable {
    public var progress: @Sendable (ProgressReport) -> Void
    public var isCancelled: @Sendable () -> Bool

    public init(progress: @escaping @Sendable (ProgressReport) -> Void = { _ in },
                isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.progress = progress
        self.isCancelled = isCancelled
    }

    /// Reports nothing, never cancels.
    public static let silent = Monitor()

    /// Throws `Cancelled` once `isCancelled` says so.
    func check() throws { if isCancelled() { throw Cancelled() } }
}

/// Thrown when the monitor asked a computation to stop.
public struct Cancelled: Error, CustomStringConvertible, Sendable {
    public init() {}
    public var description: String { "cancelled" }
}

extension String {
    /// Two decimals without Foundation's locale-dependent formatting.
    init(format2 x: Double) {
        guard x.isFinite else { self = "\(x)"; return }
        let r = (x * 100).rounded() / 100
        var s = "\(r)"
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) == 2 { s += "0" }
        self = s
    }
}
