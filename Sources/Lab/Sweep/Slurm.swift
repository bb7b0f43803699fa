import Foundation
import Plotting

/// A sweep as a Slurm job array: `sweep.sbatch` in the sweep's folder, one array task per pack of
/// points (`SLURM_ARRAY_TASK_ID` selects the pack), each task running `rnnlab sweep task` on its
/// points, which write their folders through the same staging folder and rename as any run.
/// Only `sbatch` (and `squeue`) are needed; nothing else runs on the cluster.
public struct SlurmBackend: Sendable {
    public var partition: String?
    /// `--time` of each task (Slurm's D-HH:MM:SS forms).
    public var time = "01:00:00"
    public var cpusPerTask = 1
    /// `--mem` of each task (e.g. `2G`); nil leaves the cluster's default.
    public var memory: String?
    /// At most this many tasks at once (`%K` of `--array`); nil: no limit.
    public var concurrent: Int?
    /// Points per task; nil: as many as fill about a minute, from the experiment's measured time.
    public var pointsPerTask: Int?

    public init() {}

    /// Points per task: short points are packed so that a task runs about a minute.
    public func pack(_ sweep: Sweep) -> Int {
        if let pointsPerTask { return max(1, pointsPerTask) }
        let name = sweep.plan.experiment
        let seconds = sweep.plan.quick ? 2 : (sweep.runner.measuredSeconds(of: name)
            ?? sweep.runner.registry[name]?.roughSeconds ?? 60)
        return max(1, min(sweep.plan.points.count, Int(60 / max(seconds, 0.5))))
    }

    /// The array tasks that hold at least one pending point.
    public func tasks(_ sweep: Sweep, pending: [Int]) -> [Int] {
        let per = pack(sweep)
        return Array(Set(pending.map { $0 / per })).sorted()
    }

    /// The batch script: an array over `tasks`, each running `executable sweep task FOLDER
    /// --array-task $SLURM_ARRAY_TASK_ID --per-task P` from the lab's root.
    public func script(_ sweep: Sweep, executable: URL, tasks: [Int]) -> String {
        let per = pack(sweep)
        let logs = sweep.folder.appendingPathComponent("logs")
        var lines = [
            "#!/bin/bash",
            "# rnnlab sweep of \(sweep.plan.experiment): \(sweep.plan.points.count) points, \(per) per array task.",
            "# Written by `rnnlab sweep … --on slurm`; submit again with `sbatch \(Self.quoted(sweep.folder.appendingPathComponent("sweep.sbatch").path))`.",
            "#SBATCH --job-name=rnnlab-\(sweep.plan.experiment)",
            "#SBATCH --array=\(Self.arraySpec(tasks))\(concurrent.map { "%\($0)" } ?? "")",
            "#SBATCH --cpus-per-task=\(cpusPerTask)",
            "#SBATCH --time=\(time)",
            "#SBATCH --output=\(logs.path)/task-%a.log",
        ]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        lines += [
            "set -euo pipefail",
            "cd \(Self.quoted(sweep.runner.paths.root.path))",
            "export OPENBLAS_NUM_THREADS=\(cpusPerTask)",
            "exec \(Self.quoted(executable.path)) sweep task \(Self.quoted(sweep.folder.path)) --array-task \"$SLURM_ARRAY_TASK_ID\" --per-task \(per)",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Writes `sweep.sbatch` (and makes `logs/`) in the sweep's folder; returns the script.
    public func writeScript(_ sweep: Sweep, executable: URL, tasks: [Int]) throws -> URL {
        try Runner.makeFolder(sweep.folder.appendingPathComponent("logs"))
        let url = sweep.folder.appendingPathComponent("sweep.sbatch")
        try Plotter.writeAtomically(Data(script(sweep, executable: executable, tasks: tasks).utf8), to: url)
        return url
    }

    /// `0-3` for a run of consecutive tasks, `1,4,7-9` otherwise.
    static func arraySpec(_ tasks: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < tasks.count {
            var j = i
            while j + 1 < tasks.count, tasks[j + 1] == tasks[j] + 1 { j += 1 }
            parts.append(i == j ? "\(tasks[i])" : "\(tasks[i])-\(tasks[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    /// The point indices of array task `task` with `per` points a task.
    public static func points(ofTask task: Int, per: Int, count: Int) -> [Int] {
        guard task >= 0, per >= 1 else { return [] }
        let first = task * per
        return first < count ? Array(first..<min(first + per, count)) : []
    }

    /// A shell word: single-quoted, with a quote inside written as '\''.
    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Submits `script` with `sbatch --parsable` (and `--wait`: returns when every task ended);
    /// returns the job id. `sbatch` must be on PATH.
    public func submit(_ script: URL, wait: Bool) throws -> String {
        let result: (status: Int32, stdout: String, stderr: String)
        do {
            result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["sbatch", "--parsable"] + (wait ? ["--wait"] : []) + [script.path],
                                    directory: script.deletingLastPathComponent())
        } catch {
            throw SweepError("cannot run sbatch: \(error); is Slurm installed (see scripts/slurm-cluster.sh)?")
        }
        let id = result.stdout.split(separator: "\n").first.map { String($0.split(separator: ";").first ?? $0) } ?? ""
        let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.status == 127 || message.contains("No such file") && id.isEmpty {
            throw SweepError("sbatch is not on PATH; install Slurm (scripts/slurm-cluster.sh sets up a one-node cluster) or use --on local")
        }
        // With --wait, sbatch exits with the job's worst exit code: failed points are reported by collect.
        guard !id.isEmpty else {
            throw SweepError("sbatch failed (exit \(result.status))\(message.isEmpty ? "" : ": \(message)")")
        }
        return id
    }
}
