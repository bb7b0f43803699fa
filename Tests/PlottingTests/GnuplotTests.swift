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
        #expect(svg.contains("font-family=\"DejaVu Sans\""))
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
            #expect(written.map(\.lastPathComponent) == ["simple.tsv", "simple.gp"])
            let message = PlotError.gnuplotNotFound(searched: searched, figures: figures, written: written).description
            #expect(message.contains("sudo apt-get install gnuplot-nox") && message.contains("./scripts/setup"))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["simple.gp", "simple.tsv"])
        #expect(throws: PlotError.self) { try plotter.rerender(folder: folder, formats: [.png]) }
    }

    @Test("A gnuplot failure names the figure, the script line and gnuplot's message, and keeps the files")
    func gnuplotFailure() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(Self.simple(), to: folder, formats: [])
        let scriptURL = folder.appendingPathComponent("simple.gp")
        var lines = try Self.read(scriptURL).components(separatedBy: "\n")
        let plotLine = try #require(lines.firstIndex { $0.hasPrefix("plot ") })
        lines[plotLine] = "plot 'simple.tsv' index 0 using 1:2 with wiggles"
        try lines.joined(separator: "\n").write(to: scriptURL, atomically: true, encoding: .utf8)
        #expect {
            try Plotter().rerender(folder: folder, formats: [.png, .svg])
        } throws: { error in
            guard case let PlotError.gnuplotFailed(figure, script, line, scriptLine, message) = error else { return false }
            let text = (error as! PlotError).description
            return figure == "simple" && script == scriptURL && line == plotLine + 1
                && scriptLine == lines[plotLine] && message.contains("unrecognized plot")
                && text.contains("simple.gp line \(plotLine + 1)") && text.contains("with wiggles")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["simple.gp", "simple.tsv"])   // no temporaries, no half pictures
    }

    @Test("The same figure gives identical data, script, PNG and SVG bytes")
    func sameBytes() throws {
        let a = try makeTemporaryFolder("a"), b = try makeTemporaryFolder("b")
        defer { for f in [a, b] { try? FileManager.default.removeItem(at: f) } }
        try Plotter().write(Samples.panels, to: a, formats: [.png, .svg])
        try Plotter().write(Samples.panels, to: b, formats: [.png, .svg])
        for ext in ["tsv", "gp", "png", "svg"] {
            let x = FileManager.default.contents(atPath: a.appendingPathComponent("exploding.\(ext)").path)
            let y = FileManager.default.contents(atPath: b.appendingPathComponent("exploding.\(ext)").path)
            #expect(x != nil && x == y, "exploding.\(ext) differs")
        }
    }

    @Test("Writing leaves no temporary files behind")
    func noTemporaries() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for figure in [Samples.lines, Samples.heatmap] { try Plotter().write(figure, to: folder, formats: [.png, .svg, .pdf]) }
        try Plotter().write(Samples.lines, to: folder, formats: [.png])   // overwrite in place
        #expect(try temporaryFiles(in: folder) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 10)
    }

    @Test("Re-rendering a folder redraws every figure from its script and data in the formats asked")
    func rerender() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(Samples.lines, to: folder, formats: [.png])
        try Plotter().write(Samples.band, to: folder, formats: [.png])
        let first = FileManager.default.contents(atPath: folder.appendingPathComponent("loss-curves.png").path)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("loss-curves.png"))
        let outputs = try Plotter().rerender(folder: folder, formats: [.svg, .png])
        #expect(outputs.map(\.lastPathComponent) == ["accuracy-band.svg", "accuracy-band.png", "loss-curves.svg", "loss-curves.png"])
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("loss-curves.png").path) == first)
        #expect(try temporaryFiles(in: folder) == [])
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

    @Test("The saved script redraws the same PNG when run by hand as `gnuplot NAME.gp`")
    func scriptRunsByHand() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Plotter().write(Samples.surface, to: folder, formats: [.png])
        let png = folder.appendingPathComponent("loss-surface.png")
        let before = FileManager.default.contents(atPath: png.path)
        try FileManager.default.removeItem(at: png)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot", "loss-surface.gp"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.contents(atPath: png.path) == before)
    }

    @Test("show prints a text picture with the title")
    func show() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = Captured()
        let plotter = Plotter(console: { captured.append($0) })
        let written = try plotter.write(Self.simple(title: "Shown over ssh"), to: folder, formats: [], show: true)
        #expect(written.map(\.lastPathComponent) == ["simple.tsv", "simple.gp"])
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

final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
}
