"""Shopify's own cancellation requests: buyer-requested order edits (stable 2026-10 API).

What a requested order edit means is in `native_edits.py`. This source reads cheaply in steps:
1. Orders with a request waiting for the merchant, found with the search filter
   `requested_order_edit_status:requested`, with only the id, status and times of their newest
   edits: about 3 points an order. Shopify documents that filter by name only, not its values,
   so its answer is checked: every order it returns must show a waiting request
   (`displayRequestedEditStatus` or an edit's `status`). Until one answer has shown that, and
   for good once an answer contradicts it (Shopify ignores unknown filters and returns every
   order), the orders updated since the last fetch are read as well, as before the filter
   existed (the first fetch: `first_look_back`).
2. Orders with an edit not seen before, in full enough to tell a full cancellation from a
   partial one, ten to a request (`native_request_order`, aliased); also the orders whose open
   requests a cache from before 2026-10 held (`reread_orders`, set by schema version 3: the ids
   of the stable objects are Shopify's to give, so they are read again rather than rewritten).
   On a first connect whose bulk operation selects the edits too (`edits_in_bulk`), these
   orders are not read here: they wait in `reread_orders` until their requests are made from
   the bulk file, or read by id after it (`cancelapp.sync.intake.take_in_edits`).
3. At most every `recheck_open_every`, the status of every edit still open whose order did not
   come up, by id in one request (`node(id:)`). `RequestedOrderEdit` being a `Node` is
   inferred from the unstable API, not documented: when Shopify refuses the lookup, or answers
   null for an edit, the edits are read through their orders' `requestedOrderEdits` instead.
A quiet fetch is therefore one or two requests. The cursor holds where the scan resumes, the
open edits (edit id -> order id), when they were last checked and what the filter and the
node lookup were seen to do.

Whether adding a request changes the order's `updatedAt` is not documented (the demo shop's
does not: a request does not change the order), which is why the scan alone can miss one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import RequestSource
from cancelapp.shopify import (
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

# What a store or token says when it has no access to requested order edits.
_REFUSALS = (ShopNotFound, MissingScopes, AuthFailed, RequestRejected)
_UNAVAILABLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Shopify's own cancellation requests could not be read: {reason} Other request sources "
    "keep working; this one can be turned off in the store's settings.",
)


# The orders search filter for requests waiting for the merchant (values undocumented: the
# lower-case `OrderDisplayRequestedEditStatus` value is presumed) and what it was seen to do.
WAITING_FILTER = "requested_order_edit_status:requested"
HONOURED = "honoured"
IGNORED = "ignored"


@dataclass(frozen=True)
class NativeConfig:
    enabled: bool = True
    first_look_back: timedelta = timedelta(days=30)
    recheck_open_every: timedelta = timedelta(minutes=30)
    # A first connect's bulk operation selects the new requests' edits too: their orders are
    # left in the cursor's `reread_orders` unread, for `take_in_edits` (`cancelapp.sync.intake`)
    # to make their requests from its file, or by id when the file lacks them.
    edits_in_bulk: bool = False


@dataclass
class NativeCursor:
    since: datetime | None = None  # newest order `updatedAt` read; None before the first fetch
    open_edits: dict[str, str] = field(default_factory=dict)  # edit id → order id
    # Edits of the orders updated in the `since` second: read again next time (`>=`), and
    # known then, however they stand.
    at_since: frozenset[str] = frozenset()
    rechecked: datetime | None = None
    search: str | None = None  # HONOURED or IGNORED once an answer showed it; None before
    node_lookup: bool = True  # False once Shopify refused `node(id:)` for an edit
    reread_orders: frozenset[str] = frozenset()  # orders whose open requests to read again

    @classmethod
    def read(cls, saved: dict[str, Any]) -> NativeCursor:
        edits = saved.get("open_edits")
        search = saved.get("search")
        return cls(
            parse_time(saved.get("since")),
            {str(e): str(o) for e, o in edits.items()} if isinstance(edits, dict) else {},
            frozenset(str(e) for e in saved.get("at_since") or ()),
            parse_time(saved.get("rechecked")),
            search if search in (HONOURED, IGNORED) else None,
            saved.get("node_lookup") is not False,
            frozenset(str(o) for o in saved.get("reread_orders") or () if o),
        )

    def to_json(self) -> dict[str, Any]:
        saved: dict[str, Any] = {
            "open_edits": dict(sorted(self.open_edits.items())),
            "at_since": sorted(self.at_since),
            "node_lookup": self.node_lookup,
        }
        if self.search is not None:
            saved["search"] = self.search
        if self.reread_orders:
            saved["reread_orders"] = sorted(self.reread_orders)
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
        waiting, search = self._waiting_orders(saved.search)
        scanned = [] if search == HONOURED else self._changed_orders(since)
        changed = list({o["id"]: o for o in [*scanned, *waiting]}.values())
        to_read = [o["id"] for o in changed if any(_unseen(e, saved) for e in edits_of(o))]
        to_read += sorted(saved.reread_orders - set(to_read))
        requests = [] if self.config.edits_in_bulk else self._read_orders(to_read)
        for order in changed:
            if order["id"] not in to_read:
                known = (e for e in edits_of(order) if e["id"] in saved.open_edits)
                requests += _present(settled_request(e, order) for e in known)
        cursor = _next_cursor(saved, since, scanned, changed)
        cursor.search = search
        if self.config.edits_in_bulk:  # still to read: the next fetch reads what is left
            cursor.reread_orders = frozenset(to_read)
        for request in requests:  # re-read orders: their open requests are tracked from now on
            if request.order_id in saved.reread_orders and request.settled is None:
                cursor.open_edits[request.external_id] = request.order_id
        if saved.rechecked is None or now - saved.rechecked >= self.config.recheck_open_every:
            changed_ids = {o["id"] for o in changed} | set(to_read)
            unchanged = {e: o for e, o in cursor.open_edits.items() if o not in changed_ids}
            requests += self._recheck(unchanged, cursor)
            cursor.rechecked = now
        return FetchResult(requests, [], cursor.to_json())

    def _waiting_orders(self, search: str | None) -> tuple[list[dict[str, Any]], str | None]:
        """Orders the waiting-request filter returns, and what the filter is now known to do:
        an order without a waiting request in its answer means Shopify ignored it."""
        if search == IGNORED:
            return [], IGNORED
        try:
            orders = self._orders({"query": WAITING_FILTER})
        except RequestRejected:  # a filter Shopify refuses outright is no filter either
            return [], IGNORED
        if not all(_waiting(o) for o in orders):
            return [], IGNORED
        return orders, HONOURED if orders else search

    def _changed_orders(self, since: datetime) -> list[dict[str, Any]]:
        # `>=`: orders updated in the same second as the last fetch are read again
        return self._orders({"query": f"updated_at:>='{search_time(since)}'"})

    def _orders(self, variables: dict[str, Any]) -> list[dict[str, Any]]:
        pages = self._client.paginate(documents.load("native_requests"), variables)
        return [{**node, "id": str(node["id"])} for page in pages for node in page]

    def _read_orders(self, order_ids: list[str]) -> list[IncomingRequest]:
        return read_request_orders(self._client, order_ids)

    def _recheck(self, edits: dict[str, str], cursor: NativeCursor) -> list[IncomingRequest]:
        """Settled requests among `edits` (edit id -> order id); they leave the open edits."""
        found = self._edits_by_id(edits, cursor) if cursor.node_lookup else {}
        missing = {e: o for e, o in edits.items() if not _is_edit(found.get(e))}
        if missing:
            found.update(self._edits_by_order(missing))
        requests = []
        for edit_id, edit in found.items():
            if _is_edit(edit) and edit.get("status") == OPEN:
                continue
            order_id = cursor.open_edits.pop(edit_id)  # settled, or no longer in Shopify
            if _is_edit(edit):
                requests += _present([settled_request(edit, {"id": order_id})])
        return requests

    def _edits_by_id(self, edits: dict[str, str], cursor: NativeCursor) -> dict[str, Any]:
        document = documents.load("native_request_status")
        try:
            return read_by_ids(self._client, document, edits)
        except RequestRejected:  # `RequestedOrderEdit` is no `Node` after all
            cursor.node_lookup = False
            return {}

    def _edits_by_order(self, edits: dict[str, str]) -> dict[str, Any]:
        """Each edit as its order's `requestedOrderEdits` show it; None when not among them."""
        document = documents.load("native_order_edits")
        orders = read_by_ids(self._client, document, sorted(set(edits.values())))
        return {
            edit_id: next(
                (e for e in edits_of(orders.get(order_id) or {}) if e.get("id") == edit_id), None
            )
            for edit_id, order_id in edits.items()
        }


def read_request_orders(
    client: ShopifyClient, order_ids: Iterable[str], *, cancel: threading.Event | None = None
) -> list[IncomingRequest]:
    """The requests of every requested edit of these orders, read by id (`NativeRequestOrder`,
    ten orders to a request); an order Shopify no longer has gives none."""
    document = documents.load("native_request_order")
    found = read_by_ids(client, document, order_ids, cancel=cancel)
    return [r for node in found.values() if node for r in requests_of_order(node)]


def reread_done(
    saved: dict[str, Any], read: Collection[str], requests: Iterable[IncomingRequest]
) -> dict[str, Any]:
    """The cursor once the orders `read` of its `reread_orders` were read and their `requests`
    stored: those orders no longer wait, and their open requests are tracked from now on."""
    cursor = NativeCursor.read(saved)
    for request in requests:
        if request.order_id is not None and request.order_id in read and request.settled is None:
            cursor.open_edits[request.external_id] = request.order_id
    cursor.reread_orders -= frozenset(read)
    return cursor.to_json()


def _is_edit(value: Any) -> bool:
    return isinstance(value, dict) and bool(value.get("id"))


def _waiting(order: dict[str, Any]) -> bool:
    """The order shows a request waiting for the merchant, as the filter promises."""
    return order.get("displayRequestedEditStatus") == OPEN or any(
        e.get("status") == OPEN for e in edits_of(order)
    )


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
    saved: NativeCursor,
    since: datetime,
    scanned: list[dict[str, Any]],
    changed: list[dict[str, Any]],
) -> NativeCursor:
    """Where the next scan resumes (from the `scanned` orders' times), and which edits are open
    after these changed orders (a cancelled order's are done)."""
    open_edits = dict(saved.open_edits)
    cancelled = {o["id"] for o in changed if o.get("cancelledAt")}
    for order in changed:
        for edit in edits_of(order):
            if edit.get("status") == OPEN and order["id"] not in cancelled:
                open_edits[str(edit["id"])] = order["id"]
            else:
                open_edits.pop(str(edit["id"]), None)
    latest = max([since, *(parse_time(o.get("updatedAt")) or since for o in scanned)])
    at_since = {
        str(e["id"])
        for o in scanned
        if parse_time(o.get("updatedAt")) == latest
        for e in edits_of(o)
    }
    return NativeCursor(
        latest,
        {e: o for e, o in open_edits.items() if o not in cancelled},
        frozenset(at_since) if scanned else saved.at_since,
        saved.rechecked,
        saved.search,
        saved.node_lookup,
    )


def _present(requests: Iterable[IncomingRequest | None]) -> list[IncomingRequest]:
    return [r for r in requests if r is not None]


def unavailable(reason: Phrase) -> Phrase:
    return Phrase(CONTEXT, _UNAVAILABLE, {"reason": reason.render_plain()})
