#!/usr/bin/env bash
# The README's test command: set up the system packages, then build and run every test.
# `swift build --build-tests` builds every product, the lab server rnnlab-web included, and
# `swift test` runs its tests (LabServerTests) with the others.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
rnnlab_setup
swift build --build-tests
swift test --skip-build "$@"
# The lecture chapters: every rnnlab command in notebooks-md/ runs, outputs, images and links check out.
# A chapter's `rnnlab run NAME --quick` reuses the identical run the tests just made in
# .build/quick-runs (same fingerprint), so each quick experiment is computed once per test run.
RNNLAB_REUSE_RUNS="$PWD/.build/quick-runs" .build/debug/rnnlab notebook check
