// `gradient-flow-training`: how far back the gradient reaches, and W_hh's spectrum, while a tanh
// RNN and an LSTM learn the adding problem.
extension Korean {
    static let gradientFlowTraining: [Translation.Row] = [
        ("the profile at the first and the last snapshot", "첫 스냅숏과 마지막 스냅숏의 프로파일"),
        ("test MSE while they learn", "학습 중 테스트 MSE"),
        ("Recurrent weights while learning: singular values against updates", "학습 중 순환 가중치: 업데이트에 따른 특이값"),
        ("tanh RNN: singular values of W_hh", "tanh RNN: W_hh의 특이값"),
        ("singular value σ", "특이값 σ"),
        ("every σ_i(W_hh)", "모든 σ_i(W_hh)"),
        ("LSTM: singular values of the recurrent blocks W_hi, W_hf, W_hg, W_ho", "LSTM: 순환 블록 W_hi, W_hf, W_hg, W_ho의 특이값"),
        // Patterns: sizes, the colour scale's floor, snapshots and final losses.
        ("How far back the gradient reaches while learning the adding problem (T = {}, H = {})",
         "덧셈 문제를 학습하는 동안 기울기가 거슬러 닿는 거리 (T = {}, H = {})"),
        ("{}: log10 ‖∂L/∂h_t‖ (loss at t = T = {} only)\n{}", "{}: log10 ‖∂L/∂h_t‖ (손실은 t = T = {}에만)\n{}"),
        ("colour: one scale for both heatmaps, below {} all darkest", "색: 두 히트맵 공통 척도, {} 미만은 모두 가장 어두움"),
        ("{}, update {}", "{}, 업데이트 {}"),
        ("median σ({})", "σ({}) 중앙값"),
    ]
}
