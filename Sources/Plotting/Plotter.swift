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
///     // folder/NAME.tsv, NAME.gp, NAME.png, NAME.svg
///
/// Every file appears whole or not at all: each is written under a temporary name in the same
/// folder, checked (a picture must be a complete PNG, SVG or PDF, see `PictureCheck`), then
/// renamed. Data and script are written before gnuplot runs, so they stay when gnuplot fails
/// or is missing.
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

    /// Writes `NAME.tsv` and `NAME.gp` to `folder` (created if needed), then draws `NAME.<format>`
    /// for each format and, with `show`, prints a text picture to `console`.
    /// Returns the files written. Throws `PlotError.gnuplotNotFound` (data and script written,
    /// pictures missing), `.gnuplotFailed`, `.gnuplotTimedOut`, `.incompletePicture`,
    /// `.stopped`, `.invalidFigure` or `.io`.
    @discardableResult
    public func write(_ figure: Figure, to folder: URL, formats: [OutputFormat] = [.png], show: Bool = false) throws -> [URL] {
        let rendered = try GnuplotScript(figure)
        let folder = folder.absoluteURL.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PlotError.io(file: folder, problem: error.localizedDescription)
        }
        let dataURL = folder.appendingPathComponent(rendered.dataFileName)
        let scriptURL = folder.appendingPathComponent(rendered.scriptFileName)
        try Self.writeAtomically(Data(rendered.data.utf8), to: dataURL)
        try Self.writeAtomically(Data(rendered.script.utf8), to: scriptURL)
        let written = [dataURL, scriptURL]
        if formats.isEmpty && !show { return written }
        let gnuplot = try locate(figures: [figure.name], written: written)
        return written + (try draw(figure.name, in: folder, formats: formats, show: show, with: gnuplot))
    }

    /// Draws again every figure saved in `folder` (each `NAME.gp` beside its `NAME.tsv`) from
    /// its script and data, without recomputing anything. Checks each data file against the
    /// block and row counts its script records first, and names the file and the problem.
    /// Returns the pictures written.
    @discardableResult
    public func rerender(folder: URL, formats: [OutputFormat] = [.png], show: Bool = false) throws -> [URL] {
        let folder = folder.absoluteURL.standardizedFileURL
        let names = try Self.savedFigureNames(in: folder)
        guard !names.isEmpty else { throw PlotError.noFigures(folder: folder) }
        for name in names {
            try Self.checkSaved(name, in: folder)
        }
        let gnuplot = try locate(figures: names, written: [])
        var outputs: [URL] = []
        for name in names {
            outputs += try draw(name, in: folder, formats: formats, show: show, with: gnuplot)
        }
        return outputs
    }

    /// The version of the gnuplot this plotter would run, or nil when there is none.
    public func gnuplotVersion() -> String? {
        guard case .success(let gnuplot) = Gnuplot.locate(path: gnuplotPath) else { return nil }
        return gnuplot.version()
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

    /// Draws `NAME.<format>` for each format under a temporary name; checks every picture,
    /// then renames them all into place.
    private func draw(_ name: String, in folder: URL, formats: [OutputFormat], show: Bool, with gnuplot: Gnuplot) throws -> [URL] {
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
        // Names are the program's own (a slug plus a suffix), never user text.
        var commands = ""
        for job in jobs {
            commands += "format = '\(job.format.rawValue)'; outfile = '\(job.temp.lastPathComponent)'\nload '\(name).gp'\n"
        }
        if show { commands += "format = 'dumb'; outfile = ''\nload '\(name).gp'\n" }

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
        let script = folder.appendingPathComponent("\(name).gp")
        guard outcome.status == 0 else {
            throw Self.failure(name, script: script, outcome: outcome)
        }
        for job in jobs {
            if PlotFiles.kind(atPath: job.temp.path) == nil {
                throw PlotError.gnuplotFailed(figure: name, script: script, line: nil, scriptLine: nil,
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

    /// gnuplot reports `"NAME.gp" line 12: message`; warnings look the same but say "warning:".
    static func failure(_ name: String, script: URL, outcome: Gnuplot.Outcome) -> PlotError {
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
                                  message: last ?? "gnuplot exited with status \(outcome.status)")
        }
        guard report.file == script.lastPathComponent else {
            return .gnuplotFailed(figure: name, script: script, line: nil, scriptLine: nil,
                                  message: "\(report.file) line \(report.line): \(report.message)")
        }
        let text = (try? String(contentsOf: script, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false)
        let scriptLine = text.flatMap { report.line >= 1 && report.line <= $0.count ? String($0[report.line - 1]) : nil }
        return .gnuplotFailed(figure: name, script: script, line: report.line, scriptLine: scriptLine, message: report.message)
    }

    // MARK: Files

    /// Writes `data` under a temporary name in the same folder, then renames it into place,
    /// so a reader sees the old file or the new one, never half of one; every write is checked
    /// and nothing is installed when one fails (a full disk). See `PlotFiles.writeAtomically`.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        try PlotFiles.writeAtomically(data, to: url)
    }

    /// Names with a slug-named `NAME.gp` in `folder`, sorted.
    static func savedFigureNames(in folder: URL) throws -> [String] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw PlotError.noFigures(folder: folder)
        }
        return entries.filter { $0.hasSuffix(".gp") }.map { String($0.dropLast(3)) }.filter(Figure.isValidName).sorted()
    }

    /// Checks `NAME.tsv` against the block shapes recorded in `NAME.gp`.
    static func checkSaved(_ name: String, in folder: URL) throws {
        let scriptURL = folder.appendingPathComponent("\(name).gp")
        let dataURL = folder.appendingPathComponent("\(name).tsv")
        guard let script = try? String(contentsOf: scriptURL, encoding: .utf8) else {
            throw PlotError.damagedScript(file: scriptURL, problem: "it cannot be read as UTF-8 text")
        }
        func counts(_ marker: String) -> [Int]? {
            guard let line = script.split(separator: "\n").first(where: { $0.hasPrefix(marker) }) else { return nil }
            let numbers = line.dropFirst(marker.count).split(separator: " ").map { Int($0) }
            return numbers.contains(nil) ? nil : numbers.map { $0! }
        }
        guard let columns = counts(GnuplotScript.columnsMarker), let rows = counts(GnuplotScript.rowsMarker),
              columns.count == rows.count else {
            throw PlotError.damagedScript(file: scriptURL, problem: "its '\(GnuplotScript.columnsMarker)' and '\(GnuplotScript.rowsMarker)' lines are missing or do not agree; was it written by rnnlab?")
        }
        try checkData(dataURL, columns: columns, rows: rows)
    }

    /// Reads a data file as gnuplot would (blocks split by two blank lines, `#` comments) and
    /// checks that block b has `rows[b]` rows of `columns[b]` numbers.
    static func checkData(_ url: URL, columns: [Int], rows: [Int]) throws {
        func damaged(_ problem: String) -> PlotError { .damagedData(file: url, problem: problem) }
        guard FileManager.default.fileExists(atPath: url.path) else { throw damaged("the file is missing") }
        guard let bytes = FileManager.default.contents(atPath: url.path) else { throw damaged("the file cannot be read") }
        guard let text = String(data: bytes, encoding: .utf8) else { throw damaged("it is not UTF-8 text") }
        var block = 0, blanks = 0, seenData = false
        var found: [Int] = [0]
        for (i, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { blanks += 1; continue }
            if line.hasPrefix("#") { continue }
            if seenData && blanks >= 2 { block += 1; found.append(0) }
            blanks = 0
            seenData = true
            guard block < columns.count else {
                throw damaged("line \(i + 1) starts block \(block), but the script draws only \(columns.count) block\(columns.count == 1 ? "" : "s")")
            }
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard fields.count == columns[block] else {
                throw damaged("line \(i + 1) has \(fields.count) column\(fields.count == 1 ? "" : "s"), block \(block) needs \(columns[block])")
            }
            if let bad = fields.first(where: { Double($0) == nil }) {
                throw damaged("line \(i + 1): '\(GnuplotText.commentSafe(String(bad.prefix(40))))' is not a number")
            }
            found[block] += 1
        }
        let blocks = seenData ? found.count : 0
        guard blocks == columns.count else {
            throw damaged("it has \(blocks) data block\(blocks == 1 ? "" : "s") but the script draws \(columns.count); is it cut short?")
        }
        for (b, (have, want)) in zip(found, rows).enumerated() where have != want {
            throw damaged("block \(b) has \(have) row\(have == 1 ? "" : "s") but the script drew \(want); is it cut short?")
        }
    }
}
