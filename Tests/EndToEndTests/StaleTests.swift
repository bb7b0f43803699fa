import Foundation
import Testing

// One run of one commit (issue #13 point 2): a committed run records a fingerprint of what
// produced it, and `rnnlab run --stale` regenerates exactly the runs whose experiment file,
// settings or code changed since.

@Suite("stale runs", .serialized)
struct StaleTests {
    @Test("a run is stale once its experiment file changes, and --stale regenerates exactly that one")
    func staleRunsAreFoundByFingerprint() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        // The fingerprint hashes the sources, so the scratch lab sees the repository's.
        try FileManager.default.createSymbolicLink(at: lab.root.appendingPathComponent("Sources"),
                                                   withDestinationURL: Rnnlab.packageRoot.appendingPathComponent("Sources"))
        // Only two experiments, so --stale has a small world to look at.
        for name in try FileManager.default.contentsOfDirectory(atPath: lab.experiments.path)
        where name != "backprop-through-whh.toml" && name != "clipping-cliff.toml" {
            try FileManager.default.removeItem(at: lab.experiments.appendingPathComponent(name))
        }
        let first = try lab.run(["run", "--stale"])
        #expect(first.status == 0 && first.stderrText.contains("stale: backprop-through-whh, clipping-cliff"), "\(first.stderrText)")
        let manifest = try JSONSerialization.jsonObject(with: try lab.read("backprop-through-whh", "manifest.json", quick: false)) as? [String: Any]
        #expect((manifest?["fingerprint"] as? String)?.count == 64)
        let again = try lab.run(["run", "--stale"])
        #expect(again.status == 0 && again.stdoutText.contains("every committed run is up to date"), "\(again.stdoutText) \(again.stderrText)")

        let url = lab.experiments.appendingPathComponent("backprop-through-whh.toml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "steps = 100 ", with: "steps = 101 ")
        try Data(text.utf8).write(to: url)
        let changed = try lab.run(["run", "--stale"])
        #expect(changed.status == 0 && changed.stderrText.contains("stale: backprop-through-whh\n"), "\(changed.stderrText)")
        #expect(try lab.run(["run", "--stale"]).stdoutText.contains("every committed run is up to date"))
        #expect(try lab.run(["run", "--stale", "--quick"]).status == 2, "--stale regenerates committed runs only")
    }
}
