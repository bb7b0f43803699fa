import ArgumentParser
import Foundation
import LinearAlgebra
import Recurrence

extension RNNLab {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time one forward pass + full BPTT for every cell at the standard sizes.",
            discussion: """
            The workload (the same as ../shared/bench/common.py): D = H/2, float64, PyTorch's default initialisation, L = Σ_t ⟨G_t, h_t⟩, the per-timestep ‖∂L/∂h_t‖ and every parameter gradient, no gradient with respect to x. Sizes (H, B, T): (32, 16, 100), (128, 32, 200), (512, 32, 200). Reports the median over several passes after a warm-up, the GEMM flop count 2·T·B·N·(2D + 3H) with N = gates·H, and the achieved GFLOP/s. This is a benchmark, not a test; build with `swift build -c release` before trusting its numbers.
            """)

        @Flag(help: "Print a JSON list of objects (cell, hidden, batch, steps, median_ms, flops, gflops).")
        var json = false

        @Option(help: "OpenBLAS thread count.")
        var threads: Int?

        @Option(help: "Cells to time, comma-separated.")
        var cells: String = "tanh,relu,lstm,gru"

        @Option(help: "Sizes as H,B,T;H,B,T;…")
        var sizes: String?

        @Option(help: "Timed passes per case (the median is reported).")
        var reps: Int = 7

        @Option(help: "Untimed warm-up passes per case.")
        var warmup: Int = 2

        func validate() throws {
            if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
            if reps < 1 { throw ValidationError("--reps must be at least 1") }
        }

        func run() throws {
            if let t = threads { BLASInfo.setThreads(t) }
            var kinds: [CellKind] = []
            for name in cells.split(separator: ",") {
                guard let k = CellKind(rawValue: String(name)) else {
                    throw ValidationError("--cells: unknown cell '\(name)'; expected tanh, relu, lstm, gru")
                }
                kinds.append(k)
            }
            var configs = Benchmark.standardSizes
            if let s = sizes {
                configs = try s.split(separator: ";").map { part in
                    let v = part.split(separator: ",").compactMap { Int($0) }
                    guard v.count == 3, v.allSatisfy({ $0 >= 1 }), v[0] >= 2 else {
                        throw ValidationError("--sizes: expected H,B,T with positive integers (H ≥ 2), got '\(part)'")
                    }
                    return (v[0], v[1], v[2])
                }
            }
            var results: [Benchmark.Result] = []
            if !json {
                print("rnnlab bench: forward + BPTT, float64, OpenBLAS \(BLASInfo.coreName), \(BLASInfo.threads) thread(s)")
                print("cell    H    B    T    median ms       GFLOP   GFLOP/s")
            }
            for (H, B, T) in configs {
                for k in kinds {
                    let r = Benchmark.run(kind: k, hidden: H, batch: B, steps: T, warmup: warmup, reps: reps)
                    results.append(r)
                    if !json {
                        print(String(format: "%-5@ %4d %4d %4d %12.3f %11.4f %9.2f", k.rawValue as NSString, H, B, T, r.median_ms, r.flops / 1e9, r.gflops))
                    }
                }
            }
            if json {
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try enc.encode(results), as: UTF8.self))
            }
        }
    }
}
