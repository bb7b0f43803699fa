import Foundation

/// Where a chapter's displayed equation is implemented: the one source file and the declaration
/// in it, named by a marker on the line right under the equation's indented block,
///
///     h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h)
/// <!-- equation: Sources/Recurrence/VanillaCell.swift VanillaCell.forward -->
///
/// invisible on GitHub. The path is from the repository's root, so both editions of a chapter
/// carry the same marker (the parity check compares them). The symbol is a declaration's name,
/// dotted through the types that hold it (`BPTT.backward`, `cliffLossAndGradient`): a name, not
/// a line number, so the link follows the code as it moves. `rnnlab notebook check` reports a
/// marker whose file or symbol is missing; the book links the equation to the symbol's line.
public struct EquationSource: Sendable, Equatable {
    /// From the repository's root: `Sources/Recurrence/BPTT.swift`.
    public var path: String
    /// `BPTT.backward`.
    public var symbol: String

    /// The marker's text: `<!-- equation: PATH SYMBOL -->`.
    public var marker: String { "<!-- equation: \(path) \(symbol) -->" }

    /// Reads a line: nil when it is no equation marker, an error message when it is a malformed one.
    public static func parse(_ line: String) -> Result<EquationSource, MarkerError>? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("<!--"), text.dropFirst(4).trimmingCharacters(in: .whitespaces).hasPrefix("equation:") else { return nil }
        guard text.hasSuffix("-->") else { return .failure(MarkerError("an equation marker is one line ending in -->")) }
        let body = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces).dropFirst("equation:".count)
        let words = body.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 2 else {
            return .failure(MarkerError("expected `<!-- equation: PATH SYMBOL -->` (one file from the repository's root and one declaration in it)"))
        }
        let path = words[0]
        guard path.hasPrefix("Sources/"), !path.split(separator: "/").contains(".."), !path.contains("\\") else {
            return .failure(MarkerError("\(path): the file must be under Sources/, named from the repository's root"))
        }
        let symbol = words[1]
        guard symbol.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isIdentifier) else {
            return .failure(MarkerError("\(symbol): a symbol is a declaration's name, dotted through the types that hold it (`BPTT.backward`)"))
        }
        return .success(EquationSource(path: path, symbol: symbol))
    }

    /// The 1-based line of `symbol` in the file under `root`: the first line of its doc comment
    /// (where the equation is written) or, without one, of its declaration.
    public func line(root: URL) -> Result<Int, MarkerError> {
        guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else {
            return .failure(MarkerError("\(path) does not exist"))
        }
        guard let line = Self.line(of: symbol, in: text) else {
            return .failure(MarkerError("\(path) declares no `\(symbol)`"))
        }
        return .success(line)
    }

    /// The line of `symbol` in a Swift source text: each dotted part is looked for as a
    /// declaration (`func`, `var`, `let`, `case`, a type or an extension) after the one before it;
    /// comment lines are skipped. Then back over the doc comment and attributes above it.
    static func line(of symbol: String, in text: String) -> Int? {
        let lines = text.components(separatedBy: "\n")
        var from = 0, found: Int?
        for name in symbol.split(separator: ".") {
            let declaration = try! NSRegularExpression(pattern:
                #"(?:^|[\s(])(?:func|var|let|case|struct|enum|class|actor|protocol|extension|typealias)\s+"#
                + NSRegularExpression.escapedPattern(for: String(name)) + #"(?![\p{L}\p{N}_])"#)
            guard let i = (from..<lines.count).first(where: { i in
                let line = lines[i], trimmed = line.trimmingCharacters(in: .whitespaces)
                return !trimmed.hasPrefix("//")
                    && declaration.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
            }) else { return nil }
            found = i
            from = i + 1
        }
        guard var start = found else { return nil }
        while start > 0 {
            let above = lines[start - 1].trimmingCharacters(in: .whitespaces)
            guard above.hasPrefix("///") || above.hasPrefix("@") else { break }
            start -= 1
        }
        return start + 1
    }

    private static func isIdentifier(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
    }

    /// Why a marker cannot be read or resolved.
    public struct MarkerError: Error, CustomStringConvertible, Sendable, Equatable {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
