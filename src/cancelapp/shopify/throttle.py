"""Paces requests by the cost budget Shopify reports, so a long sync is never throttled.

Shopify's leaky bucket holds `maximumAvailable` points and refills at `restoreRate` points per
second; every response says how much is left (`extensions.cost.throttleStatus`). Before each
request the client projects that reading forward to now and, if the request's cost is not
covered yet, waits exactly until it is. Waiting is interruptible by a `threading.Event`.

Requests acquired `first` (a merchant waits on them, or a decision already made sends them)
go first: while one of them waits for the budget, background requests (a sync's pages) start
none, so they cannot take each refill as it comes. Without that, a first sync's backfill pages
(about 900 points each) took every refill and an order read for Approve selected (also about
900) waited until the backfill ended, a minute or more. Only a wait for the budget counts, not
a merchant's section being open: with budget to spare nobody waits, and a background request
(a decision whose undo window is over, a sync) is never held back for longer than the first
requests' own waits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cancelapp.shopify.errors import Cancelled

# Returns True when the wait was interrupted by the event.
Sleep = Callable[[float, "threading.Event | None"], bool]
Clock = Callable[[], float]
_EPSILON = 1e-6  # points; absorbs float rounding after an exact wait
# Asked for on top of the cost: Shopify rounds `currentlyAvailable` and keeps its own clock, so
# arriving at the exact point the budget suffices risks a THROTTLED answer for a fraction.
MARGIN_POINTS = 1.0
# How soon a background request looks again while a first request waits for the budget.
YIELD_S = 0.1


def event_sleep(seconds: float, cancel: threading.Event | None) -> bool:
    """The real sleep: blocks until `seconds` pass or `cancel` is set."""
    if cancel is None:
        time.sleep(seconds)
        return False
    return cancel.wait(seconds)


@dataclass(frozen=True)
class ThrottleStatus:
    maximum_available: float
    currently_available: float
    restore_rate: float  # points per second

    @classmethod
    def from_extensions(cls, extensions: Mapping[str, Any] | None) -> ThrottleStatus | None:
        """From a response's `extensions`; None when it carries no readable cost."""
        try:
            status = extensions["cost"]["throttleStatus"]  # type: ignore[index]
            return cls(
                float(status["maximumAvailable"]),
                float(status["currentlyAvailable"]),
                float(status["restoreRate"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class Reservation:
    """Points reserved for one request, and how many readings had arrived when it was made."""

    cost: float
    readings: int
    waited_s: float  # how long the request waited for the budget


class Throttle:
    """One store's budget, shared by every thread using that store's client."""

    def __init__(self, clock: Clock = time.monotonic, sleep: Sleep = event_sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._reading: ThrottleStatus | None = None
        self._read_at = 0.0
        self._readings = 0  # how many readings Shopify has sent: `release` checks none came
        self._first_waiting = 0  # `first` requests waiting for the budget now
        self.waited_s = 0.0  # total time spent pacing, for measurements

    @property
    def status(self) -> ThrottleStatus | None:
        """The last reading projected to now (None before the first response)."""
        with self._lock:
            return self._projected()

    @property
    def restore_rate(self) -> float | None:
        reading = self._reading
        return reading.restore_rate if reading else None

    def record(self, status: ThrottleStatus | None) -> None:
        """Takes Shopify's latest reading; it replaces the local projection."""
        if status is None:
            return
        with self._lock:
            self._reading = status
            self._read_at = self._clock()
            self._readings += 1

    def delay_for(self, cost: float) -> float:
        """Seconds until `cost` points are available (0 when unknown or already covered)."""
        with self._lock:
            return self._delay(cost)

    def acquire(
        self, cost: float, cancel: threading.Event | None = None, *, first: bool = False
    ) -> Reservation:
        """Waits until `cost` is covered, then reserves it until a response brings a fresh
        reading (or `release` gives it back). `first`: a request a merchant waits on or a
        decision sends; while one waits for the budget, the others wait too."""
        waited = 0.0
        counted = False  # this `first` request is counted among those waiting
        try:
            while True:
                with self._lock:
                    delay = self._delay(cost)
                    if self._first_waiting and not first:
                        delay = max(delay, YIELD_S)
                    elif delay <= 0:
                        self._reserve(cost)
                        self.waited_s += waited
                        return Reservation(cost, self._readings, waited)
                    elif first and not counted:
                        self._first_waiting += 1
                        counted = True
                self.pause(delay, cancel)
                waited += delay
        finally:
            if counted:
                with self._lock:
                    self._first_waiting -= 1

    def release(self, reservation: Reservation) -> None:
        """Gives back the points of a request that brought no reading: it never reached
        Shopify, was refused before running, or its answer never came (Shopify charges a
        query's actual cost, mostly far below the points reserved; the next answer's reading
        says what it charged). Kept, they added up: while a store could not be reached, every
        retry of every thread took its cost again and no answer brought a reading back, so
        requests queued for minutes behind a budget spent on nothing. A reading that arrived
        since already leaves the request out: nothing to give back."""
        with self._lock:
            if self._readings != reservation.readings or self._reading is None:
                return
            projected = self._projected()
            assert projected is not None
            self._reading = ThrottleStatus(
                projected.maximum_available,
                min(projected.maximum_available, projected.currently_available + reservation.cost),
                projected.restore_rate,
            )
            self._read_at = self._clock()

    def pause(self, seconds: float, cancel: threading.Event | None) -> None:
        """Sleeps (for pacing or a back-off) unless `cancel` is set; raises `Cancelled` then."""
        if cancel is not None and cancel.is_set():
            raise Cancelled
        if seconds > 0 and self._sleep(seconds, cancel):
            raise Cancelled

    def _projected(self) -> ThrottleStatus | None:
        reading = self._reading
        if reading is None:
            return None
        elapsed = max(self._clock() - self._read_at, 0.0)
        available = min(
            reading.maximum_available,
            reading.currently_available + elapsed * reading.restore_rate,
        )
        return ThrottleStatus(reading.maximum_available, available, reading.restore_rate)

    def _delay(self, cost: float) -> float:
        projected = self._projected()
        if projected is None:
            return 0.0
        # A query larger than the whole bucket can still run once the bucket is full.
        target = min(cost + MARGIN_POINTS, projected.maximum_available)
        needed = target - projected.currently_available
        if needed <= _EPSILON:
            return 0.0
        if projected.restore_rate <= 0:
            return 1.0  # Shopify's documented fallback back-off
        return needed / projected.restore_rate

    def _reserve(self, cost: float) -> None:
        """Counts a request in flight until its response brings a fresh reading."""
        projected = self._projected()
        if projected is not None:
            self._reading = ThrottleStatus(
                projected.maximum_available,
                projected.currently_available - cost,
                projected.restore_rate,
            )
            self._read_at = self._clock()
