import Foundation
import LinearAlgebra
import Recurrence
import Testing
@testable import GradientProbe

/// The error `ProbeInput(json:)` throws for `text`, or nil when it accepts it.
private func probeError(_ text: String) -> ProbeInputError? {
    do { _ = try ProbeInput(json: Data(text.utf8)); return nil } catch let e as ProbeInputError { return e } catch {
        Issue.record("threw \(type(of: error)), not a ProbeInputError: \(error)")
        return nil
    }
}

/// A tanh input with the given sizes and every array given at `shape` (H×D etc. by default).
private func tanhInput(D: Int = 1, H: Int = 2, declaredH: Int? = nil, B: Int = 1, T: Int = 1, extra: String = "") -> String {
    func list(_ n: Int, _ item: String) -> String { "[" + Array(repeating: item, count: n).joined(separator: ",") + "]" }
    let row = list(D, "0"), hrow = list(H, "0")
    return #"{"format":"rnnlab-probe/1","cell":"tanh","input_size":\#(D),"hidden_size":\#(declaredH ?? H),"#
        + #""weights":{"W_xh":\#(list(H, row)),"W_hh":\#(list(H, hrow)),"b_h":\#(hrow)},"#
        + #""x":\#(list(B, list(T, row))),"dh":\#(list(B, list(T, hrow)))\#(extra)}"#
}

@Test("the probe rejects a weight of the wrong shape naming the field")
func probeNamesMisshapenWeight() {
    let json = """
    {"format":"rnnlab-probe/1","cell":"tanh","input_size":1,"hidden_size":2,
     "weights":{"W_xh":[[1],[2]],"W_hh":[[1,0]],"b_h":[0,0]},
     "x":[[[1]]],"dh":[[[1,1]]]}
    """
    #expect(probeError(json) == ProbeInputError(field: "weights.W_hh", message: "expected 2×2, got 1×2"))
}

@Test("a valid input decodes into the matrices BPTT takes: x and dh as N×TB with column t·B + b, h0 as H×B")
func decodesLayout() throws {
    let text = #"{"format":"rnnlab-probe/1","cell":"tanh","input_size":2,"hidden_size":1,"#
        + #""weights":{"W_xh":[[1,2]],"W_hh":[[3]],"b_h":[4]},"#
        + #""x":[[[1,2],[3,4]],[[5,6],[7,8]]],"h0":[[9],[10]],"dh":[[[1],[2]],[[3],[4]]]}"#
    let input = try ProbeInput(json: Data(text.utf8))
    #expect(input.batch == 2 && input.steps == 2)
    #expect(input.x == Matrix(rowList: [[1, 5, 3, 7], [2, 6, 4, 8]]))
    #expect(input.dh == Matrix(rowList: [[1, 3, 2, 4]]))
    #expect(input.h0 == Matrix(rowList: [[9, 10]]))
    #expect(input.parameters["W_xh"] == Matrix(rowList: [[1, 2]]) && input.parameters["b_h"] == Matrix(column: [4]))
}

/// A declared size or a list length beyond its limit, and the message naming the limit.
struct OverLimit: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let error: ProbeInputError
    var testDescription: String { name }
}

let overLimits: [OverLimit] = [
    OverLimit(name: "hidden_size 100000 with 2×2 arrays", text: tanhInput(H: 2, declaredH: 100_000),
              error: ProbeInputError(field: "hidden_size", message: "100000 exceeds the limit \(ProbeLimits.maximumHiddenSize)")),
    OverLimit(name: "hidden_size 1000000", text: tanhInput(declaredH: 1_000_000),
              error: ProbeInputError(field: "hidden_size", message: "1000000 exceeds the limit \(ProbeLimits.maximumHiddenSize)")),
    OverLimit(name: "hidden_size 1e300", text: tanhInput().replacingOccurrences(of: #""hidden_size":2"#, with: #""hidden_size":1e300"#),
              error: ProbeInputError(field: "hidden_size", message: "1e+300 exceeds the limit \(ProbeLimits.maximumHiddenSize)")),
    OverLimit(name: "input_size beyond the limit", text: tanhInput().replacingOccurrences(of: #""input_size":1"#, with: #""input_size":5000"#),
              error: ProbeInputError(field: "input_size", message: "5000 exceeds the limit \(ProbeLimits.maximumInputSize)")),
    OverLimit(name: "a batch beyond the limit", text: tanhInput(B: ProbeLimits.maximumBatch + 1),
              error: ProbeInputError(field: "x", message: "\(ProbeLimits.maximumBatch + 1) batch elements exceed the limit \(ProbeLimits.maximumBatch)")),
    OverLimit(name: "time steps beyond the limit", text: tanhInput(T: ProbeLimits.maximumSteps + 1),
              error: ProbeInputError(field: "x[0]", message: "\(ProbeLimits.maximumSteps + 1) time steps exceed the limit \(ProbeLimits.maximumSteps)")),
    OverLimit(name: "B·T·(D + H) beyond the limit with hidden_size at its limit and a small x",
              text: tanhInput(H: 1, declaredH: ProbeLimits.maximumHiddenSize, B: 4, T: 600),
              error: ProbeInputError(field: "x", message: "B·T·(input_size + hidden_size) = 4·600·(1 + 2048) = 4917600 exceeds the limit \(ProbeLimits.maximumSequenceEntries)")),
]

@Test("a declared size or a list beyond its documented limit is refused, naming the field and the limit", arguments: overLimits)
func sizesBeyondLimits(_ case_: OverLimit) {
    #expect(probeError(case_.text) == case_.error)
}

@Test("a declared size within the limits that the arrays do not have is refused from the arrays, before allocating")
func declaredSizeAgainstArrays() {
    // H = 2048 would allocate 2048×2048 doubles for W_hh alone; the 2×1 W_xh given refutes it first.
    #expect(probeError(tanhInput(H: 2, declaredH: ProbeLimits.maximumHiddenSize))
            == ProbeInputError(field: "weights.W_xh", message: "expected 2048×1, got 2×1"))
}

@Test("an unknown top-level key is refused before its value is read (the value after it is not even JSON)")
func unknownKeyRefusedBeforeItsValue() {
    #expect(probeError(#"{"format":"rnnlab-probe/1","junk":[1,2,,,"#)
            == ProbeInputError(field: "junk", message: "unknown field; expected only c0, cell, dh, format, h0, hidden_size, input_size, weights, x"))
}

@Test("a weight name no cell has is refused before its value is read, even before the cell is known")
func unknownWeightRefusedBeforeItsValue() {
    #expect(probeError(#"{"weights":{"W_zz":[[[,,"#)?.field == "weights.W_zz")
    #expect(probeError(#"{"cell":"gru","weights":{"W_xh":[[[,,"#)
            == ProbeInputError(field: "weights.W_xh", message: "not a weight of the gru cell; expected W_xr, W_xz, W_xn, W_hr, W_hz, W_hn, b_r, b_z, b_n, b_hn"))
}

@Test("a key with control characters is echoed escaped, on one line")
func controlCharactersEscaped() throws {
    let e = try #require(probeError(#"{"\u001b[31mred\nline": 1}"#))
    #expect(e.description == #""\u{1B}[31mred\nline": unknown field; expected only c0, cell, dh, format, h0, hidden_size, input_size, weights, x"#)
}

@Test("a duplicate top-level key is an error naming the key")
func duplicateKey() {
    #expect(probeError(tanhInput(extra: #","dh":[[[0,0]]]"#))?.description.hasPrefix("dh: not JSON: duplicate key (at byte offset ") == true)
}

@Test("a file above the size limit is refused from its size; a device or a stream after the limit plus one byte")
func readingIsBounded() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-probe-size-\(UUID().uuidString).json")
    try Data(repeating: 0x20, count: 11).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: ProbeInputError(field: file.path, message: "11 bytes exceeds the limit 10 bytes (10 bytes)")) {
        _ = try ProbeSource.file(path: file.path).read(limit: 10)
    }
    #expect(try ProbeSource.file(path: file.path).read(limit: 11).count == 11)
    #expect(throws: ProbeInputError(field: "/dev/zero", message: "exceeds the limit 1048576 bytes (1 MiB)")) {
        _ = try ProbeSource.file(path: "/dev/zero").read(limit: 1 << 20)
    }
    #expect(throws: ProbeInputError(field: "/", message: "cannot read the file: is a directory")) {
        _ = try ProbeSource.file(path: "/").read()
    }
}
