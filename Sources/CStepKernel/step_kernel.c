#include "step_kernel.h"
#include <math.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

enum { PANEL = 24, NR = 8, Q = 256, UNROLL_M = 4, NBLOCK = 128 };

/// Rows of panel p of an m-row matrix, and its height in the packed layout (a multiple of 8).
static inline int panel_rows(int m, int p) { int r = m - p * PANEL; return r < PANEL ? r : PANEL; }
static inline int panel_height(int rows) { return (rows + 7) / 8 * 8; }

/// The length of the next block of k when `rem` values of k remain (OpenBLAS level3.c's rule).
static inline int k_block(int rem) {
    if (rem >= 2 * Q) return Q;
    if (rem > Q) return (rem / 2 + UNROLL_M - 1) / UNROLL_M * UNROLL_M;
    return rem;
}

/// Panel p of op(A): its first element and the distance between its columns k and k + 1.
static inline const double *panel_base(rnnlab_left a, int m, int k, int p, size_t *kstride) {
    if (!a.packed) { *kstride = (size_t)a.lda; return a.A + (size_t)p * PANEL; }
    *kstride = (size_t)panel_height(panel_rows(m, p));
    return a.A + (size_t)p * PANEL * (size_t)k;   // every panel before p is full (24 rows)
}

size_t rnnlab_step_packed_count(int m, int k) {
    size_t count = 0;
    for (int p = 0; p * PANEL < m; p++) count += (size_t)panel_height(panel_rows(m, p)) * (size_t)k;
    return count;
}

void rnnlab_step_pack(int m, int k, const double *A, int lda, int transpose, double *P) {
    for (int p = 0; p * PANEL < m; p++) {
        int rows = panel_rows(m, p), h = panel_height(rows), r0 = p * PANEL;
        for (int kk = 0; kk < k; kk++) {
            for (int i = 0; i < h; i++) {
                double v = 0;
                if (i < rows) v = transpose ? A[kk + (size_t)(r0 + i) * lda] : A[(r0 + i) + (size_t)kk * lda];
                P[(size_t)kk * h + i] = v;
            }
        }
        P += (size_t)h * k;
    }
}

void rnnlab_step_gemm_reference(int m, int n, int k, rnnlab_left a, const double *X, int ldx, int transpose_x,
                                double *C, int ldc, int accumulate) {
    size_t xk = transpose_x ? (size_t)ldx : 1, xj = transpose_x ? 1 : (size_t)ldx;
    for (int p = 0; p * PANEL < m; p++) {
        size_t ks;
        const double *Ap = panel_base(a, m, k, p, &ks);
        int rows = panel_rows(m, p), r0 = p * PANEL;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < rows; i++) {
                double c = accumulate ? C[(r0 + i) + (size_t)j * ldc] : 0.0;
                for (int k0 = 0; k0 < k;) {
                    int kb = k_block(k - k0);
                    double acc = 0;
                    for (int kk = k0; kk < k0 + kb; kk++)
                        acc = fma(Ap[(size_t)kk * ks + i], X[(size_t)kk * xk + (size_t)j * xj], acc);
                    c = acc + c;
                    k0 += kb;
                }
                C[(r0 + i) + (size_t)j * ldc] = c;
            }
        }
    }
}

#if defined(__x86_64__)

int rnnlab_step_kernel_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 1 : 0;
}

/// One tile: R registers of 8 rows by NC columns of C, over the k-block [k0, k0 + kb), added to C
/// (or to 0 when `first_zero`). `rows` (≤ 8R) rows are live: the last register's loads of op(A)
/// and its loads and stores of C are masked, so nothing outside A or C is touched. TX: op(X) = Xᵀ.
#define TILE_ATTR static inline __attribute__((always_inline, target("avx512f")))
TILE_ATTR void tile(const int R, const int NC, const int TX, int k0, int kb, const double *A, size_t ks,
                    const double *X, size_t ldx, double *C, size_t ldc, int rows, int first_zero) {
    __m512d acc[3][NR];
    __mmask8 mask[3];
    for (int r = 0; r < R; r++) {
        int live = rows - 8 * r;
        mask[r] = live >= 8 ? (__mmask8)0xFF : live <= 0 ? (__mmask8)0 : (__mmask8)((1u << live) - 1);
        for (int j = 0; j < NC; j++) acc[r][j] = _mm512_setzero_pd();
    }
    const double *ak = A + (size_t)k0 * ks;
    const double *xk = TX ? X + (size_t)k0 * ldx : X + k0;
    for (int kk = 0; kk < kb; kk++, ak += ks, xk += TX ? ldx : 1) {
        __m512d a[3];
        for (int r = 0; r < R; r++)
            a[r] = r == R - 1 ? _mm512_maskz_loadu_pd(mask[r], ak + 8 * r) : _mm512_loadu_pd(ak + 8 * r);
        for (int j = 0; j < NC; j++) {
            __m512d xb = _mm512_set1_pd(TX ? xk[j] : xk[(size_t)j * ldx]);
            for (int r = 0; r < R; r++) acc[r][j] = _mm512_fmadd_pd(a[r], xb, acc[r][j]);
        }
    }
    for (int r = 0; r < R; r++) {
        for (int j = 0; j < NC; j++) {
            double *c = C + (size_t)j * ldc + 8 * r;
            __m512d old = first_zero ? _mm512_setzero_pd() : _mm512_maskz_loadu_pd(mask[r], c);
            _mm512_mask_storeu_pd(c, mask[r], _mm512_add_pd(acc[r][j], old));
        }
    }
}

/// Columns [j0, j1) of one panel in tiles of NR, the last tile narrower; R registers per column.
#define TILES(R, TX) \
    for (int j = j0; j < j1; j += NR) { \
        int nc = j1 - j < NR ? j1 - j : NR; \
        const double *xj = TX ? X + j : X + (size_t)j * ldx; double *cj = Cp + (size_t)j * ldc; \
        switch (nc) { \
        case 8: tile(R, 8, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        case 7: tile(R, 7, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        case 6: tile(R, 6, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        case 5: tile(R, 5, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        case 4: tile(R, 4, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        case 3: tile(R, 3, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        case 2: tile(R, 2, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        default: tile(R, 1, TX, k0, kb, Ap, ks, xj, ldx, cj, ldc, rows, first_zero); break; \
        } \
    }

#define PANEL_LOOP(TX) \
    for (int j0 = 0; j0 < n; j0 += NBLOCK) { \
        int j1 = n - j0 < NBLOCK ? n : j0 + NBLOCK; \
        for (int k0 = 0; k0 < k;) { \
            int kb = k_block(k - k0); \
            int first_zero = !accumulate && k0 == 0; \
            for (int p = 0; p * PANEL < m; p++) { \
                size_t ks; \
                const double *Ap = panel_base(a, m, k, p, &ks); \
                int rows = panel_rows(m, p); \
                double *Cp = C + p * PANEL; \
                switch ((rows + 7) / 8) { \
                case 3: TILES(3, TX) break; \
                case 2: TILES(2, TX) break; \
                default: TILES(1, TX) break; \
                } \
            } \
            k0 += kb; \
        } \
    }

/// Loop order: blocks of 128 columns of C (their op(X) block stays in L2), then blocks of k
/// (OpenBLAS's, which fix the summation order), then panels of 24 rows, then tiles of 8 columns.
__attribute__((target("avx512f")))
void rnnlab_step_gemm(int m, int n, int k, rnnlab_left a, const double *X, int ldx, int transpose_x,
                      double *C, int ldc, int accumulate) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {   // C ← C, or 0
        if (!accumulate) for (int j = 0; j < n; j++) for (int i = 0; i < m; i++) C[i + (size_t)j * ldc] = 0;
        return;
    }
    if (transpose_x) { PANEL_LOOP(1) } else { PANEL_LOOP(0) }
}

#else

int rnnlab_step_kernel_available(void) { return 0; }

void rnnlab_step_gemm(int m, int n, int k, rnnlab_left a, const double *X, int ldx, int transpose_x,
                      double *C, int ldc, int accumulate) {
    rnnlab_step_gemm_reference(m, n, k, a, X, ldx, transpose_x, C, ldc, accumulate);
}

#endif
