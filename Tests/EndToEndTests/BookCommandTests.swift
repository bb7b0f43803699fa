import Foundation
import Testing

@Suite("rnnlab book and rnnlab serve")
struct BookCommandTests {
    @Test("rnnlab book --output DIR writes a site with a page per chapter, the overview and KaTeX")
    func book() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-book-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Rnnlab.run(["book", "--output", site.path], directory: Rnnlab.packageRoot)
        #expect(result.status == 0, "\(result.stderrText)")
        for page in ["index.html", "overview.html", "01-recurrence.html", "09-edge-of-chaos.html", "assets/book.css", "assets/book.js"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(page).path), "\(page) missing")
        }
        if FileManager.default.fileExists(atPath: "/usr/share/javascript/katex/katex.min.js") {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/katex/katex.min.js").path))
        }
    }

    @Test("rnnlab serve with no rnnlab-web beside it says how to build it and exits 2")
    func serveWithoutServer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-alone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("rnnlab")
        try FileManager.default.copyItem(at: try Rnnlab.binary.get(), to: copy)
        let result = try runCommand(copy, ["serve"], directory: Rnnlab.packageRoot)
        #expect(result.status == 2)
        #expect(result.stderrText.contains("swift build --product rnnlab-web"), "\(result.stderrText)")
    }
}
