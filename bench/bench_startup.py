"""Start-up: process start to the main window showing its first rows, against the Qt floor.

Each run launches a fresh process and times from just before the launch to the moment its
line arrives on stdout (unbuffered), so process exit and teardown are not counted:
- CancelApp: `cancelapp --self-check --data-dir DIR`, which opens the main window, loads the
  cache into the queue and prints its line once the first rows are in the table; on a
  first launch (no data folder), an empty cache (one store, no requests) and 50,000 cached
  requests (a real SQLite cache written through the store's repositories);
- the floor: a bare PySide6 script that opens an empty QMainWindow and prints (`bare_window.py`);
- a table in plain PySide6 (`bare_table.py`: menus, a 100-row table over a Python model, a
  status bar), and CancelApp's whole first frame in plain PySide6 (`plain_frame.py`: its menus,
  tabs, filters, badge delegate, action bar and status lines over a Python list): not targets,
  but how much of the start is Qt's and PySide's work for what the first frame shows rather
  than CancelApp's code;
- frozen (issue 19): the PyInstaller build users install (build.spec, onedir) on the empty and
  the 50,000-request cache, against its own floor, the bare window frozen in the same bundle with
  the same options and Qt plugins (`frozen.py`). `--frozen build` builds it (minutes) into
  `--frozen-dir`, outside the repository, and later runs reuse it; by default (`auto`) it is
  measured only if a build is already there, so `run_all.py --quick` in CI never builds one.
Runs are interleaved (floor, then each cache, then the frozen ones) so a busy machine slows
all alike, after one untimed round that compiles the bytecode (cached as in an installed app,
never in the source tree); medians are reported, with each process's CPU time (less sensitive
to other load).

Target: at most 1.5× the floor with 50,000 requests, from source and frozen, each against its
own floor. All run offscreen.
`--baseline DIR` also launches another checkout's app (DIR/.venv, after `uv sync` there) on the
same caches in the same rounds: a before/after comparison on one machine under one load.
Prints a table and writes bench/results/startup.json.
Run: uv run python bench/bench_startup.py [--requests 50000] [--runs 7] [--baseline DIR]
     [--frozen auto|build|skip] [--frozen-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from frozen import DEFAULT_FOLDER, FrozenBuild, frozen_build
from launching import (
    Launch,
    cancelapp_command,
    floor_command,
    frame_command,
    launch,
    launch_env,
    table_command,
)
from seed_cache import seed_data_dir

RESULTS = Path(__file__).parent / "results" / "startup.json"
TARGET_RATIO = 1.5
OWN_TIMING = re.compile(r"first rows after (\d+) ms")


def summary(launches: list[Launch]) -> dict[str, Any]:
    first = [x.to_first_rows_s for x in launches]
    figures: dict[str, Any] = {
        "runs": len(launches),
        "to_first_rows_s_median": round(statistics.median(first), 3),
        "to_first_rows_s_min": round(min(first), 3),
        "to_first_rows_s_max": round(max(first), 3),
        "to_exit_s_median": round(statistics.median(x.to_exit_s for x in launches), 3),
        "cpu_s_median": round(statistics.median(x.cpu_s for x in launches), 3),
        "max_rss_mb_median": round(statistics.median(x.max_rss_mb for x in launches), 1),
        "printed": launches[-1].line,
    }
    cpu_first = [x.cpu_to_first_rows_s for x in launches if x.cpu_to_first_rows_s is not None]
    if cpu_first:
        figures["cpu_to_first_rows_s_median"] = round(statistics.median(cpu_first), 3)
    own = [float(m.group(1)) for x in launches if (m := OWN_TIMING.search(x.line))]
    if own:  # the app's own figure: from its main() to the first rows painted
        figures["main_to_first_rows_ms_median"] = round(statistics.median(own))
    return figures


def measure(
    requests: int,
    runs: int,
    folder: Path,
    baseline: Path | None = None,
    frozen: FrozenBuild | None = None,
) -> dict[str, dict[str, Any]]:
    empty, full = folder / "empty", folder / "full"
    seed_data_dir(empty, 0)
    started = time.perf_counter()
    seed_data_dir(full, requests)
    print(f"seeded {requests:,} requests in {time.perf_counter() - started:.0f} s", flush=True)
    env = launch_env(folder)
    kinds: dict[str, list[Launch]] = {
        "floor": [],
        "bare_table": [],
        "plain_frame": [],
        "first_launch": [],
        "empty": [],
        "cached": [],
    }
    if baseline is not None:
        kinds |= {"baseline_first_launch": [], "baseline_cached": []}
    if frozen is not None:
        kinds |= {"frozen_floor": [], "frozen_empty": [], "frozen_cached": []}
    for run in range(-1, runs):  # run -1 warms the bytecode and file caches, untimed
        fresh = folder / f"fresh-{run}"
        commands = {
            "floor": floor_command(),
            "bare_table": table_command(),
            "plain_frame": frame_command(),
            "first_launch": cancelapp_command(fresh),
            "empty": cancelapp_command(empty),
            "cached": cancelapp_command(full),
        }
        if baseline is not None:
            before = baseline / ".venv" / "bin" / "cancelapp"
            commands["baseline_first_launch"] = cancelapp_command(folder / f"fresh-b{run}", before)
            commands["baseline_cached"] = cancelapp_command(full, before)
        if frozen is not None:
            commands["frozen_floor"] = [str(frozen.floor)]
            commands["frozen_empty"] = cancelapp_command(empty, frozen.app)
            commands["frozen_cached"] = cancelapp_command(full, frozen.app)
        for kind, command in commands.items():
            launched = launch(command, env)
            if run >= 0:
                kinds[kind].append(launched)
        if run < 0:
            continue
        print(
            f"run {run + 1}/{runs}: "
            + ", ".join(f"{k} {v[-1].to_first_rows_s:.2f} s" for k, v in kinds.items()),
            flush=True,
        )
    return {kind: summary(launches) for kind, launches in kinds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument(
        "--frozen",
        choices=["auto", "build", "skip"],
        default="auto",
        help="the PyInstaller build: measure one already built (auto), build it first, or skip",
    )
    parser.add_argument("--frozen-dir", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args()
    frozen = frozen_build(args.frozen_dir, args.frozen)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="cancelapp-bench-startup-") as tmp:
        figures = measure(args.requests, args.runs, Path(tmp), args.baseline, frozen)
    ratios = {
        kind: ratio_to(figures[floor_of(kind)], f)
        for kind, f in figures.items()
        if "floor" not in kind
    }
    if frozen is not None:  # what the bootloader and bundle cost a bare window
        ratios["frozen_floor"] = ratio_to(figures["floor"], figures["frozen_floor"])
    # How much of the cached start is the frame itself (Qt's work), how much CancelApp's code.
    ratios["cached_to_bare_table"] = ratio_to(figures["bare_table"], figures["cached"])
    ratios["cached_to_plain_frame"] = ratio_to(figures["plain_frame"], figures["cached"])
    report = {
        "benchmark": "startup",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": [round(x, 1) for x in load_before],
        },
        "cached_requests": args.requests,
        "load_average_after": [round(x, 1) for x in os.getloadavg()],
        "frozen_build": str(frozen.app) if frozen else None,
        "target": f"cached start-up ≤ {TARGET_RATIO}× the floor (source and frozen, each its own)",
        "meets_target": all(
            ratios[kind]["wall"] <= TARGET_RATIO
            for kind in ("cached", "frozen_cached")
            if kind in ratios
        ),
        "ratio_to_floor": ratios,
        "results": figures,
    }
    print_table(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS}")


def floor_of(kind: str) -> str:
    """Frozen runs are compared with the frozen floor, the others with the source floor."""
    return "frozen_floor" if kind.startswith("frozen") else "floor"


def ratio_to(floor: dict[str, Any], figures: dict[str, Any]) -> dict[str, float]:
    """Wall and CPU time to the first rows against the floor's (CPU until exit where /proc is
    missing)."""
    cpu = "cpu_to_first_rows_s_median" if "cpu_to_first_rows_s_median" in floor else "cpu_s_median"
    return {
        "wall": round(figures["to_first_rows_s_median"] / floor["to_first_rows_s_median"], 2),
        "cpu": round(figures[cpu] / max(floor[cpu], 0.01), 2),
    }


def print_table(report: dict[str, Any]) -> None:
    labels = {
        "floor": "bare QMainWindow (floor)",
        "bare_table": "a table in plain PySide6",
        "plain_frame": "the first frame in plain PySide6",
        "first_launch": "CancelApp, first launch",
        "empty": "CancelApp, empty cache",
        "cached": f"CancelApp, {report['cached_requests']:,} requests",
        "baseline_first_launch": "baseline, first launch",
        "baseline_cached": f"baseline, {report['cached_requests']:,} requests",
        "frozen_floor": "frozen bare QMainWindow (floor)",
        "frozen_empty": "frozen CancelApp, empty cache",
        "frozen_cached": f"frozen CancelApp, {report['cached_requests']:,} requests",
    }
    print(
        f"{'start-up to first rows':<34}{'median s':>9}{'min s':>7}{'max s':>7}{'CPU s':>7}"
        f"{'exit CPU':>9}{'RSS MB':>8}{'× floor':>9}{'CPU ×':>7}"
    )
    for kind, f in report["results"].items():
        ratio = report["ratio_to_floor"].get(kind, {"wall": 1.0, "cpu": 1.0})
        print(
            f"{labels[kind]:<34}{f['to_first_rows_s_median']:>9.3f}{f['to_first_rows_s_min']:>7.3f}"
            f"{f['to_first_rows_s_max']:>7.3f}{f.get('cpu_to_first_rows_s_median', 0):>7.2f}"
            f"{f['cpu_s_median']:>9.2f}{f['max_rss_mb_median']:>8.0f}{ratio['wall']:>9.2f}"
            f"{ratio['cpu']:>7.2f}"
        )
    print("CPU s: the process's CPU time when its line arrived (first rows); exit CPU: until exit")
    to_frame = report["ratio_to_floor"]["cached_to_plain_frame"]
    print(
        f"CancelApp, {report['cached_requests']:,} requests, against its first frame in plain "
        f"PySide6 (plain_frame.py): {to_frame['wall']:.2f}× wall, {to_frame['cpu']:.2f}× CPU"
    )
    print("× floor: frozen rows against the frozen floor; the frozen floor against the source one")
    load = report["machine"]["load_average"], report["load_average_after"]
    print(f"load average {load[0]} before, {load[1]} after")
    print(f"target: {report['target']}; met: {report['meets_target']}")


if __name__ == "__main__":
    main()
