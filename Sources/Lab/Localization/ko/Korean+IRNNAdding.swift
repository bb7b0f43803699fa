// `irnn-adding`: five cells race on the adding problem against the constant predictor.
extension Korean {
    static let irnnAdding: [Translation.Row] = [
        ("ReLU RNN (Gaussian W_hh)", "ReLU RNN (가우시안 W_hh)"),
        ("sequence length T", "시퀀스 길이 T"),
        // Patterns: sizes, the training recipe (when every cell shares it) and each run's ending.
        ("Adding problem ({}): who beats the constant predictor?", "덧셈 문제 ({}): 상수 예측기를 이기는 것은?"),
        ("{}, no clipping", "{}, 클리핑 없음"),
        ("{}, clip ‖g‖ ≤ {}", "{}, 클리핑 ‖g‖ ≤ {}"),
        ("{}, clip |g_i| ≤ {}", "{}, 클리핑 |g_i| ≤ {}"),
        ("{}, squared-norm clip {}", "{}, 노름 제곱 클리핑 {}"),
        ("{}, momentum η = {}", "{}, 모멘텀 η = {}"),
        ("T = {}: test MSE against updates", "T = {}: 업데이트에 따른 테스트 MSE"),
        ("test MSE ({} sequences)", "테스트 MSE (시퀀스 {}개)"),
        ("{}: {}, stopped at {}", "{}: {}, {}에서 멈춤"),
        ("{}: diverged", "{}: 발산"),
        ("final test MSE against T (after at most {} updates)", "T에 따른 최종 테스트 MSE (최대 {}번 업데이트 후)"),
    ]
}
