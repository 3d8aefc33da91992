"""The log file and the crash log, in UTF-8 whatever the locale or the path.

A path that is not valid UTF-8 (surrogate escapes on POSIX) or text an ASCII locale cannot
encode is written with replacement characters, never as "--- Logging error ---" on a stderr
a windowed app does not have. A logs folder that cannot be written costs the log, not the
start: the merchant is told where, and CancelApp runs.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from pathlib import Path
from typing import TextIO

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.paths import AppPaths

LOG_FILE_NAME = "cancelapp.log"
CRASH_FILE_NAME = "faulthandler.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_CONTEXT = "Startup"
_NO_LOG = QT_TRANSLATE_NOOP(
    "Startup",
    "CancelApp cannot write its log in {folder}, so this session keeps no log. Check that the "
    "folder exists and that you are allowed to change it.",
)
_crash_file: TextIO | None = None  # kept open for faulthandler for the life of the process


def setup_logging(paths: AppPaths) -> Phrase | None:
    """Log to the log folder; a notice for the merchant when that folder cannot be written."""
    global _crash_file
    try:
        handler: logging.Handler = logging.FileHandler(
            paths.log_dir / LOG_FILE_NAME, encoding="utf-8", errors="backslashreplace"
        )
        crash_file = (paths.log_dir / CRASH_FILE_NAME).open(
            "a", encoding="utf-8", errors="backslashreplace"
        )
    except OSError as exc:
        stream = _safe_stderr()
        handler = logging.StreamHandler(stream) if stream is not None else logging.NullHandler()
        logging.basicConfig(level=logging.INFO, format=FORMAT, handlers=[handler], force=True)
        logging.getLogger(__name__).warning("no log file: %s", exc)
        return Phrase(_CONTEXT, _NO_LOG, {"folder": str(paths.log_dir)})
    logging.basicConfig(level=logging.INFO, format=FORMAT, handlers=[handler], force=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file
    faulthandler.enable(crash_file)
    return None


def log_file(paths: AppPaths) -> Path:
    return paths.log_dir / LOG_FILE_NAME


def _safe_stderr() -> TextIO | None:
    """stderr that never raises on what it cannot encode (an ASCII locale); None in a
    windowed app, which has none."""
    stream = sys.stderr
    if stream is None:
        return None
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    return stream
