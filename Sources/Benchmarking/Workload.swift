import Foundation
import LinearAlgebra
import Recurrence

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
        net.keepsStateGradients = false
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
                      gflops: f / (median * 1e6), threads: BLASThreads.count, times_ms: times)
    }
}

extension Benchmark {
    /// The DGEMM rate of this process's OpenBLAS, C = A·B with n×n operands (2n³ flops), median of `reps`.
    public static func dgemmGflops(n: Int = 2048, reps: Int = 3) -> Double {
        var rng = SeededGenerator(seed: 1)
        let A = rng.gaussianMatrix(rows: n, cols: n, std: 1), B = rng.gaussianMatrix(rows: n, cols: n, std: 1)
        var C = Matrix(rows: n, cols: n)
        var rates: [Double] = []
        A.withRef { a in B.withRef { b in C.withMutableRef { c in
            gemm(a, b, into: c)
            for _ in 0..<max(1, reps) {
                let t0 = DispatchTime.now().uptimeNanoseconds
                gemm(a, b, into: c)
                rates.append(2 * pow(Double(n), 3) / Double(DispatchTime.now().uptimeNanoseconds - t0))
            }
        } } }
        return rates.sorted()[rates.count / 2]
    }

    /// One pass of the workload on its seeded problem, written for an outside reference to redo
    /// (`bench/workload.py`, `read_problem`): problem.json and raw little-endian float64 files
    /// W_x, W_h, b, b_hn, x, G. Returns rnnlab's own results for comparison with the reference's.
    public static func exportCheckProblem(kind: CellKind, hidden H: Int, batch B: Int, steps T: Int,
                                          to folder: URL) throws -> (norms: [Double], gradients: CellParameters) {
        let (net, p) = makeProblem(kind: kind, hidden: H, batch: B, steps: T)
        func write(_ name: String, _ v: UnsafeBufferPointer<Double>) throws {
            try Data(buffer: v).write(to: folder.appendingPathComponent(name + ".f64"))
        }
        let D = H / 2, TB = T * B
        try p.W_x.elements.withUnsafeBufferPointer { try write("W_x", $0) }
        try p.W_h.elements.withUnsafeBufferPointer { try write("W_h", $0) }
        try p.b.withUnsafeBufferPointer { try write("b", $0) }
        try p.b_hn.withUnsafeBufferPointer { try write("b_hn", $0) }
        try write("x", UnsafeBufferPointer(start: net.x.pointer, count: D * TB))
        try write("G", UnsafeBufferPointer(start: net.dhLoss.pointer, count: H * TB))
        let meta = "{\"cell\": \"\(kind.rawValue)\", \"hidden\": \(H), \"batch\": \(B), \"steps\": \(T)}\n"
        try Data(meta.utf8).write(to: folder.appendingPathComponent("problem.json"))
        net.forward(p)
        net.backward(p)
        return (net.gradHNorm, net.gradients)
    }
}
