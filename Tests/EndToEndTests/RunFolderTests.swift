import Foundation
import Testing

// A run folder is always one whole run (issue #14 point 3): a run writes into a staging folder
// and swaps it in at the end, so an interrupted run leaves the previous folder untouched and a
// run without gnuplot replaces it with a complete one whose manifest says what was not drawn.

/// Every file of a folder with its bytes.
private func snapshot(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return out
}

@Suite("run folders", .serialized)
struct RunFolderTests {
    @Test("without gnuplot the new run replaces the old folder whole: no old PNG beside the new data, and the manifest names the figure not drawn")
    func gnuplotMissingReplacesTheWholeFolder() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        try lab.copyQuickRun("backprop-through-whh")
        #expect(lab.files("backprop-through-whh").contains("norms.png"))
        let r = try lab.run(["run", "backprop-through-whh", "--quick", "--set", "seed=2"],
                            environment: ["RNNLAB_GNUPLOT": "/nonexistent/gnuplot"])
        #expect(r.status == 4)
        let files = lab.files("backprop-through-whh")
        #expect(!files.contains("norms.png"), "an old figure beside new data: \(files)")
        let manifest = try JSONSerialization.jsonObject(with: try lab.read("backprop-through-whh", "manifest.json")) as? [String: Any]
        #expect(manifest?["seed"] as? Int == 2)
        #expect((manifest?["figures_not_drawn"] as? [String: Any])?["norms"] != nil)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: lab.plots.appendingPathComponent("quick").path))
            .contains { $0.contains("staging") || $0.contains(".old-") }, "no staging folder is left behind")
    }

    @Test("SIGTERM during a run exits 143 and leaves the previous run's folder byte for byte")
    func sigtermLeavesThePreviousFolder() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        try lab.copyQuickRun("backprop-through-whh")
        let folder = lab.plots.appendingPathComponent("quick/backprop-through-whh")
        let before = try snapshot(folder)
        // A training run long enough to be stopped mid-way (it checks for a stop every update),
        // through a variant file of another kind, over a folder holding that kind's quick run.
        try Data("version = 1\nkind = \"clipping-training\"\n".utf8)
            .write(to: lab.experiments.appendingPathComponent("long-run.toml"))
        try lab.copyQuickRun("clipping-training", as: "long-run")
        let longFolder = lab.plots.appendingPathComponent("quick/long-run")
        let longBefore = try snapshot(longFolder)
        let process = Process()
        process.executableURL = try Rnnlab.binary.get()
        process.arguments = ["run", "long-run", "--quick", "--set", "iterations=1000000", "--set", "seed=3"]
        process.currentDirectoryURL = lab.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.terminate()   // SIGTERM
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        #expect(process.terminationStatus == 143 || process.terminationReason == .uncaughtSignal,
                "status \(process.terminationStatus)")
        #expect(try snapshot(longFolder) == longBefore, "the interrupted run changed its folder")
        #expect(try snapshot(folder) == before, "another experiment's folder changed")
    }

    @Test("two runs into one folder take turns: the folder ends as one whole run, its manifest's seed beside that seed's data")
    func concurrentRunsDoNotMix() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        // A slower run (seed 2, about twice as long) and a fast one (seed 3) start together; whichever
        // installs last wins whole.
        func start(_ seed: Int, _ extra: [String]) throws -> Process {
            let p = Process()
            p.executableURL = try Rnnlab.binary.get()
            p.arguments = ["run", "backprop-through-whh", "--quick", "--set", "seed=\(seed)"] + extra
            p.currentDirectoryURL = lab.root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        let a = try start(2, ["--set", "hidden=400", "--set", "steps=300"]), b = try start(3, [])
        a.waitUntilExit(); b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let manifest = try JSONSerialization.jsonObject(with: try lab.read("backprop-through-whh", "manifest.json")) as? [String: Any]
        let seed = try #require(manifest?["seed"] as? Int)
        let data = try lab.read("backprop-through-whh", "norms.tsv")
        // The same settings again, into a folder of their own: the data must be byte for byte the installed run's.
        let extra = seed == 2 ? ["--set", "hidden=400", "--set", "steps=300"] : []
        let check = try lab.run(["run", "backprop-through-whh", "--quick", "--set", "seed=\(seed)", "--output", "check"] + extra)
        #expect(check.status == 0)
        let reference = try Data(contentsOf: lab.root.appendingPathComponent("check/backprop-through-whh/norms.tsv"))
        #expect(data == reference, "the folder holds seed \(seed)'s manifest beside another run's data")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: lab.plots.appendingPathComponent("quick").path))
            .contains { $0.contains("staging") || $0.contains(".old-") })
    }

    @Test("one Ctrl-C stops a run whose gnuplot hangs: exit 130 at once, the old folder kept, no gnuplot left behind")
    func ctrlCStopsAHungGnuplot() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        try lab.copyQuickRun("backprop-through-whh")
        let folder = lab.plots.appendingPathComponent("quick/backprop-through-whh")
        let before = try snapshot(folder)
        let marker = "1000.\(Int.random(in: 100_000_000...999_999_999))"   // sleep's argument, unique to this test
        let fake = lab.root.appendingPathComponent("gnuplot")
        // Answers the version query like gnuplot, then hangs on any script.
        try Data("#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo 'gnuplot 5.4 patchlevel 4'; exit 0; fi\nexec sleep \(marker)\n".utf8).write(to: fake)
        #expect(chmod(fake.path, 0o755) == 0)
        let process = Process()
        process.executableURL = try Rnnlab.binary.get()
        process.arguments = ["run", "backprop-through-whh", "--quick", "--set", "seed=5"]
        process.currentDirectoryURL = lab.root
        process.environment = ProcessInfo.processInfo.environment.merging(["RNNLAB_GNUPLOT": fake.path]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        #expect(process.terminationStatus == 130, "status \(process.terminationStatus)")
        #expect(Date().timeIntervalSince(sent) < 10, "one Ctrl-C did not stop the hung gnuplot")
        #expect(try snapshot(folder) == before, "the interrupted run changed the folder")
        let ps = try runCommand(URL(fileURLWithPath: "/bin/sh"), ["-c", "ps -eo stat=,args= | grep -v grep | grep -v '^Z' | grep 'sleep \(marker)' || true"])
        #expect(ps.stdoutText.isEmpty, "the fake gnuplot survived: \(ps.stdoutText)")
    }

    @Test("bad options exit 2 as the README says, not ArgumentParser's 64")
    func badOptionsExitTwo() throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        for arguments in [["run", "--jobs", "0", "backprop-through-whh"], ["run", "--jobs", "abc", "backprop-through-whh"],
                          ["run", "--foo"], ["run", "--all", "backprop-through-whh"], ["run", "--output", "", "backprop-through-whh"]] {
            let r = try lab.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderrText)")
            #expect(!r.stderrText.isEmpty)
        }
    }
}
