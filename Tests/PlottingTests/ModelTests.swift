import Foundation
import Testing
@testable import Plotting

@Suite("Figure model and text")
struct ModelTests {
    @Test("A quote, newline, @ and backquote become double-quoted octal escapes between single-quoted pieces")
    func quoting() {
        #expect(GnuplotText.literal("it's") == #"'it'."\047".'s'"#)
        #expect(GnuplotText.literal("") == "''")
        #expect(GnuplotText.literal("'") == #""\047""#)
        #expect(GnuplotText.literal("a\nb") == #"'a'."\n".'b'"#)
        #expect(GnuplotText.literal("@x `ls`") == #""\100".'x '."\140".'ls'."\140""#)
        #expect(GnuplotText.literal(#"C:\dir\"#) == #"'C:\dir\'"#)
    }

    @Test("Quoted text never puts a backquote, @, raw newline or control character into the script", arguments: HostileStrings.all)
    func quotedTextIsInert(_ text: String) {
        let literal = GnuplotText.literal(text)
        #expect(!literal.contains("`") && !literal.contains("@"))
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!literal.hasPrefix("''") || literal == "''")
    }

    @Test("Control characters are replaced, newlines kept, tabs become spaces")
    func displayed() {
        #expect(GnuplotText.displayed("a\tb\nc\r\0d\u{7f}\u{85}") == "a b\nc\u{FFFD}\u{FFFD}d\u{FFFD}\u{FFFD}")
        #expect(GnuplotText.displayed("σ_max ≈ ‖∂L/∂h_t‖") == "σ_max ≈ ‖∂L/∂h_t‖")
    }

    @Test("Numbers are written so they read back as the same double")
    func numbersRoundTrip() {
        let values: [Double] = [0, -0.0, 0.1, 0.1 + 0.2, 1e-300, 5e-324, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                -123456789.123456789, 1 / 3, 6.02214076e23, .pi, 1e16, 123]
        for v in values {
            let text = GnuplotText.number(v)
            #expect(Double(text)?.bitPattern == v.bitPattern, "\(v) written as \(text)")
        }
        #expect(GnuplotText.number(.nan) == "nan" && GnuplotText.number(-.nan) == "nan")
        #expect(GnuplotText.number(.infinity) == "inf" && GnuplotText.number(-.infinity) == "-inf")
        #expect(Double("inf") == .infinity && Double("-inf") == -.infinity && Double("nan")!.isNaN)
    }

    @Test("Output formats parse from a comma-separated list; unknown ones are named")
    func formats() throws {
        #expect(try OutputFormat.parseList("png,svg") == [.png, .svg])
        #expect(try OutputFormat.parseList(" PDF , png,pdf") == [.pdf, .png])
        #expect(throws: PlotError.unknownFormat("gif")) { try OutputFormat.parseList("png,gif") }
        #expect(PlotError.unknownFormat("gif").description.contains("png, svg or pdf"))
    }

    @Test("A figure name must be a slug", arguments: ["", "A", "-x", "../etc", "|touch x", "<x", "a b", "a/b", "a.png", "ü"])
    func badNames(_ name: String) {
        #expect(!Figure.isValidName(name))
        #expect(throws: PlotError.self) { try GnuplotScript(Figure(name: name, panel: Panel(series: []))) }
    }

    @Test("Slug names are accepted", arguments: ["a", "0", "loss-curves", "fig_2", "x-1_b"])
    func goodNames(_ name: String) { #expect(Figure.isValidName(name)) }

    @Test("Mismatched lengths name the panel, series and arrays")
    func mismatchedLengths() {
        let figure = Figure(name: "bad", panel: Panel(series: [.lines("loss", x: [1, 2, 3], y: [1, 2])]))
        #expect(throws: PlotError.invalidFigure(name: "bad", problem: "panel 1, series 1 'loss': x has 3 values but y has 2")) {
            try GnuplotScript(figure)
        }
    }

    @Test("A log range through zero is refused")
    func logRange() {
        let figure = Figure(name: "bad", panel: Panel(yScale: .log, yRange: 0...1, series: [.lines("a", x: [1], y: [1])]))
        #expect(throws: PlotError.self) { try GnuplotScript(figure) }
    }

    @Test("An entirely non-finite series becomes a '(diverged)' key entry and draws nothing")
    func divergedEntry() throws {
        let figure = Figure(name: "d", panel: Panel(series: [.lines("RNN", x: [1, 2], y: [.nan, .infinity])]))
        let r = try GnuplotScript(figure)
        #expect(r.script.contains("keyentry with lines") && r.script.contains("'RNN (diverged)'"))
        #expect(r.script.contains("NaN notitle") && r.script.contains("set xrange [0:1]"))
        #expect(r.data.contains("1.0\tnan\n2.0\tinf\n"))
    }

    @Test("Values ≤ 0 on a log axis are counted in a note under the panel title")
    func logNote() throws {
        let figure = Figure(name: "l", panel: Panel(title: "norm", yScale: .log, series: [.lines("g", x: [1, 2, 3, 4], y: [1, 0, -2, 4])]))
        let r = try GnuplotScript(figure)
        #expect(r.notes == ["panel 1: log y axis: 2 values ≤ 0 left out"])
        #expect(r.script.contains(#"set title 'norm'."\n".'(log y axis: 2 values ≤ 0 left out)' noenhanced"#))
        #expect(r.script.contains("set format y tenpower") && r.script.contains("'10^{%L}'"))
    }

    @Test("A histogram in density units has area one")
    func histogramArea() {
        let samples = (0..<1000).map { sin(Double($0)) }
        let h = Series.histogram("s", samples: samples + [.nan], bins: 17)
        guard case let .histogram(width) = h.mark else { Issue.record("not a histogram"); return }
        #expect(abs(h.y.reduce(0, +) * width - 1) < 1e-12)
        #expect(h.label == "s (1 non-finite left out)")
    }

    @Test("Figures survive a JSON round trip, non-finite values written as strings")
    func codable() throws {
        let encoder = JSONEncoder(), decoder = JSONDecoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        for figure in Samples.all {
            let json = try encoder.encode(figure)
            let back = try decoder.decode(Figure.self, from: json)
            #expect(try GnuplotScript(back) == GnuplotScript(figure))
        }
    }
}
