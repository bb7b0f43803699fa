"""The diagnostic BPTT workload of `rnnlab bench`, shared by the numpy, JAX and PyTorch references.

One pass: for a cell in {tanh, relu, lstm, gru}, D = H // 2, float64, h_0 = c_0 = 0,
run the sequence forward, take L = sum_t <G_t, h_t>, backpropagate through time, and
return the per-step norms ||dL/dh_t|| (Frobenius over the batch, of the total gradient
at h_t) and the parameter gradients dW_ih, dW_hh, db_ih, db_hh. No gradient w.r.t. x.

Layout is PyTorch's (gate order i,f,g,o and r,z,n; W_ih is N x D, N = gates * H) with
batch-major arrays x (T, B, D), G (T, B, H).  PyTorch's default init U(-1/sqrt H, 1/sqrt H).
GEMM flops of one pass: 2 T B N (2D + 3H) (forward x W_ih^T and h W_hh^T, backward
da W_hh, weight gradients da^T x and da^T h).

The check protocol (rnnlab bench --compare --check): rnnlab writes its own problem as raw
little-endian float64 files into a folder with problem.json; a reference reads them,
computes the pass and writes its results beside them (see `read_problem`, `write_result`).
"""
import json
import os
import sys
import time

import numpy as np

GATES = {"tanh": 1, "relu": 1, "lstm": 4, "gru": 3}
SIZES = ((32, 16, 100), (128, 32, 200), (512, 32, 200))


def gemm_flops(cell, H, B, T):
    D, N = H // 2, GATES[cell] * H
    return 2 * T * B * N * (2 * D + 3 * H)


def random_problem(cell, H, B, T, seed=0):
    """Weights W_ih (N, D), W_hh (N, H), b_ih, b_hh (N,), inputs x (T, B, D), G (T, B, H)."""
    D, N = H // 2, GATES[cell] * H
    rng = np.random.default_rng(seed)
    bound = H ** -0.5
    return dict(W_ih=rng.uniform(-bound, bound, (N, D)), W_hh=rng.uniform(-bound, bound, (N, H)),
                b_ih=rng.uniform(-bound, bound, N), b_hh=rng.uniform(-bound, bound, N),
                x=rng.standard_normal((T, B, D)), G=rng.standard_normal((T, B, H)))


def timed(one_pass, reps, warmup):
    """Milliseconds of each of `reps` calls of one_pass() after `warmup` untimed calls."""
    for _ in range(warmup):
        one_pass()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        one_pass()
        times.append((time.perf_counter() - t0) * 1e3)
    return times


def _load(folder, name, shape):
    return np.fromfile(os.path.join(folder, name + ".f64"), dtype="<f8").reshape(shape)


def read_problem(folder):
    """rnnlab's problem: its column-major W_x (N x D) and W_h, one bias b (N) plus the GRU's
    b_hn (H), x and G with column t*B + b for step t, batch element b. In PyTorch's terms
    b_ih = b and b_hh = 0, except the GRU's n-block of b_hh, which is b_hn."""
    with open(os.path.join(folder, "problem.json")) as f:
        meta = json.load(f)
    cell, H, B, T = meta["cell"], meta["hidden"], meta["batch"], meta["steps"]
    D, N = H // 2, GATES[cell] * H
    b_hh = np.zeros(N)
    if cell == "gru":
        b_hh[2 * H:] = _load(folder, "b_hn", (H,))
    P = dict(W_ih=_load(folder, "W_x", (D, N)).T, W_hh=_load(folder, "W_h", (H, N)).T,
             b_ih=_load(folder, "b", (N,)), b_hh=b_hh,
             x=_load(folder, "x", (T, B, D)), G=_load(folder, "G", (T, B, H)))
    return meta, P


def write_result(folder, prefix, norms, grads):
    """norms (T,), then dW_ih, dW_hh (written column-major, as rnnlab stores them), db_ih, db_hh."""
    dW_ih, dW_hh, db_ih, db_hh = (np.asarray(g, dtype="<f8") for g in grads)
    for name, v in (("norms", norms), ("dW_ih", dW_ih.T), ("dW_hh", dW_hh.T), ("db_ih", db_ih), ("db_hh", db_hh)):
        np.ascontiguousarray(np.asarray(v, dtype="<f8")).tofile(os.path.join(folder, f"{prefix}_{name}.f64"))


def serve(time_passes, check, hello, more=None):
    """One JSON request per line on stdin, one JSON answer per line on stdout (ReferenceServer.swift):
    {"op": "hello"}, {"op": "time", "cell", "H", "B", "T", "reps", "warmup"} → {"times_ms": [...]},
    {"op": "check", "folder"} → {"ok": true}, and the reference's own ops in `more`; any other op ends it."""
    ops = {"hello": lambda r: hello(),
           "time": lambda r: {"times_ms": time_passes(r["cell"], r["H"], r["B"], r["T"], r["reps"], r["warmup"])},
           "check": lambda r: check(r["folder"]) or {"ok": True}}
    ops.update(more or {})
    for line in sys.stdin:
        req = json.loads(line)
        if req["op"] not in ops:
            break
        print(json.dumps(ops[req["op"]](req)), flush=True)


def cli(impl, doc, time_passes, check, hello, more=None):
    """The command line every reference shares: --check FOLDER, --serve, or a timing table."""
    import argparse
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--check", metavar="FOLDER")
    ap.add_argument("--serve", action="store_true")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=2)
    a = ap.parse_args()
    if a.check:
        check(a.check)
    elif a.serve:
        serve(time_passes, check, hello, more)
    else:
        for H, B, T in SIZES:
            for cell in GATES:
                times = time_passes(cell, H, B, T, a.reps, a.warmup)
                print(json.dumps({"impl": impl, "cell": cell, "H": H, "B": B, "T": T,
                                  "median_ms": float(np.median(times))}), flush=True)
