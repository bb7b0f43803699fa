import Foundation

/// The update rules, each on one flat parameter vector θ with gradient g (all cell and readout
/// parameters concatenated).
public enum OptimizerKind: String, CaseIterable, Codable, Sendable {
    /// θ ← θ − η g
    case sgd
    /// Classical momentum (Polyak 1964; Sutskever et al. 2013): v ← μ v − η g;  θ ← θ + v
    case momentum
    /// RMSprop (Hinton, Coursera lecture 6e, 2012): r ← ρ r + (1 − ρ) g²;  θ ← θ − η g / (√r + ε)
    case rmsprop
    /// Adam (Kingma & Ba 2015, Algorithm 1): m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
    /// m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ);  θ ← θ − η m̂ / (√v̂ + ε)
    case adam
    /// Adagrad (Duchi, Hazan & Singer 2011), as min-char-rnn writes it:
    /// G ← G + g²;  θ ← θ − η g / √(G + ε)
    case adagrad
}

/// An optimiser by name with its hyper-parameters. Defaults are the papers' and libraries'
/// usual values: μ = 0.9, ρ = 0.9 (Hinton's lecture), β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (Adam).
public struct OptimizerSettings: Codable, Sendable, Equatable {
    public var kind: OptimizerKind
    public var learningRate: Double     // η
    public var momentum: Double         // μ (momentum)
    public var decay: Double            // ρ (rmsprop)
    public var beta1: Double            // β₁ (adam)
    public var beta2: Double            // β₂ (adam)
    public var epsilon: Double          // ε (rmsprop, adam, adagrad)

    public init(kind: OptimizerKind, learningRate: Double, momentum: Double = 0.9, decay: Double = 0.9,
                beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.kind = kind
        self.learningRate = learningRate
        self.momentum = momentum
        self.decay = decay
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public static func sgd(_ lr: Double) -> OptimizerSettings { OptimizerSettings(kind: .sgd, learningRate: lr) }
    public static func momentum(_ lr: Double, _ mu: Double = 0.9) -> OptimizerSettings {
        OptimizerSettings(kind: .momentum, learningRate: lr, momentum: mu)
    }
    public static func rmsprop(_ lr: Double, decay: Double = 0.9) -> OptimizerSettings {
        OptimizerSettings(kind: .rmsprop, learningRate: lr, decay: decay)
    }
    public static func adam(_ lr: Double) -> OptimizerSettings { OptimizerSettings(kind: .adam, learningRate: lr) }
    public static func adagrad(_ lr: Double) -> OptimizerSettings { OptimizerSettings(kind: .adagrad, learningRate: lr) }
}

/// An optimiser with its state (v, r, m, G) made once for `count` parameters; `step` allocates nothing.
public struct Optimizer: Sendable {
    public let settings: OptimizerSettings
    /// η of the next step (`settings.learningRate` unless a schedule changes it).
    public var learningRate: Double
    public private(set) var stepCount = 0     // t
    private var s1: [Double]                  // v (momentum), r (rmsprop), m (adam), G (adagrad)
    private var s2: [Double]                  // v (adam)

    public init(_ settings: OptimizerSettings, count: Int) {
        self.settings = settings
        learningRate = settings.learningRate
        let needs1 = settings.kind != .sgd, needs2 = settings.kind == .adam
        s1 = [Double](repeating: 0, count: needs1 ? count : 0)
        s2 = [Double](repeating: 0, count: needs2 ? count : 0)
    }

    /// One update of θ from g (same length as `count`).
    public mutating func step(_ theta: inout [Double], _ g: [Double]) {
        precondition(theta.count == g.count && (settings.kind == .sgd || s1.count == g.count),
                     "Optimizer: θ has \(theta.count), g \(g.count), state \(s1.count) entries")
        stepCount += 1
        let η = learningRate, ε = settings.epsilon, n = g.count
        let kind = settings.kind, μ = settings.momentum, ρ = settings.decay
        let β1 = settings.beta1, β2 = settings.beta2
        let c1 = 1 - pow(β1, Double(stepCount)), c2 = 1 - pow(β2, Double(stepCount))
        theta.withUnsafeMutableBufferPointer { θ in
        g.withUnsafeBufferPointer { g in
        s1.withUnsafeMutableBufferPointer { s1 in
        s2.withUnsafeMutableBufferPointer { s2 in
            switch kind {
            case .sgd:
                for k in 0..<n { θ[k] -= η * g[k] }                               // θ ← θ − η g
            case .momentum:
                for k in 0..<n {
                    s1[k] = μ * s1[k] - η * g[k]                                  // v ← μ v − η g
                    θ[k] += s1[k]                                                 // θ ← θ + v
                }
            case .rmsprop:
                for k in 0..<n {
                    s1[k] = ρ * s1[k] + (1 - ρ) * g[k] * g[k]                     // r ← ρ r + (1 − ρ) g²
                    θ[k] -= η * g[k] / (s1[k].squareRoot() + ε)                   // θ ← θ − η g/(√r + ε)
                }
            case .adam:
                for k in 0..<n {
                    s1[k] = β1 * s1[k] + (1 - β1) * g[k]                          // m ← β₁ m + (1 − β₁) g
                    s2[k] = β2 * s2[k] + (1 - β2) * g[k] * g[k]                   // v ← β₂ v + (1 − β₂) g²
                    θ[k] -= η * (s1[k] / c1) / ((s2[k] / c2).squareRoot() + ε)    // θ ← θ − η m̂/(√v̂ + ε)
                }
            case .adagrad:
                for k in 0..<n {
                    s1[k] += g[k] * g[k]                                          // G ← G + g²
                    θ[k] -= η * g[k] / (s1[k] + ε).squareRoot()                   // θ ← θ − η g/√(G + ε)
                }
            }
        } } } }
    }
}
