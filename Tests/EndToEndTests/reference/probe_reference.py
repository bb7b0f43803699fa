#!/usr/bin/env python3
"""Independent numpy (float64) reference for the gradient probe format v1.

Written from /work/shared/spec/gradient-probe.md, not from the Swift code, so
that `rnnlab probe` can be compared with it number for number.

    python3 probe_reference.py INPUT.json [-o OUTPUT.json]   # INPUT may be -
    python3 probe_reference.py --self-check                  # central differences

Legend: B batch elements, T time steps, D = input_size, H = hidden_size.
Everything runs one batch element and one step at a time: slow and plain on
purpose, so each line can be held next to the spec's equations.

The loss is L = Σ_{b,t} ⟨dh[b][t], h_t^{(b)}⟩, so the upstream gradient at h_t is dh[b][t].
"""

import argparse
import json
import sys

import numpy as np

FORMAT = "rnnlab-probe/1"

WEIGHT_NAMES = {
    "tanh": ["W_xh", "W_hh", "b_h"],
    "relu": ["W_xh", "W_hh", "b_h"],
    "lstm": ["W_xi", "W_xf", "W_xg", "W_xo", "W_hi", "W_hf", "W_hg", "W_ho",
             "b_i", "b_f", "b_g", "b_o"],
    "gru": ["W_xr", "W_xz", "W_xn", "W_hr", "W_hz", "W_hn", "b_r", "b_z", "b_n", "b_hn"],
}

# The recurrent matrices whose singular values the output lists.
RECURRENT_NAMES = {
    "tanh": ["W_hh"],
    "relu": ["W_hh"],
    "lstm": ["W_hi", "W_hf", "W_hg", "W_ho"],
    "gru": ["W_hr", "W_hz", "W_hn"],
}


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def weight_shape(name, D, H):
    """W_x*: H×D, W_h*: H×H, b_*: H."""
    if name.startswith("W_x"):
        return (H, D)
    if name.startswith("W_h"):
        return (H, H)
    return (H,)


# ---------------------------------------------------------------------------
# Forward: one batch element, all T steps.
# ph[t], pc[t] are optional additive perturbations of h_t, c_t (zero in a real
# run); the self-check uses them to differentiate L with respect to h_t and c_t.
# ---------------------------------------------------------------------------

def forward(cell, W, x, h0, c0, ph=None, pc=None):
    """x: T×D, h0: H, c0: H. Returns hs: T×H, cs: T×H (lstm) and per-step caches."""
    T = x.shape[0]
    H = h0.shape[0]
    hs = np.zeros((T, H))
    cs = np.zeros((T, H))
    caches = []
    h_prev = h0.copy()
    c_prev = c0.copy()
    for t in range(T):
        xt = x[t]
        if cell in ("tanh", "relu"):
            # h_t = f(W_xh x_t + W_hh h_{t-1} + b_h)
            a = W["W_xh"] @ xt + W["W_hh"] @ h_prev + W["b_h"]
            h = np.tanh(a) if cell == "tanh" else np.maximum(0.0, a)
            caches.append(dict(x=xt, h_prev=h_prev, a=a, h=h))
        elif cell == "lstm":
            i = sigmoid(W["W_xi"] @ xt + W["W_hi"] @ h_prev + W["b_i"])
            f = sigmoid(W["W_xf"] @ xt + W["W_hf"] @ h_prev + W["b_f"])
            g = np.tanh(W["W_xg"] @ xt + W["W_hg"] @ h_prev + W["b_g"])
            o = sigmoid(W["W_xo"] @ xt + W["W_ho"] @ h_prev + W["b_o"])
            c = f * c_prev + i * g
            if pc is not None:
                c = c + pc[t]
            tc = np.tanh(c)
            h = o * tc
            caches.append(dict(x=xt, h_prev=h_prev, c_prev=c_prev, i=i, f=f, g=g, o=o, tc=tc))
            cs[t] = c
            c_prev = c
        elif cell == "gru":
            r = sigmoid(W["W_xr"] @ xt + W["W_hr"] @ h_prev + W["b_r"])
            z = sigmoid(W["W_xz"] @ xt + W["W_hz"] @ h_prev + W["b_z"])
            u = W["W_hn"] @ h_prev + W["b_hn"]          # the term the reset gate scales
            n = np.tanh(W["W_xn"] @ xt + W["b_n"] + r * u)
            h = z * h_prev + (1.0 - z) * n
            caches.append(dict(x=xt, h_prev=h_prev, r=r, z=z, u=u, n=n))
        else:
            raise ValueError("unknown cell %r" % cell)
        if ph is not None:
            h = h + ph[t]
        hs[t] = h
        h_prev = h
    return hs, cs, caches


# ---------------------------------------------------------------------------
# Backward: one batch element, steps T-1 … 0, accumulating into dW.
# Returns gh (total dL/dh_t), gc (total dL/dc_t), dx, dh0, dc0.
# ---------------------------------------------------------------------------

def backward(cell, W, dW, caches, dh):
    T = len(caches)
    H = dh.shape[1]
    D = caches[0]["x"].shape[0]
    gh = np.zeros((T, H))
    gc = np.zeros((T, H))
    dx = np.zeros((T, D))
    dh_next = np.zeros(H)     # dL/dh_t arriving from step t+1
    dc_next = np.zeros(H)     # dL/dc_t arriving from step t+1 (lstm)
    for t in reversed(range(T)):
        k = caches[t]
        dh_t = dh[t] + dh_next                       # total ∂L/∂h_t
        gh[t] = dh_t
        if cell in ("tanh", "relu"):
            if cell == "tanh":
                da = (1.0 - k["h"] * k["h"]) * dh_t  # ∂h/∂a = 1 − h²
            else:
                da = (k["a"] > 0.0) * dh_t           # ∂h/∂a = 1[a > 0]
            dW["W_xh"] += np.outer(da, k["x"])       # ∂L/∂W_xh = Σ_t δ_t x_tᵀ
            dW["W_hh"] += np.outer(da, k["h_prev"])  # ∂L/∂W_hh = Σ_t δ_t h_{t-1}ᵀ
            dW["b_h"] += da
            dx[t] = W["W_xh"].T @ da
            dh_next = W["W_hh"].T @ da
        elif cell == "lstm":
            i, f, g, o, tc = k["i"], k["f"], k["g"], k["o"], k["tc"]
            do = dh_t * tc                                   # h = o ∘ tanh(c)
            dc_t = dh_t * o * (1.0 - tc * tc) + dc_next      # total ∂L/∂c_t
            gc[t] = dc_t
            di = dc_t * g                                    # c = f ∘ c_prev + i ∘ g
            dg = dc_t * i
            df = dc_t * k["c_prev"]
            dc_next = dc_t * f
            da = {
                "i": di * i * (1.0 - i),                     # σ' = σ(1 − σ)
                "f": df * f * (1.0 - f),
                "g": dg * (1.0 - g * g),                     # tanh' = 1 − tanh²
                "o": do * o * (1.0 - o),
            }
            dh_prev = np.zeros(H)
            dxt = np.zeros(D)
            for q in "ifgo":
                dW["W_x" + q] += np.outer(da[q], k["x"])
                dW["W_h" + q] += np.outer(da[q], k["h_prev"])
                dW["b_" + q] += da[q]
                dxt += W["W_x" + q].T @ da[q]
                dh_prev += W["W_h" + q].T @ da[q]
            dx[t] = dxt
            dh_next = dh_prev
        elif cell == "gru":
            r, z, u, n, h_prev = k["r"], k["z"], k["u"], k["n"], k["h_prev"]
            dz = dh_t * (h_prev - n)                 # h = z ∘ h_prev + (1 − z) ∘ n
            dn = dh_t * (1.0 - z)
            dh_prev = dh_t * z
            dan = dn * (1.0 - n * n)                 # n = tanh(a_n)
            dr = dan * u                             # a_n = W_xn x + b_n + r ∘ u
            du = dan * r                             # u = W_hn h_prev + b_hn
            dar = dr * r * (1.0 - r)
            daz = dz * z * (1.0 - z)
            dW["W_xn"] += np.outer(dan, k["x"])
            dW["b_n"] += dan
            dW["W_hn"] += np.outer(du, h_prev)
            dW["b_hn"] += du
            dW["W_xr"] += np.outer(dar, k["x"])
            dW["W_hr"] += np.outer(dar, h_prev)
            dW["b_r"] += dar
            dW["W_xz"] += np.outer(daz, k["x"])
            dW["W_hz"] += np.outer(daz, h_prev)
            dW["b_z"] += daz
            dx[t] = W["W_xr"].T @ dar + W["W_xz"].T @ daz + W["W_xn"].T @ dan
            dh_prev = dh_prev + W["W_hn"].T @ du + W["W_hr"].T @ dar + W["W_hz"].T @ daz
            dh_next = dh_prev
    return gh, gc, dx, dh_next, dc_next


# ---------------------------------------------------------------------------
# The whole probe.
# ---------------------------------------------------------------------------

def unpack(inp):
    """The probe input as numpy arrays: x B×T×D, h0 B×H, c0 B×H, dh B×T×H."""
    cell = inp["cell"]
    D, H = inp["input_size"], inp["hidden_size"]
    W = {}
    for name in WEIGHT_NAMES[cell]:
        W[name] = np.array(inp["weights"][name], dtype=np.float64)
        assert W[name].shape == weight_shape(name, D, H), (name, W[name].shape)
    x = np.array(inp["x"], dtype=np.float64)
    B, T = x.shape[0], x.shape[1]
    assert x.shape == (B, T, D)
    h0 = np.array(inp["h0"], dtype=np.float64) if "h0" in inp else np.zeros((B, H))
    c0 = np.array(inp["c0"], dtype=np.float64) if "c0" in inp else np.zeros((B, H))
    dh = np.array(inp["dh"], dtype=np.float64)
    assert h0.shape == (B, H) and c0.shape == (B, H) and dh.shape == (B, T, H)
    return cell, W, x, h0, c0, dh


def probe(inp):
    """Forward and BPTT over the batch; returns the output as numpy arrays."""
    cell, W, x, h0, c0, dh = unpack(inp)
    B, T, D = x.shape
    H = h0.shape[1]
    dW = {name: np.zeros_like(w) for name, w in W.items()}
    hs = np.zeros((B, T, H))
    cs = np.zeros((B, T, H))
    gh = np.zeros((B, T, H))
    gc = np.zeros((B, T, H))
    dx = np.zeros((B, T, D))
    dh0 = np.zeros((B, H))
    dc0 = np.zeros((B, H))
    for b in range(B):
        hs[b], cs[b], caches = forward(cell, W, x[b], h0[b], c0[b])
        gh[b], gc[b], dx[b], dh0[b], dc0[b] = backward(cell, W, dW, caches, dh[b])
    grad_h_norm = np.array([np.sqrt(np.sum(gh[:, t, :] ** 2)) for t in range(T)])
    svs = {}
    for name in RECURRENT_NAMES[cell]:
        label = "W_hh" if cell in ("tanh", "relu") else name
        svs[label] = np.linalg.svd(W[name], compute_uv=False)   # descending
    return dict(cell=cell, h=hs, c=cs, gh=gh, gc=gc, dx=dx, dh0=dh0, dc0=dc0,
                dW=dW, grad_h_norm=grad_h_norm, singular_values=svs)


def output_json(r):
    """The probe output object; floats are written by Python's shortest round-trip repr."""
    lstm = r["cell"] == "lstm"
    out = {"format": FORMAT, "cell": r["cell"], "h": r["h"].tolist()}
    if lstm:
        out["c"] = r["c"].tolist()
    grad = {"h": r["gh"].tolist()}
    if lstm:
        grad["c"] = r["gc"].tolist()
    grad["x"] = r["dx"].tolist()
    grad["h0"] = r["dh0"].tolist()
    if lstm:
        grad["c0"] = r["dc0"].tolist()
    grad["weights"] = {name: g.tolist() for name, g in r["dW"].items()}
    out["grad"] = grad
    out["grad_h_norm"] = r["grad_h_norm"].tolist()
    out["singular_values"] = {k: v.tolist() for k, v in r["singular_values"].items()}
    return out


# ---------------------------------------------------------------------------
# Self-check: every gradient against central differences of L.
# ---------------------------------------------------------------------------

def loss(inp_arrays, ph=None, pc=None):
    cell, W, x, h0, c0, dh = inp_arrays
    L = 0.0
    for b in range(x.shape[0]):
        hs, _, _ = forward(cell, W, x[b], h0[b], c0[b],
                           None if ph is None else ph[b], None if pc is None else pc[b])
        L += float(np.sum(dh[b] * hs))
    return L


def central_difference(f, a, eps=1e-6):
    """∂f/∂a elementwise by (f(a + ε) − f(a − ε)) / 2ε, perturbing a in place."""
    g = np.zeros_like(a)
    it = np.nditer(a, flags=["multi_index"])
    for _ in it:
        idx = it.multi_index
        old = a[idx]
        a[idx] = old + eps
        fp = f()
        a[idx] = old - eps
        fm = f()
        a[idx] = old
        g[idx] = (fp - fm) / (2 * eps)
    return g


def random_input(cell, seed, D=3, H=4, B=2, T=5, with_h0=True, with_c0=True, scale=0.6):
    """A probe input with seeded Gaussian weights, x, h0, c0 and dh (plain lists)."""
    rng = np.random.default_rng(seed)
    W = {}
    for name in WEIGHT_NAMES[cell]:
        shape = weight_shape(name, D, H)
        W[name] = (scale * rng.standard_normal(shape)).tolist()
    inp = {"format": FORMAT, "cell": cell, "input_size": D, "hidden_size": H, "weights": W,
           "x": rng.standard_normal((B, T, D)).tolist()}
    if with_h0:
        inp["h0"] = (0.5 * rng.standard_normal((B, H))).tolist()
    if with_c0 and cell == "lstm":
        inp["c0"] = (0.5 * rng.standard_normal((B, H))).tolist()
    inp["dh"] = rng.standard_normal((B, T, H)).tolist()
    return inp


def self_check(tolerance=1e-6):
    """Compares every gradient of `probe` with central differences; returns True when all pass."""
    ok = True
    for cell in ["tanh", "relu", "lstm", "gru"]:
        inp = random_input(cell, seed=1234 + len(cell), D=3, H=4, B=2, T=5)
        r = probe(inp)
        arrays = unpack(inp)
        _, W, x, h0, c0, dh = arrays
        B, T, _ = x.shape
        H = h0.shape[1]
        checks = []
        for name in WEIGHT_NAMES[cell]:
            checks.append(("weights." + name, r["dW"][name],
                           central_difference(lambda: loss(arrays), W[name])))
        checks.append(("x", r["dx"], central_difference(lambda: loss(arrays), x)))
        checks.append(("h0", r["dh0"], central_difference(lambda: loss(arrays), h0)))
        ph = np.zeros((B, T, H))
        checks.append(("h", r["gh"], central_difference(lambda: loss(arrays, ph=ph), ph)))
        if cell == "lstm":
            checks.append(("c0", r["dc0"], central_difference(lambda: loss(arrays), c0)))
            pc = np.zeros((B, T, H))
            checks.append(("c", r["gc"], central_difference(lambda: loss(arrays, pc=pc), pc)))
        # grad_h_norm and the singular values, from their definitions.
        norms = np.sqrt(np.einsum("bth,bth->t", r["gh"], r["gh"]))
        checks.append(("grad_h_norm", r["grad_h_norm"], norms))
        for label, s in r["singular_values"].items():
            name = "W_hh" if cell in ("tanh", "relu") else label
            ev = np.sqrt(np.sort(np.linalg.eigvalsh(W[name].T @ W[name]))[::-1].clip(0))
            checks.append(("singular_values." + label, s, ev))
        worst_name, worst = "", 0.0
        for name, got, want in checks:
            err = np.max(np.abs(got - want) / np.maximum(1.0, np.abs(want)))
            if err > worst:
                worst_name, worst = name, err
        passed = worst <= tolerance
        ok = ok and passed
        print("%-4s %s: largest difference %.2e (%s)" % (cell, "ok" if passed else "FAILED",
                                                          worst, worst_name))
    return ok


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="?", help="probe input JSON, or - for standard input")
    ap.add_argument("-o", "--output", help="write the output here instead of standard output")
    ap.add_argument("--self-check", action="store_true",
                    help="compare every gradient with central differences and exit")
    args = ap.parse_args(argv)
    if args.self_check:
        return 0 if self_check() else 1
    if args.input is None:
        ap.error("an input file (or -) is required")
    text = sys.stdin.read() if args.input == "-" else open(args.input).read()
    out = json.dumps(output_json(probe(json.loads(text))))
    if args.output:
        with open(args.output, "w") as f:
            f.write(out + "\n")
    else:
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
