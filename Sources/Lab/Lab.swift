/// The lab's catalogue: every named experiment, in lecture order.
public enum Lab {
    public static let version = "0.1.0"

    /// Every experiment the lab can run; `experiments/NAME.toml` selects one by name.
    public static let experiments: [Experiment] = [
        backpropThroughWhh,
        singularValueSpectra,
        jacobianProducts,
        gradientNormsFourCells,
        lstmForgetBias,
        edgeOfChaos,
        ngramVsRNNLM,
        charRNNSamples,
        deepBidirectional,
    ]
}
