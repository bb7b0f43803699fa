import Foundation
import Testing
@testable import Plotting

/// gnuplot as a child that misbehaves: shell scripts stand in for it (no real gnuplot needed).
@Suite("gnuplot as a child process", .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/sh")))
struct GnuplotProcessTests {
    static let figure = Figure(name: "simple", panel: Panel(series: [.lines("y", x: [1, 2], y: [1, 4])]))

    @Test("A gnuplot that hangs is killed with its whole process group after the timeout")
    func hangIsKilled() throws {
        let fake = try FakeGnuplot("""
            echo $$ > "$(dirname "$0")/pid"
            sleep 1000 &
            sleep 1000
            """)
        let folder = try makeTemporaryFolder()
        defer { fake.remove(); try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        #expect(throws: PlotError.gnuplotTimedOut(figure: "simple", seconds: 1)) {
            try Plotter(gnuplotPath: fake.path, timeout: 1).write(Self.figure, to: folder, formats: [.png])
        }
        #expect(Date().timeIntervalSince(started) < 10)
        let group = try #require(fake.writtenPid())
        #expect(eventually { runningProcesses(inGroup: group).isEmpty }, "still running in group \(group): \(runningProcesses(inGroup: group))")
        #expect(try temporaryFiles(in: folder) == [])
        #expect(PlotError.gnuplotTimedOut(figure: "simple", seconds: 1).description.contains("RNNLAB_GNUPLOT_TIMEOUT"))
    }

    @Test("A gnuplot that leaves a child holding its pipes does not block the draw, and the child is killed")
    func pipesHeldOpen() throws {
        let fake = try FakeGnuplot("""
            echo $$ > "$(dirname "$0")/pid"
            sleep 1000 &
            exit 0
            """)
        let folder = try makeTemporaryFolder()
        defer { fake.remove(); try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        #expect {
            try Plotter(gnuplotPath: fake.path, timeout: 60).write(Self.figure, to: folder, formats: [.png])
        } throws: { error in
            guard case let PlotError.gnuplotFailed(_, _, _, _, message) = error else { return false }
            return message == "gnuplot wrote no simple.png"
        }
        #expect(Date().timeIntervalSince(started) < 10, "the draw waited for the child holding the pipes")
        let group = try #require(fake.writtenPid())
        #expect(eventually { runningProcesses(inGroup: group).isEmpty }, "still running in group \(group)")
    }

    @Test("50 MB on gnuplot's standard error becomes a message of a few KB with its first and last lines")
    func standardErrorIsCapped() throws {
        let fake = try FakeGnuplot("""
            echo "first line"
            head -c 52428800 /dev/zero | tr '\\000' x
            echo
            echo "last line"
            exit 1
            """.replacingOccurrences(of: "\n", with: " >&2\n") + " >&2")
        let folder = try makeTemporaryFolder()
        defer { fake.remove(); try? FileManager.default.removeItem(at: folder) }
        let outcome = try Gnuplot(executable: URL(fileURLWithPath: fake.path)).run("", in: folder, timeout: 60)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.utf8.count < 2 * Gnuplot.standardErrorKept + 100, "kept \(outcome.standardError.utf8.count) bytes")
        #expect(outcome.standardError.hasPrefix("first line\nxxx") && outcome.standardError.hasSuffix("xxx\nlast line\n"))
        #expect(outcome.standardError.contains("bytes of gnuplot's messages left out"))
        do {
            try Plotter(gnuplotPath: fake.path).write(Self.figure, to: folder, formats: [.png])
            Issue.record("expected a failure")
        } catch let error as PlotError {
            #expect(error.description.utf8.count < 2000, "message of \(error.description.utf8.count) bytes")
            #expect(error.description.contains("last line"))
        }
        var errors = HeadAndTail(kept: 8)
        errors.append(Array("first line\n".utf8))
        errors.append([UInt8](repeating: UInt8(ascii: "x"), count: 1000))
        errors.append(Array("\nlast".utf8))
        #expect(errors.text == "first li\n… (1000 bytes of gnuplot's messages left out) …\nxxx\nlast")
    }

    @Test("A gnuplot that exits 0 after writing a PNG cut short installs nothing and says why")
    func truncatedPicture() throws {
        // Writes the PNG signature and half an IHDR chunk to the file named by the first `outfile = '…'`.
        let fake = try FakeGnuplot("""
            out=$(head -n 1 "$1" | sed -n "s/.*outfile = '\\([^']*\\)'.*/\\1/p")
            printf '\\211PNG\\r\\n\\032\\n\\000\\000\\000\\015IHDR\\000\\000' > "$out"
            exit 0
            """)
        let folder = try makeTemporaryFolder()
        defer { fake.remove(); try? FileManager.default.removeItem(at: folder) }
        #expect {
            try Plotter(gnuplotPath: fake.path).write(Self.figure, to: folder, formats: [.png])
        } throws: { error in
            guard case let PlotError.incompletePicture(file, problem) = error else { return false }
            return file.lastPathComponent == "simple.png" && problem.contains("cut short")
                && (error as! PlotError).description.contains("nothing was written under that name")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("simple.png").path))
        #expect(try temporaryFiles(in: folder) == [])
    }

    @Test("The timeout is the parameter, else RNNLAB_GNUPLOT_TIMEOUT, else 120 s; one that is not > 0 is refused")
    func timeoutSetting() {
        #expect(Gnuplot.resolveTimeout(5) == .success(5))
        #expect(Gnuplot.resolveTimeout(0) == .failure(.badTimeout("0.0")))
        #expect(Gnuplot.resolveTimeout(.nan) == .failure(.badTimeout("nan")))
        if ProcessInfo.processInfo.environment[Gnuplot.timeoutVariable] == nil {
            #expect(Gnuplot.resolveTimeout(nil) == .success(120))
        }
        #expect(PlotError.badTimeout("RNNLAB_GNUPLOT_TIMEOUT=abc").description.contains("not a number of seconds > 0"))
    }
}
