import Foundation
import Testing
@testable import Lab

@Test("a valid file resolves to its values, with schema defaults for the keys it omits")
func resolvesFileValuesAndDefaults() throws {
    let experiment = try load(edgeOfChaosFile())
    #expect(experiment.name == "edge-of-chaos")
    #expect(experiment.path == "experiments/edge-of-chaos.toml")
    #expect(experiment.kind == "edge-of-chaos")
    #expect(experiment.version == 1)
    #expect(experiment.title == "Edge of chaos")
    #expect(experiment.section == "3.2 Vanishing and exploding gradients")
    #expect(experiment.description == """
        Sweep the gain g of W_hh and watch ‖∂L/∂h_t‖ over t: it decays for g < 1,
        grows for g > 1 and stays level near g = 1.
        """)
    let p = experiment.parameters
    #expect(p["gains"] == .doubles([0.5, 0.9, 1.0, 1.1, 2.0]))   // the integer 1 is widened
    #expect(p["gains"] == .doubles([0.5, 0.9, 1.0, 1.1, 2.0]))
    #expect(p["hidden"] == .int(64))
    #expect(p["steps"] == .int(50))
    #expect(p["cells"] == .strings(["tanh", "lstm"]))
    #expect(p["seed"] == .int(7))
    #expect(p["cell.init"] == .string("orthogonal"))
    #expect(p["cell.bias"] == .bool(true))
    #expect(p.source(of: "hidden") == .file)
    #expect(p.source(of: "seed") == .default)
    #expect(experiment.overrides.isEmpty && experiment.quickOverrides.isEmpty)
}

@Test("a file holding only the header takes every parameter's default")
func headerOnlyFileTakesDefaults() throws {
    let experiment = try load(Array(edgeOfChaosLines.prefix(7)).joined(separator: "\n"))
    #expect(experiment.parameters.values == [
        "gains": .doubles([0.5, 1, 2]), "hidden": 128, "steps": 100,
        "cells": .strings(["tanh", "relu", "lstm", "gru"]), "seed": 7, "cell.init": "gaussian", "cell.bias": true,
    ])
}

@Test("a syntax error names the file, the line and the column where the parser stopped, and the cause")
func syntaxErrorHasParserPosition() throws {
    let error = try #require(loadError(edgeOfChaosFile(replacing: 12, with: "hidden = = 64")))
    #expect(error.line == 12)
    #expect(error.column == 10)
    #expect(error.keyPath == nil)
    #expect(error.description == "experiments/edge-of-chaos.toml:12:10: not valid TOML: "
        + "expected a value (a string, number, true or false, date, array or inline table), got '='")

    let unterminated = try #require(loadError(edgeOfChaosFile(replacing: 14, with: "cells = [\"tanh\", \"lstm]")))
    #expect(unterminated.description == "experiments/edge-of-chaos.toml:14:18: not valid TOML: "
        + "unterminated string: a \"…\" string ends on its line (\"\"\"…\"\"\" spans lines)")

    let twice = try #require(loadError(edgeOfChaosFile(replacing: 15, with: "[parameters]")))
    #expect(twice.description == "experiments/edge-of-chaos.toml:15:1: not valid TOML: table [parameters] is defined twice (first at line 9)")
}

@Test("a misspelt key is an error naming file, line and key, with a did-you-mean")
func unknownKeySuggestsClosest() throws {
    let error = try #require(loadError(edgeOfChaosFile(replacing: 11, with: "gainz = [0.5, 1.0]")))
    #expect(error.description == "experiments/edge-of-chaos.toml:11: parameters.gainz: unknown key; did you mean 'gains'?")
}

@Test("an unknown key nothing resembles lists the keys its table accepts")
func unknownKeyListsExpected() throws {
    let error = try #require(loadError(edgeOfChaosFile(replacing: 13, with: "optimizer = \"adam\"")))
    #expect(error.description == "experiments/edge-of-chaos.toml:13: parameters.optimizer: unknown key; "
        + "expected one of 'gains', 'hidden', 'steps', 'cells', 'seed', 'cell'")
}

@Test("unknown keys are found in nested tables, at top level and in table headers")
func unknownKeysEverywhere() throws {
    let nested = try #require(loadError(edgeOfChaosFile(replacing: 17, with: "int = \"orthogonal\"")))
    #expect(nested.description == "experiments/edge-of-chaos.toml:17: parameters.cell.int: unknown key; did you mean 'init'?")

    let header = try #require(loadError(edgeOfChaosFile(replacing: 9, with: "[paramters]")))
    #expect(header.description == "experiments/edge-of-chaos.toml:9: paramters: unknown key; did you mean 'parameters'?")

    let top = try #require(loadError(edgeOfChaosFile(replacing: 1, with: "titel = \"x\"")))
    #expect(top.description == "experiments/edge-of-chaos.toml:1: titel: unknown key; did you mean 'title'?")

    var lines = edgeOfChaosLines
    lines[14] = "cell.bais = false"   // a dotted key in place of the [parameters.cell] table
    lines[15] = ""
    lines[16] = ""
    let dotted = try #require(loadError(lines.joined(separator: "\n")))
    #expect(dotted.description == "experiments/edge-of-chaos.toml:15: parameters.cell.bais: unknown key; did you mean 'bias'?")
}

@Test("a value of the wrong type names what was expected and what was found")
func wrongTypeIsExplained() throws {
    let string = try #require(loadError(edgeOfChaosFile(replacing: 12, with: "hidden = \"64\"")))
    #expect(string.description == "experiments/edge-of-chaos.toml:12: parameters.hidden: expected an integer ≥ 1, got \"64\"")

    let fraction = try #require(loadError(edgeOfChaosFile(replacing: 13, with: "steps = 50.5")))
    #expect(fraction.description == "experiments/edge-of-chaos.toml:13: parameters.steps: expected an integer ≥ 1, got 50.5")

    let scalar = try #require(loadError(edgeOfChaosFile(replacing: 11, with: "gains = 1.0")))
    #expect(scalar.description == "experiments/edge-of-chaos.toml:11: parameters.gains: expected a non-empty list of numbers > 0, got 1.0")

    let table = try #require(loadError(edgeOfChaosFile(replacing: 16, with: "cell = 3")))
    #expect(table.description == "experiments/edge-of-chaos.toml:16: parameters.cell: expected a table with keys 'init', 'bias', got 3")

    let date = try #require(loadError(edgeOfChaosFile(replacing: 12, with: "hidden = 2024-01-01")))
    #expect(date.message == "expected an integer ≥ 1, got a date")
}

@Test("values outside their range name the bound", arguments: [
    (12, "hidden = -5", "12: parameters.hidden: expected an integer ≥ 1, got -5"),
    (13, "steps = 0", "13: parameters.steps: expected an integer ≥ 1, got 0"),
    (11, "gains = [0.5, 0, 2]", "11: parameters.gains[1]: expected a number > 0, got 0"),
    (11, "gains = [0.5, -1.5]", "11: parameters.gains[1]: expected a number > 0, got -1.5"),
    (11, "gains = [inf]", "11: parameters.gains[0]: expected a number > 0, got inf"),
    (11, "gains = []", "11: parameters.gains: expected a non-empty list of numbers > 0, got []"),
])
func outOfRangeNamesBound(line: Int, text: String, expected: String) throws {
    let error = try #require(loadError(edgeOfChaosFile(replacing: line, with: text)))
    #expect(error.description == "experiments/edge-of-chaos.toml:" + expected)
}

@Test("a bad element of a list written over several lines is reported at the element's own line")
func listElementHasItsLine() throws {
    let error = try #require(loadError(edgeOfChaosFile(replacing: 11, with: "gains = [\n  0.5,\n  -1,   # too small\n]")))
    #expect(error.description == "experiments/edge-of-chaos.toml:13: parameters.gains[1]: expected a number > 0, got -1")
}

@Test("a learning rate of 0 and a too-large alphabet are out of range in a nested schema")
func outOfRangeInCopyTask() throws {
    let rate = try #require(loadError(copyTaskFile("learning_rate = 0.0"), name: "copy-task", schema: copyTask))
    #expect(rate.description == "experiments/copy-task.toml:7: parameters.learning_rate: expected a number > 0, got 0.0")

    let symbols = try #require(loadError(copyTaskFile("task.symbols = 65"), name: "copy-task", schema: copyTask))
    #expect(symbols.description == "experiments/copy-task.toml:7: parameters.task.symbols: expected an integer ≥ 2 and ≤ 64, got 65")
}

@Test("a cell name that is not among the allowed ones suggests the closest")
func unknownChoiceSuggestsClosest() throws {
    let one = try #require(loadError(copyTaskFile("cell = \"lstn\""), name: "copy-task", schema: copyTask))
    #expect(one.description == "experiments/copy-task.toml:7: parameters.cell: "
        + "expected one of 'tanh', 'relu', 'lstm', 'gru', got \"lstn\"; did you mean 'lstm'?")

    let list = try #require(loadError(edgeOfChaosFile(replacing: 14, with: "cells = [\"tanh\", \"GRU\", \"rnn\"]")))
    #expect(list.description == "experiments/edge-of-chaos.toml:14: parameters.cells[1]: "
        + "expected one of 'tanh', 'relu', 'lstm', 'gru', got \"GRU\"; did you mean 'gru'?")

    let far = try #require(loadError(copyTaskFile("cell = \"transformer\""), name: "copy-task", schema: copyTask))
    #expect(far.message == "expected one of 'tanh', 'relu', 'lstm', 'gru', got \"transformer\"")
}

@Test("a missing version, an unsupported version and a version that is not an integer are errors")
func versionIsRequired() throws {
    let missing = try #require(loadError(edgeOfChaosFile(replacing: 2, with: "")))
    #expect(missing.description == "experiments/edge-of-chaos.toml: version: missing; expected version = 1")

    let future = try #require(loadError(edgeOfChaosFile(replacing: 2, with: "version = 2")))
    #expect(future.description == "experiments/edge-of-chaos.toml:2: version: version 2 is not supported; expected 1")

    let text = try #require(loadError(edgeOfChaosFile(replacing: 2, with: "version = \"1\"")))
    #expect(text.description == "experiments/edge-of-chaos.toml:2: version: expected the integer 1, got \"1\"")
}

@Test("title, section and description are required non-empty strings")
func headerTextsAreRequired() throws {
    let section = try #require(loadError(edgeOfChaosFile(replacing: 4, with: "")))
    #expect(section.description == "experiments/edge-of-chaos.toml: section: missing; expected a string, the lecture section it illustrates")

    let title = try #require(loadError(edgeOfChaosFile(replacing: 3, with: "title = \"  \"")))
    #expect(title.description == "experiments/edge-of-chaos.toml:3: title: expected a non-empty string, a title; got \"  \"")
}

@Test("of several problems the one earliest in the file is reported, and a missing key last")
func earliestProblemWins() throws {
    var lines = edgeOfChaosLines
    lines[1] = ""                 // no version
    lines[12] = "steps = 0"       // line 13
    lines[11] = "hiden = 64"      // line 12
    let error = try #require(loadError(lines.joined(separator: "\n")))
    #expect(error.description == "experiments/edge-of-chaos.toml:12: parameters.hiden: unknown key; did you mean 'hidden'?")
}

@Test("lines are found past multi-line strings and arrays, in inline tables and for quoted keys")
func keyLinesFollowTOMLStructure() throws {
    let source = """
        version = 1
        title = "x # not a comment"
        section = 's'
        description = '''
        hidden = 3
        [parameters]'''
        [parameters]
        gains = [
          0.5,   # [a comment]
          2.0,
        ]
        "hidden" = 0
        cell = { init = "uniform" }
        """
    let error = try #require(loadError(source))
    #expect(error.description == "experiments/edge-of-chaos.toml:12: parameters.hidden: expected an integer ≥ 1, got 0")

    let root = try TOMLDocument(parsing: source).root
    let parameters = try #require(root["parameters"]?.table)
    #expect(parameters.entry("gains")?.position.line == 8)
    #expect(parameters["cell"]?.table?.entry("init")?.position.line == 13)
    #expect(root.entry("parameters")?.position.line == 7)
    #expect(root.entry("description")?.position.line == 4)
    #expect(root.keys == ["version", "title", "section", "description", "parameters"])
}

@Test("the file's name selects its schema from the registry; an unknown name lists the known ones")
func registrySelectsSchemaByFileName() throws {
    let scratch = Scratch()
    let registry = ["edge-of-chaos": edgeOfChaos, "copy-task": copyTask]
    let url = scratch.write("copy-task", copyTaskFile("cell = \"gru\""))
    let experiment = try loadExperiment(at: url, registry: registry)
    #expect(experiment.kind == "copy-task")
    #expect(experiment.parameters["cell"] == .string("gru"))

    let stray = scratch.write("copy-tsak", copyTaskFile(""))
    let error = try #require(throws: ExperimentFileError.self) { try loadExperiment(at: stray, registry: registry) }
    #expect(error.description == "experiments/copy-tsak.toml: no experiment kind is named 'copy-tsak' "
        + "(a variant says which it is, e.g. kind = \"copy-task\"); did you mean 'copy-task'? known: 'copy-task', 'edge-of-chaos'")
}

@Test("an experiment's file name must be a slug, since it names the output folder")
func fileNameMustBeSlug() throws {
    let error = try #require(loadError(edgeOfChaosFile(), name: "Edge_of_chaos"))
    #expect(error.description == "experiments/Edge_of_chaos.toml: the name 'Edge_of_chaos' is not a slug "
        + "([a-z0-9][a-z0-9-]*); it names the output folder")
}

@Test("a parameter with no comment on or above its line is reported; commented ones are not")
func uncommentedParametersAreReported() throws {
    let scratch = Scratch()
    #expect(try uncommentedKeys(at: scratch.write("edge-of-chaos", edgeOfChaosFile())).isEmpty)

    var lines = edgeOfChaosLines
    lines[11] = "hidden = 64"     // line 12, and line 13 below it loses the comment above
    lines[12] = "steps = 50"
    lines.append("bias = false")  // line 18, the line above has a comment but it is trailing
    let found = try uncommentedKeys(at: scratch.write("edge-of-chaos", lines.joined(separator: "\n")))
    #expect(found.map(\.description) == [
        "experiments/edge-of-chaos.toml:12: parameters.hidden: no comment says why this value was chosen",
        "experiments/edge-of-chaos.toml:13: parameters.steps: no comment says why this value was chosen",
        "experiments/edge-of-chaos.toml:18: parameters.cell.bias: no comment says why this value was chosen",
    ])
}
