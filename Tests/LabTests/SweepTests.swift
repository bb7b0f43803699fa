import Foundation
import Testing
@testable import Lab

// The sweep's plan (--vary parsing, the cartesian product, point ids), its statistics and
// Wilson intervals against published values, and the Slurm job array it writes.

@Test("--vary takes lists, integer ranges and bracketed values; the product varies the last axis fastest")
func varyParsesAndMultiplies() throws {
    #expect(try SweepPlan.axis("seed=1..4").values == ["1", "2", "3", "4"])
    #expect(try SweepPlan.axis("hidden = 32, 64,128").values == ["32", "64", "128"])
    #expect(try SweepPlan.axis(#"cells=["lstm","gru"],["tanh"]"#).values == [#"["lstm","gru"]"#, #"["tanh"]"#])
    #expect(try SweepPlan.axis("seed=-2..-1").values == ["-2", "-1"])
    let plan = try SweepPlan(experiment: "backprop-through-whh", quick: true, overrides: [],
                             axes: [SweepPlan.axis("steps=50,100"), SweepPlan.axis("seed=1..3")], formats: ["png"])
    #expect(plan.points.map(\.id) == ["steps-50_seed-1", "steps-50_seed-2", "steps-50_seed-3",
                                      "steps-100_seed-1", "steps-100_seed-2", "steps-100_seed-3"])
    #expect(plan.points[4].overrides == ["steps=100", "seed=2"])
    #expect(SweepPlan.pointID([#"cells=["lstm","gru"]"#]) == "cells-+lstm+gru+")
}

@Test("--vary refuses a missing '=', an empty value, a repeated value and a sweep of more than 10 000 points")
func varyRefusesBadLists() throws {
    #expect(throws: SweepError.self) { try SweepPlan.axis("seed") }
    #expect(throws: SweepError.self) { try SweepPlan.axis("seed=1,,2") }
    #expect(throws: SweepError.self) { try SweepPlan.axis("seed=1,2,1") }
    #expect(throws: SweepError.self) { try SweepPlan.axis("seed=1..20000") }
    let big = try SweepPlan.axis("seed=1..200")
    #expect(throws: SweepError.self) {
        try SweepPlan(experiment: "x", quick: true, overrides: [], axes: [big, SweepPlan.Axis(key: "hidden", values: (1...60).map(String.init))],
                      formats: ["png"])
    }
}

@Test("a point's bad value is refused before anything runs, named as --vary with the file's key")
func badPointIsRefusedAsVary() throws {
    let runner = Runner(paths: LabPaths(root: repositoryRoot))
    let plan = try SweepPlan(experiment: "backprop-through-whh", quick: true, overrides: [],
                             axes: [SweepPlan.axis("steps=10,-3")], formats: ["png"])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-sweep-\(UUID().uuidString)")
    do {
        _ = try Sweep(runner: runner, plan: plan, folder: folder)
        Issue.record("a negative T was accepted")
    } catch let error as SweepError {
        #expect(error.message.contains("--vary steps=-3: parameters.steps: expected an integer"), "\(error.message)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path), "nothing is written for a bad sweep")
}

@Test("statistics of 1, 2, 3, 4: mean 2.5, sd √(5/3), median 2.5, quartiles 1.75 and 3.25 (linear interpolation)")
func statisticsOfFourValues() {
    let s = Statistics([4, 1, 3, 2])
    #expect(s.n == 4 && s.mean == 2.5 && s.min == 1 && s.max == 4 && s.median == 2.5)
    #expect(abs(s.standardDeviation - (5.0 / 3).squareRoot()) < 1e-15)
    #expect(s.lowerQuartile == 1.75 && s.upperQuartile == 3.25)
    let one = Statistics([7])
    #expect(one.standardDeviation == 0 && one.median == 7 && one.lowerQuartile == 7)
}

@Test("Wilson 95 % intervals: 5/10 is 0.2366–0.7634, 0/10 is 0–0.2775, 10/10 is 0.7225–1 (Wilson 1927, Agresti & Coull 1998)")
func wilsonIntervals() {
    let half = SuccessRate(successes: 5, trials: 10).wilson
    #expect(abs(half.lowerBound - 0.2366) < 1e-4 && abs(half.upperBound - 0.7634) < 1e-4)
    let none = SuccessRate(successes: 0, trials: 10).wilson
    #expect(abs(none.lowerBound) < 1e-15 && abs(none.upperBound - 0.2775) < 1e-4)
    let all = SuccessRate(successes: 10, trials: 10).wilson
    #expect(abs(all.lowerBound - 0.7225) < 1e-4 && abs(all.upperBound - 1) < 1e-15)
    #expect(SuccessRate(successes: 3, trials: 4).rate == 0.75)
}

@Test("the summary groups points that differ only in the seed and counts successes per group")
func summaryGroupsBySeed() throws {
    let plan = try SweepPlan(experiment: "irnn-adding", quick: true, overrides: [],
                             axes: [SweepPlan.axis("hidden=8,16"), SweepPlan.axis("seed=1..3")], formats: ["png"])
    let points = plan.points.enumerated().map { i, p in
        SweepSummary.PointResult(point: p, results: .object(["mse": .number(Double(i)), "diverged": .bool(i == 0)]),
                                 successes: ["irnn.50": i % 3 != 0])
    }
    let summary = SweepSummary(plan: plan, points: points, missing: [])
    #expect(summary.groups.map(\.settings) == [["hidden=8"], ["hidden=16"]])
    #expect(summary.groups[1].statistics["mse"] == Statistics([3, 4, 5]))
    #expect(summary.groups[0].statistics["diverged"]?.mean == 1.0 / 3, "a boolean's mean is its share of true")
    #expect(summary.groups[0].success["irnn.50"] == SuccessRate(successes: 2, trials: 3))
    let figure = try #require(summary.figures.first)
    #expect(figure.panels.first?.title.hasPrefix("success rate") == true)
    #expect(figure.panels.first?.series.count == 2, "one band and one line")
}

@Test("IRNN adding: a run succeeds below 10 % of the constant predictor's MSE, and a diverged run fails")
func addingSuccessRule() {
    var r = IRNNAdding.Result(finalTestMSE: ["irnn": ["100": 0.0166], "tanh": ["100": 0.0168], "relu": ["100": 0.001]],
                              diverged: ["irnn": ["100": false], "tanh": ["100": false], "relu": ["100": true]],
                              updatesRun: [:], recipes: [:], baselineMSE: 1.0 / 6, iterations: 100, convergedMSE: 0.002)
    #expect(IRNNAdding.successes(r) == ["irnn.100": true, "tanh.100": false, "relu.100": false])
    r.finalTestMSE["irnn"]?["100"] = .some(nil)
    #expect(IRNNAdding.successes(r)["irnn.100"] == false, "a missing MSE is no success")
}

@Test("Slurm: task i runs points i·P ..< (i+1)·P, the array lists only tasks with pending points, and the script is exact")
func slurmArrayAndScript() throws {
    #expect(SlurmBackend.points(ofTask: 2, per: 3, count: 8) == [6, 7])
    #expect(SlurmBackend.points(ofTask: 3, per: 3, count: 8) == [])
    #expect(SlurmBackend.arraySpec([0, 1, 2, 3]) == "0-3")
    #expect(SlurmBackend.arraySpec([1, 4, 7, 8, 9]) == "1,4,7-9")
    let root = URL(fileURLWithPath: "/lab")
    let runner = Runner(paths: LabPaths(root: root, experiments: repositoryRoot.appendingPathComponent("experiments")))
    let plan = try SweepPlan(experiment: "backprop-through-whh", quick: true, overrides: ["hidden=16"],
                             axes: [SweepPlan.axis("seed=1..5")], formats: ["png"])
    let sweep = try Sweep(runner: runner, plan: plan, folder: URL(fileURLWithPath: "/lab/plots/it's.sweep"))
    var slurm = SlurmBackend()
    slurm.pointsPerTask = 2
    slurm.concurrent = 2
    slurm.memory = "2G"
    #expect(slurm.tasks(sweep, pending: [0, 1, 4]) == [0, 2])
    let script = slurm.script(sweep, executable: URL(fileURLWithPath: "/opt/bin/rnnlab"), tasks: [0, 2])
    #expect(script == """
        #!/bin/bash
        # rnnlab sweep of backprop-through-whh: 5 points, 2 per array task.
        # Written by `rnnlab sweep … --on slurm`; submit again with `sbatch '/lab/plots/it'\\''s.sweep/sweep.sbatch'`.
        #SBATCH --job-name=rnnlab-backprop-through-whh
        #SBATCH --array=0,2%2
        #SBATCH --cpus-per-task=1
        #SBATCH --time=01:00:00
        #SBATCH --output=/lab/plots/it's.sweep/logs/task-%a.log
        #SBATCH --mem=2G
        set -euo pipefail
        cd '/lab'
        export OPENBLAS_NUM_THREADS=1
        exec '/opt/bin/rnnlab' sweep task '/lab/plots/it'\\''s.sweep' --array-task "$SLURM_ARRAY_TASK_ID" --per-task 2

        """)
}
