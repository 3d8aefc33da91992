"""Time for the demo shop: real by default, hand-driven in tests so nothing has to sleep."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class Clock:
    """Wall-clock time for timestamps and monotonic seconds for buckets, jobs and tokens."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class ManualClock(Clock):
    """A clock that moves only when `advance` is called."""

    def __init__(self, start: datetime | None = None) -> None:
        self._start = start or datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        self._elapsed = 0.0

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)

    def monotonic(self) -> float:
        return 1000.0 + self._elapsed

    def advance(self, seconds: float) -> None:
        self._elapsed += seconds
