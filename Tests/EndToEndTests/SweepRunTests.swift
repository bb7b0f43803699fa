import Foundation
import Testing

/// `rnnlab sweep`: a local sweep in the checkout (points need fingerprints), resumed, and the same
/// points as a real Slurm job array when a cluster answers (scripts/slurm-cluster.sh starts one).
@Suite("rnnlab sweep", .serialized)
struct SweepRunTests {
    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-sweep-\(UUID().uuidString)")
    }

    static func sweep(_ arguments: [String], into folder: URL) throws -> CommandResult {
        try Rnnlab.run(["sweep", "backprop-through-whh", "--quick", "--output", folder.path] + arguments,
                       directory: Rnnlab.packageRoot, timeout: 600)
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    @Test("a local sweep over four seeds writes four runs, sweep.json with per-key statistics and a figure; again it runs nothing, and it finishes what is missing")
    func localSweepRunsOnceAndResumes() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.sweep(["--vary", "seed=1..4", "--jobs", "2"], into: folder)
        #expect(first.status == 0, "stderr: \(first.stderrText)")
        for seed in 1...4 {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("seed-\(seed)/manifest.json").path))
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sweep.png").path))
        let summary = try Self.json(folder.appendingPathComponent("sweep.json"))
        #expect(summary["points_collected"] as? Int == 4)
        let group = try #require((summary["groups"] as? [[String: Any]])?.first)
        let stats = try #require((group["statistics"] as? [String: Any])?["cases.gaussian.spectral_radius"] as? [String: Any])
        #expect(stats["n"] as? Int == 4)
        // The mean is the mean of the four runs' own manifests.
        let values = try (1...4).map { seed -> Double in
            let manifest = try Self.json(folder.appendingPathComponent("seed-\(seed)/manifest.json"))
            let results = manifest["results"] as? [String: Any]
            let cases = results?["cases"] as? [String: Any]
            return (cases?["gaussian"] as? [String: Any])?["spectral_radius"] as? Double ?? .nan
        }
        let mean: Double = stats["mean"] as? Double ?? .nan
        let expected: Double = values.reduce(0.0, +) / 4
        #expect(abs(mean - expected) < 1e-12)
        #expect((stats["min"] as? Double) == values.min() && (stats["max"] as? Double) == values.max())

        let again = try Self.sweep(["--vary", "seed=1..4", "--jobs", "2"], into: folder)
        #expect(again.status == 0 && again.stderrText.contains("4 already done, 0 to run"), "stderr: \(again.stderrText)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("seed-3"))
        let resumed = try Self.sweep(["--vary", "seed=1..4", "--jobs", "2"], into: folder)
        #expect(resumed.status == 0 && resumed.stderrText.contains("3 already done, 1 to run"), "stderr: \(resumed.stderrText)")
        #expect(try Self.json(folder.appendingPathComponent("sweep.json"))["points_collected"] as? Int == 4)

        // A committed sweep keeps only the points' manifests (.gitignore): collect still counts them all.
        for seed in 1...4 {
            let point = folder.appendingPathComponent("seed-\(seed)")
            for file in try FileManager.default.contentsOfDirectory(atPath: point.path) where file != "manifest.json" {
                try FileManager.default.removeItem(at: point.appendingPathComponent(file))
            }
        }
        let collected = try Rnnlab.run(["sweep", "collect", "backprop-through-whh", "--quick", "--output", folder.path],
                                       directory: Rnnlab.packageRoot, timeout: 120)
        #expect(collected.status == 0, "stderr: \(collected.stderrText)")
        #expect(try Self.json(folder.appendingPathComponent("sweep.json"))["points_collected"] as? Int == 4)
    }

    /// A Slurm cluster that answers `sinfo` with a node (scripts/slurm-cluster.sh start).
    static let slurmAvailable: Bool = {
        guard let r = try? runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["sinfo", "-h", "-o", "%T"], timeout: 10) else { return false }
        return r.status == 0 && !r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }()

    @Test("--on slurm --wait runs the points as a real job array and gives the same sweep.json numbers as the local pool",
          .enabled(if: slurmAvailable, "no Slurm cluster answers sinfo; `scripts/slurm-cluster.sh start` starts a one-node cluster"))
    func slurmMatchesLocal() throws {
        let local = Self.scratch(), slurm = Self.scratch()
        defer { for f in [local, slurm] { try? FileManager.default.removeItem(at: f) } }
        let a = try Self.sweep(["--vary", "seed=11..14", "--jobs", "2"], into: local)
        #expect(a.status == 0, "stderr: \(a.stderrText)")
        let b = try Self.sweep(["--vary", "seed=11..14", "--on", "slurm", "--wait", "--points-per-task", "2", "--time", "00:10:00"], into: slurm)
        #expect(b.status == 0, "stderr: \(b.stderrText)\nstdout: \(b.stdoutText)")
        #expect(b.stderrText.contains("as 2 array tasks of 2"), "stderr: \(b.stderrText)")
        let script = try String(contentsOf: slurm.appendingPathComponent("sweep.sbatch"), encoding: .utf8)
        #expect(script.contains("#SBATCH --array=0-1"))
        let x = try Self.json(local.appendingPathComponent("sweep.json")), y = try Self.json(slurm.appendingPathComponent("sweep.json"))
        #expect(y["points_collected"] as? Int == 4)
        let gx = try JSONSerialization.data(withJSONObject: x["groups"] ?? [], options: .sortedKeys)
        let gy = try JSONSerialization.data(withJSONObject: y["groups"] ?? [], options: .sortedKeys)
        #expect(gx == gy, "the job array's statistics differ from the local pool's")
    }
}
