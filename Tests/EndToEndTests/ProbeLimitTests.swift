import Foundation
import Testing

// The probe inputs of issue #14 point 1 that the probe before GradientProbe mishandled: it
// allocated before it checked (a 232-byte file aborted asking for 80 GB), read standard input
// without a cap, parsed a value under an unknown key before refusing the key, accepted lenient
// JSON and echoed control characters. Every case of the issue failed on that binary (run them
// against another with RNNLAB_BIN=…); the declared-size-against-arrays case, the deep nesting
// and the long key are guards that it happened to pass.

/// A tiny tanh input (D = 1, H = 2 given) that declares `hidden_size` as `hidden`.
private func declaring(hidden: Int) -> String {
    #"{"format":"rnnlab-probe/1","cell":"tanh","input_size":1,"hidden_size":\#(hidden),"#
        + #""weights":{"W_xh":[[1],[0]],"W_hh":[[1,0],[0,1]],"b_h":[0,0]},"x":[[[1]],[[0]]],"dh":[[[1,0]],[[0,1]]]}"#
}

/// The tanh fixture's text with `edit` applied to it.
private func tanhText(_ edit: (String) -> String) throws -> String {
    edit(String(decoding: try Data(contentsOf: Fixtures.input("tanh")), as: UTF8.self))
}

/// The README example (D = H = 1) with `value` as W_xh's one entry.
private func tiny(wxh value: String) -> String {
    #"{"format":"rnnlab-probe/1","cell":"tanh","input_size":1,"hidden_size":1,"#
        + #""weights":{"W_xh":[["# + value + #"]],"W_hh":[[0.5]],"b_h":[0]},"x":[[[1]]],"dh":[[[1]]]}"#
}

private let limit = 64 << 20   // ProbeLimits.maximumInputBytes, as the binary states it

/// Runs `rnnlab probe` on `text` given by path (a temporary file).
private func probeFile(_ bytes: Data) throws -> CommandResult {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-e2e-\(UUID().uuidString).json")
    try bytes.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try Rnnlab.run(["probe", file.path], timeout: 30)
}

/// Checks the one line on standard error, status 2 and an empty standard output.
private func expectRefusal(_ result: CommandResult, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 2, "exit status \(result.status); standard error: \(result.stderrText.prefix(300))", sourceLocation: sourceLocation)
    #expect(result.stderrText == line + "\n", "standard error was \(result.stderrText.prefix(300).debugDescription)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
}

/// Lenient JSON the Foundation parser accepted, and the strict parser's line for it.
struct LenientJSON: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: Data
    let message: String
    var testDescription: String { name }
}

private func utf16LE(_ s: String) -> Data {
    var d = Data()
    for unit in s.utf16 { d.append(UInt8(unit & 0xFF)); d.append(UInt8(unit >> 8)) }
    return d
}

let lenientJSON: [LenientJSON] = {
    let fixture = (try? tanhText { $0 }) ?? ""
    return [
        LenientJSON(name: "a trailing comma in an object",
                    bytes: Data(tiny(wxh: "1").replacingOccurrences(of: #""b_h":[0]}"#, with: #""b_h":[0],}"#).utf8),
                    message: "rnnlab: weights: not JSON: a trailing comma before '}' (at byte offset 120)"),
        LenientJSON(name: "a trailing comma in a list",
                    bytes: Data(tiny(wxh: "1").replacingOccurrences(of: #""x":[[[1]]]"#, with: #""x":[[[1],]]"#).utf8),
                    message: "rnnlab: x[0]: not JSON: a trailing comma before ']' (at byte offset 131)"),
        LenientJSON(name: "a duplicate key (last wins before)",
                    bytes: Data(tiny(wxh: "1").replacingOccurrences(of: #""dh":[[[1]]]}"#, with: #""dh":[[[1]]],"dh":[[[2]]]}"#).utf8),
                    message: "rnnlab: dh: not JSON: duplicate key (at byte offset 147)"),
        LenientJSON(name: "a UTF-8 byte order mark", bytes: Data([0xEF, 0xBB, 0xBF]) + Data(fixture.utf8),
                    message: "rnnlab: not JSON: a UTF-8 byte order mark (EF BB BF) at the start; write UTF-8 without one (at byte offset 0)"),
        LenientJSON(name: "UTF-16LE with a byte order mark", bytes: Data([0xFF, 0xFE]) + utf16LE(fixture),
                    message: "rnnlab: not JSON: a UTF-16 or UTF-32 byte order mark at the start; only UTF-8 is read (at byte offset 0)"),
        LenientJSON(name: "UTF-16LE without a byte order mark", bytes: utf16LE(fixture),
                    message: "rnnlab: not JSON: a NUL byte in the first two; the text looks like UTF-16 or UTF-32, only UTF-8 is read (at byte offset 1)"),
        LenientJSON(name: "1e-999 (0 before)", bytes: Data(tiny(wxh: "1e-999").utf8),
                    message: "rnnlab: weights.W_xh[0][0]: 1e-999 underflows to 0 (the smallest double above 0 is 5e-324) (at byte offset 92)"),
    ]
}()

// MARK: - Memory and time on the worst inputs under 1 MB

/// An input under 1 MB chosen to be hard on the reader, and whether the probe accepts it.
struct HeavyInput: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let accepted: Bool
    var testDescription: String { name }
}

private let oneMB = 1_000_000

/// `head` + `item` repeated with commas + `tail`, as long as fits under 1 MB.
private func filling(_ head: String, _ item: String, _ tail: String) -> String {
    let n = (oneMB - head.utf8.count - tail.utf8.count - 16) / (item.utf8.count + 1)
    return head + Array(repeating: item, count: n).joined(separator: ",") + tail
}

/// A valid LSTM input with D = 1, H = 16 and B·T = 26·900 time steps of all-ones: the most
/// hidden state that fits in 1 MB, so the most BPTT memory and the largest output.
private func largestLSTM() -> String {
    let H = 16, B = 26, T = 900
    func list(_ n: Int, _ item: String) -> String { "[" + Array(repeating: item, count: n).joined(separator: ",") + "]" }
    var weights: [String] = []
    for g in ["i", "f", "g", "o"] {
        weights.append(#""W_x\#(g)":\#(list(H, "[0.1]"))"#)
        weights.append(#""W_h\#(g)":\#(list(H, list(H, "0.01")))"#)
        weights.append(#""b_\#(g)":\#(list(H, "0"))"#)
    }
    return #"{"format":"rnnlab-probe/1","cell":"lstm","input_size":1,"hidden_size":\#(H),"weights":{\#(weights.joined(separator: ","))},"#
        + #""x":\#(list(B, list(T, "[1]"))),"dh":\#(list(B, list(T, list(H, "1"))))}"#
}

let heavyInputs: [HeavyInput] = [
    HeavyInput(name: "lists of alternating lengths under x (no flat storage)",
               text: filling(#"{"format":"rnnlab-probe/1","cell":"tanh","input_size":1,"hidden_size":2,"x":["#, "[0],[0,0]", "]}"), accepted: false),
    HeavyInput(name: "objects under x", text: filling(#"{"x":["#, #"{"a":0}"#, "]}"), accepted: false),
    HeavyInput(name: "nesting as deep as the file is long", text: String(repeating: "[", count: oneMB - 1), accepted: false),
    HeavyInput(name: "a key of a megabyte", text: #"{""# + String(repeating: "k", count: oneMB - 16) + #"":0}"#, accepted: false),
    HeavyInput(name: "the largest LSTM state that fits", text: largestLSTM(), accepted: true),
]

/// Issue #14 point 1, case by case, against the built binary.
@Suite("rnnlab probe on the inputs that broke it (issue #14)")
struct ProbeLimitTests {
    @Test("a file of a few hundred bytes declaring hidden_size 100000 is refused naming the limit, without allocating the model")
    func hugeDeclaredHiddenSize() throws {
        let text = declaring(hidden: 100_000)
        #expect(text.utf8.count < 300)
        expectRefusal(try Rnnlab.run(["probe", "-"], stdin: Data(text.utf8), timeout: 30),
                      "rnnlab: hidden_size: 100000 exceeds the limit 2048")
    }

    @Test("hidden_size 20000 (3 GB and 4 s before) is refused naming the limit")
    func largeDeclaredHiddenSize() throws {
        expectRefusal(try Rnnlab.run(["probe", "-"], stdin: Data(declaring(hidden: 20_000).utf8), timeout: 30),
                      "rnnlab: hidden_size: 20000 exceeds the limit 2048")
    }

    @Test("a declared hidden_size within the limit that the arrays do not have is refused from the arrays")
    func declaredSizeAgainstArrays() throws {
        expectRefusal(try Rnnlab.run(["probe", "-"], stdin: Data(declaring(hidden: 2048).utf8), timeout: 30),
                      "rnnlab: weights.W_xh: expected 2048×1, got 2×1")
    }

    @Test("rnnlab probe - < /dev/zero stops reading at the size limit and refuses in one line")
    func endlessStandardInput() throws {
        let result = try runCommand(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", #"exec "$0" probe - < /dev/zero"#, try Rnnlab.binary.get().path], timeout: 30)
        expectRefusal(result, "rnnlab: standard input: exceeds the limit \(limit) bytes (64 MiB)")
    }

    @Test("a device given as the probe file (/dev/zero) is read only up to the size limit")
    func endlessDevice() throws {
        expectRefusal(try Rnnlab.run(["probe", "/dev/zero"], timeout: 30), "rnnlab: /dev/zero: exceeds the limit \(limit) bytes (64 MiB)")
    }

    @Test("a file one byte over the size limit is refused from its size, before it is read")
    func fileOverTheLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-e2e-\(UUID().uuidString).json")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(limit + 1))   // sparse: no disk is used
        try handle.close()
        expectRefusal(try Rnnlab.run(["probe", file.path], timeout: 30),
                      "rnnlab: \(file.path): \(limit + 1) bytes exceeds the limit \(limit) bytes (64 MiB)")
    }

    @Test("an unknown key is refused before its value is read: 30 MB of numbers under it, and not even valid JSON after")
    func unknownKeyWithLargeValue() throws {
        var text = Data(#"{"format":"rnnlab-probe/1","junk":["#.utf8)
        text.append(Data(String(repeating: "0,", count: 15 << 20).utf8))   // never parsed
        text.append(Data(",,,".utf8))
        expectRefusal(try probeFile(text),
                      "rnnlab: junk: unknown field; expected only c0, cell, dh, format, h0, hidden_size, input_size, weights, x")
    }

    @Test("lenient JSON is refused: trailing commas, duplicate keys, a BOM, UTF-16, a number that underflows to 0",
          arguments: lenientJSON)
    func lenientJSONRefused(_ lenient: LenientJSON) throws {
        expectRefusal(try Rnnlab.run(["probe", "-"], stdin: lenient.bytes, timeout: 30), lenient.message)
    }

    @Test("a key with terminal escapes and a newline is echoed escaped, on one line")
    func controlCharactersEscaped() throws {
        let text = try tanhText { $0.replacingOccurrences(of: #"{"format""#, with: #"{"\u001b[2J\u001b]0;owned\u0007\nsecond line":1,"format""#) }
        expectRefusal(try Rnnlab.run(["probe", "-"], stdin: Data(text.utf8), timeout: 30),
                      #"rnnlab: "\u{1B}[2J\u{1B}]0;owned\u{7}\nsecond line": unknown field; expected only c0, cell, dh, format, h0, hidden_size, input_size, weights, x"#)
    }

    /// GNU time, which reports a child's peak resident set size.
    static let gnuTime = URL(fileURLWithPath: "/usr/bin/time")

    @Test("an input under 1 MB peaks below 100 MB of memory, and a refused one costs under 1 s of CPU time",
          .enabled(if: FileManager.default.isExecutableFile(atPath: ProbeLimitTests.gnuTime.path), "/usr/bin/time (GNU time) is not installed"),
          arguments: heavyInputs)
    func boundedMemoryAndTime(_ input: HeavyInput) throws {
        #expect(input.text.utf8.count < oneMB)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-e2e-\(UUID().uuidString).json")
        try Data(input.text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runCommand(Self.gnuTime, ["-f", "rss_kb=%M cpu_s=%U+%S", try Rnnlab.binary.get().path, "probe", file.path], timeout: 120)
        let last = result.stderrText.split(separator: "\n").last.map(String.init) ?? ""
        let fields = Dictionary(uniqueKeysWithValues: last.split(separator: " ").compactMap { pair -> (String, String)? in
            let kv = pair.split(separator: "=", maxSplits: 1)
            return kv.count == 2 ? (String(kv[0]), String(kv[1])) : nil
        })
        let rssMB = (fields["rss_kb"].flatMap(Double.init) ?? .infinity) / 1024
        let cpu = fields["cpu_s"].map { $0.split(separator: "+").compactMap { Double($0) }.reduce(0, +) } ?? .infinity
        print("probe \(input.name): \(input.text.utf8.count) bytes, peak RSS \(String(format: "%.1f", rssMB)) MB, CPU \(String(format: "%.2f", cpu)) s, exit \(result.status)")
        #expect(result.status == (input.accepted ? 0 : 2), "\(result.stderrText.prefix(300))")
        #expect(rssMB < 100, "peak RSS \(rssMB) MB")
        if !input.accepted { #expect(cpu < 1, "CPU \(cpu) s to refuse") }
    }
}
