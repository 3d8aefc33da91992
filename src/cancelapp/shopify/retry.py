"""How long to wait before trying again: jittered exponential back-off and `Retry-After`."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # tries of a resendable request on timeouts, dropped connections, 5xx
    base_delay: float = 0.5  # seconds before the first retry (before jitter)
    max_delay: float = 8.0
    throttled_attempts: int = 8  # tries while Shopify answers THROTTLED or 429
    max_retry_after: float = 60.0  # longest `Retry-After` honoured before giving up

    def backoff(self, retry: int, rng: random.Random) -> float:
        """Delay before retry number `retry` (1-based): "equal jitter" on base × 2^(retry-1)."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return rng.uniform(ceiling / 2, ceiling)


def retry_after(response: httpx.Response, now: datetime | None = None) -> float | None:
    """Seconds from a `Retry-After` header (a number or an HTTP date); None when absent."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)
