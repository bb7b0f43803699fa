import Foundation
import Testing
@testable import GradientProbe

/// Parses `text` (given as raw bytes when `bytes` is set) with the probe's depth limit.
private func parse(_ text: String) throws -> JSONNode {
    try parse(bytes: Array(text.utf8))
}

private func parse(bytes: [UInt8]) throws -> JSONNode {
    try bytes.withUnsafeBytes { try StrictJSONParser(maximumDepth: ProbeLimits.maximumDepth).parse($0) }
}

/// The one-line message the parser gives for `bytes`, or nil when it accepts them.
private func refusal(_ bytes: [UInt8]) -> String? {
    do { _ = try parse(bytes: bytes); return nil } catch { return "\(error)" }
}

private func refusal(_ text: String) -> String? { refusal(Array(text.utf8)) }

/// A text the parser must refuse and the exact message it must give.
struct Refused: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let message: String
    var testDescription: String { name }
    init(_ name: String, _ text: String, _ message: String) { self.init(name, bytes: Array(text.utf8), message) }
    init(_ name: String, bytes: [UInt8], _ message: String) { self.name = name; self.bytes = bytes; self.message = message }
}

let refusedTexts: [Refused] = [
    Refused("a trailing comma in a list", "[1, 2,]", "not JSON: a trailing comma before ']' (at byte offset 5)"),
    Refused("a trailing comma in an object", #"{"a": 1,}"#, "not JSON: a trailing comma before '}' (at byte offset 7)"),
    Refused("a trailing comma in a nested list", #"{"x": [[1], [2,]]}"#, "x[1]: not JSON: a trailing comma before ']' (at byte offset 14)"),
    Refused("a duplicate key", #"{"dh": 1, "dh": 2}"#, "dh: not JSON: duplicate key (at byte offset 10)"),
    Refused("a duplicate key among many (past the linear scan)",
            "{" + (0..<20).map { "\"k\($0)\": 0" }.joined(separator: ", ") + ", \"k3\": 1}",
            "k3: not JSON: duplicate key (at byte offset 191)"),
    Refused("a UTF-8 byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8),
            "not JSON: a UTF-8 byte order mark (EF BB BF) at the start; write UTF-8 without one (at byte offset 0)"),
    Refused("UTF-16LE with a byte order mark", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00],
            "not JSON: a UTF-16 or UTF-32 byte order mark at the start; only UTF-8 is read (at byte offset 0)"),
    Refused("UTF-16BE without a byte order mark", bytes: [0x00, 0x7B, 0x00, 0x7D],
            "not JSON: a NUL byte in the first two; the text looks like UTF-16 or UTF-32, only UTF-8 is read (at byte offset 0)"),
    Refused("UTF-16LE without a byte order mark", bytes: [0x7B, 0x00, 0x7D, 0x00],
            "not JSON: a NUL byte in the first two; the text looks like UTF-16 or UTF-32, only UTF-8 is read (at byte offset 1)"),
    Refused("a number that underflows to 0", "[1e-999]", "[0]: 1e-999 underflows to 0 (the smallest double above 0 is 5e-324) (at byte offset 1)"),
    Refused("a negative number that underflows to 0", "[-2.5e-400]", "[0]: -2.5e-400 underflows to 0 (the smallest double above 0 is 5e-324) (at byte offset 1)"),
    Refused("a number below half the smallest subnormal", "[2e-324]", "[0]: 2e-324 underflows to 0 (the smallest double above 0 is 5e-324) (at byte offset 1)"),
    Refused("a number that overflows", "[1e999]", "[0]: expected a finite number, got 1e999 (at byte offset 1)"),
    Refused("NaN", "[NaN]", "[0]: expected a finite number, got NaN (at byte offset 1)"),
    Refused("-Infinity", "[-Infinity]", "[0]: expected a finite number, got -Infinity (at byte offset 1)"),
    Refused("a leading zero", "[012]", "[0]: not JSON: a malformed number 012 (at byte offset 1)"),
    Refused("a leading plus", "[+1]", "[0]: not JSON: expected a value, got +1 (at byte offset 1)"),
    Refused("a bare fraction", "[.5]", "[0]: not JSON: expected a value, got .5 (at byte offset 1)"),
    Refused("a trailing decimal point", "[1.]", "[0]: not JSON: a malformed number 1. (at byte offset 1)"),
    Refused("a hexadecimal number", "[0x1F]", "[0]: not JSON: a malformed number 0x1F (at byte offset 1)"),
    Refused("single quotes", "['a']", "[0]: not JSON: expected a value, got ''' (at byte offset 1)"),
    Refused("a comment", "[1] // one", "not JSON: '/' after the top-level value (at byte offset 4)"),
    Refused("two top-level values", "{} {}", "not JSON: '{' after the top-level value (at byte offset 3)"),
    Refused("empty input", "", "not JSON: the input is empty (at byte offset 0)"),
    Refused("only whitespace", " \n\t", "not JSON: no value, only whitespace (at byte offset 3)"),
    Refused("a NUL byte", bytes: [0x00], "not JSON: expected a value, got byte 0x00 (at byte offset 0)"),
    Refused("an unclosed list", "[1, 2", "not JSON: the input ends inside a list that opened at byte offset 0 (at byte offset 5)"),
    Refused("an unclosed string", #"{"cell": "tanh"#, "cell: not JSON: the input ends inside a string that opened at byte offset 9 (at byte offset 14)"),
    Refused("a raw newline in a string", "[\"a\nb\"]", "[0]: not JSON: a raw control character (byte 0x0A) inside a string; write it as an escape (at byte offset 3)"),
    Refused("invalid UTF-8 in a string", bytes: Array("[\"a".utf8) + [0xC3, 0x28] + Array("\"]".utf8),
            "[0]: not JSON: invalid UTF-8 (byte 0x28 after byte 0xC3) (at byte offset 4)"),
    Refused("an overlong UTF-8 encoding", bytes: Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8),
            "[0]: not JSON: invalid UTF-8 (byte 0xC0) (at byte offset 2)"),
    Refused("a UTF-8 encoded surrogate", bytes: Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8),
            "[0]: not JSON: invalid UTF-8 (byte 0xA0 after byte 0xED) (at byte offset 3)"),
    Refused("a non-ASCII byte outside strings", bytes: [0x5B, 0xC3, 0xA9, 0x5D], "[0]: not JSON: expected a value, got byte 0xC3 (at byte offset 1)"),
    Refused("an escaped lone high surrogate", #"["\uD83D"]"#, "[0]: not JSON: a lone UTF-16 high surrogate \\uD83D (at byte offset 2)"),
    Refused("an escaped lone low surrogate", #"["\uDE00"]"#, "[0]: not JSON: a lone UTF-16 low surrogate \\uDE00 (at byte offset 2)"),
    Refused("an unknown escape", #"["\x41"]"#, "[0]: not JSON: an unknown escape \\x (at byte offset 2)"),
    Refused("nesting deeper than the limit", String(repeating: "[", count: ProbeLimits.maximumDepth + 1),
            String(repeating: "[0]", count: ProbeLimits.maximumDepth) + ": not JSON: nesting deeper than the limit 16 (at byte offset 16)"),
    Refused("a key without quotes", "{a: 1}", "not JSON: expected a key in double quotes, got 'a' (at byte offset 1)"),
    Refused("a missing colon", #"{"a" 1}"#, "not JSON: expected ':' after the key, got '1' (at byte offset 5)"),
    Refused("a missing comma", "[1 2]", "not JSON: expected ',' or ']' after a list element, got '2' (at byte offset 3)"),
    Refused("a misspelt literal", "[tru]", "[0]: not JSON: expected a value, got tru (at byte offset 1)"),
]

@Test("the strict parser refuses what RFC 8259 does not allow, naming the path and the byte offset", arguments: refusedTexts)
func strictParserRefuses(_ refused: Refused) {
    #expect(refusal(refused.bytes) == refused.message)
}

@Test("every refusal is one line, however hostile the text it quotes")
func refusalsAreOneLine() {
    let hostile = ["{\"a\u{1B}[31mb\": 1, \"a\u{1B}[31mb\": 2}", "[\"\u{1B}]0;title\u{7}\" x]", "[\(String(repeating: "9", count: 100))x]"]
    for text in hostile {
        let message = refusal(text).map(MessageText.escaped) ?? "accepted"
        #expect(!message.contains("\n") && !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(message.debugDescription)")
        #expect(message.count < 200, "\(message.count) characters: \(message)")
    }
}

@Test("the strict parser accepts every form RFC 8259 allows and reads numbers to the nearest double")
func strictParserAccepts() throws {
    let text = #" { "s": "a\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00é", "n": [0, -0, 1.5e3, -2E-2, 1e+2, 5e-324, 1.7976931348623157e308], "t": true, "f": false, "z": null, "e": {}, "l": [] } "#
    guard case .object(let members) = try parse(text) else { Issue.record("not an object"); return }
    #expect(members.map(\.key) == ["s", "n", "t", "f", "z", "e", "l"])
    guard case .string(let s) = members[0].value else { Issue.record("s is not a string"); return }
    #expect(s == "a\"\\/\u{8}\u{C}\n\r\té😀é")
    guard case .numbers(let n) = members[1].value else { Issue.record("n is not flat numbers"); return }
    #expect(n.shape == [7])
    #expect(n.values == [0, -0.0, 1500, -0.02, 100, .leastNonzeroMagnitude, 1.7976931348623157e308])
    #expect(n.values[1].sign == .minus)
}

@Test("lists of numbers of one shape are stored flat; ragged or mixed lists keep their elements")
func flatStorage() throws {
    guard case .numbers(let a) = try parse("[[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]]]") else { Issue.record("not flat"); return }
    #expect(a.shape == [2, 3, 2])
    let oneToTwelve: [Double] = (1...12).map { (i: Int) -> Double in Double(i) }
    #expect(a.values == oneToTwelve)
    guard case .numbers(let empty) = try parse("[[], []]") else { Issue.record("not flat"); return }
    #expect(empty.shape == [2, 0])
    guard case .list(let ragged) = try parse("[[1, 2], [3]]") else { Issue.record("a ragged list stored flat"); return }
    #expect(ragged.count == 2)
    guard case .list(let mixed) = try parse("[1, [2]]") else { Issue.record("a mixed list stored flat"); return }
    #expect(mixed.count == 2)
}

@Test("the numbers the parser reads are the doubles Swift reads from the same text")
func numbersRoundTrip() throws {
    var rng = SystemRandomNumberGenerator()
    var samples: [Double] = [0.1, 1 / 3, .pi, 2.2250738585072014e-308, .leastNonzeroMagnitude, 1e308, 123456789012345680]
    for _ in 0..<500 { samples.append(Double(bitPattern: rng.next() & ~(0x7FF << 52) | (UInt64.random(in: 1...0x7FE) << 52))) }
    let text = "[" + samples.map { "\($0)" }.joined(separator: ",") + "]"
    guard case .numbers(let a) = try parse(text) else { Issue.record("not flat"); return }
    #expect(a.values == samples)
}
