import ArgumentParser
import Foundation
import Lab
import Plotting

extension RNNLab {
    struct SweepCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Run an experiment over seeds and settings, on this machine or a Slurm cluster, and aggregate the results.",
            discussion: """
            One run tells one draw; a sweep tells how often. `rnnlab sweep NAME --vary KEY=…` runs NAME at every combination of the varied settings — each point a normal run (checked like --set, with its own manifest) in plots/NAME.sweep/<point-id>/ — then writes plots/NAME.sweep/sweep.json and sweep.png: per group of points that differ only in the seed, each result's mean, standard deviation, min, max, median and quartiles, and where the experiment defines success (irnn-adding: test MSE below 10 % of the constant predictor's) the success count with a Wilson 95 % interval.

            Examples:
              rnnlab sweep backprop-through-whh --vary seed=1..6 --quick --jobs 2
              rnnlab sweep irnn-adding --vary seed=1..10 --jobs 1
              rnnlab sweep gradient-norms-four-cells --vary hidden=32,64,128 --vary seed=1..5 --quick
              rnnlab sweep irnn-adding --vary seed=1..10 --on slurm --time 00:30:00 --wait
              rnnlab sweep collect irnn-adding

            Running a sweep again runs only the points whose folder does not hold their identical run (same fingerprint), so an interrupted sweep resumes where it stopped; Ctrl-C stops it cleanly and keeps the finished points. The sweep's folder is beside plots/NAME/, not inside it, because a run of NAME replaces its folder whole.
            """,
            subcommands: [Start.self, Task.self, Collect.self],
            defaultSubcommand: Start.self)

        struct Start: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "start",
                abstract: "Plan, run and aggregate a sweep (the default: `rnnlab sweep NAME …`).")

            @Argument(help: "The experiment's name (a file experiments/NAME.toml).")
            var name: String

            @Option(help: ArgumentHelp("A setting and its values: KEY=V1,V2,… or KEY=A..B (integers). Repeat for a cartesian product.", valueName: "key=values"))
            var vary: [String] = []

            @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter at every point (repeatable).", valueName: "key=value"))
            var overrides: [String] = []

            @Flag(help: "Shrink sizes so each point takes seconds (the sweep goes to plots/quick/NAME.sweep/).")
            var quick = false

            @Option(help: "Points run at once by the local backend (each with one OpenBLAS thread when more than one).")
            var jobs: Int = 1

            @Option(help: ArgumentHelp("Where the points run: local (child processes here) or slurm (a job array through sbatch).", valueName: "local|slurm"))
            var on: String = "local"

            @Option(help: ArgumentHelp("Write the sweep into this folder instead of plots/NAME.sweep/.", valueName: "folder"))
            var output: String?

            @Option(help: "Picture formats of each point and of the aggregate, comma-separated: png, svg, pdf.")
            var format: String = "png"

            @Flag(help: "Slurm: wait for the job array to finish, then aggregate.")
            var wait = false

            @Option(help: "Slurm: the partition (default: the cluster's default).")
            var partition: String?

            @Option(help: "Slurm: the time limit of each array task.")
            var time: String = "01:00:00"

            @Option(help: "Slurm: CPUs per array task (also its OpenBLAS threads).")
            var cpusPerTask: Int = 1

            @Option(help: "Slurm: memory per array task, e.g. 2G (default: the cluster's default).")
            var mem: String?

            @Option(help: "Slurm: points per array task (default: packed to about a minute a task).")
            var pointsPerTask: Int?

            func validate() throws {
                guard isExperimentName(name) else { throw ValidationError("'\(name)' is not an experiment name (see `rnnlab list`)") }
                if vary.isEmpty { throw ValidationError("say what to vary, e.g. --vary seed=1..10") }
                if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
                if !["local", "slurm"].contains(on) { throw ValidationError("--on must be local or slurm, not '\(on)'") }
                if wait && on != "slurm" { throw ValidationError("--wait is for --on slurm (a local sweep always waits)") }
                if cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1") }
                if let pointsPerTask, pointsPerTask < 1 { throw ValidationError("--points-per-task must be at least 1") }
            }

            func run() throws {
                let paths = LabPaths.discover()
                let runner = Runner(paths: paths)
                let formats: [OutputFormat]
                do { formats = try OutputFormat.parseList(format) } catch { fail("--format: \(error)") }
                let sweep: Sweep
                do {
                    let axes = try vary.map(SweepPlan.axis)
                    if let twice = Dictionary(grouping: axes, by: \.key).first(where: { $0.value.count > 1 })?.key {
                        throw SweepError("--vary \(twice) is given twice; give each setting once, with all its values")
                    }
                    let plan = try SweepPlan(experiment: name, quick: quick, overrides: overrides, axes: axes, formats: formats.map(\.rawValue))
                    let folder = output.map { URL(fileURLWithPath: $0) } ?? Sweep.defaultFolder(paths, name: name, quick: quick)
                    sweep = try Sweep(runner: runner, plan: plan, folder: folder)
                    try sweep.writePlan()
                } catch {
                    fail("\(error)")
                }
                let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
                let say: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("rnnlab: \($0)\n".utf8)) }
                if on == "slurm" {
                    var slurm = SlurmBackend()
                    slurm.partition = partition
                    slurm.time = time
                    slurm.cpusPerTask = cpusPerTask
                    slurm.memory = mem
                    slurm.pointsPerTask = pointsPerTask
                    slurm.concurrent = nil
                    let pending = sweep.pending()
                    if pending.isEmpty {
                        say("every point of the sweep is done; aggregating")
                    } else {
                        let tasks = slurm.tasks(sweep, pending: pending)
                        do {
                            let script = try slurm.writeScript(sweep, executable: me, tasks: tasks)
                            say("\(pending.count) of \(sweep.plan.points.count) points to run as \(tasks.count) array tasks of \(slurm.pack(sweep)); script \(runner.relativePath(script))")
                            let id = try slurm.submit(script, wait: wait)
                            if !wait {
                                print("submitted job \(id); `squeue -j \(id)` shows it, `rnnlab sweep collect \(name)\(quick ? " --quick" : "")\(output.map { " --output \($0)" } ?? "")` aggregates what has finished")
                                return
                            }
                            say("job \(id) finished")
                        } catch { fail("\(error)") }
                    }
                } else {
                    let interrupt = InterruptHandler { sweep.cancel() }
                    let failures = sweep.runLocally(executable: me, jobs: jobs, progress: say)
                    let stopped = runner.isCancelled
                    let status = interrupt.exitStatus
                    interrupt.cancel()
                    if stopped {
                        say("interrupted; the finished points are kept, and `rnnlab sweep \(CommandLine.arguments.dropFirst(2).joined(separator: " "))` again runs the rest")
                        throw ExitCode(status)
                    }
                    for (point, last) in failures { say("\(point.id) failed: \(last)") }
                }
                try collectAndReport(sweep, formats: formats)
            }
        }

        struct Task: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "task",
                abstract: "Run some points of a planned sweep in this process (what the local pool and each Slurm array task call).")

            @Argument(help: "The sweep's folder (it holds plan.json).")
            var folder: String

            @Argument(help: "Point indices (0-based, in plan order).")
            var indices: [Int] = []

            @Option(help: "The Slurm array task whose pack of points to run (with --per-task).")
            var arrayTask: Int?

            @Option(help: "Points per array task.")
            var perTask: Int = 1

            func run() throws {
                let url = URL(fileURLWithPath: folder)
                let sweep: Sweep
                do { sweep = try Sweep(runner: Runner(paths: LabPaths.discover()), plan: try Sweep.readPlan(in: url), folder: url) }
                catch { fail("\(error)") }
                var chosen = indices
                if let arrayTask {
                    chosen += SlurmBackend.points(ofTask: arrayTask, per: perTask, count: sweep.plan.points.count)
                }
                if chosen.isEmpty { fail("no points: give point indices or --array-task") }
                FileHandle.standardError.write(Data("rnnlab sweep task: points \(chosen.map { sweep.plan.points.indices.contains($0) ? sweep.plan.points[$0].id : "#\($0)" }.joined(separator: ", "))\n".utf8))
                let interrupt = InterruptHandler { sweep.runner.cancel(); Plotter.stopAll() }
                let reports = sweep.runPoints(chosen)
                let stopStatus = interrupt.exitStatus
                interrupt.cancel()
                let worst = reportProblems(reports)
                if sweep.runner.isCancelled { throw ExitCode(stopStatus) }
                if worst != 0 { throw ExitCode(worst) }
            }
        }

        struct Collect: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "collect",
                abstract: "Aggregate whatever points of a sweep have finished, and say which are missing or failed.")

            @Argument(help: "The experiment's name.")
            var name: String

            @Flag(help: "The --quick sweep (plots/quick/NAME.sweep/).")
            var quick = false

            @Option(help: ArgumentHelp("The sweep's folder, when it was started with --output.", valueName: "folder"))
            var output: String?

            @Option(name: .customLong("lang"), help: ArgumentHelp("Also draw the aggregate figure in this language: ko writes it to plots/ko/NAME.sweep/ (plots/quick/ko/ with --quick).", valueName: "code"))
            var language: Language = .english

            func validate() throws {
                guard isExperimentName(name) else { throw ValidationError("'\(name)' is not an experiment name (see `rnnlab list`)") }
                if language != .english && output != nil { throw ValidationError("--lang draws into plots/ko/NAME.sweep/: give it without --output") }
            }

            func run() throws {
                let paths = LabPaths.discover()
                let url = output.map { URL(fileURLWithPath: $0) } ?? Sweep.defaultFolder(paths, name: name, quick: quick)
                let sweep: Sweep
                do { sweep = try Sweep(runner: Runner(paths: paths), plan: try Sweep.readPlan(in: url), folder: url) }
                catch { fail("\(error)") }
                let summary = try collectAndReport(sweep, formats: nil, exitOnMissing: language == .english)
                guard language != .english else { return }
                do {
                    var options = RunOptions()
                    options.quick = quick
                    options.language = language
                    let folder = sweep.runner.outputFolder(options).appendingPathComponent(url.lastPathComponent)
                    let translate = Localization.sweepTranslator(for: sweep.plan.experiment, language: language)
                    let formats = sweep.plan.formats.compactMap(OutputFormat.init(rawValue:))
                    for figure in sweep.figures(summary) {
                        try sweep.runner.plotter.write(figure.mapTexts(translate), to: folder, formats: formats)
                    }
                    print("sweep: the aggregate figure in \(language.rawValue) in \(sweep.runner.relativePath(folder))/")
                } catch { fail("\(error)") }
                if !summary.missing.isEmpty { throw ExitCode(1) }
            }
        }
    }
}

/// Aggregates `sweep` and prints where the aggregate is; exit 1 when points are missing (unless
/// `exitOnMissing` is false: the caller still has something to draw, and exits after).
@discardableResult
private func collectAndReport(_ sweep: Sweep, formats: [OutputFormat]?, exitOnMissing: Bool = true) throws -> SweepSummary {
    let summary: SweepSummary
    do { summary = try sweep.collect(formats: formats) } catch { fail("\(error)") }
    let folder = sweep.runner.relativePath(sweep.folder)
    for m in summary.missing {
        FileHandle.standardError.write(Data("rnnlab: \(m.id): \(m.reason)\(m.log.map { " (\($0))" } ?? "")\n".utf8))
    }
    print("sweep: \(summary.points.count) of \(sweep.plan.points.count) points collected in \(folder)/\(SweepSummary.fileName)"
          + (summary.figures.isEmpty ? "" : " and \(folder)/sweep.png"))
    for group in summary.groups {
        for key in group.success.keys.sorted() {
            let s = group.success[key]!
            print(String(format: "%@success %@: %d/%d (Wilson 95 %%: %.2f–%.2f)",
                         group.settings.isEmpty ? "" : group.settings.joined(separator: " ") + ": ",
                         key, s.successes, s.trials, s.wilson.lowerBound, s.wilson.upperBound))
        }
    }
    if exitOnMissing && !summary.missing.isEmpty { throw ExitCode(1) }
    return summary
}
