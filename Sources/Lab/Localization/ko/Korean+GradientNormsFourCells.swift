// `gradient-norms-four-cells`: ‖∂L/∂h_t‖ at initialisation for tanh, IRNN, LSTM and GRU.
extension Korean {
    static let gradientNormsFourCells: [Translation.Row] = [
        ("time step t (the gradient flows right to left, from the loss at T)", "시간 단계 t (기울기는 T의 손실에서 오른쪽→왼쪽으로 흐름)"),
        ("LSTM: ‖∂L/∂c_t‖ (cell path)", "LSTM: ‖∂L/∂c_t‖ (셀 경로)"),
        ("‖∂L/∂h_t‖ per cell, every seed (gray) and their geometric mean", "셀별 ‖∂L/∂h_t‖: 시드별 (회색)과 기하 평균"),
        ("mean of log ‖∂L/∂h_t‖", "log ‖∂L/∂h_t‖의 평균"),
        ("IRNN, W_hh = I: every unit active, so ‖∂L/∂h_t‖ is kept", "IRNN, W_hh = I: 모든 유닛이 활성이라 ‖∂L/∂h_t‖ 유지"),
        ("mean of log ‖∂L/∂c_t‖ (cell path)", "log ‖∂L/∂c_t‖의 평균 (셀 경로)"),
        ("GRU, PyTorch init: z ≈ ½ keeps only about half per step", "GRU, PyTorch 초기화: z ≈ ½라 단계마다 절반쯤만 남음"),
        ("(½)^(T−t): z ≈ σ(0) alone", "(½)^(T−t): z ≈ σ(0)만"),
        // Patterns: sizes, seeds, gains and measured factors.
        ("How much of the gradient at step T reaches step t, at initialisation (H = {})",
         "초기화 시점에 단계 T의 기울기가 단계 t까지 얼마나 닿는가 (H = {})"),
        ("mean over {} seeds (line) and min–max over seeds (band); loss at t = T = {}",
         "시드 {}개 평균 (선)과 시드 간 최소–최대 (띠); 손실은 t = T = {}"),
        ("{}: ‖∂L/∂h_t‖ (factor {} per step)", "{}: ‖∂L/∂h_t‖ (단계당 {}배)"),
        ("tanh bound (γ σ_max)^(T−t), σ_max = {}", "tanh 상한 (γ σ_max)^(T−t), σ_max = {}"),
        ("red dashed: the bound (γ σ_max)^(T−t) reaches 10^{} at t = 1", "빨간 점선: 상한 (γ σ_max)^(T−t)는 t = 1에서 10^{}"),
        ("tanh, W_hh ~ N(0, g²/H), g = {}: vanishes, far below its bound", "tanh, W_hh ~ N(0, g²/H), g = {}: 상한보다 훨씬 아래로 소실"),
        ("each of {} seeds", "시드 {}개 각각"),
        ("bound (γ σ_max)^(T−t), γ = 1, σ_max = {}", "상한 (γ σ_max)^(T−t), γ = 1, σ_max = {}"),
        ("LSTM, b_f = {}: slower than f alone, the path through W_h adds", "LSTM, b_f = {}: W_h 경로가 더해져 f만일 때보다 느림"),
        ("σ(b_f)^(T−t) = {}^(T−t): f alone", "σ(b_f)^(T−t) = {}^(T−t): f만"),
    ]
}
