import Foundation
import LinearAlgebra
import Recurrence

/// The models of the lecture's experiments, by the names experiment files use.
public enum ModelKind: String, CaseIterable, Codable, Sendable {
    /// tanh RNN; W_hh ~ N(0, g²/H), W_xh ~ N(0, 1/D), b_h = 0.
    case tanh
    /// ReLU RNN with W_hh ~ N(0, g²/H) (Le et al.'s "RNN + ReLU" baseline), W_xh ~ N(0, 1/D), b_h = 0.
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

/// A model an experiment file can name: cell, hidden size, initialisation. The readout is
/// W_y ~ U(−1/√H, 1/√H), b_y = 0 for every model.
public struct ModelSpec: Codable, Sendable, Equatable {
    public var kind: ModelKind
    public var hiddenSize: Int              // H
    /// The recurrent gain g (tanh, relu, irnn); ignored by the gated cells.
    public var gain: Double
    /// LSTM only: the initial forget-gate bias b_f.
    public var forgetBias: Double

    public init(kind: ModelKind, hiddenSize: Int = 100, gain: Double = 1, forgetBias: Double = 1) {
        self.kind = kind
        self.hiddenSize = hiddenSize
        self.gain = gain
        self.forgetBias = forgetBias
    }

    /// How the cell's parameters are drawn (see `ModelKind`).
    public var initialization: CellInitialization {
        switch kind {
        case .tanh, .relu:
            return CellInitialization(inputWeights: .gaussianFanIn(gain: 1), recurrentWeights: .gaussianFanIn(gain: gain))
        case .irnn:
            return CellInitialization(inputWeights: .gaussian(std: 0.001), recurrentWeights: .identity(gain: gain))
        case .lstm, .gru:
            return .uniform(bound: 1 / Double(hiddenSize).squareRoot(), forgetBias: forgetBias)
        }
    }

    /// Initial cell parameters for input size D, drawn from `rng`.
    public func makeCell(inputSize D: Int, using rng: inout SeededGenerator) -> CellParameters {
        CellParameters(kind: kind.cell, inputSize: D, hiddenSize: hiddenSize, initialization: initialization, using: &rng)
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
