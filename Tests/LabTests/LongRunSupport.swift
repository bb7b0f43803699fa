import Foundation

// The long tests run the training experiments at their default sizes, in release mode, only when
// asked: `RNNLAB_LONG=1 swift test -c release --filter long`.

/// Whether RNNLAB_LONG is set.
let longRuns = ProcessInfo.processInfo.environment["RNNLAB_LONG"] != nil

/// An environment variable of the test process (the long tests' overrides).
func environment(_ key: String) -> String? { ProcessInfo.processInfo.environment[key] }

/// A line on standard error: the long tests' timings and curves.
func say(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }
