import Foundation
import Testing
@testable import Lab

// The lab server's runs are child processes it can end for certain (issue #16).

/// True when no process has the id `pid` (a zombie still has one).
func processIsGone(_ pid: Int32) -> Bool { kill(pid, 0) == -1 && errno == ESRCH }

@Test("a child that ignores SIGTERM is killed after the grace period, and its pid then names no process")
func stopEscalatesToKill() throws {
    let started = Date()
    let child = try StoppableProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo ready >&2; trap '' TERM; exec sleep 60"],
                                     directory: FileManager.default.temporaryDirectory) { _ in }
    #expect(child.wait(timeout: 0.3) == nil, "it runs")
    let status = child.stop(grace: 0.5)
    #expect(status == 128 + SIGKILL, "exit status \(status)")
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(processIsGone(child.pid), "pid \(child.pid) still exists")
}

@Test("a child's standard error arrives line by line, in order, and its exit status is returned")
func linesAndStatus() throws {
    final class Lines: @unchecked Sendable { let lock = NSLock(); var all: [String] = [] }   // `all` under `lock`
    let lines = Lines()
    let child = try StoppableProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo one >&2; echo out; printf 'two\\nthree' >&2; exit 3"],
                                     directory: FileManager.default.temporaryDirectory) { line in
        lines.lock.lock(); lines.all.append(line); lines.lock.unlock()
    }
    #expect(child.wait() == 3)
    #expect(lines.all == ["one", "two", "three"])
    #expect(child.stop(grace: 0.1) == 3, "stopping an ended child changes nothing")
}
