import Foundation
import Testing
import Lab

@Test("the resolved TOML lists every key under its doc, marks non-file values, and loads back the same")
func resolvedTOMLRoundTrips() throws {
    let experiment = try load(edgeOfChaosFile(), overrides: ["seed=3"], quick: true)
    let toml = experiment.resolvedTOML()
    #expect(toml == """
        # edge-of-chaos: the configuration as it runs (kind 'edge-of-chaos')
        # --quick: hidden=16 steps=20
        # --set: seed=3
        version = 1
        title = "Edge of chaos"
        section = "3.2 Vanishing and exploding gradients"
        description = \"\"\"
        Sweep the gain g of W_hh and watch ‖∂L/∂h_t‖ over t: it decays for g < 1,
        grows for g > 1 and stays level near g = 1.\"\"\"

        [parameters]
        # g in W_hh ~ N(0, g²/H): below 1 gradients vanish, above 1 they explode
        gains = [0.5, 0.9, 1.0, 1.1, 2.0]
        # H, hidden units
        hidden = 16  # --quick
        # T, time steps back-propagated
        steps = 20  # --quick
        # the cells compared
        cells = ["tanh", "lstm"]
        # seed of the weight initialisation
        seed = 3  # --set

        [parameters.cell]
        # how W_hh is drawn before scaling by g
        init = "orthogonal"
        # whether the cell has b_h
        bias = true  # default

        """)
    let reloaded = try load(toml)
    #expect(reloaded.parameters.values == experiment.parameters.values)
    #expect(reloaded.description == experiment.description)
}

@Test("the resolved JSON is deterministic, nests parameters like the file, and parses")
func resolvedJSONIsExact() throws {
    let experiment = try load(copyTaskFile("task.length = 50"), name: "copy-task", schema: copyTask,
                              overrides: ["cell=gru", "learning_rate=0.1"])
    let json = experiment.resolvedJSON()
    #expect(json == """
        {
          "name": "copy-task",
          "file": "experiments/copy-task.toml",
          "kind": "copy-task",
          "version": 1,
          "title": "Copy task",
          "section": "4.1 Gates",
          "description": "Only the gated cells bridge the delay.",
          "parameters": {
            "cell": "gru",
            "learning_rate": 0.1,
            "clip": false,
            "label": "baseline",
            "task": {
              "length": 50,
              "symbols": 8
            }
          },
          "quick": {},
          "overrides": {
            "cell": "gru",
            "learning_rate": 0.1
          }
        }

        """)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect((object?["parameters"] as? [String: Any])?["clip"] as? Bool == false)
}

@Test("parameter values encode as plain JSON values and decode back")
func parameterValueCodable() throws {
    let values: [String: ParameterValue] = [
        "a": 64, "b": 0.5, "c": true, "d": "lstm", "e": .ints([1, 2]), "f": .doubles([0.5, 2.5]), "g": .strings(["x"]),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(values)
    #expect(String(decoding: data, as: UTF8.self)
        == #"{"a":64,"b":0.5,"c":true,"d":"lstm","e":[1,2],"f":[0.5,2.5],"g":["x"]}"#)
    #expect(try JSONDecoder().decode([String: ParameterValue].self, from: data) == values)
}

@Test("the schema's usage lists key, type, default and doc, one per line")
func schemaUsage() {
    #expect(copyTask.usage == """
        cell           tanh|relu|lstm|gru  "lstm"      the cell trained
        learning_rate  double > 0          0.01        η of plain SGD
        clip           bool                false       clip ‖g‖ to 1 before each step
        label          string              "baseline"  legend entry of the run
        task.length    int ≥ 1             20          T, the delay to bridge
        task.symbols   int ≥ 2 and ≤ 64    8           alphabet size
        """)
}

@Test("edit distance counts insertions, deletions and substitutions")
func editDistance() {
    #expect(levenshtein("gainz", "gains") == 1)
    #expect(levenshtein("lstn", "lstm") == 1)
    #expect(levenshtein("stpes", "steps") == 2)
    #expect(levenshtein("", "gru") == 3)
    #expect(levenshtein("kitten", "sitting") == 3)
    #expect(levenshtein("g²", "g") == 1)
}
