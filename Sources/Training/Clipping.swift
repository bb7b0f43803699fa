import LinearAlgebra

/// Gradient clipping rules, applied to the one flat gradient g of ALL parameters (cell and
/// readout, or every layer and the softmax of a language model). This file is the only place
/// that says when a rule fires and what it does; every training loop and the clipping-cliff
/// descent call `Clipping.apply`.
///
/// The firing rule of norm clipping is Pascanu, Mikolov & Bengio's (2013) Algorithm 1 as
/// published: if ‖g‖ ≥ τ then g ← (τ/‖g‖) g. `≥` rather than `>` because it is the rule the
/// lecture and the experiments cite, and because the choice cannot change a step: at ‖g‖ = τ
/// the factor τ/‖g‖ is exactly 1, so g is left as it was either way. The two rules differ only
/// in whether that case counts as "fired" in `ClipOutcome.clipped` (and so in a run's clipped
/// share). The character language models used `>` before the two training stacks became one;
/// their numbers are unchanged by the switch for this reason.
public enum ClippingRule: String, CaseIterable, Codable, Sendable {
    /// No clipping.
    case none
    /// Pascanu, Mikolov & Bengio (2013), Algorithm 1, on the global norm:
    /// if ‖g‖ ≥ τ then g ← (τ/‖g‖) g. Keeps the direction, caps the step at η τ
    /// (d2l §9.5: "projects the gradients onto a ball of radius θ").
    case norm
    /// Element-wise g_i ← min(max(g_i, −c), c), as min-char-rnn (c = 5) and char-rnn do; fires
    /// when some |g_i| > c. Each component is capped separately, so the direction changes.
    case value
    /// A lecture slide's mistaken snippet, kept as a named teaching variant: it compares and
    /// divides by Σg² = ‖g‖² instead of ‖g‖: if Σg² > τ then g ← τ g / Σg². It starts at
    /// ‖g‖ > √τ and leaves ‖g‖ = τ/‖g‖, so the larger the gradient, the SMALLER the step:
    /// exactly backwards for a cliff.
    case squaredNorm
}

/// A clipping rule and its threshold τ > 0 (for `value`, the bound c). Off by default.
public struct Clipping: Codable, Sendable, Equatable {
    public var rule: ClippingRule
    public var threshold: Double

    public init(rule: ClippingRule = .none, threshold: Double = 1) {
        self.rule = rule
        self.threshold = threshold
    }

    public static let none = Clipping()
    public static func norm(_ threshold: Double) -> Clipping { Clipping(rule: .norm, threshold: threshold) }
    public static func value(_ limit: Double) -> Clipping { Clipping(rule: .value, threshold: limit) }
    public static func squaredNorm(_ threshold: Double) -> Clipping { Clipping(rule: .squaredNorm, threshold: threshold) }

    /// Clips `g` in place; returns the norm before and after and whether the rule fired.
    @discardableResult
    public func apply(_ g: inout [Double]) -> ClipOutcome {
        let before = g.withUnsafeBufferPointer { norm2($0) }    // ‖g‖, overflow-safe (BLAS dnrm2)
        return apply(&g, norm: before)
    }

    /// The same, with ‖g‖ computed by the caller (a two-parameter descent writes it as
    /// √(g₁² + g₂²)); `normBefore` is that value.
    @discardableResult
    public func apply(_ g: inout [Double], norm before: Double) -> ClipOutcome {
        precondition(rule == .none || threshold > 0, "clipping \(rule) needs a threshold > 0, got \(threshold)")
        let τ = threshold
        var fired = false
        switch rule {
        case .none:
            break
        case .norm:
            if before >= τ {                                   // Algorithm 1: ‖ĝ‖ ≥ threshold
                fired = true
                let s = τ / before
                for k in g.indices { g[k] *= s }               // ĝ ← (threshold/‖ĝ‖) ĝ
            }
        case .value:
            for k in g.indices where abs(g[k]) > τ {
                fired = true
                g[k] = g[k] > 0 ? τ : -τ                       // g_i ← clamp(g_i, −c, c)
            }
        case .squaredNorm:
            let sumSquares = before * before                   // Σ g²
            if sumSquares > τ {
                fired = true
                let s = τ / sumSquares
                for k in g.indices { g[k] *= s }               // g ← τ g / Σg²  (‖g‖ becomes τ/‖g‖)
            }
        }
        let after = fired ? g.withUnsafeBufferPointer { norm2($0) } : before
        return ClipOutcome(normBefore: before, normAfter: after, clipped: fired)
    }
}

/// What one clipping call did.
public struct ClipOutcome: Codable, Sendable, Equatable {
    public var normBefore: Double
    public var normAfter: Double
    public var clipped: Bool
}
