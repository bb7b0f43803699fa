import ArgumentParser
import Foundation
import GradientProbe

extension RNNLab {
    struct Probe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one forward pass and full BPTT on a model given as JSON and print every gradient.",
            discussion: """
            The input (format rnnlab-probe/1) names the cell (tanh, relu, lstm, gru), its weights by the lecture's names (W_xh, W_hh, b_h; W_xi … b_o; W_xr … b_hn), a batch x[b][t][d], optional h0 (and c0 for the LSTM), and the upstream gradient dh[b][t][k] of the loss L = Σ_{b,t} ⟨dh[b][t], h_t⟩.

            The output holds h (and c), grad.h (the total ∂L/∂h_t), grad.c, grad.x, grad.h0, grad.c0, every weight gradient, grad_h_norm (‖∂L/∂h_t‖ per step) and the singular values of each recurrent matrix. Numbers read back to the same double. A bad input prints one line on standard error naming the field and exits with status 2; nothing is printed on standard output.

            The input is strict JSON (RFC 8259, UTF-8) of at most \(ProbeLimits.maximumInputBytes >> 20) MiB, with hidden_size at most \(ProbeLimits.maximumHiddenSize), input_size at most \(ProbeLimits.maximumInputSize), a batch of at most \(ProbeLimits.maximumBatch), at most \(ProbeLimits.maximumSteps) time steps and B·T·(input_size + hidden_size) at most \(ProbeLimits.maximumSequenceEntries).

            Example:
              rnnlab probe Tests/EndToEndTests/Fixtures/probe-tanh.json | python3 -m json.tool
            """)

        @Argument(help: "The probe JSON file, or - for standard input.")
        var file: String

        func run() throws {
            do {
                let input = try ProbeInput(json: try ProbeSource(argument: file).read())
                try input.run().writeJSON { chunk in FileHandle.standardOutput.write(Data(chunk)) }
            } catch let e as ProbeInputError {
                fail(e.description)
            }
        }
    }
}

/// One line on standard error, exit status 2.
func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("rnnlab: \(message)\n".utf8))
    exit(status)
}
