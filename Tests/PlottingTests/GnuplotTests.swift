import Foundation
import Testing
@testable import Plotting

/// Tests that run the real gnuplot (skipped when it is not installed).
@Suite("Drawing with gnuplot", .enabled(if: gnuplotInstalled))
struct GnuplotTests {
    static func simple(_ name: String = "simple", title: String = "A simple figure") -> Figure {
        Figure(name: name, title: title, panel: Panel(xLabel: "t", yLabel: "y", series: [.lines("y = t²", x: [1, 2, 3], y: [1, 4, 9])]))
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("The SVG shows the figure's title")
    func svgTitle() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(Self.simple(title: "Gradient norm ‖∂L/∂h_t‖"), to: folder, formats: [.svg])
        let svg = try Self.read(folder.appendingPathComponent("simple.svg"))
        #expect(svgTexts(svg).contains("Gradient norm ‖∂L/∂h_t‖"))
        #expect(svg.contains("font-family=\"DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif\""))
    }

    @Test("Hangul in a title, axis label and legend is drawn as text: in the SVG as Hangul with a CJK font in the list, in the PDF (and so the PNG, the same cairo path) with glyphs from a Hangul font, not missing-glyph boxes")
    func hangulIsDrawnAsText() throws {
        let folder = try makeTemporaryFolder("hangul")
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = Figure(name: "hangul", title: "기울기 소실: 말뭉치 한국어.txt",
                            panel: Panel(xLabel: "시간 단계 t", yLabel: "‖∂L/∂h_t‖",
                                         series: [.lines("망각 게이트", x: [1, 2, 3], y: [1, 4, 9])]))
        let files = try Plotter().write(figure, to: folder, formats: [.png, .svg, .pdf])
        #expect(files.map(\.lastPathComponent).contains("hangul.png"))
        let svg = try Self.read(folder.appendingPathComponent("hangul.svg"))
        let texts = svgTexts(svg)
        #expect(texts.contains("기울기 소실: 말뭉치 한국어.txt") && texts.contains("시간 단계 t") && texts.contains("망각 게이트"), "\(texts)")
        #expect(svg.contains("NanumGothic, Noto Sans CJK KR"))
        // cairo embeds the fonts it drew with as /BaseFont /XXXXXX+Name: Hangul must come from a Hangul font.
        let pdf = String(decoding: try Data(contentsOf: folder.appendingPathComponent("hangul.pdf")), as: UTF8.self)
        let fonts = Set(pdf.components(separatedBy: "/BaseFont /").dropFirst().map { String($0.prefix { $0.isLetter || $0 == "+" || $0 == "-" }) })
        #expect(fonts.contains { $0.contains("Nanum") || $0.contains("NotoSansCJK") || $0.contains("NotoSansKR") },
                "no Hangul font drew the text (fonts: \(fonts.sorted())); scripts/setup.sh installs fonts-nanum")
    }

    @Test("Hostile titles, labels and legend entries run nothing and are drawn literally", arguments: Array(HostileStrings.all.enumerated()))
    func hostileText(_ index: Int, _ text: String) throws {
        try FileManager.default.createDirectory(at: HostileStrings.sentinelFolder, withIntermediateDirectories: true)
        let folder = try makeTemporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = Figure(
            name: "hostile-\(index)", title: text,
            panel: Panel(
                title: text, xLabel: text, yLabel: text,
                series: [.lines(text, x: [0, 1], y: [0, 1]), .points(text + " 2", x: [0.5], y: [0.5])],
                referenceLines: [ReferenceLine(y: 0.25, label: text)], labels: [TextLabel(text, x: 0.2, y: 0.8)]))
        try Plotter().write(figure, to: folder, formats: [.svg])
        #expect(!FileManager.default.fileExists(atPath: HostileStrings.sentinel), "a command ran for \(text.debugDescription)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("SENTINEL").path))
        let texts = svgTexts(try Self.read(folder.appendingPathComponent("hostile-\(index).svg")))
        let shown = GnuplotText.displayed(text)
        for line in shown.split(separator: "\n") {
            // Title, panel title, both axis labels, key entry, reference label, text label.
            let count = texts.filter { $0 == line }.count
            #expect(count >= 7, "\(line.debugDescription) shown \(count) times; texts: \(texts.prefix(12))")
        }
        let lastLine = shown.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        #expect(texts.contains("\(lastLine) 2"))
    }

    @Test("A non-finite value breaks the line and the rest is drawn")
    func lineBreaks() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = Figure(name: "gap", panel: Panel(series: [.lines("gappy", x: [1, 2, 3, 4, 5, 6, 7, 8], y: [1, 2, .nan, 4, 5, .infinity, 7, 8])]))
        try Plotter().write(figure, to: folder, formats: [.svg])
        let svg = try Self.read(folder.appendingPathComponent("gap.svg"))
        let group = try #require(svg.range(of: "<title>gappy</title>"))
        let path = try #require(svg[group.upperBound...].range(of: " d='"))
        let d = svg[path.upperBound...].prefix { $0 != "'" }
        // Three pieces, 1–2, 4–5 and 7–8: each starts with a move and draws one segment.
        #expect(d.filter { $0 == "M" }.count == 3, "path \(d)")
        #expect(d.filter { $0 == "L" }.count == 3, "path \(d)")
    }

    @Test("An entirely non-finite series does not stop the figure and is marked diverged in the key")
    func divergedSeries() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = Figure(name: "diverged", layout: Grid(rows: 1, columns: 2), panels: [
            Panel(series: [.lines("ok", x: [1, 2], y: [1, 2]), .lines("RNN", x: [1, 2], y: [.nan, .infinity])]),
            Panel(series: [.lines("all gone", x: [1, 2], y: [.nan, .nan]), .heatmap("h", x: [0, 1], y: [0, 1], z: [[.nan, .nan], [.nan, .nan]])]),
        ])
        try Plotter().write(figure, to: folder, formats: [.svg, .png])
        let texts = svgTexts(try Self.read(folder.appendingPathComponent("diverged.svg")))
        #expect(texts.contains("RNN (diverged)") && texts.contains("all gone (diverged)") && texts.contains("h (diverged)"))
    }

    @Test("A log axis leaves out zeros and negatives with a note instead of failing")
    func logAxisDropsNonPositive() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = Figure(name: "logs", panel: Panel(
            xScale: .log, yScale: .log,
            series: [.linesPoints("some ≤ 0", x: [1, 10, 100, 1000], y: [1, 0, -5, 100]),
                     .lines("all ≤ 0", x: [1, 10], y: [0, -1])],
            referenceLines: [ReferenceLine(y: 0, label: "zero")]))
        try Plotter().write(figure, to: folder, formats: [.svg])
        let texts = svgTexts(try Self.read(folder.appendingPathComponent("logs.svg")))
        #expect(texts.contains("(log y axis: 4 values ≤ 0 left out)"))
        #expect(texts.contains("all ≤ 0 (no values > 0 for the log scale)"))
    }

    @Test("Without gnuplot the data and script are still written and the error says how to install it")
    func missingGnuplot() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plotter = Plotter(gnuplotPath: "/nonexistent/bin/gnuplot")
        do {
            try plotter.write(Self.simple(), to: folder, formats: [.png])
            Issue.record("expected gnuplotNotFound")
        } catch let PlotError.gnuplotNotFound(searched, figures, written) {
            #expect(searched.contains("/nonexistent/bin/gnuplot"))
            #expect(figures == ["simple"])
            #expect(written.map(\.lastPathComponent) == ["simple.tsv", "simple.gp", "simple.figure.json"])
            let message = PlotError.gnuplotNotFound(searched: searched, figures: figures, written: written).description
            #expect(message.contains("sudo apt-get install gnuplot-nox") && message.contains("./scripts/setup"))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["simple.figure.json", "simple.gp", "simple.tsv"])
        #expect(throws: PlotError.self) { try plotter.rerender(folder: folder, formats: [.png]) }
    }

    @Test("A gnuplot failure names the figure, the line of NAME.gp and gnuplot's message, and keeps the files")
    func gnuplotFailure() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rendered = try GnuplotScript(Self.simple())
        let lines = rendered.script.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let plotLine = try #require(lines.firstIndex { $0.hasPrefix("plot ") }) + 1
        // gnuplot reads passes of one settings line plus the script; the error is in the second (SVG) pass.
        let streamLine = (lines.count + 1) + 1 + plotLine
        let fake = try FakeGnuplot("""
            cat "$1" > /dev/null
            echo '"/dev/stdin" line \(streamLine): unrecognized plot type' >&2
            exit 1
            """)
        defer { fake.remove() }
        #expect {
            try Plotter(gnuplotPath: fake.path).write(Self.simple(), to: folder, formats: [.png, .svg])
        } throws: { error in
            guard case let PlotError.gnuplotFailed(figure, script, line, scriptLine, message) = error else { return false }
            let text = (error as! PlotError).description
            return figure == "simple" && script == folder.appendingPathComponent("simple.gp") && line == plotLine
                && scriptLine == lines[plotLine - 1] && message == "unrecognized plot type"
                && text.contains("simple.gp line \(plotLine)") && text.contains(lines[plotLine - 1])
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["simple.figure.json", "simple.gp", "simple.tsv"])   // no temporaries, no half pictures
    }

    @Test("A figure is written as its golden data, script and figure model", arguments: Samples.all)
    func writesGoldenFiles(_ figure: Figure) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(figure, to: folder, formats: [])
        for file in ["\(figure.name).tsv", "\(figure.name).gp", "\(figure.name).figure.json"] {
            let written = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path)
            #expect(written != nil && written == (try? Data(contentsOf: Golden.folder.appendingPathComponent(file))), "\(file) differs from Golden/\(file)")
        }
    }

    @Test("Writing leaves no temporary files behind")
    func noTemporaries() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for figure in [Samples.lines, Samples.heatmap] { try Plotter().write(figure, to: folder, formats: [.png, .svg, .pdf]) }
        try Plotter().write(Samples.lines, to: folder, formats: [.png])   // overwrite in place
        #expect(try temporaryFiles(in: folder) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 12)
    }

    @Test("Re-rendering a folder redraws every figure from its model and data in the formats asked")
    func rerender() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(Samples.lines, to: folder, formats: [.png])
        try Plotter().write(Samples.band, to: folder, formats: [.png])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("loss-curves.png"))
        let outputs = try Plotter().rerender(folder: folder, formats: [.svg, .png])
        #expect(outputs.map(\.lastPathComponent) == ["accuracy-band.svg", "accuracy-band.png", "loss-curves.svg", "loss-curves.png"])
        for url in outputs {
            #expect(PictureCheck.problem(ofFile: url, format: OutputFormat(rawValue: url.pathExtension)!) == nil, "\(url.lastPathComponent)")
        }
        #expect(try temporaryFiles(in: folder) == [])
    }

    @Test("Re-rendering never runs a saved script: hostile lines in NAME.gp and a new evil.gp run nothing")
    func rerenderIgnoresScripts() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("pwned-\(UUID().uuidString)").path
        try Plotter().write(Samples.lines, to: folder, formats: [])
        let hostile = """
            system("touch \(marker)-system")
            !touch \(marker)-shell
            set output "\(marker)-output.png"
            plot sin(x)

            """
        let script = folder.appendingPathComponent("loss-curves.gp")
        try (try String(contentsOf: script, encoding: .utf8) + hostile).write(to: script, atomically: true, encoding: .utf8)
        let evil = "\(GnuplotScript.columnsMarker) 2\n\(GnuplotScript.rowsMarker) 1\n" + hostile
        try evil.write(to: folder.appendingPathComponent("evil.gp"), atomically: true, encoding: .utf8)
        try "1\t2\n".write(to: folder.appendingPathComponent("evil.tsv"), atomically: true, encoding: .utf8)

        let outputs = try Plotter().rerender(folder: folder, formats: [.png, .svg])
        #expect(outputs.map(\.lastPathComponent) == ["loss-curves.png", "loss-curves.svg"])
        for suffix in ["-system", "-shell", "-output.png"] {
            #expect(!FileManager.default.fileExists(atPath: marker + suffix), "\(marker + suffix) was written")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("evil.png").path))
        // Drawn from the model: the picture shows the figure's title.
        #expect(svgTexts(try Self.read(folder.appendingPathComponent("loss-curves.svg"))).contains(Samples.lines.title))
    }

    @Test("Re-rendering with a damaged or missing data file names the file and the problem")
    func rerenderDamaged() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(Samples.lines, to: folder, formats: [])
        let data = folder.appendingPathComponent("loss-curves.tsv")
        let text = try Self.read(data)
        try String(text.prefix(text.count / 2)).write(to: data, atomically: true, encoding: .utf8)
        #expect {
            try Plotter().rerender(folder: folder)
        } throws: { error in
            guard case let PlotError.damagedData(file, problem) = error else { return false }
            return file == data && problem.contains("cut short") && (error as! PlotError).description.contains(data.path)
        }
        try FileManager.default.removeItem(at: data)
        #expect(throws: PlotError.damagedData(file: data, problem: "the file is missing")) { try Plotter().rerender(folder: folder) }
        #expect(throws: PlotError.noFigures(folder: folder.appendingPathComponent("empty"))) {
            try Plotter().rerender(folder: folder.appendingPathComponent("empty"))
        }
    }

    @Test("The saved script draws a whole PNG when run by hand as `gnuplot NAME.gp`")
    func scriptRunsByHand() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(Samples.surface, to: folder, formats: [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot", "loss-surface.gp"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(PictureCheck.problem(ofFile: folder.appendingPathComponent("loss-surface.png"), format: .png) == nil)
    }

    @Test("show prints a text picture with the title")
    func show() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = Captured()
        let plotter = Plotter(console: { captured.append($0) })
        let written = try plotter.write(Self.simple(title: "Shown over ssh"), to: folder, formats: [], show: true)
        #expect(written.map(\.lastPathComponent) == ["simple.tsv", "simple.gp", "simple.figure.json"])
        #expect(captured.text.contains("Shown over ssh"))
        #expect(captured.text.split(separator: "\n").count > 20)
    }

    /// Not a timing test (CI times nothing): it checks that a large series survives the trip
    /// through the saved data file and gnuplot whole; the time is printed for the curious.
    @Test("Two hundred thousand points reach gnuplot whole and are drawn")
    func manyPoints() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let n = 200_000
        let x = (0..<n).map(Double.init)
        let figure = Figure(name: "big", panel: Panel(series: [.lines("sin", x: x, y: x.map { sin($0 / 1000) })]))
        let start = Date()
        try Plotter().write(figure, to: folder, formats: [.png])
        print("drew \(n) points in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        let rows = try String(contentsOf: folder.appendingPathComponent("big.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.count
        #expect(rows == n)
        let png = try Data(contentsOf: folder.appendingPathComponent("big.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}

final class Captured: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
}
