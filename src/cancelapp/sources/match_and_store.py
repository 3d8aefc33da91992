"""Storing candidates: match each to its order and hand it to the store's request repository.

`cancelapp.store.requests.add_request` merges by order (a new Shopify requested edit after a
decision is a request of its own) and skips messages already held (same provenance key); this
adds the states the channel or the order already decide: a request for a cancelled order is
done, and one Shopify reports as declined or resolved is shown so (only that edit's request).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestState
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.matching import OrderLookup, match_order, to_request
from cancelapp.store.requests import add_request, get_request, set_state

_UNDECIDED = frozenset({RequestState.OPEN, RequestState.UNMATCHED})
_SETTLING = frozenset({RequestState.DONE, RequestState.DECLINED})


@dataclass
class MatchReport:
    """What storing one batch of candidates touched (the sync's `IntakeOutcome` sums batches)."""

    new_messages: int = 0
    request_ids: list[int] = field(default_factory=list)  # every request touched, in order
    unmatched: list[tuple[IncomingRequest, Phrase]] = field(default_factory=list)


def take_in(
    conn: sqlite3.Connection,
    store_id: int,
    candidates: Iterable[IncomingRequest],
    lookup: OrderLookup,
    *,
    now: datetime,
    awaited: Collection[str] = (),
) -> MatchReport:
    """Store every candidate (call inside one write transaction). `awaited`: orders being read
    in bulk, which a trusted channel's request may name before they are cached."""
    report = MatchReport()
    for incoming in candidates:
        match = match_order(incoming, lookup, awaited)
        draft = to_request(incoming, match, store_id)
        added = add_request(conn, draft, now=now)
        report.new_messages += added.new_messages
        report.request_ids.append(added.request_id)
        reason = match.reason_for(incoming)
        if reason is not None and added.new_messages:
            report.unmatched.append((incoming, reason))
        stored = get_request(conn, added.request_id)
        if stored is not None and draft.state in _SETTLING and stored.state in _UNDECIDED:
            set_state(conn, added.request_id, draft.state, now=now)
    return report
