// `ngram-vs-rnn-lm`: n-gram models against RNN language models, in bits per character and in memory.
extension Korean {
    static let ngramVsRNNLM: [Translation.Row] = [
        ("n-gram models: the context is the last n − 1 characters", "n-그램 모델: 문맥은 마지막 n − 1개 문자"),
        ("n (order of the n-gram model)", "n (n-그램 모델의 차수)"),
        ("add-1 (Laplace)", "+1 스무딩 (라플라스)"),
        ("the same against training time", "같은 곡선, 학습 시간 기준"),
        ("training time (s, without evaluation)", "학습 시간 (초, 평가 제외)"),
        ("What an n-gram model must store, against an RNN's fixed parameter count",
         "n-그램 모델이 저장해야 하는 양과 RNN의 고정된 파라미터 수"),
        ("memory: the n-gram table grows with n, the RNN does not", "메모리: n-그램 표는 n과 함께 커지지만 RNN은 그대로"),
        ("bytes", "바이트"),
        ("add-k: n-grams seen × (4n + 8) B", "+k 스무딩: 관측한 n-그램 수 × (4n + 8) B"),
        ("Kneser–Ney: orders 1…n", "Kneser–Ney: 차수 1…n"),
        ("held-out bits per character against memory", "메모리에 따른 홀드아웃 문자당 비트"),
        ("bytes of the model (log scale)", "모델의 바이트 수 (로그 척도)"),
        // Patterns: corpus, sizes, smoothings and results.
        ("Held-out bits per character on {}: n-grams plateau, RNNs keep improving with training",
         "홀드아웃 문자당 비트 ({} 말뭉치): n-그램은 정체, RNN은 학습할수록 계속 좋아짐"),
        ("add-{}", "+{} 스무딩"),
        ("log₂ V = {}: uniform", "log₂ V = {}: 균등"),
        ("best n-gram {}", "최고 n-그램 {}"),
        ("RNN language models (H = {}) against updates", "업데이트에 따른 RNN 언어 모델 (H = {})"),
        ("iteration (B = {} streams × T = {} characters each)", "반복 (B = {}개 스트림 × 각 T = {}문자)"),
        ("{} ({} parameters): {}", "{} (파라미터 {}개): {}"),
        ("dense: V^n × 8 B (V = {})", "밀집 표: V^n × 8 B (V = {})"),
        ("{}: {} bits/char", "{}: {} 비트/문자"),
    ]
}
