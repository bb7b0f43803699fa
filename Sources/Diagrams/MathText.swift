/// The label markup of a diagram: plain text with TeX's sub- and superscripts, so a label is
/// written as the chapters write the symbol.
///
///     h_{t−1}   W_{hh}   x_t   W^{(ℓ)}_{xh}   h^→_t
///
/// `_` and `^` take the next character, or a `{…}` group (no nesting); everything else is
/// literal. Scripts are drawn at 70 % size, lowered or raised by a third of the font size.
public enum MathText {
    /// A run of text at one level: 0 on the baseline, −1 subscript, +1 superscript.
    struct Run: Equatable {
        var text: String
        var level: Int
    }

    static func runs(_ markup: String) -> [Run] {
        var out: [Run] = []
        func append(_ text: String, _ level: Int) {
            guard !text.isEmpty else { return }
            if let last = out.last, last.level == level { out[out.count - 1].text += text } else { out.append(Run(text: text, level: level)) }
        }
        var chars = Array(markup)[...]
        while let c = chars.popFirst() {
            guard c == "_" || c == "^", let next = chars.first else { append(String(c), 0); continue }
            let level = c == "_" ? -1 : 1
            if next == "{", let close = chars.firstIndex(of: "}") {
                append(String(chars[chars.index(after: chars.startIndex)..<close]), level)
                chars = chars[chars.index(after: close)...]
            } else {
                append(String(next), level)
                chars = chars.dropFirst()
            }
        }
        return out
    }

    /// The markup as the content of an SVG `<text>` of font size `size`: one `<tspan>` per run,
    /// each shifted by `dy` relative to the one before, and back to the baseline at the end.
    public static func tspans(_ markup: String, size: Double) -> String {
        let shift = size / 3
        var level = 0
        var out = ""
        for run in runs(markup) {
            let dy = Double(level - run.level) * shift      // y points down: a subscript is +dy
            var attributes = dy == 0 ? "" : " dy=\"\(n(dy))\""
            if run.level != 0 { attributes += " font-size=\"\(n(size * 0.7))\"" }
            out += attributes.isEmpty ? escaped(run.text) : "<tspan\(attributes)>\(escaped(run.text))</tspan>"
            level = run.level
        }
        return out
    }

    /// The markup without its script marks, as a reader would say it: `h_{t−1}` → `ht−1`.
    public static func plain(_ markup: String) -> String { runs(markup).map(\.text).joined() }

    /// `&`, `<`, `>` and `"` as XML entities.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
