import Foundation
import Testing
import Lab

@Test("--set parses its value as TOML, type-checks it like the file, and records it")
func setOverridesAreTypedAndRecorded() throws {
    let experiment = try load(edgeOfChaosFile(), overrides: [
        "hidden=256", "gains=[0.5,1,2]", "cells=[lstm, gru]", "parameters.cell.init=gaussian", "cell.bias = false",
    ])
    let p = experiment.parameters
    #expect(p["hidden"] == .int(256))
    #expect(p["gains"] == .doubles([0.5, 1.0, 2.0]))
    #expect(p["cells"] == .strings(["lstm", "gru"]))
    #expect(p["cell.init"] == .string("gaussian"))
    #expect(p["cell.bias"] == .bool(false))
    #expect(p.source(of: "hidden") == .set)
    #expect(experiment.overrides == [
        "hidden": 256, "gains": .doubles([0.5, 1, 2]), "cells": .strings(["lstm", "gru"]),
        "cell.init": "gaussian", "cell.bias": false,
    ])
}

@Test("--set takes a bare word or a quoted TOML string for string and choice keys")
func setStringsBareOrQuoted() throws {
    let experiment = try load(copyTaskFile(""), name: "copy-task", schema: copyTask,
                              overrides: ["cell=relu", "label=\"g = 1.0\"", "learning_rate=1e-3", "clip=true"])
    let p = experiment.parameters
    #expect(p["cell"] == .string("relu"))
    #expect(p["label"] == .string("g = 1.0"))
    #expect(p["learning_rate"] == .double(0.001))
    #expect(p["clip"] == .bool(true))

    let numeric = try load(copyTaskFile(""), name: "copy-task", schema: copyTask, overrides: ["label=64"])
    #expect(numeric.parameters["label"] == .string("64"))
}

@Test("a bad --set names the argument and the key, and says what was expected", arguments: [
    ("hidden=-5", "--set hidden=-5: parameters.hidden: expected an integer ≥ 1, got -5"),
    ("hiden=64", "--set hiden=64: parameters.hiden: unknown key; did you mean 'hidden'?"),
    ("gains=[0.5,0]", "--set gains=[0.5,0]: parameters.gains[1]: expected a number > 0, got 0"),
    ("cells=[lstm,lstn]", "--set cells=[lstm,lstn]: parameters.cells[1]: expected one of 'tanh', 'relu', 'lstm', 'gru', got \"lstn\"; did you mean 'lstm'?"),
    ("steps=ten", "--set steps=ten: parameters.steps: expected an integer ≥ 1, got \"ten\""),
    ("cell=gaussian", "--set cell=gaussian: parameters.cell: is a table; set one of its keys: 'cell.init', 'cell.bias'"),
    ("hidden", "--set hidden: expected key=value, e.g. --set gains=[0.5, 1.0, 2.0]"),
])
func badSetIsExplained(argument: String, expected: String) throws {
    let error = try #require(loadError(edgeOfChaosFile(), overrides: [argument]))
    #expect(error.description == "experiments/edge-of-chaos.toml: " + expected)
    #expect(error.override == argument)
}

@Test("a --set value that starts like TOML but does not parse is a syntax error, not a string")
func malformedSetValue() throws {
    let error = try #require(loadError(edgeOfChaosFile(), overrides: ["gains=[0.5,"]))
    #expect(error.keyPath == "parameters.gains")
    #expect(error.message.hasPrefix("not a TOML value ("))
}

@Test("--quick applies after the file and before --set, and is recorded apart from --set")
func quickSitsBetweenFileAndSet() throws {
    let experiment = try load(edgeOfChaosFile(), overrides: ["hidden=32"], quick: true)
    let p = experiment.parameters
    #expect(p["hidden"] == .int(32))       // --set beats --quick
    #expect(p["steps"] == .int(20))        // --quick beats the file's 50
    #expect(p.source(of: "steps") == .quick)
    #expect(experiment.quickOverrides == ["hidden": 16, "steps": 20])
    #expect(experiment.overrides == ["hidden": 32])

    let full = try load(edgeOfChaosFile())
    #expect(full.parameters["steps"] == .int(50))
    #expect(full.quickOverrides.isEmpty)
}

@Test("the last --set of a key wins")
func lastSetWins() throws {
    let experiment = try load(edgeOfChaosFile(), overrides: ["seed=1", "seed=2"])
    #expect(experiment.parameters["seed"] == .int(2))
    #expect(experiment.overrides == ["seed": 2])
}
