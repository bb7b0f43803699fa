/// The lab's catalogue: every named experiment, in lecture order.
public enum Lab {
    public static let version = "0.1.0"

    /// Every experiment the lab can run; `experiments/NAME.toml` selects one by name.
    public static let experiments: [Experiment] = [
        ngramVsRNNLM,            // 02 language models
        charRNNSamples,
        backpropThroughWhh,      // 03 BPTT and singular values
        singularValueSpectra,
        jacobianProducts,
        clippingCliff,           // 04 gradient clipping
        clippingTraining,
        irnnAdding,              // 05 identity initialisation with ReLU
        gradientNormsFourCells,  // 06 LSTM, 07 GRU
        lstmForgetBias,
        gradientFlowTraining,
        deepBidirectional,       // 08 bidirectional and deep
        edgeOfChaos,             // 09 beyond the lecture
    ]
}
