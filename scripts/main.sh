#!/usr/bin/env bash
# The README's main command: set up the system packages, build rnnlab optimised, and run
# the lab's main job (all named experiments → figures in plots/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
rnnlab_setup
swift build -c release --product rnnlab
.build/release/rnnlab run --all "$@"
