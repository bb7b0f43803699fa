import LinearAlgebra

/// The four recurrent cells of the lecture (equations in `../shared/spec/gradient-probe.md`).
public enum CellKind: String, CaseIterable, Sendable, Codable {
    /// h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)
    case tanh
    /// h_t = max(0, W_xh x_t + W_hh h_{t-1} + b_h); with W_hh = I, b_h = 0 it is the IRNN.
    case relu
    /// Gates i, f, g, o; c_t = f∘c_{t-1} + i∘g; h_t = o∘tanh(c_t).
    case lstm
    /// Gates r, z, n; h_t = z∘h_{t-1} + (1 − z)∘n_t, reset applied to W_hn h + b_hn.
    case gru

    /// How many H-row blocks the stacked weights W_x (G·H×D) and W_h (G·H×H) hold.
    public var gates: Int {
        switch self {
        case .tanh, .relu: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    /// Gate names in block order (the probe format's and PyTorch's order).
    public var gateNames: [String] {
        switch self {
        case .tanh, .relu: return ["h"]
        case .lstm: return ["i", "f", "g", "o"]
        case .gru: return ["r", "z", "n"]
        }
    }

    /// The probe format's weight names, in a fixed order.
    public var weightNames: [String] {
        switch self {
        case .tanh, .relu: return ["W_xh", "W_hh", "b_h"]
        case .lstm, .gru:
            return gateNames.map { "W_x\($0)" } + gateNames.map { "W_h\($0)" } + gateNames.map { "b_\($0)" }
                + (self == .gru ? ["b_hn"] : [])
        }
    }

    /// Names of the recurrent matrices whose singular values the lab reports.
    public var recurrentWeightNames: [String] { gateNames.map { "W_h\($0)" } }
}

/// The weights of one recurrent layer; gradients use the same type (llm.c style).
///
/// Gate blocks are stacked so that the input projection of every time step is one
/// GEMM: `W_x` is G·H×D with gate k in rows k·H ..< (k+1)·H, `W_h` is G·H×H, `b` is G·H.
/// The GRU's `b_hn` (H) sits inside the reset product r∘(W_hn h + b_hn), so it is kept apart.
public struct CellParameters: Equatable, Sendable {
    public let kind: CellKind
    public let inputSize: Int   // D
    public let hiddenSize: Int  // H
    public var W_x: Matrix      // G·H×D
    public var W_h: Matrix      // G·H×H
    public var b: [Double]      // G·H
    public var b_hn: [Double]   // H (gru), empty otherwise

    /// All-zero parameters (also the zero gradient).
    public init(kind: CellKind, inputSize D: Int, hiddenSize H: Int) {
        precondition(D >= 0 && H >= 1, "CellParameters: D = \(D), H = \(H)")
        self.kind = kind
        inputSize = D
        hiddenSize = H
        W_x = Matrix(rows: kind.gates * H, cols: D)
        W_h = Matrix(rows: kind.gates * H, cols: H)
        b = [Double](repeating: 0, count: kind.gates * H)
        b_hn = kind == .gru ? [Double](repeating: 0, count: H) : []
    }

    /// The shape of a named weight (rows × cols; a bias is H×1).
    public func shape(of name: String) -> (rows: Int, cols: Int)? {
        Self.shape(of: name, kind: kind, inputSize: inputSize, hiddenSize: hiddenSize)
    }

    /// The shape a named weight of a `kind` cell has, known before any parameters are allocated.
    public static func shape(of name: String, kind: CellKind, inputSize D: Int, hiddenSize H: Int) -> (rows: Int, cols: Int)? {
        guard kind.weightNames.contains(name) else { return nil }
        if name.hasPrefix("W_x") { return (H, D) }
        if name.hasPrefix("W_h") { return (H, H) }
        return (H, 1)
    }

    private func gateIndex(_ name: String) -> Int {
        let suffix = String(name.dropFirst(name.hasPrefix("b_") ? 2 : 3))
        return kind.gateNames.firstIndex(of: suffix)!
    }

    /// A weight by its probe-format name (`W_hh`, `W_xi`, `b_hn`, …); biases are H×1.
    public subscript(name: String) -> Matrix {
        get {
            let H = hiddenSize
            precondition(kind.weightNames.contains(name), "no weight \(name) in a \(kind) cell")
            if name == "b_hn" { return Matrix(column: b_hn) }
            let k = gateIndex(name)
            if name.hasPrefix("W_x") { return W_x.rowBlock(k * H ..< (k + 1) * H) }
            if name.hasPrefix("W_h") { return W_h.rowBlock(k * H ..< (k + 1) * H) }
            return Matrix(column: Array(b[k * H ..< (k + 1) * H]))
        }
        set {
            let H = hiddenSize
            precondition(kind.weightNames.contains(name), "no weight \(name) in a \(kind) cell")
            let s = shape(of: name)!
            precondition(newValue.rows == s.rows && newValue.cols == s.cols, "\(name): shape mismatch")
            if name == "b_hn" { b_hn = newValue.elements; return }
            let k = gateIndex(name)
            if name.hasPrefix("W_x") { W_x.setRowBlock(newValue, at: k * H) }
            else if name.hasPrefix("W_h") { W_h.setRowBlock(newValue, at: k * H) }
            else { b.replaceSubrange(k * H ..< (k + 1) * H, with: newValue.elements) }
        }
    }

    /// Every parameter as one vector (W_x, W_h, b, b_hn), for finite differences,
    /// optimisers and global gradient norms.
    public var flat: [Double] {
        get { W_x.elements + W_h.elements + b + b_hn }
        set {
            precondition(newValue.count == parameterCount, "flat: \(newValue.count) values for \(parameterCount)")
            var o = 0
            func take(_ n: Int) -> [Double] { defer { o += n }; return Array(newValue[o ..< o + n]) }
            W_x.elements = take(W_x.elements.count)
            W_h.elements = take(W_h.elements.count)
            b = take(b.count)
            b_hn = take(b_hn.count)
        }
    }

    public var parameterCount: Int { W_x.elements.count + W_h.elements.count + b.count + b_hn.count }
}

extension CellParameters {
    /// Sets the LSTM's forget-gate bias b_f to `value` in every unit.
    ///
    /// With small weights f_t ≈ σ(b_f), and the cell path keeps σ(b_f)^k of the gradient after
    /// k steps: b_f = 0 halves it every step, b_f = 1 (char-rnn, Jozefowicz et al. 2015) keeps 0.73.
    public mutating func setForgetBias(_ value: Double) {
        precondition(kind == .lstm, "setForgetBias: a \(kind) cell has no forget gate")
        self["b_f"] = Matrix(column: [Double](repeating: value, count: hiddenSize))
    }
}
