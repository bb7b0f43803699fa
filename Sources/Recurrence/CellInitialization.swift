import LinearAlgebra

/// How one block of a cell's parameters (W_x, W_h or the biases) is drawn at initialisation.
///
/// Every case draws from a `SeededGenerator` in column-major order, so a seed fixes the weights
/// on every machine; `zero` and `identity` draw nothing. The matrix initialisers themselves
/// (`Initializer` in LinearAlgebra) are the primitives; this enum names the choices a cell's
/// blocks are given, in one place for every model of the lab.
public enum WeightInitializer: Sendable, Equatable {
    /// All zeros (the biases of the plain RNNs).
    case zero
    /// W_ij ~ U(−bound, bound), drawn as −bound + 2·bound·u (`Initializer.uniform`). PyTorch's
    /// default for every RNN/LSTM/GRU weight and bias is bound = 1/√H; char-rnn's is 0.08.
    case uniform(bound: Double)
    /// The same law drawn as bound·(2u − 1): the character language model's bias draw. The two
    /// forms round differently in the last bit of about half the draws; this one is kept so the
    /// language models' weights, and every number trained from them, stay as they were.
    case uniformScaled(bound: Double)
    /// W_ij ~ N(0, std²).
    case gaussian(std: Double)
    /// W_ij ~ N(0, gain²/cols) (`Initializer.gaussian`): for a square W, ρ(W) → gain and
    /// σ_max → 2·gain as the size grows (circular and quarter-circle laws).
    case gaussianFanIn(gain: Double)
    /// gain·I (the IRNN's W_hh, Le, Jaitly & Hinton 2015). Square blocks only.
    case identity(gain: Double)
    /// gain·Q with Q Haar-orthogonal (`Initializer.orthogonal`, Saxe et al. 2014): every
    /// singular value equals gain. Square blocks only.
    case orthogonal(gain: Double)

    /// A rows×cols block drawn from `rng`.
    public func matrix(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix {
        switch self {
        case .zero:
            return Matrix(rows: rows, cols: cols)
        case .uniform(let bound):
            return Initializer.uniform(rows: rows, cols: cols, bound: bound, using: &rng)
        case .uniformScaled(let bound):
            var m = Matrix(rows: rows, cols: cols)
            for k in 0..<m.elements.count { m.elements[k] = bound * (2 * rng.uniform() - 1) }
            return m
        case .gaussian(let std):
            return rng.gaussianMatrix(rows: rows, cols: cols, std: std)
        case .gaussianFanIn(let gain):
            return Initializer.gaussian(rows: rows, cols: cols, gain: gain, using: &rng)
        case .identity(let gain):
            precondition(rows == cols, "identity initialisation of a \(rows)×\(cols) block")
            return Initializer.identity(rows, scale: gain)
        case .orthogonal(let gain):
            precondition(rows == cols, "orthogonal initialisation of a \(rows)×\(cols) block")
            return Initializer.orthogonal(rows, gain: gain, using: &rng)
        }
    }
}

/// How every parameter of a cell is drawn: W_x, then W_h, then the biases b and b_hn, in that
/// order from one generator; then the LSTM's forget-gate bias b_f is set (`setForgetBias`).
public struct CellInitialization: Sendable, Equatable {
    /// W_x, G·H×D.
    public var inputWeights: WeightInitializer
    /// W_h, G·H×H.
    public var recurrentWeights: WeightInitializer
    /// b (G·H) and the GRU's b_hn (H).
    public var biases: WeightInitializer
    /// b_f after the draw, for the LSTM (nil: as drawn); the other cells have no forget gate
    /// and ignore it. 1 is char-rnn's and Jozefowicz et al.'s (2015) choice.
    public var forgetBias: Double?

    public init(inputWeights: WeightInitializer, recurrentWeights: WeightInitializer,
                biases: WeightInitializer = .zero, forgetBias: Double? = nil) {
        self.inputWeights = inputWeights
        self.recurrentWeights = recurrentWeights
        self.biases = biases
        self.forgetBias = forgetBias
    }

    /// Every weight and bias U(−bound, bound), then b_f: PyTorch's default at bound = 1/√H.
    public static func uniform(bound: Double, forgetBias: Double? = nil) -> CellInitialization {
        CellInitialization(inputWeights: .uniform(bound: bound), recurrentWeights: .uniform(bound: bound),
                           biases: .uniform(bound: bound), forgetBias: forgetBias)
    }
}

extension CellParameters {
    /// A cell drawn from `rng` as `initialization` says (W_x, W_h, b, b_hn, then b_f).
    public init(kind: CellKind, inputSize D: Int, hiddenSize H: Int, initialization i: CellInitialization,
                using rng: inout SeededGenerator) {
        self.init(kind: kind, inputSize: D, hiddenSize: H)
        let G = kind.gates
        W_x = i.inputWeights.matrix(rows: G * H, cols: D, using: &rng)
        W_h = i.recurrentWeights.matrix(rows: G * H, cols: H, using: &rng)
        if i.biases != .zero {
            b = i.biases.matrix(rows: G * H, cols: 1, using: &rng).elements
            if kind == .gru { b_hn = i.biases.matrix(rows: H, cols: 1, using: &rng).elements }
        }
        if kind == .lstm, let b_f = i.forgetBias { setForgetBias(b_f) }
    }
}
