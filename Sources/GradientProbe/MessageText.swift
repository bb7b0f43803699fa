/// Text from the input made fit for a one-line message on a terminal.
public enum MessageText {
    /// Input text (a key, a string, a bare word) is echoed up to 64 characters, then `…`:
    /// enough to recognise it, and a megabyte-long key still gives a one-line message.
    public static let maximumEchoedCharacters = 64

    /// `text` cut to `maximumEchoedCharacters`.
    public static func shortened(_ text: String) -> String {
        var n = 0
        var end = text.startIndex
        while end < text.endIndex, n < maximumEchoedCharacters { text.formIndex(after: &end); n += 1 }
        return end == text.endIndex ? text : text[..<end] + "…"
    }

    /// `text` with every character that could break the line or drive the terminal written
    /// as an escape: control characters (C0, DEL, C1: `\n`, `\t`, `\r`, else `\u{1B}`), the
    /// line and paragraph separators, and the bidirectional overrides and isolates.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
