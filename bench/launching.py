"""Launching a fresh process and timing it: its first line on stdout, its exit, CPU and peak RSS."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CANCELAPP = Path(sys.executable).parent / "cancelapp"
BARE_WINDOW = Path(__file__).parent / "bare_window.py"
BARE_TABLE = Path(__file__).parent / "bare_table.py"
PLAIN_FRAME = Path(__file__).parent / "plain_frame.py"


def floor_command() -> list[str]:
    """The floor from source: a bare PySide6 QMainWindow in this interpreter."""
    return [sys.executable, str(BARE_WINDOW)]


def table_command() -> list[str]:
    """Qt's work for CancelApp's first frame (menus, a 100-row table, a status bar), in plain
    PySide6: what the frame costs before any CancelApp code."""
    return [sys.executable, str(BARE_TABLE)]


def frame_command() -> list[str]:
    """CancelApp's whole first frame (tabs, filters, badges, action bar, status lines) in
    plain PySide6, its data in a list: what Qt and PySide cost for what the merchant sees."""
    return [sys.executable, str(PLAIN_FRAME)]


@dataclass(frozen=True)
class Launch:
    to_first_rows_s: float  # until the process printed its line
    cpu_to_first_rows_s: float | None  # its CPU time by then (Linux: /proc), steadier under load
    to_exit_s: float
    cpu_s: float  # user + system time of the process
    max_rss_mb: float
    line: str


def launch(command: list[str], env: dict[str, str]) -> Launch:
    """Start `command`, time its first stdout line and its exit; raises if it fails."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        line = process.stdout.readline()
        first = time.perf_counter() - started
        cpu_first = cpu_so_far(process.pid)
        process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        ended = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        if process.returncode != 0 or not line:
            errors.seek(0)
            detail = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{command[0]} exited {process.returncode}: {detail}")
    return Launch(
        first,
        cpu_first,
        ended,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        line.decode().strip(),
    )


def cpu_so_far(pid: int) -> float | None:
    """User + system CPU seconds `pid` has used until now (10 ms ticks), or None off Linux.
    Wall time on two shared cores mostly measures the other processes; CPU time does not."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def launch_env(folder: Path) -> dict[str, str]:
    """Offscreen, unbuffered, and with bytecode cached (in `folder`) as an installed app has it:
    with PYTHONDONTWRITEBYTECODE every launch would compile every module again."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    for name in ("PYTHONDONTWRITEBYTECODE", "CANCELAPP_HOME"):
        env.pop(name, None)
    return env


def cancelapp_command(data_dir: Path, program: Path = CANCELAPP) -> list[str]:
    return [str(program), "--self-check", "--data-dir", str(data_dir)]
