import Foundation
import Testing

/// How the probe input reaches the binary.
enum InputRoute: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case path, stdin
    var testDescription: String { self == .path ? "by path" : "via - on standard input" }
}

/// Runs `rnnlab probe` on `input`, checks it succeeded quietly, and compares its output with
/// `expected`; prints one summary line and records every mismatch.
func checkProbe(_ label: String, input: URL, route: InputRoute, expected: Data) throws {
    let result = route == .path
        ? try Rnnlab.run(["probe", input.path])
        : try Rnnlab.run(["probe", "-"], stdin: try Data(contentsOf: input))
    #expect(result.status == 0, "rnnlab probe \(label) exited with \(result.status): \(result.stderrText)")
    #expect(result.stderrText.isEmpty, "rnnlab probe \(label) wrote to standard error: \(result.stderrText)")
    try checkProbeOutput(label, got: result.stdout, expected: expected)
}

func checkProbeOutput(_ label: String, got: Data, expected: Data) throws {
    let comparison = JSONComparison(try parseJSON(got, what: "the output of rnnlab probe \(label)"),
                                    try parseJSON(expected, what: "the expected output for \(label)"))
    print("probe \(label) vs numpy: \(comparison.summary)")
    #expect(comparison.numbers > 0, "rnnlab probe \(label): no numbers were compared")
    #expect(comparison.passed, "rnnlab probe \(label) differs from the numpy reference:\n\(comparison.problems.joined(separator: "\n"))")
}

/// The committed fixtures: one per cell, plus an LSTM with h0 but no c0 and the README example.
let probeFixtures = ["tanh", "relu", "lstm", "lstm-h0-only", "gru", "example"]

@Test("rnnlab probe matches the committed numpy reference output number for number",
      arguments: probeFixtures, InputRoute.allCases)
func probeMatchesFixture(name: String, route: InputRoute) throws {
    try checkProbe("\(name) (\(route.testDescription))", input: Fixtures.input(name), route: route,
                   expected: try Data(contentsOf: Fixtures.expected(name)))
}

/// python3 with numpy (and jax, torch), when this machine has it.
enum Python {
    static let executable = URL(fileURLWithPath: "/usr/bin/env")
    static let hasNumpy = has("numpy")

    /// Whether the python3 on PATH can import `module`.
    static func has(_ module: String) -> Bool {
        guard let r = try? runCommand(executable, ["python3", "-c", "import \(module)"]) else { return false }
        return r.status == 0
    }

    /// Runs `python3 reference/SCRIPT arguments…` and returns its standard output.
    static func run(_ script: String, _ arguments: [String], stdin: Data? = nil) throws -> Data {
        let path = Fixtures.reference.appendingPathComponent(script).path
        let r = try runCommand(executable, ["python3", path] + arguments, stdin: stdin)
        guard r.status == 0 else {
            throw CommandError(description: "python3 \(script) \(arguments.joined(separator: " ")) exited with \(r.status): \(r.stderrText)")
        }
        return r.stdout
    }
}

@Suite("The live numpy reference", .enabled(if: Python.hasNumpy, "python3 with numpy is not available here; the committed fixtures still compare rnnlab with numpy"))
struct LiveReferenceTests {
    /// A new seed on every run (RNNLAB_E2E_SEED repeats one); the seed picks the cell, sizes and
    /// which of h0, c0 are given, and is printed so a failure can be replayed.
    @Test("rnnlab probe agrees with probe_reference.py on a freshly generated random input")
    func freshRandomInput() throws {
        let seed = ProcessInfo.processInfo.environment["RNNLAB_E2E_SEED"].flatMap(Int.init)
            ?? Int.random(in: 10_000...999_999)
        let input = try Python.run("make_fixtures.py", ["--random", String(seed)])
        let cell = ((try? parseJSON(input, what: "the random input")) as? [String: Any])?["cell"] as? String ?? "?"
        let expected = try Python.run("probe_reference.py", ["-"], stdin: input)
        let result = try Rnnlab.run(["probe", "-"], stdin: input)
        #expect(result.status == 0, "rnnlab probe exited with \(result.status): \(result.stderrText)")
        #expect(result.stderrText.isEmpty)
        try checkProbeOutput("\(cell) (live, RNNLAB_E2E_SEED=\(seed))", got: result.stdout, expected: expected)
    }

    @Test("the numpy reference's gradients match central differences (its --self-check)")
    func referenceSelfCheck() throws {
        let out = try Python.run("probe_reference.py", ["--self-check"])
        print(String(decoding: out, as: UTF8.self), terminator: "")
    }
}

@Test("rnnlab probe reads every input number to the nearest double: a 1×1 W_hh comes back digit for digit as its singular value",
      arguments: ["0.41264963310326697", "-0.47409149997780875", "0.2387712973711857", "5e-324", "1.7976931348623157e+308"])
func probeReadsNumbersExactly(_ text: String) throws {
    // Foundation's JSONSerialization on Linux read the first three one unit in the last place off.
    let input = #"{"format":"rnnlab-probe/1","cell":"tanh","input_size":1,"hidden_size":1,"#
        + #""weights":{"W_xh":[[0]],"W_hh":[[\#(text)]],"b_h":[0]},"x":[[[0]]],"dh":[[[0]]]}"#
    let result = try Rnnlab.run(["probe", "-"], stdin: Data(input.utf8))
    #expect(result.status == 0, "\(result.stderrText)")
    let magnitude = text.hasPrefix("-") ? String(text.dropFirst()) : text
    #expect(result.stdoutText.contains(#""singular_values":{"W_hh":[\#(magnitude)]}"#), "\(result.stdoutText)")
}
