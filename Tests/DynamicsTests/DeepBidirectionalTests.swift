import Dynamics
import Recurrence
import Testing

@Test("At initialisation gradients vanish back in time and down in depth; each bidirectional direction decays away from its own end")
func deepBidirectionalQuick() throws {
    let r = try deepBidirectional(settings: .quick)
    let s = DeepBidirectionalSettings.quick
    #expect(r.profiles.count == 2 * (1 + 2 + 3 + 4 + 2))
    func profile(_ kind: CellKind, _ arch: String, _ depth: Int, _ layer: Int, _ dir: String = "forward") -> [Double] {
        r.profiles.first { $0.cell == kind && $0.architecture == arch && $0.depth == depth && $0.layer == layer && $0.direction == dir }!.norms
    }
    for kind in [CellKind.tanh, .lstm] {
        let top = profile(kind, "stacked", 4, 4), bottom = profile(kind, "stacked", 4, 1)
        #expect(top.count == s.steps)
        #expect(top[0] < 1e-2 * top[s.steps - 1], "\(kind): ‖∂L/∂h_1‖ = \(top[0]), ‖∂L/∂h_T‖ = \(top[s.steps - 1])")
        #expect(bottom[s.steps - 1] < 0.5 * top[s.steps - 1], "\(kind): bottom \(bottom[s.steps - 1]) vs top \(top[s.steps - 1]) at t = T")
        let fw = profile(kind, "bidirectional", 1, 1), bw = profile(kind, "bidirectional", 1, 1, "backward")
        #expect(fw[0] < 1e-2 * fw[s.steps - 1] && bw[s.steps - 1] < 1e-2 * bw[0])
    }
}
