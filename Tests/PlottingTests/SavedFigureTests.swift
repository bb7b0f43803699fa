import Foundation
import Testing
@testable import Plotting

/// `NAME.figure.json` + `NAME.tsv` → `Figure`, read strictly; no gnuplot needed.
@Suite("Saved figures")
struct SavedFigureTests {
    /// Edge cases the samples do not have: empty series and grids, one non-finite point, a band with no points.
    static let edges = Figure(name: "edges", layout: Grid(rows: 2, columns: 2), panels: [
        Panel(series: [.lines("empty", x: [], y: []), .points("one nan", x: [.nan], y: [.nan]), .lines("ok", x: [1, -0.0], y: [.infinity, .leastNonzeroMagnitude])]),
        Panel(series: [.heatmap("no rows", x: [1, 2], y: [], z: []), .heatmap("no columns", x: [], y: [3], z: [[]])]),
        Panel(series: [.surface("cells", x: [0, 1, 2], y: [0, 1], z: [[1, 2, 3], [4, .nan, 6]], contours: 3)]),
        Panel(series: [.band("no band", x: [], lower: [], upper: []), .vectors("v", x: [0], y: [0], dx: [1], dy: [-1]),
                       .histogram("h", samples: [1, 2, 2, 3], bins: 3)]),
    ])

    /// Writes `figure`'s data and model (no pictures) to a fresh folder.
    static func saved(_ figure: Figure) throws -> URL {
        let folder = try makeTemporaryFolder("saved")
        try Plotter().write(figure, to: folder, formats: [])
        return folder
    }

    @Test("A figure read back from its model and data renders the same script and data", arguments: Samples.all + [edges])
    func roundTrip(_ figure: Figure) throws {
        let folder = try Self.saved(figure)
        defer { try? FileManager.default.removeItem(at: folder) }
        let back = try SavedFigure.load(figure.name, in: folder)
        #expect(try GnuplotScript(back) == GnuplotScript(figure))
    }

    @Test("The model holds no numbers of the data: every array is empty and its length is in shapes")
    func modelHoldsShapesOnly() throws {
        let model = SavedFigure(Self.edges)
        #expect(model.format == "rnnlab-figure/1")
        #expect(model.figure.panels.flatMap(\.series).allSatisfy { $0.x.isEmpty && $0.y.isEmpty && SavedFigure.stripped($0.mark) == $0.mark })
        #expect(model.shapes.map { [$0.x, $0.y] } == [[0, 0], [1, 1], [2, 2], [2, 0], [0, 1], [3, 2], [0, 0], [1, 1], [3, 3]])
    }

    /// A change to the model's JSON and a phrase the refusal must contain.
    static let badModels: [(String, @Sendable (inout [String: Any]) -> Void, String)] = [
        ("unknown top-level key", { $0["extra"] = 1 }, "unknown key 'extra'"),
        ("unknown nested key", { m in
            var f = m["figure"] as! [String: Any]; var p = f["panels"] as! [[String: Any]]
            var s = p[0]["series"] as! [[String: Any]]; s[0]["colour"] = "#ff0000"
            p[0]["series"] = s; f["panels"] = p; m["figure"] = f
        }, "unknown key 'figure.panels[0].series[0].colour'"),
        ("null", { m in var f = m["figure"] as! [String: Any]; f["layout"] = NSNull(); m["figure"] = f }, "figure.layout is null"),
        ("other format", { $0["format"] = "rnnlab-figure/2" }, "not 'rnnlab-figure/1'; run the experiment again"),
        ("missing key", { m in var f = m["figure"] as! [String: Any]; f["size"] = nil; m["figure"] = f }, "key 'figure.size' is missing"),
        ("numbers in the model", { m in
            var f = m["figure"] as! [String: Any]; var p = f["panels"] as! [[String: Any]]
            var s = p[0]["series"] as! [[String: Any]]; s[0]["x"] = [1.0]
            p[0]["series"] = s; f["panels"] = p; m["figure"] = f
        }, "holds numbers; a figure's numbers belong in its .tsv"),
        ("shape above the cap", { m in
            var shapes = m["shapes"] as! [[String: Any]]; shapes[0] = ["x": 5_000_000, "y": 5_000_000]; m["shapes"] = shapes
        }, "outside 0…4000000"),
        ("shapes that add up above the cap", { m in
            var shapes = m["shapes"] as! [[String: Any]]
            for i in shapes.indices { shapes[i] = ["x": 3_000_000, "y": 3_000_000] }
            m["shapes"] = shapes
        }, "declares more than 4000000 numbers"),
        ("negative shape", { m in var shapes = m["shapes"] as! [[String: Any]]; shapes[0] = ["x": -1, "y": 0]; m["shapes"] = shapes }, "outside 0…"),
        ("a shape too few", { m in var shapes = m["shapes"] as! [[String: Any]]; shapes.removeLast(); m["shapes"] = shapes }, "shapes for"),
        ("another figure's name", { m in var f = m["figure"] as! [String: Any]; f["name"] = "other"; m["figure"] = f }, "describes figure 'other'"),
    ]

    @Test("A model with an unknown key, a null, numbers, another format or shapes over the cap is refused, naming the problem",
          arguments: badModels.indices)
    func badModel(_ index: Int) throws {
        let (what, change, phrase) = Self.badModels[index]
        let folder = try Self.saved(Samples.lines)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("loss-curves.figure.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        #expect(what.isEmpty == false)
        #expect {
            try SavedFigure.load("loss-curves", in: folder)
        } throws: { error in
            guard case let PlotError.damagedModel(file, problem) = error else { return false }
            return file == url && problem.contains(phrase)
        }
    }

    @Test("A model larger than 1 MB, not JSON, a FIFO or a symbolic link is refused before it is parsed")
    func unreadableModels() throws {
        let folder = try Self.saved(Samples.lines)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("loss-curves.figure.json")
        func problem() -> String? {
            do { _ = try SavedFigure.load("loss-curves", in: folder); return nil } catch let PlotError.damagedModel(_, p) { return p } catch { return "\(error)" }
        }
        try Data(repeating: 0x20, count: SavedFigure.maximumModelBytes + 1).write(to: url)
        #expect(problem()?.contains("more than the \(SavedFigure.maximumModelBytes)") == true)
        try Data("{\"format\": ".utf8).write(to: url)
        #expect(problem() == "it is not JSON")
        try FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o644) == 0)
        #expect(problem() == "it is a FIFO, not a regular file")   // and does not hang
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/etc/passwd")
        #expect(problem() == "it is a symbolic link, not a regular file")
    }

    @Test("A data file check names the file, the line and the problem")
    func damagedData() throws {
        let url = URL(fileURLWithPath: "/saved/f.tsv")
        func problem(_ text: String, shapes: [(columns: Int, rows: Int)] = [(2, 2), (3, 1)]) -> String? {
            do { _ = try SavedFigure.readBlocks(Data(text.utf8), shapes: shapes, file: url); return nil } catch let e as PlotError {
                guard case let .damagedData(file, p) = e, file == url else { return "wrong error \(e)" }
                return p
            } catch { return "\(error)" }
        }
        let good = "# x\ty\n1\t2\n3\tnan\n\n\n# a b c\n1\t2\t-inf\n"
        #expect(problem(good) == nil)
        #expect(try SavedFigure.readBlocks(Data(good.utf8), shapes: [(2, 2), (3, 1)], file: url)[0][1][0] == 2)
        #expect(problem(good.replacingOccurrences(of: "3\tnan", with: "3\tabc")) == "line 3: 'abc' is not a number")
        #expect(problem(good.replacingOccurrences(of: "3\tnan", with: "3\t0x1p3")) == "line 3: '0x1p3' is not a number")
        #expect(problem(good.replacingOccurrences(of: "3\tnan", with: "3\tinfinity")) == "line 3: 'infinity' is not a number")
        #expect(problem(good.replacingOccurrences(of: "1\t2\t-inf", with: "1\t2")) == "line 7 has 2 columns, block 1 needs 3")
        #expect(problem("# x\ty\n1\t2\n3\t4\n")?.contains("1 data block but the figure model declares 2") == true)
        #expect(problem("# x\ty\n1\t2\n\n\n1\t2\t3\n")?.hasPrefix("block 0 has 1 row but the figure model declares 2") == true)
        #expect(problem("1\t2\n3\t4\n5\t6\n")?.contains("line 3: block 0 has more than the 2 rows") == true)
        #expect(problem(good + "\n\n1\t2\n")?.contains("line 10 starts block 2, but the figure model declares only 2 blocks") == true)
    }

    @Test("A missing, oversized or non-regular data file is named with the problem")
    func unreadableData() throws {
        let folder = try Self.saved(Samples.lines)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("loss-curves.tsv")
        try FileManager.default.removeItem(at: data)
        #expect(throws: PlotError.damagedData(file: data, problem: "the file is missing")) { try SavedFigure.load("loss-curves", in: folder) }
        try FileManager.default.createSymbolicLink(atPath: data.path, withDestinationPath: "/dev/zero")
        #expect(throws: PlotError.damagedData(file: data, problem: "it is a symbolic link, not a regular file")) {
            try SavedFigure.load("loss-curves", in: folder)
        }
    }

    @Test("A folder saved before figure models existed is refused with a word to run the experiment again")
    func oldFolder() throws {
        let folder = try Self.saved(Samples.lines)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("loss-curves.figure.json"))
        #expect(throws: PlotError.noFigureModels(folder: folder.standardizedFileURL, figures: ["loss-curves"])) {
            try Plotter(gnuplotPath: "/nonexistent/gnuplot").rerender(folder: folder)
        }
        #expect(PlotError.noFigureModels(folder: folder, figures: ["loss-curves"]).description.contains("run the experiment again"))
    }

    @Test("Re-rendering a folder that is a symbolic link is refused")
    func symlinkedFolder() throws {
        let folder = try Self.saved(Samples.lines)
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: link) }
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        #expect {
            try Plotter(gnuplotPath: "/nonexistent/gnuplot").rerender(folder: link)
        } throws: { error in
            guard case let PlotError.io(_, problem) = error else { return false }
            return problem.contains("symbolic link")
        }
    }

    @Test("A figure above the number cap is refused when it is drawn, so no run writes what a redraw would refuse")
    func valueCap() {
        let n = GnuplotScript.maximumValues / 2 + 1
        let x = [Double](repeating: 1, count: n)
        #expect {
            try GnuplotScript(Figure(name: "huge", panel: Panel(series: [.lines("l", x: x, y: x)])))
        } throws: { error in
            guard case let PlotError.invalidFigure(_, problem) = error else { return false }
            return problem.contains("at most \(GnuplotScript.maximumValues)")
        }
        #expect(throws: PlotError.self) {
            try GnuplotScript(Figure(name: "wide", layout: Grid(rows: Int.max, columns: 2), panels: [Panel(series: [])]))
        }
    }
}
