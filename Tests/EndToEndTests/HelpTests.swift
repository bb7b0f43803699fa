import Foundation
import Testing

@Test("rnnlab --help exits 0 and lists the subcommands")
func rootHelp() throws {
    let result = try Rnnlab.run(["--help"])
    #expect(result.status == 0)
    for word in ["USAGE: rnnlab <subcommand>", "probe", "bench", "rnnlab-probe/1"] {
        #expect(result.stdoutText.contains(word), "rnnlab --help does not mention \(word)")
    }
}

@Test("rnnlab probe --help exits 0 and names the input and output fields")
func probeHelp() throws {
    let result = try Rnnlab.run(["probe", "--help"])
    #expect(result.status == 0)
    for word in ["USAGE: rnnlab probe <file>", "- for standard input", "rnnlab-probe/1",
                 "tanh, relu, lstm, gru", "W_xh", "W_hh", "b_h", "b_hn", "x[b][t][d]", "h0", "c0", "dh[b][t][k]",
                 "grad.h", "grad.x", "grad_h_norm", "singular values", "status 2"] {
        #expect(result.stdoutText.contains(word), "rnnlab probe --help does not mention \(word)")
    }
}
