// `lstm-forget-bias`: the cell path's factor per step against the forget-gate bias.
extension Korean {
    static let lstmForgetBias: [Translation.Row] = [
        ("prediction σ(b_f)^(T−t)", "예측 σ(b_f)^(T−t)"),
        ("Forget bias b_f sets how long the cell path remembers", "망각 게이트 편향 b_f가 셀 경로의 기억 길이를 정한다"),
        ("factor per step ‖∂L/∂c_t‖ / ‖∂L/∂c_{t+1}‖", "단계당 배율 ‖∂L/∂c_t‖ / ‖∂L/∂c_{t+1}‖"),
        ("forget-gate bias b_f", "망각 게이트 편향 b_f"),
        ("factor per step", "단계당 배율"),
        ("measured (middle half of the sequence)", "측정값 (시퀀스 가운데 절반)"),
        ("b_f = 1 (Jozefowicz et al.)", "b_f = 1 (Jozefowicz et al.)"),
        ("steps for the gradient to halve, ln ½ / ln f", "기울기가 절반이 되는 단계 수, ln ½ / ln f"),
        ("half-life (steps)", "반감기 (단계)"),
        // Patterns: sizes, biases and measured factors.
        ("LSTM cell path: ∂L/∂c shrinks by f ≈ σ(b_f) per step (weights ~ N(0, {}²), H = {})",
         "LSTM 셀 경로: ∂L/∂c는 단계마다 f ≈ σ(b_f)배로 줄어듦 (가중치 ~ N(0, {}²), H = {})"),
        ("the factor per step is measured between the dotted lines (t = {}…{})", "단계당 배율은 점선 사이에서 측정 (t = {}…{})"),
        ("b_f = {}: measured {} per step, σ(b_f) = {}", "b_f = {}: 측정 단계당 {}배, σ(b_f) = {}"),
    ]
}
