"""Faults the demo shop can be told to commit, to prove the client survives them.

A fault applies to the next matching request (optionally only for one operation name, or the
OAuth token endpoint as `access_token`), a number of times, or at a rate. Faults marked
`after_execute` let the request do its work first and then spoil the answer: a mutation that
happened although the client never heard back.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from enum import StrEnum


class FaultKind(StrEnum):
    LATENCY = "latency"  # answer after a delay
    SERVER_ERROR = "server_error"  # HTTP 5xx
    RATE_LIMITED = "rate_limited"  # HTTP 429 with Retry-After
    DROP = "drop"  # close the connection without an answer
    MALFORMED = "malformed"  # HTTP 200 with a body that is not JSON
    TRUNCATED = "truncated"  # the body stops half way, connection closed
    REFUSED = "refused"  # HTTP 200 with a GraphQL error: a document Shopify will not run
    HELD = "held"  # the request waits until a test lets it through (a shop that hangs)


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    after_execute: bool = False
    delay: float = 0.0
    status: int = 503
    retry_after: float = 1.0
    gate: threading.Event | None = None  # `held`: set, the request goes on

    @classmethod
    def latency(cls, seconds: float) -> Fault:
        return cls(FaultKind.LATENCY, after_execute=True, delay=seconds)

    @classmethod
    def slow_arrival(cls, seconds: float) -> Fault:
        """The request reaches the shop only after a delay (a slow network on the way there),
        then is done and answered as usual."""
        return cls(FaultKind.LATENCY, after_execute=False, delay=seconds)

    @classmethod
    def held(cls, gate: threading.Event) -> Fault:
        """The request hangs at the shop (as a stopped process does) until `gate` is set,
        then is done and answered as usual: a test decides how long the hang lasts."""
        return cls(FaultKind.HELD, gate=gate)

    @classmethod
    def server_error(cls, status: int = 503, *, after_execute: bool = False) -> Fault:
        return cls(FaultKind.SERVER_ERROR, after_execute=after_execute, status=status)

    @classmethod
    def rate_limited(cls, retry_after: float = 1.0) -> Fault:
        return cls(FaultKind.RATE_LIMITED, status=429, retry_after=retry_after)

    @classmethod
    def drop(cls, *, after_execute: bool = False) -> Fault:
        return cls(FaultKind.DROP, after_execute=after_execute)

    @classmethod
    def malformed(cls, *, after_execute: bool = False) -> Fault:
        return cls(FaultKind.MALFORMED, after_execute=after_execute)

    @classmethod
    def truncated(cls, *, after_execute: bool = True) -> Fault:
        return cls(FaultKind.TRUNCATED, after_execute=after_execute)

    @classmethod
    def refused(cls) -> Fault:
        """As Shopify answers a document its schema rejects (e.g. a type that is no `Node`)."""
        return cls(FaultKind.REFUSED, status=200)


@dataclass
class _Planned:
    fault: Fault
    operation: str | None
    remaining: int | None  # None: at a rate, forever
    rate: float = 1.0


class Faults:
    def __init__(self, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._planned: list[_Planned] = []
        self._random = random.Random(seed)
        self.fired: list[tuple[str | None, Fault]] = []  # (operation, fault) as they happened

    def inject(self, fault: Fault, *, operation: str | None = None, times: int = 1) -> None:
        """Commit `fault` on the next `times` requests (for `operation` only, when given)."""
        with self._lock:
            self._planned.append(_Planned(fault, operation, times))

    def at_rate(self, fault: Fault, rate: float, *, operation: str | None = None) -> None:
        """Commit `fault` on a share `rate` (0..1) of matching requests until cleared."""
        with self._lock:
            self._planned.append(_Planned(fault, operation, None, rate))

    def clear(self) -> None:
        with self._lock:
            self._planned.clear()

    def take(self, operation: str | None) -> Fault | None:
        """The fault for this request, if any; counted as fired."""
        with self._lock:
            for planned in self._planned:
                if planned.operation is not None and planned.operation != operation:
                    continue
                if planned.remaining is None:
                    if self._random.random() >= planned.rate:
                        continue
                else:
                    planned.remaining -= 1
                    if planned.remaining <= 0:
                        self._planned.remove(planned)
                self.fired.append((operation, planned.fault))
                return planned.fault
        return None
