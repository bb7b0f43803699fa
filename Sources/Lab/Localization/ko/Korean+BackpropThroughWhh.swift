// `backprop-through-whh`: ‖dh_k‖ under repeated multiplication by W_hhᵀ, one panel per matrix.
extension Korean {
    static let backpropThroughWhh: [Translation.Row] = [
        ("Backpropagating through W_hh: ‖dh_k‖ against k", "W_hh를 거치는 역전파: k에 따른 ‖dh_k‖"),
        ("σ_max = 1 (orthogonal)", "σ_max = 1 (직교)"),
        ("σ_max > 1, ρ > 1 (DLFS2 seed 3)", "σ_max > 1, ρ > 1 (DLFS2 시드 3)"),
        ("σ_max > 1, ρ < 1 (DLFS2 seed 3 × 0.5)", "σ_max > 1, ρ < 1 (DLFS2 시드 3 × 0.5)"),
        ("backward steps k", "역전파 단계 k"),
        ("measured ‖dh_k‖", "측정한 ‖dh_k‖"),
        ("per-step ratio ‖dh_k‖/‖dh_{k−1}‖ → ρ", "단계별 비율 ‖dh_k‖/‖dh_{k−1}‖ → ρ"),
        ("ratio per step", "단계당 비율"),
        ("ratio 1", "비율 1"),
        // Patterns: the matrices' settings and measured values.
        ("σ_max = {} < 1 (Gaussian, rescaled)", "σ_max = {} < 1 (가우시안, 크기 조정)"),
        ("σ_max > 1, ρ < 1 (Gaussian g = {})", "σ_max > 1, ρ < 1 (가우시안 g = {})"),
        ("σ_max^k = {}^k (the slide)", "σ_max^k = {}^k (슬라이드)"),
        ("ρ^k = {}^k (spectral radius)", "ρ^k = {}^k (스펙트럼 반지름)"),
    ]
}
