// `clipping-cliff`: Pascanu's one-unit cliff, and a descent across it with and without clipping.
extension Korean {
    static let clippingCliff: [Translation.Row] = [
        ("E(w, b): wall (dashed), plain (red), clipped (cyan) paths from ●", "E(w, b): 벽 (점선), ●에서 출발한 일반 (빨강)·클리핑 (청록) 경로"),
        ("w (recurrent weight)", "w (순환 가중치)"),
        ("b (bias)", "b (편향)"),
        ("no clipping (same path until the wall, then out of the window)", "클리핑 없음 (벽까지 같은 경로, 그 뒤 창 밖으로)"),
        ("start", "시작"),
        ("loss along the descent (the paths coincide until the wall)", "하강 중 손실 (벽까지는 두 경로가 겹침)"),
        ("gradient-descent step k", "경사 하강 단계 k"),
        ("step length ‖θ_{k+1} − θ_k‖: clipping caps it at ητ", "스텝 길이 ‖θ_{k+1} − θ_k‖: 클리핑은 ητ로 제한"),
        ("step length", "스텝 길이"),
        // Patterns: the cliff's settings and the descents' results.
        ("Pascanu's cliff: x_t = w σ(x_{t−1}) + b, {} steps, and what clipping does at the wall",
         "Pascanu의 절벽: x_t = w σ(x_{t−1}) + b, {}단계, 그리고 벽에서 클리핑이 하는 일"),
        ("wall b = {} − σ({})·w, w > 1/σ′({}) = {}", "벽 b = {} − σ({})·w, w > 1/σ′({}) = {}"),
        ("norm clipping, τ = {}", "노름 클리핑, τ = {}"),
        ("no clipping: final E = {}", "클리핑 없음: 최종 E = {}"),
        ("norm clipping: final E = {}", "노름 클리핑: 최종 E = {}"),
        ("no clipping: η‖∇E‖, largest {}", "클리핑 없음: η‖∇E‖, 최대 {}"),
        ("norm clipping: largest {} (clipped steps: {})", "노름 클리핑: 최대 {} (클리핑된 단계: {})"),
        ("the cliff in one slice: E along b = {}", "절벽의 한 단면: b = {}에서의 E"),
        ("w at b = {}", "b = {}에서의 w"),
        ("wall: w = {}", "벽: w = {}"),
    ]
}
