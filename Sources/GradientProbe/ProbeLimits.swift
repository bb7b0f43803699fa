/// The limits of `rnnlab probe`, each declared once.
///
/// A probe checks a derivation or compares an outside implementation with the lab; it is
/// not a training run (the fixtures are H = 4, B = 2, T = 6). The limits sit far above any
/// such check, and keep the worst input they accept to about half a gigabyte and a minute.
/// Every one is checked before the model is allocated: the declared sizes against these
/// limits and against the arrays actually given, so a short file cannot ask for a large model.
public enum ProbeLimits {
    /// The probe file, or standard input, at most 64 MiB; enforced while reading, so a
    /// larger file is refused from its size and a stream after 64 MiB + 1 bytes. An LSTM
    /// with H = 512, D = 256 written at 17 significant digits takes about 31 MB.
    public static let maximumInputBytes = 64 << 20

    /// hidden_size H at most 2048: the singular values of W_hh cost O(H³), seconds at this size.
    public static let maximumHiddenSize = 2048

    /// input_size D at most 2048, the same bound as H.
    public static let maximumInputSize = 2048

    /// The batch B (x's first axis) at most 1024.
    public static let maximumBatch = 1024

    /// The time steps T (x's second axis) at most 10 000.
    public static let maximumSteps = 10_000

    /// B·T·(D + H), the numbers in x and dh together, at most 2²² (≈ 4.2 million).
    /// BPTT keeps about a dozen buffers of this order (the LSTM's four gates, states and
    /// their gradients), so this bounds its memory to about half a gigabyte (an LSTM at the
    /// limit, H = 64, B·T = 64 512, peaked at 484 MB).
    public static let maximumSequenceEntries = 1 << 22

    /// JSON nesting at most 16 deep; the probe's deepest value, x[b][t][d], is 4 deep.
    /// Bounds the recursive parser's stack.
    public static let maximumDepth = 16
}
