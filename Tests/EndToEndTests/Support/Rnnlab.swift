import Foundation

/// The built `rnnlab` executable, found without depending on the target (a test target
/// cannot link an executable on Linux). Looked for, in order:
///   1. `RNNLAB_BIN`, when set (an error if it is not an executable file);
///   2. beside the test bundle and the test runner (`.build/<triple>/debug/`);
///   3. `.build/debug/rnnlab` under the package root, found from this file's path.
/// `swift test` builds every product first, so the binary is there in a normal run.
enum Rnnlab {
    static let binary: Result<URL, CommandError> = locate()

    /// Runs `rnnlab arguments…`; throws a clear message when the binary is missing.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    directory: URL? = nil, timeout: Double = 60) throws -> CommandResult {
        try runCommand(try binary.get(), arguments, stdin: stdin, timeout: timeout, environment: environment, directory: directory)
    }

    /// The package root (it holds experiments/ and plots/).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()


    private static func locate() -> Result<URL, CommandError> {
        let fm = FileManager.default
        func isExecutableFile(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fm.isExecutableFile(atPath: url.path)
        }
        if let override = ProcessInfo.processInfo.environment["RNNLAB_BIN"], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            return isExecutableFile(url)
                ? .success(url)
                : .failure(CommandError(description: "RNNLAB_BIN=\(override) is not an executable file"))
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // Support
            .deletingLastPathComponent()   // EndToEndTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()
        var folders: [URL] = [
            Bundle.module.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        if let arg0 = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: arg0).deletingLastPathComponent()) }
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        let candidates = folders.map { $0.standardizedFileURL.appendingPathComponent("rnnlab") }
        if let found = candidates.first(where: isExecutableFile) { return .success(found) }
        return .failure(CommandError(description: """
            the rnnlab binary was not found; looked for \(candidates.map(\.path).joined(separator: ", ")). \
            Run `swift build` first, or set RNNLAB_BIN to the binary.
            """))
    }
}

/// The committed fixtures (`Fixtures/`, copied into the test bundle) and the Python reference.
enum Fixtures {
    static let folder: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")

    /// `Fixtures/probe-NAME.json`.
    static func input(_ name: String) -> URL { folder.appendingPathComponent("probe-\(name).json") }
    /// `Fixtures/probe-NAME.expected.json`: the numpy reference's output for it.
    static func expected(_ name: String) -> URL { folder.appendingPathComponent("probe-\(name).expected.json") }

    /// `reference/` holds probe_reference.py and make_fixtures.py (not copied into the bundle).
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("reference")
}
