// `jacobian-products`: the singular values of ∂h_T/∂h_0 at initialisation against T.
extension Korean {
    static let jacobianProducts: [Translation.Row] = [
        ("largest σ: grows for g > 1, vanishes for g < 1", "최대 σ: g > 1이면 커지고, g < 1이면 소실"),
        ("T (steps back)", "T (거슬러 간 단계)"),
        ("σ_max of ∂h_T/∂h_0", "∂h_T/∂h_0의 σ_max"),
        ("tanh, orthogonal", "tanh, 직교"),
        ("median σ: collapses for every Gaussian W", "중앙값 σ: 모든 가우시안 W에서 붕괴"),
        ("median σ of ∂h_T/∂h_0", "∂h_T/∂h_0의 중앙값 σ"),
        ("below floor (σ_max·H·ε)", "하한 미만 (σ_max·H·ε)"),
        ("spread σ_max / median σ", "퍼짐 σ_max / 중앙값 σ"),
        ("σ_max / median σ", "σ_max / 중앙값 σ"),
        ("median below floor: ratio above 1/(H·ε)", "중앙값이 하한 미만: 비율 > 1/(H·ε)"),
        ("index i (σ sorted, largest first)", "인덱스 i (σ 내림차순)"),
        ("σ_i of ∂h_T/∂h_0", "∂h_T/∂h_0의 σ_i"),
        // Patterns: sizes, gains and the cases the settings name. The panel notes hang under a
        // title after "\n"; "{}; {}" joins the note's pairs, so it comes before "{} lies under {}".
        ("How the singular values of ∂h_T/∂h_0 grow, shrink and spread with T (H = {})",
         "T에 따라 ∂h_T/∂h_0의 특이값이 커지고, 줄고, 퍼지는 모습 (H = {})"),
        ("Singular values of ∂h_T/∂h_0 = Π_t diag(f′(a_t)) W_hh at initialisation (H = {}), one line per T",
         "초기화 시점 ∂h_T/∂h_0 = Π_t diag(f′(a_t)) W_hh의 특이값 (H = {}), T마다 선 하나"),
        ("tanh, Gaussian g = {}", "tanh, 가우시안 g = {}"),
        ("median σ: collapses for every Gaussian W\n{}", "중앙값 σ: 모든 가우시안 W에서 붕괴\n{}"),
        ("spread σ_max / median σ\n{}", "퍼짐 σ_max / 중앙값 σ\n{}"),
        ("({}: median 0, left off the log axis)", "({}: 중앙값 0, 로그 축에서 제외)"),
        ("{} (wide: under {})", "{} (굵은 선: {}에 가려짐)"),
        ("{}: the Gaussian cases\nare one W scaled by g, and while h ≈ 0 (tanh′ ≈ 1)\n∂h_T/∂h_0 ≈ g^T·W^T: g^T cancels in the ratio",
         "{}: 가우시안 경우들은\n한 W를 g배 한 것이고, h ≈ 0 (tanh′ ≈ 1)인 동안\n∂h_T/∂h_0 ≈ g^T·W^T: 비율에서 g^T가 상쇄됨"),
        ("{}; {}", "{}; {}"),
        ("{} lies under {}", "{} 선이 {} 선 아래"),
        ("{}: every σ is exactly 0 or 1\n#(σ = 1) falls from {} to {} as T grows", "{}: 모든 σ가 정확히 0 또는 1\nT가 커지면서 #(σ = 1): {} → {}"),
        ("{}\nσ_max(W_hh) = {}, ρ(W_hh) = {}", "{}\nσ_max(W_hh) = {}, ρ(W_hh) = {}"),
    ]
}
