"""`--remove-all-data` finds CancelApp's folders where the platform keeps them, and leaves an
open CancelApp alone. (Against a real keychain: tests/keychain/test_keychain_remove_all_data.py.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cancelapp.app import main
from cancelapp.data_removal import EXIT_APP_OPEN, remove_all_data
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.store import InstanceLock


def no_keychain() -> SecretStore:
    raise AssertionError("no store is connected: the keychain must not be looked for")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders of Linux")
def test_the_platform_folders_go_and_their_neighbours_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CANCELAPP_HOME", raising=False)
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    paths = AppPaths.resolve()
    paths.create()
    (paths.log_dir / "cancelapp.log").write_text("started\n", encoding="utf-8")
    neighbour = tmp_path / "data" / "SomeOtherApp"
    neighbour.mkdir()

    assert main(["--remove-all-data"]) == 0

    assert "Removed CancelApp's data" in capsys.readouterr().out
    for folder in (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir):
        assert not folder.exists()
    assert not (tmp_path / "state" / "CancelApp").exists()  # the log folder's publisher folder
    assert neighbour.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "config", "data", "state"]


def test_nothing_to_remove_is_said_and_creates_nothing(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "never-used")
    removal = remove_all_data(paths, no_keychain)
    assert removal.exit_code == 0
    assert removal.message == "CancelApp has no data on this computer."
    assert not (tmp_path / "never-used").exists()


def test_an_open_cancelapp_keeps_its_data(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    paths.create()
    with InstanceLock(paths.data_dir):
        removal = remove_all_data(paths, no_keychain)
    assert removal.exit_code == EXIT_APP_OPEN
    assert "already open" in removal.message
    assert paths.data_dir.is_dir()
    assert paths.config_dir.is_dir()
