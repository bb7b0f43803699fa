import Foundation
import Testing
@testable import Plotting

/// Rendered scripts, data and figure models compared byte for byte with `Golden/NAME.gp`,
/// `Golden/NAME.tsv` and `Golden/NAME.figure.json`: the files a run leaves, checked without
/// gnuplot (whose pictures depend on its version and fonts). After an intended change, run
/// with RNNLAB_UPDATE_GOLDEN=1 to rewrite them, and read the diff.
@Suite("Golden scripts")
struct GoldenScriptTests {
    @Test("Each sample figure renders to its golden script, data and figure model, without gnuplot", arguments: Samples.all)
    func matchesGolden(_ figure: Figure) throws {
        let rendered = try GnuplotScript(figure)
        let model = String(decoding: try SavedFigure(figure).encoded(), as: UTF8.self)
        let files = [(rendered.scriptFileName, rendered.script), (rendered.dataFileName, rendered.data),
                     (SavedFigure.fileName(figure.name), model)]
        if ProcessInfo.processInfo.environment["RNNLAB_UPDATE_GOLDEN"] == "1" {
            for (name, text) in files {
                try text.write(to: Golden.source.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            return
        }
        for (name, text) in files {
            let expected = try String(contentsOf: Golden.folder.appendingPathComponent(name), encoding: .utf8)
            if text != expected {
                let got = text.split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
                Issue.record("\(name) differs from golden first at line \(first + 1):\n  got:  \(first < got.count ? got[first] : "<end>")\n  want: \(first < want.count ? want[first] : "<end>")")
            }
        }
    }

    @Test("A figure read back from its golden model and data renders its golden script and data", arguments: Samples.all)
    func readsBackFromGolden(_ figure: Figure) throws {
        let back = try SavedFigure.load(figure.name, in: Golden.folder)
        #expect(try GnuplotScript(back) == GnuplotScript(figure))
    }

    @Test("Rendering the same figure twice gives the same bytes", arguments: Samples.all)
    func deterministic(_ figure: Figure) throws {
        let a = try GnuplotScript(figure), b = try GnuplotScript(figure)
        #expect(a == b)
    }
}
