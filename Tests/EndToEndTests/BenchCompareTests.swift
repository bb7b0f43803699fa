import Foundation
import Testing

@Suite("rnnlab bench --compare against the repository's references", .enabled(if: Python.hasNumpy, "python3 with numpy is not available here"))
struct BenchCompareTests {
    /// numpy always; JAX and PyTorch each either agree on every cell or are reported as skipped.
    @Test("bench/reference_numpy.py, and reference_jax.py and reference_torch.py when installed, agree with rnnlab's gradients to 1e-9")
    func referencesAgree() throws {
        let result = try Rnnlab.run(["bench", "--compare", "--check", "--threads", "1",
                                     "--reference-dir", Rnnlab.packageRoot.appendingPathComponent("bench").path],
                                    timeout: 300)
        print(result.stdoutText, terminator: "")
        #expect(result.status == 0, "rnnlab bench --compare --check exited with \(result.status): \(result.stdoutText)\(result.stderrText)")
        let checks = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("check ") }
        #expect(checks.allSatisfy { $0.hasSuffix(" ok") })
        for (reference, module, skipped) in [("numpy", "numpy", ""), ("jax", "jax", "(JAX reference skipped"),
                                             ("torch", "torch", "(PyTorch reference skipped")] {
            let lines = checks.filter { $0.contains(" vs \(reference)") }
            if Python.has(module) {
                #expect(lines.count == 4, "expected one \(reference) check line per cell, got:\n\(result.stdoutText)")
            } else {
                #expect(lines.isEmpty && result.stdoutText.contains(skipped),
                        "\(module) is not importable, so \(reference) should be reported as skipped:\n\(result.stdoutText)")
                #expect(result.stdoutText.contains("pip install \(module)"), "the skip note should say how to install \(module)")
            }
        }
    }
}
