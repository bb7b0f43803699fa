import Foundation
import Testing
@testable import Lab

// The Korean book's "이 그림을 읽는 법" (issue #16): every experiment's title and description have
// their Korean text, which keeps every number of the English one and adds none, so that a number
// changed in an experiment file cannot leave a stale translation behind unnoticed.

/// The numbers a text writes: decimal numbers (`0.1767`, `4.2553`, the `256` of `sha256`) and
/// runs of superscript or subscript digits (`10⁻³`, `log₂`), each as written.
func writtenNumbers(_ text: String) -> Set<String> {
    let ns = text as NSString
    let regex = try! NSRegularExpression(pattern: "[0-9]+(?:\\.[0-9]+)?|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[₀₁₂₃₄₅₆₇₈₉]+")
    return Set(regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) })
}

@Test("every experiment has a Korean title and description whose numbers are exactly its English ones",
      arguments: Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false).availableNames())
func koreanTitleAndDescription(name: String) throws {
    let (_, file) = try Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false).load(name)
    for (what, english, korean) in [("title", file.title, Localization.title(of: name, language: .korean)),
                                    ("description", file.description, Localization.description(of: name, language: .korean))] {
        let korean = try #require(korean, "\(name) has no Korean \(what)")
        let numbers = writtenNumbers(english), translated = writtenNumbers(korean)
        #expect(numbers == translated,
                "\(name) \(what): numbers only in English \(numbers.subtracting(translated).sorted()), only in Korean \(translated.subtracting(numbers).sorted())")
        #expect(korean.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(name): no Hangul in its Korean \(what)")
        #expect(!korean.contains("\n"), "\(name): a \(what) is one line")
    }
    #expect(Localization.title(of: name, language: .english) == nil && Localization.description(of: name, language: .english) == nil,
            "English is the file's own text")
}

@Test("a copy naming its kind reads in Korean while its title and description are the kind's; an edited text reads as written")
func copyOfAKindTakesItsTranslation() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-copy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("experiments/irnn-adding.toml"), encoding: .utf8)
    try Data(shipped.utf8).write(to: dir.appendingPathComponent("irnn-adding.toml"))
    let registry = Dictionary(uniqueKeysWithValues: Catalogue.experiments.map { ($0.name, $0.schema) })
    let copy = dir.appendingPathComponent("my-copy.toml")
    func texts(_ source: String) throws -> (title: String, description: String) {
        try Data(source.utf8).write(to: copy)
        return Localization.texts(of: try loadExperiment(at: copy, registry: registry), language: .korean)
    }
    let koreanTitle = try #require(Localization.title(of: "irnn-adding", language: .korean))
    let koreanDescription = try #require(Localization.description(of: "irnn-adding", language: .korean))
    let kind = "version = 1\nkind = \"irnn-adding\"\n"
    let copied = shipped.replacingOccurrences(of: "version = 1  # experiment file format\n", with: kind)
    #expect(copied != shipped)

    let unchanged = try texts(copied)
    #expect(unchanged.title == koreanTitle && unchanged.description == koreanDescription)
    let inherited = try texts(kind + "\n[parameters]\nhidden = 50\n")
    #expect(inherited.title == koreanTitle && inherited.description == koreanDescription, "texts left out are the kind's")
    let rewrapped = try texts(copied.replacingOccurrences(of: "marker that is 1 at two \\\nplaces", with: "marker that is 1\nat two places"))
    #expect(rewrapped.description == koreanDescription, "a line broken elsewhere is the same text")

    let edited = try texts(copied.replacingOccurrences(of: "A model below the line", with: "A model under the line"))
    #expect(edited.title == koreanTitle)
    #expect(edited.description.contains("A model under the line") && !edited.description.contains("\n"))
    let retitled = try texts(copied.replacingOccurrences(of: "title = \"The adding problem:", with: "title = \"My adding problem:"))
    #expect(retitled.title == "My adding problem: IRNN against tanh, ReLU, LSTM and GRU" && retitled.description == koreanDescription)
    #expect(Localization.texts(of: try loadExperiment(at: copy, registry: registry), language: .english).title == retitled.title)
}

@Test("the Korean tables hold no description or title for an experiment that does not exist")
func noStrayDescriptions() {
    let names = Set(Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false).availableNames())
    #expect(Set(Korean.descriptions.keys).subtracting(names).isEmpty)
    #expect(Set(Korean.titles.keys).subtracting(names).isEmpty)
    #expect(writtenNumbers("ln V nats (log₂ V), 10⁻³ at T = 100, sha256, 2 000") == ["₂", "10", "³", "100", "256", "2", "000"])
}
