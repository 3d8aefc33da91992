"""Shopify's own cancellation requests: buyer-initiated requested edits (unstable API only).

What a requested edit means is in `native_edits.py`. Shopify's order search has no filter for
orders with requested edits, so this source reads cheaply in three steps:
1. Orders updated since the last fetch (the first fetch: `first_look_back`), with only the id,
   status and times of their newest edits: about 3 points an order, 160 orders a request.
2. Orders with an edit not seen before, in full enough to tell a full cancellation from a
   partial one, ten to a request (`native_request_order`, aliased).
3. At most every `recheck_open_every`, the status of every edit still open whose order did not
   change, by id in one request: declining or resolving an edit is not documented to touch
   the order's `updatedAt` (the demo shop's does).
A quiet fetch is therefore one request. The cursor holds where step 1 resumes, the open edits
(edit id → order id) and when they were last checked.

Whether adding a requested edit changes the order's `updatedAt` is not documented either; the
demo shop's does, and step 1 relies on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import RequestSource
from cancelapp.shopify import (
    UNSTABLE_VERSION,
    AuthFailed,
    MissingScopes,
    RequestRejected,
    ShopNotFound,
)
from cancelapp.shopify.batching import read_by_ids
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sources import documents
from cancelapp.sources.incoming import CONTEXT, FetchResult, IncomingRequest
from cancelapp.sources.native_edits import (
    OPEN,
    edits_of,
    requests_of_order,
    settled_request,
)
from cancelapp.sources.shopify_times import parse_time, search_time

# What a store or token says when it has no unstable API or no access to requested edits.
_REFUSALS = (ShopNotFound, MissingScopes, AuthFailed, RequestRejected)
_UNAVAILABLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Shopify's own cancellation requests could not be read: {reason} Other request sources "
    "keep working; this one can be turned off in the store's settings.",
)


@dataclass(frozen=True)
class NativeConfig:
    enabled: bool = True
    first_look_back: timedelta = timedelta(days=30)
    recheck_open_every: timedelta = timedelta(minutes=30)


@dataclass
class NativeCursor:
    since: datetime | None = None  # newest order `updatedAt` read; None before the first fetch
    open_edits: dict[str, str] = field(default_factory=dict)  # edit id → order id
    # Edits of the orders updated in the `since` second: read again next time (`>=`), and
    # known then, however they stand.
    at_since: frozenset[str] = frozenset()
    rechecked: datetime | None = None

    @classmethod
    def read(cls, saved: dict[str, Any]) -> NativeCursor:
        edits = saved.get("open_edits")
        return cls(
            parse_time(saved.get("since")),
            {str(e): str(o) for e, o in edits.items()} if isinstance(edits, dict) else {},
            frozenset(str(e) for e in saved.get("at_since") or ()),
            parse_time(saved.get("rechecked")),
        )

    def to_json(self) -> dict[str, Any]:
        saved: dict[str, Any] = {
            "open_edits": dict(sorted(self.open_edits.items())),
            "at_since": sorted(self.at_since),
        }
        if self.since is not None:
            saved["since"] = self.since.isoformat()
        if self.rechecked is not None:
            saved["rechecked"] = self.rechecked.isoformat()
        return saved

    def knows(self, edit_id: str) -> bool:
        return edit_id in self.open_edits or edit_id in self.at_since


class NativeSource:
    name = RequestSource.SHOPIFY

    def __init__(
        self,
        client: ShopifyClient,
        config: NativeConfig | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self.config = config or NativeConfig()
        self._clock = clock

    def fetch(self, cursor: dict[str, Any]) -> FetchResult:
        """New requests, and known open ones that were declined or resolved since."""
        if not self.config.enabled:
            return FetchResult(cursor=cursor)
        try:
            return self._fetch(NativeCursor.read(cursor))
        except _REFUSALS as refused:
            return FetchResult(notices=[unavailable(refused.phrase)], cursor=cursor)

    def _fetch(self, saved: NativeCursor) -> FetchResult:
        now = self._clock()
        since = saved.since or now - self.config.first_look_back
        changed = self._changed_orders(since)
        to_read = [o["id"] for o in changed if any(_unseen(e, saved) for e in edits_of(o))]
        requests = self._read_orders(to_read)
        for order in changed:
            if order["id"] not in to_read:
                known = (e for e in edits_of(order) if e["id"] in saved.open_edits)
                requests += _present(settled_request(e, order) for e in known)
        cursor = _next_cursor(saved, since, changed)
        if saved.rechecked is None or now - saved.rechecked >= self.config.recheck_open_every:
            changed_ids = {o["id"] for o in changed}
            unchanged = {e: o for e, o in cursor.open_edits.items() if o not in changed_ids}
            requests += self._recheck(unchanged, cursor.open_edits)
            cursor.rechecked = now
        return FetchResult(requests, [], cursor.to_json())

    def _changed_orders(self, since: datetime) -> list[dict[str, Any]]:
        # `>=`: orders updated in the same second as the last fetch are read again
        pages = self._client.paginate(
            documents.load("native_requests"),
            {"query": f"updated_at:>='{search_time(since)}'"},
            version=UNSTABLE_VERSION,
        )
        return [{**node, "id": str(node["id"])} for page in pages for node in page]

    def _read_orders(self, order_ids: list[str]) -> list[IncomingRequest]:
        document = documents.load("native_request_order")
        found = read_by_ids(self._client, document, order_ids, version=UNSTABLE_VERSION)
        return [r for node in found.values() if node for r in requests_of_order(node)]

    def _recheck(self, edits: dict[str, str], open_edits: dict[str, str]) -> list[IncomingRequest]:
        """Settled requests among `edits` (edit id → order id); they leave `open_edits`."""
        document = documents.load("native_request_status")
        found = read_by_ids(self._client, document, edits, version=UNSTABLE_VERSION)
        requests = []
        for edit_id, edit in found.items():
            if isinstance(edit, dict) and edit.get("status") == OPEN:
                continue
            order_id = open_edits.pop(edit_id)  # settled, or no longer in Shopify
            if isinstance(edit, dict) and edit.get("id"):
                requests += _present([settled_request(edit, {"id": order_id})])
        return requests


def _unseen(edit: dict[str, Any], saved: NativeCursor) -> bool:
    """Not read before: not known, and either open now or settled since the last fetch (an
    edit settled before that was read then, or before the first look-back)."""
    if saved.knows(str(edit["id"])):
        return False
    if edit.get("status") == OPEN or saved.since is None:
        return True
    changed_at = parse_time(edit.get("updatedAt"))
    return changed_at is None or changed_at >= saved.since


def _next_cursor(
    saved: NativeCursor, since: datetime, changed: list[dict[str, Any]]
) -> NativeCursor:
    """Where the next fetch resumes, and which edits are open after these changed orders (a
    cancelled order's are done)."""
    open_edits = dict(saved.open_edits)
    cancelled = {o["id"] for o in changed if o.get("cancelledAt")}
    for order in changed:
        for edit in edits_of(order):
            if edit.get("status") == OPEN and order["id"] not in cancelled:
                open_edits[str(edit["id"])] = order["id"]
            else:
                open_edits.pop(str(edit["id"]), None)
    latest = max([since, *(parse_time(o.get("updatedAt")) or since for o in changed)])
    at_since = {
        str(e["id"])
        for o in changed
        if parse_time(o.get("updatedAt")) == latest
        for e in edits_of(o)
    }
    return NativeCursor(
        latest,
        {e: o for e, o in open_edits.items() if o not in cancelled},
        frozenset(at_since),
        saved.rechecked,
    )


def _present(requests: Iterable[IncomingRequest | None]) -> list[IncomingRequest]:
    return [r for r in requests if r is not None]


def unavailable(reason: Phrase) -> Phrase:
    return Phrase(CONTEXT, _UNAVAILABLE, {"reason": reason.render_plain()})
