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

@Test("Adding problem (Pascanu et al.): first marker in [0, 0.1T), second in [0.1T, 0.5T), target is the mean")
func addingMeanPositions() {
    var rng = SeededGenerator(seed: 12)
    let T = 50, B = 300
    let batch = TaskBatch(spec: TaskSpec(kind: .addingMean, steps: T), batch: B, using: &rng)
    for b in 0..<B {
        let marked = (0..<T).filter { batch.x[1, $0 * B + b] == 1 }
        #expect(marked.count == 2)
        #expect(marked[0] < 5 && marked[1] >= 5 && marked[1] < 25)
        let mean = marked.map { batch.x[0, $0 * B + b] }.reduce(0, +) / 2
        #expect(abs(lastTarget(batch, b) - mean) < 1e-15)
    }
}

@Test("Constant predictors score 1/6 (sum, predict 1) and 1/24 (mean, predict ½) within 2 % on 10⁵ samples",
      arguments: [(TaskKind.adding, 1.0, 1.0 / 6), (TaskKind.addingMean, 0.5, 1.0 / 24)])
func constantPredictorBaselines(kind: TaskKind, constant: Double, expected: Double) {
    var rng = SeededGenerator(seed: 13)
    let B = 100_000
    let batch = TaskBatch(spec: TaskSpec(kind: kind, steps: 10), batch: B, using: &rng)
    let mse = batch.targets.elements.reduce(0) { $0 + ($1 - constant) * ($1 - constant) } / Double(B)
    #expect(abs(mse - expected) / expected < 0.02, "MSE \(mse), expected \(expected)")
    #expect(TaskSpec(kind: kind, steps: 10).baselineLoss == expected)
    #expect(addingBaselineMSE == 1.0 / 6)
}

@Test("Temporal order: one-hot steps, v0 at [0.1T, 0.2T), v1 at [0.5T, 0.6T), distractors 2–5, four balanced classes")
func temporalOrderLayout() {
    var rng = SeededGenerator(seed: 14)
    let T = 100, B = 2000
    let batch = TaskBatch(spec: TaskSpec(kind: .temporalOrder, steps: T), batch: B, using: &rng)
    var counts = [Int](repeating: 0, count: 4)
    for b in 0..<B {
        var informative: [(Int, Int)] = []
        for t in 0..<T {
            let col = (0..<6).map { batch.x[$0, t * B + b] }
            #expect(col.reduce(0, +) == 1)
            let s = col.firstIndex(of: 1)!
            if s < 2 { informative.append((t, s)) }
        }
        #expect(informative.count == 2)
        let (p0, v0) = informative[0], (p1, v1) = informative[1]
        #expect(p0 >= 10 && p0 < 20 && p1 >= 50 && p1 < 60)
        #expect(batch.classes[b] == v0 + 2 * v1)
        counts[batch.classes[b]] += 1
    }
    for c in counts { #expect(abs(Double(c) / Double(B) - 0.25) < 0.03, "class shares \(counts)") }
}

@Test("Copy task: pattern, blanks, go marker at T−L−1, blank targets, then the pattern again in the last L steps")
func copyLayout() {
    var rng = SeededGenerator(seed: 15)
    let spec = TaskSpec(kind: .copy, steps: 30, symbols: 8, patternLength: 10)
    let T = 30, B = 5, K = 8, L = 10
    let batch = TaskBatch(spec: spec, batch: B, using: &rng)
    #expect(spec.inputSize == 10 && spec.outputSize == 9 && batch.lossSteps.count == T)
    for b in 0..<B {
        let symbols = (0..<T).map { t in (0..<(K + 2)).first { batch.x[$0, t * B + b] == 1 }! }
        #expect(symbols[..<L].allSatisfy { $0 < K })
        #expect(symbols[L..<(T - L - 1)].allSatisfy { $0 == K })
        #expect(symbols[T - L - 1] == K + 1)
        #expect(symbols[(T - L)...].allSatisfy { $0 == K })
        for t in 0..<T {
            let expected = t >= T - L ? symbols[t - (T - L)] : K
            #expect(batch.classes[t * B + b] == expected)
        }
    }
}
