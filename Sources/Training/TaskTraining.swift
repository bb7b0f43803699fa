import Foundation
import LinearAlgebra
import Recurrence

/// One training run: a model, a task, an optimiser and a clipping rule.
///
/// Data: every iteration draws B fresh sequences (an endless training set, as the synthetic
/// tasks allow); the held-out test set is drawn once from a different stream. Streams from one
/// `seed`: initial weights from `seed`, training data from `seed ^ 0xDA7A`, test data from
/// `seed ^ 0x7E57`, so runs that differ only in optimiser or clipping see the same weights and data.
///
/// Counting: "iteration k" means k updates done, so the training loss recorded at index k is
/// the loss at θ_k, before update k + 1. Evaluations and spectra are taken at θ_0 and every
/// `…Interval` updates, and after the last update.
public struct TrainingSettings: Codable, Sendable, Equatable {
    public var model: ModelSpec
    public var task: TaskSpec
    public var batch: Int                   // B; 20 as in Pascanu et al.'s code
    public var iterations: Int              // updates
    public var optimizer: OptimizerSettings
    public var clipping: Clipping
    public var seed: UInt64
    /// Evaluate on the test set every this many updates (0: only at the start and the end).
    public var evaluationInterval: Int
    /// Held-out sequences, evaluated in chunks of at most 100 (rounded up to whole chunks).
    public var testSequences: Int
    /// ρ and σ_max of every recurrent block every this many updates (0: only start and end).
    /// The default 1 records them at every iteration; an SVD and an eigenvalue problem of H×H
    /// per block is cheap for H ≤ 128, and long runs of large models choose a coarser interval.
    public var spectrumInterval: Int
    /// Also keep every singular value (not only σ_max) in each spectrum sample.
    public var recordSingularValues: Bool
    /// Iterations at which the whole profile ‖∂L/∂h_t‖, t = 1…T, is kept.
    public var profileIterations: [Int]
    /// Learning-rate schedule: η_k = η · decay^(k/iterations), a geometric decay from η to
    /// decay·η over the run (1: constant η). A large η finds the way off a plateau; the smaller
    /// η at the end lets the run settle instead of bouncing around the minimum it found.
    public var learningRateDecay: Double
    /// Stop early once the test loss has been below this value at `convergedEvaluations`
    /// evaluations in a row (0: never). The run then records `convergedAt`; its last evaluation
    /// is its final test loss. Saves the budget of runs that have finished learning.
    public var convergedTestLoss: Double
    public var convergedEvaluations: Int

    public init(model: ModelSpec, task: TaskSpec, batch: Int = 20, iterations: Int = 1000,
                optimizer: OptimizerSettings = .sgd(0.01), clipping: Clipping = .none, seed: UInt64 = 1,
                evaluationInterval: Int = 100, testSequences: Int = 1000, spectrumInterval: Int = 1,
                recordSingularValues: Bool = false, profileIterations: [Int] = [],
                learningRateDecay: Double = 1, convergedTestLoss: Double = 0, convergedEvaluations: Int = 3) {
        self.model = model
        self.task = task
        self.batch = batch
        self.iterations = iterations
        self.optimizer = optimizer
        self.clipping = clipping
        self.seed = seed
        self.evaluationInterval = evaluationInterval
        self.testSequences = testSequences
        self.spectrumInterval = spectrumInterval
        self.recordSingularValues = recordSingularValues
        self.profileIterations = profileIterations
        self.learningRateDecay = learningRateDecay
        self.convergedTestLoss = convergedTestLoss
        self.convergedEvaluations = convergedEvaluations
    }

    enum CodingKeys: String, CodingKey {
        case model, task, batch, iterations, optimizer, clipping, seed, evaluationInterval, testSequences
        case spectrumInterval, recordSingularValues, profileIterations
        case learningRateDecay, convergedTestLoss, convergedEvaluations
    }

    /// Decodes settings written before the schedule and the early stop existed (they default to off).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(ModelSpec.self, forKey: .model)
        task = try c.decode(TaskSpec.self, forKey: .task)
        batch = try c.decode(Int.self, forKey: .batch)
        iterations = try c.decode(Int.self, forKey: .iterations)
        optimizer = try c.decode(OptimizerSettings.self, forKey: .optimizer)
        clipping = try c.decode(Clipping.self, forKey: .clipping)
        seed = try c.decode(UInt64.self, forKey: .seed)
        evaluationInterval = try c.decode(Int.self, forKey: .evaluationInterval)
        testSequences = try c.decode(Int.self, forKey: .testSequences)
        spectrumInterval = try c.decode(Int.self, forKey: .spectrumInterval)
        recordSingularValues = try c.decode(Bool.self, forKey: .recordSingularValues)
        profileIterations = try c.decode([Int].self, forKey: .profileIterations)
        learningRateDecay = try c.decodeIfPresent(Double.self, forKey: .learningRateDecay) ?? 1
        convergedTestLoss = try c.decodeIfPresent(Double.self, forKey: .convergedTestLoss) ?? 0
        convergedEvaluations = try c.decodeIfPresent(Int.self, forKey: .convergedEvaluations) ?? 3
    }

    /// η at update k + 1 (k updates done): η · decay^(k/iterations).
    public func learningRate(after k: Int) -> Double {
        let eta = optimizer.learningRate
        guard learningRateDecay != 1, iterations > 0 else { return eta }
        return eta * pow(learningRateDecay, Double(k) / Double(iterations))
    }
}

/// The spectrum of each recurrent block W_h· at one iteration.
public struct SpectrumSample: Codable, Sendable, Equatable {
    public var iteration: Int
    /// Block names: ["W_hh"] for tanh/ReLU, ["W_hi", "W_hf", "W_hg", "W_ho"], ["W_hr", "W_hz", "W_hn"].
    public var blocks: [String]
    public var spectralRadius: [Double]             // ρ per block
    public var largestSingularValue: [Double]       // σ_max per block
    public var singularValues: [[Double]]?          // all σ per block, descending (when recorded)
}

/// ‖∂L/∂h_t‖ for t = 1…T at one iteration (Frobenius norm over the batch).
public struct GradientProfile: Codable, Sendable, Equatable {
    public var iteration: Int
    public var norms: [Double]
}

/// Test-set loss (MSE).
public struct Evaluation: Codable, Sendable, Equatable {
    public var iteration: Int
    public var loss: Double
}

/// Everything one run recorded. Every stored number is finite: a non-finite loss or gradient
/// ends the run and is described in `divergence` instead of stored.
public struct TrainingRun: Codable, Sendable {
    public var settings: TrainingSettings
    public var parameterCount: Int
    /// Updates done (equals `settings.iterations` unless the run diverged, converged early or was cancelled).
    public var iterationsRun: Int
    /// Training loss at θ_k, k = 0 ..< iterationsRun (plus the diverging step's loss when finite).
    public var losses: [Double] = []
    /// Global gradient norm over all parameters, before and after clipping.
    public var gradientNormBefore: [Double] = []
    public var gradientNormAfter: [Double] = []
    public var clipped: [Bool] = []
    public var spectra: [SpectrumSample] = []
    public var gradientProfiles: [GradientProfile] = []
    public var evaluations: [Evaluation] = []
    public var divergence: Divergence?
    /// The update after which the run stopped because its test loss had stayed below
    /// `settings.convergedTestLoss` (nil: it ran to the end, diverged or was cancelled).
    public var convergedAt: Int?

    public var diverged: Bool { divergence != nil }
    /// Share of recorded iterations where the clipping rule fired.
    public var clippedShare: Double { clipped.isEmpty ? 0 : Double(clipped.filter { $0 }.count) / Double(clipped.count) }
    /// Mean training loss over the last min(10, n) recorded iterations (minibatch losses are noisy).
    public var finalLoss: Double? {
        guard !losses.isEmpty else { return nil }
        let tail = losses.suffix(10)
        return tail.reduce(0, +) / Double(tail.count)
    }
    public var finalTestLoss: Double? { evaluations.last?.loss }

    enum CodingKeys: String, CodingKey {
        case settings, parameterCount, iterationsRun, losses, gradientNormBefore, gradientNormAfter, clipped
        case spectra, gradientProfiles, evaluations, divergence, convergedAt
        case diverged, clippedShare, finalLoss, finalTestLoss
    }

    init(settings: TrainingSettings, parameterCount: Int) {
        self.settings = settings
        self.parameterCount = parameterCount
        iterationsRun = 0
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        settings = try c.decode(TrainingSettings.self, forKey: .settings)
        parameterCount = try c.decode(Int.self, forKey: .parameterCount)
        iterationsRun = try c.decode(Int.self, forKey: .iterationsRun)
        losses = try c.decode([Double].self, forKey: .losses)
        gradientNormBefore = try c.decode([Double].self, forKey: .gradientNormBefore)
        gradientNormAfter = try c.decode([Double].self, forKey: .gradientNormAfter)
        clipped = try c.decode([Bool].self, forKey: .clipped)
        spectra = try c.decode([SpectrumSample].self, forKey: .spectra)
        gradientProfiles = try c.decode([GradientProfile].self, forKey: .gradientProfiles)
        evaluations = try c.decode([Evaluation].self, forKey: .evaluations)
        divergence = try c.decodeIfPresent(Divergence.self, forKey: .divergence)
        convergedAt = try c.decodeIfPresent(Int.self, forKey: .convergedAt)
    }

    /// Encodes the series and the headline numbers (diverged, clippedShare, final losses).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(settings, forKey: .settings)
        try c.encode(parameterCount, forKey: .parameterCount)
        try c.encode(iterationsRun, forKey: .iterationsRun)
        try c.encode(losses, forKey: .losses)
        try c.encode(gradientNormBefore, forKey: .gradientNormBefore)
        try c.encode(gradientNormAfter, forKey: .gradientNormAfter)
        try c.encode(clipped, forKey: .clipped)
        try c.encode(spectra, forKey: .spectra)
        try c.encode(gradientProfiles, forKey: .gradientProfiles)
        try c.encode(evaluations, forKey: .evaluations)
        try c.encodeIfPresent(divergence, forKey: .divergence)
        try c.encodeIfPresent(convergedAt, forKey: .convergedAt)
        try c.encode(diverged, forKey: .diverged)
        try c.encode(clippedShare, forKey: .clippedShare)
        try c.encodeIfPresent(finalLoss, forKey: .finalLoss)
        try c.encodeIfPresent(finalTestLoss, forKey: .finalTestLoss)
    }
}

/// A synthetic task as the training loop's batch source: every update draws B fresh sequences
/// from the data stream and starts them from h_0 = 0 (and c_0 = 0).
///
/// Forward: the cell through T steps (BPTT), then the readout at the scored steps. Backward:
/// the loss gradient dY goes back through the readout and enters BPTT as dhLoss = W_yᵀ dY at the
/// scored steps; the cell and readout gradients form one flat g = (W_x, W_h, b, b_hn, W_y, b_y).
final class TaskBatchSource: BatchSource {
    private(set) var cell: CellParameters
    private(set) var readout: ReadoutParameters
    let bptt: BPTT
    private let head: ReadoutWorkspace
    private var data: TaskBatch
    private var dataRNG: SeededGenerator

    init(spec: TaskSpec, batch B: Int, cell: CellParameters, readout: ReadoutParameters, dataRNG: SeededGenerator) {
        self.cell = cell
        self.readout = readout
        self.dataRNG = dataRNG
        bptt = BPTT(kind: cell.kind, inputSize: spec.inputSize, hiddenSize: cell.hiddenSize, batch: B, steps: spec.steps)
        bptt.computeInputGradient = false
        head = ReadoutWorkspace(hiddenSize: cell.hiddenSize, outputSize: spec.outputSize, batch: B, lossSteps: spec.lossSteps)
        data = TaskBatch(spec: spec, batch: B)
    }

    var parameterCount: Int { FlatParameters.count(cell, readout) }
    func gatherParameters(into θ: inout [Double]) { FlatParameters.gather(cell, readout, into: &θ) }
    func scatterParameters(_ θ: [Double]) { FlatParameters.scatter(θ, into: &cell, &readout) }

    func lossAndGradient(into g: inout [Double]) -> Double {
        data.fill(using: &dataRNG)                              // a fresh batch
        data.x.withRef { bptt.x.copy(from: $0) }
        bptt.h(0).fill(0); bptt.c(0)?.fill(0)
        bptt.forward(cell)
        let loss = head.forward(readout, hs: bptt.hs, targets: data.targets)
        guard loss.isFinite else { return loss }
        head.backward(readout, dhLoss: bptt.dhLoss)             // dhLoss = W_yᵀ dY at the scored steps
        bptt.backward(cell)
        FlatParameters.gather(bptt.gradients, head.gradients, into: &g)
        return loss
    }
}

/// Trains one model on a synthetic task (see `TrainingSettings` for data, seeds and counting)
/// with the one training loop (`runTrainingLoop`): a `TaskBatchSource`, `settings.clipping` on
/// the global norm over ALL parameters, `settings.optimizer` with η_k from the schedule.
///
/// Divergence is an outcome: a non-finite loss or gradient norm stops the run, recorded in
/// `divergence` (iteration and reason). `monitor` sees every update (its loss) and is polled
/// before each; cancelling throws `Cancelled` with the updates done.
public func train(_ settings: TrainingSettings, monitor: Monitor = .silent) throws -> TrainingRun {
    let spec = settings.task, m = settings.model
    spec.validate()
    precondition(settings.batch >= 1 && settings.iterations >= 0 && m.hiddenSize >= 1,
                 "train: B = \(settings.batch), iterations = \(settings.iterations), H = \(m.hiddenSize)")
    precondition(settings.learningRateDecay > 0 && settings.convergedTestLoss >= 0 && settings.convergedEvaluations >= 1,
                 "train: learning-rate decay \(settings.learningRateDecay), converged test loss \(settings.convergedTestLoss), evaluations \(settings.convergedEvaluations)")
    let D = spec.inputSize, O = spec.outputSize, H = m.hiddenSize, T = spec.steps

    var initRNG = SeededGenerator(seed: settings.seed)
    var testRNG = SeededGenerator(seed: settings.seed ^ 0x7E57)
    let cell = m.makeCell(inputSize: D, using: &initRNG)
    let readout = m.makeReadout(outputSize: O, using: &initRNG)
    let source = TaskBatchSource(spec: spec, batch: settings.batch, cell: cell, readout: readout,
                                 dataRNG: SeededGenerator(seed: settings.seed ^ 0xDA7A))

    // The held-out set, in chunks of at most 100 sequences.
    let evalB = max(1, min(settings.testSequences, 100))
    let chunks = max(1, (settings.testSequences + evalB - 1) / evalB)
    let testSet = (0..<chunks).map { _ in TaskBatch(spec: spec, batch: evalB, using: &testRNG) }
    var evalWork: (BPTT, ReadoutWorkspace)?

    var run = TrainingRun(settings: settings, parameterCount: source.parameterCount)
    let profileAt = Set(settings.profileIterations)

    func evaluate(_ k: Int) {
        if evalWork == nil {
            evalWork = (BPTT(kind: m.kind.cell, inputSize: D, hiddenSize: H, batch: evalB, steps: T),
                        ReadoutWorkspace(hiddenSize: H, outputSize: O, batch: evalB, lossSteps: spec.lossSteps))
        }
        let (net, out) = evalWork!
        var loss = 0.0
        for chunk in testSet {
            chunk.x.withRef { net.x.copy(from: $0) }
            net.h(0).fill(0); net.c(0)?.fill(0)
            net.forward(source.cell)
            loss += out.forward(source.readout, hs: net.hs, targets: chunk.targets)
        }
        loss /= Double(testSet.count)
        guard loss.isFinite else { return }
        run.evaluations.append(Evaluation(iteration: k, loss: loss))
    }

    func spectrum(_ k: Int) {
        var rho: [Double] = [], smax: [Double] = [], all: [[Double]] = []
        let names = m.kind.cell.recurrentWeightNames
        for name in names {
            let W = source.cell[name]
            guard W.isFinite, let s = try? singularValues(W), let r = try? spectralRadius(W) else { return }
            rho.append(r); smax.append(s.first ?? 0); all.append(s)
        }
        run.spectra.append(SpectrumSample(iteration: k, blocks: names, spectralRadius: rho, largestSingularValue: smax,
                                          singularValues: settings.recordSingularValues ? all : nil))
    }

    /// The last `convergedEvaluations` evaluations after θ_0 are all below `convergedTestLoss`.
    func hasConverged() -> Bool {
        let n = settings.convergedEvaluations
        guard settings.convergedTestLoss > 0 else { return false }
        let recent = run.evaluations.filter { $0.iteration > 0 }.suffix(n)
        return recent.count == n && recent.allSatisfy { $0.loss < settings.convergedTestLoss }
    }

    let evalEvery = settings.evaluationInterval, specEvery = settings.spectrumInterval
    evaluate(0)
    spectrum(0)
    let end = try runTrainingLoop(
        source, iterations: settings.iterations, optimizer: settings.optimizer, clipping: settings.clipping,
        learningRate: settings.learningRate(after:), monitor: monitor, stage: m.kind.rawValue,
        afterGradient: { k, _ in
            if profileAt.contains(k) { run.gradientProfiles.append(GradientProfile(iteration: k, norms: source.bptt.gradHNorm)) }
        },
        afterUpdate: { step in
            run.losses.append(step.loss)
            run.gradientNormBefore.append(step.clip.normBefore)
            run.gradientNormAfter.append(step.clip.normAfter)
            run.clipped.append(step.clip.clipped)
            let k = step.updates
            run.iterationsRun = k
            let done = k == settings.iterations
            var converged = false
            if done || (evalEvery > 0 && k % evalEvery == 0) {
                evaluate(k)
                converged = !done && hasConverged()
            }
            if done || converged || (specEvery > 0 && k % specEvery == 0) { spectrum(k) }
            if converged { run.convergedAt = k }
            return converged
        })
    if case .diverged(let divergence, let loss) = end {
        if loss.isFinite { run.losses.append(loss) }         // the step whose gradient was not finite
        run.divergence = divergence
    }
    return run
}
