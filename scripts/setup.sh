#!/usr/bin/env bash
# Installs what rnnlab needs beyond the Swift toolchain, once: OpenBLAS (cblas.h),
# LAPACKE (lapacke.h), gnuplot without X, and a Hangul font for Korean figure text
# (fonts-nanum: a 10 MB download, 33 MB installed, against 57 MB and 91 MB for
# fonts-noto-cjk, which also carries Chinese and Japanese the lab does not need), and KaTeX
# for the web book. Idempotent: when everything is present it installs nothing and says so.
# Sourced by main.sh and test.sh, or run alone.
set -euo pipefail

# fonts-nanum: Hangul for Korean figure text (see above).
# libjs-katex: KaTeX's script, style sheet and fonts, copied into the web book (`rnnlab book`)
# so that its math is typeset from file:// with no network.
RNNLAB_PACKAGES=(libopenblas-dev liblapacke-dev gnuplot-nox fonts-nanum libjs-katex)

rnnlab_missing_packages() {
    local p missing=()
    for p in "${RNNLAB_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    echo "${missing[@]:-}"
}

rnnlab_setup() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "setup: the Swift toolchain is not on PATH; install Swift 6 from swift.org first." >&2
        return 1
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "setup: this is not a Debian-like system; install OpenBLAS, LAPACKE and gnuplot with your package manager." >&2
        return 1
    fi
    local missing
    missing=$(rnnlab_missing_packages)
    if [ -z "$missing" ]; then
        echo "setup: system packages present (${RNNLAB_PACKAGES[*]})"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)   # asks for a password on a terminal; fails clearly without one
        else
            echo "setup: missing packages: $missing" >&2
            echo "setup: not root and sudo is not available; ask an administrator to run:" >&2
            echo "    apt-get update && apt-get install -y $missing" >&2
            return 1
        fi
    fi
    echo "setup: installing $missing"
    export DEBIAN_FRONTEND=noninteractive
    if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends $missing; }; then
        echo "setup: apt-get failed to install: $missing" >&2
        echo "setup: run by hand: sudo apt-get update && sudo apt-get install -y $missing" >&2
        return 1
    fi
    missing=$(rnnlab_missing_packages)
    if [ -n "$missing" ]; then
        echo "setup: still missing after apt-get: $missing" >&2
        return 1
    fi
    echo "setup: installed"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    rnnlab_setup
fi
