import ArgumentParser
import Foundation
import Lab
import LabServer

/// `rnnlab-web`: the lab server. `rnnlab serve` starts this program (built apart, so that the
/// CLI's build never compiles SwiftNIO).
@main
struct RNNLabWeb: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnnlab-web",
        abstract: "Serve the web book and the lab: change an experiment's settings in a browser, run it, see its figures.",
        discussion: """
        Open http://127.0.0.1:8080/ (the book) or http://127.0.0.1:8080/lab/ (the experiments). An experiment page's URL holds its settings (set.KEY=VALUE), --quick (quick=1), the figure shown (figure=NAME) and the controls hidden (hide=KEY,KEY; hide=settings hides them all), so a link reproduces the view.

        Safe by default: it listens on 127.0.0.1 only; it answers only requests whose Host names it; a run starts only from a POST whose Origin is this server; each setting goes through the same checks as `rnnlab run --set`; runs are written under the scratch folder, never into plots/; a repeated run (same fingerprint) is served from its folder at once.
        """)

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(help: "The address to listen on. Anything other than a loopback address lets other machines start runs on this one.")
    var host: String = "127.0.0.1"

    @Option(help: "Runs computed at once; the others wait in a queue.")
    var jobs: Int = 1

    @Option(name: .customLong("time-limit"), help: "Seconds a run may take before it is stopped.")
    var timeLimit: Double = 300

    @Option(help: ArgumentHelp("Where the site and the runs are written.", valueName: "folder"))
    var scratch: String = ".build/rnnlab-web"

    @Option(help: ArgumentHelp("The rnnlab program each run is a child process of (`rnnlab run NAME --output …`), so that the time limit can end it (default: the rnnlab beside this program; `rnnlab serve` passes itself).", valueName: "path"))
    var rnnlab: String?

    var program: URL { rnnlab.map { URL(fileURLWithPath: $0) } ?? RunService.programBeside() }

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
        if !FileManager.default.isExecutableFile(atPath: program.path) {
            throw ValidationError("\(program.path) is not built: each run is an `rnnlab run` child process; build it with `swift build --product rnnlab` (or give --rnnlab PATH)")
        }
    }

    func run() async throws {
        let paths = LabPaths.discover()
        var settings = ServerSettings(scratch: URL(fileURLWithPath: scratch, relativeTo: paths.root).standardizedFileURL)
        settings.host = host
        settings.port = port
        settings.jobs = jobs
        settings.timeLimit = timeLimit
        settings.program = program
        if !RequestGuard.isLoopback(host) {
            FileHandle.standardError.write(Data("""
            rnnlab-web: warning: listening on \(host), not on a loopback address: any machine that reaches it can start
            runs here (each capped at \(Int(timeLimit)) s, \(jobs) at a time). Use --host 127.0.0.1 unless you mean it.

            """.utf8))
        }
        let server = WebServer(paths: paths, settings: settings)
        try server.prepareSite()
        try await server.run { port in
            let line = "rnnlab-web: serving the book and the lab at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/  (Ctrl-C stops)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
