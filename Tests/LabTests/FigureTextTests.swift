import Diagrams
import Foundation
import Plotting
import QuickRuns
import Testing
@testable import Lab

// `--lang ko` (issue #17): every text a figure or diagram of any experiment shows has its Korean
// row in that experiment's table, so a Korean figure leaves no English word behind; and a row's
// `{}` carries the varying parts across.

/// Latin-script words allowed to stay in a Korean figure: symbols and names a Korean textbook
/// writes in Latin letters too (cell names, functions, units of the lab's own notation, authors,
/// file names).
private let keptWords: Set<String> = [
    "RNN", "RNNs", "LSTM", "GRU", "IRNN", "ReLU", "tanh", "BPTT", "SGD", "MSE", "DLFS", "max", "min", "log", "diag", "exp",
    "Pascanu", "Mikolov", "Bengio", "Hochreiter", "Schmidhuber", "Glorot", "Saxe", "Jozefowicz", "Gers", "Cho", "Karpathy",
    "rnnlab", "txt", "nan", "inf",
    // Proper names: the authors of Kneser–Ney smoothing, of the Lyapunov spectra (Engelken et al.),
    // of the Xavier initialisation (Xavier Glorot), and the PyTorch library.
    "Kneser", "Ney", "Engelken", "Xavier", "PyTorch",
    // Code identifiers the rnn-diagrams figure names (CellParameters.parameterCount).
    "CellParameters", "parameterCount",
]

/// The words of three or more Latin letters in `text` that are not kept as symbols.
private func englishWords(_ text: String) -> [String] {
    let ns = text as NSString
    let regex = try! NSRegularExpression(pattern: "[A-Za-z]{3,}")
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
        .filter { !keptWords.contains($0) }
}

extension ExperimentKind {
    /// Every text the quick run of this kind draws (figures and diagrams) and, where a full run
    /// is committed, its figures' texts too.
    static func drawnTexts() throws -> [String] {
        let run = try QuickRuns.run(Self.self)
        let settings: Settings = try Runner(paths: LabPaths(root: QuickRuns.root), log: { _ in }, interactive: false)
            .load(name, quick: true).1.settings()
        var out: [String] = run.figures.flatMap(\.texts)
        for diagram in diagrams(run.result, settings: settings).values { out += diagram.texts }
        let committed = QuickRuns.root.appendingPathComponent("plots/\(name)")
        for file in (try? FileManager.default.contentsOfDirectory(atPath: committed.path)) ?? [] where file.hasSuffix(".figure.json") {
            out += try SavedFigure.load(String(file.dropLast(".figure.json".count)), in: committed).texts
        }
        return out
    }
}

@Test("every text of every experiment's figures and diagrams has a Korean row: no English word is left in a Korean figure",
      arguments: Catalogue.kinds.map { $0.name })
func everyFigureTextHasKorean(kind name: String) throws {
    let kind = try #require(Catalogue.kinds.first { $0.name == name })
    let translate = Localization.translator(for: name, language: .korean)
    var untranslated: [String] = []
    for text in Set(try kind.drawnTexts()).sorted() {
        let korean = translate(text)
        if !englishWords(korean).isEmpty { untranslated.append("\(text)  →  \(korean)") }
    }
    #expect(untranslated.isEmpty, "\(name): \(untranslated.count) texts keep English words:\n\(untranslated.joined(separator: "\n"))")
}

@Test("a translation row's {} parts are carried across, in order or by number ({2}), and are themselves translated")
func patternRowsCarryTheirParts() {
    let t = Translation([("forget bias {}", "망각 게이트 편향 {}"), ("{} against {}", "{2}에 대한 {1}"), ("time step t", "시간 단계 t"),
                         ("T = {}, seed {}", "T = {}, 시드 {}")])
    #expect(t("forget bias 1") == "망각 게이트 편향 1")
    #expect(t("‖∂L/∂h_t‖ against time step t") == "시간 단계 t에 대한 ‖∂L/∂h_t‖")
    #expect(t("T = 150, seed 3") == "T = 150, 시드 3")
    #expect(Translation([("{} of {}", "{}의 {}")])("norm of time step t") == "norm의 time step t", "plain {} keep the English order")
    #expect(t.lookUp("no row") == nil && t("no row") == "no row")
    #expect(Localization.translator(for: "edge-of-chaos", language: .english)("gain g") == "gain g")
}
