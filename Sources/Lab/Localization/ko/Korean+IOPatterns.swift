// `io-patterns`: one tanh RNN fed and read five ways (figure and `patterns.svg`).
extension Korean {
    static let ioPatterns: [Translation.Row] = [
        // The patterns and their examples.
        ("one-to-one", "일대일"),
        ("one-to-many", "일대다"),
        ("many-to-one", "다대일"),
        ("many-to-many", "다대다"),
        ("many-to-many (encoder–decoder)", "다대다 (인코더–디코더)"),
        ("(encoder–decoder)", "(인코더–디코더)"),
        ("image → class (no recurrence)", "이미지 → 클래스 (순환 없음)"),
        ("image → caption", "이미지 → 캡션"),
        ("sentence → sentiment", "문장 → 감성"),
        ("word → tag, language model", "단어 → 태그, 언어 모델"),
        ("sentence → translation", "문장 → 번역"),
        ("one-to-one: image → class (no recurrence)", "일대일: 이미지 → 클래스 (순환 없음)"),
        ("one-to-many: image → caption", "일대다: 이미지 → 캡션"),
        ("many-to-one: sentence → sentiment", "다대일: 문장 → 감성"),
        ("many-to-many: word → tag, language model", "다대다: 단어 → 태그, 언어 모델"),
        ("many-to-many (encoder–decoder): sentence → translation", "다대다 (인코더–디코더): 문장 → 번역"),
        ("input step t", "입력 단계 t"),
        ("output step s", "출력 단계 s"),
        // Patterns: sizes and steps come from the settings. "{}; {}" splits the diagram's title
        // into its patterns, so it comes after every other row with "; " in it.
        ("Which inputs each output sees: ‖∂y_s/∂x_t‖ of one tanh RNN (H = {}) fed and read five ways; white: no input, no output or no path",
         "각 출력이 보는 입력: 다섯 방식으로 입출력하는 tanh RNN 하나 (H = {})의 ‖∂y_s/∂x_t‖; 흰색: 입력·출력·경로 없음"),
        ("shapes: steps × entries (D = {} per input, K = {} per output); the same W_{xh}, W_{hh}, b_h, W_{hy}, b_y everywhere",
         "형상: 단계 × 원소 (입력마다 D = {}, 출력마다 K = {}); 어디서나 같은 W_{xh}, W_{hh}, b_h, W_{hy}, b_y"),
        ("The input/output patterns of one RNN unrolled over T = {} steps: {}", "T = {}단계로 펼친 RNN 하나의 입출력 패턴: {}"),
        ("{}; {}", "{}; {}"),
        ("{} (inputs at steps {}, outputs at {})", "{} (입력 단계 {}, 출력 단계 {})"),
        ("in {}, out {}, {} runs", "입력 {}, 출력 {}, {}회 실행"),
        ("in {}, out {}", "입력 {}, 출력 {}"),
    ]
}
