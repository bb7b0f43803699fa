import CLapack
import LinearAlgebra
import Testing

/// C ← op(W)·X + β·C by OpenBLAS itself (`gemm` would take the AVX-512 kernel where it can).
private func openBLASProduct(_ W: Matrix, transpose: Bool, _ X: Matrix, into C: inout Matrix, beta: Double) {
    let M = transpose ? W.cols : W.rows, K = transpose ? W.rows : W.cols
    W.withRef { w in X.withRef { x in C.withMutableRef { c in
        cblas_dgemm(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, CblasNoTrans, Int32(M), Int32(x.cols), Int32(K),
                    1, w.pointer, Int32(w.ld), x.pointer, Int32(x.ld), beta, c.pointer, Int32(c.ld))
    } } }
}

/// op(W)·X + (accumulate ? C : 0) the way step_kernel.h states it, written here from that
/// statement alone: each element a chain of fused multiply-adds over k from 0, over the blocks
/// of k that OpenBLAS's level-3 driver makes (256; a rest between 256 and 512 in two halves
/// rounded up to 4), each block's sum added to C.
private func chainedProduct(_ W: Matrix, transpose: Bool, _ X: Matrix, _ C: Matrix, accumulate: Bool) -> Matrix {
    let M = transpose ? W.cols : W.rows, K = transpose ? W.rows : W.cols
    func w(_ i: Int, _ k: Int) -> Double { transpose ? W[k, i] : W[i, k] }
    var out = C
    for j in 0..<X.cols {
        for i in 0..<M {
            var c = accumulate ? C[i, j] : 0
            var k0 = 0
            while k0 < K {
                let rest = K - k0
                let kb = rest >= 512 ? 256 : rest > 256 ? (rest / 2 + 3) / 4 * 4 : rest
                var acc = 0.0
                for k in k0..<(k0 + kb) { acc = acc.addingProduct(w(i, k), X[k, j]) }   // one rounding each
                c = acc + c
                k0 += kb
            }
            out[i, j] = c
        }
    }
    return out
}

/// M rows of op(W): single and several panels of 24, tails of 1–23 rows; N even; K across the
/// block edges 256 and 512.
private let shapes: [(M: Int, N: Int, K: Int)] = [
    (1, 2, 1), (7, 4, 29), (8, 2, 8), (9, 6, 17), (23, 8, 40), (24, 16, 24), (25, 10, 33),
    (100, 16, 100), (130, 20, 64), (48, 12, 257), (30, 4, 400), (16, 2, 513), (40, 18, 1030),
]

/// A random W (M×K, or K×M when `transpose`), X (K×N), C (M×N) and op(W) packed.
private func problem(_ s: (M: Int, N: Int, K: Int), transpose: Bool, _ rng: inout SeededGenerator)
    -> (W: Matrix, X: Matrix, C: Matrix, packed: PackedStepMatrix) {
    let W = transpose ? rng.gaussianMatrix(rows: s.K, cols: s.M) : rng.gaussianMatrix(rows: s.M, cols: s.K)
    let X = rng.gaussianMatrix(rows: s.K, cols: s.N), C = rng.gaussianMatrix(rows: s.M, cols: s.N)
    let packed = PackedStepMatrix(rows: s.M, cols: s.K)
    W.withRef { packed.pack($0, transpose: transpose) }
    return (W, X, C, packed)
}

@Suite("The AVX-512 GEMM kernel and the packed step matrix")
struct StepGEMMTests {
    @Test("sums every element in the stated order: the scalar reference equals fma chains over OpenBLAS's blocks of k, bit for bit",
          arguments: [false, true])
    func referenceOrder(transpose: Bool) {
        var rng = SeededGenerator(seed: 41)
        for s in shapes {
            let (W, X, C0, packed) = problem(s, transpose: transpose, &rng)
            for accumulate in [false, true] {
                var C = C0
                X.withRef { x in C.withMutableRef { packed.multiplyByReference(x, into: $0, accumulate: accumulate) } }
                let want = chainedProduct(W, transpose: transpose, X, C0, accumulate: accumulate)
                #expect(C.elements == want.elements, "M=\(s.M) N=\(s.N) K=\(s.K) accumulate=\(accumulate): max |Δ| \(maxAbsDifference(C.elements, want.elements))")
            }
        }
    }

    @Test("the AVX-512 kernel gives the same bits as its scalar reference, and writes no element outside C",
          .enabled(if: AVX512GEMM.isAvailable), arguments: [false, true])
    func kernelEqualsReference(transpose: Bool) {
        var rng = SeededGenerator(seed: 42)
        for s in shapes {
            let W = transpose ? rng.gaussianMatrix(rows: s.K, cols: s.M) : rng.gaussianMatrix(rows: s.M, cols: s.K)
            let X = rng.gaussianMatrix(rows: s.K, cols: s.N)
            // C is a view with leading dimension M + 3 inside a larger matrix: the 3 rows below it
            // (guards) must come out untouched.
            let big0 = rng.gaussianMatrix(rows: s.M + 3, cols: s.N)
            let packed = PackedStepMatrix(rows: s.M, cols: s.K)
            W.withRef { packed.pack($0, transpose: transpose) }
            for accumulate in [false, true] {
                var viaKernel = big0, viaReference = big0
                X.withRef { x in
                    viaKernel.withMutableRef { packed.multiply(x, into: $0.rowsView(0, s.M), accumulate: accumulate) }
                    viaReference.withMutableRef { packed.multiplyByReference(x, into: $0.rowsView(0, s.M), accumulate: accumulate) }
                }
                #expect(viaKernel.elements == viaReference.elements, "M=\(s.M) N=\(s.N) K=\(s.K) accumulate=\(accumulate)")
                for j in 0..<s.N { for i in s.M..<(s.M + 3) { #expect(viaKernel[i, j] == big0[i, j]) } }
            }
        }
    }

    @Test("agrees with OpenBLAS's dgemm to 10⁻¹³ of the sum of |terms| on every CPU", arguments: [false, true])
    func agreesWithDGEMM(transpose: Bool) {
        var rng = SeededGenerator(seed: 43)
        for s in shapes {
            let (W, X, C0, packed) = problem(s, transpose: transpose, &rng)
            var viaKernel = C0, viaBLAS = C0
            X.withRef { x in viaKernel.withMutableRef { packed.multiplyByReference(x, into: $0, accumulate: true) } }
            openBLASProduct(W, transpose: transpose, X, into: &viaBLAS, beta: 1)
            for j in 0..<s.N {
                for i in 0..<s.M {
                    var terms = abs(C0[i, j])   // Σ_k |w_ik x_kj| + |c_ij|: the scale of the rounding errors
                    for k in 0..<s.K { terms += abs((transpose ? W[k, i] : W[i, k]) * X[k, j]) }
                    #expect(abs(viaKernel[i, j] - viaBLAS[i, j]) <= 1e-13 * terms, "M=\(s.M) N=\(s.N) K=\(s.K) (\(i), \(j))")
                }
            }
        }
    }

    @Test("gemm on the AVX-512 kernel (A in place, op(B) = B or Bᵀ, views inside larger matrices) gives the same bits as the reference order and leaves the rest of C alone",
          .enabled(if: AVX512GEMM.isAvailable), arguments: [false, true])
    func gemmInPlaceEqualsReference(transposeB: Bool) {
        var rng = SeededGenerator(seed: 44)
        for s in shapes {
            // A is the top M rows of an (M+5)×K matrix (lda = M + 5); C the top M rows of (M+3)×N.
            let Abig = rng.gaussianMatrix(rows: s.M + 5, cols: s.K)
            let B = transposeB ? rng.gaussianMatrix(rows: s.N, cols: s.K) : rng.gaussianMatrix(rows: s.K, cols: s.N)
            let big0 = rng.gaussianMatrix(rows: s.M + 3, cols: s.N)
            for beta in [0.0, 1.0] {
                var viaGEMM = big0, viaReference = big0
                Abig.withRef { a in B.withRef { b in
                    let A = a.rowsView(0, s.M)
                    viaGEMM.withMutableRef { gemm(A, b, transposeB: transposeB, into: $0.rowsView(0, s.M), beta: beta) }
                    viaReference.withMutableRef {
                        AVX512GEMM.referenceProduct(A, b, transposeB: transposeB, into: $0.rowsView(0, s.M), accumulate: beta == 1)
                    }
                } }
                #expect(viaGEMM.elements == viaReference.elements, "M=\(s.M) N=\(s.N) K=\(s.K) β=\(beta)")
                for j in 0..<s.N { for i in s.M..<(s.M + 3) { #expect(viaGEMM[i, j] == big0[i, j]) } }
            }
        }
    }

    @Test("where OpenBLAS runs its Haswell kernels (this project's machines), the kernel gives cblas_dgemm's bits exactly",
          .enabled(if: AVX512GEMM.isAvailable && BLASInfo.coreName == "Haswell"), arguments: [false, true])
    func sameBitsAsHaswellDGEMM(transpose: Bool) {
        // Only products OpenBLAS never splits over threads (M·N·K ≤ 4·65 536, its threshold), so
        // the test holds whatever thread count another test has set meanwhile; K up to 1 030
        // still crosses the block edges 256 and 512.
        var rng = SeededGenerator(seed: 45)
        for s in shapes.filter({ $0.M * $0.N * $0.K <= 262_144 }) + [(12, 4, 1030)] {
            let (W, X, C0, packed) = problem(s, transpose: transpose, &rng)
            for accumulate in [false, true] {
                var viaKernel = C0, viaBLAS = C0
                X.withRef { x in viaKernel.withMutableRef { packed.multiply(x, into: $0, accumulate: accumulate) } }
                openBLASProduct(W, transpose: transpose, X, into: &viaBLAS, beta: accumulate ? 1 : 0)
                #expect(viaKernel.elements == viaBLAS.elements, "M=\(s.M) N=\(s.N) K=\(s.K) accumulate=\(accumulate): max |Δ| \(maxAbsDifference(viaKernel.elements, viaBLAS.elements))")
            }
        }
    }

    @Test("two threads over two halves of C's columns give the same bits as one call, for B and Bᵀ",
          .enabled(if: AVX512GEMM.isAvailable), arguments: [false, true])
    func twoThreadsSameBits(transposeB: Bool) {
        var rng = SeededGenerator(seed: 46)
        for (M, N, K) in [(130, 20, 1030), (512, 32, 512), (64, 6, 6000)] {   // each ≥ 2²¹ multiply-adds: split
            let A = rng.gaussianMatrix(rows: M, cols: K)
            let B = transposeB ? rng.gaussianMatrix(rows: N, cols: K) : rng.gaussianMatrix(rows: K, cols: N)
            let C0 = rng.gaussianMatrix(rows: M, cols: N)
            var split = C0, reference = C0
            A.withRef { a in B.withRef { b in
                split.withMutableRef { AVX512GEMM.multiply(a, b, transposeB: transposeB, into: $0, accumulate: true, threads: 2) }
                reference.withMutableRef { AVX512GEMM.referenceProduct(a, b, transposeB: transposeB, into: $0, accumulate: true) }
            } }
            #expect(split.elements == reference.elements, "M=\(M) N=\(N) K=\(K)")
        }
    }

    @Test("takes only an even number of columns: OpenBLAS sums an odd count's last column in another order")
    func evenColumnsOnly() {
        #expect(!AVX512GEMM.handles(columns: 1))
        #expect(!AVX512GEMM.handles(columns: 17))
        #expect(AVX512GEMM.handles(columns: 16) == AVX512GEMM.isAvailable)
    }
}
