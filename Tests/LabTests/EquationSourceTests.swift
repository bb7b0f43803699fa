import Foundation
import Testing
@testable import Lab

// `<!-- equation: FILE SYMBOL -->` under a chapter's equation (issue #16): it names the one
// declaration implementing the equation, found by name so the link follows the code.

private let source = """
import LinearAlgebra

/// The plain cells.
enum VanillaCell {
    // func forward is not declared on a comment line
    /// h = f(a)
    @inline(__always)
    static func forward(relu: Bool) {}

    /// da from dh
    static func backward(relu: Bool) {}
}

/// x_t = w σ(x_{t−1}) + b
public func cliffLoss(w: Double) -> Double { w }
"""

@Test("a symbol is found by its declaration, dotted through its type, at its doc comment's first line")
func symbolLines() {
    #expect(EquationSource.line(of: "VanillaCell", in: source) == 3)
    #expect(EquationSource.line(of: "VanillaCell.forward", in: source) == 6)
    #expect(EquationSource.line(of: "VanillaCell.backward", in: source) == 10)
    #expect(EquationSource.line(of: "cliffLoss", in: source) == 14)
    #expect(EquationSource.line(of: "VanillaCell.forwardPass", in: source) == nil)
    #expect(EquationSource.line(of: "cliffLoss.forward", in: source) == nil, "nothing named forward after cliffLoss")
}

@Test("a marker is read from its line; a malformed one says what it expects, another comment is no marker")
func markerParsing() throws {
    let ok = try #require(EquationSource.parse("<!-- equation: Sources/Recurrence/BPTT.swift BPTT.backward -->")).get()
    #expect(ok == EquationSource(path: "Sources/Recurrence/BPTT.swift", symbol: "BPTT.backward"))
    #expect(ok.marker == "<!-- equation: Sources/Recurrence/BPTT.swift BPTT.backward -->")
    #expect(EquationSource.parse("<!-- demo: ratio -->") == nil)
    #expect(EquationSource.parse("the equation: below") == nil)
    for bad in ["<!-- equation: Sources/Recurrence/BPTT.swift -->", "<!-- equation: ../etc/passwd x -->",
                "<!-- equation: Sources/../Package.swift x -->", "<!-- equation: Sources/A.swift a b -->",
                "<!-- equation: Sources/A.swift 1x -->", "<!-- equation: Sources/A.swift x"] {
        guard case .failure? = EquationSource.parse(bad) else { Issue.record("\(bad) was read"); continue }
    }
}

@Test("every equation marker in the repository's chapters names a file that declares its symbol")
func repositoryMarkersResolve() throws {
    var found = 0
    for folder in ["notebooks-md", "notebooks-md/ko"] {
        let dir = repositoryRoot.appendingPathComponent(folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.components(separatedBy: "\n") {
                guard let parsed = EquationSource.parse(line) else { continue }
                found += 1
                let source = try parsed.get()
                if case .failure(let e) = source.line(root: repositoryRoot) { Issue.record("\(folder)/\(name): \(e)") }
            }
        }
    }
    #expect(found >= 40, "both editions mark their equations (\(found) markers)")
}
