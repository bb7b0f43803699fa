import Foundation
import Testing
@testable import Lab

/// Counts the bodies inside at once; `waitForAll` returns true once `expected` were in together.
private final class Meeting: @unchecked Sendable {  // every access holds `condition`
    private let condition = NSCondition()
    private var inside = 0
    private let expected: Int
    init(expected: Int) { self.expected = expected }
    func waitForAll(timeout: TimeInterval) -> Bool {
        condition.lock(); defer { condition.unlock() }
        inside += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: timeout)
        while inside < expected { if !condition.wait(until: deadline) { return false } }
        return true
    }
}

@Test("workers nested in workers all run at once: a training race inside `run --all`'s jobs trains its models together")
func nestedWorkersRunTogether() {
    let meeting = Meeting(expected: 4)
    let met = ReportFlags(count: 4)
    onWorkerThreads(2) { outer in
        onWorkerThreads(2) { inner in
            met.set(outer * 2 + inner, meeting.waitForAll(timeout: 10))
        }
    }
    #expect(met.all == [true, true, true, true])
}

private final class ReportFlags: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var flags: [Bool]
    init(count: Int) { flags = Array(repeating: false, count: count) }
    func set(_ i: Int, _ value: Bool) { lock.lock(); flags[i] = value; lock.unlock() }
    var all: [Bool] { lock.lock(); defer { lock.unlock() }; return flags }
}
