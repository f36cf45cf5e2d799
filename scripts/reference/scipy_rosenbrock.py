#!/usr/bin/python3
"""Reference counts for Rosenbrock 2-D from (-1.2, 1) with scipy.optimize (Debian's
python3-scipy 1.10), to put next to descent's (tests/second_order/scipy_comparison_test.cpp).

Run from the repository root:
    /usr/bin/python3 scripts/reference/scipy_rosenbrock.py
Writes data/reference/scipy/rosenbrock.csv: one line per method with iterations (nit),
function, gradient and Hessian evaluations, the final gradient norm (2-norm) and f.

Tolerances: gradient tolerance GTOL = 1e-8 wherever scipy has one (BFGS and CG use the
infinity norm, trust-exact the 2-norm, L-BFGS-B the projected-gradient infinity norm with
ftol switched off); Newton-CG has no gradient test, only xtol (relative step size), set to
1e-10 here.
"""
import csv
import os
import sys

import numpy as np
import scipy
from scipy.optimize import minimize, rosen, rosen_der, rosen_hess

GTOL = 1e-8
X0 = np.array([-1.2, 1.0])


def run(method, **kw):
    res = minimize(rosen, X0, jac=rosen_der, method=method, **kw)
    g = rosen_der(res.x)
    return {
        "method": method,
        "iterations": int(res.nit),
        "function_evaluations": int(res.nfev),
        "gradient_evaluations": int(getattr(res, "njev", 0) or 0),
        "hessian_evaluations": int(getattr(res, "nhev", 0) or 0),
        "grad_norm": float(np.linalg.norm(g)),
        "f": float(res.fun),
        "success": bool(res.success),
    }


def main():
    rows = [
        run("Newton-CG", hess=rosen_hess, options={"xtol": 1e-10, "maxiter": 1000}),
        run("trust-exact", hess=rosen_hess, options={"gtol": GTOL, "maxiter": 1000}),
        run("BFGS", options={"gtol": GTOL, "maxiter": 1000}),
        run("L-BFGS-B", options={"gtol": GTOL, "ftol": 0.0, "maxcor": 10, "maxiter": 1000}),
        run("CG", options={"gtol": GTOL, "maxiter": 1000}),
    ]
    out = os.path.join("data", "reference", "scipy", "rosenbrock.csv")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            w.writerow({k: (f"{v:.6g}" if isinstance(v, float) else v) for k, v in r.items()})
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {out}", file=sys.stderr)
    for r in rows:
        print(r)


if __name__ == "__main__":
    main()
