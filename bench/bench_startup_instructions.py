"""Start-up in instructions: where the start to the first rows goes, stage by stage, against the
floor and against CancelApp's first frame drawn in plain PySide6 (issue 19, point 2).

`bench_startup.py` times whole launches; a process this short varies by ±30 % in wall and CPU
time on two shared cores. The number of instructions it executes does not: callgrind counts
every user-space instruction, the same from run to run within ~0.1 %, whatever else the machine
does. Each run leaves with `os._exit` at its stage (`stage_exit.py`), so neither the rest of the
start nor interpreter shutdown is counted. Counted for:
- the floor (`bare_window.py`), a table in plain PySide6 (`bare_table.py`) and CancelApp's whole
  first frame in plain PySide6 (`plain_frame.py`), at `imports`, `qapplication`, `window` and
  `shown`;
- CancelApp with a 50,000-request cache (`seed_cache.py`), at each stage of its start (see
  `stage_exit.py`), its data folder's lock cleared before each run so that no run checks the
  database as after a crash.
Instructions are not time: Qt's C++ runs more instructions per cycle than the interpreter does,
so the ratios here are not the ratios of `bench_startup.py`; they say which part grows.

Needs valgrind: about 20 runs of 10-40 s. `--check` (what `run_all.py --quick` runs in CI, where
valgrind is not installed) counts nothing: it runs every stage without valgrind and fails unless
each run leaves at its stage, so a renamed hook is noticed. Prints a table and writes
bench/results/startup_instructions.json.
Run: uv run python bench/bench_startup_instructions.py [--requests 50000] [--folder DIR] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from cancelapp.paths import AppPaths
from cancelapp.store.instance_lock import LOCK_FILE_NAME
from launching import launch_env
from seed_cache import seed_data_dir

HERE = Path(__file__).parent
RESULTS = HERE / "results" / "startup_instructions.json"
PLAIN = {"floor": "bare_window.py", "bare_table": "bare_table.py", "plain_frame": "plain_frame.py"}
PLAIN_STAGES = ("imports", "qapplication", "window", "shown")
APP_STAGES = (
    "entry",
    "qt_free_imports",
    "qapplication",
    "data_opened",
    "window_modules",
    "window",
    "shown",
)


def instructions(command: list[str], stage: str, env: dict[str, str]) -> int:
    """User-space instructions the command executes until it leaves at `stage`."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            env={**env, "BENCH_STAGE": stage},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not out.exists():
            detail = done.stderr[-2000:]
            raise RuntimeError(f"{command} at {stage} exited {done.returncode}: {detail}")
        for line in out.read_text().splitlines():
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError(f"{command} at {stage}: no summary in callgrind's output")


def reaches(command: list[str], stage: str, env: dict[str, str]) -> int:
    """`--check`: run to `stage` without valgrind; 0 instructions counted."""
    done = subprocess.run(
        command, env={**env, "BENCH_STAGE": stage}, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        detail = done.stderr[-2000:]
        raise RuntimeError(f"{command} did not leave at {stage} ({done.returncode}): {detail}")
    return 0


def measure(requests: int, folder: Path, *, check: bool = False) -> dict[str, dict[str, int]]:
    data_dir = folder / "full"
    if not data_dir.exists():
        seed_data_dir(data_dir, requests)
    lock = AppPaths.resolve(data_dir).data_dir / LOCK_FILE_NAME
    env = launch_env(folder)
    runner = str(HERE / "stage_exit.py")
    app = [sys.executable, runner, "cancelapp", str(data_dir)]
    subprocess.run(app, env=env, check=True, capture_output=True)  # compiles the bytecode
    count = reaches if check else instructions
    counts: dict[str, dict[str, int]] = {}
    for kind, script in PLAIN.items():
        command = [sys.executable, runner, "plain", str(HERE / script)]
        counts[kind] = {stage: count(command, stage, env) for stage in PLAIN_STAGES}
        print(f"{kind}: {counts[kind]['shown'] / 1e9:.3f} G" if not check else kind, flush=True)
    counts["cancelapp"] = {}
    for stage in APP_STAGES:
        lock.write_text("")  # the last run left with its pid in it: no quick_check
        counts["cancelapp"][stage] = count(app, stage, env)
    print(f"cancelapp: {counts['cancelapp']['shown'] / 1e9:.3f} G" if not check else "cancelapp")
    return counts


def report(counts: dict[str, dict[str, int]]) -> None:
    floor = counts["floor"]["shown"]
    print(f"\n{'to the first rows':<24}{'instructions':>14}{'x floor':>9}")
    for kind, stages in counts.items():
        print(f"{kind:<24}{stages['shown'] / 1e9:>12.3f} G{stages['shown'] / floor:>9.2f}")
    for kind, stages in counts.items():
        print(f"\n{kind}, by stage (M instructions)")
        before = 0
        for stage, count in stages.items():
            print(f"  {stage:<18}{(count - before) / 1e6:>8.0f}")
            before = count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--folder", type=Path, help="reuse a seeded cache here (kept)")
    parser.add_argument(
        "--check", action="store_true", help="no valgrind: only check that every stage is reached"
    )
    options = parser.parse_args()
    if not options.check and shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind); --check needs none")
    if options.folder is not None:
        options.folder.mkdir(parents=True, exist_ok=True)
        counts = measure(options.requests, options.folder, check=options.check)
    else:
        with tempfile.TemporaryDirectory(prefix="cancelapp-instructions-") as folder:
            counts = measure(options.requests, Path(folder), check=options.check)
    if options.check:
        print("every stage reached (--check: nothing counted)")
        return
    report(counts)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": f"{platform.machine()} {os.cpu_count()} CPUs",
                "python": platform.python_version(),
                "requests": options.requests,
                "instructions": counts,
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
