#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// The largest |aᵢ − bᵢ| (∞ when the lengths differ), printed by failing checks.
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// DLFS2 `ch06/rnn_gradient_graph.py`, `np.random.seed(3); Wh = np.random.randn(3, 3)`.
let dlfs2Wh = Matrix(rowList: [
    [1.7886284734, 0.4365098505, 0.0964974681],
    [-1.8634927034, -0.2773882025, -0.3547589793],
    [-0.0827414815, -0.6270006768, -0.0438181690],
])

/// s·R(θ), R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]].
func scaledRotation(_ θ: Double, _ s: Double) -> Matrix {
    Matrix(rowList: [[s * cos(θ), -s * sin(θ)], [s * sin(θ), s * cos(θ)]])
}

/// max |QᵀQ − I| for a matrix with (supposedly) orthonormal columns.
func orthonormalityError(_ Q: Matrix) -> Double {
    (Q.transposed * Q).maxAbsDifference(.identity(Q.cols))
}

/// Runs `body` with file descriptor 1 sent to a pipe and returns what was written to it
/// (C stdio included: stdout is flushed before the descriptor is restored).
func capturingStandardOutput(_ body: () throws -> Void) rethrows -> String {
    fflush(nil)  // every C stream (naming `stdout` is a shared-mutable-state error in Swift 6)
    var fds: [Int32] = [0, 0]
    precondition(pipe(&fds) == 0)
    defer { close(fds[0]) }
    let saved = dup(1)
    dup2(fds[1], 1)
    close(fds[1])
    do {
        defer { fflush(nil); dup2(saved, 1); close(saved) }
        try body()
    }
    _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while case let n = read(fds[0], &chunk, chunk.count), n > 0 { bytes += chunk[0..<n] }
    return String(decoding: bytes, as: UTF8.self)
}
