import Foundation

/// Turning untrusted text and numbers into gnuplot script pieces.
///
/// Titles, labels and legend entries come from experiment files anyone can write, and gnuplot
/// reads its script with a few traps: backquotes run a shell command (in bare text and inside
/// double quotes), `@name` expands a macro, a raw newline ends the command, and a file name
/// starting with `|` or `<` runs a shell. So user text only ever appears as single-quoted pieces
/// (where gnuplot expands nothing), and the four characters that cannot sit there safely —
/// `'`, newline, `@`, backquote — are joined in as double-quoted octal escapes, which put
/// no such character into the script at all:
///
///     it's @home  →  'it'."\047".'s '."\100".'home'
///
/// Control characters other than newline are replaced first (see `displayed`), and every piece of
/// user text is marked `noenhanced` where it is used, so `x_1^2` is shown as typed.
public enum GnuplotText {
    /// The text as it will be drawn: newlines kept (a line break), tabs become a space,
    /// every other control character (C0, DEL, C1) becomes U+FFFD �.
    public static func displayed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A: out.append(s)
            case 0x09: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: out.append("\u{FFFD}")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// One line of text safe inside a `#` comment of a script or data file: newlines become spaces.
    static func commentSafe(_ text: String) -> String {
        displayed(text).replacingOccurrences(of: "\n", with: " ")
    }

    /// A gnuplot string expression that evaluates to `displayed(text)` and expands nothing.
    public static func literal(_ text: String) -> String {
        let escapes: [Unicode.Scalar: String] = ["'": "\\047", "\n": "\\n", "@": "\\100", "`": "\\140"]
        var pieces: [String] = []
        var plain = ""
        var special = ""
        func flushPlain() { if !plain.isEmpty { pieces.append("'" + plain + "'"); plain = "" } }
        func flushSpecial() { if !special.isEmpty { pieces.append("\"" + special + "\""); special = "" } }
        for s in displayed(text).unicodeScalars {
            if let e = escapes[s] {
                flushPlain()
                special += e
            } else {
                flushSpecial()
                plain.unicodeScalars.append(s)
            }
        }
        flushPlain()
        flushSpecial()
        return pieces.isEmpty ? "''" : pieces.joined(separator: ".")
    }

    /// Shortest text that reads back as the same double (`nan`, `inf`, `-inf` for the rest);
    /// the same bytes on every run and every locale.
    public static func number(_ x: Double) -> String {
        x.isNaN ? "nan" : x.description
    }
}
