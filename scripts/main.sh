#!/usr/bin/env bash
# The README's main command: set up the system packages, build rnnlab optimised, and run the
# lab's main job: all named experiments → figures in plots/, one run per core at a time, the
# longest first, so the whole set ends near its total time divided by the cores. Then draw the
# same runs' figures in Korean for the Korean chapters (plots/ko/; redrawn from the saved
# figures, nothing is computed twice).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
rnnlab_setup
swift build -c release --product rnnlab
.build/release/rnnlab run --all "$@"
.build/release/rnnlab run --all --lang ko "$@"
