import Foundation
import Plotting
import Training

/// Small helpers shared by the experiment definitions.

/// 0, 1, …, n−1 as Doubles (an x axis of steps).
func steps(_ n: Int, from start: Int = 0) -> [Double] { (0..<n).map { Double(start + $0) } }

/// 10^v for each v (log10 series back to values for a log axis).
func exp10(_ v: [Double]) -> [Double] { v.map { pow(10, $0) } }

/// A figure with several panels laid out in a grid of `columns`.
func gridFigure(name: String, title: String, panels: [Panel], columns: Int, panelSize: (Int, Int) = (560, 420)) -> Figure {
    let rows = (panels.count + columns - 1) / columns
    return Figure(name: name, title: title, size: Size(width: panelSize.0 * columns, height: panelSize.1 * rows + 40),
                  layout: Grid(rows: rows, columns: columns), panels: panels)
}

/// Formats a number for a legend: 4 significant digits.
func short(_ x: Double) -> String { String(format: "%.4g", x) }

/// Runs a library computation, turning the libraries' cancellation error (`Cancelled`, thrown
/// when a `Monitor` said so) into the runner's `RunCancelled`.
func cancellable<T>(_ body: () throws -> T) throws -> T {
    do { return try body() }
    catch is Cancelled { throw RunCancelled() }
}

/// A results number written as null when it is not finite, as the manifest writes any non-finite
/// number (JSON has no NaN or ∞), and read back as NaN: the first loss of a run of 0 updates, the
/// log of a gradient that underflowed to 0. The key is always there.
@propertyWrapper
public struct NullIfNotFinite: Codable, Sendable, Equatable {
    public var wrappedValue: Double

    public init(wrappedValue: Double) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? .nan : try c.decode(Double.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if wrappedValue.isFinite { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}
