#!/usr/bin/env bash
# `rnnlab bench --compare` with all three references: makes a Python virtual environment in
# .build/bench-venv with numpy, jax and torch (once; later runs reuse it), builds rnnlab
# optimised, and runs the comparison with the environment's python3 first on PATH, so the
# reference processes import from it. Arguments go to `rnnlab bench --compare`, e.g.
#   ./scripts/bench-compare.sh --check
#   taskset -c 0 ./scripts/bench-compare.sh --threads 1 --rounds 2
# torch: the CPU wheel from PyTorch's own index (about 200 MB) where that index is reachable,
# else PyPI's wheel, which also pulls several GB of CUDA libraries (unused here; it runs on the CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
rnnlab_setup

venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
if ! "$venv/bin/python" -c 'import numpy, jax' 2>/dev/null; then
    echo "bench-compare: installing numpy and jax in $venv"
    "${pip[@]}" numpy jax
fi
if ! "$venv/bin/python" -c 'import torch' 2>/dev/null; then
    echo "bench-compare: installing torch in $venv"
    # PEP 440 sorts 2.x.y+cpu after 2.x.y, so the CPU wheel wins whenever its index answers.
    "${pip[@]}" --extra-index-url https://download.pytorch.org/whl/cpu torch
fi

swift build -c release --product rnnlab
PATH="$PWD/$venv/bin:$PATH" .build/release/rnnlab bench --compare "$@"
