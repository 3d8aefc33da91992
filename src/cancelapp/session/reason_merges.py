"""The merchant's merges of cancellation reasons, one small JSON file per store.

Kept beside the store's policy in the config folder, written atomically; a file that cannot
be read counts as no merges (the report then shows every reason apart, and loses nothing).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from cancelapp.domain.cancel_reasons import CancelReason

log = logging.getLogger(__name__)
_KNOWN = frozenset(reason.value for reason in CancelReason)


def merges_path(config_dir: Path, store_id: int) -> Path:
    return config_dir / f"reason-merges-{store_id}.json"


def load_merges(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("reason merges in %s not read: %s", path, exc)
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if k in _KNOWN and v in _KNOWN and k != v}


def save_merges(path: Path, merges: Mapping[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(dict(sorted(merges.items())), handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
