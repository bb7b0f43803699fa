// The `title` of experiments/NAME.toml in Korean, in the chapters' and the glossary's words, for
// the bold title of the Korean book's "이 그림을 읽는 법" and the heading of a Korean lab page.
// Symbols stay as written (W_hh, ∂h_T/∂h_0, IRNN, LSTM, GRU), and each keeps the numbers of its
// English title (`DescriptionTranslationTests` checks it, as for the descriptions beside these).
extension Korean {
    static let titles: [String: String] = [
        "backprop-through-whh": "W_hh를 거치는 역전파",
        "char-rnn-samples": "실습의 소스 코드를 쓰는 문자 수준 LSTM",
        "clipping-cliff": "절벽과 기울기 클리핑",
        "clipping-training": "학습 중의 클리핑 규칙: 없음, 노름, 값, 제곱 노름",
        "deep-bidirectional": "심층 RNN과 양방향 RNN: 기울기가 소실되는 곳",
        "edge-of-chaos": "혼돈의 가장자리: 무작위 tanh 네트워크의 랴푸노프 지수",
        "gradient-flow-training": "학습 중의 기울기 흐름: tanh RNN 대 LSTM",
        "gradient-norms-four-cells": "시간에 따른 기울기 노름: tanh, IRNN, LSTM, GRU",
        "io-patterns": "입력/출력 패턴: 일대일, 일대다, 다대일, 다대다",
        "irnn-adding": "덧셈 문제: IRNN 대 tanh, ReLU, LSTM, GRU",
        "jacobian-products": "시간에 따른 ∂h_T/∂h_0의 특이값",
        "lstm-forget-bias": "LSTM 망각 게이트 편향과 셀 경로",
        "ngram-vs-rnn-lm": "n-그램 언어 모델과 RNN 언어 모델: 문자당 비트와 메모리",
        "rnn-diagrams": "그림: 펼친 RNN, LSTM 셀과 GRU 셀, 심층 RNN과 양방향 RNN",
        "singular-value-spectra": "초기화 시점 W_hh의 특이값과 고윳값",
    ]
}
