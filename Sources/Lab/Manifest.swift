import Foundation
import LinearAlgebra

/// The record of one run, written as `plots/NAME/manifest.json`: what ran (resolved
/// configuration, overrides, seed), on what (rnnlab version and git commit, OpenBLAS core and
/// threads, gnuplot version), how long each stage took, and the headline `results`.
enum Manifest {
    static func make(file: ExperimentFile, settings: JSONValue?, output: ExperimentOutput, figures: [String], fingerprint: Fingerprint?,
                     timings: [String: Double], root: URL, gnuplotVersion: String?) -> JSONValue {
        var resolved = (try? JSONDecoder().decode(JSONValue.self, from: Data(file.resolvedJSON().utf8))) ?? .null
        // The configuration's parameters are the encoded typed settings (the same tree as the file).
        if let settings, case .object(var members) = resolved {
            members["parameters"] = settings
            resolved = .object(members)
        }
        var seed: JSONValue = .null
        if let value = file.parameters["seed"] { seed = value.json }
        return .object([
            "experiment": .string(file.name),
            "title": .string(file.title),
            "section": .string(file.section),
            "file": .string(file.path),
            "configuration": resolved,
            "overrides": .object(file.overrides.mapValues(\.json)),
            "quick": .bool(!file.quickOverrides.isEmpty),
            "seed": seed,
            "rnnlab": .object(["version": .string(Catalogue.version), "git_commit": gitCommit(root).map(JSONValue.string) ?? .null]),
            "openblas": .object(["core": .string(BLASInfo.coreName), "threads": .number(Double(BLASThreads.count)),
                                 "config": .string(BLASInfo.config.trimmingCharacters(in: .whitespaces))]),
            "gnuplot": gnuplotVersion.map(JSONValue.string) ?? .null,
            "timings_seconds": .object(timings.mapValues { .number(($0 * 1000).rounded() / 1000) }),
            "figures": .array(figures.map(JSONValue.string)),
            "results": output.results,
            "fingerprint": fingerprint.map { .string($0.hash) } ?? .null,
        ])
    }

    /// `git rev-parse HEAD` in the lab's folder, or nil outside a checkout.
    static func gitCommit(_ root: URL) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", root.path, "rev-parse", "HEAD"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        let s = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }
}

extension ParameterValue {
    var json: JSONValue {
        switch self {
        case .int(let v): return .number(Double(v))
        case .double(let v): return .number(v)
        case .bool(let v): return .bool(v)
        case .string(let v): return .string(v)
        case .ints(let v): return .array(v.map { .number(Double($0)) })
        case .doubles(let v): return .array(v.map { .number($0) })
        case .strings(let v): return .array(v.map { .string($0) })
        }
    }
}
