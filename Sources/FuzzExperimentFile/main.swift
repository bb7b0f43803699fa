// libFuzzer on the experiment-file decoder: every input, read as the text of
// experiments/NAME.toml for each name the fuzzer picks, must either be refused with one
// ExperimentFileError of one printable line, or decode into a kind's typed settings. A trap, a
// crash, a leak past -rss_limit_mb or a hang is a finding.
//
// Built only by scripts/fuzz.sh, with `-sanitize=fuzzer -D RNNLAB_FUZZING`; in the normal build
// this is a program that says how to fuzz and exits 1 (LLVMFuzzerRunDriver exists only in
// libFuzzer, so the package could not link otherwise).

#if RNNLAB_FUZZING
import Foundation
import Lab

/// The first byte picks the file's name: a kind's own name (so `kind` may be left out), or a
/// variant's (so the text must say which kind it is).
private let names = Catalogue.experiments.map(\.name) + ["zz-variant"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let name = names[Int(data[0]) % names.count]
    let bytes = Data(bytes: data + 1, count: size - 1)
    do {
        _ = try checkExperimentBytes(bytes, name: name)
    } catch let refusal as ExperimentFileError {
        let text = refusal.description
        precondition(!text.unicodeScalars.contains { $0.properties.generalCategory == .control },
                     "a message with a control character: \(text.debugDescription)")
        precondition(text.hasPrefix("experiments/\(name).toml"), "a message that does not name the file: \(text)")
    } catch {
        preconditionFailure("the decoder threw something other than an ExperimentFileError: \(error)")
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
FileHandle.standardError.write(Data("FuzzExperimentFile does nothing in a normal build; run scripts/fuzz.sh, which builds it with libFuzzer.\n".utf8))
exit(1)
#endif
