"""Following `orderCancel`'s asynchronous job with backoff, interruptibly.

Time is injected (`clock`, and `wait`, which returns True when the caller wants to stop), so
tests drive it without sleeping and the UI can stop it at shutdown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cancelapp.actions import documents
from cancelapp.shopify.client import ShopifyClient

Wait = Callable[[float], bool]  # sleeps up to n seconds; True means "stop now"


@dataclass(frozen=True)
class Backoff:
    first: float = 0.1
    factor: float = 2.0
    cap: float = 5.0
    deadline: float = 120.0  # give up following (the job is then reconciled later)

    def delays(self) -> list[float]:
        delays: list[float] = []
        delay, total = self.first, 0.0
        while total < self.deadline:
            delays.append(delay)
            total += delay
            delay = min(delay * self.factor, self.cap)
        return delays


@dataclass(frozen=True)
class JobStatus:
    done: bool
    status: str | None  # STARTED, SUCCEEDED, FAILED; None when Shopify did not say
    errors: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.status == "FAILED"

    @classmethod
    def of(cls, job: dict[str, Any] | None, result: dict[str, Any] | None) -> JobStatus:
        """From a `Job` and an `OrderCancelJobResult` (either may be missing)."""
        job, result = job or {}, result or {}
        status = result.get("status")
        done = bool(job.get("done") or result.get("done")) or status in ("SUCCEEDED", "FAILED")
        errors = tuple(str(e.get("message", "")) for e in result.get("errors") or ())
        return cls(done, status, errors)


class Stopped(Exception):
    """The wait was interrupted (shutdown); the journal keeps the job for later."""


def follow_cancel_job(
    client: ShopifyClient,
    job_id: str,
    *,
    backoff: Backoff,
    wait: Wait,
    cancel: threading.Event | None = None,
    known: JobStatus | None = None,
) -> JobStatus:
    """Poll until the job is done or the deadline passes (then `done` is False).

    `known` is what `orderCancel`'s own answer said about the job: it saves the first poll."""
    status = known or _poll(client, job_id, cancel)
    for delay in backoff.delays():
        if status.done:
            return status
        if wait(delay):
            raise Stopped
        status = _poll(client, job_id, cancel)
    return status


def _poll(client: ShopifyClient, job_id: str, cancel: threading.Event | None) -> JobStatus:
    data = client.query(documents.own("cancel_job"), {"jobId": job_id}, cancel=cancel)
    return JobStatus.of(data.get("job"), data.get("node"))
