#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import LinearAlgebra

@Suite("Singular values, eigenvalues and QR through LAPACK")
struct LAPACKTests {
    @Test("singular values of s·R(θ) are exactly {s, s}")
    func rotationSingularValues() throws {
        for (θ, s) in [(0.3, 2.5), (2.0, 0.7), (-1.1, 1.0)] {
            let σ = try singularValues(scaledRotation(θ, s))
            let d = maxAbsDifference(σ, [s, s])
            #expect(d < 1e-12, "θ = \(θ), s = \(s): σ = \(σ), largest difference \(d)")
        }
    }

    @Test("singular values of diag(3, −2, 0.5) are 3, 2, 0.5 and of [[1, 1], [0, 1]] are φ, 1/φ")
    func diagonalAndTriangularSingularValues() throws {
        let D = Matrix(rowList: [[3, 0, 0], [0, -2, 0], [0, 0, 0.5]])
        let σD = try singularValues(D)
        #expect(maxAbsDifference(σD, [3, 2, 0.5]) < 1e-14, "σ = \(σD)")
        let φ = (1 + 5.0.squareRoot()) / 2
        let σT = try singularValues(Matrix(rowList: [[1, 1], [0, 1]]))
        let d = maxAbsDifference(σT, [φ, 1 / φ])
        #expect(d < 1e-14, "σ = \(σT), largest difference \(d)")
    }

    @Test("singular values of a wide and a tall matrix agree with those of its transpose")
    func rectangularSingularValues() throws {
        var rng = SeededGenerator(seed: 11)
        let A = rng.gaussianMatrix(rows: 3, cols: 7)
        let σ = try singularValues(A), σt = try singularValues(A.transposed)
        #expect(σ.count == 3)
        #expect(zip(σ, σ.dropFirst()).allSatisfy { $0 >= $1 }, "not descending: \(σ)")
        #expect(maxAbsDifference(σ, σt) < 1e-12, "σ = \(σ), σ(Aᵀ) = \(σt)")
    }

    @Test("DLFS2's 3×3 Wh has σ = 2.6594289, 0.6100670, 0.1777630 and λ = 1.25519, 0.59707, −0.38484")
    func dlfs2Spectrum() throws {
        let σ = try singularValues(dlfs2Wh)
        let dσ = maxAbsDifference(σ, [2.6594289, 0.6100670, 0.1777630])
        #expect(dσ < 1e-6, "σ = \(σ), largest difference \(dσ)")
        let λ = try eigenvalues(dlfs2Wh)
        #expect(λ.allSatisfy { $0.im == 0 }, "λ = \(λ)")
        let dλ = maxAbsDifference(λ.map(\.re), [1.25519, 0.59707, -0.38484])
        #expect(dλ < 1e-5, "λ = \(λ), largest difference \(dλ)")
        let ρ = try spectralRadius(dlfs2Wh)
        #expect(abs(ρ - 1.2551903) < 1e-7, "ρ = \(ρ)")
    }

    @Test("eigenvalues of s·R(θ) are s·e^{±iθ}")
    func rotationEigenvalues() throws {
        for (θ, s) in [(0.3, 2.5), (2.0, 0.7), (1.0, 1.0)] {
            let λ = try eigenvalues(scaledRotation(θ, s))
            let want = [s * cos(θ), s * sin(θ), s * cos(θ), -s * sin(θ)]
            let d = maxAbsDifference(λ.flatMap { [$0.re, $0.im] }, want)
            #expect(d < 1e-12, "θ = \(θ), s = \(s): λ = \(λ), largest difference \(d)")
            #expect(abs(λ[0].magnitude - s) < 1e-12 && abs(λ[0].phase - θ) < 1e-12)
            #expect(abs(try spectralRadius(scaledRotation(θ, s)) - s) < 1e-12)
        }
    }

    @Test("eigenvalues of a triangular matrix are its diagonal, sorted by magnitude")
    func triangularEigenvalues() throws {
        let U = Matrix(rowList: [[3, 1, 2, -7], [0, -5, 4, 1], [0, 0, 0.5, 9], [0, 0, 0, 1.5]])
        let λ = try eigenvalues(U)
        #expect(λ.allSatisfy { $0.im == 0 }, "λ = \(λ)")
        let d = maxAbsDifference(λ.map(\.re), [-5, 3, 1.5, 0.5])
        #expect(d < 1e-12, "λ = \(λ), largest difference \(d)")
        let L = U.transposed
        let dL = maxAbsDifference(try eigenvalues(L).map(\.re), [-5, 3, 1.5, 0.5])
        #expect(dL < 1e-12, "lower triangular: largest difference \(dL)")
    }

    @Test("thin QR: Q has orthonormal columns, R is upper triangular, Q·R = A", arguments: [(6, 4), (5, 5), (9, 1)])
    func thinQR(rows: Int, cols: Int) throws {
        var rng = SeededGenerator(seed: UInt64(10 * rows + cols))
        let A = rng.gaussianMatrix(rows: rows, cols: cols)
        let (Q, R) = try qrDecomposition(A)
        #expect(Q.rows == rows && Q.cols == cols && R.rows == cols && R.cols == cols)
        let eQ = orthonormalityError(Q)
        #expect(eQ < 1e-12, "max |QᵀQ − I| = \(eQ)")
        let eA = (Q * R).maxAbsDifference(A)
        #expect(eA < 1e-12, "max |QR − A| = \(eA)")
        for j in 0..<cols { for i in (j + 1)..<max(cols, j + 1) { #expect(R[i, j] == 0, "R[\(i), \(j)] = \(R[i, j])") } }
    }

    @Test("QRWorkspace overwrites A with Q, returns diag R, and ∏|rᵢᵢ| = |det A| = ∏σᵢ")
    func workspaceQR() throws {
        let ws = QRWorkspace(rows: 3, cols: 3)
        var A = dlfs2Wh
        let r = try A.withMutableRef { Array(try ws.factor($0)) }
        let (Q, R) = try qrDecomposition(dlfs2Wh)
        #expect(A.maxAbsDifference(Q) < 1e-14, "Q differs from qrDecomposition's by \(A.maxAbsDifference(Q))")
        #expect(maxAbsDifference(r, (0..<3).map { R[$0, $0] }) < 1e-14, "diag R = \(r)")
        let detFromR = r.reduce(1) { $0 * abs($1) }
        let detFromσ = try singularValues(dlfs2Wh).reduce(1, *)
        #expect(abs(detFromR - detFromσ) < 1e-12, "∏|rᵢᵢ| = \(detFromR), ∏σ = \(detFromσ)")

        // A strided view (ld > rows) of a tall block works in place too.
        var rng = SeededGenerator(seed: 5)
        var big = rng.gaussianMatrix(rows: 10, cols: 3)
        let tall = big.rowBlock(2..<9)
        let wsTall = QRWorkspace(rows: 7, cols: 3)
        let rTall = try big.withMutableRef { Array(try wsTall.factor($0.rowsView(2, 7))) }
        let (Qt, Rt) = try qrDecomposition(tall)
        #expect(big.rowBlock(2..<9).maxAbsDifference(Qt) < 1e-14)
        #expect(maxAbsDifference(rTall, (0..<3).map { Rt[$0, $0] }) < 1e-14)
    }

    @Test("QR iteration on DLFS2's Wh gives Lyapunov exponents ln|λᵢ| = 0.22729, −0.51572, −0.95493")
    func lyapunovByQRIteration() throws {
        let n = 3
        let ws = QRWorkspace(rows: n, cols: n)
        var Q = Matrix.identity(n), Y = Matrix(rows: n, cols: n)
        var sum = [Double](repeating: 0, count: n)
        let transient = 100, steps = 100
        for t in 0..<(transient + steps) {
            Y.withMutableRef { y in dlfs2Wh.withRef { w in Q.withRef { q in gemm(w, q, into: y) } } }
            let r = try Y.withMutableRef { try ws.factor($0) }
            if t >= transient { for i in 0..<n { sum[i] += log(abs(r[i])) } }
            swap(&Q, &Y)
        }
        let exponents = sum.map { $0 / Double(steps) }
        let want = try eigenvalues(dlfs2Wh).map { log($0.magnitude) }
        let d = maxAbsDifference(exponents, want)
        #expect(d < 1e-10, "exponents \(exponents), ln|λ| \(want), largest difference \(d)")
        #expect(abs(exponents[0] - log(1.2551903)) < 1e-7)
    }

    @Test("bad input throws before LAPACK and prints nothing on standard output")
    func badInputThrowsQuietly() throws {
        var nan = dlfs2Wh
        nan[1, 2] = .nan
        var inf = dlfs2Wh
        inf[0, 0] = -.infinity
        let wide = Matrix(rows: 2, cols: 3, repeating: 1)
        let printed = capturingStandardOutput {
            #expect(throws: LinearAlgebraError.notSquare(rows: 2, cols: 3)) { try eigenvalues(wide) }
            #expect(throws: LinearAlgebraError.notSquare(rows: 2, cols: 3)) { try spectralRadius(wide) }
            #expect(throws: LinearAlgebraError.notTall(rows: 2, cols: 3)) { try qrDecomposition(wide) }
            #expect(throws: LinearAlgebraError.nonFinite) { try eigenvalues(nan) }
            #expect(throws: LinearAlgebraError.nonFinite) { try singularValues(nan) }
            #expect(throws: LinearAlgebraError.nonFinite) { try singularValues(inf) }
            #expect(throws: LinearAlgebraError.nonFinite) { try qrDecomposition(inf) }
            #expect(throws: LinearAlgebraError.self) { try Initializer.rescaledToSpectralRadius(nan, 1) }
            #expect(throws: LinearAlgebraError.self) { try Initializer.rescaledToSpectralRadius(dlfs2Wh, -1) }
            let nilpotent = Matrix(rowList: [[0, 1], [0, 0]])
            #expect(throws: LinearAlgebraError.self) { try Initializer.rescaledToSpectralRadius(nilpotent, 1) }
            let ws = QRWorkspace(rows: 3, cols: 3)
            #expect(throws: LinearAlgebraError.nonFinite) { _ = try nan.withMutableRef { try ws.factor($0) } }
            #expect(throws: LinearAlgebraError.self) { _ = try wide.withRef { try ws.factor($0) } }
        }
        #expect(printed.isEmpty, "standard output got: \(printed)")
    }

    @Test("empty matrices give empty spectra")
    func emptyMatrices() throws {
        let E = Matrix(rows: 0, cols: 0)
        #expect(try singularValues(E).isEmpty)
        #expect(try eigenvalues(E).isEmpty)
        #expect(try spectralRadius(E) == 0)
        let (Q, R) = try qrDecomposition(Matrix(rows: 4, cols: 0))
        #expect(Q.rows == 4 && Q.cols == 0 && R.rows == 0)
    }
}
