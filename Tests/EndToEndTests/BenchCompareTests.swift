import Foundation
import Testing

@Suite("rnnlab bench --compare against the repository's references", .enabled(if: Python.hasNumpy, "python3 with numpy is not available here"))
struct BenchCompareTests {
    @Test("bench/reference_numpy.py (and reference_jax.py when jax is installed) agree with rnnlab's gradients to 1e-9")
    func referencesAgree() throws {
        let result = try Rnnlab.run(["bench", "--compare", "--check", "--threads", "1",
                                     "--reference-dir", Rnnlab.packageRoot.appendingPathComponent("bench").path],
                                    timeout: 300)
        print(result.stdoutText, terminator: "")
        #expect(result.status == 0, "rnnlab bench --compare --check exited with \(result.status): \(result.stdoutText)\(result.stderrText)")
        let checks = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("check ") }
        #expect(checks.count >= 4, "expected one check line per cell, got:\n\(result.stdoutText)")
        #expect(checks.allSatisfy { $0.hasSuffix(" ok") })
    }
}
