"""What a sync asks Shopify for: the search text of each step.

A first (full) sync is the details step alone: the request sources name the orders (the
tag, Shopify's requested-edit filter, emails' order names), and only those are read, with
what a verdict needs. The orders created in the recent window are read lean (list fields
only) afterwards, and the requests' orders in full, by a backfill run that the full run
leaves behind, so a merchant who connects a store sees the open requests with their verdicts
as they are found rather than after the whole recent history is listed. Later syncs probe
what changed since the watermark, less an overlap covering Shopify's search index lag and
clock skew (`probe.py`), then read the changed orders lean. Every run ends with the details
step: the request sources are polled (`intake.py`) and every order with an undecided request
is read as its run needs it (`details.py`). All list steps sort by `UPDATED_AT`, oldest
first, so a page's newest `updatedAt` is a safe watermark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cancelapp.shopify.bulk import poll_interval
from cancelapp.shopify.cost import PAGE_COST_BUDGET

FULL = "full"
INCREMENTAL = "incremental"
BACKFILL = "backfill"  # the recent window, read lean after a full run has shown the requests
REQUESTS_PHASE = "requests"  # the details step reading the request sources (progress only)
BULK_PART_ORDERS = 1_000  # a first connect cuts its bulk read into parts of at least this
BULK_PHASE = "bulk"  # a first connect waiting for Shopify to prepare its orders (progress only)
IN_FULL_PHASE = "in-full"  # a backfill's details step reading the requests' orders in full
RECENT_PHASE = "recent"
PROBE_PHASE = "probe"
CHANGES_PHASE = "changes"
DETAILS_PHASE = "details"


@dataclass(frozen=True)
class SyncSettings:
    recent_days: int = 60  # Shopify shows only 60 days of orders without read_all_orders
    overlap: timedelta = timedelta(minutes=5)
    # what a page may cost by our estimate: a margin under Shopify's 1,000-point cap, for
    # manual field costs the estimate cannot see (a page refused anyway is asked smaller)
    page_cost_budget: int = PAGE_COST_BUDGET
    bulk: bool = True  # a first connect reads the requests' orders through a bulk operation
    bulk_poll: Callable[[int], float] = poll_interval  # seconds before each of its polls
    bulk_part_orders: int = BULK_PART_ORDERS  # the fewest orders per bulk operation


def search_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def phase_query(phase: str, settings: SyncSettings, *, started_at: datetime) -> str:
    """The search text of a phase (fixed by the run's start, so it can resume); the details
    phase lists no orders by search."""
    if phase == DETAILS_PHASE:
        return ""
    if phase == RECENT_PHASE:
        since = started_at - timedelta(days=settings.recent_days)
        return f"created_at:>='{search_time(since)}'"
    raise ValueError(f"not a full-sync phase: {phase}")


def probe_query(watermark: datetime, settings: SyncSettings) -> str:
    return changes_query(watermark - settings.overlap)


def changes_query(since: datetime) -> str:
    return f"updated_at:>='{search_time(since)}'"


def next_phase(kind: str, phase: str) -> str | None:
    phases = {
        FULL: [],
        BACKFILL: [RECENT_PHASE],
        INCREMENTAL: [PROBE_PHASE, CHANGES_PHASE],
    }[kind]
    phases.append(DETAILS_PHASE)
    index = phases.index(phase) + 1
    return phases[index] if index < len(phases) else None
