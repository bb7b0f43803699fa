/// Weight initialisers for recurrent and input matrices. Each draws from a `SeededGenerator`
/// in column-major order, so a seed fixes the weights on every machine.
///
/// What each does to the recurrent spectrum (W square, N×N; see reference-science §7.4):
/// Gaussian with gain g has ρ(W) → g (circular law) but σ_max → 2g (quarter-circle law);
/// orthogonal has every σ = 1 and every |λ| = 1; identity is the IRNN start (Le et al. 2015).
public enum Initializer {
    /// W_ij ~ N(0, gain²/cols). With cols = N this is the classic random-network scaling:
    /// ρ(W) → gain as N → ∞ (eigenvalues uniform on the disk of radius gain), σ_max → 2·gain.
    /// Default gain 1 is the edge between decaying and growing linear dynamics.
    public static func gaussian(rows: Int, cols: Int, gain: Double = 1,
                                using rng: inout SeededGenerator) -> Matrix {
        rng.gaussianMatrix(rows: rows, cols: cols, std: gain / Double(max(cols, 1)).squareRoot())
    }

    /// Glorot/Xavier uniform (Glorot & Bengio 2010): W_ij ~ U(−b, b) with b = √(6/(rows+cols)),
    /// so Var W_ij = b²/3 = 2/(rows+cols), the compromise between keeping forward activations
    /// (fan-in) and backward gradients (fan-out) at unit variance.
    public static func xavier(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix {
        let b = (6 / Double(max(rows + cols, 1))).squareRoot()
        return rng.uniformMatrix(rows: rows, cols: cols, low: -b, high: b)
    }

    /// A random orthogonal n×n matrix times `gain` (Saxe et al. 2014): Q from the QR of a Gaussian
    /// matrix G = Q R, with the sign fix Q·diag(sign rᵢᵢ) (Mezzadri 2007). Without the fix Q
    /// depends on LAPACK's sign convention and is not Haar-distributed; with it, Q is uniform on
    /// O(n). Every singular value and every |eigenvalue| equals `gain`: dynamical isometry.
    public static func orthogonal(_ n: Int, gain: Double = 1, using rng: inout SeededGenerator) -> Matrix {
        let G = rng.gaussianMatrix(rows: n, cols: n)
        // A Gaussian matrix is finite and square, so QR cannot fail; a failure is a bug.
        guard let (Q0, R) = try? qrDecomposition(G) else { preconditionFailure("orthogonal: QR of a Gaussian matrix failed") }
        var Q = Q0
        for j in 0..<n {
            let s = (R[j, j] < 0 ? -1.0 : 1.0) * gain
            for i in 0..<n { Q.elements[i + j * n] *= s }
        }
        return Q
    }

    /// scale·I (IRNN, Le, Jaitly & Hinton 2015): with ReLU, h_t = h_{t−1} + input at the start,
    /// so gradients neither vanish nor explode through the recurrence at first.
    public static func identity(_ n: Int, scale: Double = 1) -> Matrix {
        Matrix.identity(n, scale: scale)
    }

    /// (ρ / ρ(W))·W: the same matrix with spectral radius exactly ρ (echo-state-network practice,
    /// Jaeger 2001). Throws for non-square or non-finite W, ρ < 0 or non-finite, or ρ(W) = 0
    /// (a nilpotent W cannot be rescaled to a nonzero radius).
    public static func rescaledToSpectralRadius(_ W: Matrix, _ rho: Double) throws -> Matrix {
        guard rho.isFinite && rho >= 0 else {
            throw LinearAlgebraError.invalidArgument("spectral radius must be finite and ≥ 0, got \(rho)")
        }
        let current = try spectralRadius(W)
        guard current > 0 else {
            throw LinearAlgebraError.invalidArgument("ρ(W) = 0: cannot rescale to \(rho)")
        }
        return (rho / current) * W
    }

    /// W_ij ~ U(−bound, bound), Var = bound²/3. PyTorch's default for every RNN/LSTM/GRU weight
    /// and bias is bound = 1/√H with H the hidden size.
    public static func uniform(rows: Int, cols: Int, bound: Double,
                               using rng: inout SeededGenerator) -> Matrix {
        rng.uniformMatrix(rows: rows, cols: cols, low: -bound, high: bound)
    }
}
