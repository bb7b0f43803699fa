import Foundation
import Testing
@testable import Plotting

/// Rendered scripts and data compared byte for byte with `Golden/NAME.gp` and `Golden/NAME.tsv`.
/// After an intended change, run with RNNLAB_UPDATE_GOLDEN=1 to rewrite them, and read the diff.
@Suite("Golden scripts")
struct GoldenScriptTests {
    static let sourceGolden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("Each sample figure renders to its golden script and data, without gnuplot", arguments: Samples.all)
    func matchesGolden(_ figure: Figure) throws {
        let rendered = try GnuplotScript(figure)
        if ProcessInfo.processInfo.environment["RNNLAB_UPDATE_GOLDEN"] == "1" {
            try rendered.script.write(to: Self.sourceGolden.appendingPathComponent(rendered.scriptFileName), atomically: true, encoding: .utf8)
            try rendered.data.write(to: Self.sourceGolden.appendingPathComponent(rendered.dataFileName), atomically: true, encoding: .utf8)
            return
        }
        let golden = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil))
        for (name, text) in [(rendered.scriptFileName, rendered.script), (rendered.dataFileName, rendered.data)] {
            let expected = try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
            if text != expected {
                let got = text.split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
                Issue.record("\(name) differs from golden first at line \(first + 1):\n  got:  \(first < got.count ? got[first] : "<end>")\n  want: \(first < want.count ? want[first] : "<end>")")
            }
        }
    }

    @Test("Rendering the same figure twice gives the same bytes", arguments: Samples.all)
    func deterministic(_ figure: Figure) throws {
        let a = try GnuplotScript(figure), b = try GnuplotScript(figure)
        #expect(a == b)
    }
}
