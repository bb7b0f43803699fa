import Foundation
import Testing

// Figures in Korean (issue #17 point 3): `--lang ko`, or `lang = "ko"` in a file, draws the
// titles, axis labels and legends from the experiment's Korean table into plots/ko/ (plots/quick/ko/
// with --quick); the numbers are the English run's. An identical English run is drawn again from
// its saved figures instead of computed.

/// The text of every <text> element of an SVG, joined.
private func svgText(_ data: Data) -> String {
    let svg = String(decoding: data, as: UTF8.self)
    var out = "", rest = svg[...]
    while let open = rest.range(of: "<text") {
        guard let close = rest[open.upperBound...].range(of: "</text>") else { break }
        let element = rest[open.upperBound..<close.lowerBound]
        var inTag = true
        for c in element { if c == ">" { inTag = false } else if c == "<" { inTag = true } else if !inTag { out.append(c) } }
        out += "\n"
        rest = rest[close.upperBound...]
    }
    return out
}

private func isHangul(_ c: Character) -> Bool { c.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }

@Suite("figures in Korean", .serialized)
struct LanguageTests {
    /// A scratch lab that sees the repository's sources, so runs have fingerprints.
    func lab() throws -> ScratchLab {
        let lab = try ScratchLab()
        try FileManager.default.createSymbolicLink(at: lab.root.appendingPathComponent("Sources"),
                                                   withDestinationURL: Rnnlab.packageRoot.appendingPathComponent("Sources"))
        return lab
    }

    @Test("ngram-vs-rnn-lm --quick --lang ko draws Korean titles, labels and legends as text in the SVG, from the English run's data without computing it again")
    func koreanFiguresFromTheEnglishRun() throws {
        let lab = try lab()
        defer { lab.remove() }
        try lab.copyQuickRun("ngram-vs-rnn-lm")
        let english = try JSONSerialization.jsonObject(with: try lab.read("ngram-vs-rnn-lm", "manifest.json")) as? [String: Any]
        let r = try lab.run(["run", "ngram-vs-rnn-lm", "--quick", "--lang", "ko", "--format", "png,svg"])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stderrText.contains("drawn again in ko"), "the English run is reused, not computed: \(r.stderrText)")
        let folder = lab.plots.appendingPathComponent("quick/ko/ngram-vs-rnn-lm")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let svgs = files.filter { $0.hasSuffix(".svg") }
        #expect(!svgs.isEmpty && svgs.count == files.filter { $0.hasSuffix(".png") }.count, "\(files)")
        for svg in svgs {
            let text = svgText(try Data(contentsOf: folder.appendingPathComponent(svg)))
            #expect(text.filter(isHangul).count > 20, "\(svg) shows Korean text: \(text.prefix(300))")
        }
        let korean = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(korean?["language"] as? String == "ko")
        let same: Bool = NSDictionary(dictionary: korean?["results"] as? [String: Any] ?? [:])
            .isEqual(to: english?["results"] as? [String: Any] ?? ["": 0])
        #expect(same, "the same numbers in both languages")
        #expect(!lab.files("ngram-vs-rnn-lm").contains { $0.hasPrefix(".") })
    }

    @Test("lang = \"ko\" in a file draws its figures in Korean; an unknown language is refused with the file, line and key")
    func languageInTheFile() throws {
        let lab = try lab()
        defer { lab.remove() }
        let base = try String(contentsOf: lab.experiments.appendingPathComponent("backprop-through-whh.toml"), encoding: .utf8)
        let variant = base.replacingOccurrences(of: "version = 1  # experiment file format\n", with: "version = 1\nkind = \"backprop-through-whh\"\nlang = \"ko\"\n")
        #expect(variant != base)
        try Data(variant.utf8).write(to: lab.experiments.appendingPathComponent("zz-korean.toml"))
        let r = try lab.run(["run", "zz-korean", "--quick"])
        #expect(r.status == 0, "\(r.stderrText)")
        let model = try String(decoding: Data(contentsOf: lab.plots.appendingPathComponent("quick/ko/zz-korean/norms.figure.json")), as: UTF8.self)
        #expect(model.contains(where: isHangul))
        let line = variant.components(separatedBy: "\n").firstIndex(of: "lang = \"ko\"")! + 1
        try Data(variant.replacingOccurrences(of: "lang = \"ko\"", with: "lang = \"fr\"").utf8)
            .write(to: lab.experiments.appendingPathComponent("zz-korean.toml"))
        let bad = try lab.run(["run", "zz-korean", "--quick"])
        #expect(bad.status == 2 && bad.stderrText.contains("experiments/zz-korean.toml:\(line): lang: expected one of 'en', 'ko'"), "\(bad.stderrText)")
    }

    @Test("rnnlab plot NAME --lang ko draws the saved run again in Korean into plots/ko/NAME, and refuses a run with diagrams")
    func plotInKorean() throws {
        let lab = try lab()
        defer { lab.remove() }
        try lab.copyQuickRun("backprop-through-whh")
        try lab.copyQuickRun("rnn-diagrams")
        let r = try lab.run(["plot", "backprop-through-whh", "--quick", "--lang", "ko"])
        #expect(r.status == 0, "\(r.stderrText)")
        let model = try String(decoding: Data(contentsOf: lab.plots.appendingPathComponent("quick/ko/backprop-through-whh/norms.figure.json")), as: UTF8.self)
        #expect(model.contains(where: isHangul))
        let diagrams = try lab.run(["plot", "rnn-diagrams", "--quick", "--lang", "ko"])
        #expect(diagrams.status == 2 && diagrams.stderrText.contains("rnnlab run rnn-diagrams --lang ko"), "\(diagrams.stderrText)")
    }
}
