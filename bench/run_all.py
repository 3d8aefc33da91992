"""Run every benchmark in bench/ one after the other and print where each wrote its figures.

Usage: uv run python bench/run_all.py [--only NAME ...]

Each `bench_*.py` is a plain script that seeds its own data, prints a table and writes JSON to
`bench/results/<name>.json`. They run in separate processes so one's memory and caches do not
colour another's figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="names such as policy, store, ui")
    args = parser.parse_args()
    scripts = sorted(BENCH.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = []
    for script in scripts:
        print(f"\n### {script.stem}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], env=env, check=False)
        print(f"({script.stem}: {time.perf_counter() - started:.0f} s, exit {result.returncode})")
        if result.returncode != 0:
            failed.append(script.stem)
    print("\nresults in", BENCH / "results")
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
