import Foundation
import Testing
@testable import Plotting

@Suite("Sample figures")
struct SampleTests {
    /// Set PLOT_SAMPLES=/some/folder to keep the pictures for a look.
    @Test("Every mark kind draws to PNG, SVG and PDF through gnuplot", .enabled(if: gnuplotInstalled), arguments: Samples.all)
    func drawsEveryMark(_ figure: Figure) throws {
        let keep = ProcessInfo.processInfo.environment["PLOT_SAMPLES"].map { URL(fileURLWithPath: $0) }
        let folder = try keep ?? makeTemporaryFolder("samples")
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let written = try Plotter().write(figure, to: folder, formats: [.png, .svg, .pdf])
        #expect(written.map(\.lastPathComponent) == ["tsv", "gp", "figure.json", "png", "svg", "pdf"].map { "\(figure.name).\($0)" })
        for url in written {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            #expect(size > 100, "\(url.lastPathComponent) is only \(size) bytes")
            if let format = OutputFormat(rawValue: url.pathExtension) {
                #expect(PictureCheck.problem(ofFile: url, format: format) == nil, "\(url.lastPathComponent)")
            }
        }
    }
}
