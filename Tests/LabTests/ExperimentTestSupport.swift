import Foundation
import Plotting
import QuickRuns
import Testing
@testable import Lab

/// The repository root: this file is Tests/LabTests/ExperimentTestSupport.swift.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Every series an experiment's figures draw has data, finite where it must be, and positive on
/// log axes; no figure has more than six panels. Shared by the per-experiment test files.
func expectFiguresDrawable(_ output: ExperimentOutput, experiment name: String) {
    expectFiguresDrawable(output.figures, experiment: name)
}

func expectFiguresDrawable(_ figures: [Figure], experiment name: String) {
    #expect(!figures.isEmpty, "\(name) draws no figure")
    for figure in figures {
        #expect(Figure.isValidName(figure.name))
        #expect(!figure.panels.isEmpty && figure.panels.count <= 6, "\(name)/\(figure.name): \(figure.panels.count) panels")
        for (p, panel) in figure.panels.enumerated() {
            #expect(!panel.series.isEmpty, "\(name)/\(figure.name) panel \(p + 1) is empty")
            for series in panel.series {
                var ys = series.y
                if case .band(let lower, let upper) = series.mark { ys = lower + upper }
                let at = "\(name)/\(figure.name) panel \(p + 1) '\(series.label)'"
                #expect(!series.x.isEmpty && series.x.allSatisfy(\.isFinite), "\(at): x empty or not finite")
                #expect(!ys.isEmpty && ys.allSatisfy(\.isFinite), "\(at): y empty or not finite")
                if panel.xScale == .log { #expect(series.x.allSatisfy { $0 > 0 }, "\(at): x ≤ 0 on a log axis") }
                if panel.yScale == .log { #expect(ys.allSatisfy { $0 > 0 }, "\(at): y ≤ 0 on a log axis") }
            }
        }
    }
}

/// The kind's shipped file `experiments/NAME.toml` loaded with --quick (and `overrides`): its typed settings.
func quickSettings<K: ExperimentKind>(_ kind: K.Type, overrides: [String] = []) throws -> K.Settings {
    let url = repositoryRoot.appendingPathComponent("experiments/\(K.name).toml")
    return try loadExperiment(at: url, schema: K.Settings.schema(name: K.name), overrides: overrides, quick: true).settings()
}

/// The kind's shipped file `experiments/NAME.toml` loaded with --quick (and `overrides`) and run:
/// its typed result and the figures it draws. Without overrides this is the test run's one quick
/// run of the kind (`QuickRuns`: computed once, written through the runner to .build/quick-runs/,
/// reused by the end-to-end tests and the notebook check); with overrides it is computed here,
/// in memory.
func runQuick<K: ExperimentKind>(_ kind: K.Type, overrides: [String] = []) throws -> (result: K.Result, figures: [Figure]) {
    guard overrides.isEmpty else {
        let settings = try quickSettings(K.self, overrides: overrides)
        let result = try K.run(settings, context: RunContext(experiment: K.name, root: repositoryRoot))
        return (result, K.figures(result, settings: settings))
    }
    return try QuickRuns.run(K.self)
}
