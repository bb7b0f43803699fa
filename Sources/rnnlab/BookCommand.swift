import ArgumentParser
import Book
import Foundation
import Lab

extension RNNLab {
    struct BookCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "book",
            abstract: "Build the lecture chapters as a web book: a folder of HTML that works from file:// with no network.",
            discussion: """
            One page per chapter of notebooks-md/ (and of each language edition in notebooks-md/LANG/, with a language switch on every page), the README as the overview, math typeset by KaTeX (Debian's libjs-katex, copied into the site; RNNLAB_KATEX names another folder), figures with how to read them and the command that regenerates them, and the source files the chapters cite as pages with line numbers.

            Example:
              rnnlab book --output /tmp/book && chromium /tmp/book/index.html
            """)

        @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "folder"))
        var output: String = ".build/book"

        @Option(help: ArgumentHelp("The folder holding README.md, notebooks-md/, plots/ and Sources/ (default: the lab's root, found from here).", valueName: "folder"))
        var root: String?

        func run() throws {
            let paths = root.map { LabPaths(root: URL(fileURLWithPath: $0).standardizedFileURL) } ?? LabPaths.discover()
            let builder = BookBuilder.lab(paths)
            if builder.katex == nil {
                FileHandle.standardError.write(Data("rnnlab: KaTeX not found (install libjs-katex: scripts/setup.sh does); math is left as TeX source\n".utf8))
            }
            let folder = URL(fileURLWithPath: output)
            do {
                let report = try builder.build(into: folder)
                print("wrote \(report.pages.count) pages and \(report.files) files in \(output); open \(folder.appendingPathComponent("index.html").path)")
            } catch {
                fail("book: \(error)")
            }
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the web book and the lab on this machine (starts rnnlab-web, built apart from rnnlab).",
            discussion: """
            The server is its own program so that building rnnlab never compiles SwiftNIO: build it with `swift build --product rnnlab-web` (or ./scripts/test.sh). Every option is passed on; see `rnnlab-web --help`.

            Example:
              rnnlab serve --port 8080      then open http://127.0.0.1:8080/
            """)

        @Argument(parsing: .allUnrecognized, help: "Options for rnnlab-web (--port, --host, --jobs, --time-limit, --scratch).")
        var arguments: [String] = []

        func run() throws {
            // This program's own file (argv[0] may be a bare name found on PATH).
            let me = URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0])
                .resolvingSymlinksInPath()
            var server = me.deletingLastPathComponent().appendingPathComponent("rnnlab-web")
            if !FileManager.default.isExecutableFile(atPath: server.path) {
                // `swift run rnnlab serve` from a debug build also finds a release server, and the other way round.
                let other = me.deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent(me.deletingLastPathComponent().lastPathComponent == "debug" ? "release" : "debug")
                    .appendingPathComponent("rnnlab-web")
                if FileManager.default.isExecutableFile(atPath: other.path) { server = other }
            }
            guard FileManager.default.isExecutableFile(atPath: server.path) else {
                fail("""
                serve: the lab server is not built (it is its own product, so that building rnnlab stays free of SwiftNIO).
                Build it with:  swift build --product rnnlab-web      (release: swift build -c release --product rnnlab-web)
                then run `rnnlab serve` again.
                """)
            }
            // The server runs each experiment as a child `rnnlab run`: this very program.
            let own = arguments.contains { $0 == "--rnnlab" || $0.hasPrefix("--rnnlab=") } ? [] : ["--rnnlab", me.path]
            let argv = [server.path] + own + arguments
            var cArgs = argv.map { strdup($0) } + [nil]
            execv(server.path, &cArgs)
            fail("serve: cannot start \(server.path): \(String(cString: strerror(errno)))")
        }
    }
}
