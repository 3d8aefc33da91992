"""Why CancelApp could not start, in the merchant's words, and what it can offer.

Qt-free: `error_box` shows it, `opening` decides. Every failure is logged with its traceback
and printed to stderr (for a terminal or a smoke test); a windowed app shows the box too.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.paths import AppPaths
from cancelapp.store import StoreError
from cancelapp.store.errors import DatabaseCorruptError

log = logging.getLogger(__name__)

EXIT_CODE = 2
_CONTEXT = "Startup"
_NO_FOLDER = QT_TRANSLATE_NOOP(
    "Startup",
    "CancelApp cannot create its data folder {folder} ({detail}). Check that the disk is "
    "connected and that you are allowed to write there, then start CancelApp again.",
)


class Choice(Enum):
    """The merchant's answer to a start-up problem."""

    QUIT = "quit"
    RESTORE_BACKUP = "restore"
    START_EMPTY = "start empty"


@dataclass(frozen=True)
class StartupProblem:
    message: Phrase  # what happened and what to do
    folder: Path  # the data folder, for the "Open data folder" button
    log_file: Path
    damage: DatabaseCorruptError | None = None  # the database can be moved aside
    latest_backup: datetime | None = None  # ... and the backup taken then restored


def store_problem(error: StoreError, paths: AppPaths) -> StartupProblem:
    # The backups (and the audit log and json they bring) load only for a problem to explain.
    from cancelapp.store.backups import backup_folder, backups, taken_at

    damage = error if isinstance(error, DatabaseCorruptError) else None
    found = backups(backup_folder(damage.path)) if damage is not None else []
    latest = taken_at(found[0]) if found else None
    return StartupProblem(error.phrase, paths.data_dir, _log_file(paths), damage, latest)


def folder_problem(error: OSError, paths: AppPaths) -> StartupProblem:
    detail = error.strerror or type(error).__name__
    phrase = Phrase(_CONTEXT, _NO_FOLDER, {"folder": str(paths.data_dir), "detail": detail})
    return StartupProblem(phrase, paths.data_dir, _log_file(paths))


def report(problem: StartupProblem, cause: BaseException) -> None:
    """Into the log (with the cause) and onto stderr, when there is one: once. Before the
    log is set up (no data folder) there is only stderr; a log that fell back to stderr (a
    logs folder that cannot be written) says it there itself, without the traceback."""
    text = problem.message.render_plain()
    handlers = logging.getLogger().handlers
    logged_on_stderr = any(_on_stderr(h) for h in handlers)
    if handlers:
        log.error("CancelApp cannot start: %s", text, exc_info=None if logged_on_stderr else cause)
    if sys.stderr is not None and not logged_on_stderr:
        # A closed or ASCII-only stderr: the log and the box still say it.
        with contextlib.suppress(OSError, UnicodeError):
            print(text, file=sys.stderr, flush=True)


def _on_stderr(handler: logging.Handler) -> bool:
    stream = getattr(handler, "stream", None)
    return (
        not isinstance(handler, logging.FileHandler)
        and stream is not None
        and (stream in (sys.stderr, sys.__stderr__))
    )


def _log_file(paths: AppPaths) -> Path:
    from cancelapp.startup.log_files import log_file

    return log_file(paths)
