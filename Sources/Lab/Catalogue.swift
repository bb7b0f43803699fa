/// The lab's catalogue: every kind of experiment, in lecture order. Adding a kind is one line
/// here; its file `experiments/NAME.toml`, its folder `Experiments/<Name>/` and its tests hold
/// the rest.
public enum Catalogue {
    public static let version = "0.2.0"

    /// Every kind the lab can run; a file selects one with `kind = "NAME"` (default: its own name).
    public static let experiments: [Experiment] = [
        Experiment(NGramVsRNNLM.self),            // 02 language models
        Experiment(CharRNNSamples.self),
        Experiment(BackpropThroughWhh.self),  // 03 BPTT and singular values
        Experiment(SingularValueSpectra.self),
        Experiment(JacobianProducts.self),
        Experiment(ClippingCliff.self),           // 04 gradient clipping
        Experiment(ClippingTraining.self),
        Experiment(IRNNAdding.self),              // 05 identity initialisation with ReLU
        Experiment(GradientNormsFourCells.self),  // 06 LSTM, 07 GRU
        Experiment(LSTMForgetBias.self),
        Experiment(GradientFlowTraining.self),
        Experiment(DeepBidirectional.self),       // 08 bidirectional and deep
        Experiment(EdgeOfChaos.self),  // 09 beyond the lecture
    ]
}
