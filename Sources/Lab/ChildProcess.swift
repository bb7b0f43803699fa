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
