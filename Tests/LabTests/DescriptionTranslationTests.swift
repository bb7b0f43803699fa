import Foundation
import Testing
@testable import Lab

// The Korean book's "이 그림을 읽는 법" (issue #16): every experiment's description has its Korean
// text, which keeps every number of the English one and adds none, so that a number changed in
// an experiment file cannot leave a stale translation behind unnoticed.

/// The numbers a text writes: decimal numbers (`0.1767`, `4.2553`, the `256` of `sha256`) and
/// runs of superscript or subscript digits (`10⁻³`, `log₂`), each as written.
func writtenNumbers(_ text: String) -> Set<String> {
    let ns = text as NSString
    let regex = try! NSRegularExpression(pattern: "[0-9]+(?:\\.[0-9]+)?|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[₀₁₂₃₄₅₆₇₈₉]+")
    return Set(regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) })
}

@Test("every experiment has a Korean description whose numbers are exactly its English description's",
      arguments: Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false).availableNames())
func koreanDescription(name: String) throws {
    let (_, file) = try Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false).load(name)
    let korean = try #require(Localization.description(of: name, language: .korean), "\(name) has no Korean description")
    let english = writtenNumbers(file.description), translated = writtenNumbers(korean)
    #expect(english == translated,
            "\(name): numbers only in English \(english.subtracting(translated).sorted()), only in Korean \(translated.subtracting(english).sorted())")
    #expect(korean.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(name): no Hangul in its Korean description")
    #expect(!korean.contains("\n"), "a description is one paragraph")
    #expect(Localization.description(of: name, language: .english) == nil, "English is the file's own text")
}

@Test("the Korean table holds no description for an experiment that does not exist")
func noStrayDescriptions() {
    let names = Set(Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false).availableNames())
    #expect(Set(Korean.descriptions.keys).subtracting(names).isEmpty)
    #expect(writtenNumbers("ln V nats (log₂ V), 10⁻³ at T = 100, sha256, 2 000") == ["₂", "10", "³", "100", "256", "2", "000"])
}
