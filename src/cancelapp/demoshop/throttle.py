"""Shopify's cost-based rate limit: a leaky bucket of query-cost points per app and store."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from cancelapp.demoshop.clock import Clock

SINGLE_QUERY_MAX_COST = 1000


@dataclass(frozen=True)
class ThrottleStatus:
    maximum_available: float
    currently_available: float
    restore_rate: float

    def as_json(self) -> dict[str, float]:
        return {
            "maximumAvailable": self.maximum_available,
            "currentlyAvailable": int(self.currently_available),
            "restoreRate": self.restore_rate,
        }


class LeakyBucket:
    """Holds up to `size` points and refills at `restore_rate` points per second."""

    def __init__(self, clock: Clock, *, size: float = 1000, restore_rate: float = 100) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.size = float(size)
        self.restore_rate = float(restore_rate)
        self._available = self.size
        self._at = clock.monotonic()
        self.throttled = 0  # requests refused for lack of points
        self.spent = 0  # points actually consumed by answered requests

    def _refill(self) -> None:
        now = self._clock.monotonic()
        self._available = min(self.size, self._available + (now - self._at) * self.restore_rate)
        self._at = now

    def take(self, cost: int) -> bool:
        """Take `cost` points if the bucket holds them; count a throttled request if not."""
        with self._lock:
            self._refill()
            if cost > self._available:
                self.throttled += 1
                return False
            self._available -= cost
            return True

    def give_back(self, points: int) -> None:
        """Return what a request reserved but did not use (requested minus actual cost)."""
        with self._lock:
            self._refill()
            self._available = min(self.size, self._available + points)

    def record_spent(self, points: int) -> None:
        with self._lock:
            self.spent += points

    def status(self) -> ThrottleStatus:
        with self._lock:
            self._refill()
            return ThrottleStatus(self.size, self._available, self.restore_rate)
