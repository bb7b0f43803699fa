// `rnn-diagrams`: the parameter-count figure and the five pictures (unrolled, LSTM cell, GRU
// cell, deep stack, bidirectional layer). The pictures' math (`W_{hh}`, `h_{t−1}`) is kept as written.
extension Korean {
    static let rnnDiagrams: [Translation.Row] = [
        // The figure.
        ("Parameters of one cell against H: the LSTM has 4 blocks, the GRU 3 and b_hn",
         "H에 따른 셀 하나의 파라미터 수: LSTM은 블록 4개, GRU는 3개와 b_hn"),
        ("hidden units H", "은닉 유닛 H"),
        ("parameters", "파라미터 수"),
        ("lstm (i, f, g, o): 4H(D + H + 1)", "LSTM (i, f, g, o): 4H(D + H + 1)"),
        ("gru (r, z, n): 3H(D + H + 1) + H", "GRU (r, z, n): 3H(D + H + 1) + H"),
        // unrolled.svg
        ("unroll", "펼치기"),
        ("h_t = tanh(W_{xh} x_t + W_{hh} h_{t−1} + b_h),   y_t = W_{hy} h_t + b_y:   the same weights at every step",
         "h_t = tanh(W_{xh} x_t + W_{hh} h_{t−1} + b_h),   y_t = W_{hy} h_t + b_y:   모든 단계에서 같은 가중치"),
        ("backpropagation through time: ∂L/∂h_{t−1} = W_{hh}^T diag(1 − h_t^2) ∂L/∂h_t  (+ the loss at step t − 1)",
         "시간에 따른 역전파: ∂L/∂h_{t−1} = W_{hh}^T diag(1 − h_t^2) ∂L/∂h_t  (+ 단계 t − 1의 손실)"),
        // lstm-cell.svg
        ("The LSTM cell: gates i, f, g, o computed from [h_(t−1); x_t] in one product; the cell path c_(t−1) → c_t is multiplied by f_t alone",
         "LSTM 셀: 게이트 i, f, g, o를 [h_(t−1); x_t]에서 곱 하나로 계산; 셀 경로 c_(t−1) → c_t에는 f_t만 곱해진다"),
        ("cell path: ∂c_t/∂c_{t−1} = diag(f_t), no matrix, no tanh′", "셀 경로: ∂c_t/∂c_{t−1} = diag(f_t), 행렬도 tanh′도 없음"),
        ("one product for all 4 gates, blocks in the lab's order i, f, g, o:  [a_i; a_f; a_g; a_o] = W_x x_t + W_h h_{t−1} + b = W [h_{t−1}; x_t] + b",
         "게이트 4개 모두 곱 하나로, 블록은 실습의 순서 i, f, g, o:  [a_i; a_f; a_g; a_o] = W_x x_t + W_h h_{t−1} + b = W [h_{t−1}; x_t] + b"),
        // gru-cell.svg
        ("The GRU cell: gates r, z and the candidate n from h_(t−1) and x_t; the direct path h_(t−1) → h_t is multiplied by z_t alone; the reset multiplies W_hn h_(t−1) + b_hn",
         "GRU 셀: h_(t−1)과 x_t에서 게이트 r, z와 후보 n을 계산; 직접 경로 h_(t−1) → h_t에는 z_t만 곱해지고, 리셋은 W_hn h_(t−1) + b_hn에 곱해진다"),
        ("direct path: ∂h_t/∂h_{t−1} ∋ diag(z_t)", "직접 경로: ∂h_t/∂h_{t−1} ∋ diag(z_t)"),
        ("n_t = tanh(W_{xn} x_t + b_n + r_t ∘ (W_{hn} h_{t−1} + b_{hn})):  the reset after W_{hn}, as the lab and PyTorch apply it",
         "n_t = tanh(W_{xn} x_t + b_n + r_t ∘ (W_{hn} h_{t−1} + b_{hn})):  실습과 PyTorch처럼 리셋을 W_{hn} 뒤에 적용"),
        ("(Cho et al. 2014, DLFS2, d2l: tanh(W x_t + U (r_t ∘ h_{t−1})), the reset before the matrix: another model)",
         "(Cho et al. 2014, DLFS2, d2l: tanh(W x_t + U (r_t ∘ h_{t−1})), 행렬 앞의 리셋: 다른 모델)"),
        ("W_x = [W_{xr}; W_{xz}; W_{xn}]: 3H×D,   W_h = [W_{hr}; W_{hz}; W_{hn}]: 3H×H,   b: 3H,   b_{hn}: H   (blocks in the lab's order r, z, n)",
         "W_x = [W_{xr}; W_{xz}; W_{xn}]: 3H×D,   W_h = [W_{hr}; W_{hz}; W_{hn}]: 3H×H,   b: 3H,   b_{hn}: H   (블록은 실습의 순서 r, z, n)"),
        // bidirectional.svg
        ("forward", "순방향"),
        ("backward", "역방향"),
        ("y_t = g(W_y [h^→_t; h^←_t] + b_y): every output sees all of x_1 … x_T, so the whole sequence must be there first",
         "y_t = g(W_y [h^→_t; h^←_t] + b_y): 모든 출력이 x_1 … x_T를 다 보므로 시퀀스 전체가 먼저 있어야 한다"),
        // Patterns: the sizes and step and layer counts come from the settings.
        ("every weight and bias of one cell (CellParameters.parameterCount), D = {}",
         "셀 하나의 모든 가중치와 편향 (CellParameters.parameterCount), D = {}"),
        ("GRU at H = {}: {}; LSTM at H = {}: {}", "H = {}의 GRU: {}; H = {}의 LSTM: {}"),
        ("The vanilla RNN folded, and unrolled over {} steps: the same W_xh, W_hh, W_hy at every step; backpropagation sends the gradient back through W_hhᵀ diag(1 − h_t²)",
         "접은 바닐라 RNN과 {}단계로 펼친 모습: 모든 단계에서 같은 W_xh, W_hh, W_hy; 역전파는 기울기를 W_hhᵀ diag(1 − h_t²)를 거쳐 되돌려 보낸다"),
        ("A deep RNN of {} layers over {} steps: layer ℓ reads layer ℓ − 1's states; the gradient from the top layer's last step reaches the bottom layer's first along many paths",
         "{}층, {}단계의 심층 RNN: 층 ℓ은 층 ℓ − 1의 상태를 읽고, 맨 위 층 마지막 단계의 기울기는 여러 경로로 맨 아래 층 첫 단계에 닿는다"),
        // The top state h^{(K)}_T is one part: a {} inside the math's braces would not be read as a hole.
        ("one of the C({}, {}) = {} paths back from {} to h^{(1)}_1:", "C({}, {}) = {}개의 역경로 중 하나, {}에서 h^{(1)}_1까지:"),
        ("each a product of {} Jacobians, {} back in time and {} down", "각각 야코비안 {}개의 곱: 시간을 거슬러 {}개, 아래로 {}개"),
        ("A bidirectional RNN over {} steps: a forward row reads x_1 … x_T, a backward row x_T … x_1, each with its own weights; y_t reads both states",
         "{}단계의 양방향 RNN: 순방향 행은 x_1 … x_T를, 역방향 행은 x_T … x_1을 각자의 가중치로 읽고, y_t는 두 상태를 모두 읽는다"),
    ]
}
