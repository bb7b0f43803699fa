import Foundation
import LinearAlgebra
import Recurrence

/// Why `rnnlab bench` stopped.
public enum BenchmarkFailure: Error {
    /// A problem with the request or a reference, in one line (the command reports it as a usage error).
    case invalid(String)
    /// Stop with this exit status; what there was to say has been printed.
    case exit(Int32)
}

/// What `rnnlab bench` runs: the cells and sizes, how many passes, and how it reports.
/// `time()` prints rnnlab's own table; `compare(check:)` runs the numpy, JAX and PyTorch
/// references of the same workload beside it (`ReferenceServer`) and prints the comparison,
/// or with `check` compares their gradients with rnnlab's.
public struct BenchmarkPlan {
    public var kinds: [CellKind]
    public var sizes: [(hidden: Int, batch: Int, steps: Int)]
    /// Timed passes per case (per round when comparing); the median is reported.
    public var reps = 7
    /// Untimed warm-up passes per case.
    public var warmup = 2
    /// Rounds of interleaved passes per case when comparing.
    public var rounds = 3
    /// A JSON list instead of the table.
    public var json = false
    /// The folder holding reference_numpy.py (nil: `ReferenceServer.locateReferences`).
    public var referenceDirectory: String?

    public init(kinds: [CellKind], sizes: [(hidden: Int, batch: Int, steps: Int)]) {
        self.kinds = kinds
        self.sizes = sizes
    }

    /// rnnlab's passes alone: a table (or JSON) of median time, flops and GFLOP/s per case.
    public func time() throws {
        var results: [Benchmark.Result] = []
        if !json {
            print("rnnlab bench: forward + BPTT, float64, OpenBLAS \(BLASInfo.coreName), \(BLASThreads.count) thread(s)")
            print("cell    H    B    T    median ms       GFLOP   GFLOP/s")
        }
        for (H, B, T) in sizes {
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

    /// One row of the comparison table.
    public struct Comparison: Codable {
        public var cell: String
        public var hidden: Int, batch: Int, steps: Int
        public var threads: Int
        public var rnnlab_ms: Double
        public var numpy_ms: Double?
        public var jax_ms: Double?
        public var torch_ms: Double?
        public var speedup_numpy: Double?
        public var speedup_jax: Double?
        public var speedup_torch: Double?
        public var gflops: Double
        public var numpy_dgemm_gflops: Double?
        public var percent_of_numpy_dgemm: Double?
    }

    /// The references (numpy, and JAX and PyTorch when installed) as long-lived processes with
    /// rnnlab's thread count, their passes interleaved with rnnlab's; with `check`, `checkReferences` instead.
    public func compare(check: Bool) throws {
        let nThreads = BLASThreads.count
        guard let folder = ReferenceServer.locateReferences(referenceDirectory) else {
            throw BenchmarkFailure.invalid("--compare: bench/reference_numpy.py not found (here, above the executable, or --reference-dir)")
        }
        guard ReferenceServer.pythonHas("numpy") else {
            print("""
            rnnlab bench --compare needs python3 with numpy (and, for the JAX and PyTorch columns, jax and torch):
                python3 -m pip install numpy jax torch
            or ./scripts/bench-compare.sh, which installs all three in .build/bench-venv and runs the comparison.
            """)
            throw BenchmarkFailure.exit(2)
        }
        let numpy = try ReferenceServer(script: folder.appendingPathComponent("reference_numpy.py"),
                                        environment: ["OPENBLAS_NUM_THREADS": String(nThreads)])
        var jax: ReferenceServer?
        if ReferenceServer.pythonHas("jax") {
            jax = try ReferenceServer(script: folder.appendingPathComponent("reference_jax.py"), environment: nThreads == 1
                ? ["XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"] : [:])
        } else if !json {
            print("(JAX reference skipped: jax is not installed; python3 -m pip install jax)")
        }
        var torch: ReferenceServer?
        if ReferenceServer.pythonHas("torch") {
            torch = try ReferenceServer(script: folder.appendingPathComponent("reference_torch.py"),
                                        environment: ["OMP_NUM_THREADS": String(nThreads)])
        } else if !json {
            print("""
            (PyTorch reference skipped: torch is not installed; python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu
             for the CPU wheel, or python3 -m pip install torch from PyPI, whose wheel also brings several GB of CUDA libraries)
            """)
        }
        defer { numpy.close(); jax?.close(); torch?.close() }
        let servers = [("numpy", numpy)] + [("jax", jax), ("torch", torch)].compactMap { name, s in s.map { (name, $0) } }
        if check { try checkReferences(servers: servers); return }

        let dgemmOwn = Benchmark.dgemmGflops()
        if !json {
            print("rnnlab bench --compare: forward + BPTT, float64, \(nThreads) thread(s); median of \(rounds) interleaved rounds × \(reps) passes")
            print(String(format: "DGEMM 2048³ of rnnlab's OpenBLAS (%@) at the start: %.1f GFLOP/s; the DGEMM column is numpy's, measured in each round of its row",
                         BLASInfo.coreName as NSString, dgemmOwn))
            print("references: " + servers.map { "\($0.0) \($0.1.hello["version"] ?? "?")" }.joined(separator: ", "))
            print("cell    H    B    T    rnnlab ms    numpy ms      jax ms    torch ms  ×numpy    ×jax  ×torch  GFLOP/s   DGEMM  %DGEMM")
            fflush(nil)
        }
        var rows: [Comparison] = []
        for (H, B, T) in sizes {
            for k in kinds {
                let (net, p) = Benchmark.makeProblem(kind: k, hidden: H, batch: B, steps: T)
                for _ in 0..<warmup { net.forward(p); net.backward(p) }
                var own: [Double] = [], np: [Double] = [], jx: [Double] = [], tc: [Double] = [], dg: [Double] = []
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
                    if let torch { tc += try torch.request(r)["times_ms"] as? [Double] ?? [] }
                    if let g = try numpy.request(["op": "dgemm", "n": 2048, "reps": 1])["gflops"] as? Double { dg.append(g) }
                }
                let dgemmNumpy = dg.isEmpty ? nil : median(dg)
                let m = median(own), flops = Benchmark.flops(kind: k, hidden: H, batch: B, steps: T)
                let mn = np.isEmpty ? nil : median(np), mj = jx.isEmpty ? nil : median(jx), mt = tc.isEmpty ? nil : median(tc)
                let row = Comparison(cell: k.rawValue, hidden: H, batch: B, steps: T, threads: nThreads,
                                     rnnlab_ms: m, numpy_ms: mn, jax_ms: mj, torch_ms: mt,
                                     speedup_numpy: mn.map { $0 / m }, speedup_jax: mj.map { $0 / m },
                                     speedup_torch: mt.map { $0 / m },
                                     gflops: flops / (m * 1e6), numpy_dgemm_gflops: dgemmNumpy,
                                     percent_of_numpy_dgemm: dgemmNumpy.map { 100 * flops / (m * 1e6) / $0 })
                rows.append(row)
                if !json {
                    func f(_ v: Double?, _ w: Int, _ d: Int) -> String {
                        v.map { String(format: "%\(w).\(d)f", $0) } ?? String(repeating: " ", count: w - 1) + "–"
                    }
                    print(String(format: "%-5@ %4d %4d %4d ", k.rawValue as NSString, H, B, T)
                          + [f(m, 12, 3), f(mn, 11, 3), f(mj, 11, 3), f(mt, 11, 3),
                             f(row.speedup_numpy, 7, 2), f(row.speedup_jax, 7, 2), f(row.speedup_torch, 7, 2),
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
            print("×numpy, ×jax, ×torch: how many times faster rnnlab is; DGEMM: numpy's 2048³ GFLOP/s in this row's rounds; %DGEMM: rnnlab's GFLOP/s over it.")
        }
    }

    /// rnnlab's seeded problem through each reference; every norm and gradient must agree to 10⁻⁹
    /// relative to the largest entry of its quantity.
    func checkReferences(servers: [(String, ReferenceServer)]) throws {
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
                        throw BenchmarkFailure.invalid("--check: \(name) wrote \(theirs.count) numbers for \(q), rnnlab has \(mine.count)")
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
        if failed { throw BenchmarkFailure.exit(1) }
    }

    private func median(_ v: [Double]) -> Double {
        let s = v.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
