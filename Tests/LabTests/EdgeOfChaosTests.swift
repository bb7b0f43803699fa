import Foundation
import Plotting
import Testing
@testable import Lab

// edge-of-chaos at its --quick sizes (N = 100 for λ_max, N = 40 for the spectra), read through its typed result.

private let quick = Result { try runQuick(EdgeOfChaos.self) }

@Test("edge-of-chaos: below g = 1 the QR estimate is ln ρ(W) within 0.01; the mean field is 0.1547 at g = 2, 0.31025 at g = 3")
func lyapunovExponentMatchesLnRhoAndMeanField() throws {
    let r = try quick.get().result
    for gain in [0.5, 0.9] {
        let check = try #require(r.fixedPointCheck.first { $0.gain == gain }, "no fixed-point check at g = \(gain)")
        #expect(abs(check.difference) < 0.01, "g = \(gain): λ_max − ln ρ(W) = \(check.difference)")
    }
    let mf = Dictionary(uniqueKeysWithValues: zip(r.gains, r.lambdaMaxMeanField))
    let (mf2, mf3, mfHalf) = (try #require(mf[2]), try #require(mf[3]), try #require(mf[0.5]))
    #expect(abs(mf2 - 0.1547) < 5e-4, "mean field at g = 2: \(mf2)")
    #expect(abs(mf3 - 0.31025) < 5e-5, "mean field at g = 3: \(mf3) (500 Gauss–Hermite nodes; 0.3119 is unconverged)")
    #expect(abs(mfHalf - log(0.5)) < 1e-12, "mean field at g = 0.5: \(mfHalf) = ln 0.5")
}

@Test("edge-of-chaos: with every exponent computed, Σᵢ λᵢ is the mean ln|det J_t| to 1e-8")
func fullSpectrumSumsToMeanLogDet() throws {
    let spectra = try quick.get().result.spectra
    #expect(spectra.map(\.gain) == [1.5, 2, 3] && spectra.allSatisfy { $0.size == 40 })
    for s in spectra {
        #expect(abs(s.sumOfExponents - s.meanLogAbsDetJacobian) <= 1e-8 * abs(s.meanLogAbsDetJacobian),
                "g = \(s.gain): Σ λ_i = \(s.sumOfExponents), mean ln|det J| = \(s.meanLogAbsDetJacobian)")
    }
}

@Test("edge-of-chaos: the manifest's results keep their keys (lambda_max_qr.n_N, fixed_point_check, …)")
func edgeOfChaosResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try EdgeOfChaos.json(r)
    #expect(json["sizes"] == JSONValue([100]) && json["steps"]?.number == 600 && json["transient"]?.number == 100)
    #expect(json["lambda_max_qr"]?["n_100"] == JSONValue(try #require(r.lambdaMaxQR["n_100"])))
    guard case .array(let fixedPoint)? = json["fixed_point_check"], case .array(let chaos)? = json["mean_field_check"],
          case .array(let spectra)? = json["spectra"] else {
        Issue.record("fixed_point_check, mean_field_check or spectra is not an array"); return
    }
    #expect(fixedPoint.count == 2 && fixedPoint[0]["log_spectral_radius"]?.number == r.fixedPointCheck[0].logSpectralRadius)
    #expect(chaos.count == 3 && chaos[0]["relative_error"]?.number == r.meanFieldCheck[0].relativeError)
    #expect(spectra.count == 3 && spectra[0]["positive_exponents"]?.number == Double(r.spectra[0].positiveExponents))
    #expect(json["measured"] == nil, "the curves stay in the figure's data")
}

@Test("edge-of-chaos: the figure draws finite data")
func edgeOfChaosFigureIsDrawable() throws {
    expectFiguresDrawable(try quick.get().figures, experiment: EdgeOfChaos.name)
}
