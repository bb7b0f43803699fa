// `edge-of-chaos`: the largest Lyapunov exponent of h ← tanh(W h) against the gain, and whole spectra.
extension Korean {
    static let edgeOfChaos: [Translation.Row] = [
        ("Edge of chaos: h_{t+1} = tanh(W h_t), Lyapunov exponents against the gain g",
         "혼돈의 가장자리: h_{t+1} = tanh(W h_t), 이득 g에 따른 랴푸노프 지수"),
        ("largest Lyapunov exponent: order (λ < 0) below g = 1, chaos (λ > 0) above",
         "최대 랴푸노프 지수: g = 1 아래는 질서 (λ < 0), 위는 혼돈 (λ > 0)"),
        ("gain g of W ~ N(0, g²/N)   (dashed: λ = 0 and g = 1)", "W ~ N(0, g²/N)의 이득 g   (점선: λ = 0, g = 1)"),
        ("λ_max per step (natural log)", "단계당 λ_max (자연로그)"),
        ("mean field (ln g up to g = 1)", "평균장 (g = 1까지는 ln g)"),
        ("rescaled index i/N", "정규화한 인덱스 i/N"),
        ("λ_i per step", "단계당 λ_i"),
        // Patterns: sizes, gains and exponents.
        ("QR method, N = {}", "QR 방법, N = {}"),
        ("whole spectrum, N = {}: λ_i against i/N (Engelken et al.)", "전체 스펙트럼, N = {}: i/N에 따른 λ_i (Engelken et al.)"),
        ("g = {}: λ_1 = {}, mean field {}; {} of {} positive", "g = {}: λ_1 = {}, 평균장 {}; {}/{}개 양수"),
    ]
}
