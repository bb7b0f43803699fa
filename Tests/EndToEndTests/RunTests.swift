import Foundation
import QuickRuns
import Testing

/// A throwaway lab: a temporary folder holding a copy of the repository's experiments/, so
/// runs write into its own plots/ and never touch the committed figures.
struct ScratchLab {
    let root: URL
    var experiments: URL { root.appendingPathComponent("experiments") }
    var plots: URL { root.appendingPathComponent("plots") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Rnnlab.packageRoot.appendingPathComponent("experiments"), to: experiments)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try Rnnlab.run(arguments, environment: environment, directory: root, timeout: 300)
    }

    func files(_ name: String, quick: Bool = true) -> [String] {
        let folder = (quick ? plots.appendingPathComponent("quick") : plots).appendingPathComponent(name)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func read(_ name: String, _ file: String, quick: Bool = true) throws -> Data {
        let folder = (quick ? plots.appendingPathComponent("quick") : plots).appendingPathComponent(name)
        return try Data(contentsOf: folder.appendingPathComponent(file))
    }

    /// Puts the test run's quick run of `name` (`QuickRuns`: computed once per test run) into this
    /// lab's plots/quick/ (as `folder`, default `name`), as `rnnlab run NAME --quick` here would
    /// have written it.
    func copyQuickRun(_ name: String, as folder: String? = nil) throws {
        let quick = plots.appendingPathComponent("quick")
        try FileManager.default.createDirectory(at: quick, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try QuickRuns.runFolder(name), to: quick.appendingPathComponent(folder ?? name))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The experiment names in the repository (experiments/NAME.toml).
let experimentNames: [String] = ((try? FileManager.default.contentsOfDirectory(
    atPath: Rnnlab.packageRoot.appendingPathComponent("experiments").path)) ?? [])
    .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()

/// Every number in a saved .tsv (comment lines and blank separators skipped).
func tsvNumbers(_ data: Data) -> (finite: Int, nonFinite: Int, unparsable: [String]) {
    var finite = 0, nonFinite = 0, bad: [String] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
        for field in line.split(whereSeparator: { $0 == "\t" || $0 == " " }) {
            if let d = Double(field) { if d.isFinite { finite += 1 } else { nonFinite += 1 } }
            else if field == "NaN" || field == "nan" || field == "inf" || field == "-inf" { nonFinite += 1 }
            else { bad.append(String(field)) }
        }
    }
    return (finite, nonFinite, bad)
}

@Suite("rnnlab run", .serialized)
struct RunTests {
    /// The test run's quick runs (`QuickRuns`: each kind computed once, in this process, by the
    /// runner), then `rnnlab run --all --quick` in the checkout, which reuses every one of them by
    /// fingerprint and must still leave every file a run writes.
    @Test("rnnlab run --all --quick writes every figure, its data, script and a manifest")
    func quickRunOfEveryExperiment() throws {
        #expect(!experimentNames.isEmpty)
        try QuickRuns.all()
        let started = Date()
        let out = QuickRuns.folder
        let r = try Rnnlab.run(["run", "--all", "--quick", "--output", out.path], environment: ["RNNLAB_REUSE_RUNS": out.path],
                               directory: Rnnlab.packageRoot, timeout: 300)
        print("rnnlab run --all --quick (debug build): \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(r.status == 0, "stderr: \(r.stderrText)")
        for name in experimentNames {
            let folder = out.appendingPathComponent(name)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            func read(_ file: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(file)) }
            #expect(files.contains("manifest.json"), "\(name): \(files)")
            let manifest = try JSONSerialization.jsonObject(with: try read("manifest.json")) as? [String: Any]
            let figures = manifest?["figures"] as? [String] ?? []
            #expect(!figures.isEmpty, "\(name) lists no figures")
            #expect(manifest?["experiment"] as? String == name)
            #expect(manifest?["quick"] as? Bool == true)
            let results = manifest?["results"] as? [String: Any] ?? [:]
            #expect(!results.isEmpty, "\(name) has no results")
            for figure in figures {
                for ext in ["png", "tsv", "gp"] { #expect(files.contains("\(figure).\(ext)"), "\(name)/\(figure).\(ext) missing") }
                let numbers = tsvNumbers(try read("\(figure).tsv"))
                #expect(numbers.finite > 0, "\(name)/\(figure).tsv holds no finite number")
                #expect(numbers.unparsable.isEmpty, "\(name)/\(figure).tsv: unparsable fields \(numbers.unparsable.prefix(5))")
            }
            #expect(!files.contains { $0.hasPrefix(".") }, "\(name): temporary files left: \(files)")
        }
    }

    @Test("a run identical to one in RNNLAB_REUSE_RUNS is copied byte for byte, not computed; another seed or format is computed")
    func identicalRunsAreReused() throws {
        let name = "backprop-through-whh"
        let shared = QuickRuns.folder, reuse = ["RNNLAB_REUSE_RUNS": QuickRuns.folder.path]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-reuse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        func run(_ extra: [String], into folder: URL) throws -> CommandResult {
            try Rnnlab.run(["run", name, "--quick", "--output", folder.path] + extra, environment: reuse, directory: Rnnlab.packageRoot)
        }
        // The test run's own quick run (computed here or reused), then the same run elsewhere.
        #expect(try run([], into: shared).status == 0)
        let copied = try run([], into: scratch)
        #expect(copied.status == 0, "stderr: \(copied.stderrText)")
        #expect(copied.stderrText.contains("reused"), "stderr: \(copied.stderrText)")
        let original = try Data(contentsOf: shared.appendingPathComponent("\(name)/manifest.json"))
        #expect(try Data(contentsOf: scratch.appendingPathComponent("\(name)/manifest.json")) == original,
                "a reused run's manifest (its timings, its host) is the earlier run's, byte for byte")
        #expect(copied.stdoutText == "wrote 5 files in \(scratch.appendingPathComponent(name).path)\n", "stdout: \(copied.stdoutText)")

        let otherSeed = try run(["--set", "seed=2"], into: scratch)
        #expect(otherSeed.status == 0 && !otherSeed.stderrText.contains("reused"), "stderr: \(otherSeed.stderrText)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.appendingPathComponent("\(name)/manifest.json"))) as? [String: Any]
        #expect(manifest?["seed"] as? Int == 2)
        let svg = try run(["--format", "svg"], into: scratch)
        #expect(svg.status == 0 && !svg.stderrText.contains("reused"), "stderr: \(svg.stderrText)")
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("\(name)/norms.svg").path))
    }

    @Test("the same run twice writes byte-identical data and scripts")
    func runsAreReproducible() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let name = "backprop-through-whh"
        #expect(try lab.run(["run", name, "--quick"]).status == 0)
        let first = try ["norms.tsv", "norms.gp"].map { try lab.read(name, $0) }
        #expect(try lab.run(["run", name, "--quick"]).status == 0)
        let second = try ["norms.tsv", "norms.gp"].map { try lab.read(name, $0) }
        #expect(first == second)
    }

    @Test("a bad experiment file names the file, line and key, exits 2 and writes nothing")
    func badFileWritesNothing() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let url = lab.experiments.appendingPathComponent("backprop-through-whh.toml")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nsteps = 100", with: "\nstesp = 100")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("stesp") }! + 1
        let r = try lab.run(["run", "backprop-through-whh"])
        #expect(r.status == 2)
        #expect(r.stderrText.contains("experiments/backprop-through-whh.toml:\(line): parameters.stesp: unknown key; did you mean 'steps'?"),
                "stderr: \(r.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: lab.plots.path))
    }

    @Test("a --set override is type-checked, applied and recorded in the manifest")
    func overridesAreRecorded() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let bad = try lab.run(["run", "backprop-through-whh", "--quick", "--set", "steps=-3"])
        #expect(bad.status == 2)
        #expect(bad.stderrText.contains("--set steps=-3: parameters.steps: expected an integer"), "stderr: \(bad.stderrText)")
        let good = try lab.run(["run", "backprop-through-whh", "--quick", "--set", "steps=55"])
        #expect(good.status == 0, "stderr: \(good.stderrText)")
        let manifest = try JSONSerialization.jsonObject(with: try lab.read("backprop-through-whh", "manifest.json")) as? [String: Any]
        #expect((manifest?["overrides"] as? [String: Any])?["steps"] as? Int == 55)
        #expect(((manifest?["results"] as? [String: Any])?["steps"] as? Int) == 55)
    }

    @Test("without gnuplot the data and scripts are kept, the message says how to install it, exit 4")
    func missingGnuplotKeepsData() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let r = try lab.run(["run", "backprop-through-whh", "--quick"], environment: ["RNNLAB_GNUPLOT": "/nonexistent/gnuplot"])
        #expect(r.status == 4)
        #expect(r.stderrText.contains("apt-get install gnuplot-nox"), "stderr: \(r.stderrText)")
        let files = lab.files("backprop-through-whh")
        #expect(files.contains("norms.tsv") && files.contains("norms.gp") && files.contains("manifest.json"))
        #expect(!files.contains("norms.png"))
    }

    @Test("rnnlab plot draws a figure again from its saved data and names a damaged data file")
    func plotRedrawsFromSavedData() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        #expect(try lab.run(["run", "backprop-through-whh"]).status == 0)
        let folder = lab.plots.appendingPathComponent("backprop-through-whh")
        let png = folder.appendingPathComponent("norms.png")
        let before = try Data(contentsOf: png)
        try FileManager.default.removeItem(at: png)
        let r = try lab.run(["plot", "backprop-through-whh", "--format", "png,svg"])
        #expect(r.status == 0, "stderr: \(r.stderrText)")
        #expect(try Data(contentsOf: png) == before)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("norms.svg").path))
        try Data("# damaged\n1\tx\n".utf8).write(to: folder.appendingPathComponent("norms.tsv"))
        let damaged = try lab.run(["plot", "backprop-through-whh"])
        #expect(damaged.status != 0)
        #expect(damaged.stderrText.contains("norms.tsv"), "stderr: \(damaged.stderrText)")
    }

    @Test("rnnlab list names every experiment and show prints its resolved configuration")
    func listAndShow() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let list = try lab.run(["list"])
        #expect(list.status == 0)
        for name in experimentNames { #expect(list.stdoutText.contains(name)) }
        let show = try lab.run(["show", "backprop-through-whh", "--set", "steps=7"])
        #expect(show.status == 0)
        #expect(show.stdoutText.contains("steps = 7"), "stdout: \(show.stdoutText)")
    }
}
