"""Cancels of bulk operations that a stopped sync no longer wants, sent from threads of their
own.

A sync stopped while Shopify prepares its file (the store removed, the window closed, the app
quitting) asks Shopify to cancel the operation: left running, it refuses our next bulk query
(OPERATION_IN_PROGRESS) until it ends. The request goes from a daemon thread, so a closing window
never waits for Shopify's answer. A daemon thread is cut off when the interpreter exits, and the
store's client may be closed before it sends, so the session gives the cancels still under way a
short, bounded time before it closes its client (`finish`, from `StoreSession.close`, which the
app calls on quitting after the window has gone).
"""

from __future__ import annotations

import logging
import threading
import time

from cancelapp.shopify.bulk import cancel_bulk
from cancelapp.shopify.client import ShopifyClient

log = logging.getLogger(__name__)
GRACE = 2.0  # seconds a quitting app gives the cancels still under way, all of them together


class BulkCancels:
    """One store's cancels under way. Thread-safe: sent from sync workers, finished on close."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def send(self, client: ShopifyClient, operation_id: str) -> None:
        """Ask Shopify to cancel the operation from a daemon thread (`cancel_bulk`: best effort,
        failures logged)."""
        thread = threading.Thread(
            target=cancel_bulk, args=(client, operation_id), name="bulk-cancel", daemon=True
        )
        with self._lock:  # started inside: `finish` never sees one it cannot join yet
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            thread.start()

    def finish(self, deadline: float) -> None:
        """Wait until the cancels under way have had their answer, but not past `deadline`
        (`time.monotonic()`); one still waiting then is left to the operation's own expiry."""
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            if self._threads:
                log.info("%d bulk operation cancel(s) not answered in time", len(self._threads))
