import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that runs the gnuplot process.
///
/// It is started as `gnuplot /dev/stdin` in the figure's folder and fed a few commands that
/// `load` the saved script: gnuplot reads a pipe given as its plain standard input one byte per
/// system call, but `/dev/stdin` as a file name through stdio's buffer. Standard output (the
/// `dumb` picture) and standard error are drained on their own threads, so neither pipe can fill
/// and stall gnuplot; SIGPIPE is ignored, so a gnuplot that quits early gives a write error to
/// report instead of killing this program with status 141.
struct Gnuplot {
    let executable: URL

    /// Environment variable naming the gnuplot executable (tests set it to a bogus path).
    static let environmentVariable = "RNNLAB_GNUPLOT"

    /// `path` if given, else `$RNNLAB_GNUPLOT`, else `gnuplot` on `$PATH`.
    /// Fails with a sentence saying where it looked.
    static func locate(path: String?) -> Result<Gnuplot, LocateFailure> {
        let env = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        if let explicit = path ?? env[environmentVariable], !explicit.isEmpty {
            let source = path != nil ? "gnuplot path" : environmentVariable
            return fm.isExecutableFile(atPath: explicit)
                ? .success(Gnuplot(executable: URL(fileURLWithPath: explicit)))
                : .failure(LocateFailure(searched: "no executable at \(source)=\(explicit)"))
        }
        for dir in (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("gnuplot")
            if fm.isExecutableFile(atPath: candidate.path) { return .success(Gnuplot(executable: candidate)) }
        }
        return .failure(LocateFailure(searched: "no `gnuplot` on PATH"))
    }

    struct LocateFailure: Error { let searched: String }

    /// gnuplot's own version line (`gnuplot 5.4 patchlevel 4`), asked of the process itself.
    func version() -> String? {
        guard let outcome = try? run("print sprintf('%g patchlevel %s', GPVAL_VERSION, GPVAL_PATCHLEVEL)", in: FileManager.default.temporaryDirectory),
              outcome.status == 0 else { return nil }
        let text = outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : "gnuplot " + text
    }

    struct Outcome {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Runs `commands` through gnuplot with `folder` as its working directory.
    func run(_ commands: String, in folder: URL) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["/dev/stdin"]
        process.currentDirectoryURL = folder
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw LocateFailure(searched: "\(executable.path) could not be started: \(error.localizedDescription)")
        }
        let outDrain = Drain(output.fileHandleForReading)
        let errDrain = Drain(errors.fileHandleForReading)
        // A failed write means gnuplot has already quit; its status and stderr say why.
        try? input.fileHandleForWriting.write(contentsOf: Data(commands.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: outDrain.wait(),
                       standardError: String(decoding: errDrain.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
