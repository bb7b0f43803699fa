import Foundation
import LinearAlgebra
import Testing
@testable import Training

/// The scored output (regression) of sequence b at the last step.
private func lastTarget(_ batch: TaskBatch, _ b: Int) -> Double { batch.targets[0, b] }

@Test("Adding problem (Le et al.): exactly two markers at distinct positions anywhere, target is the sum")
func addingMarkersAndSum() {
    var rng = SeededGenerator(seed: 11)
    let T = 30, B = 400
    let batch = TaskBatch(spec: .adding(steps: T), batch: B, using: &rng)
    var seenEarly = false, seenLate = false
    for b in 0..<B {
        var marked: [Int] = []
        for t in 0..<T {
            let m = batch.x[1, t * B + b], u = batch.x[0, t * B + b]
            #expect(m == 0 || m == 1)
            #expect(u >= 0 && u < 1)
            if m == 1 { marked.append(t) }
        }
        #expect(marked.count == 2)
        #expect(marked == batch.positions[b])
        let sum = marked.map { batch.x[0, $0 * B + b] }.reduce(0, +)
        #expect(lastTarget(batch, b) == sum)
        if marked[0] == 0 { seenEarly = true }
        if marked[1] == T - 1 { seenLate = true }
    }
    #expect(seenEarly && seenLate, "markers reach both ends of the sequence")
}

@Test("The constant predictor 1 scores 1/6 on the adding problem within 2 % on 10⁵ samples")
func constantPredictorBaseline() {
    var rng = SeededGenerator(seed: 13)
    let B = 100_000
    let batch = TaskBatch(spec: .adding(steps: 10), batch: B, using: &rng)
    let mse = batch.targets.elements.reduce(0.0) { (sum: Double, y: Double) -> Double in sum + (y - 1) * (y - 1) } / Double(B)
    #expect(abs(mse - 1.0 / 6) / (1.0 / 6) < 0.02, "MSE \(mse), expected 1/6")
    #expect(addingBaselineMSE == 1.0 / 6)
}
