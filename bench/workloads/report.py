#!/usr/bin/env python3
"""Markdown table of bench_workloads' results (medians of repetitions).

    report.py --cpp workloads.json [--cpp more.json] --torch torch.json --callgrind callgrind.json
              --compiler "..." --flags "..." [--revision REV]

One table per workload: median CPU time (the thread's, from Google Benchmark; on a shared
machine wall time mostly measures the other processes), ratio against the best hand-written row
(handwritten or handwritten_simd; rows without one use the fastest row), instructions per
step (callgrind, descent and hand-written rows), the max relative error of the row's result
against the hand-written one, and for W7 the bandwidth of the ideal byte count.  Rows timed by
the wall clock (W9's threads: a thread's CPU time would miss the others') say so.
"""
import json
import os
import platform
import subprocess
import sys
import time


def medians(path):
    if not os.path.exists(path):
        return {}, {}
    with open(path) as f:
        data = json.load(f)
    rows = {}
    for b in data.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") == "median":
            rows[b["run_name"]] = b
    return rows, data.get("context", {})


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def fmt_count(n):
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return str(n)


def main():
    args = sys.argv[1:]
    opt = {"--cpp": []}
    while args:
        key, value = args[0], args[1]
        args = args[2:]
        if key == "--cpp":
            opt[key].append(value)
        else:
            opt[key] = value
    rows, ctx = {}, {}
    for path in opt["--cpp"]:
        r, c = medians(path)
        rows.update(r)
        ctx = ctx or c
    torch_rows, tctx = medians(opt["--torch"]) if "--torch" in opt else ({}, {})
    counts = {}
    if "--callgrind" in opt and os.path.exists(opt["--callgrind"]):
        with open(opt["--callgrind"]) as f:
            counts = json.load(f)
    rows.update(torch_rows)
    order = ["descent", "handwritten", "handwritten_simd", "sacado", "adolc", "ceres_jet", "eigen_autodiff", "torch"]
    workloads = {}
    for name, b in rows.items():
        if name.endswith("/real_time"):  # rows on several threads: wall-clock time
            name = name[: -len("/real_time")]
            b = dict(b, cpu_time=b["real_time"], wall=True)
        w, impl = name.rsplit("/", 1)
        workloads.setdefault(w, {})[impl] = b
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines() if l.startswith("Model name"))
    except Exception:
        cpu = platform.processor()
    rev = f" of revision {opt['--revision']}" if opt.get("--revision") else ""
    print(f"Run{rev} {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {cpu}, {ctx.get('num_cpus', '?')} CPUs "
          f"at {ctx.get('mhz_per_cpu', '?')} MHz (load average {ctx.get('load_avg', '?')}); "
          f"{opt.get('--compiler', '?')}, `{opt.get('--flags', '?')}`; Google Benchmark {ctx.get('library_version', '')}"
          f"{', torch ' + tctx['torch'] + ' (' + str(tctx.get('threads')) + ' thread)' if tctx else ''}.\n")
    triad = workloads.get("W7_triad", {}).get("handwritten")
    triad_bw = triad["bytes_per_step"] / triad["cpu_time"] if triad and "bytes_per_step" in triad else None

    def key(w):
        head = w.split("_")[0]
        return (int(head[1:]) if head[1:].isdigit() else 99, w)

    for w in sorted(workloads, key=key):
        impls = workloads[w]
        hand = [impls[i]["cpu_time"] for i in ("handwritten", "handwritten_simd") if i in impls]
        base = min(hand) if hand else min(b["cpu_time"] for b in impls.values())
        basis = "best hand-written" if hand else "fastest row"
        bw = any("bytes_per_step" in b for b in impls.values())
        print(f"**{w}**\n")
        print(f"| implementation | median CPU time | vs {basis} | instructions / step | max rel. error |" + (" GB/s | % of triad |" if bw else ""))
        print("| --- | ---: | ---: | ---: | ---: |" + (" ---: | ---: |" if bw else ""))
        for impl in sorted(impls, key=lambda i: (order.index(i) if i in order else 99, i)):
            b = impls[impl]
            t = b["cpu_time"]
            ratio = t / base
            ins = counts.get(f"{w}/{impl}")
            extra = [f"{int(b[k])} {k.split('_')[1]}" for k in ("optimizer_iterations", "objective_evaluations") if k in b]
            extra += ["wall-clock time"] if b.get("wall") else []
            label = impl + (f" ({', '.join(extra)})" if extra else "")
            line = (f"| {label} | {fmt_time(t)} | {ratio:.2f} | {fmt_count(ins) if ins else ''} | "
                    f"{b.get('max_rel_err', float('nan')):.1e} |")
            if bw:
                if "bytes_per_step" in b:
                    gbs = b["bytes_per_step"] / t
                    line += f" {gbs:.1f} | {100 * gbs / triad_bw:.0f} % |" if triad_bw else f" {gbs:.1f} | |"
                else:
                    line += " | |"
            print(line)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
