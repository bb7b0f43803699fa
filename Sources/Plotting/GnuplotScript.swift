import Foundation

/// A figure rendered to gnuplot: the script `NAME.gp` and the data `NAME.tsv` it reads.
///
/// Pure: no files, no process; the same figure always gives the same bytes.
/// The script draws PNG by default and any format when run as `gnuplot -e "format='svg'" NAME.gp`,
/// naming its data and output relative to its own folder, so it redraws by hand.
///
/// Awkward data is drawn, not refused:
/// - a non-finite value is written as `nan`/`inf`/`-inf`; gnuplot leaves the point out and
///   breaks the line there, drawing the rest;
/// - a series with nothing left to draw appears in the key as "label (diverged)";
/// - on a log axis values ≤ 0 are left out, and the panel title says how many.
public struct GnuplotScript: Sendable, Equatable {
    public let figureName: String
    /// Contents of `NAME.gp`.
    public let script: String
    /// Contents of `NAME.tsv`.
    public let data: String
    /// What was left out or marked (also shown on the figure), for a caller's log.
    public let notes: [String]

    public var scriptFileName: String { figureName + ".gp" }
    public var dataFileName: String { figureName + ".tsv" }

    public init(_ figure: Figure) throws {
        var renderer = Renderer(figure: figure)
        try renderer.render()
        figureName = figure.name
        script = renderer.script.joined(separator: "\n") + "\n"
        data = renderer.data
        notes = renderer.notes
    }

    /// Base font size in points; titles are a little larger. 12 pt stays readable at 1000×650.
    public static let fontSize = 12
    public static let font = "DejaVu Sans"
    /// Fonts tried in turn for a glyph DejaVu Sans lacks: Hangul (a Korean figure, or a Korean
    /// corpus file name in a title) from NanumGothic, which `scripts/setup.sh` installs
    /// (`fonts-nanum`), or Noto Sans CJK KR where that is installed instead. The SVG terminal
    /// takes the list as written (it becomes the SVG's `font-family`); gnuplot's cairo terminals
    /// (PNG, PDF) cut a font name at its first comma, so they name DejaVu Sans alone and pango
    /// falls back to the installed Hangul font through fontconfig.
    public static let fallbackFonts = ["NanumGothic", "Noto Sans CJK KR", "sans-serif"]

    /// The first lines of a saved script name the columns and rows of each data block,
    /// for a reader of the script; `rnnlab plot` takes the shapes from `NAME.figure.json`.
    static let columnsMarker = "# columns per block:"
    static let rowsMarker = "# rows per block:"

    /// At most 4 000 000 numbers in `NAME.tsv` (32 MB as doubles): ten times the test figure of
    /// 200 000 points and forty times the lab's largest figure (about 100 000 numbers). A cap
    /// lets a redraw check a saved figure's declared size before it allocates anything.
    public static let maximumValues = 4_000_000

    /// At most 20 rows and 20 columns of panels: the lab uses 3×2 at most, and the product
    /// of two capped numbers cannot overflow.
    public static let maximumGridSide = 20

    /// The columns and rows of the data block a series is written to: one row per point,
    /// x·y rows for a grid, and one row of `nan` for a series with no points (so block numbers
    /// and `index` always agree).
    static func blockShape(_ mark: Mark, xCount: Int, yCount: Int) -> (columns: Int, rows: Int) {
        let points: Int
        switch mark {
        case .heatmap, .surface: points = xCount * yCount
        default: points = xCount
        }
        return (columns(of: mark).count, max(points, 1))
    }

    /// The columns of the data block a series is written to, named as in the block's header.
    static func columns(of mark: Mark) -> [String] {
        switch mark {
        case .lines, .points, .linesPoints: return ["x", "y"]
        case .band: return ["x", "lower", "upper"]
        case .histogram: return ["centre", "height", "width"]
        case .heatmap, .surface: return ["x", "y", "z"]
        case .vectors: return ["x", "y", "dx", "dy"]
        }
    }
}

// MARK: - Rendering

private let viridis = [
    "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725",
]

private struct Block {
    var comment: String
    var columns: [String]
    var rows: [[Double]]
    /// A blank line after every `scan` rows (grids for heatmaps and surfaces).
    var scan: Int? = nil
}

private struct Renderer {
    let figure: Figure
    var script: [String] = []
    var blocks: [Block] = []
    var notes: [String] = []

    init(figure: Figure) { self.figure = figure }

    var name: String { figure.name }
    var dataFile: String { "'\(figure.name).tsv'" }

    func invalid(_ problem: String) -> PlotError { .invalidFigure(name: figure.name, problem: problem) }

    static func n(_ x: Double) -> String { GnuplotText.number(x) }
    static func q(_ text: String) -> String { GnuplotText.literal(text) }

    mutating func render() throws {
        try validateFigure()
        let w = figure.size.width, h = figure.size.height
        let font = "'\(GnuplotScript.font),\(GnuplotScript.fontSize)'"
        let fontList = "'\(([GnuplotScript.font] + GnuplotScript.fallbackFonts).joined(separator: ", ")),\(GnuplotScript.fontSize)'"
        var body: [String] = []
        let grid = figure.resolvedLayout
        var layout = "set multiplot layout \(grid.rows),\(grid.columns)"
        if !figure.title.isEmpty {
            layout += " title \(Self.q(figure.title)) noenhanced font ',\(GnuplotScript.fontSize + 4)'"
        }
        body.append(layout)
        for (p, panel) in figure.panels.enumerated() {
            body.append("")
            body.append("# panel \(p + 1) of \(figure.panels.count)")
            body += try renderPanel(panel, index: p)
        }
        body.append("")
        body.append("unset multiplot")
        body.append("unset output")

        script = [
            "# Figure '\(name)', written by rnnlab's Plotting module.",
            "# Redraw it by hand in this folder:",
            "#   gnuplot \(name).gp                      draws \(name).png",
            "#   gnuplot -e \"format='svg'\" \(name).gp    draws \(name).svg (or 'pdf'; 'dumb' prints text)",
            "# Data: \(name).tsv, one block per series, chosen with 'index'.",
            GnuplotScript.columnsMarker + blocks.map { " \($0.columns.count)" }.joined(),
            GnuplotScript.rowsMarker + blocks.map { " \($0.rows.count)" }.joined(),
            "",
            "if (!exists(\"format\")) format = 'png'",
            "if (!exists(\"outfile\")) outfile = '\(name).' . format",
            "if (format eq 'png') {",
            "    set terminal pngcairo size \(w),\(h) enhanced font \(font) linewidth 1.2 rounded",
            "    set output outfile",
            "}",
            "if (format eq 'svg') {",
            "    set terminal svg size \(w),\(h) fixed enhanced font \(fontList) linewidth 1.2 rounded background '#ffffff'",
            "    set output outfile",
            "}",
            "if (format eq 'pdf') {",
            "    set terminal pdfcairo size \(Self.n(Double(w) / 100))in,\(Self.n(Double(h) / 100))in enhanced font \(font) linewidth 1.2 rounded",
            "    set output outfile",
            "}",
            "if (format eq 'dumb') {",
            "    set terminal dumb size 120,40",
            "    set output",
            "}",
            "if (format ne 'png' && format ne 'svg' && format ne 'pdf' && format ne 'dumb') {",
            "    print 'format must be png, svg, pdf or dumb'",
            "    exit status 2",
            "}",
            "set encoding utf8",
            "# Log-axis ticks read 10^k: superscript where the terminal can, plain in text.",
            "tenpower = (format eq 'dumb') ? '10^%L' : '10^{%L}'",
            "",
        ] + body
    }

    func validateFigure() throws {
        guard Figure.isValidName(name) else {
            throw invalid("the name must be a slug: lower-case letters, digits, '-' and '_', starting with a letter or digit")
        }
        guard !figure.panels.isEmpty else { throw invalid("it has no panels") }
        guard (100...20000).contains(figure.size.width), (100...20000).contains(figure.size.height) else {
            throw invalid("size \(figure.size.width)×\(figure.size.height) is outside 100…20000 pixels")
        }
        let grid = figure.resolvedLayout
        let side = GnuplotScript.maximumGridSide
        guard (1...side).contains(grid.rows), (1...side).contains(grid.columns) else {
            throw invalid("a \(grid.rows)×\(grid.columns) layout is outside 1…\(side) rows and columns")
        }
        guard grid.rows * grid.columns >= figure.panels.count else {
            throw invalid("a \(grid.rows)×\(grid.columns) layout cannot hold \(figure.panels.count) panels")
        }
        // Counted before any block is built, as a redraw counts the shapes its model declares.
        let values = figure.panels.flatMap(\.series).reduce(0) { total, s in
            let block = GnuplotScript.blockShape(s.mark, xCount: s.x.count, yCount: s.y.count)
            return total + block.rows * block.columns
        }
        guard values <= GnuplotScript.maximumValues else {
            throw invalid("it holds \(values) numbers; at most \(GnuplotScript.maximumValues) fit in one figure")
        }
    }

    // MARK: Panels

    /// What a panel draws with: `plot` (2D) or `splot` seen from above (when it holds a surface).
    struct PanelContext {
        var index: Int
        var logX: Bool
        var logY: Bool
        var logColor: Bool
        var surface: Bool
        /// The height at which lines are drawn over a surface: its lowest value.
        var floor: Double = 0
        var droppedX = 0, droppedY = 0, droppedColor = 0
    }

    mutating func renderPanel(_ panel: Panel, index p: Int) throws -> [String] {
        let where_ = "panel \(p + 1)"
        for (axis, range, scale) in [("x", panel.xRange, panel.xScale), ("y", panel.yRange, panel.yScale)] {
            if let r = range {
                guard r.lowerBound.isFinite, r.upperBound.isFinite, r.lowerBound < r.upperBound else {
                    throw invalid("\(where_): \(axis) range \(r) must be finite with lower < upper")
                }
                if scale == .log && r.lowerBound <= 0 {
                    throw invalid("\(where_): \(axis) range \(r) reaches 0 or below on a log axis")
                }
            }
        }
        var ctx = PanelContext(index: p, logX: panel.xScale == .log, logY: panel.yScale == .log,
                               logColor: panel.colorScale == .log, surface: false)
        let surfaces = panel.series.filter { if case .surface = $0.mark { return true } else { return false } }
        for (s, series) in panel.series.enumerated() { try validate(series, where: "\(where_), series \(s + 1)") }
        ctx.surface = surfaces.contains { drawable($0, ctx) }
        if ctx.surface {
            let zs = surfaces.flatMap { s -> [Double] in
                if case let .surface(z, _) = s.mark { return z.flatMap { $0 }.filter { $0.isFinite && (!ctx.logColor || $0 > 0) } }
                return []
            }
            ctx.floor = zs.min() ?? 0
            for series in panel.series {
                switch series.mark {
                case .band, .histogram, .heatmap:
                    throw invalid("\(where_): a panel with a surface can also hold lines, points and vectors, not '\(GnuplotText.commentSafe(series.label))'")
                default: break
                }
            }
        }

        var lines: [String] = ["reset"]
        lines += [
            "set border 3 lw 1 lc rgb '#444444'",
            "set tics nomirror out",
            "set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1",
                        "set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse",
            "set palette defined (" + viridis.enumerated().map { "\($0.offset) '\($0.element)'" }.joined(separator: ", ") + ")",
        ]
        switch panel.key {
        case .topRight: lines.append("set key top right")
        case .topLeft: lines.append("set key top left")
        case .bottomRight: lines.append("set key bottom right")
        case .bottomLeft: lines.append("set key bottom left")
        case .outside: lines.append("set key outside right top")
        case .hidden: lines.append("unset key")
        }
        if !panel.xLabel.isEmpty { lines.append("set xlabel \(Self.q(panel.xLabel)) noenhanced") }
        if !panel.yLabel.isEmpty { lines.append("set ylabel \(Self.q(panel.yLabel)) noenhanced") }
        if ctx.logX { lines += ["set logscale x 10", "set format x tenpower"] }
        if ctx.logY { lines += ["set logscale y 10", "set format y tenpower"] }
        if ctx.logColor { lines += ["set logscale cb 10", "set format cb tenpower"] }
        if panel.equalAspect { lines.append(ctx.surface ? "set view equal xy" : "set size ratio -1") }
        if ctx.surface { lines.append("set view map") }

        // Series: one clause each; bands take the colour the next line will get.
        var clauses: [String] = []
        var cycle = 0
        var colorBarLabel: String? = nil
        var anyDrawn = false
        for (s, series) in panel.series.enumerated() {
            let color: Color
            switch series.mark {
            case .band: color = series.style.color ?? Color.cycle[cycle % Color.cycle.count]
            case .heatmap, .surface: color = .black
            default:
                color = series.style.color ?? Color.cycle[cycle % Color.cycle.count]
                if series.style.color == nil { cycle += 1 }
            }
            let block = makeBlock(series, ctx: &ctx, panel: p, index: s)
            let canDraw = drawable(series, ctx)
            blocks.append(block)
            if !canDraw {
                // Nothing finite at all: the run diverged. Finite but nothing > 0: the log axis hid it.
                var linear = ctx
                linear.logX = false; linear.logY = false; linear.logColor = false
                let why = drawable(series, linear) ? "no values > 0 for the log scale" : "diverged"
                notes.append("panel \(p + 1): '\(GnuplotText.commentSafe(series.label))' has nothing to draw (\(why))")
                clauses.append("keyentry with lines lw \(Self.n(series.style.width)) \(dash(series.style.dash)) lc rgb '\(color.hex)' title \(Self.q(series.label + " (\(why))")) noenhanced")
                continue
            }
            anyDrawn = true
            switch series.mark {
            case .heatmap, .surface:
                if colorBarLabel == nil { colorBarLabel = panel.colorLabel ?? series.label }
            default: break
            }
            clauses += plotClauses(series, block: blocks.count - 1, color: color, ctx: ctx)
        }
        if let cb = colorBarLabel {
            if !cb.isEmpty { lines.append("set cblabel \(Self.q(cb)) noenhanced") }
            // Cells fill the frame: no margin rounded out to the next tick.
            lines += ["set autoscale xfix", "set autoscale yfix"]
        }
        let keyed = panel.series.contains { series in
            switch series.mark {
            case .heatmap, .surface: return !drawable(series, ctx)      // only a "(diverged)" entry
            default: return !series.label.isEmpty || !drawable(series, ctx)
            }
        }
        if panel.key != .hidden && !keyed { lines.append("unset key") }

        if !anyDrawn {
            // gnuplot stops at a plot with no valid point; give it an empty frame instead.
            clauses.insert("NaN notitle", at: 0)
            if panel.xRange == nil { lines.append(ctx.logX ? "set xrange [1:10]" : "set xrange [0:1]") }
            if panel.yRange == nil { lines.append(ctx.logY ? "set yrange [1:10]" : "set yrange [0:1]") }
        }
        if let r = panel.xRange { lines.append("set xrange [\(Self.n(r.lowerBound)):\(Self.n(r.upperBound))]") }
        if let r = panel.yRange { lines.append("set yrange [\(Self.n(r.lowerBound)):\(Self.n(r.upperBound))]") }

        var droppedMarks = 0
        var arrowNumber = 0, labelNumber = 0
        let z = ctx.surface ? ", first \(Self.n(ctx.floor))" : ""
        let zGraph = ctx.surface ? ", graph 0" : ""
        for line in panel.referenceLines {
            guard line.value.isFinite else { throw invalid("panel \(p + 1): reference line at \(line.value) is not finite") }
            try validate(line.style, where: "panel \(p + 1), reference line")
            let onLog = line.orientation == .horizontal ? ctx.logY : ctx.logX
            if onLog && line.value <= 0 { droppedMarks += 1; continue }
            arrowNumber += 1
            let v = Self.n(line.value)
            let (from, to) = line.orientation == .horizontal
                ? ("graph 0, first \(v)\(zGraph)", "graph 1, first \(v)\(zGraph)")
                : ("first \(v), graph 0\(zGraph)", "first \(v), graph 1\(zGraph)")
            let color = (line.style.color ?? .gray).hex
            lines.append("set arrow \(arrowNumber) from \(from) to \(to) nohead back lw \(Self.n(line.style.width)) \(dash(line.style.dash)) lc rgb '\(color)'")
            if !line.label.isEmpty {
                labelNumber += 1
                let at = line.orientation == .horizontal
                    ? "graph 0.01, first \(v)\(zGraph) offset 0,0.6 left" : "first \(v), graph 0.97\(zGraph) offset 0.5,0 left"
                lines.append("set label \(labelNumber) \(Self.q(line.label)) at \(at) noenhanced front tc rgb '\(color)'")
            }
        }
        for label in panel.labels {
            guard label.x.isFinite, label.y.isFinite else { throw invalid("panel \(p + 1): text label at (\(label.x), \(label.y)) is not finite") }
            if (ctx.logX && label.x <= 0) || (ctx.logY && label.y <= 0) { droppedMarks += 1; continue }
            labelNumber += 1
            lines.append("set label \(labelNumber) \(Self.q(label.text)) at first \(Self.n(label.x)), first \(Self.n(label.y))\(z) noenhanced front")
        }

        // Notes on what the log axes left out go under the panel title, where they cannot hide data.
        var panelNotes: [String] = []
        if ctx.droppedX > 0 { panelNotes.append("log x axis: \(ctx.droppedX) value\(ctx.droppedX == 1 ? "" : "s") ≤ 0 left out") }
        if ctx.droppedY > 0 { panelNotes.append("log y axis: \(ctx.droppedY) value\(ctx.droppedY == 1 ? "" : "s") ≤ 0 left out") }
        if ctx.droppedColor > 0 { panelNotes.append("log colour scale: \(ctx.droppedColor) value\(ctx.droppedColor == 1 ? "" : "s") ≤ 0 left out") }
        if droppedMarks > 0 { panelNotes.append("\(droppedMarks) reference line\(droppedMarks == 1 ? "" : "s")/label\(droppedMarks == 1 ? "" : "s") at ≤ 0 on a log axis left out") }
        notes += panelNotes.map { "panel \(p + 1): \($0)" }
        let title = ([panel.title].filter { !$0.isEmpty } + panelNotes.map { "(\($0))" }).joined(separator: "\n")
        if !title.isEmpty { lines.append("set title \(Self.q(title)) noenhanced font ',\(GnuplotScript.fontSize + 2)'") }

        if ctx.surface {
            let contours = surfaces.compactMap { s -> Int? in if case let .surface(_, c) = s.mark { return c }; return nil }.max() ?? 0
            if contours > 0 {
                lines += ["set contour base", "set cntrparam levels auto \(contours)", "set cntrlabel onecolor"]
            }
        }
        lines.append((ctx.surface ? "splot " : "plot ") + clauses.joined(separator: ", \\\n     "))
        return lines
    }

    // MARK: Series

    func validate(_ style: Style, where place: String) throws {
        guard style.width.isFinite, style.width >= 0, style.pointSize.isFinite, style.pointSize >= 0,
              style.fillOpacity.isFinite, (0...1).contains(style.fillOpacity) else {
            throw invalid("\(place): style needs finite width ≥ 0, point size ≥ 0 and fill opacity in 0…1")
        }
    }

    func validate(_ series: Series, where place: String) throws {
        let at = "\(place) '\(GnuplotText.commentSafe(series.label))'"
        try validate(series.style, where: at)
        func same(_ a: [Double], _ aName: String, _ b: [Double], _ bName: String) throws {
            guard a.count == b.count else { throw invalid("\(at): \(aName) has \(a.count) values but \(bName) has \(b.count)") }
        }
        switch series.mark {
        case .lines, .points, .linesPoints:
            try same(series.x, "x", series.y, "y")
        case let .band(lower, upper):
            try same(series.x, "x", lower, "lower"); try same(series.x, "x", upper, "upper")
        case let .histogram(binWidth):
            try same(series.x, "x", series.y, "y")
            guard binWidth.isFinite, binWidth > 0 else { throw invalid("\(at): bin width \(binWidth) must be finite and > 0") }
        case let .heatmap(z), let .surface(z, _):
            guard z.count == series.y.count else { throw invalid("\(at): z has \(z.count) rows but y has \(series.y.count) values") }
            for (j, row) in z.enumerated() where row.count != series.x.count {
                throw invalid("\(at): z row \(j) has \(row.count) values but x has \(series.x.count)")
            }
            guard series.x.allSatisfy(\.isFinite), series.y.allSatisfy(\.isFinite) else {
                throw invalid("\(at): grid coordinates x and y must be finite")
            }
            if case let .surface(_, contours) = series.mark, contours < 0 || contours > 100 {
                throw invalid("\(at): contours must be in 0…100")
            }
        case let .vectors(dx, dy):
            try same(series.x, "x", series.y, "y"); try same(series.x, "x", dx, "dx"); try same(series.x, "x", dy, "dy")
        }
    }

    /// True when at least one point survives: finite, and > 0 on log axes.
    func drawable(_ series: Series, _ ctx: PanelContext) -> Bool {
        func ok(_ v: Double, log: Bool) -> Bool { v.isFinite && (!log || v > 0) }
        switch series.mark {
        case .lines, .points, .linesPoints, .histogram:
            return zip(series.x, series.y).contains { ok($0, log: ctx.logX) && ok($1, log: ctx.logY) }
        case let .band(lower, upper):
            return series.x.indices.contains {
                ok(series.x[$0], log: ctx.logX) && ok(lower[$0], log: ctx.logY) && ok(upper[$0], log: ctx.logY)
            }
        case let .heatmap(z), let .surface(z, _):
            return !series.x.isEmpty && z.contains { $0.contains { ok($0, log: ctx.logColor) } }
        case let .vectors(dx, dy):
            return series.x.indices.contains {
                ok(series.x[$0], log: ctx.logX) && ok(series.y[$0], log: ctx.logY)
                    && dx[$0].isFinite && dy[$0].isFinite
                    && ok(series.x[$0] + dx[$0], log: ctx.logX) && ok(series.y[$0] + dy[$0], log: ctx.logY)
            }
        }
    }

    /// The series' data block, exactly as given (gnuplot skips what it cannot draw);
    /// counts values ≤ 0 on log axes for the panel's note.
    func makeBlock(_ series: Series, ctx: inout PanelContext, panel p: Int, index s: Int) -> Block {
        func count(_ values: [Double], log: Bool) -> Int { log ? values.filter { $0.isFinite && $0 <= 0 }.count : 0 }
        let kind: String
        let columns = GnuplotScript.columns(of: series.mark)
        var rows: [[Double]]
        var scan: Int? = nil
        switch series.mark {
        case .lines, .points, .linesPoints:
            kind = series.mark == .lines ? "lines" : series.mark == .points ? "points" : "linesPoints"
            rows = zip(series.x, series.y).map { [$0, $1] }
            ctx.droppedX += count(series.x, log: ctx.logX); ctx.droppedY += count(series.y, log: ctx.logY)
        case let .band(lower, upper):
            kind = "band"
            rows = series.x.indices.map { [series.x[$0], lower[$0], upper[$0]] }
            ctx.droppedX += count(series.x, log: ctx.logX); ctx.droppedY += count(lower + upper, log: ctx.logY)
        case let .histogram(width):
            kind = "histogram"
            rows = zip(series.x, series.y).map { [$0, $1, width] }
            ctx.droppedX += count(series.x, log: ctx.logX); ctx.droppedY += count(series.y, log: ctx.logY)
        case let .heatmap(z), let .surface(z, _):
            if case .heatmap = series.mark { kind = "heatmap" } else { kind = "surface" }
            rows = []
            for (j, row) in z.enumerated() { for (i, v) in row.enumerated() { rows.append([series.x[i], series.y[j], v]) } }
            scan = series.x.count
            ctx.droppedX += count(series.x, log: ctx.logX) * series.y.count
            ctx.droppedY += count(series.y, log: ctx.logY) * series.x.count
            ctx.droppedColor += count(z.flatMap { $0 }, log: ctx.logColor)
        case let .vectors(dx, dy):
            kind = "vectors"
            rows = series.x.indices.map { [series.x[$0], series.y[$0], dx[$0], dy[$0]] }
            ctx.droppedX += count(series.x, log: ctx.logX); ctx.droppedY += count(series.y, log: ctx.logY)
        }
        if rows.isEmpty {
            // Keep every block non-empty, so block numbers and `index` always agree.
            rows = [Array(repeating: .nan, count: columns.count)]
            scan = nil
        }
        let comment = "panel \(p + 1), series \(s + 1), \(kind): \(GnuplotText.commentSafe(series.label))"
        return Block(comment: comment, columns: columns, rows: rows, scan: scan)
    }

    func dash(_ d: Dash) -> String {
        switch d {
        case .solid: return "dt 1"
        case .dashed: return "dt (8,6)"
        case .dotted: return "dt (2,5)"
        case .dashDot: return "dt (8,5,2,5)"
        }
    }

    func plotClauses(_ series: Series, block b: Int, color: Color, ctx: PanelContext) -> [String] {
        let st = series.style
        let lc = "lc rgb '\(color.hex)'"
        let line = "lw \(Self.n(st.width)) \(dash(st.dash)) \(lc)"
        let title = series.label.isEmpty ? "notitle" : "title \(Self.q(series.label)) noenhanced"
        let source = "\(dataFile) index \(b) using "
        let xy = ctx.surface ? "1:2:(\(Self.n(ctx.floor)))" : "1:2"
        let flat = ctx.surface ? " nocontours" : ""
        switch series.mark {
        case .lines:
            return ["\(source)\(xy) with lines \(line) \(title)\(flat)"]
        case .points:
            return ["\(source)\(xy) with points pt 7 ps \(Self.n(st.pointSize)) \(lc) \(title)\(flat)"]
        case .linesPoints:
            return ["\(source)\(xy) with linespoints pt 7 ps \(Self.n(st.pointSize)) \(line) \(title)\(flat)"]
        case .band:
            return ["\(source)1:2:3 with filledcurves \(lc) fs transparent solid \(Self.n(st.fillOpacity)) noborder \(title)"]
        case .histogram:
            return ["\(source)1:2:3 with boxes \(lc) fs transparent solid \(Self.n(st.fillOpacity)) border \(lc) \(title)"]
        case .heatmap:
            return ["\(source)1:2:3 with image notitle"]
        case let .surface(_, contours):
            var c = ["\(source)1:2:3 with pm3d nocontours notitle"]
            if contours > 0 { c.append("\(source)1:2:3 with lines nosurface lw 1 lc rgb '#222222' notitle") }
            return c
        case .vectors:
            let head = "head filled size screen 0.012,20"
            let cols = ctx.surface ? "1:2:(\(Self.n(ctx.floor))):3:4:(0)" : "1:2:3:4"
            return ["\(source)\(cols) with vectors \(head) \(line) \(title)\(flat)"]
        }
    }

    // MARK: Data file

    var data: String {
        var out = "# Data for figure '\(name)', drawn by \(name).gp: one block per series, blocks separated by two blank lines.\n"
        out += "# Non-finite values are written nan, inf, -inf; gnuplot leaves such points out and breaks the line there.\n"
        for (b, block) in blocks.enumerated() {
            if b > 0 { out += "\n\n" }
            out += "# block \(b): \(block.comment)\n"
            out += "# " + block.columns.joined(separator: "\t") + "\n"
            for (r, row) in block.rows.enumerated() {
                if let scan = block.scan, r > 0, r % scan == 0 { out += "\n" }
                out += row.map(GnuplotText.number).joined(separator: "\t") + "\n"
            }
        }
        return out
    }
}
