/// Where a long computation is, for a progress line.
public struct ProgressReport: Sendable, CustomStringConvertible {
    /// What runs ("lstm", "5-gram kneser-ney", "tanh").
    public let stage: String
    public let step: Int
    public let total: Int
    /// The latest minibatch loss, when the stage is a training loop.
    public let loss: Double?
    /// The latest bits per character, when the stage evaluates a language model.
    public let bitsPerCharacter: Double?

    public init(stage: String, step: Int, total: Int, loss: Double? = nil, bitsPerCharacter: Double? = nil) {
        self.stage = stage
        self.step = step
        self.total = total
        self.loss = loss
        self.bitsPerCharacter = bitsPerCharacter
    }

    public var description: String {
        let loss = self.loss.map { ", loss " + String(format2: $0) } ?? ""
        let bits = bitsPerCharacter.map { ", " + String(format2: $0) + " bits/char" } ?? ""
        return "\(stage) \(step)/\(total)\(loss)\(bits)"
    }
}

/// The caller's hooks into a long computation, the one kind the libraries take: `progress`
/// after every step (every update of a training loop, every model of a comparison) and
/// `isCancelled` before it.
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

    /// Throws `Cancelled` once `isCancelled` says so; `completed` steps of `stage` are done.
    public func check(_ stage: String, completed: Int) throws {
        if isCancelled() { throw Cancelled(stage: stage, completed: completed) }
    }
}

/// Thrown when a `Monitor` asked a computation to stop: the libraries' one cancellation error.
public struct Cancelled: Error, CustomStringConvertible, Sendable {
    /// The stage that was running.
    public let stage: String
    /// Its steps finished before the stop (for a training loop: the updates done).
    public let completed: Int

    public init(stage: String, completed: Int) {
        self.stage = stage
        self.completed = completed
    }

    public var description: String { "cancelled: \(stage) after \(completed) steps" }
}

extension String {
    /// Two decimals without Foundation's locale-dependent formatting.
    public init(format2 x: Double) {
        guard x.isFinite else { self = "\(x)"; return }
        let r = (x * 100).rounded() / 100
        var s = "\(r)"
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) == 2 { s += "0" }
        self = s
    }
}
