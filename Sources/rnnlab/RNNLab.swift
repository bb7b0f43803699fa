import ArgumentParser
import Foundation

@main
struct RNNLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnnlab",
        abstract: "A gradient-dynamics laboratory for recurrent networks: see why plain RNNs forget.",
        discussion: """
        rnnlab computes real series — singular values of W_hh, per-timestep gradient norms ‖∂L/∂h_t‖ through backpropagation through time (BPTT), Jacobian products, Lyapunov exponents, the effect of gradient clipping — for the tanh RNN, the identity-initialised ReLU RNN (IRNN), the LSTM and the GRU, and draws them with gnuplot.

        Start here (from the repository's root):
          rnnlab list                          the named experiments, in lecture order
          rnnlab run backprop-through-whh      compute one; figures land in plots/NAME/
          rnnlab results backprop-through-whh  the numbers to read off the figures
          rnnlab sweep backprop-through-whh --vary seed=1..6 --quick --jobs 2
                                               the same run over six seeds, aggregated
          rnnlab show edge-of-chaos --set sizes=[300]
                                               what a run with that override computes
          rnnlab probe Tests/EndToEndTests/Fixtures/probe-example.json
                                               check a hand-derived gradient

        The lecture chapters in notebooks-md/ use these commands. Every pass is exact Float64 arithmetic on OpenBLAS/LAPACK; the probe format (rnnlab-probe/1) lets any outside implementation be compared with the lab number for number.
        """,
        subcommands: [List.self, Show.self, Run.self, SweepCommand.self, Plot.self, Results.self, Notebook.self, BookCommand.self, Serve.self, Probe.self, Sample.self, CorpusCommand.self, Bench.self]
    )

    /// ArgumentParser exits 64 on a bad option; the README promises 2 for every bad option or
    /// file, so usage errors are mapped to 2 here (help and version still exit 0).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            if status == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
