import Foundation
import LinearAlgebra
import Testing
@testable import Dynamics

@Test("the per-step ratio converges to ρ, not σ_max, for DLFS2's W × 0.5 (σ_max 1.3297 > 1 > ρ 0.6276)")
func ratioConvergesToSpectralRadius() throws {
    let W_hh = 0.5 * dlfs2SeedThreeWh.transposed
    let r = try backpropThroughWhh(cases: [WhhCase(name: "DLFS2 × 0.5", W_hh: W_hh)], steps: 100)
    let c = r.cases[0]
    print("DLFS2 × 0.5: σ_max \(c.sigmaMax), ρ \(c.spectralRadius), ratio after 100 steps \(c.finalRatio)")
    #expect(abs(c.sigmaMax - 1.3297145) < 1e-6)
    #expect(abs(c.spectralRadius - 0.6275952) < 1e-6)
    #expect(c.topEigenvalue[1] == 0)
    #expect(abs(c.finalRatio - c.spectralRadius) < 1e-3, "largest difference \(abs(c.finalRatio - c.spectralRadius))")
    #expect(c.ruleOfThumbFails && c.norms[100] < 1e-15 * c.norms[0])
}

@Test("backpropagating through DLFS2's seed-3 W reproduces rnn_gradient_graph.py's norms")
func reproducesDLFS2Norms() throws {
    // DLFS2 records ‖dh‖_F / N for dh = ones((N = 2, H)): each row is our dh, so theirs = ours·√2/2.
    let expected: [(scale: Double, k: [Int], norms: [Double])] = [
        (1, [1, 2, 3, 20], [2.4684068, 3.3357050, 4.7832794, 249.4956154]),
        (0.5, [1, 2, 3, 20], [1.2342034, 0.8339262, 0.5979099, 2.3793756e-4]),
    ]
    for e in expected {
        let r = try backpropThroughWhh(cases: [WhhCase(name: "×\(e.scale)", W_hh: e.scale * dlfs2SeedThreeWh.transposed)],
                                       steps: 20)
        for (k, want) in zip(e.k, e.norms) {
            let got = r.cases[0].norms[k] / 2.squareRoot()
            #expect(abs(got - want) <= 1e-6 * want, "scale \(e.scale), k = \(k): \(got) vs \(want)")
        }
    }
}

@Test("σ_max^k bounds ‖dh_k‖ in every standard case, and the orthogonal case keeps the norm")
func sigmaMaxBoundsAndOrthogonalKeepsNorm() throws {
    let r = try backpropThroughWhh(cases: try standardWhhCases(hidden: 64), steps: 100)
    for c in r.cases {
        print("\(c.name): σ_max \(c.sigmaMax), ρ \(c.spectralRadius), final ratio \(c.finalRatio), second-half mean ratio \(c.meanRatioSecondHalf)")
        let worst = zip(c.norms, c.sigmaMaxLine).map { $0 / $1 }.max()!
        #expect(worst <= 1 + 1e-12, "\(c.name): ‖dh_k‖/(σ_max^k ‖dh_0‖) reaches \(worst)")
        // Gelfand: the geometric-mean ratio approaches ρ from any side; loose at K = 100.
        #expect(abs(c.meanRatioSecondHalf - c.spectralRadius) < 0.05 * max(c.spectralRadius, 1), "\(c.name)")
    }
    let orthogonal = r.cases[1]
    let drift = orthogonal.norms.map { abs($0 / orthogonal.norms[0] - 1) }.max()!
    #expect(drift < 1e-12, "orthogonal: largest relative drift \(drift)")
    let exploding = r.cases[2]
    #expect(abs(exploding.finalRatio - 1.2551903) < 1e-3 && !exploding.ruleOfThumbFails)
    #expect(r.cases[3].ruleOfThumbFails && r.cases[4].ruleOfThumbFails)
}
