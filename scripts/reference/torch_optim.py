#!/usr/bin/python3
"""Reference iterates of torch.optim (float64) for descent's named optimizers.

Run with Debian's python3-torch (1.13):  /usr/bin/python3 scripts/reference/torch_optim.py
Writes data/reference/torch/<optimizer>_<problem>.csv: a comment line with the
configuration (tests/optim/torch_reference.cpp checks it against its own), a header, then
`step,x0,x1` for step 0 (the start) .. STEPS, every number with 17 significant digits.

Also writes data/reference/torch/horizons.csv: for each run, the first step at which the
same run started from a point nudged by 1e-15 (relative, in x0) differs from the
unnudged one by more than 1e-10 relative.  Where that happens (chaotic runs, e.g.
Rosenbrock with RMSProp), rounding differences of one ulp grow the same way, so the test
compares tightly only before that step.

Notes:
- NAdam runs with foreach=True: torch 1.13's default single-tensor NAdam multiplies mu_t
  into the next momentum product twice (`mu_product * mu * mu_next`); the foreach path
  (and torch >= 2.0) is right, and descent follows it.
- torch 1.13 has no Lion; its reference is the paper's update (Chen et al. 2023, Alg. 2,
  as in lion-pytorch) written below with torch tensor operations.
"""
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
STEPS = 200
START = (-1.2, 1.0)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                   "reference", "torch")

# f(x) = 1/2 (x - c)^T A (x - c): condition number ~100.
QA = ((50.0, 7.0), (7.0, 1.5))
QC = (1.0, -1.0)


def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def quadratic(x):
    d0, d1 = x[0] - QC[0], x[1] - QC[1]
    return 0.5 * (QA[0][0] * d0 * d0 + 2 * QA[0][1] * d0 * d1 + QA[1][1] * d1 * d1)


def grad_of(problem, x):
    """Analytic gradients (the same formulas as the C++ test), so only the optimizer
    differs between the two implementations."""
    if problem == "rosenbrock":
        a, b = float(x[0]), float(x[1])
        return torch.tensor([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)])
    d0, d1 = float(x[0]) - QC[0], float(x[1]) - QC[1]
    return torch.tensor([QA[0][0] * d0 + QA[0][1] * d1, QA[1][0] * d0 + QA[1][1] * d1])


class Lion:
    def __init__(self, params, lr, betas, weight_decay):
        self.p = params[0]
        self.lr, self.b1, self.b2, self.wd = lr, betas[0], betas[1], weight_decay
        self.m = torch.zeros_like(self.p)

    def zero_grad(self):
        self.p.grad = None

    def step(self):
        g = self.p.grad
        with torch.no_grad():
            self.p.mul_(1 - self.lr * self.wd)
            update = self.m.clone().mul_(self.b1).add(g, alpha=1 - self.b1).sign_()
            self.p.add_(update, alpha=-self.lr)
            self.m.mul_(self.b2).add_(g, alpha=1 - self.b2)


# name -> problem -> (constructor, config string).  The config string is what
# tests/optim/torch_reference.cpp expects to find; keep both in step.
def configs(problem):
    rosen = problem == "rosenbrock"
    O = torch.optim
    c = {
        "sgd": (lambda p, lr=(5e-4 if rosen else 2e-2): O.SGD(p, lr=lr, weight_decay=0.01),
                "lr=%g,weight_decay=0.01" % (5e-4 if rosen else 2e-2)),
        "momentum": (lambda p, lr=(2e-4 if rosen else 5e-3): O.SGD(p, lr=lr, momentum=0.9, dampening=0.1),
                     "lr=%g,momentum=0.9,dampening=0.1" % (2e-4 if rosen else 5e-3)),
        "nesterov": (lambda p, lr=(2e-4 if rosen else 5e-3): O.SGD(p, lr=lr, momentum=0.9, nesterov=True),
                     "lr=%g,momentum=0.9,nesterov" % (2e-4 if rosen else 5e-3)),
        "adagrad": (lambda p: O.Adagrad(p, lr=0.5, lr_decay=0.01, weight_decay=0.001,
                                        initial_accumulator_value=0.1, eps=1e-10),
                    "lr=0.5,lr_decay=0.01,weight_decay=0.001,initial_accumulator_value=0.1"),
        "rmsprop": (lambda p: O.RMSprop(p, lr=1e-3, alpha=0.9, momentum=0.5, centered=True),
                    "lr=0.001,alpha=0.9,momentum=0.5,centered"),
        "adadelta": (lambda p: O.Adadelta(p, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.01),
                     "lr=1,rho=0.9,eps=1e-06,weight_decay=0.01"),
        "adam": (lambda p: O.Adam(p, lr=0.01, betas=(0.9, 0.99), weight_decay=0.001),
                 "lr=0.01,beta2=0.99,weight_decay=0.001"),
        "adamw": (lambda p: O.AdamW(p, lr=0.01, weight_decay=0.1), "lr=0.01,weight_decay=0.1"),
        "amsgrad": (lambda p: O.Adam(p, lr=0.01, amsgrad=True), "lr=0.01"),
        "nadam": (lambda p: O.NAdam(p, lr=0.01, weight_decay=0.001, momentum_decay=4e-3, foreach=True),
                  "lr=0.01,weight_decay=0.001,momentum_decay=0.004"),
        # RAdam's first steps are plain momentum (no adaptive scaling): a small rate on
        # Rosenbrock, whose gradient at the start is ~200.
        "radam": (lambda p, lr=(1e-3 if rosen else 1e-2): O.RAdam(p, lr=lr, weight_decay=0.001),
                  "lr=%g,weight_decay=0.001" % (1e-3 if rosen else 1e-2)),
        "adamax": (lambda p: O.Adamax(p, lr=0.02, weight_decay=0.001), "lr=0.02,weight_decay=0.001"),
        "lion": (lambda p: Lion(p, lr=1e-3, betas=(0.9, 0.99), weight_decay=0.1),
                 "lr=0.001,beta1=0.9,beta2=0.99,weight_decay=0.1"),
        "rprop": (lambda p: O.Rprop(p, lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-6, 50)),
                  "lr=0.01,etas=0.5/1.2,step_sizes=1e-06/50"),
    }
    return c


def run(name, problem, start):
    make, _ = configs(problem)[name]
    x = torch.tensor(start, requires_grad=True)
    opt = make([x])
    out = [tuple(float(v) for v in x.detach())]
    for _ in range(STEPS):
        opt.zero_grad()
        x.grad = grad_of(problem, x.detach())
        opt.step()
        out.append(tuple(float(v) for v in x.detach()))
    return out


def horizon(a, b):
    for k, (p, q) in enumerate(zip(a, b)):
        for u, v in zip(p, q):
            if abs(u - v) > 1e-10 * max(abs(u), abs(v), 1.0):
                return k
    return len(a)


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for problem in ("rosenbrock", "quadratic"):
        for name, (_, config) in configs(problem).items():
            xs = run(name, problem, START)
            nudged = run(name, problem, (START[0] * (1 + 1e-15), START[1]))
            h = horizon(xs, nudged)
            rows.append((name, problem, h))
            f = rosenbrock if problem == "rosenbrock" else quadratic
            with open(os.path.join(OUT, "%s_%s.csv" % (name, problem)), "w") as fh:
                fh.write("# torch %s %s: %s\n" % (torch.__version__, name, config))
                fh.write("step,x0,x1,loss\n")
                for k, x in enumerate(xs):
                    fh.write("%d,%.17g,%.17g,%.17g\n" % (k, x[0], x[1], f(x)))
            print("%-9s %-10s horizon %3d  final (%.6g, %.6g)" % (name, problem, h, *xs[-1]),
                  file=sys.stderr)
    with open(os.path.join(OUT, "horizons.csv"), "w") as fh:
        fh.write("optimizer,problem,horizon\n")
        for r in rows:
            fh.write("%s,%s,%d\n" % r)


if __name__ == "__main__":
    main()
