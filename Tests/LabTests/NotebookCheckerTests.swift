import Foundation
import Testing
@testable import Lab

/// A chapter in a temporary lab root, checked with a fake command runner that records what ran.
private final class FakeLab {
    let root: URL
    var ran: [[String]] = []
    var outputs: [String: (Int32, String)] = [:]   // command line → (status, stdout)

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-notebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks-md"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plots/demo"), withIntermediateDirectories: true)
        try Data("png".utf8).write(to: root.appendingPathComponent("plots/demo/figure.png"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func chapter(_ text: String) throws -> URL {
        let url = root.appendingPathComponent("notebooks-md/01-demo.md")
        try Data(text.utf8).write(to: url)
        return url
    }

    var checker: NotebookChecker {
        NotebookChecker(root: root, experimentNames: ["demo"]) { [self] words in
            ran.append(words)
            let (status, out) = outputs[words.joined(separator: " ")] ?? (0, "")
            return (status, out, status == 0 ? "" : "rnnlab: it failed")
        }
    }
}

private let passing = """
# Demo
![the figure](../plots/demo/figure.png)

```sh
# full size: rnnlab run demo
rnnlab run demo --quick
rnnlab results demo
```

```output
ratio = 0.627595
```
"""

@Test("a passing chapter runs its rnnlab commands exactly as shown and reports no problem")
func passingChapter() throws {
    let lab = try FakeLab()
    lab.outputs["rnnlab results demo"] = (0, "ratio = 0.6275951\n")
    let report = lab.checker.check(file: try lab.chapter(passing))
    #expect(report.problems.isEmpty, "\(report.problems)")
    #expect(lab.ran == [["rnnlab", "run", "demo", "--quick"], ["rnnlab", "results", "demo"]])
    #expect(report.commandsRun == 2 && report.outputsCompared == 1)
}

@Test("a run that would rewrite the committed figures, or a hidden --quick, is a problem: a reader types what the chapter shows")
func runsMustNotRewriteCommittedFigures() throws {
    let lab = try FakeLab()
    let bare = lab.checker.check(file: try lab.chapter("# Demo\n\n```sh\nrnnlab run demo\nrnnlab run demo --output /tmp/x\n```\n"))
    #expect(bare.problems.count == 1 && bare.problems[0].line == 4 && bare.problems[0].message.contains("would rewrite the committed figures"),
            "\(bare.problems)")
    #expect(lab.ran == [["rnnlab", "run", "demo", "--output", "/tmp/x"]], "nothing is added to a command, and the bare run is not run")
    let hidden = lab.checker.check(file: try lab.chapter("# Demo\n\n```sh quick\nrnnlab run demo --quick\n```\n"))
    #expect(hidden.problems.contains { $0.message.contains("```sh quick is gone") }, "\(hidden.problems)")
}

@Test("a failing command is reported with its chapter and line")
func failingCommand() throws {
    let lab = try FakeLab()
    lab.outputs["rnnlab run demo --quick"] = (2, "")
    let report = lab.checker.check(file: try lab.chapter(passing))
    #expect(report.problems.map(\.description) == [
        "notebooks-md/01-demo.md:6: `rnnlab run demo --quick` exited with status 2: rnnlab: it failed",
    ])
}

@Test("a changed output is shown as a diff; numbers within the tolerance pass")
func changedOutput() throws {
    let lab = try FakeLab()
    lab.outputs["rnnlab results demo"] = (0, "ratio = 0.7\n")
    let report = lab.checker.check(file: try lab.chapter(passing))
    #expect(report.problems.count == 1)
    #expect(report.problems.first?.line == 10)
    #expect(report.problems.first?.message.contains("− ratio = 0.627595\n  + ratio = 0.7") == true, "\(report.problems)")
    lab.outputs["rnnlab results demo"] = (0, "ratio = 0.62759550\n")   // 1e-7 relative: within 1e-6
    #expect(lab.checker.check(file: try lab.chapter(passing)).problems.isEmpty)
}

@Test("--update rewrites the output block with the fresh output")
func updateRewritesOutput() throws {
    let lab = try FakeLab()
    lab.outputs["rnnlab results demo"] = (0, "ratio = 0.7\nsteps = 100\n")
    let report = lab.checker.check(file: try lab.chapter(passing), update: true)
    #expect(report.updatedText?.contains("```output\nratio = 0.7\nsteps = 100\n```") == true, "\(report.updatedText ?? "")")
}

@Test("a missing image, a missing linked file and an unknown experiment are reported; pending blocks wait")
func missingImage() throws {
    let lab = try FakeLab()
    let text = """
    ![gone](../plots/demo/missing.png) and [the code](../Sources/Nowhere.swift)

    ```sh
    rnnlab show no-such-experiment
    ```

    ```sh pending="the language-model experiments"
    rnnlab run not-written-yet
    ```
    """
    let report = lab.checker.check(file: try lab.chapter(text))
    #expect(report.problems.map(\.description) == [
        "notebooks-md/01-demo.md:1: image ../plots/demo/missing.png does not exist",
        "notebooks-md/01-demo.md:1: linked file ../Sources/Nowhere.swift does not exist",
        "notebooks-md/01-demo.md:4: no experiment 'no-such-experiment' in experiments/",
    ])
    #expect(lab.ran == [["rnnlab", "show", "no-such-experiment"]])
    #expect(report.pending == ["notebooks-md/01-demo.md:7: waits for the language-model experiments"])
}

@Test("command lines split on spaces and keep quoted words together")
func commandLinesSplit() {
    #expect(splitWords(#"rnnlab run x --set title="a b" --set 'k=[1, 2]'"#) == ["rnnlab", "run", "x", "--set", "title=a b", "--set", "k=[1, 2]"])
}
