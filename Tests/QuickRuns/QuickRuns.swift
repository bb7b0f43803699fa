import Foundation
import Lab
import Plotting

/// The test run's one `--quick` run of each experiment.
///
/// Each kind is computed at most once per test process, here, through the runner (checked,
/// computed, drawn, installed with its manifest in `folder`); LabTests read their claims from the
/// typed result it hands back, and the end-to-end `rnnlab run --all --quick` and
/// `rnnlab notebook check` (scripts/test.sh) reuse the runs in `folder` by fingerprint instead of
/// computing them again.
public enum QuickRuns {
    /// The repository root: this file is Tests/QuickRuns/QuickRuns.swift.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/quick-runs/`, or the folder `RNNLAB_QUICK_RUNS` names.
    public static let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["RNNLAB_QUICK_RUNS"]
        ?? root.appendingPathComponent(".build/quick-runs").path)

    /// The quick run of `K`'s shipped file: computed on the first call (concurrent callers of the
    /// same kind wait for it), remembered after.
    public static func run<K: ExperimentKind>(_ kind: K.Type) throws -> (result: K.Result, figures: [Figure]) {
        let entry = cache.entry(K.name)
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let done = entry.value as? (K.Result, [Figure]) { return done }
        if let error = entry.error { throw error }
        do {
            var options = RunOptions()
            options.quick = true
            options.output = folder
            let runner = Runner(paths: LabPaths(root: root), log: { _ in }, interactive: false)
            let (result, report) = try runner.runCapturing(K.self, options: options)
            switch report.status {
            case .ok, .figuresMissing: break
            default: throw Runner.RunFailure(report: report)
            }
            let settings: K.Settings = try runner.load(K.name, quick: true).1.settings()
            let done = (result, K.figures(result, settings: settings))
            entry.value = done
            return done
        } catch {
            entry.error = error
            throw error
        }
    }

    /// Every kind in the catalogue, each computed here unless it already was.
    public static func all() throws {
        for kind in Catalogue.kinds { _ = try run(kind) }
    }

    /// The folder of the quick run of the kind named `name` (computed here unless it already was).
    public static func runFolder(_ name: String) throws -> URL {
        guard let kind = Catalogue.kinds.first(where: { $0.name == name }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "no experiment kind is named \(name)"])
        }
        _ = try run(kind)
        return folder.appendingPathComponent(name)
    }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {  // `entries` only under `lock`
        private let lock = NSLock()
        private var entries: [String: Entry] = [:]
        func entry(_ name: String) -> Entry {
            lock.lock(); defer { lock.unlock() }
            if let e = entries[name] { return e }
            let e = Entry()
            entries[name] = e
            return e
        }
    }

    private final class Entry: @unchecked Sendable {  // `value` and `error` only under `lock`
        let lock = NSLock()
        var value: Any?
        var error: Error?
    }
}
