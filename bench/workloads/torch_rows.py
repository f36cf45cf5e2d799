#!/usr/bin/env python3
"""The torch rows of bench_workloads (W1-W4, W7, W8), one thread, float64.

    torch_rows.py EXPORT_DIR OUT.json [--smoke] [--repetitions R] [--min-time S]

EXPORT_DIR is what `bench_workloads --export=EXPORT_DIR` wrote: each workload's inputs and
the hand-written row's result (<W>.reference.bin).  Every row's result is compared with that
reference before it is timed (max relative error printed, as the C++ harness does), and a
row whose error exceeds its tolerance is not timed.  Repetitions alternate between the rows.
The output is Google Benchmark-shaped JSON (one "median" aggregate per row plus each
repetition), which report.py merges with the C++ rows.  torch rows run in their own process,
after the C++ ones: they interleave with each other, not with the C++ rows.
"""
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def load(d, name):
    with open(os.path.join(d, name), "rb") as f:
        return torch.frombuffer(bytearray(f.read()), dtype=torch.float64)


def max_relative_error(a, r):
    a, r = a.flatten(), r.flatten()
    if a.numel() != r.numel():
        return math.inf
    floor = max(1e-6 * r.abs().max().item(), 1e-300)
    return ((a - r).abs() / torch.clamp(r.abs(), min=floor)).max().item()


def value_grad_row(f, x0):
    """step(): value and gradient of f at x0 (a leaf tensor), result [f, grad...]."""
    x = x0.clone().requires_grad_(True)
    out = {}

    def step():
        x.grad = None
        v = f(x)
        v.backward()
        out["r"] = (v.detach(), x.grad)

    def result():
        v, g = out["r"]
        return torch.cat([v.reshape(1), g.flatten()])

    return step, result


def rows(d):
    """(name, make, tolerance, counters) for every torch row whose inputs were exported."""
    out = []
    if os.path.exists(os.path.join(d, "W1.x.bin")):
        x = load(d, "W1.x.bin")
        f = lambda x: (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()
        out.append(("W1", lambda f=f, x=x: value_grad_row(f, x), 1e-9, {}))
    for w in ("W2", "W3"):
        if not os.path.exists(os.path.join(d, w + ".X.bin")):
            continue
        y = load(d, w + ".y.bin")
        X = load(d, w + ".X.bin").reshape(y.numel(), -1)
        th = load(d, w + ".theta.bin")
        if w == "W2":
            f = lambda t, X=X, y=y: ((X @ t[:-1] + t[-1] - y) ** 2).mean()
        else:  # softplus(z) - y z; F.softplus is torch's stable form
            f = lambda t, X=X, y=y: (F.softplus(X @ t[:-1] + t[-1]) - y * (X @ t[:-1] + t[-1])).mean()
        out.append((w, lambda f=f, th=th: value_grad_row(f, th), 1e-9, {}))
    if os.path.exists(os.path.join(d, "W4.X.bin")):
        y = load(d, "W4.y.bin")
        X = load(d, "W4.X.bin").reshape(y.numel(), 8)
        th = load(d, "W4.theta.bin")

        def f(t, X=X, y=y):
            W1, b1, w2, b2 = t[:128].reshape(16, 8), t[128:144], t[144:160], t[160]
            return ((torch.tanh(X @ W1.T + b1) @ w2 + b2 - y) ** 2).mean()

        out.append(("W4", lambda f=f, th=th: value_grad_row(f, th), 1e-9, {}))
    if os.path.exists(os.path.join(d, "W7.reference.bin")):
        n = 10_000_000

        def make():
            p = torch.full((n,), 0.5, requires_grad=True)
            p.grad = 1e-3 * (torch.arange(n) % 97).to(torch.float64) - 0.05
            opt = torch.optim.Adam([p], lr=1e-3, foreach=True)
            return (lambda: opt.step()), (lambda: p.detach())

        out.append(("W7", make, 1e-9, {"bytes_per_step": 7 * 8 * n}))
    if os.path.exists(os.path.join(d, "W8_lbfgs.X.bin")):
        y = load(d, "W8_lbfgs.y.bin")
        X = load(d, "W8_lbfgs.X.bin").reshape(y.numel(), -1)
        lam = 1e-2
        info = {}

        def make():
            holder = {}

            def step():
                t = torch.zeros(X.shape[1] + 1, requires_grad=True)
                # torch stops on max |g_i| <= tolerance_grad; 1e-8 / sqrt(31) guarantees |g|_2 < 1e-8.
                opt = torch.optim.LBFGS([t], lr=1, max_iter=1000, max_eval=10000, history_size=10,
                                        tolerance_grad=1e-8 / math.sqrt(t.numel()), tolerance_change=0,
                                        line_search_fn="strong_wolfe")

                def closure():
                    opt.zero_grad()
                    z = X @ t[:-1] + t[-1]
                    loss = (F.softplus(z) - y * z).mean() + lam / 2 * (t[:-1] ** 2).sum()
                    loss.backward()
                    return loss

                opt.step(closure)
                st = opt.state[opt._params[0]]
                info["optimizer_iterations"], info["objective_evaluations"] = st["n_iter"], st["func_evals"]
                holder["t"] = t.detach()

            return step, (lambda: holder["t"])

        out.append(("W8_lbfgs", make, 1e-5, info))
    if os.path.exists(os.path.join(d, "W8_digits.theta.bin")):
        import gzip
        here = os.path.dirname(os.path.abspath(__file__))
        with gzip.open(os.path.join(here, "..", "data", "digits.csv.gz"), "rt") as fh:
            data = torch.tensor([[float(v) for v in line.split(",")] for line in fh])
        DX, Dy = data[:, :64] / 16, data[:, 64].long()
        theta = load(d, "W8_digits.theta.bin")

        def make():
            t = theta.clone()
            ps = [t[:2048].reshape(32, 64), t[2048:2080], t[2080:2400].reshape(10, 32), t[2400:2410]]
            ps = [p.clone().requires_grad_(True) for p in ps]
            opt = torch.optim.Adam(ps, lr=1e-3)
            holder = {}

            def step():
                total = 0.0
                for first in range(0, DX.shape[0], 32):
                    xb, yb = DX[first:first + 32], Dy[first:first + 32]
                    opt.zero_grad()
                    loss = F.cross_entropy(torch.tanh(xb @ ps[0].T + ps[1]) @ ps[2].T + ps[3], yb)
                    loss.backward()
                    opt.step()
                    total += loss.item() * xb.shape[0]
                holder["loss"] = total / DX.shape[0]

            def result():
                return torch.cat([p.detach().flatten() for p in ps] + [torch.tensor([holder["loss"]])])

            return step, result

        out.append(("W8_digits", make, 1e-6, {}))
    return out


def main():
    d, out_path = sys.argv[1], sys.argv[2]
    smoke = "--smoke" in sys.argv
    reps = int(sys.argv[sys.argv.index("--repetitions") + 1]) if "--repetitions" in sys.argv else 10
    min_time = float(sys.argv[sys.argv.index("--min-time") + 1]) if "--min-time" in sys.argv else 0.1
    timed = []
    for name, make, tol, counters in rows(d):
        step, result = make()
        step()
        ref = load(d, name + ".reference.bin")
        err = max_relative_error(result(), ref)
        ok = err <= tol
        print(f"check {name + '/torch':<34} max relative error {err:.2e} vs the hand-written row"
              f" ({ref.numel()} values){'' if ok else '  WRONG: not timed'}", flush=True)
        if ok:
            timed.append({"name": name + "/torch", "step": step, "err": err, "counters": counters, "times": []})
    if smoke:
        return 0
    for r in timed:  # calibrate: iterations per repetition to last about min_time (CPU time)
        t0 = time.process_time()
        r["step"]()
        dt = time.process_time() - t0
        r["iterations"] = max(1, int(min_time / max(dt, 1e-9)))
    for _ in range(reps):  # repetitions alternate between the rows
        for r in timed:
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(r["iterations"]):
                r["step"]()
            r["times"].append(((time.perf_counter() - t0) / r["iterations"] * 1e9,
                               (time.process_time() - c0) / r["iterations"] * 1e9))
    benchmarks = []
    for r in timed:
        def median(v):
            v = sorted(v)
            return v[len(v) // 2] if len(v) % 2 else 0.5 * (v[len(v) // 2 - 1] + v[len(v) // 2])
        for k, (t, c) in enumerate(r["times"]):
            benchmarks.append({"name": r["name"], "run_type": "iteration", "repetition_index": k,
                               "iterations": r["iterations"], "real_time": t, "cpu_time": c, "time_unit": "ns"})
        benchmarks.append({"name": r["name"] + "_median", "run_name": r["name"], "run_type": "aggregate",
                           "aggregate_name": "median", "iterations": r["iterations"],
                           "real_time": median([t for t, _ in r["times"]]),
                           "cpu_time": median([c for _, c in r["times"]]), "time_unit": "ns", "max_rel_err": r["err"],
                           **{k: float(v) for k, v in r["counters"].items()}})
    with open(out_path, "w") as f:
        json.dump({"context": {"torch": torch.__version__, "threads": torch.get_num_threads()},
                   "benchmarks": benchmarks}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
