"""What a long session function may ask of the worker running it: stop early, report progress
and partial results.

`cancelapp.ui.workers.TaskControl` fulfils it on the Qt worker pool; the session names only this
protocol, so it stays Qt-free.
"""

from __future__ import annotations

import threading
from typing import Protocol


class TaskControl(Protocol):
    cancel_event: threading.Event

    def raise_if_cancelled(self) -> None:
        """End the task as cancelled when the merchant asked it to stop."""

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """`total` 0 means unknown (a busy indicator); `text` is for the merchant."""

    def found(self, request_ids: frozenset[int]) -> None:
        """Requests stored or judged so far, for the window to show before the task ends."""
