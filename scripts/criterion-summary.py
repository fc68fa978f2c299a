#!/usr/bin/env python3
"""Prints each criterion benchmark's median per iteration with the range of its samples.

    python3 scripts/criterion-summary.py [target/criterion]

Reads `new/estimates.json` (median and its 95% interval) and `new/sample.json` (the
per-iteration time of each sample, whose min and max are the range) under each benchmark.
"""
import json
import pathlib
import sys


def fmt(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


def main() -> None:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    rows = []
    for est in sorted(root.glob("**/new/estimates.json")):
        bench = est.parent.parent
        sample = json.loads((est.parent / "sample.json").read_text())
        per_iter = [t / n for t, n in zip(sample["times"], sample["iters"])]
        median = json.loads(est.read_text())["median"]["point_estimate"]
        name = str(bench.relative_to(root))
        rows.append((name, median, min(per_iter), max(per_iter), len(per_iter)))
    width = max((len(r[0]) for r in rows), default=10)
    print(f"{'benchmark':<{width}}  {'median':>10}  {'range of samples':>23}  n")
    for name, median, lo, hi, n in rows:
        print(f"{name:<{width}}  {fmt(median):>10}  {fmt(lo):>10} – {fmt(hi):>10}  {n}")


if __name__ == "__main__":
    main()
