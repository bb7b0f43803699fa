#!/usr/bin/env bash
# Fuzzes the probe decoder (Sources/FuzzProbe) with libFuzzer for a bounded time, starting from
# the committed seeds in Tests/Fuzz/probe-corpus/. Exits non-zero when an input crashes or traps,
# takes more than 10 s, or needs more than 1 GB; the input is left in .build-fuzz/artifacts/.
#
#   scripts/fuzz.sh [SECONDS]     (default 60)
#
# The fuzz target is built apart from the normal build (its own scratch path), with
# -sanitize=fuzzer, lld (gold fails to link it) and -D RNNLAB_FUZZING, without which its
# main is a no-op, so that `swift build` builds and links it without libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
source scripts/setup.sh
rnnlab_setup
swift build --product FuzzProbe --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld -Xswiftc -DRNNLAB_FUZZING
corpus=.build-fuzz/corpus/probe         # new inputs go here; the committed seeds are only read
artifacts=.build-fuzz/artifacts/
mkdir -p "$corpus" "$artifacts"
# -max_len 8192: room for the seeds (the largest is ~6 KB); -rss_limit_mb also caps any one allocation.
exec .build-fuzz/debug/FuzzProbe "$corpus" Tests/Fuzz/probe-corpus \
    -dict=Tests/Fuzz/probe.dict -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix="$artifacts" -print_final_stats=1
