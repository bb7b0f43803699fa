import Foundation

/// What one run of a command left behind.
struct CommandResult {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

struct CommandError: Error, CustomStringConvertible {
    let description: String
}

/// Runs `executable arguments…` with `stdin` on standard input (or /dev/null), waits for
/// it, and collects standard output and standard error. A run longer than `timeout`
/// seconds is terminated, so a hanging binary fails its test instead of the whole suite.
func runCommand(_ executable: URL, _ arguments: [String], stdin: Data? = nil, timeout: Double = 60,
                environment: [String: String] = [:], directory: URL? = nil) throws -> CommandResult {
    // A child that exits before reading its input must not kill the test process.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = stdin.map { _ in Pipe() }
    process.standardInput = input ?? FileHandle.nullDevice
    do { try process.run() } catch {
        throw CommandError(description: "cannot run \(executable.path): \(error)")
    }

    let group = DispatchGroup()
    let errData = DataBox()
    DispatchQueue.global().async(group: group) {
        errData.data = err.fileHandleForReading.readDataToEndOfFile()
    }
    if let input, let stdin {
        DispatchQueue.global().async(group: group) {
            try? input.fileHandleForWriting.write(contentsOf: stdin)
            try? input.fileHandleForWriting.close()
        }
    }
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    watchdog.cancel()
    if process.terminationReason == .uncaughtSignal {
        throw CommandError(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) was killed by signal \(process.terminationStatus) (timeout \(timeout) s?)")
    }
    return CommandResult(status: process.terminationStatus, stdout: outData, stderr: errData.data)
}

private final class DataBox: @unchecked Sendable {  // written by one reader thread, read after it is joined
    var data = Data()
}
