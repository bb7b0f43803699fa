// `clipping-training`: a tanh RNN on the adding problem under four clipping rules.
extension Korean {
    static let clippingTraining: [Translation.Row] = [
        ("squared-norm (slide)", "노름 제곱 (슬라이드)"),
        ("one clipping rule", "클리핑 규칙 1가지"),
        ("two clipping rules", "클리핑 규칙 2가지"),
        ("three clipping rules", "클리핑 규칙 3가지"),
        ("four clipping rules", "클리핑 규칙 4가지"),
        ("SGD update k", "SGD 업데이트 k"),
        ("‖g‖ (all parameters)", "‖g‖ (전체 파라미터)"),
        ("‖g‖ after clipping: the step SGD takes is η times this", "클리핑 후 ‖g‖: SGD 스텝은 이 값의 η배"),
        ("‖g‖ after clipping", "클리핑 후 ‖g‖"),
        ("share of updates so far where the rule fired", "지금까지 규칙이 작동한 업데이트의 비율"),
        ("share of clipped updates", "클리핑된 업데이트 비율"),
        ("at every update", "매 업데이트"),
        // Patterns: the run's settings, and each rule's outcome after its name.
        ("tanh RNN, adding problem T = {}, H = {}, SGD η = {}, same weights and data: {}",
         "tanh RNN, 덧셈 문제 T = {}, H = {}, SGD η = {}, 같은 가중치와 데이터: {}"),
        ("{} clipping rules", "클리핑 규칙 {}가지"),
        ("training loss (mean of {} minibatches; axis cut at {})", "학습 손실 (미니배치 {}개 평균; 축은 {}에서 자름)"),
        ("{}: diverged at update {}", "{}: 업데이트 {}에서 발산"),
        ("gradient norm ‖g‖ before clipping (dashed: τ = {}; axis cut at {})", "클리핑 전 기울기 노름 ‖g‖ (점선: τ = {}; 축은 {}에서 자름)"),
        ("{}: {} %", "{}: {} %"),
        ("every {} updates", "{}번 업데이트마다"),
        ("W_hh {}: ρ (solid), σ_max (dashed); axis cut at {}", "W_hh ({}): ρ (실선), σ_max (점선); 축은 {}에서 자름"),
        ("ρ, {}", "ρ, {}"),
    ]
}
