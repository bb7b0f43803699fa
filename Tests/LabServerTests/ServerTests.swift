import Book
import Foundation
import Lab
@testable import LabServer
import Testing

#if canImport(Glibc)
import Glibc
#endif

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One HTTP/1.1 exchange over a plain socket, bytes exactly as given: URL clients tidy `..` out
/// of paths and set Host and Origin themselves, which is what these tests must control.
func exchange(port: Int, _ request: String) throws -> (status: Int, head: String, body: String) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    var timeout = timeval(tv_sec: 120, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let bytes = Array(request.utf8)
    var sent = 0
    while sent < bytes.count {
        let n = bytes[sent...].withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        sent += n
    }
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = recv(fd, &buffer, buffer.count, 0)
        if n <= 0 { break }
        data += buffer[0..<n]
    }
    let text = String(decoding: data, as: UTF8.self)
    let parts = text.components(separatedBy: "\r\n\r\n")
    let head = parts.first ?? ""
    let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
    return (status, head, parts.dropFirst().joined(separator: "\r\n\r\n"))
}

func get(_ port: Int, _ path: String, host: String? = nil) throws -> (status: Int, head: String, body: String) {
    try exchange(port: port, "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
}

func post(_ port: Int, _ path: String, body: String, origin: String?, host: String? = nil,
          contentType: String = "application/json") throws -> (status: Int, head: String, body: String) {
    var request = "POST \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
    if let origin { request += "Origin: \(origin)\r\n" }
    request += "Content-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    return try exchange(port: port, request)
}

/// One server for the suite, on a free port, with its own scratch folder.
actor TestServer {
    static let shared = TestServer()
    private var started: (server: WebServer, port: Int)?

    func start() async throws -> (server: WebServer, port: Int) {
        if let started { return started }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-web-test-\(getpid())")
        var settings = ServerSettings(scratch: scratch)
        settings.port = 0
        settings.timeLimit = 120
        let server = WebServer(paths: LabPaths(root: repositoryRoot), settings: settings)
        try server.prepareSite()
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, Error>) in
            let once = Once()
            Task.detached {
                do { try await server.run { port in if once.first() { continuation.resume(returning: port) } } }
                catch { if once.first() { continuation.resume(throwing: error) } }
            }
        }
        started = (server, port)
        return (server, port)
    }
}

final class Once: @unchecked Sendable {   // every access holds `lock`
    private let lock = NSLock()
    private var done = false
    func first() -> Bool { lock.lock(); defer { lock.unlock() }; if done { return false }; done = true; return true }
}

@Suite("Request guard")
struct RequestGuardTests {
    @Test("a static path with .. (plain or percent-encoded), a dot file or a backslash is refused; a plain one resolves inside the folder")
    func staticPaths() throws {
        let folder = repositoryRoot.appendingPathComponent("notebooks-md")
        #expect(RequestGuard.file(for: "/README.md", in: folder) != nil)
        #expect(RequestGuard.file(for: "/", in: folder) == nil)   // no index.html there
        for bad in ["/../Package.swift", "/%2e%2e/Package.swift", "/probes/../../Package.swift", "/..%2FPackage.swift",
                    "/.git/config", "/probes\\..\\..\\Package.swift", "/%00", "/nothing-here.md"] {
            #expect(RequestGuard.file(for: bad, in: folder) == nil, "\(bad) was served")
        }
    }

    @Test("only this server's own Host is answered, and only a same-origin POST may start a run")
    func hostAndOrigin() {
        let g = RequestGuard(host: "127.0.0.1", port: 8080)
        #expect(g.allowsHost("127.0.0.1:8080") && g.allowsHost("localhost:8080") && g.allowsHost("[::1]:8080"))
        #expect(!g.allowsHost("evil.example:8080"), "a DNS-rebinding name")
        #expect(!g.allowsHost("127.0.0.1:9090") && !g.allowsHost(nil) && !g.allowsHost("127.0.0.1:80:1"))
        #expect(g.isSameOrigin(origin: "http://127.0.0.1:8080", authority: "127.0.0.1:8080"))
        #expect(!g.isSameOrigin(origin: "http://evil.example", authority: "127.0.0.1:8080"))
        #expect(!g.isSameOrigin(origin: nil, authority: "127.0.0.1:8080"))
        #expect(!g.isSameOrigin(origin: "http://evil.example:8080", authority: "evil.example:8080"))
        #expect(!g.isSameOrigin(origin: "http://127.0.0.1:8080", authority: "127.0.0.1:8080", fetchSite: "cross-site"))
        #expect(RequestGuard.isLoopback("127.0.0.1") && !RequestGuard.isLoopback("0.0.0.0"))
    }
}

@Suite("Lab server", .serialized)
struct LabServerTests {
    @Test("the server serves the book and the experiment pages; a path with .. gets 404, another Host 403")
    func servesAndRefuses() async throws {
        let (_, port) = try await TestServer.shared.start()
        let index = try get(port, "/")
        #expect(index.status == 200 && index.body.contains("rnnlab"))
        #expect(try get(port, "/03-bptt-and-singular-values.html").status == 200)
        let lab = try get(port, "/lab/backprop-through-whh?quick=1&set.gaussian_gain=1.2")
        #expect(lab.status == 200 && lab.body.contains(#"name="gaussian_gain" value="1.2""#))
        for bad in ["/../Package.swift", "/%2e%2e/%2e%2e/etc/passwd", "/repo/../../Package.swift", "/runs/../site/index.html"] {
            let r = try get(port, bad)
            #expect(r.status == 404 || r.status == 400, "\(bad): \(r.status)")
            #expect(!r.body.contains("swift-tools-version") && !r.body.contains("root:"))
        }
        #expect(try get(port, "/", host: "evil.example:\(port)").status == 403)
    }

    @Test("a cross-origin POST, one with no Origin and one through a rebinding name get 403; a large body 413; a bad setting 400")
    func refusesRuns() async throws {
        let (_, port) = try await TestServer.shared.start()
        let body = #"{"experiment": "backprop-through-whh", "quick": true}"#
        #expect(try post(port, "/api/run", body: body, origin: "http://evil.example").status == 403)
        #expect(try post(port, "/api/run", body: body, origin: nil).status == 403)
        #expect(try post(port, "/api/run", body: body, origin: "http://evil.example:\(port)", host: "evil.example:\(port)").status == 403)
        let own = "http://127.0.0.1:\(port)"
        #expect(try post(port, "/api/run", body: body, origin: own, contentType: "text/plain").status == 415)
        let huge = #"{"experiment": "backprop-through-whh", "settings": {"seed": ""# + String(repeating: "1", count: 40_000) + #""}}"#
        #expect(try post(port, "/api/run", body: huge, origin: own).status == 413)
        let bad = try post(port, "/api/run", body: #"{"experiment": "backprop-through-whh", "quick": true, "settings": {"gaussian_gain": "-1"}}"#, origin: own)
        #expect(bad.status == 400)
        #expect(bad.body.contains("gaussian_gain"), "the error names the key: \(bad.body)")
        let unknown = try post(port, "/api/run", body: #"{"experiment": "backprop-through-whh", "settings": {"gain": "1"}}"#, origin: own)
        #expect(unknown.status == 400 && unknown.body.contains("unknown key"))
    }

    @Test("a run with a setting changed returns the results the runner gives for the same settings, written to the scratch folder; repeated, it is cached")
    func runMatchesRunner() async throws {
        let (server, port) = try await TestServer.shared.start()
        let own = "http://127.0.0.1:\(port)"
        let body = #"{"experiment": "backprop-through-whh", "quick": true, "settings": {"gaussian_gain": "1.2"}}"#
        let first = try post(port, "/api/run", body: body, origin: own)
        #expect(first.status == 200)
        let answer = try JSONDecoder().decode([String: String].self, from: Data(first.body.utf8))
        let id = try #require(answer["id"])
        // The event stream ends with the result.
        let events = try get(port, "/api/runs/\(id)/events")
        #expect(events.head.contains("text/event-stream"))
        let done = try #require(events.body.components(separatedBy: "event: done\ndata: ").dropFirst().first?.components(separatedBy: "\n").first,
                                "no done event in \(events.body)")
        let result = try JSONDecoder().decode(RunResult.self, from: Data(done.utf8))

        // The runner, on its own, with the same --set.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        var options = RunOptions()
        options.quick = true
        options.overrides = ["gaussian_gain=1.2"]
        options.output = folder
        let runner = Runner(paths: LabPaths(root: repositoryRoot), log: { _ in }, interactive: false)
        let report = try #require(runner.run(["backprop-through-whh"], options: options).first)
        #expect(report.status == .ok)
        let manifest = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: folder.appendingPathComponent("backprop-through-whh/manifest.json")))
        #expect(result.results == resultLines(manifest["results"]!))
        #expect(result.results.contains { $0.hasPrefix("cases.gaussian.") })
        #expect(!result.figures.isEmpty)
        // The figure is served, from the scratch folder.
        let figure = try get(port, result.figures[0].url)
        #expect(figure.status == 200 && figure.head.contains("image/png"))
        #expect(FileManager.default.fileExists(atPath: server.runsFolder.appendingPathComponent("\(id)/backprop-through-whh/manifest.json").path))
        // The same settings again: the same run, done at once.
        let again = try post(port, "/api/run", body: body, origin: own)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(again.body.utf8)) == ["id": id, "state": "done"])
    }
}

@Suite("Run service")
struct RunServiceTests {
    func finalEvent(_ service: RunService, _ id: String) async throws -> RunEvent {
        let stream = try #require(await service.events(id))
        var last: RunEvent?
        for await event in stream { last = event }
        return try #require(last)
    }

    @Test("a run that passes the time limit is ended: its process is gone within seconds, though it would run for minutes, and nothing of it is installed")
    func timeLimit() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("run-service-\(UUID().uuidString)")
        let service = RunService(paths: LabPaths(root: repositoryRoot), scratch: scratch, jobs: 1, timeLimit: 1, grace: 1)
        // irnn-adding at its full size trains five models for minutes (253 s on an idle machine).
        let (id, _) = try await service.submit(RunRequest(experiment: "irnn-adding", settings: ["seed": "5"]))
        // While other tests keep the shared threads busy this task may first look again only
        // after the run was stopped: the child is then gone already, which is the point.
        if let pid = await service.processIdentifier(id), kill(pid, 0) == 0 {
            #expect(await service.latest(id).map { !$0.isFinal } ?? false, "a live child for a run that ended")
        }
        guard case .failed(let message) = try await finalEvent(service, id) else { Issue.record("not stopped"); return }
        #expect(message.contains("time limit"), "\(message)")
        // The event comes once the child has been reaped: its pid names no process (ESRCH).
        let pid = try #require(await service.processIdentifier(id), "the run had no process")
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "pid \(pid) still exists after the time limit")
        // Its lifetime, measured by the thread that waited for it: the limit (1 s), the grace
        // before SIGKILL (1 s), and slack for a busy machine; far from the run's minutes.
        let lifetime = try #require(message.firstMatch(of: #/ended ([0-9.]+) s after it started/#).flatMap { Double($0.1) })
        #expect(lifetime >= 1 && lifetime < 10, "the process lived \(lifetime) s")
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("runs").path)) ?? []
        #expect(runs.isEmpty, "left in runs/: \(runs)")
    }

    @Test("runs wait in a queue, one at a time by default; the same settings written differently are the same run")
    func queueAndFingerprint() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("run-service-\(UUID().uuidString)")
        let service = RunService(paths: LabPaths(root: repositoryRoot), scratch: scratch, jobs: 1, timeLimit: 120)
        let first = try await service.submit(RunRequest(experiment: "backprop-through-whh", quick: true, settings: ["seed": "2"]))
        let second = try await service.submit(RunRequest(experiment: "backprop-through-whh", quick: true, settings: ["seed": "3"]))
        #expect(first.state == "running")
        #expect(second.state == "queued")
        // gaussian_gain 0.70 is the file's 0.7: the same resolved settings, the same fingerprint, the same run.
        let same = try await service.submit(RunRequest(experiment: "backprop-through-whh", quick: true, settings: ["seed": "2", "gaussian_gain": "0.70"]))
        #expect(same.id == first.id)
        guard case .done = try await finalEvent(service, first.id), case .done = try await finalEvent(service, second.id) else {
            Issue.record("a queued run did not finish"); return
        }
    }

    @Test("the settings go through the runner's decoder: a wrong type, a value out of range and an unknown key are refused")
    func strictSettings() async throws {
        let service = RunService(paths: LabPaths(root: repositoryRoot), scratch: FileManager.default.temporaryDirectory, jobs: 1)
        for settings in [["steps": "many"], ["steps": "1"], ["stpes": "10"], ["seed": "1.5"]] {
            await #expect(throws: RunRequestError.self) {
                try await service.submit(RunRequest(experiment: "backprop-through-whh", quick: true, settings: settings))
            }
        }
        await #expect(throws: RunRequestError.self) { try await service.submit(RunRequest(experiment: "../plots")) }
    }
}
