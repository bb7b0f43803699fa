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

            --compare runs the repository's own numpy and JAX implementations of the same workload (bench/reference_numpy.py, bench/reference_jax.py) as long-lived python3 processes with the same thread count, interleaving their passes with rnnlab's (rounds × reps passes each), and prints the speed-up over each and numpy's DGEMM rate (2048³), measured in every round of every row (the machine's load changes), with rnnlab's GFLOP/s as a percentage of it. --compare --check instead runs rnnlab's own seeded problem (H, B, T = 24, 5, 30) through the references and compares every gradient and norm.
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

        @Flag(help: "Also time the numpy and JAX references in bench/, interleaved with rnnlab's passes.")
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
            if compare {
                try runCompare(kinds: kinds, configs: configs)
                return
            }
            var results: [Benchmark.Result] = []
            if !json {
                print("rnnlab bench: forward + BPTT, float64, OpenBLAS \(BLASInfo.coreName), \(BLASThreads.count) thread(s)")
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

        /// One row of the --compare table.
        struct Comparison: Codable {
            var cell: String
            var hidden: Int, batch: Int, steps: Int
            var threads: Int
            var rnnlab_ms: Double
            var numpy_ms: Double?
            var jax_ms: Double?
            var speedup_numpy: Double?
            var speedup_jax: Double?
            var gflops: Double
            var numpy_dgemm_gflops: Double?
            var percent_of_numpy_dgemm: Double?
        }

        func runCompare(kinds: [CellKind], configs: [(hidden: Int, batch: Int, steps: Int)]) throws {
            let nThreads = BLASThreads.count
            guard let folder = ReferenceServer.locateReferences(referenceDir) else {
                throw ValidationError("--compare: bench/reference_numpy.py not found (here, above the executable, or --reference-dir)")
            }
            guard ReferenceServer.pythonHas("numpy") else {
                print("""
                rnnlab bench --compare needs python3 with numpy (and, for the JAX column, jax):
                    python3 -m pip install numpy jax
                """)
                throw ExitCode(2)
            }
            let numpy = try ReferenceServer(script: folder.appendingPathComponent("reference_numpy.py"),
                                            environment: ["OPENBLAS_NUM_THREADS": String(nThreads)])
            var jax: ReferenceServer?
            if ReferenceServer.pythonHas("jax") {
                jax = try ReferenceServer(script: folder.appendingPathComponent("reference_jax.py"), environment: nThreads == 1
                    ? ["XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"] : [:])
            } else if !json {
                print("(no JAX column: python3 -m pip install jax)")
            }
            defer { numpy.close(); jax?.close() }
            if check { try runCheck(kinds: kinds, servers: [("numpy", numpy)] + (jax.map { [("jax", $0)] } ?? [])); return }

            let dgemmOwn = Benchmark.dgemmGflops()
            if !json {
                print("rnnlab bench --compare: forward + BPTT, float64, \(nThreads) thread(s); median of \(rounds) interleaved rounds × \(reps) passes")
                print(String(format: "DGEMM 2048³ of rnnlab's OpenBLAS (%@) at the start: %.1f GFLOP/s; the DGEMM column is numpy's, measured in each round of its row",
                             BLASInfo.coreName as NSString, dgemmOwn))
                print("cell    H    B    T    rnnlab ms    numpy ms      jax ms  ×numpy    ×jax  GFLOP/s   DGEMM  %DGEMM")
                fflush(nil)
            }
            var rows: [Comparison] = []
            for (H, B, T) in configs {
                for k in kinds {
                    let (net, p) = Benchmark.makeProblem(kind: k, hidden: H, batch: B, steps: T)
                    for _ in 0..<warmup { net.forward(p); net.backward(p) }
                    var own: [Double] = [], np: [Double] = [], jx: [Double] = [], dg: [Double] = []
                    let request: [String: Any] = ["op": "time", "cell": k.rawValue, "H": H, "B": B, "T": T,
                                                  "reps": reps, "warmup": warmup]
                    for round in 0..<rounds {
                        for _ in 0..<reps {
                            let t0 = DispatchTime.now().uptimeNanoseconds
                            net.forward(p); net.backward(p)
                            own.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                        }
                        var r = request
                        if round > 0 { r["warmup"] = 0 }
                        np += try numpy.request(r)["times_ms"] as? [Double] ?? []
                        if let jax { jx += try jax.request(r)["times_ms"] as? [Double] ?? [] }
                        if let g = try numpy.request(["op": "dgemm", "n": 2048, "reps": 1])["gflops"] as? Double { dg.append(g) }
                    }
                    let dgemmNumpy = dg.isEmpty ? nil : median(dg)
                    let m = median(own), flops = Benchmark.flops(kind: k, hidden: H, batch: B, steps: T)
                    let mn = np.isEmpty ? nil : median(np), mj = jx.isEmpty ? nil : median(jx)
                    let row = Comparison(cell: k.rawValue, hidden: H, batch: B, steps: T, threads: nThreads,
                                         rnnlab_ms: m, numpy_ms: mn, jax_ms: mj,
                                         speedup_numpy: mn.map { $0 / m }, speedup_jax: mj.map { $0 / m },
                                         gflops: flops / (m * 1e6), numpy_dgemm_gflops: dgemmNumpy,
                                         percent_of_numpy_dgemm: dgemmNumpy.map { 100 * flops / (m * 1e6) / $0 })
                    rows.append(row)
                    if !json {
                        func f(_ v: Double?, _ w: Int, _ d: Int) -> String {
                            v.map { String(format: "%\(w).\(d)f", $0) } ?? String(repeating: " ", count: w - 1) + "–"
                        }
                        print(String(format: "%-5@ %4d %4d %4d ", k.rawValue as NSString, H, B, T)
                              + [f(m, 12, 3), f(mn, 11, 3), f(mj, 11, 3), f(row.speedup_numpy, 7, 2), f(row.speedup_jax, 7, 2),
                                 f(row.gflops, 8, 2), f(dgemmNumpy, 7, 1), f(row.percent_of_numpy_dgemm, 7, 1)].joined(separator: " "))
                        fflush(nil)
                    }
                }
            }
            if json {
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try enc.encode(rows), as: UTF8.self))
            } else {
                print("×numpy, ×jax: how many times faster rnnlab is; DGEMM: numpy's 2048³ GFLOP/s in this row's rounds; %DGEMM: rnnlab's GFLOP/s over it.")
            }
        }

        /// rnnlab's seeded problem through each reference; every norm and gradient must agree to 10⁻⁹
        /// relative to the largest entry of its quantity.
        func runCheck(kinds: [CellKind], servers: [(String, ReferenceServer)]) throws {
            let (H, B, T) = (24, 5, 30)
            var failed = false
            for k in kinds {
                let folder = FileManager.default.temporaryDirectory
                    .appendingPathComponent("rnnlab-check-\(ProcessInfo.processInfo.processIdentifier)-\(k.rawValue)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let (norms, g) = try Benchmark.exportCheckProblem(kind: k, hidden: H, batch: B, steps: T, to: folder)
                let db_hh = k == .gru ? Array(g.b[0..<(2 * H)]) + g.b_hn : g.b
                let ours: [(String, [Double])] = [("norms", norms), ("dW_ih", g.W_x.elements), ("dW_hh", g.W_h.elements),
                                                  ("db_ih", g.b), ("db_hh", db_hh)]
                for (name, server) in servers {
                    _ = try server.request(["op": "check", "folder": folder.path])
                    var worst = 0.0, worstName = ""
                    for (q, mine) in ours {
                        let data = try Data(contentsOf: folder.appendingPathComponent("\(name)_\(q).f64"))
                        let theirs: [Double] = data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
                        guard theirs.count == mine.count else {
                            throw ValidationError("--check: \(name) wrote \(theirs.count) numbers for \(q), rnnlab has \(mine.count)")
                        }
                        let scale = max(mine.map(abs).max() ?? 0, 1e-300)
                        let d = zip(mine, theirs).map { abs($0 - $1) }.max() ?? 0
                        if d / scale > worst || worstName.isEmpty { worst = d / scale; worstName = q }
                    }
                    let ok = worst <= 1e-9
                    failed = failed || !ok
                    print(String(format: "check %-5@ vs %-5@: largest relative difference %.2e (%@) %@",
                                 k.rawValue as NSString, name as NSString, worst, worstName as NSString, ok ? "ok" : "FAILED (> 1e-9)"))
                }
            }
            if failed { throw ExitCode.failure }
        }

        func median(_ v: [Double]) -> Double {
            let s = v.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
    }
}

/// A reference implementation running as `python3 SCRIPT --serve`: one JSON request per line in,
/// one JSON answer per line out, so its warm state (imports, JIT) lasts across cases.
final class ReferenceServer {
    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private var buffer = Data()
    private let name: String

    init(script: URL, environment: [String: String]) throws {
        name = script.lastPathComponent
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        _ = try request(["op": "hello"])
    }

    func request(_ object: [String: Any]) throws -> [String: Any] {
        var line = try JSONSerialization.data(withJSONObject: object)
        line.append(0x0A)
        input.fileHandleForWriting.write(line)
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let answer = buffer[buffer.startIndex..<nl]
                buffer = Data(buffer[(nl + 1)...])
                guard let obj = try JSONSerialization.jsonObject(with: answer) as? [String: Any] else {
                    throw ValidationError("\(name): unreadable answer \(String(decoding: answer, as: UTF8.self))")
                }
                return obj
            }
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { throw ValidationError("\(name) stopped (see its error output above)") }
            buffer.append(more)
        }
    }

    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    static func pythonHas(_ module: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import \(module)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// `explicit`, else bench/ in the working directory, else bench/ in a folder above the executable.
    static func locateReferences(_ explicit: String?) -> URL? {
        let fm = FileManager.default
        func holds(_ u: URL) -> Bool { fm.fileExists(atPath: u.appendingPathComponent("reference_numpy.py").path) }
        if let explicit { let u = URL(fileURLWithPath: explicit); return holds(u) ? u : nil }
        let here = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("bench")
        if holds(here) { return here }
        guard var dir = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else { return nil }
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("bench")
            if holds(candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
