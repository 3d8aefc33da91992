"""A data folder the merchant cannot write to gives a message naming the folder.

Runs in a subprocess; as root it drops the capability that lets root ignore permissions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cancelapp.store import Database

SCRIPT = Path(__file__).with_name("open_database_script.py")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder permissions")


def open_unprivileged(path: Path) -> list[str]:
    command = [sys.executable, str(SCRIPT), str(path)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", caps, "--inh-caps", caps, *command]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    return done.stdout.splitlines()


def test_new_database_in_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        lines = open_unprivileged(folder / "cancelapp.sqlite3")
    finally:
        folder.chmod(0o755)
    assert lines[0] == "ReadOnlyFolderError"
    assert f"cannot write to its data folder {folder}" in lines[1]


@pytest.mark.parametrize("file_mode", [0o400, 0o600])
def test_existing_database_in_folder_that_became_read_only(tmp_path: Path, file_mode: int) -> None:
    folder = tmp_path / "data"
    path = folder / "cancelapp.sqlite3"
    Database.open(path).close()
    folder.chmod(0o555)
    path.chmod(file_mode)
    try:
        lines = open_unprivileged(path)
    finally:
        folder.chmod(0o755)
        path.chmod(0o600)
    assert lines[0] == "ReadOnlyFolderError"
    assert str(folder) in lines[1]


def test_the_same_script_succeeds_in_a_writable_folder(tmp_path: Path) -> None:
    assert open_unprivileged(tmp_path / "data" / "cancelapp.sqlite3") == ["opened"]
