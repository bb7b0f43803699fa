import Foundation
import Plotting
import Testing
@testable import Lab

// singular-value-spectra at its --quick sizes (H = 200), read through its typed result.

private let quick = Result { try runQuick(SingularValueSpectra.self) }

@Test("singular-value-spectra: at g = 1 the Gaussian spectrum follows the quarter-circle and circular laws")
func gaussianSpectrumFollowsTheLaws() throws {
    let g1 = try quick.get().result.gaussianG1
    // H = 200: the bulk laws hold to a few per cent, the edges (σ_max, ρ) to about 10 %.
    #expect(abs(g1.meanSigma - 8 / (3 * Double.pi)) < 0.03, "mean σ \(g1.meanSigma), theory 8/(3π) ≈ 0.849")
    #expect(abs(g1.sigmaMax - 2) < 0.2, "σ_max \(g1.sigmaMax), theory 2")
    #expect(abs(g1.shareAboveOne - (2.0 / 3 - 3.0.squareRoot() / (2 * Double.pi))) < 0.05,
            "share σ > 1 \(g1.shareAboveOne), theory 0.391")
    #expect(abs(g1.spectralRadius - 1) < 0.15, "ρ \(g1.spectralRadius), theory 1")
    #expect(abs(g1.meanSigmaSquared - 1) < 0.05, "mean σ² \(g1.meanSigmaSquared), theory 1")
    let xavier = try quick.get().result.xavier
    #expect(abs(xavier.meanSigma - 8 / (3 * Double.pi)) < 0.03, "Xavier is the g = 1 case again: mean σ \(xavier.meanSigma)")
}

@Test("singular-value-spectra: every σ of an orthogonal or identity W_hh is 1 within 1e-12")
func orthogonalAndIdentityAreIsometries() throws {
    let r = try quick.get().result
    #expect(r.orthogonalMaxAbsSigmaMinusOne < 1e-12, "orthogonal max |σ − 1| = \(r.orthogonalMaxAbsSigmaMinusOne)")
    #expect(r.identityMaxAbsSigmaMinusOne < 1e-12, "identity max |σ − 1| = \(r.identityMaxAbsSigmaMinusOne)")
    #expect(abs(r.orthogonalSpectralRadius - 1) < 1e-12, "orthogonal ρ = \(r.orthogonalSpectralRadius)")
    let orthogonal = try #require(r.cases["orthogonal"]?.maxAbsModulusLambdaMinusOne)
    #expect(orthogonal < 1e-12, "every |λ| = 1: max ||λ| − 1| = \(orthogonal)")
}

@Test("singular-value-spectra: across the gain sweep σ_max ≈ 2g while ρ ≈ g")
func sigmaMaxIsTwiceTheSpectralRadius() throws {
    let sweep = try quick.get().result.gainSweep
    #expect(sweep.gain == [0.5, 1, 1.5] && sweep.sigmaMax.count == 3 && sweep.spectralRadius.count == 3)
    for (i, g) in sweep.gain.enumerated() {
        #expect(abs(sweep.sigmaMax[i] / (2 * g) - 1) < 0.1, "g = \(g): σ_max = \(sweep.sigmaMax[i])")
        #expect(abs(sweep.spectralRadius[i] / g - 1) < 0.15, "g = \(g): ρ = \(sweep.spectralRadius[i])")
    }
}

@Test("singular-value-spectra: the manifest's results keep their snake_case keys, one case per matrix, no spectra")
func spectraResultsEncodeWithTheirKeys() throws {
    let r = try quick.get().result
    let json = try SingularValueSpectra.json(r)
    #expect(json["hidden"]?.number == 200)
    #expect(json["gaussian_g1"]?["share_above_one_theory"]?.number == r.gaussianG1.shareAboveOneTheory)
    #expect(json["gain_sweep"]?["sigma_max"] == JSONValue(r.gainSweep.sigmaMax))
    guard case .object(let cases)? = json["cases"] else { Issue.record("results.cases is not an object"); return }
    #expect(Set(cases.keys) == ["gaussian_g0_7", "gaussian_g1", "gaussian_g1_5", "orthogonal", "identity", "xavier"])
    #expect(cases["identity"]?["max_abs_modulus_lambda_minus_one"]?.number != nil)
    #expect(cases["xavier"]?["max_abs_sigma_minus_one"] == nil, "the isometry checks are for orthogonal and identity only")
    #expect(json["spectra"] == nil && json["sweep"] == nil, "the spectra stay in the figures' data")
}

@Test("singular-value-spectra: every figure draws finite data, positive on log axes")
func spectraFiguresAreDrawable() throws {
    expectFiguresDrawable(try quick.get().figures, experiment: SingularValueSpectra.name)
}

@Test("singular-value-spectra: a gain above 10⁶ (1e308 would make the histograms' range infinite) is refused by the file check")
func hugeGainIsRefused() throws {
    let url = repositoryRoot.appendingPathComponent("experiments/\(SingularValueSpectra.name).toml")
    let schema = SingularValueSpectra.Settings.schema(name: SingularValueSpectra.name)
    for key in ["gains", "sweep_gains"] {
        let error = try #require(throws: ExperimentFileError.self) {
            try loadExperiment(at: url, schema: schema, overrides: ["\(key)=[1, 1e308]"], quick: true)
        }
        #expect(error.description.contains("parameters.\(key)"), "\(error)")
    }
    _ = try loadExperiment(at: url, schema: schema, overrides: ["gains=[1e6]", "sweep_gains=[1e-300]"], quick: true)
}
