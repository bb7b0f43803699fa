import Dynamics
import Recurrence
import Testing

// One draw of each network at small sizes; the experiment's mean over seeds is tested in LabTests.

private let initialization = CellInitialization(inputWeights: .uniform(bound: 1 / 32.0.squareRoot()),
                                                recurrentWeights: .uniform(bound: 1 / 32.0.squareRoot()), forgetBias: 1)

@Test("One stack at initialisation: ‖∂L/∂h_t‖ falls back in time in the top layer and down in depth at t = T", arguments: [CellKind.tanh, .lstm])
func stackedNormsVanishInTimeAndDepth(kind: CellKind) {
    let T = 30
    let norms = stackedGradientNorms(kind: kind, inputSize: 16, hiddenSize: 32, layers: 4, batch: 8, steps: T,
                                     initialization: initialization, seed: 4000)
    #expect(norms.count == 4 && norms.allSatisfy { $0.count == T })
    let top = norms[3], bottom = norms[0]
    #expect(top[0] < 1e-2 * top[T - 1], "\(kind): ‖∂L/∂h_1‖ = \(top[0]), ‖∂L/∂h_T‖ = \(top[T - 1])")
    #expect(bottom[T - 1] < 0.5 * top[T - 1], "\(kind): bottom \(bottom[T - 1]) vs top \(top[T - 1]) at t = T")
    let again = stackedGradientNorms(kind: kind, inputSize: 16, hiddenSize: 32, layers: 4, batch: 8, steps: T,
                                     initialization: initialization, seed: 4000)
    #expect(again == norms, "one seed, one draw")
}

@Test("One bidirectional layer: each direction's gradient decays away from its own end", arguments: [CellKind.tanh, .lstm])
func bidirectionalDirectionsMirror(kind: CellKind) {
    let T = 30
    let (fw, bw) = bidirectionalGradientNorms(kind: kind, inputSize: 16, hiddenSize: 32, batch: 8, steps: T,
                                              initialization: initialization, seed: 9000)
    #expect(fw.count == T && bw.count == T)
    #expect(fw[0] < 1e-2 * fw[T - 1], "\(kind) forward: \(fw[0]) at t = 1, \(fw[T - 1]) at t = T")
    #expect(bw[T - 1] < 1e-2 * bw[0], "\(kind) backward: \(bw[T - 1]) at t = T, \(bw[0]) at t = 1")
}
