import ArgumentParser

@main
struct RNNLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnnlab",
        abstract: "A gradient-dynamics laboratory for recurrent networks: see why plain RNNs forget.",
        discussion: """
        rnnlab computes real series — singular values of W_hh, per-timestep gradient norms ‖∂L/∂h_t‖ through backpropagation through time (BPTT), Jacobian products, the effect of gradient clipping — for the tanh RNN, the identity-initialised ReLU RNN (IRNN), the LSTM and the GRU, and draws them with gnuplot.

        Start here:
          rnnlab probe Tests/EndToEndTests/Fixtures/probe-example.json   check a hand-derived gradient against the lab
          rnnlab bench                            time forward + BPTT for every cell

        Every pass is exact Float64 arithmetic on OpenBLAS/LAPACK; the probe format (rnnlab-probe/1) lets any outside implementation be compared number for number.
        """,
        subcommands: [List.self, Show.self, Run.self, Plot.self, Results.self, Notebook.self, Probe.self, Bench.self]
    )
}
