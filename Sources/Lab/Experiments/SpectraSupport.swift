import Dynamics
import Foundation
import Plotting

/// Helpers of the two spectra experiments (`singular-value-spectra`, `jacobian-products`).

/// A gain as a snake_case key fragment: 0.5 → "0_5", 1 → "1", 1.25 → "1_25".
func gainKey(_ g: Double) -> String {
    String(format: "%g", g).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "m")
}

/// max_i |v_i − round(v_i)|: how far values are from the nearest integer (0 for no values).
func maxDistanceToInteger(_ v: [Double]) -> Double { v.map { abs($0 - $0.rounded()) }.max() ?? 0 }
