#!/usr/bin/env bash
# Fuzzes the lab's two decoders of outside input with libFuzzer, each for a bounded time, from the
# committed seeds: the probe decoder (Sources/FuzzProbe, seeds in Tests/Fuzz/probe-corpus/) and
# the experiment-file decoder (Sources/FuzzExperimentFile, seeds in Tests/Fuzz/experiment-corpus/,
# each seed's first byte picks the file's name). Exits non-zero when an input crashes or traps,
# takes more than 10 s, or needs more than 1 GB; the input is left in .build-fuzz/artifacts/.
#
#   scripts/fuzz.sh [SECONDS]     (default 60, for each target)
#
# The targets are built apart from the normal build (their own scratch path), with
# -sanitize=fuzzer, lld (gold fails to link them) and -D RNNLAB_FUZZING, without which their
# main is a no-op, so that `swift build` builds and links them without libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
source scripts/setup.sh
rnnlab_setup
export RNNLAB_FUZZING=1   # Package.swift declares the fuzz targets only then
flags=(--scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld -Xswiftc -DRNNLAB_FUZZING)
swift build --product FuzzProbe "${flags[@]}"
swift build --product FuzzExperimentFile "${flags[@]}"
# Swift's own backtracer would catch a trap first and exit before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
artifacts=.build-fuzz/artifacts/
mkdir -p .build-fuzz/corpus/probe .build-fuzz/corpus/experiment "$artifacts"
# New inputs go to .build-fuzz/corpus/…; the committed seeds are only read.
# -max_len: room for the seeds (the largest probe seed is ~6 KB, the largest experiment file ~5 KB).
.build-fuzz/debug/FuzzProbe .build-fuzz/corpus/probe Tests/Fuzz/probe-corpus \
    -dict=Tests/Fuzz/probe.dict -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix="$artifacts" -print_final_stats=1
.build-fuzz/debug/FuzzExperimentFile .build-fuzz/corpus/experiment Tests/Fuzz/experiment-corpus \
    -dict=Tests/Fuzz/experiment.dict -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix="$artifacts" -print_final_stats=1
