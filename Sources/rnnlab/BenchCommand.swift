import ArgumentParser
import Benchmarking
import Foundation
import LinearAlgebra
import Recurrence

extension RNNLab {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time one forward pass + full BPTT for every cell at the standard sizes.",
            discussion: """
            The workload (the same as ../shared/bench/common.py): D = H/2, float64, PyTorch's default initialisation, L = Σ_t ⟨G_t, h_t⟩, the per-timestep ‖∂L/∂h_t‖ and every parameter gradient, no gradient with respect to x. Sizes (H, B, T): (32, 16, 100), (128, 32, 200), (512, 32, 200). Reports the median over several passes after a warm-up, the GEMM flop count 2·T·B·N·(2D + 3H) with N = gates·H, and the achieved GFLOP/s. This is a benchmark, not a test; build with `swift build -c release` before trusting its numbers.

            --compare runs the repository's own numpy, JAX and PyTorch implementations of the same workload (bench/reference_numpy.py, bench/reference_jax.py, bench/reference_torch.py: a Python loop over t of the cell step, then autograd) as long-lived processes of the python3 on PATH with the same thread count, interleaving their passes with rnnlab's (rounds × reps passes each), and prints the speed-up over each and numpy's DGEMM rate (2048³), measured in every round of every row (the machine's load changes), with rnnlab's GFLOP/s as a percentage of it. numpy is required; JAX and PyTorch run when python3 can import jax and torch, and are reported as skipped, with the command that installs them, when it cannot (./scripts/bench-compare.sh installs all three in .build/bench-venv and runs this). For 1-thread rows pin the whole run to one CPU (taskset -c 0 rnnlab bench --compare --threads 1): the references inherit it. --compare --check instead runs rnnlab's own seeded problem (H, B, T = 24, 5, 30) through the references and compares every gradient and norm.
            """)

        @Flag(help: "Print a JSON list of objects (cell, hidden, batch, steps, median_ms, flops, gflops).")
        var json = false

        @Option(help: "OpenBLAS thread count.")
        var threads: Int?

        @Option(help: "Cells to time, comma-separated.")
        var cells: String = "tanh,relu,lstm,gru"

        @Option(help: "Sizes as H,B,T;H,B,T;…")
        var sizes: String?

        @Option(help: "Timed passes per case (per round with --compare; the median is reported).")
        var reps: Int = 7

        @Option(help: "Untimed warm-up passes per case.")
        var warmup: Int = 2

        @Flag(help: "Also time the numpy, JAX and PyTorch references in bench/, interleaved with rnnlab's passes.")
        var compare = false

        @Flag(help: "With --compare: check the references' gradients against rnnlab's instead of timing.")
        var check = false

        @Option(help: "With --compare: rounds of interleaved passes per case.")
        var rounds: Int = 3

        @Option(help: "With --compare: the folder holding reference_numpy.py (default: bench/ here or above the executable).")
        var referenceDir: String?

        func validate() throws {
            if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
            if reps < 1 { throw ValidationError("--reps must be at least 1") }
            if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
            if check && !compare { throw ValidationError("--check goes with --compare") }
        }

        func run() throws {
            if let t = threads { BLASThreads.set(t) }
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
            var plan = BenchmarkPlan(kinds: kinds, sizes: configs)
            plan.reps = reps
            plan.warmup = warmup
            plan.rounds = rounds
            plan.json = json
            plan.referenceDirectory = referenceDir
            do {
                if compare { try plan.compare(check: check) } else { try plan.time() }
            } catch BenchmarkFailure.invalid(let message) {
                throw ValidationError(message)
            } catch BenchmarkFailure.exit(let status) {
                throw ExitCode(status)
            }
        }
    }
}
