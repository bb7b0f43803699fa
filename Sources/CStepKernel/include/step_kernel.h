#pragma once
// The GEMMs of the BPTT time loop on AVX-512: C ← op(A)·op(X) (+ C).
//
// At every time step the recurrence multiplies the same matrix W_h (forward) or W_hᵀ (backward)
// by an H×B block of states; OpenBLAS packs W again at every call, and on this project's
// machines it runs its AVX2 (Haswell) kernels. Here op(A) is read either in place (column-major,
// A = W_h, or ∂L/∂A over all steps for the weight gradients) or from a copy packed once per
// sequence (Aᵀ: W_hᵀ for the backward sweep), in panels of 24 rows, and a micro-kernel keeps a
// 24×8 block of C in 24 AVX-512 registers.
//
// Summation order: each C element is a chain of fused multiply-adds over k, started at 0, in
// order, over blocks of k split as OpenBLAS's level-3 driver splits them (blocks of Q = 256; a
// remainder between Q and 2Q in two halves rounded up to 4), each block's sum added to C. That is
// the order of OpenBLAS's Haswell DGEMM kernel for an even number of columns, so results are the
// same bits as cblas_dgemm there; the AVX-512 path and the scalar reference give the same bits.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when this CPU runs the AVX-512 kernel (F, checked at run time), else 0.
int rnnlab_step_kernel_available(void);

/// Doubles a packed copy of an m×k matrix takes.
size_t rnnlab_step_packed_count(int m, int k);

/// Packs op(A) (m×k) into P: A is column-major with leading dimension lda, m×k when
/// transpose == 0, k×m (so op(A) = Aᵀ) when transpose == 1.
void rnnlab_step_pack(int m, int k, const double *A, int lda, int transpose, double *P);

/// op(A), m×k: packed (`packed` from rnnlab_step_pack, lda ignored) or column-major in place
/// (`packed` == 0: element (i, k) at A[i + k·lda]).
typedef struct {
    const double *A;
    int lda;
    int packed;
} rnnlab_left;

/// C (m×n, leading dimension ldc) ← op(A)·op(X) + (accumulate ? C : 0); op(X) is k×n: X itself
/// (element (k, j) at X[k + j·ldx]) or, with transpose_x, Xᵀ of an n×k X (at X[j + k·ldx]).
/// Uses the AVX-512 kernel; call only when rnnlab_step_kernel_available().
void rnnlab_step_gemm(int m, int n, int k, rnnlab_left a, const double *X, int ldx, int transpose_x,
                      double *C, int ldc, int accumulate);

/// The same product and the same bits by plain scalar loops (the reference the tests compare
/// the vector kernel with; runs on every CPU).
void rnnlab_step_gemm_reference(int m, int n, int k, rnnlab_left a, const double *X, int ldx, int transpose_x,
                                double *C, int ldc, int accumulate);

#ifdef __cplusplus
}
#endif
