#!/usr/bin/env python3
"""Writes the probe fixtures for the end-to-end tests, with the numpy reference's output.

    python3 make_fixtures.py                       # rewrite ../Fixtures/probe-*.json
    python3 make_fixtures.py --random SEED         # one random input on standard output

Each fixture is Fixtures/probe-NAME.json beside Fixtures/probe-NAME.expected.json.
Sizes have D ≠ H, B ≥ 2, T ≥ 5; h0 (and c0) are present in some fixtures and absent
in others so both the given and the zero initial state are exercised.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_reference as ref  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Fixtures")

# name: (cell, seed, D, H, B, T, with h0, with c0)
FIXTURE_SPECS = {
    "tanh": ("tanh", 101, 3, 4, 2, 6, True, False),
    "relu": ("relu", 202, 4, 3, 3, 5, False, False),
    "lstm": ("lstm", 303, 3, 5, 2, 5, True, True),
    "lstm-h0-only": ("lstm", 404, 2, 3, 2, 5, True, False),
    "gru": ("gru", 505, 5, 4, 2, 6, False, False),
}

CELLS = ["tanh", "relu", "lstm", "gru"]


def random_for_seed(seed):
    """A random input whose cell, sizes and optional fields all follow from the seed."""
    cell = CELLS[seed % 4]
    sizes = [(3, 4, 2, 5), (4, 3, 3, 6), (2, 5, 2, 7), (5, 2, 4, 5)][(seed // 4) % 4]
    return ref.random_input(cell, seed, *sizes, with_h0=seed % 3 != 0, with_c0=seed % 2 == 0)


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f)
        f.write("\n")


def readable(obj, indent=""):
    """JSON with one key per line and every list on one line, for the README's example."""
    if not isinstance(obj, dict):
        return json.dumps(obj)
    inner = indent + "  "
    items = ",\n".join("%s%s: %s" % (inner, json.dumps(k), readable(v, inner)) for k, v in obj.items())
    return "{\n%s\n%s}" % (items, indent)


def example():
    """The README's example: tanh, D = H = 2, B = 1, T = 3, short decimals to read by eye."""
    return {
        "format": "rnnlab-probe/1",
        "cell": "tanh",
        "input_size": 2,
        "hidden_size": 2,
        "weights": {
            "W_xh": [[0.5, -0.25], [0.125, 0.75]],
            "W_hh": [[0.9, -0.3], [0.2, 0.8]],
            "b_h": [0.1, -0.1],
        },
        "x": [[[1, 0], [0, 1], [0.5, -0.5]]],
        "h0": [[0, 0]],
        "dh": [[[0, 0], [0, 0], [1, 0]]],
    }


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--random", type=int, metavar="SEED",
                    help="print one random probe input for SEED and exit")
    args = ap.parse_args(argv)
    if args.random is not None:
        print(json.dumps(random_for_seed(args.random)))
        return 0
    for name, (cell, seed, D, H, B, T, h0, c0) in FIXTURE_SPECS.items():
        inp = ref.random_input(cell, seed, D, H, B, T, with_h0=h0, with_c0=c0)
        write(os.path.join(FIXTURES, "probe-%s.json" % name), inp)
        write(os.path.join(FIXTURES, "probe-%s.expected.json" % name),
              ref.output_json(ref.probe(inp)))
        print("wrote probe-%s.json (%s, D=%d H=%d B=%d T=%d%s%s)" % (
            name, cell, D, H, B, T, ", h0" if h0 else "", ", c0" if c0 and cell == "lstm" else ""))
    ex = example()
    with open(os.path.join(FIXTURES, "probe-example.json"), "w") as f:
        f.write(readable(ex) + "\n")
    write(os.path.join(FIXTURES, "probe-example.expected.json"), ref.output_json(ref.probe(ex)))
    print("wrote probe-example.json (tanh, D=2 H=2 B=1 T=3)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
