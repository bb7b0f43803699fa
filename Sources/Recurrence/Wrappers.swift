import LinearAlgebra

/// A deep RNN: L layers of one cell kind, layer ℓ reading the hidden states of layer ℓ−1.
///
///     h_t^(1) = cell(x_t, h_{t-1}^(1)),   h_t^(ℓ) = cell(h_t^(ℓ−1), h_{t-1}^(ℓ))
///
/// The loss reads the top layer (`dhLoss` of the last layer). After `backward`, each
/// layer's `gradHNorm` is ‖∂L/∂h_t^(ℓ)‖: gradients vanish in depth as well as in time.
public final class StackedRNN {
    public let layers: [BPTT]

    /// Layer 1 reads D inputs; every layer has H hidden units.
    public init(kind: CellKind, inputSize D: Int, hiddenSize H: Int, layers L: Int, batch B: Int, steps T: Int) {
        precondition(L >= 1, "StackedRNN: \(L) layers")
        layers = (0..<L).map { l in BPTT(kind: kind, inputSize: l == 0 ? D : H, hiddenSize: H, batch: B, steps: T) }
        layers[0].computeInputGradient = true
    }

    /// Inputs x_1…x_T (D×TB): write before `forward`.
    public var x: MatrixRef { layers[0].x }
    /// ∂ℓ/∂h_t of the top layer (H×TB): write before `backward`.
    public var dhLoss: MatrixRef { layers[layers.count - 1].dhLoss }

    public func forward(_ parameters: [CellParameters]) {
        precondition(parameters.count == layers.count, "StackedRNN: \(parameters.count) parameter sets for \(layers.count) layers")
        for (l, layer) in layers.enumerated() {
            if l > 0 { layer.x.copy(from: layers[l - 1].outputs) }   // h^(ℓ−1)_{1…T} is layer ℓ's input
            layer.forward(parameters[l])
        }
    }

    public func backward(_ parameters: [CellParameters]) {
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            if l < layers.count - 1 {
                layers[l].dhLoss.copy(from: layers[l + 1].dx)          // ∂L/∂h^(ℓ)_t through layer ℓ+1's input
            }
            layers[l].backward(parameters[l])
        }
    }
}

/// A bidirectional RNN: one layer reads x_1…x_T, the other x_T…x_1, with their own weights.
///
///     h→_t = cell(x_t, h→_{t-1}),   h←_t = cell(x_t, h←_{t+1}),   output [h→_t; h←_t]
///
/// Every view here is in natural time order; the reversal is internal.
public final class BidirectionalRNN {
    public let forwardDirection: BPTT
    public let backwardDirection: BPTT
    public let batch: Int
    public let steps: Int
    private let storage: Buffer
    /// Inputs x_1…x_T (D×TB): write before `forward`.
    public let x: MatrixRef
    /// ∂ℓ/∂h→_t and ∂ℓ/∂h←_t (H×TB each, natural time): write before `backward`.
    public let dhLossForward: MatrixRef
    public let dhLossBackward: MatrixRef
    /// ∂L/∂x_t (D×TB) after `backward`.
    public let dx: MatrixRef

    public init(kind: CellKind, inputSize D: Int, hiddenSize H: Int, batch B: Int, steps T: Int) {
        forwardDirection = BPTT(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
        backwardDirection = BPTT(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
        batch = B; steps = T
        storage = Buffer(count: 2 * D * T * B + 2 * H * T * B)
        x = storage.take(rows: D, cols: T * B)
        dx = storage.take(rows: D, cols: T * B)
        dhLossForward = storage.take(rows: H, cols: T * B)
        dhLossBackward = storage.take(rows: H, cols: T * B)
    }

    /// h←_t, t = 1…T, in natural time (H×B); h←_{T+1} is the backward direction's initial state.
    public func hBackward(_ t: Int) -> MatrixRef { backwardDirection.h(steps + 1 - t) }

    /// ‖∂L/∂h←_t‖ for t = 1…T (index t−1), in natural time.
    public var gradHNormBackward: [Double] { backwardDirection.gradHNorm.reversed() }

    public func forward(_ forwardParameters: CellParameters, _ backwardParameters: CellParameters) {
        forwardDirection.x.copy(from: x)
        reverseTime(x, into: backwardDirection.x)
        forwardDirection.forward(forwardParameters)
        backwardDirection.forward(backwardParameters)
    }

    public func backward(_ forwardParameters: CellParameters, _ backwardParameters: CellParameters) {
        forwardDirection.dhLoss.copy(from: dhLossForward)
        reverseTime(dhLossBackward, into: backwardDirection.dhLoss)
        forwardDirection.backward(forwardParameters)
        backwardDirection.backward(backwardParameters)
        reverseTime(backwardDirection.dx, into: dx)                      // ∂L/∂x_t = dx→_t + dx←_t
        for k in 0..<(dx.rows * dx.cols) { dx.pointer[k] += forwardDirection.dx.pointer[k] }
    }

    /// Copies column block t of `src` to block T−1−t of `dst`.
    private func reverseTime(_ src: MatrixRef, into dst: MatrixRef) {
        for t in 0..<steps {
            dst.columns((steps - 1 - t) * batch, batch).copy(from: src.columns(t * batch, batch))
        }
    }
}
