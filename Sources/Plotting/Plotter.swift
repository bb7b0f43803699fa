import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes figures to a folder and draws them with gnuplot.
///
///     let plotter = Plotter()
///     try plotter.write(figure, to: folder, formats: [.png, .svg])
///     // folder/NAME.tsv, NAME.gp, NAME.figure.json, NAME.png, NAME.svg
///
/// Every file appears whole or not at all: each is written under a temporary name in the same
/// folder, checked (a picture must be a complete PNG, SVG or PDF, see `PictureCheck`), then
/// renamed. Data, script and figure model are written before gnuplot runs, so they stay when
/// gnuplot fails or is missing.
///
/// gnuplot is always fed the script rendered from the figure in memory, never a file from
/// disk: `write` renders the figure it is given, `rerender` the figure read back from
/// `NAME.figure.json` and `NAME.tsv` (see `SavedFigure`). The `.gp` beside them is for people.
public struct Plotter: Sendable {
    /// The gnuplot executable; nil: `$RNNLAB_GNUPLOT`, else `gnuplot` on `$PATH`.
    public var gnuplotPath: String?
    /// Seconds gnuplot may take per figure; nil: `$RNNLAB_GNUPLOT_TIMEOUT`, else 120.
    public var timeout: Double?
    /// Where `show` sends the text picture (default: standard output).
    public var console: @Sendable (String) -> Void

    public init(gnuplotPath: String? = nil, timeout: Double? = nil,
                console: @escaping @Sendable (String) -> Void = Plotter.printToStandardOutput) {
        self.gnuplotPath = gnuplotPath
        self.timeout = timeout
        self.console = console
    }

    public static let printToStandardOutput: @Sendable (String) -> Void = { text in
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `NAME.tsv`, `NAME.gp` and `NAME.figure.json` to `folder` (created if needed),
    /// then draws `NAME.<format>` for each format and, with `show`, prints a text picture to
    /// `console`. Returns the files written. Throws `PlotError.gnuplotNotFound` (data, script
    /// and model written, pictures missing), `.gnuplotFailed`, `.gnuplotTimedOut`,
    /// `.incompletePicture`, `.stopped`, `.invalidFigure` or `.io`.
    @discardableResult
    public func write(_ figure: Figure, to folder: URL, formats: [OutputFormat] = [.png], show: Bool = false) throws -> [URL] {
        let rendered = try GnuplotScript(figure)
        let model: Data
        do { model = try SavedFigure(figure).encoded() } catch {
            throw PlotError.invalidFigure(name: figure.name, problem: "its model cannot be written as JSON: \(error)")
        }
        let folder = folder.absoluteURL.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PlotError.io(file: folder, problem: error.localizedDescription)
        }
        let dataURL = folder.appendingPathComponent(rendered.dataFileName)
        let scriptURL = folder.appendingPathComponent(rendered.scriptFileName)
        let modelURL = folder.appendingPathComponent(SavedFigure.fileName(figure.name))
        try Self.writeAtomically(Data(rendered.data.utf8), to: dataURL)
        try Self.writeAtomically(Data(rendered.script.utf8), to: scriptURL)
        try Self.writeAtomically(model, to: modelURL)
        let written = [dataURL, scriptURL, modelURL]
        if formats.isEmpty && !show { return written }
        let gnuplot = try locate(figures: [figure.name], written: written)
        return written + (try draw(rendered, in: folder, formats: formats, show: show, with: gnuplot))
    }

    /// The version of the gnuplot this plotter would run, or nil when there is none.
    public func gnuplotVersion() -> String? {
        guard case .success(let gnuplot) = Gnuplot.locate(path: gnuplotPath) else { return nil }
        return gnuplot.version()
    }

    /// Draws again every figure saved in `folder` (each `NAME.figure.json` beside its
    /// `NAME.tsv`) without recomputing anything: reads each back into a `Figure` (checked
    /// strictly, see `SavedFigure`), renders its script again and draws that. Any `.gp` in the
    /// folder is ignored. Every figure is read before any is drawn, so a damaged file is named
    /// (`.damagedModel`, `.damagedData`) before gnuplot starts. A folder saved before figure
    /// models existed throws `.noFigureModels`; a folder that is a symbolic link is refused.
    /// Returns the pictures written.
    @discardableResult
    public func rerender(folder: URL, formats: [OutputFormat] = [.png], show: Bool = false) throws -> [URL] {
        let folder = folder.absoluteURL.standardizedFileURL
        switch PlotFiles.kind(atPath: folder.path) {
        case nil: throw PlotError.noFigures(folder: folder)
        case "a directory": break
        case let kind?: throw PlotError.io(file: folder, problem: "it is \(kind), not a folder; rnnlab draws only into folders it wrote")
        }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw PlotError.noFigures(folder: folder)
        }
        func stems(_ suffix: String) -> [String] {
            entries.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.filter(Figure.isValidName).sorted()
        }
        let names = stems(SavedFigure.fileSuffix)
        guard !names.isEmpty else {
            let old = stems(".gp")
            throw old.isEmpty ? PlotError.noFigures(folder: folder) : PlotError.noFigureModels(folder: folder, figures: old)
        }
        let rendered = try names.map { try GnuplotScript(SavedFigure.load($0, in: folder)) }
        let gnuplot = try locate(figures: names, written: [])
        var outputs: [URL] = []
        for figure in rendered {
            outputs += try draw(figure, in: folder, formats: formats, show: show, with: gnuplot)
        }
        return outputs
    }

    /// Kills every gnuplot this process is running (each with its whole process group) and
    /// removes this process's temporary files; the draws in progress throw `.stopped`, and so
    /// does every later one. For a SIGINT or SIGTERM handler, just before the program exits.
    /// (At `exit` the same groups are killed anyway.)
    public static func stopAll() {
        Gnuplot.stopAll()
    }

    // MARK: Drawing

    private func locate(figures: [String], written: [URL]) throws -> Gnuplot {
        switch Gnuplot.locate(path: gnuplotPath) {
        case let .success(g): return g
        case let .failure(f): throw PlotError.gnuplotNotFound(searched: f.searched, figures: figures, written: written)
        }
    }

    /// Feeds `rendered.script` to gnuplot once per format, each time with `outfile` set to a
    /// temporary name; checks every picture, then renames them all into place.
    private func draw(_ rendered: GnuplotScript, in folder: URL, formats: [OutputFormat], show: Bool, with gnuplot: Gnuplot) throws -> [URL] {
        let name = rendered.figureName
        let timeout: Double
        switch Gnuplot.resolveTimeout(self.timeout) {
        case let .success(t): timeout = t
        case let .failure(e): throw e
        }
        let jobs = formats.map { format -> (format: OutputFormat, temp: URL, final: URL) in
            let final = folder.appendingPathComponent("\(name).\(format.fileExtension)")
            return (format, PlotFiles.temporaryURL(for: final), final)
        }
        for job in jobs { PlotFiles.own.insert(job.temp.path) }
        defer {
            for job in jobs {
                unlink(job.temp.path)   // gone already when installed; a link is removed, not followed
                PlotFiles.own.remove(job.temp.path)
            }
        }
        // Each pass is one line setting `format` and `outfile`, then the script. File names are
        // the program's own (a slug plus a suffix), never user text.
        var commands = ""
        for job in jobs {
            commands += "format = '\(job.format.rawValue)'; outfile = '\(job.temp.lastPathComponent)'\n" + rendered.script
        }
        if show { commands += "format = 'dumb'; outfile = ''\n" + rendered.script }

        let outcome: Gnuplot.Outcome
        do {
            outcome = try gnuplot.run(commands, in: folder, timeout: timeout)
        } catch let failure as Gnuplot.RunFailure {
            switch failure {
            case let .couldNotStart(reason): throw PlotError.gnuplotNotFound(searched: reason, figures: [name], written: [])
            case let .timedOut(seconds): throw PlotError.gnuplotTimedOut(figure: name, seconds: seconds)
            case .stopped: throw PlotError.stopped(figure: name)
            }
        }
        let scriptURL = folder.appendingPathComponent(rendered.scriptFileName)
        guard outcome.status == 0 else {
            throw Self.failure(rendered, script: scriptURL, outcome: outcome)
        }
        for job in jobs {
            if PlotFiles.kind(atPath: job.temp.path) == nil {
                throw PlotError.gnuplotFailed(figure: name, script: scriptURL, line: nil, scriptLine: nil,
                                              message: "gnuplot wrote no \(job.final.lastPathComponent)")
            }
            if let problem = PictureCheck.problem(ofFile: job.temp, format: job.format) {
                throw PlotError.incompletePicture(file: job.final, problem: problem)
            }
        }
        for job in jobs {
            guard rename(job.temp.path, job.final.path) == 0 else {
                throw PlotError.io(file: job.final, problem: String(cString: strerror(errno)))
            }
        }
        if show { console(String(decoding: outcome.standardOutput, as: UTF8.self)) }
        return jobs.map(\.final)
    }

    /// gnuplot reports `"/dev/stdin" line 57: message` (warnings look the same but say
    /// "warning:"). The input is passes of one settings line plus the script, so line 57 maps to
    /// a line of the script, which is reported as a line of `NAME.gp` (the same text).
    static func failure(_ rendered: GnuplotScript, script: URL, outcome: Gnuplot.Outcome) -> PlotError {
        let name = rendered.figureName
        let lines = outcome.standardError.split(separator: "\n").map(String.init)
        let reports = lines.compactMap { line -> (file: String, line: Int, message: String)? in
            guard line.hasPrefix("\""), let close = line.dropFirst().firstIndex(of: "\"") else { return nil }
            let file = String(line[line.index(after: line.startIndex)..<close])
            let rest = line[line.index(after: close)...]
            guard rest.hasPrefix(" line "), let colon = rest.firstIndex(of: ":"),
                  let number = Int(rest[rest.index(rest.startIndex, offsetBy: 6)..<colon]) else { return nil }
            return (file, number, rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let report = reports.last { !$0.message.hasPrefix("warning:") } ?? reports.last
        guard let report else {
            let last = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return .gnuplotFailed(figure: name, script: script, line: nil, scriptLine: nil,
                                  message: last.map { GnuplotText.commentSafe(String($0.prefix(500))) } ?? "gnuplot exited with status \(outcome.status)")
        }
        let scriptLines = rendered.script.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let pass = scriptLines.count + 1
        let inScript = (report.line - 1) % pass   // 0: the settings line of a pass
        guard report.file == "/dev/stdin", report.line >= 1, inScript >= 1 else {
            return .gnuplotFailed(figure: name, script: script, line: nil, scriptLine: nil,
                                  message: GnuplotText.commentSafe("\(report.file) line \(report.line): \(report.message)"))
        }
        return .gnuplotFailed(figure: name, script: script, line: inScript, scriptLine: String(scriptLines[scriptLines.startIndex + inScript - 1]),
                              message: GnuplotText.commentSafe(report.message))
    }

    // MARK: Files

    /// Writes `data` under a temporary name in the same folder, then renames it into place,
    /// so a reader sees the old file or the new one, never half of one; every write is checked
    /// and nothing is installed when one fails (a full disk). See `PlotFiles.writeAtomically`.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        try PlotFiles.writeAtomically(data, to: url)
    }
}
