"""One CancelApp per data folder: an OS file lock held for the life of the process.

The OS drops the lock when the process ends, however it ends, so a crash never leaves a
stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP
from cancelapp.store.errors import ReadOnlyFolderError, StoreError

LOCK_FILE_NAME = "cancelapp.lock"
_CONTEXT = "StoreError"


class AnotherInstanceError(StoreError):
    template = QT_TRANSLATE_NOOP(
        _CONTEXT,
        "CancelApp is already open with this data folder. Switch to that window; "
        "this one will close.",
    )


class InstanceLock:
    """`InstanceLock(data_dir).acquire()` at start-up; keep the object until exit."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILE_NAME
        self._fd: int | None = None
        self.previous_run_unclean = False

    def acquire(self) -> InstanceLock:
        """Take the lock or raise `AnotherInstanceError` at once (never waits);
        `ReadOnlyFolderError` when the data folder cannot be written."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise ReadOnlyFolderError(self.path) from exc
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise AnotherInstanceError(self.path) from exc
        os.lseek(fd, 0, os.SEEK_SET)
        # A pid left in the file means the last run ended without `release()`: a crash,
        # a kill or a power cut. The caller checks the database before trusting it.
        self.previous_run_unclean = bool(os.read(fd, 64).strip())
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())  # for support: who holds the folder
        self._fd = fd
        return self

    def release(self, *, clean: bool = True) -> None:
        """Let go of the folder; `clean` marks the exit clean (the pid goes), else the next
        start checks the database as after a crash."""
        if self._fd is not None:
            if clean:
                with contextlib.suppress(OSError):  # then the next start checks the database
                    os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    # Windows locks are mandatory: lock a byte past the pid so the pid stays readable.
    _WINDOWS_LOCK_OFFSET = 4096

    def _lock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
