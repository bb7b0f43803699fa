import Foundation
import Testing
@testable import Training

/// f(θ) = ½ (θ − θ*)ᵀ A (θ − θ*) with A symmetric positive definite (eigenvalues ≈ 0.43…2.2):
/// ∇f = A (θ − θ*), unique minimum θ*.
private let A: [[Double]] = [[2, 0.5, 0], [0.5, 1, 0.2], [0, 0.2, 0.5]]
private let thetaStar: [Double] = [1, -2, 0.5]

private func gradient(_ theta: [Double]) -> [Double] {
    (0..<3).map { (i: Int) -> Double in
        (0..<3).reduce(0.0) { (sum: Double, j: Int) -> Double in sum + A[i][j] * (theta[j] - thetaStar[j]) }
    }
}

struct OptimizerCase: CustomStringConvertible, Sendable {
    let settings: OptimizerSettings
    let iterations: Int
    let tolerance: Double
    var description: String { "\(settings.kind) η=\(settings.learningRate)" }
}

@Test("Each optimiser reaches the minimum of a convex quadratic", arguments: [
    OptimizerCase(settings: .sgd(0.1), iterations: 600, tolerance: 1e-6),
    OptimizerCase(settings: .momentum(0.05, 0.9), iterations: 600, tolerance: 1e-6),
    OptimizerCase(settings: .rmsprop(1e-3), iterations: 6000, tolerance: 1e-2),
    OptimizerCase(settings: .adam(0.02), iterations: 3000, tolerance: 1e-4),
    OptimizerCase(settings: .adagrad(0.5), iterations: 3000, tolerance: 1e-4),
])
func optimiserReachesMinimum(_ c: OptimizerCase) {
    var theta: [Double] = [0, 0, 0]
    var opt = Optimizer(c.settings, count: 3)
    for _ in 0..<c.iterations { opt.step(&theta, gradient(theta)) }
    let err = zip(theta, thetaStar).map { abs($0 - $1) }.max()!
    #expect(err < c.tolerance, "\(c): largest |θ − θ*| = \(err), θ = \(theta)")
    #expect(opt.stepCount == c.iterations)
}

@Test("Adam's first step has length η in every coordinate (bias correction)")
func adamFirstStep() {
    var theta: [Double] = [0, 0, 0]
    var opt = Optimizer(.adam(0.01), count: 3)
    opt.step(&theta, [3, -0.5, 1e-3])
    #expect(abs(theta[0] + 0.01) < 1e-9 && abs(theta[1] - 0.01) < 1e-9 && abs(theta[2] + 0.01) < 1e-7, "θ = \(theta)")
}

struct FirstStepCase: CustomStringConvertible, Sendable {
    let settings: OptimizerSettings
    /// θ₁ from θ₀ = 0 and gradient g, written from the update rule's closed form.
    let expected: @Sendable (_ g: Double, _ s: OptimizerSettings) -> Double
    var description: String { "\(settings.kind)" }
}

/// From θ₀ = 0 with gradient g every rule's first step has a closed form: SGD and momentum
/// −η g; RMSprop −η g/(√(1 − ρ)|g| + ε); Adam −η g/(|g| + ε) = −η sign(g) up to ε (the bias
/// corrections make m̂ = g, v̂ = g²); Adagrad −η g/√(g² + ε), also −η sign(g) up to ε.
@Test("Every optimiser in the family takes its closed-form first step", arguments: [
    FirstStepCase(settings: .sgd(0.1)) { g, s in -s.learningRate * g },
    FirstStepCase(settings: .momentum(0.1, 0.9)) { g, s in -s.learningRate * g },
    FirstStepCase(settings: .rmsprop(0.01, decay: 0.9)) { g, s in -s.learningRate * g / ((1 - s.decay).squareRoot() * abs(g) + s.epsilon) },
    FirstStepCase(settings: .adam(0.01)) { g, s in -s.learningRate * g / (abs(g) + s.epsilon) },
    FirstStepCase(settings: .adagrad(0.1)) { g, s in -s.learningRate * g / (g * g + s.epsilon).squareRoot() },
])
func closedFormFirstStep(_ c: FirstStepCase) {
    let g: [Double] = [3, -0.5, 1e-3, 250]
    var theta = [Double](repeating: 0, count: g.count)
    var opt = Optimizer(c.settings, count: g.count)
    opt.step(&theta, g)
    let want = g.map { c.expected($0, c.settings) }
    let worst = zip(theta, want).map { abs($0 - $1) / abs($1) }.max()!
    #expect(worst < 1e-12, "\(c): θ₁ = \(theta), closed form \(want), largest relative difference \(worst)")
    if [.adam, .adagrad].contains(c.settings.kind) {            // −η sign(g) where ε ≪ |g|
        let η = c.settings.learningRate
        for (θ, gk) in zip(theta, g) where abs(gk) >= 0.5 {
            let sign: Double = gk > 0 ? 1 : -1
            #expect(abs(θ + η * sign) <= η * 1e-7, "\(c): θ₁ = \(θ) for g = \(gk)")
        }
    }
}
