import Foundation
import LanguageModels

/// What produced a run, as one hash: the kind, its resolved settings, the source files its
/// computation and figures depend on, and the input files it read (a corpus). Two runs with the
/// same fingerprint computed the same thing from the same code, so a committed figure is stale
/// exactly when its manifest's fingerprint differs from the one the checkout gives now. Output
/// bytes are no test of that: OpenBLAS kernels differ in the last bits between machines.
///
/// The sources are the experiment's folder `Sources/Lab/Experiments/<Type>/`, the shared files at
/// the top of `Sources/Lab/Experiments/`, and every library module those import, followed
/// through the modules' own imports (`Plotting` included: it writes the figures; a C module's .c and
/// .h files count, so a change to the step kernel in `CStepKernel` makes every run stale).
public struct Fingerprint: Sendable, Equatable {
    public let hash: String
    /// Repository-relative paths of the sources hashed, sorted.
    public let sources: [String]

    /// The fingerprint of `experiment` with `settings` in the checkout at `root`, or nil outside a
    /// checkout (an installed binary has no sources to hash).
    public static func of(kind: String, folder: String, settings: JSONValue, inputs: [URL], root: URL) -> Fingerprint? {
        let sourcesRoot = root.appendingPathComponent("Sources")
        let experiments = sourcesRoot.appendingPathComponent("Lab/Experiments")
        let own = experiments.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: own.path) else { return nil }
        var files = swiftFiles(in: own, recursive: true) + swiftFiles(in: experiments, recursive: false)
        var modules = Set<String>(), queue = imports(of: files)
        while let module = queue.popLast() {
            let dir = sourcesRoot.appendingPathComponent(module)
            guard !modules.contains(module), module != "Lab", FileManager.default.fileExists(atPath: dir.path) else { continue }
            modules.insert(module)
            let moduleFiles = swiftFiles(in: dir, recursive: true)
            files += moduleFiles
            queue += imports(of: moduleFiles)
        }
        let rootPath = root.standardizedFileURL.path + "/"
        let sorted = Set(files.map { $0.standardizedFileURL.path }).sorted()
        var text = "rnnlab-fingerprint/1\nkind \(kind)\nsettings \(settings.text())\n"
        for path in sorted {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            text += "source \(path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path) \(SHA256.hex(data))\n"
        }
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input.path) else { continue }
            text += "input \(SHA256.hex(data))\n"
        }
        return Fingerprint(hash: SHA256.hex(text),
                           sources: sorted.map { $0.hasPrefix(rootPath) ? String($0.dropFirst(rootPath.count)) : $0 })
    }

    private static func swiftFiles(in dir: URL, recursive: Bool) -> [URL] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return [] }
        var out: [URL] = []
        for name in names.sorted() {
            let url = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { continue }
            if isDir.boolValue { if recursive { out += swiftFiles(in: url, recursive: true) } }
            else if name.hasSuffix(".swift") || name.hasSuffix(".c") || name.hasSuffix(".h") || name == "module.modulemap" { out.append(url) }
        }
        return out
    }

    /// The modules named by `import X` lines at the top of `files`.
    private static func imports(of files: [URL]) -> [String] {
        var out: [String] = []
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@testable import ") {
                if let name = line.split(separator: " ").last { out.append(String(name)) }
            }
        }
        return out
    }
}
