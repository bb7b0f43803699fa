import ArgumentParser
import Foundation
import Lab

extension RNNLab {
    struct Notebook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with the lecture chapters in notebooks-md/.",
            subcommands: [Check.self])

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Run every rnnlab command in the chapters and check their outputs, images and links.",
                discussion: """
                Runs each ```sh block's rnnlab commands exactly as written, from the lab's root (a `rnnlab run` must say --quick or --output, so that a pasted command never rewrites the committed figures), fails with the chapter and line of any command that exits non-zero, compares each following ```output block (numbers to a relative tolerance), compares each number the prose marks with <!-- NAME: KEY --> with that result in plots/NAME/manifest.json, checks that each equation's <!-- equation: FILE SYMBOL --> (on the line under its indented block) names a file under Sources/ that declares that symbol, and checks that every embedded image, linked file and named experiment exists. Blocks marked pending="…" are listed, not run. A `rnnlab run` identical to one already in plots/quick/ or in a folder RNNLAB_REUSE_RUNS names (same fingerprint, settings and formats) reuses it instead of computing it again. Every chapter of notebooks-md/ has its Korean twin in notebooks-md/ko/ (checked the same way), which must show the same code blocks (commands and outputs), prose markers and images (plots/ko/NAME/ for plots/NAME/) in the same order, so that neither edition changes alone. Finally every committed run in plots/ and plots/ko/ must match the checkout's fingerprint (`rnnlab run --stale [--lang ko]` regenerates those that do not). With --update, output blocks are rewritten with fresh output (for authors).
                """)

            @Argument(help: "Chapters to check (default: every notebooks-md/*.md and notebooks-md/ko/*.md, and the editions' parity).")
            var files: [String] = []

            @Flag(help: "Rewrite output blocks with the fresh output instead of comparing.")
            var update = false

            func run() throws {
                let paths = LabPaths.discover()
                let runner = Runner(paths: paths)
                let folder = paths.root.appendingPathComponent("notebooks-md")
                var chapters = files.map { URL(fileURLWithPath: $0) }
                // The English edition, then each translation in notebooks-md/<language>/ (issue #17).
                let editions = Language.allCases.filter { $0 != .english }.map { folder.appendingPathComponent($0.rawValue) }
                func markdown(in dir: URL) -> [URL] {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
                    return names.filter { $0.hasSuffix(".md") }.sorted().map { dir.appendingPathComponent($0) }
                }
                if chapters.isEmpty { chapters = markdown(in: folder) + editions.flatMap(markdown(in:)) }
                if chapters.isEmpty { fail("no chapters in \(folder.path)") }
                let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
                // A chapter's `rnnlab run` reuses an identical run instead of computing it again: one
                // already in plots/quick/ (the same command in an earlier chapter, or an earlier check
                // of the same code) or in a folder RNNLAB_REUSE_RUNS names (the test suite's runs).
                var environment = ProcessInfo.processInfo.environment
                let reuse = [paths.plots.appendingPathComponent("quick")] + reuseFolders(environment)
                environment["RNNLAB_REUSE_RUNS"] = reuse.map(\.path).joined(separator: ":")
                let checker = NotebookChecker(root: paths.root, experimentNames: Set(runner.availableNames())) { words in
                    try runProcess(me, Array(words.dropFirst()), directory: paths.root, environment: environment)
                }
                var problems = 0, commands = 0, outputs = 0, proseNumbers = 0, equations = 0
                for chapter in chapters {
                    let report = checker.check(file: chapter, update: update)
                    commands += report.commandsRun
                    outputs += report.outputsCompared
                    proseNumbers += report.proseNumbersChecked
                    equations += report.equationsChecked
                    problems += report.problems.count
                    for p in report.problems { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
                    for p in report.pending { print("pending: \(p)") }
                    if update, let text = report.updatedText {
                        try Data(text.utf8).write(to: chapter, options: .atomic)
                    }
                    print("\(runner.relativePath(chapter)): \(report.commandsRun) commands, \(report.outputsCompared) outputs, \(report.proseNumbersChecked) prose numbers, \(report.equationsChecked) equation sources, \(report.problems.count) problems")
                }
                // Each translated chapter shows exactly its English twin's commands, outputs, prose
                // markers and images, and every English chapter has its twin; a translation's own
                // pages (its glossary) are the only files without one.
                var parityChecked = 0
                if files.isEmpty {
                    let english = Set(markdown(in: folder).map(\.lastPathComponent))
                    for edition in editions where FileManager.default.fileExists(atPath: edition.path) {
                        let translated = markdown(in: edition)
                        let names = Set(translated.map(\.lastPathComponent))
                        for missing in english.subtracting(names).sorted() {
                            problems += 1
                            FileHandle.standardError.write(Data("\(runner.relativePath(edition))/\(missing): missing: every chapter of notebooks-md/ has its translation here\n".utf8))
                        }
                        for file in translated where english.contains(file.lastPathComponent) {
                            let found = checker.parity(english: folder.appendingPathComponent(file.lastPathComponent), translation: file)
                            parityChecked += 1
                            problems += found.count
                            for p in found { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
                        }
                    }
                }
                // Every committed run must come from the checkout as it stands (the chapters show them).
                var stale: [String] = []
                for language in Language.allCases {
                    var found: [String] = []
                    var options = RunOptions()
                    options.language = language
                    let base = runner.outputFolder(options)
                    for name in runner.availableNames()
                    where FileManager.default.fileExists(atPath: base.appendingPathComponent(name).path) {
                        if let reason = runner.staleness(of: name, language: language) {
                            found.append(name)
                            FileHandle.standardError.write(Data("\(reason)\n".utf8))
                        }
                    }
                    if !found.isEmpty {
                        let flag = language == .english ? "" : " --lang \(language.rawValue)"
                        FileHandle.standardError.write(Data("rnnlab: regenerate them with `rnnlab run --stale\(flag)` (stale: \(found.joined(separator: ", ")))\n".utf8))
                    }
                    stale += found.map { language == .english ? $0 : "\(language.rawValue)/\($0)" }
                }
                problems += stale.count
                print("notebook check: \(chapters.count) chapters, \(commands) commands, \(outputs) outputs \(update ? "updated" : "compared"), \(proseNumbers) prose numbers checked, \(equations) equation sources found, \(parityChecked) translations matched with their English twins, \(stale.count) stale runs, \(problems) problems")
                if problems > 0 { throw ExitCode(1) }
            }
        }
    }

    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the headline numbers of an experiment's last run (its manifest's results).",
            discussion: "Reads plots/NAME/manifest.json (plots/quick/NAME with --quick, FOLDER/NAME with --output FOLDER, as `rnnlab run` wrote it) and prints one `key = value` line per number, 6 significant digits.")

        @Argument(help: "The experiment's name.")
        var name: String

        @Flag(help: "Read the --quick run's manifest.")
        var quick = false

        @Option(help: ArgumentHelp("Read the run that `rnnlab run … --output FOLDER` wrote.", valueName: "folder"))
        var output: String?

        func validate() throws {
            guard isExperimentName(name) else { throw ValidationError("'\(name)' is not an experiment name (see `rnnlab list`)") }
        }

        func run() throws {
            let paths = LabPaths.discover()
            let base = output.map { URL(fileURLWithPath: $0) } ?? (quick ? paths.plots.appendingPathComponent("quick") : paths.plots)
            let url = base.appendingPathComponent(name).appendingPathComponent("manifest.json")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                let again = "rnnlab run \(name)" + (output.map { " --output \($0)" } ?? (quick ? " --quick" : ""))
                fail("\(name): no manifest at \(url.path); run `\(again)` first")
            }
            guard let manifest = try? JSONDecoder().decode(JSONValue.self, from: data), let results = manifest["results"] else {
                fail("\(url.path): not a manifest with results")
            }
            for line in resultLines(results) { print(line) }
        }
    }
}
