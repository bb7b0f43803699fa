#!/usr/bin/env bash
# The web book and the lab server in a real browser: installs Debian's chromium and
# chromium-driver (test-only, so not in setup.sh), a Python virtual environment with selenium
# (PyPI) under .build/browser-venv, builds rnnlab and rnnlab-web if needed, and runs
# Tests/Browser/browser_test.py (all checks; `book` or `serve` runs one part). Screenshots of
# every chapter and of a run are left in .build/browser/screenshots/. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
rnnlab_setup

browser_packages=(chromium chromium-driver)
missing=()
for p in "${browser_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    echo "browser-tests: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

venv=.build/browser-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check selenium
fi

swift build --product rnnlab
swift build --product rnnlab-web
"$venv/bin/python" Tests/Browser/browser_test.py "$@"
