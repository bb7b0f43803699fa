import Foundation

/// A gain as a snake_case results key fragment: 0.5 → "0_5", 1 → "1", 1.25 → "1_25" (the two
/// spectra experiments, `singular-value-spectra` and `jacobian-products`, key their cases by it).
func gainKey(_ g: Double) -> String {
    String(format: "%g", g).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "m")
}
