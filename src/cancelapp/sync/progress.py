"""Progress of a sync, and an ETA that costs no extra request.

Pages come oldest change first, so how far the newest `updatedAt` seen has moved from the
step's first page towards the run's start says how much of the step is done.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # "requests" (the sources), "details", "in-full", "recent" or "changes"
    pages: int  # pages saved in this run so far
    orders: int  # orders saved in this run so far
    requests: int  # cancellation requests among those orders (found, while "requests")
    eta: timedelta | None  # time left in this step; None until it can be estimated
    read: int = 0  # the details step: orders read (at the run's level) so far, of
    to_read: int = 0  # the orders it set out to read (0 in the list steps)


class EtaEstimator:
    def __init__(self, until: datetime, clock: Callable[[], float] = time.monotonic) -> None:
        self._until = until
        self._clock = clock
        self._start_time = clock()
        self._first: datetime | None = None

    def restart(self) -> None:
        """A new step begins."""
        self._start_time = self._clock()
        self._first = None

    def after_page(self, oldest: datetime, newest: datetime) -> timedelta | None:
        if self._first is None:
            self._first = oldest
        span = (self._until - self._first).total_seconds()
        done = (newest - self._first).total_seconds()
        if span <= 0 or done <= 0:
            return None
        fraction = min(done / span, 1.0)
        elapsed = self._clock() - self._start_time
        return timedelta(seconds=elapsed * (1 - fraction) / fraction)
