"""Memory: peak RSS of CancelApp with 100,000 requests loaded into the queue.

A real cache of `--requests` requests (orders, requests and verdicts written through the
store's repositories) is opened in fresh processes, two ways:
- `cancelapp --self-check --data-dir DIR`: the main window, the whole queue read from SQLite
  and loaded into the queue model, the first rows shown, then exit (a smoke run: it skips
  the background work of an interactive start);
- an interactive start: the app's own context and main window (`build_context`,
  `MainWindow.start()`, no keychain, so no network), kept open until every background task
  (sort orders, the first request's detail, the store's session) has finished.
Peak RSS comes from the kernel's accounting for each child (`os.wait4`, i.e. `getrusage`
maxrss). Beside them: the app on an empty cache and a bare PySide6 QMainWindow.

Target: under 300 MB with 100,000 requests. Prints a table and writes bench/results/memory.json.
Run: uv run python bench/bench_memory.py [--requests 100000] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cancelapp.paths import AppPaths
from launching import cancelapp_command, floor_command, launch, launch_env
from seed_cache import seed_data_dir

RESULTS = Path(__file__).parent / "results" / "memory.json"
TARGET_MB = 300.0
INTERACTIVE_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from cancelapp import cli
from cancelapp.context import build_context
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
context = build_context(AppPaths.resolve(sys.argv[1]), cli.parse([]), secrets=SecretStore(None))
window = MainWindow(context)
completed = []
window.queue_completed.connect(lambda: completed.append(True))
window.show()
window.start()

def settled():  # every row loaded (not just the first page) and the background work done
    if completed and context.workers.active_count == 0:
        app.quit()

timer = QTimer()
timer.timeout.connect(settled)
timer.start(50)
app.exec()
print(f"interactive start settled with {window.model.rowCount()} rows shown")
window.close()
context.close()
"""


def measure(requests: int, runs: int, folder: Path) -> dict[str, Any]:
    empty, full = folder / "empty", folder / "full"
    marker = folder / f"seeded-{requests}"
    if not marker.exists():  # `--keep`: seed once, measure before and after a change
        for home in (empty, full):
            if home.exists():
                shutil.rmtree(home)
        seed_data_dir(empty, 0)
        started = time.perf_counter()
        seed_data_dir(full, requests)
        print(f"seeded {requests:,} requests in {time.perf_counter() - started:.0f} s", flush=True)
        marker.touch()
    database = AppPaths.under(full).database_path
    env = launch_env(folder)
    commands = {
        "floor": floor_command(),
        "empty": cancelapp_command(empty),
        "cached": cancelapp_command(full),
        "interactive": [sys.executable, "-c", INTERACTIVE_SCRIPT, str(full)],
    }
    peaks: dict[str, list[float]] = {kind: [] for kind in commands}
    printed = ""
    for command in commands.values():
        launch(command, env)  # compile and cache the bytecode first: compiling takes memory
    for _ in range(runs):
        for kind, command in commands.items():
            launched = launch(command, env)
            peaks[kind].append(launched.max_rss_mb)
            printed = launched.line if kind == "interactive" else printed
    return {
        "requests": requests,
        "database_mb": round(database.stat().st_size / 2**20, 1),
        "printed": printed,
        "peak_rss_mb": {kind: round(statistics.median(v), 1) for kind, v in peaks.items()},
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep (or reuse) the seeded caches here")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = measure(args.requests, args.runs, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="cancelapp-bench-memory-") as tmp:
            figures = measure(args.requests, args.runs, Path(tmp))
    peaks = figures["peak_rss_mb"]
    per_request_kb = (peaks["cached"] - peaks["empty"]) * 1024 / args.requests
    report = {
        "benchmark": "memory",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "target": f"peak RSS < {TARGET_MB:.0f} MB with {args.requests:,} requests",
        "meets_target": max(peaks["cached"], peaks["interactive"]) < TARGET_MB,
        "kb_per_request": round(per_request_kb, 2),
        "results": figures,
    }
    print(f"{'peak RSS (median of ' + str(args.runs) + ')':<40}{'MB':>8}")
    print(f"{'bare QMainWindow (floor)':<40}{peaks['floor']:>8.0f}")
    print(f"{'CancelApp, empty cache':<40}{peaks['empty']:>8.0f}")
    label = f"CancelApp, {args.requests:,} requests"
    print(f"{label + ', self-check':<40}{peaks['cached']:>8.0f}  (target < 300)")
    print(f"{label + ', interactive':<40}{peaks['interactive']:>8.0f}  (target < 300)")
    print(
        f"{per_request_kb:.2f} KB per request loaded; database {figures['database_mb']} MB; "
        f"app said: {figures['printed']}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
