"""The frozen build the start-up benchmark launches: CancelApp as users install it (build.spec,
PyInstaller onedir) and, in the same folder, a bare QMainWindow built with the same options and
Qt plugins (`bare_window.py`, added by build.spec when CANCELAPP_BENCH_FLOOR=1).

A PyInstaller build takes minutes, so it is made once into a folder outside the repository and
reused (PyInstaller's work folder beside it makes a rebuild after a source change faster).
CI never builds one: `bench_startup.py` measures a frozen build only when asked to build it or
when one is already there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = Path(tempfile.gettempdir()) / "cancelapp-frozen-bench"


@dataclass(frozen=True)
class FrozenBuild:
    app: Path  # the frozen cancelapp
    floor: Path  # the frozen bare QMainWindow beside it

    @classmethod
    def inside(cls, folder: Path) -> FrozenBuild:
        bundle = folder / "dist" / "CancelApp"
        suffix = ".exe" if sys.platform == "win32" else ""
        name = "cancelapp" if sys.platform == "linux" else "CancelApp"
        return cls(bundle / f"{name}{suffix}", bundle / f"bare-window{suffix}")

    def exists(self) -> bool:
        return self.app.is_file() and self.floor.is_file()

    def older_than_source(self) -> bool:
        """True when a source file changed after the build (its figures would be stale)."""
        built = self.app.stat().st_mtime
        sources = [ROOT / "build.spec", ROOT / "bench" / "bare_window.py"]
        sources += (ROOT / "src" / "cancelapp").rglob("*.py")
        return any(path.stat().st_mtime > built for path in sources)


def build(folder: Path) -> FrozenBuild:
    """Run PyInstaller on build.spec with the bare window added; minutes, not seconds."""
    print(f"building the frozen app and its floor in {folder} (PyInstaller, minutes)", flush=True)
    started = time.perf_counter()
    env = {**os.environ, "CANCELAPP_BENCH_FLOOR": "1", "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(folder / "dist"),
            "--workpath",
            str(folder / "work"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return FrozenBuild.inside(folder)


def frozen_build(folder: Path, mode: str) -> FrozenBuild | None:
    """The build to measure: `build` makes (or refreshes) it, `auto` takes one already there
    and as new as the source, `skip` none."""
    if mode == "skip":
        return None
    if mode == "build":
        return build(folder)
    found = FrozenBuild.inside(folder)
    if not found.exists():
        print(f"no frozen build in {folder}: frozen start-up not measured (--frozen build)")
        return None
    if found.older_than_source():  # it may not even open a cache the source wrote
        print(
            f"the frozen build in {folder} is older than the source: frozen start-up not"
            " measured (--frozen build)"
        )
        return None
    return found
