"""The one source of CancelApp's directories.

Resolved once in `main()`, never at import: `--data-dir`, then `CANCELAPP_HOME`, then the
platform's own places (platformdirs). With an override every directory lives under it, so tests
and smoke runs never touch the merchant's real folders.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "CancelApp"
APP_AUTHOR = "CancelApp"
HOME_ENV = "CANCELAPP_HOME"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path  # database, journal
    config_dir: Path  # settings (`cancelapp.settings.settings_path`), policies
    cache_dir: Path
    log_dir: Path

    @property
    def database_path(self) -> Path:
        return self.data_dir / "cancelapp.sqlite3"

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        root = root.expanduser().resolve()
        return cls(root / "data", root / "config", root / "cache", root / "logs")

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        override = data_dir or os.environ.get(HOME_ENV)
        if override:
            return cls.under(Path(override))
        import platformdirs  # only when needed: it costs a start-up a few milliseconds

        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )

    def create(self) -> None:
        """Make every directory, readable by the merchant only."""
        for path in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            path.mkdir(parents=True, exist_ok=True, mode=0o700)


def resources_dir() -> Path:
    """`resources/` beside the source tree, or inside a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
