import Dynamics
import Foundation
import Plotting

/// Helpers of the two spectra experiments (`singular-value-spectra`, `jacobian-products`).

/// A gain as a snake_case key fragment: 0.5 → "0_5", 1 → "1", 1.25 → "1_25".
func gainKey(_ g: Double) -> String {
    String(format: "%g", g).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "m")
}

/// max_i |v_i − target| (0 for no values).
func maxDeviation(_ v: [Double], from target: Double) -> Double { v.map { abs($0 - target) }.max() ?? 0 }

/// max_i |v_i − round(v_i)|: how far values are from the nearest integer (0 for no values).
func maxDistanceToInteger(_ v: [Double]) -> Double { v.map { abs($0 - $0.rounded()) }.max() ?? 0 }

/// `n` equally spaced points on [a, b], both ends included (n ≥ 2).
func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
    (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
}

/// Sorted, unique, with `value` added (the gain lists always hold g = 1, where the headlines are).
func sortedUnique(_ values: [Double], adding value: Double) -> [Double] { Array(Set(values + [value])).sorted() }
