"""Build the Linux onedir bundle with build.spec and smoke-test the frozen binary.

Slow (a PyInstaller run): skipped unless `--run-slow` (`.ci/run` gives it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_BUDGET_MB = 150

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle only"),
]


@pytest.fixture(scope="module")
def build_output() -> str:
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_frozen_self_check_passes_without_stderr(build_output: str) -> None:
    # build.sh fails on any stderr from the frozen app; here we check what it printed.
    assert "self-check: ok" in build_output


def test_bundle_fits_the_size_budget(build_output: str) -> None:
    match = re.search(r"bundle: (\d+) MB", build_output)
    assert match, build_output
    assert int(match.group(1)) <= BUNDLE_BUDGET_MB


@pytest.mark.keychain
def test_frozen_app_finds_the_secret_service_keychain(
    build_output: str, secret_service: object, tmp_path: Path
) -> None:
    """keyring finds its backends through entry points; the bundle must carry them."""
    result = subprocess.run(
        [
            str(ROOT / "dist" / "CancelApp" / "cancelapp"),
            "--self-check",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "keychain keyring.backends.SecretService.Keyring" in result.stdout


def test_frozen_app_removes_its_data_as_the_uninstaller_asks(
    build_output: str, tmp_path: Path
) -> None:
    """What the Windows uninstaller runs, on the frozen app: the folder it made goes."""
    home = tmp_path / "home"
    binary = str(ROOT / "dist" / "CancelApp" / "cancelapp")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    made = subprocess.run(
        [binary, "--self-check", "--data-dir", str(home)],
        capture_output=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert made.returncode == 0 and (home / "data" / "cancelapp.sqlite3").exists()
    removed = subprocess.run(
        [binary, "--remove-all-data", "--data-dir", str(home)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert removed.returncode == 0, removed.stderr
    assert removed.stderr == ""
    assert not home.exists()
