"""When to sync next: every interval while online, sooner while offline so it comes back fast."""

from __future__ import annotations

from datetime import timedelta

DEFAULT_INTERVAL = timedelta(minutes=5)
FIRST_RETRY = timedelta(seconds=15)


def next_sync_in(consecutive_failures: int, interval: timedelta = DEFAULT_INTERVAL) -> timedelta:
    """Delay before the next automatic sync.

    After a success, the interval (the merchant's setting). After failures, 15 s, 30 s, 1 min,
    ... doubling, never longer than the interval: the window turns online without a restart.
    """
    if consecutive_failures <= 0:
        return interval
    backoff: timedelta = FIRST_RETRY * (1 << min(consecutive_failures - 1, 16))
    return min(backoff, interval)
