/// The Korean figure text: one table per experiment kind (`Korean.tables`, filled by the files
/// beside this one) and the rows they share.
enum Korean {
    static let tables: [String: [Translation.Row]] = [
        "backprop-through-whh": backpropThroughWhh,
        "char-rnn-samples": charRNNSamples,
        "clipping-cliff": clippingCliff,
        "clipping-training": clippingTraining,
        "deep-bidirectional": deepBidirectional,
        "edge-of-chaos": edgeOfChaos,
        "gradient-flow-training": gradientFlowTraining,
        "gradient-norms-four-cells": gradientNormsFourCells,
        "io-patterns": ioPatterns,
        "irnn-adding": irnnAdding,
        "jacobian-products": jacobianProducts,
        "lstm-forget-bias": lstmForgetBias,
        "ngram-vs-rnn-lm": ngramVsRNNLM,
        "rnn-diagrams": rnnDiagrams,
        "singular-value-spectra": singularValueSpectra,
        // The aggregate figures of `rnnlab sweep` (tried before the kind's own rows).
        "sweep": sweep,
    ]
    static let shared: [Translation.Row] = sharedRows
}
