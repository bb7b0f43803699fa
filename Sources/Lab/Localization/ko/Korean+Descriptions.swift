// What the student should see, per experiment: the `description` of experiments/NAME.toml in
// Korean (한다 체, the glossary's terms), for the Korean book's "이 그림을 읽는 법" and the Korean
// lab pages. Each keeps every number of the English text, and only those (`DescriptionTests`
// checks it), so an English change that moves a number fails until this follows. The English
// text stays in the experiment files: those are hashed into the committed runs' fingerprints.
// A line break here is a space.
extension Korean {
    static let descriptions: [String: String] = [
        "backprop-through-whh": """
            h_t에서 h_{t-1}로 갈 때마다 기울기에 W_hhᵀ가 곱해진다(f′의 대각 행렬도 곱해지지만 여기서는
            뺐다). 따라서 k단계 뒤에는 ‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖이다. 로그 눈금에서 파란 곡선이 저마다
            기울어진 정도를 보라. 상한일 뿐인 빨간 직선 σ_max^k(최대 특이값)가 아니라 초록 직선
            ρ^k(스펙트럼 반지름)를 따른다. 'σ_max > 1, ρ < 1'인 두 패널에서 슬라이드의 규칙은 폭주를
            예측하지만, 기울기는 단계마다 ρ배로 소실된다. 마지막 패널은 단계별 비율이 모두 ρ에 자리
            잡는 모습을 보여 준다.
            """,
        "char-rnn-samples": """
            이 실습의 Swift 소스와 노트북으로 학습한 문자 수준 LSTM이다. 말뭉치는
            corpus/lab-snapshot.txt로 커밋한 스냅숏이다(어떤 UTF-8 텍스트든 --set corpus.path=FILE로
            쓸 수 있다). 학습은 거의 균등한 소프트맥스에서 시작하므로 첫 손실은 문자당 ln V 나트(log₂ V
            비트, 점선)이다. results.initial_loss_nats는 results.uniform_loss_nats와 5 % 안에서 같다.
            손실 그림은 학습 데이터와 홀드아웃 데이터의 문자당 비트를 보여 주며, 샘플을 뽑은 반복에
            표시가 있다. samples.md에는 샘플이 강의의 형식으로 담겨 있다. 처음에는 무작위 문자, 다음에는
            단어와 들여쓰기, 그다음에는 Swift처럼 보이지만(`let`, `func`, 짝이 맞는 괄호) 아무 뜻도
            없는 줄이 나온다. 기울기 노름 그림은 한 조각(chunk)에 걸친 ‖∂L/∂h_t‖를 일정한 간격으로
            보여 준다. 학습된 모델은 model-lstm.json으로 저장되고,
            `rnnlab sample char-rnn-samples --temperature 0.5`가 샘플을 더 뽑는다. 읽을 값:
            results.final_held_out_bits_per_character, results.held_out_bits_per_character_at_samples,
            results.corpus.sha256.
            """,
        "clipping-cliff": """
            유닛 하나, 입력 없음: x_t = w σ(x_{t−1}) + b, x_0 = 0.5, 50단계, 손실 E = (σ(x_50) − 0.7)².
            w > 1/σ′(0.5) ≈ 4.2553이면 이 점화식에는 끌개가 두 개 있고, x_0은 직선
            b = 0.5 − σ(0.5)·w(점선)를 따라 두 끌개의 경계 바로 위에 놓인다. 이 직선을 넘으면 x_50이
            닿는 끌개가 바뀌므로, E는 곡률이 매우 큰 벽을 사이에 두고 ≈ 0.32에서 ≈ 0.01로 뛴다. 왼쪽
            위: 두 경사 하강 모두 검은 점에서 출발한다. 보통의 경사 하강(빨강)은 ‖∇E‖가 엄청나게 큰
            벽까지 걸어가고, 길이 η‖∇E‖인 한 단계에 창 밖으로 튕겨 나간다. 노름 클리핑한 경사
            하강(청록, ‖g‖ ≥ τ이면 g ← τ g/‖g‖)은 길이가 많아야 ητ인 단계로 벽을 넘어 낮은 골짜기에
            자리 잡는다. 오른쪽 위와 왼쪽 아래: 단계마다의 손실과 스텝 길이(점선: ητ, 클리핑한 경로는
            이를 한 번도 넘지 않는다). 오른쪽 아래: b = −2.5를 따른 E는 w = 3/σ(0.5) = 4.8196에서
            뛴다. 읽을 값: results.loss_at_w_4_80_b_minus_2_5와 loss_at_w_4_84_b_minus_2_5(뛰는 곳),
            results.step_bound(ητ)에 대한 results.unclipped.max_step_length와
            results.clipped.max_step_length(≤ ητ), 그리고 두 경로의 최종 손실.
            """,
        "clipping-training": """
            tanh RNN(W_hh ~ N(0, g²/H), g = 1.5: 점화식이 신호를 키운다)이 η = 0.1인 보통의 SGD로
            덧셈 문제를 배운다. 같은 가중치와 같은 미니배치로 네 번 학습한다. 클리핑 없음, 노름
            클리핑(Pascanu 등: ‖g‖ ≥ τ이면 g ← τ g/‖g‖), 값 클리핑(min-char-rnn: 성분마다 [−5, 5]로),
            그리고 강의 슬라이드의 제곱 노름 변형(‖g‖² > τ이면 g ← τ g/‖g‖²; 그러면 ‖g‖ = τ/‖g‖가
            되어 기울기가 클수록 단계는 작아진다)이다. 왼쪽 위: 학습 손실(축은 1000에서 자른다. 범례는
            축이 비어 있는 곡선 아래쪽에 있다). 클리핑하지 않은 실행은 폭주하여 유한하지 않은 손실(점)로
            멈춘다. 값 클리핑도 이를 구하지 못한다. 매개변수 수천 개가 저마다 5로 묶여도 한 단계는 여전히
            ητ의 ~100배가 될 수 있어서, 실행은 기준선보다 한참 위에 갇힌다. 노름 클리핑은 안정적으로
            학습하여 1000번의 업데이트 뒤 상수 예측기의 1/6 근처에 이른다(이 η는 너무 커서 그보다 훨씬
            아래로는 내려가지 못한다). 오른쪽 위: 클리핑 전의 ‖g‖(로그 축). 왼쪽 가운데: 클리핑 후의
            ‖g‖. 노름 클리핑은 발동할 때마다 τ에 머물고, 제곱 노름 변형은 그보다 한참 아래로 떨어진다.
            오른쪽 가운데: 규칙마다 발동한 업데이트의 비율. 아래: 업데이트마다 W_hh의 스펙트럼 반지름 ρ와
            최대 특이값 σ_max. 클리핑이 없으면 손실이 넘치기 전에 ρ가 폭주하고, 값 클리핑은 ρ가 약
            21까지 자라게 두며, 노름 클리핑은 ρ를 처음 값 근처에 붙잡아 둔다(1.47 → 1.73). 읽을 값:
            results.variants.NAME(none, norm, value, squared_norm)의 final_loss(마지막 10개 미니배치의
            평균), diverged(와 diverged_at), clipped_share, final_test_mse,
            max_norm_after_clipping(norm이면 ≤ τ), spectral_radius_first/last, sigma_max_last.
            """,
        "deep-bidirectional": """
            초기화 상태에서 1–4층으로 쌓은 네트워크의 모든 층 ℓ, 모든 단계 t에서의 ‖∂L/∂h_t‖이다.
            손실은 맨 위 층의 마지막 단계에 있고(L = ⟨g, h_T⟩), 값은 시드에 대한 평균이다. 시간을
            거슬러 가면 모든 층이 단계마다 일정한 배율을 잃는다(로그 축에서 직선). tanh 네트워크(PyTorch의
            초기화, ρ(W_hh) ≈ 0.58)는 단계당 약 10^−0.29로, 한 층에서 T = 50 동안 14자릿수를 잃는다.
            b_f = 1인 LSTM은 약 10^−0.1이다(≈ σ(1) = 0.73보다 조금 크다). 깊이 방향으로 내려가면, 손실이
            있는 단계에서 층마다 역시 배율을 잃는다. 층당 약 1.8(tanh)과 7(LSTM)이므로, 네 층 가운데
            맨 아래 층은 맨 위 층의 10^−0.75(tanh)와 10^−2.5(LSTM)만 받는다. 깊은 층일수록 시간
            방향으로 더 천천히 감쇠하므로(입력이 N(0, 1)인 x가 아니라 유계인 h라서 유닛이 덜 포화된다),
            모서리 t = 1, ℓ = 1이 가장 나쁜 곳은 아니다. 마지막 패널은 양방향 층 하나로, 손실은 두 최종
            상태 h→_T와 h←_1 모두에 있다. 순방향의 기울기는 t = 1 쪽으로, 역방향의 기울기는 t = T
            쪽으로 감쇠하여 서로 거울상이 된다. 읽을 값: results.cells.CELL.stacked.depth_L.layer_ℓ의
            log10_first_over_last_step(시간 방향), log10_layer_over_top_at_last_step(깊이 방향),
            log10_first_step_over_top_last_step(둘 다), 그리고 results.cells.CELL.bidirectional.
            """,
        "edge-of-chaos": """
            입력이 없는 네트워크 h_{t+1} = tanh(W h_t), W ~ N(0, g²/N)이다. λ_max는 가까운 두 궤적이
            단계마다 멀어지는 비율(단계당 배율의 ln)이며, QR(Benettin) 방법으로 잰다. 왼쪽: g = 1
            아래에서는 상태가 0으로 감쇠하고, 거기서 야코비안은 W 자신이므로 정확히 λ_max = ln ρ(W)이다(검은
            점). 평균장 이론에서는 ln g이고, 유한한 N에서는 ρ(W)가 g보다 몇 퍼센트 크므로 그보다 조금
            위에 있다. g = 1에서 0을 가로지른다. 질서가 혼돈으로 바뀌고, 그 위에서 λ_max > 0은 평균장
            곡선 ½ ln(g² E[(1 − tanh²(√q* z))²])(점선)를 따르며, N이 클수록 더 가깝게 따른다. 혼돈이
            시작되는 근처에서는 수렴이 느리다. 오른쪽: 스펙트럼 전체 λ_1 ≥ … ≥ λ_N을 i/N에 대해 그린
            매끄러운 곡선으로, g가 커질수록 양수인 부분이 늘어난다. 읽을 값: 이득마다
            results.lambda_max_mean_field에 대한 results.lambda_max_qr.n_N,
            results.fixed_point_check(QR − ln ρ(W), 0.01 아래), results.mean_field_check(N = 800일 때
            g = 2에서의 상대 오차, 5 % 안).
            """,
        "gradient-flow-training": """
            손실은 마지막 단계에만 있으므로 ∂L/∂h_t = Π (∂h_i/∂h_{i−1})ᵀ ∂L/∂h_T는 오차 신호가 단계
            t까지 얼마나 닿는지를 잰다. 첫 번째 그림: 모델마다 히트맵 하나로, 시간 단계 t(x)와
            업데이트(y)에 대한 log10 ‖∂L/∂h_t‖를 한 색 눈금으로 그린다. 그 아래에는 모델마다 첫
            프로파일과 마지막 프로파일, 그리고 업데이트에 따른 테스트 MSE가 있다(상수 예측기의 점수는
            1/6). 두 모델은 같은 학습 레시피(Adam η = 0.04, 1에서 클리핑: irnn-adding의 LSTM 레시피)로
            학습하므로 셀만 다르다. 초기화 상태에서 tanh RNN은 t = T와 t = 1 사이에서 약 11자릿수를,
            LSTM은 약 7자릿수를 잃는다. LSTM은 업데이트 900 근처까지 1/6 정체 구간에 머물다가 수십 번의
            업데이트 안에 벗어나고(최종 테스트 MSE 약 4·10⁻⁴), 히트맵의 같은 행에서 프로파일이
            평평해진다. 망각 게이트가 열린 채로 있도록 학습했으므로(‖∂L/∂c_t‖ 경로; lstm-forget-bias
            참고) 이제 기울기는 약 2자릿수만 잃고 첫 단계들에 닿는다. 같은 스텝 크기의 tanh RNN은 끝내
            배우지 못한다. W_hh가 자라고(스펙트럼 반지름 1.03 → 약 9, 두 번째 그림), 유닛이 tanh′ ≈ 0인
            ±1에서 포화되어, 기울기가 돌아오는 길에 죽는다(마지막에는 약 210자릿수를 잃는다. 공유한 색
            눈금에서 LSTM의 최솟값보다 작은 값은 모두 가장 어두운 색이 된다). 스텝 크기를 줄이면
            (`--set learning_rate=1e-3`) tanh RNN은 포화되지 않지만 정체 구간에 머물고, LSTM도 2 000번의
            업데이트 안에서는 마찬가지다. 두 번째 그림: 학습하는 동안 순환 가중치의 특이값. tanh RNN의
            모든 σ_i(W_hh)와 σ_max, ρ, 그리고 LSTM의 네 블록의 σ_max와 σ의 중앙값. 읽을 값:
            results.models.tanh/lstm의 decades_lost_first와 decades_lost_last(첫 스냅숏과 마지막
            스냅숏에서 log10 ‖∂L/∂h_T‖ − log10 ‖∂L/∂h_1‖), final_test_mse, sigma_max_first/last,
            spectral_radius_first/last.
            """,
        "gradient-norms-four-cells": """
            손실은 마지막 단계 T에만 있다. 각 곡선은 ‖∂L/∂h_t‖/‖∂L/∂h_T‖, 즉 기울기 가운데 얼마가
            단계 t까지 닿는지이다(시드에 대한 기하 평균, 최소–최대 띠). 오른쪽에서 왼쪽으로 읽는다.
            tanh(W_hh ~ N(0, 1/H))는 로그 축에서 직선으로, 단계마다 1보다 작은 일정한 배율로 떨어진다.
            σ_max(W_hh) ≈ 2이고 그 상한 (γ σ_max)^(T−t)(빨간 점선)는 자라는데도 그렇다. 상한은 참이지만
            쓸모가 없다. IRNN(W_hh = I, ReLU)은 1에 머문다. 게이트가 있는 셀도 PyTorch의 초기화에서는
            그 자체로 해결책이 아니다. LSTM(b_f = 1)은 단계당 약 0.85를 지키고 그 셀 경로
            ‖∂L/∂c_t‖(점선)가 나란히 간다. 업데이트 게이트가 z ≈ σ(0) = ½에 있는 GRU는 약 0.64만
            지킨다. 읽을 값: results.cells.NAME.factor_per_step과 log10_dh1_over_dhT(T − 1단계를 지나고
            남는 것), results.cells.tanh.sigma_max_mean(≈ 2g). 셀마다 그린 두 번째 그림은 모든 시드와
            경로 하나짜리 기준선을 보여 준다. LSTM은 σ(b_f)^(T−t), GRU는 (½)^(T−t)이다.
            """,
        "io-patterns": """
            시드를 고정한 tanh RNN 하나에 선형 읽기층을 붙인 것, h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h)와
            y_t = W_hy h_t + b_y를 강의의 패턴마다 T = 6단계 동안 실행한다. 일대일(한 단계짜리 실행 여섯
            개: 순방향 신경망), 일대다(x_1만 넣고 모든 단계에서 y), 다대일(모든 단계에서 x, y_T만),
            다대다(모든 단계에서 x와 y), 그리고 다대다의 인코더–디코더 형태(x_1…x_3을 넣은 뒤
            y_4…y_6을 읽는다)이다. 다섯 경우 모두 가중치가 같고, 어떤 x_t를 넣고 어떤 y_t를 읽는지만
            다르다. patterns.svg는 펼친 네트워크를 하나씩 그린다. 그림은 모든 입력 단계 t와 출력 단계
            s에 대해 ‖∂y_s/∂x_t‖(시간에 따른 역전파로 구한 값)를 보여 준다. 일대일은 대각선, 일대다는
            열 하나, 다대일은 행 하나, 다대다는 아래 삼각형(출력은 나중 입력을 결코 보지 못한다),
            인코더–디코더는 꽉 찬 블록이다. 읽을 값: results.patterns.NAME의 input_shape와
            output_shape, outputs(y_s), pairs와 pairs_without_path, 그리고 마지막 출력의 첫 입력과
            마지막 입력에 대한 민감도.
            """,
        "irnn-adding": """
            덧셈 문제: 길이 T인 두 흐름, 곧 무작위 수들과 두 곳에서만 1인 표시가 있다. 마지막 단계의
            목표는 표시된 두 수의 합이다. 평균 1을 예측하면 MSE 1/6 ≈ 0.1667(점선)을 얻는다. 논문들은
            0.1767을 인용하지만, 상수 예측기의 정확한 MSE는 Var(u₁ + u₂) = 2/12 = 1/6이다. 이 선
            아래로 내려간 모델은 표시된 수들을 최대 T단계 동안 실어 나르는 법을 배운 것이다. T마다
            패널 하나: tanh RNN, 가우시안 W_hh를 쓴 ReLU RNN, IRNN(ReLU, W_hh = I), LSTM(망각 게이트
            편향 1), GRU의 업데이트에 따른 테스트 MSE이다. 모두 H = 100, B = 16이며, 전역 노름
            클리핑을 1에서 하는 Adam과 모델마다 측정한 스텝 크기로 학습한다(학습 레시피와 그 이유는 실험
            파일에 있다). 모든 모델은 처음에 1/6 정체 구간에 머물다가 표시된 위치를 찾으면 거기서
            벗어난다. 실행은 테스트 MSE가 세 번의 평가에서 연달아 converged_mse(0.002) 아래에 머물면
            멈춘다(그림의 "…에서 멈춤"). 마지막 패널: T에 따른 최종 테스트 MSE. 기본 실행은 Le 등이
            보고한 순서를 재현한다. LSTM과 GRU가 일찍 정체 구간을 벗어나고(업데이트 500–1 200 근처),
            IRNN은 더 늦지만(1 700–2 600 근처) T = 100에서도 10⁻³ 근처로 끝난다. 가우시안 W_hh를 쓴
            ReLU RNN은 T = 50에서는 배우지만 T가 커질수록 점점 높은 값에서 끝난다(T = 100에서 0.02,
            T = 150에서 0.05). tanh RNN은 모든 T에서 1/6 선에 머문다. 표시된 위치를 찾기도 전에
            기울기가 T단계를 지나며 소실되기 때문이다. ReLU 네트워크가 주어진 예산 안에 정체 구간을
            벗어나는지는 시드에, 심지어 기계의 산술에도 달려 있다(--set seed=2를 해 보라). 실행 한 번은
            표본 하나다. 읽을 값: results.final_test_mse.MODEL["T"], results.updates_run,
            results.baseline_mse.
            """,
        "jacobian-products": """
            h_T에서 h_0으로 돌아가는 기울기에는 ∂h_T/∂h_0 = Π_t diag(f′(a_t)) W_hh가 곱해진다.
            'spectra'의 각 패널은 그 특이값을 정렬해 T마다 선 하나로 그린다(선은 특이값이 배정밀도로
            분해할 수 없는 σ_max·H·ε 아래로 떨어지는 곳에서 끝난다). 가우시안 W의 tanh에서는 T가
            커질수록 특이값들이 여러 자릿수에 걸쳐 부채꼴로 퍼진다. g = 0.5에서는 모두 소실되고,
            g = 1.5에서는 가장 큰 것들이 폭주하는 동안 중앙값은 여전히 소실되며, g = 1(ρ ≈ 1)에서조차
            중앙값은 무너진다. 직교 W는 h가 0 근처에 있는 동안(tanh′ ≈ 1) 특이값들을 1 근처에 모아
            둔다. 입력이 h를 0에서 밀어내면 특이값들은 천천히, 함께 처진다(--set input_weight_std=0.1로
            tanh′ < 1이 지배하는 것을 보라). IRNN의 특이값은 정확히 0 또는 1이다. 모든 단계에서 활성인
            유닛은 기울기를 그대로 전달하고, 꺼진 유닛은 아무것도 전달하지 않는다. 'growth'는 σ_max,
            σ의 중앙값, 그리고 둘의 비(퍼짐)를 T에 대해 보여 준다. 분해능 하한 아래의 중앙값은 수치가
            아니라 하한에서 아래로 향하는 화살표로(그 비는 1/(H·ε)에서 위로 향하는 화살표로) 그린다.
            퍼짐에서 g = 0.5는 g = 1 아래에 놓인다. 두 경우가 시드 하나를 공유하므로 둘 다 같은 W를
            g배 한 것이고, h ≈ 0인 동안 ∂h_T/∂h_0 ≈ g^T W^T의 인수 g^T는 비에서 상쇄된다. 읽을 값:
            results.steps의 각 T에 대한 results.cases.NAME의 max, median, min, mean_log_sigma(분해된
            σ에 대한 ln; resolution_floor 아래의 median이나 min은 반올림 잡음이므로 '하한 아래'로
            읽는다), 그리고 cases.irnn.ones와 함께 irnn_max_abs_sigma_minus_round(0: IRNN의 σ는 정확히
            0 또는 1).
            """,
        "lstm-forget-bias": """
            셀 경로 c_t = f_t∘c_{t−1} + i_t∘g_t에서 기울기에는 망각 게이트만 곱해진다.
            ∂L/∂c_{t−1} = f_t∘∂L/∂c_t에 가중치를 거치는 항이 더해진다. 가중치가 아주 작으면
            (N(0, 0.001²)) 모든 게이트가 σ(자기 편향)에 머물므로 ‖∂L/∂c_t‖ ≈ σ(b_f)^(T−t) ‖∂L/∂c_T‖이다.
            실선은 저마다 점선으로 그린 예측 위에 놓인다. b_f = 0이면 기울기가 단계마다 절반이 되고(50단계
            뒤에는 사라진다: 10^−15), b_f = 1이면 단계당 0.73, b_f = 3이면 0.95를 지킨다(반감기
            14단계). 읽을 값: results.forget_biases.b_f_N의 sigma_b_f에 대한 measured_factor(relative_error가
            1 % 안)와 half_life_predicted에 대한 half_life_measured. 두 번째 그림은 측정한 배율과 반감기를
            곡선 σ(b_f)와 ln ½ / ln σ(b_f) 위에 놓는다.
            """,
        "ngram-vs-rnn-lm": """
            이 실습의 소스와 노트북으로 만든 문자 수준 언어 모델들이다. 말뭉치는 corpus/lab-snapshot.txt로
            커밋한 스냅숏이다(아무 UTF-8 파일이나 쓸 수도 있다: --set corpus.path=FILE). 모두 같은
            홀드아웃 문자들에서 문자당 비트로 점수를 매긴다(균등하게 추측하면 log₂ V). 왼쪽: n에 따른
            n-그램 모델. add-1(라플라스)은 n = 3을 넘으면 나빠진다. 확률 질량의 대부분이 한 번도 보지
            못한 V^(n−1)·V개의 이어짐으로 가기 때문이다. add-0.01과 Kneser–Ney는 n과 함께 좋아지다가
            평평해진다. 가진 것은 n − 1개 문자의 문맥뿐이고, 더 긴 문맥은 대부분 본 적이 없기 때문이다.
            가운데와 오른쪽: tanh, LSTM, GRU 언어 모델을 업데이트와 학습 시간(초)에 대해 가장 좋은
            n-그램(빨간 점선) 옆에 그린다. 600번의 업데이트에서 GRU는 약 3.6비트, LSTM은 4.1, tanh RNN은
            4.8에 이른다. 아직 떨어지는 중이지만 n = 6에서 Kneser–Ney가 얻는 2.4에는 못 미친다.
            0.9메가바이트 말뭉치와 몇 분의 학습은 세기(counting)에 유리하다. 두 번째 그림: n-그램 표는
            n과 함께 커지지만(빽빽한 표라면 V^n개 항목이 필요하다), 각 RNN은 쓰는 문맥이 아무리 길어도
            고정된 매개변수 수 하나를 가진다. 읽을 값: results.ngram_bits_per_character(평활화마다,
            n = 1…max_order), results.ngram_memory_bytes, results.best_ngram,
            results.rnn.CELL.final_held_out_bits_per_character와 parameter_bytes, 그리고
            results.corpus.sha256(어떤 텍스트를 썼는지).
            """,
        "rnn-diagrams": """
            이 실습이 그리는 SVG 그림 다섯 장이다. unrolled.svg(바닐라 RNN을 접은 모습과 펼친 모습,
            순방향 단계 아래에 역방향 단계 W_hhᵀ diag(1 − h²)), lstm-cell.svg와 gru-cell.svg(게이트는
            CellKind에서 읽은 이 실습의 블록 순서 i, f, g, o와 r, z, n; 셀 경로와 GRU의 직접 경로는
            빨강; GRU의 리셋은 W_hn 뒤에), deep.svg(층을 쌓은 모습과, 맨 위 층의 마지막 단계에서 맨 아래
            층의 첫 단계로 가는 기울기 경로 하나), 그리고 bidirectional.svg이다. 강의의 연결 형태
            W [h_{t−1}; x_t]는 이 실습의 W_h h_{t−1} + W_x x_t이다. 그림은 셀마다 매개변수 수를 H에
            대해 세고, results.cells.NAME은 W_x(G·H×D), W_h(G·H×H), W = [W_h W_x] (G·H×(H+D))의
            모양과 D = 65, H = 100에서의 매개변수 수를 준다. results.lstm_hidden_matching_gru는 LSTM의
            매개변수가 그 GRU보다 많지 않은 가장 큰 H이고, results.deep은 deep.svg에 그린 경로의 수다.
            """,
        "singular-value-spectra": """
            W_hh는 모두 H×H이다. 'singular-values'에서 가우시안 N(0, g²/H)의 히스토그램은 [0, 2g]를
            채우고 점선으로 그린 사분원 (1/(πg))√(4 − (s/g)²)를 따른다. Xavier 균등 분포는 다시 g = 1인
            경우다(이 법칙은 원소의 분포와 무관하다). 직교 행렬과 항등 행렬은 모든 σ를 1에 놓는다.
            'eigenvalues'에서 같은 가우시안 행렬의 고윳값은 반지름 g인 원판에 고르게 퍼진다(원형 법칙).
            따라서 스펙트럼 반지름 ρ ≈ g는 σ_max ≈ 2g의 절반이다. 'sigma-max-and-rho'는 둘을 g에 대해
            보여 준다. 음영 띠 1/2 < g < 1에서는 최대 특이값이 1보다 크므로 슬라이드의 규칙은
            '폭주한다'고 말하지만, ρ < 1이고 W^k는 감쇠한다. 읽을 값: results.gaussian_g1의
            mean_sigma(이론값 8/(3π) ≈ 0.849), sigma_max(→ 2), share_above_one(→ 2/3 − √3/(2π) ≈ 0.391),
            spectral_radius(→ 1), 그리고 orthogonal_max_abs_sigma_minus_one(반올림뿐, ~1e-15).
            """,
    ]
}
