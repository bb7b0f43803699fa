// libFuzzer on the probe decoder: every input must either be refused with a ProbeInputError
// or decode and run; a trap, a crash, a leak past -rss_limit_mb or a hang is a finding.
//
// Built only by scripts/fuzz.sh, with `-sanitize=fuzzer -D RNNLAB_FUZZING`. Without that
// condition (the normal `swift build`) this is a program that says how to fuzz and exits 1:
// LLVMFuzzerRunDriver exists only in libFuzzer, so the package could not link otherwise.

#if RNNLAB_FUZZING
import Foundation
import GradientProbe

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    // The parser alone, without the probe's key filter, reaches the paths the filter cuts short.
    _ = try? bytes.withUnsafeBytes { try StrictJSONParser(maximumDepth: ProbeLimits.maximumDepth).parse($0) }
    do {
        let input = try ProbeInput(json: bytes)
        var written = 0
        try input.run().writeJSON { written += $0.count }
        precondition(written > 0, "an accepted input wrote no output")
    } catch let refusal as ProbeInputError {
        // A refusal: its message must be one line of printable text.
        precondition(!refusal.description.unicodeScalars.contains { $0.properties.generalCategory == .control },
                     "a message with a control character: \(refusal.description.debugDescription)")
    } catch {
        preconditionFailure("the probe threw something other than a ProbeInputError: \(error)")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
import Foundation

// Exits 1, so that a script that runs this build by mistake does not pass as a fuzz run.
FileHandle.standardError.write(Data("FuzzProbe does nothing in a normal build; run scripts/fuzz.sh, which builds it with libFuzzer.\n".utf8))
exit(1)
#endif
