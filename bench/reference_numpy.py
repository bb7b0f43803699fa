#!/usr/bin/env python3
"""numpy reference of rnnlab's diagnostic BPTT workload (see workload.py), float64.

Explicit backpropagation through time, as a student would write it from the lecture:
the input projections of all steps are one matmul, each step does one matmul with W_hh
forward and one with W_hh backward, and the weight gradients are one matmul each over
all steps.

    python3 bench/reference_numpy.py                     # time every cell at the standard sizes
    python3 bench/reference_numpy.py --check FOLDER      # run rnnlab's problem, write the results
    python3 bench/reference_numpy.py --serve             # JSON requests on stdin (rnnlab bench --compare)

Threads: OPENBLAS_NUM_THREADS (read when numpy starts).
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workload  # noqa: E402


def logistic(v):
    return 1.0 / (1.0 + np.exp(-v))


def vanilla(relu, XW, W_hh, b_hh, G):
    T, B, H = G.shape
    hs = np.zeros((T + 1, B, H))                    # h_0 … h_T
    W_hhT = W_hh.T.copy()
    for t in range(T):                              # h_t = f(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
        a = XW[t] + hs[t] @ W_hhT + b_hh
        hs[t + 1] = np.maximum(a, 0.0) if relu else np.tanh(a)
    dA = np.empty((T, B, H))
    norms = np.empty(T)
    carry = np.zeros((B, H))                        # dL/dh_t through h_{t+1}
    for t in reversed(range(T)):
        dh = G[t] + carry                           # total dL/dh_t
        norms[t] = np.sqrt(np.einsum("ij,ij->", dh, dh))
        h = hs[t + 1]
        dA[t] = dh * (h > 0) if relu else dh * (1.0 - h * h)
        carry = dA[t] @ W_hh                        # W_hh^T da, the factor that vanishes or explodes
    return norms, hs, dA, dA


def lstm(XW, W_hh, b_hh, G):
    T, B, H = G.shape
    hs = np.zeros((T + 1, B, H)); cs = np.zeros((T + 1, B, H))
    acts = np.empty((T, B, 4 * H))                  # i, f, g, o after their non-linearities
    W_hhT = W_hh.T.copy()
    for t in range(T):
        a = XW[t] + hs[t] @ W_hhT + b_hh
        act = acts[t]
        act[:, :2 * H] = logistic(a[:, :2 * H])
        act[:, 2 * H:3 * H] = np.tanh(a[:, 2 * H:3 * H])
        act[:, 3 * H:] = logistic(a[:, 3 * H:])
        i, f, g, o = act[:, :H], act[:, H:2 * H], act[:, 2 * H:3 * H], act[:, 3 * H:]
        cs[t + 1] = f * cs[t] + i * g
        hs[t + 1] = o * np.tanh(cs[t + 1])
    dA = np.empty((T, B, 4 * H))
    norms = np.empty(T)
    dh_carry = np.zeros((B, H)); dc_carry = np.zeros((B, H))
    for t in reversed(range(T)):
        dh = G[t] + dh_carry
        norms[t] = np.sqrt(np.einsum("ij,ij->", dh, dh))
        act = acts[t]
        i, f, g, o = act[:, :H], act[:, H:2 * H], act[:, 2 * H:3 * H], act[:, 3 * H:]
        tc = np.tanh(cs[t + 1])
        dc = dc_carry + dh * o * (1.0 - tc * tc)
        da = dA[t]
        da[:, :H] = dc * g * i * (1.0 - i)
        da[:, H:2 * H] = dc * cs[t] * f * (1.0 - f)
        da[:, 2 * H:3 * H] = dc * i * (1.0 - g * g)
        da[:, 3 * H:] = dh * tc * o * (1.0 - o)
        dc_carry = dc * f
        dh_carry = da @ W_hh
    return norms, hs, dA, dA


def gru(XW, W_hh, b_hh, G):
    T, B, H = G.shape
    hs = np.zeros((T + 1, B, H))
    rzn = np.empty((T, B, 3 * H)); hn = np.empty((T, B, H))
    W_hhT = W_hh.T.copy()
    for t in range(T):
        gh = hs[t] @ W_hhT + b_hh
        rz = logistic(XW[t, :, :2 * H] + gh[:, :2 * H])
        r, z = rz[:, :H], rz[:, H:]
        hn[t] = gh[:, 2 * H:]
        n = np.tanh(XW[t, :, 2 * H:] + r * hn[t])
        rzn[t, :, :2 * H] = rz; rzn[t, :, 2 * H:] = n
        hs[t + 1] = z * hs[t] + (1.0 - z) * n
    dAx = np.empty((T, B, 3 * H)); dAh = np.empty((T, B, 3 * H))
    norms = np.empty(T)
    carry = np.zeros((B, H))
    for t in reversed(range(T)):
        dh = G[t] + carry
        norms[t] = np.sqrt(np.einsum("ij,ij->", dh, dh))
        r, z, n = rzn[t, :, :H], rzn[t, :, H:2 * H], rzn[t, :, 2 * H:]
        dn = dh * (1.0 - z) * (1.0 - n * n)
        dz = dh * (hs[t] - n) * z * (1.0 - z)
        dr = dn * hn[t] * r * (1.0 - r)
        dAx[t, :, :H] = dr; dAx[t, :, H:2 * H] = dz; dAx[t, :, 2 * H:] = dn
        dAh[t, :, :2 * H] = dAx[t, :, :2 * H]; dAh[t, :, 2 * H:] = dn * r
        carry = dh * z + dAh[t] @ W_hh
    return norms, hs, dAx, dAh


def bptt(cell, P):
    """Returns (norms, [dW_ih, dW_hh, db_ih, db_hh])."""
    x = P["x"]
    T, B, D = x.shape
    N = P["W_hh"].shape[0]
    X = x.reshape(T * B, D)
    XW = (X @ P["W_ih"].T + P["b_ih"]).reshape(T, B, N)
    if cell in ("tanh", "relu"):
        norms, hs, dAx, dAh = vanilla(cell == "relu", XW, P["W_hh"], P["b_hh"], P["G"])
    elif cell == "lstm":
        norms, hs, dAx, dAh = lstm(XW, P["W_hh"], P["b_hh"], P["G"])
    else:
        norms, hs, dAx, dAh = gru(XW, P["W_hh"], P["b_hh"], P["G"])
    dAx, dAh = dAx.reshape(T * B, N), dAh.reshape(T * B, N)
    H_prev = hs[:T].reshape(T * B, -1)
    return norms, [dAx.T @ X, dAh.T @ H_prev, dAx.sum(axis=0), dAh.sum(axis=0)]


def time_passes(cell, H, B, T, reps, warmup):
    P = workload.random_problem(cell, H, B, T)
    return workload.timed(lambda: bptt(cell, P), reps, warmup)


def dgemm_rate(n=2048, reps=3):
    rng = np.random.default_rng(0)
    A, Bm = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    A @ Bm
    best = []
    for _ in range(reps):
        t0 = time.perf_counter()
        A @ Bm
        best.append(2 * n ** 3 / (time.perf_counter() - t0) / 1e9)
    return sorted(best)[len(best) // 2]


def check(folder):
    meta, P = workload.read_problem(folder)
    norms, grads = bptt(meta["cell"], P)
    workload.write_result(folder, "numpy", norms, grads)


def hello():
    return {"impl": "numpy", "version": np.__version__,
            "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default")}


def main():
    workload.cli("numpy", __doc__, time_passes, check, hello,
                 {"dgemm": lambda r: {"gflops": dgemm_rate(r.get("n", 2048), r.get("reps", 3))}})


if __name__ == "__main__":
    main()
