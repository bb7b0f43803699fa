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
