import Foundation
import Testing
@testable import Plotting

/// A fresh empty folder under the system's temporary directory.
func makeTemporaryFolder(_ purpose: String = "plot") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("rnnlab-\(purpose)-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// True when a real gnuplot can be found (tests that run it are skipped otherwise).
let gnuplotInstalled: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/gnuplot") }
}()

/// The text an SVG shows: character data of its elements, XML entities decoded, one entry per element.
func svgTexts(_ svg: String) -> [String] {
    var texts: [String] = []
    var rest = Substring(svg)
    while let open = rest.firstIndex(of: ">") {
        rest = rest[rest.index(after: open)...]
        let close = rest.firstIndex(of: "<") ?? rest.endIndex
        let chunk = rest[..<close]
        if !chunk.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { texts.append(xmlUnescape(String(chunk))) }
        rest = rest[close...]
    }
    return texts
}

func xmlUnescape(_ s: String) -> String {
    var out = ""
    var rest = Substring(s)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        guard let semi = rest[amp...].firstIndex(of: ";") else { break }
        let entity = rest[rest.index(after: amp)..<semi]
        switch entity {
        case "lt": out += "<"
        case "gt": out += ">"
        case "amp": out += "&"
        case "quot": out += "\""
        case "apos": out += "'"
        default:
            let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
            if let code = hex ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil,
               let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&\(entity);"
            }
        }
        rest = rest[rest.index(after: semi)...]
    }
    return out + rest
}

/// Files in `folder` whose names start with a dot or end in `.tmp`: leftovers of a write.
func temporaryFiles(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") || $0.hasSuffix(".tmp") }
}

/// The golden files: `Golden/` beside this file, copied into the test bundle.
enum Golden {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var folder: URL { Bundle.module.url(forResource: "Golden", withExtension: nil) ?? source }
}

/// A stand-in for gnuplot: a shell script (`#!/bin/sh` + `body`) in a folder of its own.
/// gnuplot is run as `gnuplot /dev/stdin`, so `"$1"` is the commands' stream.
struct FakeGnuplot {
    let folder: URL
    var path: String { folder.appendingPathComponent("gnuplot").path }
    /// A file the script may write its process id to (`echo $$ > "$PIDFILE"` is spelled out by the caller).
    var pidFile: String { folder.appendingPathComponent("pid").path }

    init(_ body: String) throws {
        folder = try makeTemporaryFolder("fake-gnuplot")
        // Written close-on-exec: a process that other tests spawn meanwhile must not inherit the
        // file open for writing, or running it fails with "Text file busy".
        try PlotFiles.writeAtomically(Data(("#!/bin/sh\n" + body + "\n").utf8), to: URL(fileURLWithPath: path))
        guard chmod(path, 0o755) == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    /// The process id the script wrote to `pidFile`, once it is there (nil after 10 s).
    func writtenPid() -> pid_t? {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            usleep(50_000)
        }
        return nil
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The processes of process group `pgid` that are still running (zombies, which no longer run
/// and wait only to be reaped, are not counted), read from /proc; [] where there is no /proc.
func runningProcesses(inGroup pgid: pid_t) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> pid_t? in
        guard let pid = pid_t(entry),
              let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm)": state, ppid, pgrp, …
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 2, fields[0] != "Z", pid_t(fields[2]) == pgid else { return nil }
        return pid
    }
}

/// Waits up to `seconds` for `condition`, checking every 20 ms.
func eventually(within seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

extension Figure: CustomTestStringConvertible {
    public var testDescription: String { name }
}
