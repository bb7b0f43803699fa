import Foundation

/// Runs a program to its end and collects its status, standard output and standard error (the
/// two pipes drained at once, standard error on its own thread, so neither can fill and block).
public func runProcess(_ executable: URL, _ arguments: [String], directory: URL,
                environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    if let environment { p.environment = environment }
    p.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    final class Box: @unchecked Sendable { var data = Data() }  // written by the reader thread, read after `done.wait()`
    let errData = Box()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread { errData.data = err.fileHandleForReading.readDataToEndOfFile(); done.signal() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.data, as: UTF8.self))
}

/// A program run as a child that can be stopped for certain, its standard error handed over
/// line by line as it comes (its standard output is discarded).
///
/// `stop(grace:)` sends SIGTERM first — `rnnlab run` then ends at its next safe point, stops
/// gnuplot and leaves no half-written folder — and SIGKILL once `grace` seconds have passed
/// without an exit, so a computation that seldom checks for cancellation ends as well. The
/// child is reaped by `Process`; `wait` returns only after that (and after its standard error
/// has been read to the end), so a pid that `wait` reported on names no process any more.
public final class StoppableProcess: @unchecked Sendable {   // constants only; `Process` answers from any thread
    public let pid: Int32
    private let process: Process
    /// Left by the exit and by the end of standard error.
    private let done = DispatchGroup()

    /// Starts `executable arguments…` in `directory`; `onLine` gets each line of its standard
    /// error, on a thread of its own, in order.
    public init(_ executable: URL, _ arguments: [String], directory: URL, environment: [String: String]? = nil,
                onLine: @escaping @Sendable (String) -> Void) throws {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = directory
        if let environment { p.environment = environment }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        done.enter()
        done.enter()
        p.terminationHandler = { [done] _ in done.leave() }
        do { try p.run() } catch {
            done.leave(); done.leave()
            throw error
        }
        process = p
        pid = p.processIdentifier
        Thread.detachNewThread { [done] in
            let reader = err.fileHandleForReading
            var pending = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    onLine(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
            try? reader.close()
            done.leave()
        }
    }

    /// The exit status (128 + the signal's number when a signal ended it) once the child has
    /// exited and been reaped; nil when `timeout` seconds pass first.
    public func wait(timeout: Double? = nil) -> Int32? {
        if let timeout {
            guard done.wait(timeout: .now() + max(0, timeout)) == .success else { return nil }
        } else {
            done.wait()
        }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// SIGTERM, then SIGKILL if it has not exited within `grace` seconds; returns its exit status
    /// once it has exited and been reaped. Calling it again, or after the exit, is harmless.
    @discardableResult
    public func stop(grace: Double) -> Int32 {
        signal(SIGTERM)
        if let status = wait(timeout: grace) { return status }
        signal(SIGKILL)
        return wait()!
    }

    /// `isRunning` turns false when `Process` reaps the child, so a reaped pid (which the system
    /// may give to another process) is not signalled; only a reap between the check and `kill`,
    /// a window of microseconds, could slip through.
    private func signal(_ number: Int32) {
        if process.isRunning { kill(pid, number) }
    }
}
