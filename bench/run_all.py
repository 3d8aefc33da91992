"""Run every benchmark in bench/ one after the other and print where each wrote its figures.

Usage: uv run python bench/run_all.py [--only NAME ...] [--quick]

Each `bench_*.py` is a plain script that seeds its own data, prints a table and writes JSON to
`bench/results/<name>.json`. They run in separate processes so one's memory and caches do not
colour another's figures.

`--quick` runs each at small sizes with few runs (under two minutes in all), as CI does: it
keeps the benchmarks alive. Its figures and ratios are printed but judge nothing: the exit
status says only whether a benchmark errored, never whether a time was met.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent

# Small sizes for `--quick`: each script's own arguments, chosen so the whole set stays under
# two minutes on two shared cores. Sync pacing runs at a Plus store's rate so it does not wait.
QUICK_ARGS: dict[str, list[str]] = {
    "actions": ["--cancels", "4", "--bulk", "8", "--job-delay", "0.02"],
    "memory": ["--requests", "5000", "--runs", "1"],
    "policy": ["--requests", "10000", "--repeat", "1"],
    "shopify_client": ["--rounds", "2", "--pacing-orders", "20", "--restore-rate", "1000"],
    "startup": ["--requests", "2000", "--runs", "1"],
    "startup_instructions": ["--requests", "2000", "--check"],
    "store": ["--requests", "5000", "--shop-orders", "30", "--runs", "1"],
    "sync": ["--orders", "300", "--restore-rate", "1000"],
    "ui": ["--rows", "5000", "--cached", "2000", "--runs", "1", "--detail-samples", "5"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="names such as policy, store, ui")
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, a few runs; fail only on errors"
    )
    args = parser.parse_args()
    scripts = sorted(BENCH.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = []
    durations: list[tuple[str, float, int]] = []
    for script in scripts:
        name = script.stem.removeprefix("bench_")
        extra = QUICK_ARGS.get(name, []) if args.quick else []
        print(f"\n### {script.stem} {' '.join(extra)}".rstrip(), flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script), *extra], env=env, check=False)
        elapsed = time.perf_counter() - started
        print(f"({script.stem}: {elapsed:.0f} s, exit {result.returncode})")
        durations.append((name, elapsed, result.returncode))
        if result.returncode != 0:
            failed.append(script.stem)
    print("\n" + "\n".join(f"{n:<22}{s:6.1f} s  exit {rc}" for n, s, rc in durations))
    print("results in", BENCH / "results")
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
