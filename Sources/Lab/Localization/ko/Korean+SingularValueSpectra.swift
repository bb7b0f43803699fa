// `singular-value-spectra`: eigenvalues and singular values of the usual W_hh initialisations.
extension Korean {
    static let singularValueSpectra: [Translation.Row] = [
        ("Xavier uniform U(±√(3/H))", "Xavier 균등 U(±√(3/H))"),
        ("eigenvalues λ of W_hh", "W_hh의 고윳값 λ"),
        ("Largest singular value ≈ 2g, spectral radius ≈ g", "최대 특이값 ≈ 2g, 스펙트럼 반지름 ≈ g"),
        ("For 1/2 < g < 1 (shaded) σ_max > 1 yet ρ < 1: the slide's rule says 'explodes', W^k decays",
         "1/2 < g < 1 (음영)에서 σ_max > 1이지만 ρ < 1: 슬라이드 규칙으로는 '폭주', 실제 W^k는 감쇠"),
        ("σ_max(W_hh) and ρ(W_hh)", "σ_max(W_hh)와 ρ(W_hh)"),
        ("2g (quarter-circle edge)", "2g (사분원의 끝)"),
        ("σ_max measured", "σ_max 측정값"),
        ("g (circular-law radius)", "g (원형 법칙 반지름)"),
        ("ρ measured", "ρ 측정값"),
        ("singular value σ of W_hh  (grey dashed: σ = 1)", "W_hh의 특이값 σ  (회색 점선: σ = 1)"),
        ("density", "밀도"),
        ("quarter circle (1/(πg))√(4 − (σ/g)²)", "사분원 (1/(πg))√(4 − (σ/g)²)"),
        // Patterns: sizes, gains and measured values. A panel's second line follows "\n".
        ("Eigenvalues of W_hh (H = {}): uniform on the disk of radius g, so ρ ≈ g (half of σ_max ≈ 2g)",
         "W_hh의 고윳값 (H = {}): 반지름 g인 원판에 균등, 그래서 ρ ≈ g (σ_max ≈ 2g의 절반)"),
        ("Singular values of W_hh (H = {}): Gaussian ones fill [0, 2g] as a quarter circle; orthogonal and identity sit at 1",
         "W_hh의 특이값 (H = {}): 가우시안은 [0, 2g]를 사분원 모양으로 채우고, 직교·항등은 1에 모임"),
        ("Gaussian N(0, g²/H), g = {}", "가우시안 N(0, g²/H), g = {}"),
        ("{}\nρ = {}", "{}\nρ = {}"),
        ("circular law: |λ| ≤ g = {}", "원형 법칙: |λ| ≤ g = {}"),
        ("all {} eigenvalues at λ = 1", "고윳값 {}개 모두 λ = 1"),
        ("gain g  (W_hh ~ N(0, g²/H), H = {})", "이득 g  (W_hh ~ N(0, g²/H), H = {})"),
        ("{}: σ_max = {}, law 2g = {}\n{}", "{}: σ_max = {}, 이론 2g = {}\n{}"),
        ("{}: every σ = 1\n{}", "{}: 모든 σ = 1\n{}"),
        ("mean σ = {} (law {}), σ > 1: {} % (law {} %)", "평균 σ = {} (이론 {}), σ > 1: {} % (이론 {} %)"),
        ("measured, H = {}", "측정값, H = {}"),
        ("all {} at σ = 1, max |σ − 1| = {}", "{}개 모두 σ = 1, max |σ − 1| = {}"),
    ]
}
