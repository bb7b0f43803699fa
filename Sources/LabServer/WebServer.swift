import Book
import Foundation
import HTTPTypes
import Hummingbird
import Lab
import NIOCore

/// How `rnnlab-web` runs: where it listens, how many runs at once, how long each may take, and
/// where it writes (the site it serves and the runs; never `plots/`).
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var jobs = 1
    /// Seconds a run may take before it is stopped (its process killed).
    public var timeLimit: Double = 300
    /// The `rnnlab` program each run is a child process of.
    public var program = RunService.programBeside()
    /// Holds `site/` (the book, built at start) and `runs/FINGERPRINT/NAME/` (each run's folder).
    public var scratch: URL
    /// The largest request body read (a run request is a few hundred bytes).
    public var maxBody = 16 * 1024

    public init(scratch: URL) { self.scratch = scratch }
}

/// The lab server: the web book, one page per experiment, runs started by same-origin POSTs
/// and followed by server-sent events, the runs' figures. Every request's Host is checked
/// (`RequestGuard`), and every file path is resolved inside the folder it is served from.
public struct WebServer: Sendable {
    public let paths: LabPaths
    public let settings: ServerSettings
    public let service: RunService
    /// The port listened on (with port 0, the one the system chose, once running).
    let port: PortBox

    public init(paths: LabPaths, settings: ServerSettings) {
        self.paths = paths
        self.settings = settings
        self.service = RunService(paths: paths, scratch: settings.scratch, jobs: settings.jobs, timeLimit: settings.timeLimit,
                                  program: settings.program)
        self.port = PortBox(settings.port)
    }

    public var siteFolder: URL { settings.scratch.appendingPathComponent("site") }
    public var runsFolder: URL { settings.scratch.appendingPathComponent("runs") }

    /// Builds the book into `site/` and adds the lab's script.
    public func prepareSite() throws {
        try BookBuilder.lab(paths).build(into: siteFolder)
        try Data(LabPages.script.utf8).write(to: siteFolder.appendingPathComponent("assets/lab.js"), options: .atomic)
        try FileManager.default.createDirectory(at: runsFolder, withIntermediateDirectories: true)
    }

    /// Serves until the surrounding task is cancelled or SIGTERM/SIGINT arrives, then stops the
    /// runs under way; `onRunning` gets the port it listens on (the one asked for, or the one
    /// the system chose for port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let port = self.port, asked = settings.port
        let app = Application(router: router(), configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
                              onServerRunning: { channel in
                                  port.value = channel.localAddress?.port ?? asked
                                  await onRunning(port.value)
                              })
        do { try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint]) } catch {
            await service.stopAll()
            throw error
        }
        await service.stopAll()
    }

    /// The routes.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let server = self
        let portBox = port
        router.add(middleware: GuardMiddleware(server: server, port: portBox))
        router.get("/lab") { _, _ in try server.labIndex() }
        router.get("/lab/:name") { request, context in try server.labPage(request, name: context.parameters.get("name") ?? "") }
        router.post("/api/run") { request, context in try await server.startRun(request, port: portBox) }
        router.get("/api/runs/:id/events") { _, context in try await server.events(context.parameters.get("id") ?? "") }
        router.get("/api/runs/:id") { _, context in try await server.runState(context.parameters.get("id") ?? "") }
        router.get("/runs/**") { request, _ in server.file(request.uri.path, prefix: "/runs", in: server.runsFolder) }
        router.get("/") { request, _ in server.file("/index.html", prefix: "", in: server.siteFolder) }
        router.get("/**") { request, _ in server.file(request.uri.path, prefix: "", in: server.siteFolder) }
        return router
    }

    // MARK: - Handlers

    static func response(_ status: HTTPResponse.Status, _ contentType: String, _ body: Data) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: String]) -> Response {
        response(status, "application/json", (try? JSONEncoder().encode(object)) ?? Data())
    }

    static func html(_ text: String) -> Response { response(.ok, "text/html; charset=utf-8", Data(text.utf8)) }

    func file(_ path: String, prefix: String, in folder: URL) -> Response {
        var relative = path
        if !prefix.isEmpty, relative.hasPrefix(prefix) { relative.removeFirst(prefix.count) }
        guard let url = RequestGuard.file(for: relative, in: folder), let data = FileManager.default.contents(atPath: url.path) else {
            return Self.response(.notFound, "text/plain; charset=utf-8", Data("not found\n".utf8))
        }
        return Self.response(.ok, RequestGuard.contentType(of: url), data)
    }

    private func experimentList(_ runner: Runner) -> [(name: String, title: String, section: String)] {
        runner.availableNames().compactMap { name in (try? runner.load(name)).map { (name, $0.1.title, $0.1.section) } }
    }

    func labIndex() throws -> Response {
        let runner = Runner(paths: paths, log: { _ in }, interactive: false)
        return Self.html(LabPages.index(experimentList(runner)))
    }

    func labPage(_ request: Request, name: String) throws -> Response {
        let runner = Runner(paths: paths, log: { _ in }, interactive: false)
        guard isExperimentName(name), let (experiment, file) = try? runner.load(name) else {
            return Self.response(.notFound, "text/plain; charset=utf-8", Data("no experiment named \(name.prefix(100))\n".utf8))
        }
        let query = LabQuery(items: Self.queryItems(request.uri.description))
        let list = experimentList(runner).map { ($0.name, $0.title) }
        return Self.html(LabPages.experiment(file: file, schema: experiment.schema, query: query, experiments: list))
    }

    /// The query's items, percent-decoded, `+` read as a space (as browsers write forms).
    static func queryItems(_ uri: String) -> [(String, String)] {
        guard let q = uri.firstIndex(of: "?") else { return [] }
        return uri[uri.index(after: q)...].split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    func startRun(_ request: Request, port: PortBox) async throws -> Response {
        var request = request
        let authority = request.head.authority
        let origin = request.headers[.origin]
        let fetchSite = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        guard RequestGuard(host: settings.host, port: port.value).isSameOrigin(origin: origin, authority: authority, fetchSite: fetchSite) else {
            return Self.json(.forbidden, ["error": "a run can be started only from this server's own pages (Origin and Host must match)"])
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return Self.json(.unsupportedMediaType, ["error": "send the run as application/json"])
        }
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: settings.maxBody) } catch {
            return Self.json(.contentTooLarge, ["error": "request body over \(settings.maxBody) bytes"])
        }
        guard let runRequest = try? JSONDecoder().decode(RunRequest.self, from: Data(body.readableBytesView)) else {
            return Self.json(.badRequest, ["error": "expected {\"experiment\": NAME, \"quick\": BOOL, \"settings\": {KEY: TEXT}}"])
        }
        do {
            let (id, state) = try await service.submit(runRequest)
            return Self.json(.ok, ["id": id, "state": state])
        } catch let e as RunRequestError {
            return Self.json(.badRequest, ["error": e.description])
        }
    }

    func events(_ id: String) async throws -> Response {
        guard let stream = await service.events(id) else {
            return Self.json(.notFound, ["error": "no run \(id.prefix(40))"])
        }
        var headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }

    func runState(_ id: String) async throws -> Response {
        switch await service.latest(id) {
        case .done(let result)?:
            return Self.response(.ok, "application/json", (try? JSONEncoder().encode(result)) ?? Data())
        case .failed(let message)?:
            return Self.json(.ok, ["state": "failed", "error": message])
        case .state(let s)?, .progress(let s)?:
            return Self.json(.ok, ["state": "running", "note": s])
        case nil:
            return Self.json(.notFound, ["error": "no run \(id.prefix(40))"])
        }
    }
}

/// The port the server listens on, known only once it runs when it was asked for port 0.
final class PortBox: @unchecked Sendable {   // every access holds `lock`
    private let lock = NSLock()
    private var port: Int
    init(_ port: Int) { self.port = port }
    var value: Int {
        get { lock.lock(); defer { lock.unlock() }; return port }
        set { lock.lock(); port = newValue; lock.unlock() }
    }
}

/// Refuses every request whose Host does not name this server (DNS rebinding).
struct GuardMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let server: WebServer
    let port: PortBox

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard RequestGuard(host: server.settings.host, port: port.value).allowsHost(request.head.authority) else {
            return WebServer.response(.forbidden, "text/plain; charset=utf-8", Data("this server answers only to its own address (Host header refused)\n".utf8))
        }
        return try await next(request, context)
    }
}
