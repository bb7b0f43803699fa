import Foundation

// The diagram model: shapes placed in pixels, no axes, written as one SVG file.
//
//   Diagram ─ a canvas (width × height, y pointing down) and its shapes, drawn in order
//     Shape ─ a box, a circle, a path (with an arrowhead or not) or a label
//
// `Plotting` draws data on axes through gnuplot; this module draws the pictures that have no
// axes (an unrolled network, a cell's wiring), so an experiment can write them beside its
// figures, where the run's fingerprint covers the code that drew them.

/// A point on the canvas, in pixels from the top-left corner.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An sRGB colour written as `#rrggbb`.
public struct Colour: Sendable, Equatable {
    public let hex: String

    /// `#rrggbb`; anything else is a programming error.
    public init(_ hex: String) {
        precondition(hex.count == 7 && hex.hasPrefix("#") && hex.dropFirst().allSatisfy(\.isHexDigit), "colour '\(hex)'")
        self.hex = hex.lowercased()
    }

    public static let black = Colour("#222222")
    public static let gray = Colour("#777777")
    public static let white = Colour("#ffffff")
    /// The gradient's path: the same red as `Plotting`'s.
    public static let red = Colour("#d62728")
    public static let blue = Colour("#1f77b4")
    public static let green = Colour("#2ca02c")
    public static let orange = Colour("#e07b00")
    public static let purple = Colour("#9467bd")
}

/// How a shape's outline is drawn.
public struct Stroke: Sendable, Equatable {
    public var colour: Colour
    public var width: Double
    public var dashed: Bool

    public init(_ colour: Colour = .black, width: Double = 1.5, dashed: Bool = false) {
        self.colour = colour; self.width = width; self.dashed = dashed
    }
}

/// One thing drawn on the canvas.
public enum Shape: Sendable, Equatable {
    /// A rectangle centred at `centre`, corners rounded by `radius`.
    case box(centre: Point, width: Double, height: Double, radius: Double, fill: Colour, stroke: Stroke)
    case circle(centre: Point, radius: Double, fill: Colour, stroke: Stroke)
    /// Straight segments through `points`; with `arrow`, a filled head at the last point.
    case path(points: [Point], stroke: Stroke, arrow: Bool)
    /// Text in `MathText` markup (`h_{t−1}`, `W^{(ℓ)}_{xh}`) at `at`, which is the baseline's
    /// start, middle or end as `anchor` says.
    case label(text: String, at: Point, size: Double, anchor: Anchor, colour: Colour, bold: Bool, italic: Bool)
}

/// Where a label sits relative to its point.
public enum Anchor: String, Sendable, Equatable {
    case start, middle, end
}

/// A picture: a canvas and its shapes, drawn in the order they were added (later on top).
public struct Diagram: Sendable, Equatable {
    public var width: Double
    public var height: Double
    /// Read by screen readers and shown as a tooltip: what the picture shows, in words.
    public var title: String
    public private(set) var shapes: [Shape] = []

    public init(width: Double, height: Double, title: String) {
        precondition(width > 0 && height > 0 && width.isFinite && height.isFinite, "diagram size \(width)×\(height)")
        self.width = width; self.height = height; self.title = title
    }

    /// Base font size in pixels: 15 px reads at the size a chapter shows the picture.
    public static let fontSize = 15.0
    /// DejaVu Sans first (the figures' font); NanumGothic (`fonts-nanum`, installed by
    /// `scripts/setup.sh`) or Noto Sans CJK KR for Hangul, which DejaVu Sans lacks.
    public static let font = "DejaVu Sans, NanumGothic, Noto Sans CJK KR, Helvetica, Arial, sans-serif"

    public mutating func add(_ shape: Shape) { shapes.append(shape) }

    public mutating func box(_ centre: Point, width: Double, height: Double, fill: Colour,
                             stroke: Stroke = Stroke(), radius: Double = 6) {
        add(.box(centre: centre, width: width, height: height, radius: radius, fill: fill, stroke: stroke))
    }

    public mutating func circle(_ centre: Point, radius: Double, fill: Colour = .white, stroke: Stroke = Stroke()) {
        add(.circle(centre: centre, radius: radius, fill: fill, stroke: stroke))
    }

    /// A line through `points`.
    public mutating func line(_ points: [Point], stroke: Stroke = Stroke()) {
        add(.path(points: points, stroke: stroke, arrow: false))
    }

    /// A line through `points` with an arrowhead at the last one.
    public mutating func arrow(_ points: [Point], stroke: Stroke = Stroke()) {
        add(.path(points: points, stroke: stroke, arrow: true))
    }

    /// Every label's text and the title, in drawing order (the title first).
    public var texts: [String] {
        [title] + shapes.compactMap { if case let .label(text, _, _, _, _, _, _) = $0 { return text } else { return nil } }
    }

    /// The same picture with the title and every label's text passed through `transform` (a
    /// translation); shapes, positions and sizes are unchanged.
    public func mapTexts(_ transform: (String) -> String) -> Diagram {
        var copy = self
        copy.title = transform(title)
        copy.shapes = shapes.map { shape in
            guard case let .label(text, at, size, anchor, colour, bold, italic) = shape else { return shape }
            return .label(text: transform(text), at: at, size: size, anchor: anchor, colour: colour, bold: bold, italic: italic)
        }
        return copy
    }

    /// A label whose text is centred on `at` vertically too (the baseline sits a third of the
    /// font size below it), the usual case inside a box or a circle.
    public mutating func text(_ text: String, _ at: Point, size: Double = Diagram.fontSize, anchor: Anchor = .middle,
                              colour: Colour = .black, bold: Bool = false, italic: Bool = false) {
        add(.label(text: text, at: Point(at.x, at.y + size / 3), size: size, anchor: anchor, colour: colour,
                   bold: bold, italic: italic))
    }

    /// The SVG document: a white background, then every shape in order. Spaces in labels are
    /// kept as written (`xml:space="preserve"`): the space after a subscript is not dropped.
    public var svg: String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" \
        font-family="\(Diagram.font)" font-size="\(n(Diagram.fontSize))" xml:space="preserve">
        <title>\(MathText.escaped(title))</title>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>

        """
        for shape in shapes { out += element(shape) + "\n" }
        return out + "</svg>\n"
    }

    private func strokeAttributes(_ s: Stroke) -> String {
        "stroke=\"\(s.colour.hex)\" stroke-width=\"\(n(s.width))\"" + (s.dashed ? " stroke-dasharray=\"6 4\"" : "")
    }

    private func element(_ shape: Shape) -> String {
        switch shape {
        case let .box(c, w, h, r, fill, stroke):
            return "<rect x=\"\(n(c.x - w / 2))\" y=\"\(n(c.y - h / 2))\" width=\"\(n(w))\" height=\"\(n(h))\" rx=\"\(n(r))\" "
                + "fill=\"\(fill.hex)\" \(strokeAttributes(stroke))/>"
        case let .circle(c, r, fill, stroke):
            return "<circle cx=\"\(n(c.x))\" cy=\"\(n(c.y))\" r=\"\(n(r))\" fill=\"\(fill.hex)\" \(strokeAttributes(stroke))/>"
        case let .path(points, stroke, arrow):
            guard points.count >= 2 else { return "" }
            var pts = points
            var head = ""
            if arrow {
                // The head is a filled triangle whose tip is the last point; the line stops at its base.
                let tip = points[points.count - 1], from = points[points.count - 2]
                let dx = tip.x - from.x, dy = tip.y - from.y, length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
                let ux = dx / length, uy = dy / length
                let size = 7 + 1.5 * stroke.width, half = size * 0.45
                let base = Point(tip.x - ux * size, tip.y - uy * size)
                pts[pts.count - 1] = Point(tip.x - ux * size * 0.8, tip.y - uy * size * 0.8)
                let corners = [tip, Point(base.x - uy * half, base.y + ux * half), Point(base.x + uy * half, base.y - ux * half)]
                head = "\n<polygon points=\"\(corners.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " "))\" fill=\"\(stroke.colour.hex)\"/>"
            }
            let d = pts.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(n($0.element.x)),\(n($0.element.y))" }.joined(separator: " ")
            return "<path d=\"\(d)\" fill=\"none\" \(strokeAttributes(stroke)) stroke-linejoin=\"round\" stroke-linecap=\"round\"/>" + head
        case let .label(text, at, size, anchor, colour, bold, italic):
            var attributes = "x=\"\(n(at.x))\" y=\"\(n(at.y))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(colour.hex)\""
            if size != Diagram.fontSize { attributes += " font-size=\"\(n(size))\"" }
            if bold { attributes += " font-weight=\"bold\"" }
            if italic { attributes += " font-style=\"italic\"" }
            return "<text \(attributes)>\(MathText.tspans(text, size: size))</text>"
        }
    }
}

/// A coordinate or size as SVG text: at most two decimals, no trailing zeros, never `-0`.
func n(_ x: Double) -> String {
    precondition(x.isFinite, "a diagram coordinate is \(x)")
    let rounded = (x * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var s = String(format: "%.2f", rounded)
    while s.hasSuffix("0") { s.removeLast() }
    return s
}
