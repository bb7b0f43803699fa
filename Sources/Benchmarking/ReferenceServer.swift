import Foundation

/// A reference implementation running as `python3 SCRIPT --serve`: one JSON request per line in,
/// one JSON answer per line out, so its warm state (imports, JIT) lasts across cases.
public final class ReferenceServer {
    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private var buffer = Data()
    private let name: String
    /// The reference's answer to "hello": at least its `impl` and `version`.
    public private(set) var hello: [String: Any] = [:]

    public init(script: URL, environment: [String: String]) throws {
        name = script.lastPathComponent
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        hello = try request(["op": "hello"])
    }

    public func request(_ object: [String: Any]) throws -> [String: Any] {
        var line = try JSONSerialization.data(withJSONObject: object)
        line.append(0x0A)
        input.fileHandleForWriting.write(line)
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let answer = buffer[buffer.startIndex..<nl]
                buffer = Data(buffer[(nl + 1)...])
                guard let obj = try JSONSerialization.jsonObject(with: answer) as? [String: Any] else {
                    throw BenchmarkFailure.invalid("\(name): unreadable answer \(String(decoding: answer, as: UTF8.self))")
                }
                return obj
            }
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { throw BenchmarkFailure.invalid("\(name) stopped (see its error output above)") }
            buffer.append(more)
        }
    }

    public func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    public static func pythonHas(_ module: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import \(module)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// `explicit`, else bench/ in the working directory, else bench/ in a folder above the executable.
    public static func locateReferences(_ explicit: String?) -> URL? {
        let fm = FileManager.default
        func holds(_ u: URL) -> Bool { fm.fileExists(atPath: u.appendingPathComponent("reference_numpy.py").path) }
        if let explicit { let u = URL(fileURLWithPath: explicit); return holds(u) ? u : nil }
        let here = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("bench")
        if holds(here) { return here }
        guard var dir = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else { return nil }
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("bench")
            if holds(candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
