import Foundation
import Testing

/// A bad probe input and the one line rnnlab must print for it.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let stdin: Data?
    let message: String
    var testDescription: String { name }

    /// The input goes on standard input (`rnnlab probe -`).
    init(_ name: String, _ text: String, _ message: String) {
        self.name = name; arguments = ["probe", "-"]; stdin = Data(text.utf8); self.message = message
    }

    init(_ name: String, arguments: [String], _ message: String) {
        self.name = name; self.arguments = arguments; stdin = nil; self.message = message
    }
}

/// The tanh fixture (D = 3, H = 4, B = 2, T = 6) as JSON text after `edit`.
private func tanhFixture(_ edit: (inout [String: Any]) -> Void) -> String {
    var object = (try? JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.input("tanh")))) as? [String: Any] ?? [:]
    edit(&object)
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

private func weights(_ o: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
    var w = o["weights"] as! [String: Any]
    edit(&w)
    o["weights"] = w
}

/// A tiny valid tanh input (D = H = B = T = 1) with `value` written in place of W_xh's one entry.
private func tinyInput(wxh value: String) -> String {
    #"{"format":"rnnlab-probe/1","cell":"tanh","input_size":1,"hidden_size":1,"#
        + #""weights":{"W_xh":[["# + value + #"]],"W_hh":[[0.5]],"b_h":[0]},"x":[[[1]]],"dh":[[[1]]]}"#
}


private let missingFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("rnnlab-e2e-no-such-folder/probe.json").path

let badInputs: [BadInput] = [
    BadInput("a weight of the wrong shape",
             tanhFixture { o in weights(&o) { w in w["W_hh"] = (w["W_hh"] as! [[Any]]).map { Array($0.prefix(3)) } } },
             "rnnlab: weights.W_hh: expected 4×4, got 4×3"),
    BadInput("a weight with ragged rows",
             tanhFixture { o in weights(&o) { w in var m = w["W_hh"] as! [[Any]]; m[2].removeLast(); w["W_hh"] = m } },
             "rnnlab: weights.W_hh: expected 4×4, got rows of different lengths (row 0 has 4, row 2 has 3)"),
    BadInput("a bias of the wrong length",
             tanhFixture { o in weights(&o) { w in w["b_h"] = [0.1, 0.2, 0.3] } },
             "rnnlab: weights.b_h: expected 4 numbers, got 3"),
    BadInput("a missing dh", tanhFixture { $0["dh"] = nil },
             "rnnlab: dh: missing; expected 2×6×4 numbers (the upstream gradient)"),
    BadInput("a missing weights.b_h", tanhFixture { o in weights(&o) { $0["b_h"] = nil } },
             "rnnlab: weights.b_h: missing; expected 4 numbers"),
    BadInput("a weight the cell does not have", tanhFixture { o in weights(&o) { $0["W_hy"] = [[1.0]] } },
             "rnnlab: weights.W_hy: not a weight of the tanh cell; expected W_xh, W_hh, b_h"),
    BadInput("a literal NaN token", tinyInput(wxh: "NaN"),
             "rnnlab: weights.W_xh[0][0]: expected a finite number, got NaN (at byte offset 92)"),
    BadInput("a literal Infinity token", tinyInput(wxh: "-Infinity"),
             "rnnlab: weights.W_xh[0][0]: expected a finite number, got -Infinity (at byte offset 92)"),
    BadInput("a number that overflows to infinity (1e999)", tinyInput(wxh: "1e999"),
             "rnnlab: weights.W_xh[0][0]: expected a finite number, got 1e999 (at byte offset 92)"),
    BadInput("a number that overflows to -infinity (-1e999)", tinyInput(wxh: "-1e999"),
             "rnnlab: weights.W_xh[0][0]: expected a finite number, got -1e999 (at byte offset 92)"),
    BadInput("a number given as a string", tinyInput(wxh: "\"0.5\""),
             "rnnlab: weights.W_xh[0][0]: expected a number, got \"0.5\""),
    BadInput("a null number", tinyInput(wxh: "null"),
             "rnnlab: weights.W_xh[0][0]: expected a number, got null"),
    BadInput("an unknown cell", tanhFixture { $0["cell"] = "elman" },
             "rnnlab: cell: expected one of tanh, relu, lstm, gru, got \"elman\""),
    BadInput("not JSON at all", "<probe cell=\"tanh\"/>",
             "rnnlab: not JSON: expected a value, got '<' (at byte offset 0)"),
    BadInput("empty standard input", "",
             "rnnlab: not JSON: the input is empty (at byte offset 0)"),
    BadInput("a list at the top level", "[1, 2, 3]",
             "rnnlab: expected a JSON object at the top level"),
    BadInput("an unknown top-level field", tanhFixture { $0["learning_rate"] = 0.1 },
             "rnnlab: learning_rate: unknown field; expected only c0, cell, dh, format, h0, hidden_size, input_size, weights, x"),
    BadInput("a wrong format string", tanhFixture { $0["format"] = "rnnlab-probe/2" },
             "rnnlab: format: expected \"rnnlab-probe/1\", got \"rnnlab-probe/2\""),
    BadInput("a missing format string", tanhFixture { $0["format"] = nil },
             "rnnlab: format: missing; expected \"rnnlab-probe/1\""),
    BadInput("x with ragged time steps", tanhFixture { o in var x = o["x"] as! [[Any]]; x[1].removeLast(); o["x"] = x },
             "rnnlab: x[1]: expected 6 time steps, got 5"),
    BadInput("x with the wrong input size", tanhFixture { o in
                 var x = o["x"] as! [[[Any]]]; x[1][2].removeLast(); o["x"] = x },
             "rnnlab: x[1][2]: expected 3 numbers (input_size), got 2"),
    BadInput("dh with ragged time steps", tanhFixture { o in var d = o["dh"] as! [[Any]]; d[0].removeLast(); o["dh"] = d },
             "rnnlab: dh[0]: expected 6 time steps, got 5"),
    BadInput("h0 for the wrong batch size", tanhFixture { o in o["h0"] = Array((o["h0"] as! [Any]).prefix(1)) },
             "rnnlab: h0: expected 2×4, got 1×4"),
    BadInput("c0 for a cell without a cell state", tanhFixture { $0["c0"] = $0["h0"] },
             "rnnlab: c0: only the lstm cell has a cell state"),
    BadInput("a non-integer input_size", tanhFixture { $0["input_size"] = 2.5 },
             "rnnlab: input_size: expected a positive integer, got 2.5"),
    BadInput("a ReLU net whose hidden state overflows",
             tanhFixture { o in o["cell"] = "relu"; weights(&o) { $0["W_hh"] = Array(repeating: Array(repeating: 1e200, count: 4), count: 4) } },
             "rnnlab: the result is not finite (overflow in the forward or backward pass)"),
    BadInput("a missing file path", arguments: ["probe", missingFile],
             "rnnlab: \(missingFile): cannot read the file: no such file or directory"),
]

@Test("a bad probe input prints one exact line on standard error, exits 2 and prints nothing on standard output",
      arguments: badInputs)
func badInputIsRejected(_ bad: BadInput) throws {
    let result = try Rnnlab.run(bad.arguments, stdin: bad.stdin)
    #expect(result.status == 2, "\(bad.name): exit status \(result.status)")
    #expect(result.stderrText == bad.message + "\n", "\(bad.name): standard error was \(result.stderrText.debugDescription)")
    #expect(result.stdout.isEmpty, "\(bad.name): standard output was \(result.stdoutText.prefix(200).debugDescription)")
}

@Test("a bad input given by path gets the same message as on standard input")
func badInputByPath() throws {
    let text = tanhFixture { o in weights(&o) { w in w["W_hh"] = (w["W_hh"] as! [[Any]]).map { Array($0.prefix(3)) } } }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-e2e-\(UUID().uuidString).json")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try Rnnlab.run(["probe", file.path])
    #expect(result.status == 2)
    #expect(result.stderrText == "rnnlab: weights.W_hh: expected 4×4, got 4×3\n")
    #expect(result.stdout.isEmpty)
}
