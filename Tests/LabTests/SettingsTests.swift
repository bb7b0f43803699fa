import Foundation
import Testing
@testable import Lab

// The typed settings: one declaration gives the file's keys, defaults, ranges, --quick values and
// the manifest's configuration; every kind's shipped file restates its defaults.

@Test("every kind's shipped file sets exactly its typed defaults, so the struct is the one place a default lives")
func shippedFilesRestateTheDefaults() throws {
    for experiment in Catalogue.experiments {
        let url = repositoryRoot.appendingPathComponent("experiments/\(experiment.name).toml")
        let file = try loadExperiment(at: url, schema: experiment.schema)
        for spec in experiment.schema.parameters {
            #expect(file.parameters[spec.key] == spec.defaultValue,
                    "\(experiment.name).toml: \(spec.key) = \(file.parameters[spec.key]?.literal ?? "?"), default \(spec.defaultValue.literal)")
        }
    }
}

@Test("settings encode to the file's tree and decode back through the same range checks")
func settingsRoundTripAndAreChecked() throws {
    var s = BackpropThroughWhh.Settings()
    s.steps = 55
    s.gaussianGain = 1.25
    let data = try JSONEncoder().encode(s)
    let tree = try JSONDecoder().decode(JSONValue.self, from: data)
    #expect(tree["steps"]?.number == 55 && tree["gaussian_gain"]?.number == 1.25)
    #expect(try JSONDecoder().decode(BackpropThroughWhh.Settings.self, from: data) == s)
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(BackpropThroughWhh.Settings.self, from: Data(#"{"steps": -3}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(BackpropThroughWhh.Settings.self, from: Data(#"{"stesp": 10}"#.utf8))
    }
}

@Test("--quick and --set write through the typed fields")
func quickAndSetReachTheTypedSettings() throws {
    let url = repositoryRoot.appendingPathComponent("experiments/backprop-through-whh.toml")
    let file = try loadExperiment(at: url, schema: BackpropThroughWhh.Settings.schema(name: BackpropThroughWhh.name),
                                  overrides: ["gaussian_gain=0.5"], quick: true)
    let s: BackpropThroughWhh.Settings = file.settings()
    #expect(s.steps == 40 && s.hidden == 16 && s.gaussianGain == 0.5 && s.contractiveSigma == 0.9)
}

@Test("a variant file names its kind: it runs as an experiment of its own and inherits the kind's texts")
func variantFileNamesItsKind() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-variant-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("experiments/backprop-through-whh.toml"),
                                     to: dir.appendingPathComponent("backprop-through-whh.toml"))
    let variant = dir.appendingPathComponent("zz-variant.toml")
    try Data("version = 1\nkind = \"backprop-through-whh\"\n\n[parameters]\nsteps = 77  # longer\n".utf8).write(to: variant)
    let registry = Dictionary(uniqueKeysWithValues: Catalogue.experiments.map { ($0.name, $0.schema) })
    let file = try loadExperiment(at: variant, registry: registry)
    #expect(file.name == "zz-variant" && file.kind == "backprop-through-whh")
    #expect(file.title == "Backpropagating through W_hh")
    let s: BackpropThroughWhh.Settings = file.settings()
    #expect(s.steps == 77)

    try Data("version = 1\nkind = \"backprop-through-whh\"\n\n[parameters]\nstesp = 77\n".utf8).write(to: variant)
    let typo = try #require(throws: ExperimentFileError.self) { try loadExperiment(at: variant, registry: registry) }
    #expect(typo.description.hasSuffix("zz-variant.toml:5: parameters.stesp: unknown key; did you mean 'steps'?"), "\(typo)")

    try Data("version = 1\nkind = \"backprop-through-wh\"\n".utf8).write(to: variant)
    let kind = try #require(throws: ExperimentFileError.self) { try loadExperiment(at: variant, registry: registry) }
    #expect(kind.line == 2 && kind.description.contains("did you mean 'backprop-through-whh'?"), "\(kind)")
}

@Test("a non-finite number in a typed result is written as null, as the manifest writes it, and does not fail the run")
func nonFiniteResultsBecomeNull() throws {
    let c = BackpropThroughWhh.Case(name: "overflow", sigmaMax: .infinity, spectralRadius: .nan, finalRatio: -.infinity,
                                    meanRatioSecondHalf: 0.5, ruleOfThumbFails: false)
    let json = try BackpropThroughWhh.json(BackpropThroughWhh.Result(steps: 3, cases: ["x": c]))
    #expect(json["cases"]?["x"]?["sigma_max"] == .null && json["cases"]?["x"]?["spectral_radius"] == .null)
    #expect(json["cases"]?["x"]?["final_ratio"] == .null && json["cases"]?["x"]?["mean_ratio_second_half"]?.number == 0.5)
}
