import Foundation
import LinearAlgebra

/// The diagnostic BPTT workload of `rnnlab bench` (the same as `../shared/bench/common.py`):
/// one forward pass and full backpropagation through time of L = Σ_t ⟨G_t, h_t⟩, with the
/// per-timestep ‖∂L/∂h_t‖ and every parameter gradient, no gradient with respect to x.
/// D = H/2, h_0 = c_0 = 0, PyTorch's default initialisation U(−1/√H, 1/√H), x, G ~ N(0, 1).
public enum Benchmark {
    /// The three sizes (H, B, T) the issue asks for.
    public static let standardSizes: [(hidden: Int, batch: Int, steps: Int)] = [(32, 16, 100), (128, 32, 200), (512, 32, 200)]

    public struct Result: Codable, Sendable {
        public let cell: String
        public let hidden: Int
        public let batch: Int
        public let steps: Int
        public let median_ms: Double
        public let flops: Double
        public let gflops: Double
        public let threads: Int
        public let times_ms: [Double]
    }

    /// GEMM flops of one pass, 2 per multiply-add: 2·T·B·N·(2D + 3H), N = G·H.
    /// Forward x·W_xᵀ and h·W_hᵀ (2BN(D+H)), backward data W_hᵀ·da (2BNH),
    /// weight gradients da·xᵀ and da·hᵀ (2BN(D+H)); element-wise work is not counted.
    public static func flops(kind: CellKind, hidden H: Int, batch B: Int, steps T: Int) -> Double {
        let D = H / 2, N = kind.gates * H
        return 2 * Double(T) * Double(B) * Double(N) * Double(2 * D + 3 * H)
    }

    /// A workspace with the workload's random problem loaded (seeded, so every run is the same).
    public static func makeProblem(kind: CellKind, hidden H: Int, batch B: Int, steps T: Int, seed: UInt64 = 0)
        -> (net: BPTT, parameters: CellParameters) {
        let D = H / 2
        var rng = SeededGenerator(seed: seed)
        let k = 1 / Double(H).squareRoot()
        var p = CellParameters(kind: kind, inputSize: D, hiddenSize: H)
        p.W_x = rng.uniformMatrix(rows: p.W_x.rows, cols: D, low: -k, high: k)
        p.W_h = rng.uniformMatrix(rows: p.W_h.rows, cols: H, low: -k, high: k)
        p.b = (0..<p.b.count).map { _ in rng.uniform() * 2 * k - k }
        p.b_hn = (0..<p.b_hn.count).map { _ in rng.uniform() * 2 * k - k }
        let net = BPTT(kind: kind, inputSize: D, hiddenSize: H, batch: B, steps: T)
        net.computeInputGradient = false
        for i in 0..<(D * T * B) { net.x.pointer[i] = rng.gaussian() }
        for i in 0..<(H * T * B) { net.dhLoss.pointer[i] = rng.gaussian() }
        return (net, p)
    }

    /// Times `reps` passes after `warmup` passes; returns the median and every time.
    public static func run(kind: CellKind, hidden H: Int, batch B: Int, steps T: Int,
                           warmup: Int = 2, reps: Int = 7) -> Result {
        let (net, p) = makeProblem(kind: kind, hidden: H, batch: B, steps: T)
        func pass() { net.forward(p); net.backward(p) }
        for _ in 0..<warmup { pass() }
        var times: [Double] = []
        for _ in 0..<max(1, reps) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            pass()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        let sorted = times.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let f = flops(kind: kind, hidden: H, batch: B, steps: T)
        return Result(cell: kind.rawValue, hidden: H, batch: B, steps: T, median_ms: median, flops: f,
                      gflops: f / (median * 1e6), threads: BLASInfo.threads, times_ms: times)
    }
}
