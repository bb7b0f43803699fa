// `char-rnn-samples`: a character model's loss while it trains, and its per-step gradient norms.
extension Korean {
    static let charRNNSamples: [Translation.Row] = [
        ("time step t in the chunk (the loss is on every step; the gradient stops at t = 1)",
         "청크 안의 시간 단계 t (손실은 모든 단계에, 기울기는 t = 1에서 멈춤)"),
        ("iteration (parameter updates; vertical lines: samples)", "반복 (파라미터 업데이트; 세로선: 샘플)"),
        ("training (mean over the minibatches since the last point)", "학습 (직전 점 이후 미니배치 평균)"),
        // The sample file itself is named in the chapter; its English name stays out of the figure.
        ("a sample in samples.md", "샘플링한 지점"),
        // Patterns: cell, sizes, corpus and iterations come from the settings.
        ("Per-step gradient norms while the {} learns (darker: earlier)", "{} 학습 중 단계별 기울기 노름 (진할수록 앞선 반복)"),
        ("‖∂L/∂h_t‖ over one chunk of T = {} characters (truncated BPTT)", "T = {}문자 청크 하나의 ‖∂L/∂h_t‖ (잘린 BPTT)"),
        ("layer {} of {}", "층 {}/{}"),
        ("iteration {}", "반복 {}"),
        ("Character {} (H = {}) on {}: bits per character while training", "문자 단위 {} (H = {}), {} 말뭉치: 학습 중 문자당 비트"),
        ("starts at log₂ V (a uniform guess over V = {} symbols); samples drawn at the marked iterations",
         "시작은 log₂ V (기호 V = {}개에 대한 균등 추측); 표시한 반복에서 샘플링"),
        ("held-out ({} characters)", "홀드아웃 ({}문자)"),
        ("first minibatch: {} bits = {} nats (ln V = {})", "첫 미니배치: {}비트 = {}내트 (ln V = {})"),
    ]
}
