import Foundation

/// A file format a figure is drawn to. The text picture for the terminal is `show`, not a format.
public enum OutputFormat: String, Sendable, Codable, CaseIterable, Equatable {
    case png, svg, pdf

    /// The file extension, which is also the value of `format` in a saved script.
    public var fileExtension: String { rawValue }

    /// Parses a list such as `"png,svg"` or `"PDF"`: comma separated, case and spaces ignored,
    /// duplicates dropped, order kept. Throws `PlotError.unknownFormat` naming the first bad entry.
    public static func parseList(_ text: String) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: word) else { throw PlotError.unknownFormat(String(part)) }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }
}

/// Everything that can go wrong while drawing; each `description` says what to do next.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// The figure cannot be drawn as given (bad name, mismatched lengths, log range through zero…).
    case invalidFigure(name: String, problem: String)
    /// gnuplot is not installed (or not at the path given). The data and scripts were written;
    /// `written` lists them, `figures` names the figures whose pictures are missing.
    case gnuplotNotFound(searched: String, figures: [String], written: [URL])
    /// gnuplot ran and failed; the script and data stay on disk for a look.
    case gnuplotFailed(figure: String, script: URL, line: Int?, scriptLine: String?, message: String)
    /// gnuplot ran longer than its timeout and was killed with its whole process group.
    case gnuplotTimedOut(figure: String, seconds: Double)
    /// gnuplot exited 0 but a picture it wrote is not whole (a full disk cuts a PNG short);
    /// nothing was installed under the picture's name.
    case incompletePicture(file: URL, problem: String)
    /// Drawing was stopped (`Plotter.stopAll()`, on a signal); gnuplot was killed.
    case stopped(figure: String)
    /// A saved data file is missing or not what its figure model declares.
    case damagedData(file: URL, problem: String)
    /// A saved figure model (`NAME.figure.json`) is missing or was not written by this library.
    case damagedModel(file: URL, problem: String)
    /// The folder holds figures saved before figure models existed (`NAME.gp` and `NAME.tsv`
    /// only); they are not redrawn from their scripts, so the run that wrote them must be repeated.
    case noFigureModels(folder: URL, figures: [String])
    /// A format name that is not png, svg or pdf.
    case unknownFormat(String)
    /// A gnuplot timeout that is not a number of seconds > 0.
    case badTimeout(String)
    /// Re-rendering a folder that holds no saved figure.
    case noFigures(folder: URL)
    /// Reading or writing a file failed.
    case io(file: URL, problem: String)

    public var description: String {
        switch self {
        case let .invalidFigure(name, problem):
            return "figure '\(GnuplotText.commentSafe(name))' cannot be drawn: \(problem)"
        case let .gnuplotNotFound(searched, figures, written):
            let names = figures.map { "'\($0)'" }.joined(separator: ", ")
            let folder = written.first?.deletingLastPathComponent().path ?? "the output folder"
            return """
                gnuplot is not installed (\(searched)), so figure\(figures.count == 1 ? "" : "s") \(names) \
                \(figures.count == 1 ? "was" : "were") not drawn. Their data and scripts are in \(folder). \
                Install gnuplot with `sudo apt-get install gnuplot-nox` (or run ./scripts/setup.sh), \
                then draw them again with `rnnlab plot`.
                """
        case let .gnuplotFailed(figure, script, line, scriptLine, message):
            var text = "gnuplot failed on figure '\(figure)'"
            if let line { text += " at \(script.lastPathComponent) line \(line)" }
            text += ": \(message)"
            if let scriptLine { text += "\n  \(line.map(String.init) ?? "?") | \(scriptLine)" }
            text += "\nThe script and data are kept in \(script.deletingLastPathComponent().path)."
            return text
        case let .gnuplotTimedOut(figure, seconds):
            return "gnuplot took longer than \(GnuplotText.number(seconds)) s on figure '\(figure)' and was stopped; "
                + "set \(Gnuplot.timeoutVariable) to a number of seconds to allow more"
        case let .incompletePicture(file, problem):
            return "gnuplot's \(file.lastPathComponent) is not a whole picture (\(problem)); nothing was written under that name"
        case let .stopped(figure):
            return "drawing figure '\(figure)' was stopped"
        case let .damagedData(file, problem):
            return "data file \(file.path) is damaged: \(problem)"
        case let .damagedModel(file, problem):
            return "figure model \(file.path) cannot be used: \(problem)"
        case let .noFigureModels(folder, figures):
            let names = figures.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (figures.count > 5 ? "…" : "")
            return "\(folder.path) holds figures (\(names)) saved without a figure model (NAME.figure.json), "
                + "and saved scripts are never run; run the experiment again to redraw them"
        case let .unknownFormat(word):
            return "unknown output format '\(GnuplotText.commentSafe(word))': use png, svg or pdf, separated by commas"
        case let .badTimeout(text):
            return "gnuplot timeout '\(GnuplotText.commentSafe(text))' is not a number of seconds > 0"
        case let .noFigures(folder):
            return "no saved figures (NAME.figure.json beside NAME.tsv) in \(folder.path)"
        case let .io(file, problem):
            return "cannot write \(file.path): \(problem)"
        }
    }
}
