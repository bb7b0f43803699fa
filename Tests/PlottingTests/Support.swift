import Foundation
import Testing
import Plotting

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

extension Figure: CustomTestStringConvertible {
    public var testDescription: String { name }
}
