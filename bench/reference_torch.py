#!/usr/bin/env python3
"""PyTorch reference of rnnlab's diagnostic BPTT workload (see workload.py), float64, autograd.

The cell loop a student writes with PyTorch: a Python loop over t of one cell step (the
equations, gate order and layout of reference_numpy.py), then backward() on
L = Σ_t ⟨G_t, h_t⟩; autograd does the backpropagation through time. Each h_t keeps its
gradient (retain_grad), which is the total ∂L/∂h_t, so ‖∂L/∂h_t‖ is read off after backward.
As in the numpy and JAX references, W_ih x_t + b_ih for all steps is one matmul before the loop.

    python3 bench/reference_torch.py                     # time every cell at the standard sizes
    python3 bench/reference_torch.py --check FOLDER      # run rnnlab's problem, write the results
    python3 bench/reference_torch.py --serve             # JSON requests on stdin (rnnlab bench --compare)

Threads: OMP_NUM_THREADS, passed to torch.set_num_threads (rnnlab bench --compare sets it).
Install: python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu (the CPU
wheel); where that index is not reachable, python3 -m pip install torch (PyPI's wheel brings
several GB of CUDA libraries, and runs on the CPU all the same).
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workload  # noqa: E402

if os.environ.get("OMP_NUM_THREADS"):
    torch.set_num_threads(int(os.environ["OMP_NUM_THREADS"]))


def cell_step(cell, xw, h_prev, c_prev, W_hh, b_hh):
    """One step on the batch: xw = W_ih x_t + b_ih (B×N), h_{t-1}, c_{t-1} (B×H) → h_t, c_t."""
    gh = F.linear(h_prev, W_hh, b_hh)                   # W_hh h_{t-1} + b_hh, B×N
    if cell == "tanh":                                  # h_t = tanh(a_t)
        return torch.tanh(xw + gh), c_prev
    if cell == "relu":                                  # h_t = max(a_t, 0)
        return torch.relu(xw + gh), c_prev
    if cell == "lstm":                                  # gates i, f, g, o
        i, f, g, o = (xw + gh).chunk(4, dim=1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c = f * c_prev + i * g                          # c_t = f ∘ c_{t-1} + i ∘ g
        return o * torch.tanh(c), c                     # h_t = o ∘ tanh(c_t)
    x_r, x_z, x_n = xw.chunk(3, dim=1)                  # gates r, z, n
    h_r, h_z, h_n = gh.chunk(3, dim=1)
    r, z = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
    n = torch.tanh(x_n + r * h_n)                       # n = tanh(W_in x + b_in + r ∘ (W_hn h + b_hn))
    return z * h_prev + (1.0 - z) * n, c_prev           # h_t = z ∘ h_{t-1} + (1 − z) ∘ n


def bptt(cell, P):
    """P: tensors W_ih, W_hh, b_ih, b_hh (requiring grad), x (T, B, D), G (T, B, H).
    Returns (norms (T,), [dW_ih, dW_hh, db_ih, db_hh])."""
    W_ih, W_hh, b_ih, b_hh, x, G = (P[k] for k in ("W_ih", "W_hh", "b_ih", "b_hh", "x", "G"))
    for p in (W_ih, W_hh, b_ih, b_hh):
        p.grad = None
    XW = F.linear(x, W_ih, b_ih)                        # W_ih x_t + b_ih for every t, T×B×N
    h = c = x.new_zeros(x.shape[1], W_hh.shape[1])      # h_0 = c_0 = 0
    hs = []
    for xw in XW.unbind(0):                             # not XW[t]: each XW[t]'s backward fills a T×B×N zero tensor
        h, c = cell_step(cell, xw, h, c, W_hh, b_hh)
        h.retain_grad()                                 # keep ∂L/∂h_t after backward
        hs.append(h)
    L = torch.sum(G * torch.stack(hs))                  # L = Σ_t ⟨G_t, h_t⟩
    L.backward()
    dH = torch.stack([h.grad for h in hs])              # total ∂L/∂h_t, T×B×H
    norms = torch.linalg.vector_norm(dH, dim=(1, 2))    # Frobenius over the batch
    return norms, [W_ih.grad, W_hh.grad, b_ih.grad, b_hh.grad]


def tensors(P):
    """The workload's numpy arrays as float64 tensors; the parameters require grad."""
    out = {k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float64)) for k, v in P.items()}
    for k in ("W_ih", "W_hh", "b_ih", "b_hh"):
        out[k].requires_grad_(True)
    return out


def time_passes(cell, H, B, T, reps, warmup):
    P = tensors(workload.random_problem(cell, H, B, T))
    return workload.timed(lambda: bptt(cell, P), reps, warmup)


def check(folder):
    meta, P = workload.read_problem(folder)
    norms, grads = bptt(meta["cell"], tensors(P))
    workload.write_result(folder, "torch", norms.numpy(), [g.numpy() for g in grads])


def hello():
    return {"impl": "torch", "version": torch.__version__, "threads": torch.get_num_threads()}


def main():
    workload.cli("torch", __doc__, time_passes, check, hello)


if __name__ == "__main__":
    main()
