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

// MARK: - Numbers in the prose

/// A committed run's manifest in the fake lab: `plots/NAME/manifest.json` (or plots/quick/NAME).
private func writeManifest(_ lab: FakeLab, _ name: String = "demo", quick: Bool = false, results: String) throws {
    let folder = lab.root.appendingPathComponent(quick ? "plots/quick/\(name)" : "plots/\(name)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(#"{"name": "\#(name)", "results": \#(results)}"#.utf8).write(to: folder.appendingPathComponent("manifest.json"))
}

private let demoResults = """
{"final_test_mse": {"irnn": {"100": 0.0006912767}}, "max_step": 860.4, "loss": 0.01460318,
 "decades": -9.44181739, "median": [0.8, 1.3213691e-15], "floor": [1e-13, 6.199878e-13],
 "characters": 917768, "bits": 2.397660, "share": 0.992, "cases": [{"ones": [94, 14]}], "label": "tanh"}
"""

@Test("a prose number equal to its manifest value at the digits shown passes and is counted")
func proseNumberMatches() throws {
    let lab = try FakeLab()
    try writeManifest(lab, results: demoResults)
    let text = """
    # Demo
    The IRNN ends at 0.0007<!-- demo: final_test_mse.irnn.100 --> and the loss is **0.0146**<!-- demo: loss -->,
    in 2.40 bits<!-- demo: bits --> over 917 768<!-- demo: characters --> characters; 99 %<!-- demo: share ×100 -->
    of the steps, the longest 860<!-- demo: max_step -->; 14<!-- demo: cases[0].ones[1] --> units. <!-- a plain comment -->
    An example is not checked: `0.5<!-- demo: loss -->`.
    """
    let report = lab.checker.check(file: try lab.chapter(text))
    #expect(report.problems.isEmpty, "\(report.problems)")
    #expect(report.proseNumbersChecked == 7)
}

@Test("a drifted prose number fails, naming the line, the key, the shown number and the manifest's value")
func proseNumberDrifted() throws {
    let lab = try FakeLab()
    try writeManifest(lab, results: demoResults)
    let report = lab.checker.check(file: try lab.chapter("# Demo\n\nThe loss drops to 0.0147<!-- demo: loss -->.\n"))
    #expect(report.problems.count == 1 && report.proseNumbersChecked == 1)
    let p = try #require(report.problems.first)
    #expect(p.line == 3)
    #expect(p.message.contains("0.0147") && p.message.contains("loss = 0.0146032") && p.message.contains("demo"), "\(p.message)")
    #expect(p.description.hasPrefix("notebooks-md/01-demo.md:3: "))
}

@Test("each way of writing a number parses to its value and its precision")
func proseNumberForms() throws {
    let cases: [(String, Double, Double)] = [
        ("0.0146", 0.0146, 0.00005), ("1.3e-15", 1.3e-15, 0.05e-15), ("1.3 × 10⁻¹⁵", 1.3e-15, 0.05e-15),
        ("1.3·10⁻¹⁵", 1.3e-15, 0.05e-15), ("−9.44", -9.44, 0.005), ("-9.44", -9.44, 0.005), ("4.9", 4.9, 0.05),
        ("860", 860, 5), ("14", 14, 0.5), ("917 768", 917_768, 0.5), ("917\u{2009}768", 917_768, 0.5),
        ("7.5·10⁹", 7.5e9, 0.05e9), ("2·10¹⁴", 2e14, 0.5e14),
    ]
    for (written, value, half) in cases {
        let n = try #require(ShownNumber.parse(written), "\(written)")
        #expect(abs(n.value - value) <= 1e-12 * abs(value), "\(written) → \(n.value)")
        #expect(abs(n.halfUnit - half) <= 1e-9 * half, "\(written) → ± \(n.halfUnit)")
        #expect(n.powerOfTen == nil)
    }
    let power = try #require(ShownNumber.parse("10⁻¹¹"))
    #expect(power.powerOfTen == -11 && power.halfUnit == 0.5)
    let caret = try #require(ShownNumber.parse("10^9.9"))
    #expect(caret.powerOfTen == 9.9 && abs(caret.halfUnit - 0.05) < 1e-12)
    // In running text: the number that ends it, before a unit and closing marks.
    #expect(ShownNumber.parse(endOf: "settles at 2.40 bits")?.value == 2.40)
    #expect(ShownNumber.parse(endOf: "falls by **−9.44**")?.value == -9.44)
    #expect(ShownNumber.parse(endOf: "the median (10⁻¹¹")?.powerOfTen == -11)
    #expect(abs((ShownNumber.parse(endOf: "a gradient of 1.3 × 10⁻¹⁵")?.value ?? 0) - 1.3e-15) < 1e-28)
    #expect(ShownNumber.parse(endOf: "from 2.98 to 297 687")?.value == 297_687)
    #expect(ShownNumber.parse(endOf: "after 10^9.9")?.powerOfTen == 9.9)
    #expect(ShownNumber.parse(endOf: "no number here") == nil)
}

@Test("powers of ten compare in decades, tolerances and transforms widen or change what is compared")
func proseNumberPowersAndTransforms() throws {
    let lab = try FakeLab()
    try writeManifest(lab, results: demoResults)
    let good = """
    Near 10⁻¹⁵<!-- demo: median[1] -->, about 1.3 × 10⁻¹⁵<!-- demo: median[1] -->, 9.44 decades<!-- demo: decades abs -->,
    roughly 0.8<!-- demo: median[0] ±5% -->, ln: −34.3<!-- demo: median[1] ln -->.
    """
    let ok = lab.checker.check(file: try lab.chapter(good))
    #expect(ok.problems.isEmpty && ok.proseNumbersChecked == 5, "\(ok.problems)")
    let bad = lab.checker.check(file: try lab.chapter("10⁻¹²<!-- demo: median[1] --> and 0.9<!-- demo: median[0] ±5% -->\n"))
    #expect(bad.problems.count == 2, "\(bad.problems)")
    #expect(bad.problems.first?.message.contains("in log10") == true, "\(bad.problems)")
}

@Test("a missing key, a missing run, a value that is not a number or a marker after no number is a problem")
func proseNumberMissing() throws {
    let lab = try FakeLab()
    try writeManifest(lab, results: demoResults)
    let text = """
    0.5<!-- demo: no_such.key -->
    0.5<!-- absent: loss -->
    0.5<!-- demo: label -->
    words only<!-- demo: loss -->
    0.5<!-- demo: median[7] -->
    0.0146<!-- demo: loss sideways -->
    """
    let report = lab.checker.check(file: try lab.chapter(text))
    let messages = report.problems.map(\.description)
    #expect(report.problems.map(\.line) == [4, 6, 1, 2, 3, 5], "\(messages)")
    #expect(messages.contains { $0.hasPrefix("notebooks-md/01-demo.md:1:") && $0.contains("has no result `no_such.key`") }, "\(messages)")
    #expect(messages.contains { $0.contains(":2:") && $0.contains("plots/absent/manifest.json does not exist") }, "\(messages)")
    #expect(messages.contains { $0.contains(":3:") && $0.contains("not a number") }, "\(messages)")
    #expect(messages.contains { $0.contains(":4:") && $0.contains("no number right before the marker") }, "\(messages)")
    #expect(messages.contains { $0.contains(":6:") && $0.contains("'sideways'") }, "\(messages)")
}

@Test("a below-floor marker passes when the value is below its floor and fails when it is not")
func proseBelowFloor() throws {
    let lab = try FakeLab()
    try writeManifest(lab, results: demoResults)
    let below = lab.checker.check(file: try lab.chapter("the median is below the floor<!-- demo: median[1] below floor[1] -->\n"))
    #expect(below.problems.isEmpty && below.proseNumbersChecked == 1, "\(below.problems)")
    let above = lab.checker.check(file: try lab.chapter("the median is below the floor<!-- demo: median[0] below floor[0] -->\n"))
    #expect(above.problems.count == 1, "\(above.problems)")
    #expect(above.problems.first?.message.contains("median[0] = 0.8") == true && above.problems.first?.message.contains("floor[0] = 1e-13") == true,
            "\(above.problems)")
}

@Test("a --quick marker reads the quick run that the commands above it left")
func proseQuickMarker() throws {
    let lab = try FakeLab()
    try writeManifest(lab, results: demoResults)
    try writeManifest(lab, quick: true, results: #"{"loss": 0.5}"#)
    let text = """
    Before: 0.5<!-- demo --quick: loss -->

    ```sh
    rnnlab run demo --quick
    ```

    After: 0.7<!-- demo --quick: loss -->, and the committed 0.0146<!-- demo: loss -->.
    """
    // The fake `rnnlab run demo --quick` rewrites the quick manifest, as the real one does.
    let checker = NotebookChecker(root: lab.root, experimentNames: ["demo"]) { words in
        try writeManifest(lab, quick: true, results: #"{"loss": 0.7}"#)
        return (0, "", "")
    }
    let report = checker.check(file: try lab.chapter(text))
    #expect(report.problems.isEmpty && report.proseNumbersChecked == 3, "\(report.problems)")
}

// MARK: Two editions (issue #17)

private let englishTwin = """
# Demo
Norms fall by 14.2<!-- demo: decades --> decades.
![the figure](../plots/demo/figure.png)

```sh
rnnlab run demo --quick
```

```output
done 1.5
```
"""

private let koreanTwin = """
# 데모
노름은 14.2<!-- demo: decades --> 자릿수만큼 줄어든다.
![그림](../../plots/ko/demo/figure.png)

```sh
rnnlab run demo --quick
```

```output
done 1.5
```
"""

@Test("a translation with the same code blocks, prose markers and images (plots/ko/ for plots/) as its English twin has no parity problem")
func matchingEditionsPass() throws {
    let lab = try FakeLab()
    let english = try lab.chapter(englishTwin)
    let ko = lab.root.appendingPathComponent("notebooks-md/ko/01-demo.md")
    try FileManager.default.createDirectory(at: ko.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(koreanTwin.utf8).write(to: ko)
    #expect(lab.checker.parity(english: english, translation: ko).isEmpty)
}

@Test("a change to one edition alone — a command, an output, a marker or an image — is a parity problem at the translation's line",
      arguments: [
        ("rnnlab run demo --quick", "rnnlab run demo --quick --set seed=2", "code block 1 differs", 5),
        ("done 1.5", "done 1.6", "code block 2 differs", 9),
        ("14.2<!-- demo: decades -->", "14.2<!-- demo: decades ±1% -->", "prose marker 1 differs", 2),
        ("](../../plots/ko/demo/figure.png)", "](../../plots/ko/demo/other.png)", "image 1 differs", 3),
        ("\n```output\ndone 1.5\n```", "", "are missing after this line", 5),
      ])
func oneEditionChangedAloneFails(old: String, new: String, message: String, line: Int) throws {
    let lab = try FakeLab()
    let english = try lab.chapter(englishTwin)
    let ko = lab.root.appendingPathComponent("notebooks-md/ko/01-demo.md")
    try FileManager.default.createDirectory(at: ko.deletingLastPathComponent(), withIntermediateDirectories: true)
    #expect(koreanTwin.contains(old))
    try Data(koreanTwin.replacingOccurrences(of: old, with: new).utf8).write(to: ko)
    let problems = lab.checker.parity(english: english, translation: ko)
    #expect(problems.count == 1 && problems[0].message.contains(message) && problems[0].line == line, "\(problems)")
}

@Test("a sweep marker reads plots/NAME.sweep/sweep.json, a key holding dots read whole")
func sweepMarkersReadTheSweepSummary() throws {
    let lab = try FakeLab()
    let folder = lab.root.appendingPathComponent("plots/demo.sweep")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(#"{"groups": [{"success": {"irnn.100": {"successes": 7, "rate": 0.7}}}]}"#.utf8)
        .write(to: folder.appendingPathComponent("sweep.json"))
    let good = try lab.chapter("The IRNN succeeds in 7<!-- demo sweep: groups[0].success.irnn.100.successes --> of 10 runs (70<!-- demo sweep: groups[0].success.irnn.100.rate ×100 --> %).\n")
    let report = lab.checker.check(file: good)
    #expect(report.problems.isEmpty && report.proseNumbersChecked == 2, "\(report.problems)")
    let bad = try lab.chapter("The IRNN succeeds in 8<!-- demo sweep: groups[0].success.irnn.100.successes --> of 10 runs.\n")
    let problems = lab.checker.check(file: bad).problems
    #expect(problems.count == 1 && problems[0].message.contains("has groups[0].success.irnn.100.successes = 7"), "\(problems)")
}

@Test("an equation marker under its equation passes when its file declares the symbol; a missing file, a missing symbol, a malformed marker or one not under an equation is a problem")
func equationMarkers() throws {
    let lab = try FakeLab()
    try FileManager.default.createDirectory(at: lab.root.appendingPathComponent("Sources/Demo"), withIntermediateDirectories: true)
    try Data("/// h_t = tanh(a_t)\nfunc step() {}\n".utf8).write(to: lab.root.appendingPathComponent("Sources/Demo/Step.swift"))
    let good = lab.checker.check(file: try lab.chapter("# Demo\n\n    h_t = tanh(a_t)\n<!-- equation: Sources/Demo/Step.swift step -->\n"))
    #expect(good.problems.isEmpty && good.equationsChecked == 1 && good.proseNumbersChecked == 0, "\(good.problems)")
    for (marker, message) in [("<!-- equation: Sources/Demo/Gone.swift step -->", "Sources/Demo/Gone.swift does not exist"),
                              ("<!-- equation: Sources/Demo/Step.swift stepBack -->", "declares no `stepBack`"),
                              ("<!-- equation: Sources/Demo/Step.swift -->", "expected `<!-- equation: PATH SYMBOL -->`")] {
        let report = lab.checker.check(file: try lab.chapter("# Demo\n\n    h_t = tanh(a_t)\n\(marker)\n"))
        #expect(report.problems.count == 1 && report.problems[0].line == 4 && report.problems[0].message.contains(message),
                "\(marker): \(report.problems)")
    }
    let detached = lab.checker.check(file: try lab.chapter("# Demo\n\n    h_t = tanh(a_t)\n\n<!-- equation: Sources/Demo/Step.swift step -->\n"))
    #expect(detached.problems.map(\.line) == [5] && detached.problems[0].message.contains("right under the equation"))
}
