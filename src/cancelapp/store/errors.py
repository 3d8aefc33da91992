"""Database failures a merchant can act on, in plain words.

`translate_errors()` turns the sqlite3 errors we know (disk full, read-only folder, locked,
corrupt) into these types; anything else is a bug and propagates unchanged to the crash log.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase

_CONTEXT = "StoreError"

# Primary result codes (the low byte of an extended code).
SQLITE_READONLY = 8
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_IOERR_WRITE = 10 | (3 << 8)  # what some systems report instead of SQLITE_FULL


class StoreError(Exception):
    """A database problem with a message the merchant can read (`merchant_message`); each
    kind spells it out in `template` (context "StoreError")."""

    template: ClassVar[str]

    def __init__(self, path: Path, **args: str) -> None:
        self.phrase = Phrase(_CONTEXT, self.template, dict(args))
        super().__init__(self.phrase.render_plain())
        self.path = path

    @property
    def merchant_message(self) -> str:
        return self.phrase.render_plain()


class DiskFullError(StoreError):
    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "The disk holding CancelApp's data is full. Free some space, then try "
        "again. Nothing you saved before has been lost.",
    )


class ReadOnlyFolderError(StoreError):
    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "CancelApp cannot write to its data folder {folder}. Check that the folder "
        "exists and that you are allowed to change it, or choose another folder.",
    )

    def __init__(self, path: Path) -> None:
        super().__init__(path, folder=str(path.parent))


class DatabaseLockedError(StoreError):
    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "CancelApp's data is busy in another program. Close other copies of "
        "CancelApp (or backup tools using its folder) and try again.",
    )


class NewerDatabaseError(StoreError):
    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "This data was saved by a newer version of CancelApp. Install the newer "
        "version to open it; this version has not changed it.",
    )

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(path)
        self.found = found
        self.supported = supported


class DatabaseCorruptError(StoreError):
    """The file is damaged or not a CancelApp database. `move_aside()` keeps it for support."""

    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "CancelApp's saved data is damaged and cannot be read. CancelApp can move "
        "the damaged file aside (it is kept, not deleted) and download your orders "
        "again from Shopify.",
    )

    def move_aside(self) -> Path:
        """Rename the file (and its -wal/-shm companions); return the new name. Never deletes.

        Close the `Database` first (Windows refuses to rename an open file); then open a new
        one at the same path and run a full sync.
        """
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        for suffix in ("-wal", "-shm"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
        self.path.rename(target)
        return target


class EmptyDatabaseError(DatabaseCorruptError):
    """The file is there but holds nothing (0 bytes): something truncated it. Never started
    over silently, which would look like every request had vanished."""

    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "CancelApp's data file is empty (0 bytes): something has truncated it. CancelApp can "
        "restore the latest backup, or move the empty file aside and download your orders "
        "again from Shopify.",
    )


class DatabaseIsFolderError(StoreError):
    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "CancelApp's data file {file} is a folder, not a file. Move or rename that folder, "
        "then start CancelApp again.",
    )

    def __init__(self, path: Path) -> None:
        super().__init__(path, file=str(path))


class DiskIOError(StoreError):
    """SQLite could not read or write the file: a failing disk, a removed USB drive or network
    share, or a -wal file deleted by a cleaner or sync tool while CancelApp ran."""

    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "CancelApp could not read or write its data in {folder} (a disk error). Quit "
        "CancelApp, check that the disk or network drive is connected and that no cleaning "
        "or sync program removes files in that folder, then start CancelApp again. Recent "
        "changes may need to be made again; if the problem stays, restore from a backup.",
    )

    def __init__(self, path: Path) -> None:
        super().__init__(path, folder=str(path.parent))


def classify(error: sqlite3.Error, path: Path) -> StoreError | None:
    """The merchant-facing error for a known sqlite3 failure, or None for a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary == SQLITE_FULL or (code == SQLITE_IOERR_WRITE and _disk_full(path)):
        return DiskFullError(path)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseCorruptError(path)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLockedError(path)
    if primary == SQLITE_READONLY or (primary == SQLITE_CANTOPEN and not _writable(path)):
        return ReadOnlyFolderError(path)
    if primary == SQLITE_IOERR:
        return DiskIOError(path)
    return None


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Re-raise known sqlite3 failures as `StoreError`s; leave the rest alone."""
    try:
        yield
    except sqlite3.Error as exc:
        known = classify(exc, path)
        if known is None:
            raise
        raise known from exc


def _writable(path: Path) -> bool:
    folder_ok = os.access(path.parent, os.W_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1024 * 1024
    except OSError:
        return False
