import Foundation
import LinearAlgebra
import Testing
@testable import Dynamics

@Test("the IRNN's ∂h_T/∂h_0 has singular values 0 or 1, one 1 per unit active at every step")
func irnnJacobianIsAProjection() throws {
    let irnn = JacobianCase(label: "IRNN", cell: .relu, recurrent: .identity)
    let r = try jacobianProductSpectra(irnn, hidden: 64, inputSize: 4, steps: [1, 10, 50, 100],
                                       inputWeightStd: 0.001, seed: 3)
    for s in r.spectra {
        let off = s.singularValues.map { min(abs($0), abs($0 - 1)) }.max()!
        let ones = s.singularValues.filter { abs($0 - 1) < 1e-12 }.count
        print("IRNN T = \(s.steps): \(ones) singular values 1, \(s.unitsActiveThroughout!) units active throughout, largest distance from {0, 1} \(off)")
        #expect(off < 1e-12)
        #expect(ones == s.unitsActiveThroughout)
    }
    let counts = r.spectra.map { $0.unitsActiveThroughout! }
    #expect(counts[0] > 0 && counts[0] < 64 && counts == counts.sorted(by: >))
}

@Test("tanh Jacobian products stay below σ_max(W_hh)^T and shrink at g = 0.5")
func tanhJacobianBoundedBySigmaMaxPower() throws {
    let cases = [0.5, 1, 1.5].map { JacobianCase(label: "tanh, Gaussian g = \($0)", cell: .tanh, recurrent: .gaussian, gain: $0) }
        + [JacobianCase(label: "tanh, orthogonal", cell: .tanh, recurrent: .orthogonal)]
    let r = try cases.map {
        try jacobianProductSpectra($0, hidden: 48, inputSize: 4, steps: [1, 5, 20], inputWeightStd: 0.1, seed: 5)
    }
    for c in r {
        for s in c.spectra {
            let bound = pow(c.sigmaMaxW, Double(s.steps))
            #expect(s.max <= bound * (1 + 1e-10), "\(c.jacobianCase.label) T = \(s.steps): \(s.max) > \(bound)")
        }
        print("\(c.jacobianCase.label): σ_max at T = 1, 5, 20: \(c.spectra.map(\.max)); median \(c.spectra.map(\.median))")
    }
    #expect(r[0].spectra.last!.max < 0.01)
}
