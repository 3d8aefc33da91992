"""Where CancelApp keeps its folders on each platform (each test runs on its own platform and
skips elsewhere), and that an override keeps every folder under it everywhere."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from cancelapp.paths import HOME_ENV, AppPaths


@pytest.fixture
def no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)


def test_an_override_keeps_every_folder_under_it(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "home")
    folders = (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir)
    assert all(folder.is_relative_to((tmp_path / "home").resolve()) for folder in folders)
    assert len(set(folders)) == 4


@pytest.mark.skipif(sys.platform != "win32", reason="Windows folders")
@pytest.mark.usefixtures("no_override")
def test_windows_keeps_everything_in_local_app_data() -> None:
    """Per user and not roaming: the cache of orders belongs to this computer."""
    paths = AppPaths.resolve()
    local = Path(os.environ["LOCALAPPDATA"]).resolve()
    assert paths.data_dir.resolve() == local / "CancelApp" / "CancelApp"
    for folder in (paths.config_dir, paths.cache_dir, paths.log_dir):
        assert folder.resolve().is_relative_to(paths.data_dir.resolve())


@pytest.mark.skipif(sys.platform != "darwin", reason="macOS folders")
@pytest.mark.usefixtures("no_override")
def test_macos_uses_the_library_folders() -> None:
    paths = AppPaths.resolve()
    library = Path.home() / "Library"
    assert paths.data_dir == library / "Application Support" / "CancelApp"
    assert paths.cache_dir == library / "Caches" / "CancelApp"
    assert paths.log_dir == library / "Logs" / "CancelApp"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux (XDG) folders")
@pytest.mark.usefixtures("no_override")
def test_linux_follows_the_xdg_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    paths = AppPaths.resolve()
    assert paths.data_dir == tmp_path / "data" / "CancelApp"
    assert paths.config_dir == tmp_path / "config" / "CancelApp"
    assert paths.cache_dir == tmp_path / "cache" / "CancelApp"
    assert paths.log_dir == tmp_path / "state" / "CancelApp" / "log"


@pytest.mark.skipif(os.name != "posix", reason="POSIX folder modes; Windows uses ACLs")
def test_folders_are_private_to_the_merchant(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    paths.create()
    for folder in (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
