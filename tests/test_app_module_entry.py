"""`python -m cancelapp` starts the same app as the `cancelapp` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cancelapp import __version__


def run_module(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CANCELAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keychain prompt in a smoke run
    return subprocess.run(
        [sys.executable, "-m", "cancelapp", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_python_m_cancelapp_prints_its_version(tmp_path: Path) -> None:
    done = run_module("--version", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"CancelApp {__version__}"


def test_python_m_cancelapp_runs_the_self_check(tmp_path: Path) -> None:
    done = run_module("--self-check", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "self-check: ok (0 requests in the cache" in done.stdout
