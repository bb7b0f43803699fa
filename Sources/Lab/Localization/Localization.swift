import Foundation

/// A language the figures can be drawn in. `--help`, messages and results stay English.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case korean = "ko"
}

/// The text of one experiment's figures in another language: one table per experiment, each
/// row an English text beside its translation, kept in `Sources/Lab/Localization/<language>/`.
///
/// A row's English side may hold `{}` for a part that varies (a number, a corpus name): it
/// matches any text there, and the translation puts those parts where its own `{}` stand, in
/// order, or where `{1}`, `{2}` … name them (Korean often reverses the order). Exact rows are tried first, then the patterns in table order. A text no row matches
/// is drawn as written (symbols such as `‖∂L/∂h_t‖` or `T = 50` need no row);
/// `FigureTextTests` checks that no English word is left in any figure of any experiment.
public struct Translation: Sendable {
    public typealias Row = (english: String, translated: String)
    private let exact: [String: String]
    private let patterns: [(regex: NSRegularExpression, template: String)]

    public init(_ rows: [Row]) {
        var exact: [String: String] = [:]
        var patterns: [(NSRegularExpression, String)] = []
        for row in rows {
            if row.english.contains("{}") {
                let parts = row.english.components(separatedBy: "{}").map(NSRegularExpression.escapedPattern(for:))
                // A full match; each {} takes as little as it can, the last as much as remains.
                let regex = try! NSRegularExpression(pattern: "^" + parts.joined(separator: "(.+?)") + "$", options: [.dotMatchesLineSeparators])
                patterns.append((regex, row.translated))
            } else {
                exact[row.english] = row.translated
            }
        }
        self.exact = exact
        self.patterns = patterns
    }

    /// The translation of `text`, or nil when no row matches it. The varying parts are
    /// translated too, so "LSTM, forget bias 1" finds the row for "forget bias {}" through "{}, {}".
    public func lookUp(_ text: String) -> String? {
        if let t = exact[text] { return t }
        let ns = text as NSString
        for (regex, template) in patterns {
            guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { continue }
            let parts = (1..<m.numberOfRanges).map { i -> String in
                let part = ns.substring(with: m.range(at: i))
                return lookUp(part) ?? part
            }
            // `{}` takes the next part in order; `{N}` the Nth (Korean often reverses the order:
            // "A against B" is "B에 대한 A", written "{2}에 대한 {1}").
            var out = "", rest = Substring(template), next = 0
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let inside = rest[rest.index(after: open)..<close]
                out += rest[..<open]
                if inside.isEmpty, next < parts.count { out += parts[next]; next += 1 }
                else if let n = Int(inside), parts.indices.contains(n - 1) { out += parts[n - 1] }
                else { out += rest[open...close] }
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
        return nil
    }

    /// `lookUp(text)`, or `text` itself when no row matches.
    public func callAsFunction(_ text: String) -> String { lookUp(text) ?? text }
}

public enum Localization {
    /// The translation of the figures of experiment kind `kind` into `language`: the kind's own
    /// table, then the rows every experiment shares. English is the identity.
    public static func translation(for kind: String, language: Language) -> Translation? {
        rows(language, tables: [kind]).map(Translation.init)
    }

    /// A function that translates one text (identity for English or an unknown kind).
    public static func translator(for kind: String, language: Language) -> @Sendable (String) -> String {
        translator(rows(language, tables: [kind]))
    }

    /// What the shipped experiment `kind` shows (the `description` of experiments/KIND.toml) in
    /// `language`, as one paragraph, or nil where there is no translation: English, and a kind
    /// the lab does not ship.
    public static func description(of kind: String, language: Language) -> String? {
        switch language {
        case .english: return nil
        case .korean: return Korean.descriptions[kind].map(paragraph)
        }
    }

    /// The `title` of experiments/KIND.toml in `language`, or nil where there is no translation.
    public static func title(of kind: String, language: Language) -> String? {
        switch language {
        case .english: return nil
        case .korean: return Korean.titles[kind]
        }
    }

    /// The title and description (one paragraph) a page in `language` shows for `file`: the
    /// kind's translation of each text the file keeps from its kind (`keepsKindTitle`,
    /// `keepsKindDescription`), else the file's own English. So a copy of irnn-adding.toml
    /// that says `kind = "irnn-adding"` reads in Korean until its text is edited.
    public static func texts(of file: ExperimentFile, language: Language) -> (title: String, description: String) {
        let title = file.keepsKindTitle ? Self.title(of: file.kind, language: language) : nil
        let description = file.keepsKindDescription ? Self.description(of: file.kind, language: language) : nil
        return (title ?? file.title, description ?? paragraph(file.description))
    }

    /// A text of an experiment file as one paragraph: a line break is a space.
    static func paragraph(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }

    /// The translation of a sweep's aggregate figure of experiment kind `kind`: the sweep
    /// figure's own rows (`Korean.tables["sweep"]`), then the kind's, then the shared ones.
    public static func sweepTranslator(for kind: String, language: Language) -> @Sendable (String) -> String {
        translator(rows(language, tables: ["sweep", kind]))
    }

    /// The rows of `tables`, in order, then the shared ones; nil for English.
    static func rows(_ language: Language, tables: [String]) -> [Translation.Row]? {
        switch language {
        case .english: return nil
        case .korean: return tables.flatMap { Korean.tables[$0] ?? [] } + Korean.shared
        }
    }

    static func translator(_ rows: [Translation.Row]?) -> @Sendable (String) -> String {
        guard let rows else { return { $0 } }
        let t = Translation(rows)
        return { t($0) }
    }
}
