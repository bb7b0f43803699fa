import Foundation

/// `NAME.figure.json`: what a figure is, without its numbers, which are in `NAME.tsv`.
///
/// A run writes it beside the data; `rnnlab plot` reads the two back into a `Figure` and
/// renders the gnuplot script again, with the same quoting as the run. So a redraw runs only
/// a script this library has just written, never a `.gp` found on disk, which anyone with
/// the folder (a clone, a pull request) may have edited; the `.gp` stays for people who run
/// gnuplot by hand. The same figure renders to the same script, so the redrawn picture is the run's.
///
///     {
///       "figure" : {
///         "layout" : { "columns" : 2, "rows" : 1 },   (absent: the automatic grid)
///         "name" : "norms",
///         "panels" : [ { "colorScale" : "linear", "equalAspect" : false, "key" : "topRight",
///                        "labels" : [], "referenceLines" : [ … ],
///                        "series" : [ { "label" : "ρ = 0.9", "mark" : { "lines" : { } },
///                                       "style" : { "dash" : "solid", "fillOpacity" : 0.3, … },
///                                       "x" : [ ], "y" : [ ] } ],
///                        "title" : "", "xLabel" : "k", "xScale" : "linear", … } ],
///         "size" : { "height" : 650, "width" : 1000 },
///         "title" : "…"
///       },
///       "format" : "rnnlab-figure/1",
///       "shapes" : [ { "x" : 100, "y" : 100 } ]
///     }
///
/// `figure` is the `Figure` as it encodes itself, with every array of numbers left empty
/// (`x`, `y`, a band's `lower`/`upper`, a grid's `z`, vectors' `dx`/`dy`). `shapes` gives, for
/// each series in order (panel by panel), how many `x` and `y` values it had; with the mark
/// they fix the rows and columns of its block in `NAME.tsv`: n rows for n points, nx·ny rows
/// for an nx×ny grid, one row of `nan` for a series with no points.
///
/// Read strictly: the model at most `maximumModelBytes`, format `rnnlab-figure/1`, no key a
/// figure does not have, no `null`, no numbers in the stripped arrays, declared shapes within
/// `GnuplotScript.maximumValues`; the data at most `maximumDataBytes`, every block exactly the
/// declared rows and columns of decimal numbers (or `nan`, `inf`, `-inf`), checked before any
/// array is allocated. The rebuilt figure then passes the same checks as a run's.
public struct SavedFigure: Codable, Equatable {
    /// The format this library writes and reads; another one is refused with a word to run again.
    public static let currentFormat = "rnnlab-figure/1"

    /// 1 MB. The model holds text and a few numbers per series (the lab's largest is under
    /// 40 KB); anything larger was not written by a run.
    public static let maximumModelBytes = 1 << 20

    /// 128 MB: `GnuplotScript.maximumValues` numbers of at most 25 bytes each
    /// (`-2.2250738585072014e-308` and a tab) are 100 MB, and the comment lines, one per block
    /// naming its series, fit in the rest (their labels are bounded by the model's size).
    public static let maximumDataBytes = 128 << 20

    /// The file name of `figure`'s model: `NAME.figure.json`.
    public static func fileName(_ figureName: String) -> String { figureName + fileSuffix }
    static let fileSuffix = ".figure.json"

    public var format: String
    /// The figure, every array of numbers empty.
    public var figure: Figure
    /// Per series, panel by panel: how many x and y values it had.
    public var shapes: [Shape]

    public struct Shape: Codable, Equatable {
        public var x: Int
        public var y: Int
    }

    /// The model of `figure`: its numbers taken out, their counts kept.
    public init(_ figure: Figure) {
        var stripped = figure
        var shapes: [Shape] = []
        for p in stripped.panels.indices {
            for s in stripped.panels[p].series.indices {
                let series = stripped.panels[p].series[s]
                shapes.append(Shape(x: series.x.count, y: series.y.count))
                stripped.panels[p].series[s] = Series(label: series.label, mark: Self.stripped(series.mark), x: [], y: [], style: series.style)
            }
        }
        self.format = Self.currentFormat
        self.figure = stripped
        self.shapes = shapes
    }

    static func stripped(_ mark: Mark) -> Mark {
        switch mark {
        case .lines, .points, .linesPoints, .histogram: return mark
        case .band: return .band(lower: [], upper: [])
        case .heatmap: return .heatmap(z: [])
        case let .surface(_, contours): return .surface(z: [], contours: contours)
        case .vectors: return .vectors(dx: [], dy: [])
        }
    }

    /// Pretty-printed with sorted keys: the same figure always gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    // MARK: Reading

    /// Reads `NAME.figure.json` and `NAME.tsv` in `folder` back into the figure a run drew.
    /// Throws `PlotError.damagedModel` or `.damagedData` naming the file and the problem.
    public static func load(_ name: String, in folder: URL) throws -> Figure {
        let modelURL = folder.appendingPathComponent(fileName(name))
        let dataURL = folder.appendingPathComponent("\(name).tsv")
        let model: SavedFigure
        switch PlotFiles.read(modelURL, limit: maximumModelBytes) {
        case let .failure(f): throw PlotError.damagedModel(file: modelURL, problem: f.problem)
        case let .success(bytes): model = try decode(bytes, file: modelURL)
        }
        guard model.figure.name == name else {
            throw PlotError.damagedModel(file: modelURL, problem: "it describes figure '\(GnuplotText.commentSafe(model.figure.name))', not '\(name)'")
        }
        let blocks = try model.blockShapes(file: modelURL)
        switch PlotFiles.read(dataURL, limit: maximumDataBytes) {
        case let .failure(f): throw PlotError.damagedData(file: dataURL, problem: f.problem)
        case let .success(bytes): return model.restored(try readBlocks(bytes, shapes: blocks, file: dataURL))
        }
    }

    /// Decodes a model, refusing anything a run would not have written.
    static func decode(_ bytes: Data, file: URL) throws -> SavedFigure {
        func damaged(_ problem: String) -> PlotError { .damagedModel(file: file, problem: problem) }
        guard bytes.count <= maximumModelBytes else { throw damaged("it holds \(bytes.count) bytes, more than \(maximumModelBytes)") }
        let tree: Any
        do { tree = try JSONSerialization.jsonObject(with: bytes) } catch {
            throw damaged("it is not JSON")
        }
        guard let top = tree as? [String: Any] else { throw damaged("it is not a JSON object") }
        guard let format = top["format"] as? String, format == currentFormat else {
            let found = (top["format"] as? String).map { "'\(GnuplotText.commentSafe(String($0.prefix(40))))'" } ?? "missing"
            throw damaged("its format is \(found), not '\(currentFormat)'; run the experiment again to rewrite it")
        }
        let model: SavedFigure
        do { model = try JSONDecoder().decode(SavedFigure.self, from: bytes) } catch let error as DecodingError {
            throw damaged(describe(error))
        }
        // The decoder skips keys it does not know; a key it skipped is a typo or an addition.
        let canonical = try JSONSerialization.jsonObject(with: try model.encoded())
        if let problem = firstUnknownKey(tree, canonical, path: "") { throw damaged(problem) }
        return model
    }

    /// The first key of `given` that `canonical` (the decoded value, encoded again) lacks, or a `null`.
    static func firstUnknownKey(_ given: Any, _ canonical: Any, path: String) -> String? {
        if given is NSNull { return "\(path.isEmpty ? "the document" : path) is null; leave the key out instead" }
        if let object = given as? [String: Any] {
            let known = canonical as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let at = path.isEmpty ? key : "\(path).\(key)"
                guard let value = known[key] else {
                    if object[key] is NSNull { return "\(at) is null; leave the key out instead" }
                    return "unknown key '\(GnuplotText.commentSafe(String(at.prefix(200))))'"
                }
                if let problem = firstUnknownKey(object[key]!, value, path: at) { return problem }
            }
        } else if let array = given as? [Any], let known = canonical as? [Any] {
            for (i, (a, b)) in zip(array, known).enumerated() {
                if let problem = firstUnknownKey(a, b, path: "\(path)[\(i)]") { return problem }
            }
        }
        return nil
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let i = key.intValue { return text + "[\(i)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case let .keyNotFound(key, context): return "key '\(path(context.codingPath + [key]))' is missing"
        case let .typeMismatch(type, context): return "\(path(context.codingPath)): expected \(type)"
        case let .valueNotFound(type, context): return "\(path(context.codingPath)): expected \(type), found null"
        case let .dataCorrupted(context):
            return "\(path(context.codingPath).isEmpty ? "the document" : path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    /// Rows and columns of each block of `NAME.tsv`, one block per series, checked against the
    /// model's own arrays and against `GnuplotScript.maximumValues` before anything is read.
    func blockShapes(file: URL) throws -> [(columns: Int, rows: Int)] {
        func damaged(_ problem: String) -> PlotError { .damagedModel(file: file, problem: problem) }
        let series = figure.panels.flatMap(\.series)
        guard shapes.count == series.count else {
            throw damaged("it has \(shapes.count) shapes for \(series.count) series")
        }
        var blocks: [(columns: Int, rows: Int)] = []
        var total = 0
        for (i, (s, shape)) in zip(series, shapes).enumerated() {
            let place = "series \(i + 1) '\(GnuplotText.commentSafe(String(s.label.prefix(80))))'"
            guard s.x.isEmpty, s.y.isEmpty, Self.stripped(s.mark) == s.mark else {
                throw damaged("\(place) holds numbers; a figure's numbers belong in its .tsv")
            }
            guard (0...GnuplotScript.maximumValues).contains(shape.x), (0...GnuplotScript.maximumValues).contains(shape.y) else {
                throw damaged("\(place) declares \(shape.x)×\(shape.y) values, outside 0…\(GnuplotScript.maximumValues)")
            }
            let block = GnuplotScript.blockShape(s.mark, xCount: shape.x, yCount: shape.y)   // x·y ≤ 1.6·10¹³: no overflow
            total += block.rows * block.columns
            guard total <= GnuplotScript.maximumValues else {
                throw damaged("it declares more than \(GnuplotScript.maximumValues) numbers")
            }
            blocks.append(block)
        }
        return blocks
    }

    /// The figure with the numbers of `blocks` (per block, per column) put back.
    ///
    /// A grid with no cells keeps no coordinates in the data; it is rebuilt with zeros, which
    /// draw the same script (a grid with no cells draws only its "(diverged)" key entry).
    /// A band's `y` is not drawn and not kept.
    func restored(_ blocks: [[[Double]]]) -> Figure {
        var full = figure
        var b = 0
        for p in full.panels.indices {
            for s in full.panels[p].series.indices {
                let series = full.panels[p].series[s], shape = shapes[b], columns = blocks[b]
                b += 1
                var x: [Double] = [], y: [Double] = []
                var mark = series.mark
                switch series.mark {
                case .lines, .points, .linesPoints, .histogram:
                    if shape.x > 0 { x = columns[0]; y = columns[1] }
                case .band:
                    if shape.x > 0 { x = columns[0]; mark = .band(lower: columns[1], upper: columns[2]) }
                    else { mark = .band(lower: [], upper: []) }
                case .heatmap, .surface:
                    let nx = shape.x, ny = shape.y
                    var z: [[Double]] = []
                    if nx > 0 && ny > 0 {
                        x = Array(columns[0][0..<nx])
                        y = (0..<ny).map { columns[1][$0 * nx] }
                        z = (0..<ny).map { Array(columns[2][$0 * nx..<($0 + 1) * nx]) }
                    } else {
                        x = Array(repeating: 0, count: nx)
                        y = Array(repeating: 0, count: ny)
                        z = Array(repeating: [], count: nx == 0 ? ny : 0)
                    }
                    if case let .surface(_, contours) = series.mark { mark = .surface(z: z, contours: contours) } else { mark = .heatmap(z: z) }
                case .vectors:
                    if shape.x > 0 { x = columns[0]; y = columns[1]; mark = .vectors(dx: columns[2], dy: columns[3]) }
                }
                full.panels[p].series[s] = Series(label: series.label, mark: mark, x: x, y: y, style: series.style)
            }
        }
        return full
    }

    /// Reads a data file as gnuplot would (blocks split by two blank lines, `#` comments,
    /// fields split by tabs or spaces) and checks that block b has exactly `shapes[b].rows` rows
    /// of `shapes[b].columns` numbers. Returns the numbers per block, per column; the arrays
    /// are sized from the shapes, which the caller has checked against the caps.
    static func readBlocks(_ bytes: Data, shapes: [(columns: Int, rows: Int)], file: URL) throws -> [[[Double]]] {
        func damaged(_ problem: String) -> PlotError { .damagedData(file: file, problem: problem) }
        var blocks: [[[Double]]] = shapes.map { shape in
            (0..<shape.columns).map { _ in var c: [Double] = []; c.reserveCapacity(shape.rows); return c }
        }
        var found = [Int](repeating: 0, count: shapes.count)
        var block = 0, blanks = 0, seenData = false, lineNumber = 0
        let tab = UInt8(ascii: "\t"), space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")

        try bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            var start = 0
            while start < all.count {
                let end = all[start...].firstIndex(of: newline) ?? all.count
                defer { start = end + 1 }
                lineNumber += 1
                var fields: [Slice<UnsafeRawBufferPointer>] = []
                var i = start
                while i < end {
                    while i < end && (all[i] == tab || all[i] == space) { i += 1 }
                    guard i < end else { break }
                    let fieldStart = i
                    while i < end && all[i] != tab && all[i] != space { i += 1 }
                    fields.append(all[fieldStart..<i])
                }
                guard let first = fields.first else { blanks += 1; continue }
                if first.first == UInt8(ascii: "#") { continue }
                if seenData && blanks >= 2 { block += 1 }
                blanks = 0
                seenData = true
                guard block < shapes.count else {
                    throw damaged("line \(lineNumber) starts block \(block), but the figure model declares only \(shapes.count) block\(shapes.count == 1 ? "" : "s")")
                }
                guard fields.count == shapes[block].columns else {
                    throw damaged("line \(lineNumber) has \(fields.count) column\(fields.count == 1 ? "" : "s"), block \(block) needs \(shapes[block].columns)")
                }
                guard found[block] < shapes[block].rows else {
                    throw damaged("line \(lineNumber): block \(block) has more than the \(shapes[block].rows) row\(shapes[block].rows == 1 ? "" : "s") the figure model declares")
                }
                for (c, field) in fields.enumerated() {
                    guard let value = number(field) else {
                        let text = String(decoding: field.prefix(40), as: UTF8.self)
                        throw damaged("line \(lineNumber): '\(GnuplotText.commentSafe(text))' is not a number")
                    }
                    blocks[block][c].append(value)
                }
                found[block] += 1
            }
        }
        let blockCount = seenData ? block + 1 : 0
        guard blockCount == shapes.count else {
            throw damaged("it has \(blockCount) data block\(blockCount == 1 ? "" : "s") but the figure model declares \(shapes.count); is it cut short?")
        }
        for (b, (have, shape)) in zip(found, shapes).enumerated() where have != shape.rows {
            throw damaged("block \(b) has \(have) row\(have == 1 ? "" : "s") but the figure model declares \(shape.rows); is it cut short?")
        }
        return blocks
    }

    /// A decimal number as `GnuplotText.number` writes it (digits, sign, point, exponent) or
    /// `nan`, `inf`, `-inf`: the forms Swift and gnuplot read alike (no hex, no `infinity`).
    static func number<C: Collection>(_ field: C) -> Double? where C.Element == UInt8 {
        guard field.count <= 64 else { return nil }
        let text = String(decoding: field, as: UTF8.self)
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default:
            guard field.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "+-.eE".utf8.contains($0) }) else { return nil }
            return Double(text)
        }
    }
}
