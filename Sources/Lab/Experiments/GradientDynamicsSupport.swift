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

/// Dark blue → yellow (matplotlib's viridis, five stops), for curves ordered in time or depth.
func viridis(_ u: Double) -> Color {
    let stops: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
    let x = min(max(u, 0), 1) * Double(stops.count - 1)
    let i = min(Int(x), stops.count - 2), f = x - Double(i)
    func mix(_ a: Double, _ b: Double) -> UInt8 { UInt8((a + (b - a) * f).rounded()) }
    return Color(red: mix(stops[i].0, stops[i + 1].0), green: mix(stops[i].1, stops[i + 1].1), blue: mix(stops[i].2, stops[i + 1].2))
}
