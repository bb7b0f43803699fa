// Rows every experiment's table falls back on: texts and phrases several experiments draw.
extension Korean {
    static let sharedRows: [Translation.Row] = [
        ("time step t", "시간 단계 t"),
        ("update", "업데이트"),
        ("test MSE", "테스트 MSE"),
        ("final test MSE", "최종 테스트 MSE"),
        ("dashed: predict 1, MSE 1/6", "점선: 1로 예측, MSE 1/6"),
        ("predict 1: MSE 1/6", "1로 예측: MSE 1/6"),
        ("bits per character", "문자당 비트"),
        ("held-out bits per character", "홀드아웃 문자당 비트"),
        ("the lab's sources and notebooks", "실습의 소스와 노트북"),
        ("measured", "측정값"),
        ("orthogonal", "직교"),
        ("identity", "항등"),
        ("no clipping", "클리핑 없음"),
        ("norm clipping", "노름 클리핑"),
        ("value clipping", "값 클리핑"),
        // Patterns.
        ("time step t (loss at t = T = {})", "시간 단계 t (손실은 t = T = {})"),
        ("time step t (loss at T = {})", "시간 단계 t (손실은 T = {})"),
        ("{}: final {}", "{}: 최종 {}"),
    ]
}
