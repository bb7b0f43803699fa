// The aggregate figures of `rnnlab sweep`: the generic one (any experiment) and clipping-training's.
extension Korean {
    static let sweep: [Translation.Row] = [
        // The generic figure.
        ("seed", "시드"),
        ("run", "실행"),
        ("share of runs that succeed", "성공한 실행의 비율"),
        ("case (see the key)", "경우 (범례 참고)"),
        ("the key's last number", "키의 마지막 숫자"),
        ("setting group (their settings are in sweep.json)", "설정 묶음 (각 설정은 sweep.json에)"),
        ("final_test_mse", "최종 테스트 MSE"),
        ("updates_run", "업데이트 횟수"),
        ("updates run", "업데이트 횟수"),
        ("IRNN (W_hh = I)", "IRNN (W_hh = I)"),
        ("irnn", "IRNN"), ("lstm", "LSTM"), ("gru", "GRU"), ("relu", "ReLU RNN"), ("tanh", "tanh RNN"),
        ("{}: {} runs, {} values of seed per setting", "{1}: 실행 {2}번, 설정마다 시드 {3}개"),
        ("{}: {} runs, {} value of seed per setting", "{1}: 실행 {2}번, 설정마다 시드 {3}개"),
        ("success rate over {} runs (band: Wilson 95 %)", "실행 {}번 중 성공률 (띠: 윌슨 95 % 구간)"),
        ("success rate over {} runs (bar: Wilson 95 %)", "실행 {}번 중 성공률 (막대: 윌슨 95 % 구간)"),
        ("{}: median over the runs (band: quartiles)", "{}: 실행들의 중앙값 (띠: 사분위 범위)"),
        ("{}: median over the seeds (band: quartiles)", "{}: 시드들의 중앙값 (띠: 사분위 범위)"),
        ("{}: each run, median dashed", "{}: 실행별 값 (점선: 중앙값)"),
        // clipping-training's own.
        ("Clipping rules over {} seeds (η = {}, τ = {}): does one seed's picture hold?",
         "시드 {1}개에 걸친 클리핑 규칙 (η = {2}, τ = {3}): 한 시드에서 본 그림이 유지되는가?"),
        ("share of seeds that trained stably (no overflow, test MSE < {}); bar: Wilson 95 %",
         "안정적으로 학습한 시드의 비율 (넘침 없음, 테스트 MSE < {}); 막대: 윌슨 95 % 구간"),
        ("clipping rule (see the key)", "클리핑 규칙 (범례 참고)"),
        ("share of seeds", "시드의 비율"),
        ("final test MSE per seed (dashed: median; shaded: quartiles; dotted: 1/6)",
         "시드별 최종 테스트 MSE (파선: 중앙값, 음영: 사분위 범위, 점선: 1/6)"),
        ("spectral radius ρ of W_hh after training (gray: at the start)", "학습 후 W_hh의 스펙트럼 반지름 ρ (회색: 시작 시점)"),
        ("ρ at the start (every rule)", "시작 시점의 ρ (모든 규칙)"),
        ("{}: all {} above 10⁴ (top edge)", "{1}: {2}개 모두 10⁴ 위 (위쪽 끝)"),
        ("{}: median {}, {} above 10⁴", "{1}: 중앙값 {2}, {3}개는 10⁴ 위"),
        ("{}: median {}", "{1}: 중앙값 {2}"),
        ("{}: {} of {}", "{1}: {3}개 중 {2}개"),
    ]
}
