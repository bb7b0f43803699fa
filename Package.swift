// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The two libFuzzer targets exist only for scripts/fuzz.sh, which sets RNNLAB_FUZZING=1: the
/// normal build (and so `swift build --build-tests` in test.sh) does not compile and link two
/// programs whose main is a no-op without libFuzzer.
let fuzzing = ProcessInfo.processInfo.environment["RNNLAB_FUZZING"] == "1"

/// Release builds of the numeric modules use the vector unit of the machine that builds them
/// (`-target-cpu native`: AVX2 or wider instead of x86-64's baseline SSE2), so the element-wise
/// loops of the cells (Elementwise.exp/tanh/sigmoid) run 4 lanes at a time instead of 2. Swift
/// never fuses a·b + c into one rounding, so the numbers are the same bits as a baseline build
/// (every --quick run's data compared); a binary built here may not start on an older CPU.
/// RNNLAB_PORTABLE=1 builds for the baseline.
let numeric: [SwiftSetting] = ProcessInfo.processInfo.environment["RNNLAB_PORTABLE"] == "1" ? []
    : [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))]

let package = Package(
    name: "rnnlab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rnnlab", targets: ["rnnlab"]),
        // The local lab server (`rnnlab serve` starts it): its own product, so that building the
        // CLI never compiles SwiftNIO. `swift build --product rnnlab-web` builds it.
        .executable(name: "rnnlab-web", targets: ["rnnlab-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Markdown → HTML for the web book (its own parser; `$…$` math is shielded around it).
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // HTTP server for `rnnlab serve` only (SwiftNIO underneath): used by LabServer alone.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // HTTP field names (Origin, Sec-Fetch-Site): Hummingbird's own dependency, named for LabServer.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // OpenBLAS (cblas.h) and LAPACKE (lapacke.h): Debian's libopenblas-dev + liblapacke-dev.
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // The BPTT step kernel in C: W packed once per sequence, an AVX-512 micro-kernel, OpenBLAS's
        // summation order (include/step_kernel.h). Optimised in every configuration, so that the
        // debug build the tests use does not run a vector kernel at -O0.
        .target(name: "CStepKernel", cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off"])]),
        // Dense Float64 matrices, GEMM/SVD/eigenvalues/QR, the packed step GEMM, seeded RNG, initialisers.
        .target(name: "LinearAlgebra", dependencies: ["CLapack", "CStepKernel"], swiftSettings: numeric),
        // The four cells, the one BPTT loop, stacked and bidirectional wrappers.
        .target(name: "Recurrence", dependencies: ["LinearAlgebra"], swiftSettings: numeric),
        // The gradient probe format (rnnlab-probe/1): a strict JSON parser, bounded reading, the input's
        // checks against its limits, the run and the output.
        .target(name: "GradientProbe", dependencies: ["LinearAlgebra", "Recurrence"]),
        // `rnnlab bench`: the BPTT workload, the numpy/JAX reference processes and the comparison table.
        .target(name: "Benchmarking", dependencies: ["LinearAlgebra", "Recurrence"]),
        // The measurements behind the gradient-dynamics experiments: pure functions → Codable results.
        .target(name: "Dynamics", dependencies: ["LinearAlgebra", "Recurrence"], swiftSettings: numeric),
        // The one training stack: optimisers, clipping, the monitor, the training loop and its synthetic
        // tasks and readouts, the cliff's one-unit loss (primitives only).
        .target(name: "Training", dependencies: ["LinearAlgebra", "Recurrence"], swiftSettings: numeric),
        // Figures as values → gnuplot scripts and data; the one file that runs gnuplot.
        .target(name: "Plotting"),
        // Pictures without axes (an unrolled network, a cell's wiring) as values → SVG.
        .target(name: "Diagrams"),
        // Character corpora, n-gram and RNN language models, sampling; trained with Training's stack.
        .target(name: "LanguageModels", dependencies: ["LinearAlgebra", "Recurrence", "Training"], swiftSettings: numeric),
        // Experiment files (read by its own TOML 1.0 parser), the runner, outputs and manifests, the notebook checker.
        .target(name: "Lab", dependencies: [
            "LinearAlgebra", "Recurrence", "Dynamics", "Training", "LanguageModels", "Plotting", "Diagrams",
        ]),
        // The web book: chapters (one folder per language edition) → a static site with typeset
        // math, figures with captions and commands, source pages; and the lab's experiment pages.
        .target(name: "Book", dependencies: ["Lab", .product(name: "Ink", package: "Ink")]),
        // The local lab server: the book, experiment forms, queued and cached runs, progress by
        // server-sent events, same-origin checks. Hummingbird (SwiftNIO) enters the build here only.
        .target(name: "LabServer", dependencies: [
            "Book", "Lab", "Plotting", "LanguageModels", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "rnnlab-web", dependencies: [
            "LabServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The executable: subcommands only.
        .executableTarget(name: "rnnlab", dependencies: [
            "LinearAlgebra", "Recurrence", "GradientProbe", "Benchmarking", "Plotting", "Lab", "Book",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "RecurrenceTests", dependencies: ["Recurrence", "LinearAlgebra"]),
        .testTarget(name: "GradientProbeTests", dependencies: ["GradientProbe", "Recurrence", "LinearAlgebra"]),
        .testTarget(name: "DynamicsTests", dependencies: ["Dynamics", "LinearAlgebra", "Recurrence"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "LinearAlgebra", "Recurrence"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], resources: [.copy("Golden")]),
        .testTarget(name: "DiagramsTests", dependencies: ["Diagrams"]),
        .testTarget(name: "LanguageModelTests", dependencies: ["LanguageModels", "LinearAlgebra", "Recurrence", "Training"]),
        // The test run's one --quick run of each experiment, shared by LabTests and EndToEndTests.
        .target(name: "QuickRuns", dependencies: ["Lab", "Plotting"], path: "Tests/QuickRuns"),
        .testTarget(name: "LabTests", dependencies: ["Lab", "Training", "LinearAlgebra", "Plotting", "Diagrams", "QuickRuns"]),
        // Runs the built rnnlab binary; reference/ holds the numpy reference that wrote Fixtures/.
        .testTarget(name: "BookTests", dependencies: ["Book", "Lab"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LabServerTests", dependencies: ["LabServer", "Book", "Lab"]),
        .testTarget(name: "EndToEndTests", dependencies: ["QuickRuns"], exclude: ["reference"], resources: [.copy("Fixtures")]),
    ]
)

if fuzzing {
    package.targets += [
        // libFuzzer on the probe decoder (built by scripts/fuzz.sh: -sanitize=fuzzer -D RNNLAB_FUZZING).
        .executableTarget(name: "FuzzProbe", dependencies: ["GradientProbe"]),
        // libFuzzer on the experiment-file decoder (TOML → kind → typed settings); built the same way.
        .executableTarget(name: "FuzzExperimentFile", dependencies: ["Lab"]),
    ]
}
