import Foundation
import Lab

/// An edge-of-chaos-like sweep: gains × cells at one size, as in lecture §3.2.
let edgeOfChaos = ExperimentSchema(
    name: "edge-of-chaos",
    parameters: [
        ParameterSpec("gains", .doubleList(.greaterThan(0)), default: .doubles([0.5, 1, 2]),
                      doc: "g in W_hh ~ N(0, g²/H): below 1 gradients vanish, above 1 they explode"),
        ParameterSpec("hidden", .int(.atLeast(1)), default: 128, doc: "H, hidden units"),
        ParameterSpec("steps", .int(.atLeast(1)), default: 100, doc: "T, time steps back-propagated"),
        ParameterSpec("cells", .choiceList(["tanh", "relu", "lstm", "gru"]),
                      default: .strings(["tanh", "relu", "lstm", "gru"]), doc: "the cells compared"),
        ParameterSpec("seed", .int(.all), default: 7, doc: "seed of the weight initialisation"),
        ParameterSpec("cell.init", .choice(["gaussian", "orthogonal"]), default: "gaussian",
                      doc: "how W_hh is drawn before scaling by g"),
        ParameterSpec("cell.bias", .bool, default: true, doc: "whether the cell has b_h"),
    ],
    quick: ["hidden": 16, "steps": 20]
)

/// A training run on the copy task: one cell, a learning rate, a clipping switch.
let copyTask = ExperimentSchema(
    name: "copy-task",
    parameters: [
        ParameterSpec("cell", .choice(["tanh", "relu", "lstm", "gru"]), default: "lstm", doc: "the cell trained"),
        ParameterSpec("learning_rate", .double(.greaterThan(0)), default: 0.01, doc: "η of plain SGD"),
        ParameterSpec("clip", .bool, default: false, doc: "clip ‖g‖ to 1 before each step"),
        ParameterSpec("label", .string, default: "baseline", doc: "legend entry of the run"),
        ParameterSpec("task.length", .int(.atLeast(1)), default: 20, doc: "T, the delay to bridge"),
        ParameterSpec("task.symbols", .int(.between(2, 64)), default: 8, doc: "alphabet size"),
    ]
)

/// The edge-of-chaos file the tests break one line at a time; line numbers are on the left.
let edgeOfChaosLines = [
    /*  1 */ "# Edge of chaos: gradients at the boundary between order and chaos.",
    /*  2 */ "version = 1  # the file format this was written for",
    /*  3 */ "title = \"Edge of chaos\"",
    /*  4 */ "section = \"3.2 Vanishing and exploding gradients\"",
    /*  5 */ "description = \"\"\"",
    /*  6 */ "Sweep the gain g of W_hh and watch ‖∂L/∂h_t‖ over t: it decays for g < 1,",
    /*  7 */ "grows for g > 1 and stays level near g = 1.\"\"\"",
    /*  8 */ "",
    /*  9 */ "[parameters]",
    /* 10 */ "# The circular law puts the spectral radius of W_hh at g, so 1 is the edge.",
    /* 11 */ "gains = [0.5, 0.9, 1, 1.1, 2.0]",
    /* 12 */ "hidden = 64   # H: enough for the circular law, small enough to run in a second",
    /* 13 */ "steps = 50    # T: long enough to see exponential growth",
    /* 14 */ "cells = [\"tanh\", \"lstm\"]  # without gates and with them",
    /* 15 */ "",
    /* 16 */ "[parameters.cell]",
    /* 17 */ "init = \"orthogonal\"  # all singular values equal, so g alone sets the radius",
]

/// The edge-of-chaos file with `line` (1-based) replaced by `text`.
func edgeOfChaosFile(replacing line: Int? = nil, with text: String = "") -> String {
    var lines = edgeOfChaosLines
    if let line { lines[line - 1] = text }
    return lines.joined(separator: "\n") + "\n"
}

/// A fresh folder holding `experiments/`; files are addressed relative to it, so messages read
/// `experiments/NAME.toml:LINE: …` exactly as they would in the repository.
final class Scratch {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("rnnlab-labtests-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("experiments"),
                                                 withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ name: String, _ source: String) -> URL {
        let url = URL(fileURLWithPath: "experiments/\(name).toml", relativeTo: root)
        try! source.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// The error loading `source` as `experiments/NAME.toml` throws, or nil if it loads.
func loadError(_ source: String, name: String = "edge-of-chaos", schema: ExperimentSchema = edgeOfChaos,
               overrides: [String] = [], quick: Bool = false) -> ExperimentFileError? {
    let scratch = Scratch()
    do {
        _ = try loadExperiment(at: scratch.write(name, source), schema: schema, overrides: overrides, quick: quick)
        return nil
    } catch {
        return error as? ExperimentFileError
    }
}

func load(_ source: String, name: String = "edge-of-chaos", schema: ExperimentSchema = edgeOfChaos,
          overrides: [String] = [], quick: Bool = false) throws -> ExperimentFile {
    let scratch = Scratch()
    return try loadExperiment(at: scratch.write(name, source), schema: schema, overrides: overrides, quick: quick)
}

/// A valid copy-task file with `extra` appended to its `[parameters]` table.
func copyTaskFile(_ extra: String) -> String {
    """
    version = 1
    title = "Copy task"
    section = "4.1 Gates"
    description = "Only the gated cells bridge the delay."

    [parameters]
    \(extra)

    """
}
