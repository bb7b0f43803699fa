// `deep-bidirectional`: ‖∂L/∂h_t‖ per layer of a stack, and in the two directions of one layer.
extension Korean {
    static let deepBidirectional: [Translation.Row] = [
        ("1 stacked layer", "쌓은 층 1개"),
        ("‖∂L/∂h_t‖ in layer ℓ", "층 ℓ의 ‖∂L/∂h_t‖"),
        ("layer 1 (reads x)", "층 1 (x 입력)"),
        ("one bidirectional layer: each direction decays away from its own end", "양방향 층 하나: 각 방향은 제 끝에서 멀어질수록 감쇠"),
        ("forward direction h→_t (loss on h→_T)", "순방향 h→_t (손실은 h→_T에)"),
        ("backward direction h←_t (loss on h←_1)", "역방향 h←_t (손실은 h←_1에)"),
        // Patterns: cell, sizes and depths come from the settings.
        ("{} at initialisation (H = {}, mean of {} seeds): the gradient fades going down the layers and back in time",
         "초기화 시점의 {} (H = {}, 시드 {}개 평균): 기울기는 아래 층으로, 과거로 갈수록 약해진다"),
        ("{} stacked layers", "쌓은 층 {}개"),
        ("layer {} (top: the loss)", "층 {} (맨 위: 손실)"),
        ("layer {}", "층 {}"),
    ]
}
