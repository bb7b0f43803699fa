import Foundation
import Plotting

/// Helpers of the gradient-dynamics and training experiments: legend numbers, σ, colours.

/// A number for a legend without trailing zeros: 2 → "2", 0.5 → "0.5".
func plain(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : short(x)
}

/// The logistic σ(x) = 1/(1 + e^{−x}), the forget gate of a near-zero-weight LSTM.
func sigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }

/// The i-th colour of `Color.cycle` (wrapping), for series that must keep one colour across panels.
func cycleColor(_ i: Int) -> Color { Color.cycle[i % Color.cycle.count] }
