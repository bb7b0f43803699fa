import Dynamics
import Foundation
import Plotting

extension EdgeOfChaos {
    /// λ_max against g (QR per N, mean field, ln ρ(W) below 1) beside the whole spectra.
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        guard let m = result.measured else { return [] }
        let (curve, qr, spectra, meanField, sizes) = (m.curve, m.qr, m.spectra, m.meanField, result.sizes)
        var series: [Series] = [
            .lines("mean field (ln g up to g = 1)", x: curve.map(\.gain),
                   y: curve.map(\.lambdaMax), style: Style(color: .black, dash: .dashed, width: 2)),
        ]
        for (i, N) in sizes.enumerated() {
            let e = qr[N]!
            series.append(.linesPoints("QR method, N = \(N)", x: e.map(\.gain), y: e.map(\.lambdaMax),
                                       style: Style(color: cycleColor(i), width: 1.5, pointSize: 1.6)))
        }
        if let N = sizes.first, let e = qr[N]?.filter({ $0.gain < 1 }), !e.isEmpty {
            series.append(.points("ln ρ(W), N = \(N) (h → 0)", x: e.map(\.gain),
                                  y: e.map(\.logSpectralRadius), style: Style(color: .black, pointSize: 0.6)))
        }
        let ys = curve.map(\.lambdaMax) + qr.values.flatMap { $0.map(\.lambdaMax) }
        let (lo, hi) = (ys.min() ?? -1, ys.max() ?? 1)
        let sweep = Panel(title: "largest Lyapunov exponent: order (λ < 0) below g = 1, chaos (λ > 0) above",
                          xLabel: "gain g of W ~ N(0, g²/N)   (dashed: λ = 0 and g = 1)", yLabel: "λ_max per step (natural log)",
                          yRange: (lo - 0.05 * (hi - lo))...(hi + 0.1 * (hi - lo)),
                          key: .topLeft, series: series,
                          referenceLines: [ReferenceLine(y: 0), ReferenceLine(x: 1)])
        let spectrum = Panel(title: "whole spectrum, N = \(spectra.first?.size ?? 0): λ_i against i/N (Engelken et al.)",
                             xLabel: "rescaled index i/N", yLabel: "λ_i per step", xRange: 0...1, key: .bottomLeft,
                             series: spectra.enumerated().map { i, s in
                                 .lines("g = \(plain(s.gain)): λ_1 = \(short(s.lambdaMax)), mean field \(short(meanField[s.gain]!.lambdaMax)); "
                                        + "\(s.exponents.filter { $0 > 0 }.count) of \(s.size) positive",
                                        x: s.rescaledIndex, y: s.exponents, style: Style(color: cycleColor(i + 3), width: 2.5))
                             },
                             referenceLines: [ReferenceLine(y: 0)])
        return [gridFigure(name: "lyapunov", title: "Edge of chaos: h_{t+1} = tanh(W h_t), Lyapunov exponents against the gain g",
                           panels: [sweep, spectrum], columns: 2, panelSize: (820, 620))]
    }
}
