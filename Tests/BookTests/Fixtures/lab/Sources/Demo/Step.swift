/// h_t = tanh(W_hh h_{t−1} + W_xh x_t)
func step(_ x: Double) -> Double { tanh(x) }
