/// The lab's catalogue: every kind of experiment, in lecture order. Adding a kind is one line
/// here; its file `experiments/NAME.toml`, its folder `Experiments/<Name>/` and its tests hold
/// the rest.
public enum Catalogue {
    public static let version = "0.2.0"

    /// Every kind the lab can run; a file selects one with `kind = "NAME"` (default: its own name).
    public static let kinds: [any ExperimentKind.Type] = [
        IOPatterns.self,              // 01 recurrence; 06–08 draw rnn-diagrams
        RNNDiagrams.self,
        NGramVsRNNLM.self,            // 02 language models
        CharRNNSamples.self,
        BackpropThroughWhh.self,      // 03 BPTT and singular values
        SingularValueSpectra.self,
        JacobianProducts.self,
        ClippingCliff.self,           // 04 gradient clipping
        ClippingTraining.self,
        IRNNAdding.self,              // 05 identity initialisation with ReLU
        GradientNormsFourCells.self,  // 06 LSTM, 07 GRU
        LSTMForgetBias.self,
        GradientFlowTraining.self,
        DeepBidirectional.self,       // 08 bidirectional and deep
        EdgeOfChaos.self,             // 09 beyond the lecture
    ]

    /// The kinds as the runner holds them.
    public static let experiments: [Experiment] = kinds.map { Experiment($0) }
}
