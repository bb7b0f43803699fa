#!/usr/bin/env python3
"""JAX reference of rnnlab's diagnostic BPTT workload (see workload.py), float64, jitted.

Backpropagation through time written out: a forward `lax.scan` keeps h_t (and c_t), a
reverse `lax.scan` carries dL/dh_t (and dL/dc_t) and gets each step's local derivatives
from `jax.vjp` of the element-wise cell, so the total dL/dh_t (and its norm) is at hand at
every step; the weight gradients are one einsum each over all steps.

    python3 bench/reference_jax.py                     # time every cell at the standard sizes
    python3 bench/reference_jax.py --check FOLDER      # run rnnlab's problem, write the results
    python3 bench/reference_jax.py --serve             # JSON requests on stdin (rnnlab bench --compare)

Threads: XLA's CPU backend reads them at start; for one thread set
XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1".
"""
import functools
import os
import sys

import jax
jax.config.update("jax_enable_x64", True)
jax.config.update("jax_platforms", "cpu")
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workload  # noqa: E402


def cell_step(cell, H, xw, gh, h_prev, c_prev):
    """The element-wise cell: xw = W_ih x_t + b_ih, gh = W_hh h_{t-1} + b_hh → (h_t, c_t)."""
    if cell in ("tanh", "relu"):
        a = xw + gh
        return (jnp.tanh(a) if cell == "tanh" else jnp.maximum(a, 0.0)), c_prev
    if cell == "lstm":
        a = xw + gh
        i, f = jax.nn.sigmoid(a[:, :H]), jax.nn.sigmoid(a[:, H:2 * H])
        g, o = jnp.tanh(a[:, 2 * H:3 * H]), jax.nn.sigmoid(a[:, 3 * H:])
        c = f * c_prev + i * g
        return o * jnp.tanh(c), c
    r = jax.nn.sigmoid(xw[:, :H] + gh[:, :H])
    z = jax.nn.sigmoid(xw[:, H:2 * H] + gh[:, H:2 * H])
    n = jnp.tanh(xw[:, 2 * H:] + r * gh[:, 2 * H:])
    return z * h_prev + (1.0 - z) * n, c_prev


@functools.lru_cache(maxsize=None)
def compiled_pass(cell, H):
    step = functools.partial(cell_step, cell, H)

    @jax.jit
    def run(W_ih, W_hh, b_ih, b_hh, x, G):
        T, B, D = x.shape
        XW = (x.reshape(T * B, D) @ W_ih.T + b_ih).reshape(T, B, -1)
        zero = jnp.zeros((B, H), x.dtype)

        def fwd(carry, xw):
            h, c = carry
            h2, c2 = step(xw, h @ W_hh.T + b_hh, h, c)
            return (h2, c2), (h, c)                     # keep h_{t-1}, c_{t-1}

        _, (h_prev, c_prev) = jax.lax.scan(fwd, (zero, zero), XW)

        def bwd(carry, inp):
            dh_next, dc_next = carry
            xw, hp, cp, g = inp
            gh = hp @ W_hh.T + b_hh
            dh = g + dh_next                            # total dL/dh_t
            _, vjp = jax.vjp(step, xw, gh, hp, cp)
            dxw, dgh, dhp, dcp = vjp((dh, dc_next))     # the cell's local derivatives
            norm = jnp.sqrt(jnp.sum(dh * dh))
            return (dhp + dgh @ W_hh, dcp), (norm, dxw, dgh)

        _, (norms, dXW, dGH) = jax.lax.scan(bwd, (zero, zero), (XW, h_prev, c_prev, G), reverse=True)
        grads = (jnp.einsum("tbn,tbd->nd", dXW, x), jnp.einsum("tbn,tbh->nh", dGH, h_prev),
                 dXW.sum(axis=(0, 1)), dGH.sum(axis=(0, 1)))
        return norms, grads
    return run


def bptt(cell, P):
    H = P["W_hh"].shape[1]
    args = [jnp.asarray(P[k]) for k in ("W_ih", "W_hh", "b_ih", "b_hh", "x", "G")]
    norms, grads = compiled_pass(cell, H)(*args)
    jax.block_until_ready(grads)
    return np.asarray(norms), [np.asarray(g) for g in grads]


def time_passes(cell, H, B, T, reps, warmup):
    P = workload.random_problem(cell, H, B, T)
    args = [jnp.asarray(P[k]) for k in ("W_ih", "W_hh", "b_ih", "b_hh", "x", "G")]
    f = compiled_pass(cell, H)
    return workload.timed(lambda: jax.block_until_ready(f(*args)), reps, max(1, warmup))   # the first call compiles


def check(folder):
    meta, P = workload.read_problem(folder)
    norms, grads = bptt(meta["cell"], P)
    workload.write_result(folder, "jax", norms, grads)


def hello():
    return {"impl": "jax", "version": jax.__version__, "xla_flags": os.environ.get("XLA_FLAGS", "")}


def main():
    workload.cli("jax", __doc__, time_passes, check, hello)


if __name__ == "__main__":
    main()
