import Foundation
import Testing

/// `rnnlab plot`: figures are redrawn from the saved figure model and data, never from a saved script.
@Suite("rnnlab plot", .serialized)
struct PlotTests {
    static let name = "backprop-through-whh"

    /// A scratch lab holding a `--quick` run of `name`, and its folder.
    static func labWithRun() throws -> (ScratchLab, URL) {
        let lab = try ScratchLab()
        try lab.copyQuickRun(name)
        return (lab, lab.plots.appendingPathComponent("quick/\(name)"))
    }

    @Test("rnnlab plot never runs a saved script: system(), a ! line and set output in a .gp, and a new evil.gp, run nothing")
    func hostileScriptsAreNotRun() throws {
        let (lab, folder) = try Self.labWithRun()
        defer { lab.remove() }
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("pwned-\(UUID().uuidString)").path
        let hostile = """
            system("touch \(marker)-system")
            !touch \(marker)-shell
            set output "\(marker)-output.png"
            plot sin(x)

            """
        let script = folder.appendingPathComponent("norms.gp")
        try (try String(contentsOf: script, encoding: .utf8) + hostile).write(to: script, atomically: true, encoding: .utf8)
        try ("# columns per block: 2\n# rows per block: 1\n" + hostile).write(to: folder.appendingPathComponent("evil.gp"), atomically: true, encoding: .utf8)
        try "1\t2\n".write(to: folder.appendingPathComponent("evil.tsv"), atomically: true, encoding: .utf8)
        let png = folder.appendingPathComponent("norms.png")
        try FileManager.default.removeItem(at: png)

        let r = try lab.run(["plot", Self.name, "--quick"])
        #expect(r.status == 0, "stderr: \(r.stderrText)")
        for suffix in ["-system", "-shell", "-output.png"] {
            #expect(!FileManager.default.fileExists(atPath: marker + suffix), "\(marker + suffix) was written")
        }
        // Redrawn from the model: the PNG is back, whole, and no evil.png was drawn.
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.suffix(8).starts(with: Array("IEND".utf8)))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("evil.png").path))
        #expect(!lab.files(Self.name).contains { $0.hasPrefix(".") }, "temporary files left: \(lab.files(Self.name))")
    }

    @Test("rnnlab plot refuses a name that is not an experiment name, and reads and writes nothing",
          arguments: ["../x", "..", "../../elsewhere", "a/b", "/tmp", "Backprop", ".hidden", "-x"])
    func refusesPaths(_ name: String) throws {
        let lab = try ScratchLab()
        defer { lab.remove() }
        let r = try lab.run(["plot", "--", name])
        #expect(r.status == 2, "stderr: \(r.stderrText)")
        #expect(r.stderrText.contains("is not an experiment name"), "stderr: \(r.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: lab.plots.path))
    }

    @Test("rnnlab plot on a folder saved before figure models says to run the experiment again")
    func oldFolderAsksForARun() throws {
        let (lab, folder) = try Self.labWithRun()
        defer { lab.remove() }
        for file in lab.files(Self.name) where file.hasSuffix(".figure.json") {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
        }
        let r = try lab.run(["plot", Self.name, "--quick"])
        #expect(r.status == 3)
        #expect(r.stderrText.contains("rnnlab run \(Self.name) --quick"), "stderr: \(r.stderrText)")
        #expect(r.stderrText.split(separator: "\n").count == 1, "stderr: \(r.stderrText)")
    }

    @Test("SIGTERM during rnnlab plot kills gnuplot's whole process group and exits 143")
    func terminateKillsGnuplot() throws {
        let (lab, _) = try Self.labWithRun()
        defer { lab.remove() }
        let fake = lab.root.appendingPathComponent("fake-gnuplot")
        let pidFile = lab.root.appendingPathComponent("gnuplot.pid")
        try writeExecutable("#!/bin/sh\necho $$ > '\(pidFile.path)'\nsleep 1000 &\nsleep 1000\n", to: fake)

        let process = Process()
        process.executableURL = try Rnnlab.binary.get()
        process.arguments = ["plot", Self.name, "--quick"]
        process.currentDirectoryURL = lab.root
        process.environment = ProcessInfo.processInfo.environment.merging(["RNNLAB_GNUPLOT": fake.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var group: pid_t? = nil
        for _ in 0..<400 where group == nil {
            group = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if group == nil { usleep(50_000) }
        }
        let gnuplot = try #require(group, "the fake gnuplot never started")
        #expect(!runningProcesses(inGroup: gnuplot).isEmpty)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 143)
        var gone = false
        for _ in 0..<250 where !gone {
            gone = runningProcesses(inGroup: gnuplot).isEmpty
            if !gone { usleep(20_000) }
        }
        #expect(gone, "still running in gnuplot's group: \(runningProcesses(inGroup: gnuplot))")
        #expect(!lab.files(Self.name).contains { $0.hasPrefix(".") }, "temporary files left: \(lab.files(Self.name))")
    }
}

/// Writes an executable file close-on-exec, so no process that other tests spawn meanwhile
/// inherits it open for writing (running it would then fail with "Text file busy").
func writeExecutable(_ text: String, to url: URL) throws {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw CommandError(description: "cannot create \(url.path)") }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw CommandError(description: "cannot write \(url.path)") }
}

/// The processes of process group `pgid` still running (zombies not counted), read from /proc.
func runningProcesses(inGroup pgid: pid_t) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> pid_t? in
        guard let pid = pid_t(entry),
              let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")   // state, ppid, pgrp, …
        guard fields.count > 2, fields[0] != "Z", pid_t(fields[2]) == pgid else { return nil }
        return pid
    }
}
