import Foundation

/// Runs `body(w)` for w = 0..<count, each on a thread of its own, and returns when all have
/// returned. Not `DispatchQueue.concurrentPerform`: called from inside another concurrentPerform
/// (a training race's models inside `rnnlab run --all`'s jobs) it ran its iterations on the
/// calling thread alone while the pool was busy, so a race trained one model at a time.
func onWorkerThreads(_ count: Int, _ body: @escaping (Int) -> Void) {
    guard count > 1 else { body(0); return }
    let shared = SharedBody(run: body)
    let group = DispatchGroup()
    for w in 0..<count {
        group.enter()
        let thread = Thread { shared.run(w); group.leave() }
        thread.stackSize = 8 << 20   // as the main thread's
        thread.start()
    }
    group.wait()
}

/// The body the workers share. Unchecked: each caller's body guards its own shared state (a
/// locked queue and result slots).
private struct SharedBody: @unchecked Sendable {
    let run: (Int) -> Void
}

/// The indices of `costs` from the largest to the smallest, ties in the given order; an unknown
/// cost (nil) counts as the largest. Workers that take jobs in this order start the long ones at
/// once and fill the gaps with the short ones, so the whole set ends close to total / workers.
func largestFirst(_ costs: [Double?]) -> [Int] {
    costs.indices.sorted { i, j in
        let a = costs[i] ?? .infinity, b = costs[j] ?? .infinity
        return a != b ? a > b : i < j
    }
}

/// Hands out the indices of `order` one at a time to the workers that ask, until they are all
/// taken or `stop` is called.
final class WorkQueue: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private let order: [Int]
    private var taken = 0
    init(order: [Int]) { self.order = order }
    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard taken < order.count else { return nil }
        taken += 1
        return order[taken - 1]
    }
    /// No index is handed out after this.
    func stop() { lock.lock(); taken = order.count; lock.unlock() }
}
