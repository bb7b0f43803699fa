import Foundation
import LinearAlgebra
import Recurrence

/// The models of the lecture's experiments, by the names experiment files use.
public enum ModelKind: String, CaseIterable, Codable, Sendable {
    /// tanh RNN; W_hh Gaussian N(0, g²/H) or orthogonal × g (`recurrentInit`), W_xh N(0, 1/D), b_h = 0.
    case tanh
    /// ReLU RNN with W_hh ~ N(0, g²/H) (Le et al.'s "RNN + ReLU" baseline), W_xh N(0, 1/D), b_h = 0.
    case relu
    /// IRNN (Le, Jaitly & Hinton 2015): ReLU, W_hh = g·I (g = 1), b_h = 0, W_xh ~ N(0, 0.001²)
    /// as in the Keras reproduction `mnist_irnn.py`.
    case irnn
    /// LSTM, every weight and bias U(−1/√H, 1/√H) (PyTorch's default), then b_f = forget bias
    /// (default 1: Gers et al. 2000, Jozefowicz et al. 2015, char-rnn).
    case lstm
    /// GRU, every weight and bias U(−1/√H, 1/√H) (PyTorch's default).
    case gru

    public var cell: CellKind {
        switch self {
        case .tanh: return .tanh
        case .relu, .irnn: return .relu
        case .lstm: return .lstm
        case .gru: return .gru
        }
    }
}

/// How a tanh RNN's W_hh is drawn.
public enum RecurrentInit: String, Codable, Sendable {
    /// W_hh ~ N(0, g²/H): ρ → g, σ_max → 2g (reference-science §7.4).
    case gaussian
    /// W_hh = g·Q, Q Haar-orthogonal: every singular value equals g.
    case orthogonal
}

/// A model an experiment file can name: cell, hidden size, initialisation. The readout is
/// W_y ~ U(−1/√H, 1/√H), b_y = 0 for every model.
public struct ModelSpec: Codable, Sendable, Equatable {
    public var kind: ModelKind
    public var hiddenSize: Int              // H
    /// The recurrent gain g (tanh, relu, irnn); ignored by the gated cells.
    public var gain: Double
    /// tanh only: Gaussian or orthogonal W_hh.
    public var recurrentInit: RecurrentInit
    /// LSTM only: the initial forget-gate bias b_f.
    public var forgetBias: Double

    public init(kind: ModelKind, hiddenSize: Int = 100, gain: Double = 1,
                recurrentInit: RecurrentInit = .gaussian, forgetBias: Double = 1) {
        self.kind = kind
        self.hiddenSize = hiddenSize
        self.gain = gain
        self.recurrentInit = recurrentInit
        self.forgetBias = forgetBias
    }

    /// Initial cell parameters for input size D, drawn from `rng`.
    public func makeCell(inputSize D: Int, using rng: inout SeededGenerator) -> CellParameters {
        let H = hiddenSize
        var p = CellParameters(kind: kind.cell, inputSize: D, hiddenSize: H)
        switch kind {
        case .tanh, .relu:
            p.W_x = Initializer.gaussian(rows: H, cols: D, gain: 1, using: &rng)
            if kind == .tanh && recurrentInit == .orthogonal {
                p.W_h = Initializer.orthogonal(H, gain: gain, using: &rng)
            } else {
                p.W_h = Initializer.gaussian(rows: H, cols: H, gain: gain, using: &rng)
            }
        case .irnn:
            p.W_x = rng.gaussianMatrix(rows: H, cols: D, std: 0.001)
            p.W_h = Initializer.identity(H, scale: gain)
        case .lstm, .gru:
            let bound = 1 / Double(H).squareRoot()
            let G = kind.cell.gates
            p.W_x = Initializer.uniform(rows: G * H, cols: D, bound: bound, using: &rng)
            p.W_h = Initializer.uniform(rows: G * H, cols: H, bound: bound, using: &rng)
            p.b = Initializer.uniform(rows: G * H, cols: 1, bound: bound, using: &rng).elements
            if kind == .gru { p.b_hn = Initializer.uniform(rows: H, cols: 1, bound: bound, using: &rng).elements }
            if kind == .lstm { for k in H..<(2 * H) { p.b[k] = forgetBias } }   // block f
        }
        return p
    }

    /// Initial readout for O outputs.
    public func makeReadout(outputSize O: Int, using rng: inout SeededGenerator) -> ReadoutParameters {
        var r = ReadoutParameters(outputSize: O, hiddenSize: hiddenSize)
        r.W_y = Initializer.uniform(rows: O, cols: hiddenSize, bound: 1 / Double(hiddenSize).squareRoot(), using: &rng)
        return r
    }
}

/// Cell and readout parameters as one flat vector θ = (W_x, W_h, b, b_hn, W_y, b_y): the
/// optimisers, the clipping rules and the global gradient norm all act on this vector.
enum FlatParameters {
    static func count(_ cell: CellParameters, _ readout: ReadoutParameters) -> Int {
        cell.parameterCount + readout.parameterCount
    }

    /// θ ← (cell, readout), into existing storage.
    static func gather(_ cell: CellParameters, _ readout: ReadoutParameters, into v: inout [Double]) {
        v.withUnsafeMutableBufferPointer { v in
            var o = 0
            func put(_ a: [Double]) {
                a.withUnsafeBufferPointer { a in
                    guard let src = a.baseAddress, a.count > 0 else { return }
                    (v.baseAddress! + o).update(from: src, count: a.count)
                }
                o += a.count
            }
            put(cell.W_x.elements); put(cell.W_h.elements); put(cell.b); put(cell.b_hn)
            put(readout.W_y.elements); put(readout.b_y)
            precondition(o == v.count, "FlatParameters: \(o) values for \(v.count)")
        }
    }

    /// (cell, readout) ← θ, in place.
    static func scatter(_ v: [Double], into cell: inout CellParameters, _ readout: inout ReadoutParameters) {
        v.withUnsafeBufferPointer { v in
            var o = 0
            func get(_ a: inout [Double]) {
                let n = a.count
                a.withUnsafeMutableBufferPointer { a in
                    guard let dst = a.baseAddress, n > 0 else { return }
                    dst.update(from: v.baseAddress! + o, count: n)
                }
                o += n
            }
            get(&cell.W_x.elements); get(&cell.W_h.elements); get(&cell.b); get(&cell.b_hn)
            get(&readout.W_y.elements); get(&readout.b_y)
        }
    }
}
