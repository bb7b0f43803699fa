/// One block of Float64 storage allocated once and carved into matrix views.
///
/// The BPTT workspace for a sequence is a `Buffer`: every per-step view points into
/// it, so the time loop itself never allocates.
public final class Buffer {
    public let count: Int
    public let base: UnsafeMutablePointer<Double>
    private var next = 0

    public init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { base.deallocate() }

    /// Reserves a rows×cols contiguous matrix (zero-filled) from the buffer.
    public func take(rows: Int, cols: Int) -> MatrixRef {
        let n = rows * cols
        precondition(next + n <= count, "Buffer: asked for \(n) doubles, \(count - next) left")
        defer { next += n }
        return MatrixRef(base + next, rows: rows, cols: cols, ld: max(rows, 1))
    }

    public func zero() { base.update(repeating: 0, count: max(count, 1)) }
}
