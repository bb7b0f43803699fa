import Foundation

// The figure model: plain values, no gnuplot in sight.
//
//   Figure ─ panels in a rows×columns grid, one title, one size
//     Panel ─ axes (labels, linear/log scales, ranges), key, reference lines, text labels
//       Series ─ label + mark + data (x, y, and whatever the mark needs) + style
//
// A figure is turned into a gnuplot script plus data by `GnuplotScript(figure)` (pure),
// and drawn to files by `Plotter().write(figure, to: folder, formats: [.png])`.

/// A figure: one or more panels laid out in a grid, drawn to `NAME.png`, `NAME.gp`, `NAME.tsv`…
public struct Figure: Sendable, Codable, Equatable {
    /// File name stem: a slug matching `[a-z0-9][a-z0-9_-]*`, so it can never name a pipe or a path.
    public var name: String
    public var title: String
    /// Pixels for PNG and SVG; PDF is the same shape at 100 px per inch.
    public var size: Size
    /// nil: one panel per cell, filled row by row, as square a grid as fits (1, 1×2, 1×3, 2×2, 2×3, 3×3…).
    public var layout: Grid?
    public var panels: [Panel]

    public init(name: String, title: String = "", size: Size = .standard, layout: Grid? = nil, panels: [Panel]) {
        self.name = name
        self.title = title
        self.size = size
        self.layout = layout
        self.panels = panels
    }

    /// One panel, the common case.
    public init(name: String, title: String = "", size: Size = .standard, panel: Panel) {
        self.init(name: name, title: title, size: size, layout: nil, panels: [panel])
    }

    /// The grid actually used: `layout`, or the automatic one.
    public var resolvedLayout: Grid {
        if let layout { return layout }
        let n = max(panels.count, 1)
        let columns = n <= 3 ? n : Int((Double(n).squareRoot()).rounded(.up))
        return Grid(rows: (n + columns - 1) / columns, columns: columns)
    }

    /// True when `name` is a plain slug: `[a-z0-9][a-z0-9_-]*`, at most 100 characters.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 100 else { return false }
        func isAlnum(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        return isAlnum(first) && name.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" }
    }
}

/// Output size in pixels. 1000×650 keeps 12-point text readable when the PNG is shown at full width.
public struct Size: Sendable, Codable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    public static let standard = Size(width: 1000, height: 650)
}

/// A rows × columns grid of panels.
public struct Grid: Sendable, Codable, Equatable {
    public var rows: Int
    public var columns: Int
    public init(rows: Int, columns: Int) { self.rows = rows; self.columns = columns }
}

/// One set of axes: what matplotlib calls an `Axes`.
public struct Panel: Sendable, Codable, Equatable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: Scale
    public var yScale: Scale
    /// nil: fitted to the data.
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var key: Key
    public var series: [Series]
    public var referenceLines: [ReferenceLine]
    public var labels: [TextLabel]
    /// Colour bar of heatmaps and surfaces: its label (default: the first such series' label) and scale.
    public var colorLabel: String?
    public var colorScale: Scale
    /// One unit on x as long as one unit on y, so a circle looks round (eigenvalues in the complex plane).
    public var equalAspect: Bool

    public init(
        title: String = "", xLabel: String = "", yLabel: String = "",
        xScale: Scale = .linear, yScale: Scale = .linear,
        xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
        key: Key = .topRight, series: [Series],
        referenceLines: [ReferenceLine] = [], labels: [TextLabel] = [],
        colorLabel: String? = nil, colorScale: Scale = .linear, equalAspect: Bool = false
    ) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.xScale = xScale; self.yScale = yScale
        self.xRange = xRange; self.yRange = yRange
        self.key = key; self.series = series
        self.referenceLines = referenceLines; self.labels = labels
        self.colorLabel = colorLabel; self.colorScale = colorScale; self.equalAspect = equalAspect
    }
}

public enum Scale: String, Sendable, Codable, Equatable {
    case linear
    /// Base 10, ticks printed as 10^k. Values ≤ 0 are left out, with a note on the panel.
    case log
}

/// Where the legend goes.
public enum Key: String, Sendable, Codable, Equatable {
    case topRight, topLeft, bottomRight, bottomLeft
    /// To the right of the axes, outside the plot area.
    case outside
    case hidden
}

/// A labelled data series drawn with one mark.
///
/// `x` and `y` are always the positions; marks that need more carry it:
/// a band its lower and upper edges (y is unused), a heatmap or surface its z grid
/// (`z[j][i]` is the value at `(x[i], y[j])`), vectors their components.
public struct Series: Sendable, Codable, Equatable {
    public var label: String
    public var mark: Mark
    public var x: [Double]
    public var y: [Double]
    public var style: Style

    public init(label: String, mark: Mark = .lines, x: [Double], y: [Double], style: Style = Style()) {
        self.label = label; self.mark = mark; self.x = x; self.y = y; self.style = style
    }
}

/// How a series is drawn.
public enum Mark: Sendable, Codable, Equatable {
    case lines
    case points
    case linesPoints
    /// Filled between `lower[i]` and `upper[i]` at `x[i]`; drawn under the lines that follow it.
    case band(lower: [Double], upper: [Double])
    /// Bars centred at `x` with heights `y`, all `binWidth` wide. Make one with `Series.histogram`.
    case histogram(binWidth: Double)
    /// Coloured cells on the evenly spaced grid `x` × `y`; `z[j][i]` at `(x[i], y[j])`.
    case heatmap(z: [[Double]])
    /// Coloured surface seen from above with `contours` contour lines; `z[j][i]` at `(x[i], y[j])`.
    /// Line and point series in the same panel are drawn on top (trajectories on a loss surface).
    case surface(z: [[Double]], contours: Int)
    /// An arrow from `(x[i], y[i])` to `(x[i] + dx[i], y[i] + dy[i])`.
    case vectors(dx: [Double], dy: [Double])
}

/// Colour, dash and widths. nil colour: the next one in `Color.cycle`.
public struct Style: Sendable, Codable, Equatable {
    public var color: Color?
    public var dash: Dash
    /// Line width, in units of the terminal's base line width.
    public var width: Double
    public var pointSize: Double
    /// Opacity of filled marks (bands, histogram bars), 0…1.
    public var fillOpacity: Double

    public init(color: Color? = nil, dash: Dash = .solid, width: Double = 2, pointSize: Double = 1, fillOpacity: Double = 0.3) {
        self.color = color; self.dash = dash; self.width = width; self.pointSize = pointSize; self.fillOpacity = fillOpacity
    }
}

public enum Dash: String, Sendable, Codable, Equatable {
    case solid, dashed, dotted, dashDot
}

/// An sRGB colour; written to scripts from its components only, so it can carry no text.
public struct Color: Sendable, Codable, Equatable, Hashable {
    public var red: UInt8, green: UInt8, blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) { self.red = red; self.green = green; self.blue = blue }

    /// `#rrggbb` or `rrggbb`; nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let v = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(v >> 16), green: UInt8((v >> 8) & 0xff), blue: UInt8(v & 0xff))
    }

    /// `#rrggbb`, lower case.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [red, green, blue].map { String([digits[Int($0 >> 4)], digits[Int($0 & 0xf)]]) }.joined()
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let c = Color(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "colour '\(text)' is not #rrggbb"))
        }
        self = c
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    public static let blue = Color(hex: "#1f77b4")!
    public static let orange = Color(hex: "#ff7f0e")!
    public static let green = Color(hex: "#2ca02c")!
    public static let red = Color(hex: "#d62728")!
    public static let purple = Color(hex: "#9467bd")!
    public static let brown = Color(hex: "#8c564b")!
    public static let pink = Color(hex: "#e377c2")!
    public static let gray = Color(hex: "#7f7f7f")!
    public static let black = Color(red: 0, green: 0, blue: 0)

    /// Series without a colour take these in turn (matplotlib's "tab10", familiar to most readers).
    public static let cycle: [Color] = [.blue, .orange, .green, .red, .purple, .brown, .pink, .gray]
}

/// A horizontal or vertical line across the whole panel, e.g. y = 1 for a spectral radius of one.
public struct ReferenceLine: Sendable, Codable, Equatable {
    public enum Orientation: String, Sendable, Codable, Equatable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    public var label: String
    public var style: Style

    public init(y: Double, label: String = "", style: Style = ReferenceLine.defaultStyle) {
        self.orientation = .horizontal; self.value = y; self.label = label; self.style = style
    }

    public init(x: Double, label: String = "", style: Style = ReferenceLine.defaultStyle) {
        self.orientation = .vertical; self.value = x; self.label = label; self.style = style
    }

    public static let defaultStyle = Style(color: Color(hex: "#555555")!, dash: .dashed, width: 1.5)
}

/// Text at a point given in data coordinates.
public struct TextLabel: Sendable, Codable, Equatable {
    public var text: String
    public var x: Double
    public var y: Double
    public init(_ text: String, x: Double, y: Double) { self.text = text; self.x = x; self.y = y }
}

// MARK: - Making series

extension Series {
    public static func lines(_ label: String, x: [Double], y: [Double], style: Style = Style()) -> Series {
        Series(label: label, mark: .lines, x: x, y: y, style: style)
    }

    public static func points(_ label: String, x: [Double], y: [Double], style: Style = Style()) -> Series {
        Series(label: label, mark: .points, x: x, y: y, style: style)
    }

    public static func linesPoints(_ label: String, x: [Double], y: [Double], style: Style = Style()) -> Series {
        Series(label: label, mark: .linesPoints, x: x, y: y, style: style)
    }

    /// Filled between `lower` and `upper`. Without a colour it takes the colour of the next
    /// series in the cycle without using it up, so put a band just before the line it surrounds.
    public static func band(_ label: String, x: [Double], lower: [Double], upper: [Double], style: Style = Style()) -> Series {
        Series(label: label, mark: .band(lower: lower, upper: upper), x: x, y: [], style: style)
    }

    /// Bins `samples` into `bins` equal bins spanning their finite range.
    ///
    /// density: heights are count / (n · binWidth), so the bars have area 1 and a probability
    /// density drawn as a `.lines` series on the same panel lies on top of them.
    /// Non-finite samples are left out and counted in the label.
    public static func histogram(_ label: String, samples: [Double], bins: Int = 30, density: Bool = true, style: Style = Style()) -> Series {
        let finite = samples.filter(\.isFinite)
        let dropped = samples.count - finite.count
        let fullLabel = dropped == 0 ? label : "\(label) (\(dropped) non-finite left out)"
        guard let lo = finite.min(), let hi = finite.max() else {
            return Series(label: fullLabel, mark: .histogram(binWidth: 1), x: [], y: [], style: style)
        }
        let n = max(bins, 1)
        let width = hi > lo ? (hi - lo) / Double(n) : 1
        var counts = [Double](repeating: 0, count: n)
        for s in finite { counts[min(Int((s - lo) / width), n - 1)] += 1 }
        let scale = density ? 1 / (Double(finite.count) * width) : 1
        let centres = (0..<n).map { lo + (Double($0) + 0.5) * width }
        return Series(label: fullLabel, mark: .histogram(binWidth: width), x: centres, y: counts.map { $0 * scale }, style: style)
    }

    /// Colour cells: `z[j][i]` at `(x[i], y[j])`; x and y evenly spaced.
    public static func heatmap(_ label: String, x: [Double], y: [Double], z: [[Double]]) -> Series {
        Series(label: label, mark: .heatmap(z: z), x: x, y: y)
    }

    /// A surface seen from above with contour lines: `z[j][i]` at `(x[i], y[j])`.
    public static func surface(_ label: String, x: [Double], y: [Double], z: [[Double]], contours: Int = 10) -> Series {
        Series(label: label, mark: .surface(z: z, contours: contours), x: x, y: y)
    }

    /// Arrows from `(x, y)` to `(x + dx, y + dy)`.
    public static func vectors(_ label: String, x: [Double], y: [Double], dx: [Double], dy: [Double], style: Style = Style()) -> Series {
        Series(label: label, mark: .vectors(dx: dx, dy: dy), x: x, y: y, style: style)
    }

    /// A circle as a closed line of `segments` pieces, e.g. the unit circle under eigenvalues.
    public static func circle(_ label: String, center: (x: Double, y: Double) = (0, 0), radius: Double = 1, segments: Int = 200,
                              style: Style = Style(color: .gray, dash: .dashed, width: 1.5)) -> Series {
        let angles = (0...segments).map { 2 * Double.pi * Double($0) / Double(segments) }
        return Series(label: label, mark: .lines,
                      x: angles.map { center.x + radius * cos($0) }, y: angles.map { center.y + radius * sin($0) },
                      style: style)
    }
}

// MARK: - Every text of a figure

extension Figure {
    /// Every text a reader sees, in drawing order: the figure's title, then each panel's title,
    /// axis labels, colour-bar label, series labels, reference-line labels and text labels.
    /// Data, file names and styles are not text.
    public var texts: [String] {
        var out = [title]
        for panel in panels {
            out += [panel.title, panel.xLabel, panel.yLabel]
            if let c = panel.colorLabel { out.append(c) }
            out += panel.series.map(\.label) + panel.referenceLines.map(\.label) + panel.labels.map(\.text)
        }
        return out.filter { !$0.isEmpty }
    }

    /// The same figure with every text in `texts` passed through `transform` (a translation,
    /// for example); empty texts stay empty, and nothing else changes.
    public func mapTexts(_ transform: (String) -> String) -> Figure {
        func t(_ s: String) -> String { s.isEmpty ? s : transform(s) }
        var copy = self
        copy.title = t(title)
        for p in copy.panels.indices {
            copy.panels[p].title = t(copy.panels[p].title)
            copy.panels[p].xLabel = t(copy.panels[p].xLabel)
            copy.panels[p].yLabel = t(copy.panels[p].yLabel)
            copy.panels[p].colorLabel = copy.panels[p].colorLabel.map(t)
            for s in copy.panels[p].series.indices { copy.panels[p].series[s].label = t(copy.panels[p].series[s].label) }
            for r in copy.panels[p].referenceLines.indices { copy.panels[p].referenceLines[r].label = t(copy.panels[p].referenceLines[r].label) }
            for l in copy.panels[p].labels.indices { copy.panels[p].labels[l].text = t(copy.panels[p].labels[l].text) }
        }
        return copy
    }
}
