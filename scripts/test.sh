#!/usr/bin/env bash
# The README's test command: set up the system packages, then build and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
rnnlab_setup
swift build --build-tests
swift test --skip-build "$@"
# The lecture chapters: every rnnlab command in notebooks-md/ runs, outputs, images and links check out.
.build/debug/rnnlab notebook check
