"""The sync's intake step: poll the store's request sources and store what they bring.

Runs after the orders are synced, so matching finds fresh orders. For each enabled source in
turn: `poll()` it, then a batch of candidates at a time read the orders they name that the
cache lacks (on a first connect: all of them; with what a verdict needs, or in full later),
`take_in()` the batch in one write transaction, note why any stayed unmatched, and tell
`found` which requests it stored, so the queue shows them while the rest is read. The
source's cursor is saved with its last batch: a crash before that leaves it where it was, and
the next sync reads the same messages again, their provenance keys keeping them from being
stored twice. Matching reads lean orders too (their names, emails and status are right); the
sync's details step then reads every undecided request's order as its run requires.
"""

from __future__ import annotations

import sqlite3
import ssl
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestSource
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.imap_session import MailLogin
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.match_and_store import MatchReport, take_in
from cancelapp.sources.native import NativeConfig, NativeCursor, read_request_orders, reread_done
from cancelapp.sources.native_edits import requests_of_bulk_order
from cancelapp.sources.order_lookup import CachedOrders, order_nodes_named
from cancelapp.sources.order_tag import OrderTagConfig
from cancelapp.sources.polling import poll, polled_sources
from cancelapp.store.database import Database
from cancelapp.store.intake_state import load_cursors, save_cursor
from cancelapp.store.orders import (
    FULL,
    FetchedOrder,
    find_order_gids,
    order_detail,
    upsert_orders,
)
from cancelapp.store.requests import request_of_message, set_unmatched_reason
from cancelapp.sync.details import BATCH, Clock, fetch_orders

Found = Callable[[frozenset[int]], None]  # requests stored or changed by one batch


@dataclass(frozen=True)
class IntakeSettings:
    """Which polled sources are on for one store (the UI builds it from its settings).

    CSV files and manual entries are not polled: the UI stores them with `store_candidates`.
    """

    native: bool = True  # Shopify's own requests (buyer-requested order edits)
    tag: bool = True  # orders tagged by an app or Flow
    tag_name: str = "cancel-request"
    tag_look_back: timedelta = timedelta(days=60)  # how far the first tag read reaches
    email: EmailConfig | None = None  # None: email intake off
    # The password or a fresh OAuth token; reads the keychain, called per poll.
    email_password: Callable[[], MailLogin] | None = None
    ssl_context: ssl.SSLContext | None = None  # None: the system's trusted certificates


@dataclass(frozen=True)
class IntakeOutcome:
    request_ids: frozenset[int]  # every request touched
    new_messages: int
    notices: tuple[Phrase, ...]  # sources that could not be read, and unmatched requests
    # `store_candidates`: the candidates stored unmatched (their provenance keys), and why.
    unmatched: tuple[tuple[str, Phrase], ...] = ()


def run_intake(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    settings: IntakeSettings,
    *,
    clock: Clock,
    cancel: threading.Event,
    detail: str = FULL,
    found: Found | None = None,
    awaiting: bool = False,
    edits_in_bulk: bool = False,
) -> IntakeOutcome:
    """One round over the enabled sources; orders the cache lacks are read at `detail`.

    `awaiting`: a bulk operation is reading the orders the sources name (`bulk_read.py`), so
    an order a trusted channel names by id is not read here: its request is stored for it at
    once, shown as being read, and judged once the order arrives. `edits_in_bulk`: it reads
    the new buyer-requested edits too, so Shopify's own source leaves those orders unread
    for `take_in_edits`.

    A source that cannot be read is reported in `notices` and keeps its cursor; raises
    `ShopifyError` when orders cannot be read."""
    sources = polled_sources(
        client,
        native=NativeConfig(enabled=True, edits_in_bulk=edits_in_bulk) if settings.native else None,
        tag=OrderTagConfig(tag=settings.tag_name, first_look_back=settings.tag_look_back)
        if settings.tag
        else None,
        email=settings.email,
        email_password=settings.email_password,
        ssl_context=settings.ssl_context,
    )
    with db.reading() as conn:
        saved = load_cursors(conn, store_id)
    touched: set[int] = set()
    new_messages = 0
    notices: list[Phrase] = []
    for source in sources:
        if cancel.is_set():
            break
        polled = poll([source], {source.name: saved.get(source.name.value, {})})
        notices.extend(polled.notices)
        for name, result in polled.results.items():
            candidates = list(result.requests)
            for start in range(0, max(len(candidates), 1), BATCH):
                if cancel.is_set():
                    break  # the cursor stays: the next sync takes these in again
                batch = candidates[start : start + BATCH]
                awaited = {c.order_id for c in batch if c.order_id} if awaiting else set()
                _cache_missing_orders(
                    db, client, store_id, batch, detail, clock, cancel, by_id=not awaiting
                )
                with db.transaction() as conn:
                    now = clock()
                    report = _take_in(conn, store_id, batch, now, awaited)
                    if start + BATCH >= len(candidates):
                        save_cursor(conn, store_id, name.value, result.cursor, now=now)
                touched.update(report.request_ids)
                new_messages += report.new_messages
                notices.extend(reason for _incoming, reason in report.unmatched)
                if found is not None and report.request_ids:
                    found(frozenset(report.request_ids))
    return IntakeOutcome(frozenset(touched), new_messages, tuple(notices))


def edit_orders_waiting(db: Database, store_id: int) -> list[str]:
    """The orders whose buyer-requested edits Shopify's own source left to read (a first
    connect's bulk file, `edits_in_bulk`, or by id)."""
    return sorted(NativeCursor.read(_shopify_cursor(db, store_id)).reread_orders)


def _shopify_cursor(db: Database, store_id: int) -> dict[str, Any]:
    """Shopify's own source's saved cursor."""
    with db.reading() as conn:
        return load_cursors(conn, store_id).get(RequestSource.SHOPIFY.value, {})


def take_in_edits(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    from_file: Mapping[str, dict[str, Any]],
    *,
    clock: Clock,
    cancel: threading.Event,
) -> IntakeOutcome:
    """Make and store the requests of the orders Shopify's own source left to read: from the
    bulk file's order (`from_file`: gid -> node with its edits) with the same code as by id,
    the others read by id (the file lacked them, or Shopify refused or lost it). The source's
    cursor lets go of these orders with the last batch, and of no other: stopped before, the
    next sync reads them by id. Orders the cache lacks are awaited: the sync reads them next.
    Raises `ShopifyError` when the orders cannot be read."""
    saved = _shopify_cursor(db, store_id)
    waiting = sorted(NativeCursor.read(saved).reread_orders)
    requests = [r for g in waiting if g in from_file for r in requests_of_bulk_order(from_file[g])]
    lacking = [g for g in waiting if g not in from_file]
    requests += read_request_orders(client, lacking, cancel=cancel)
    touched: set[int] = set()
    new_messages = 0
    notices: list[Phrase] = []
    for start in range(0, max(len(requests), 1), BATCH):
        batch = requests[start : start + BATCH]
        with db.transaction() as conn:
            now = clock()
            report = _take_in(conn, store_id, batch, now, {c.order_id for c in batch if c.order_id})
            if start + BATCH >= len(requests):
                cursor = reread_done(saved, waiting, requests)
                save_cursor(conn, store_id, RequestSource.SHOPIFY.value, cursor, now=now)
        touched.update(report.request_ids)
        new_messages += report.new_messages
        notices.extend(reason for _incoming, reason in report.unmatched)
    return IntakeOutcome(frozenset(touched), new_messages, tuple(notices))


def store_candidates(
    db: Database,
    store_id: int,
    candidates: Sequence[IncomingRequest],
    *,
    client: ShopifyClient | None,
    clock: Clock,
) -> IntakeOutcome:
    """Store candidates the merchant brought (a CSV file, a manual entry).

    With a `client`, orders the cache lacks are first read from Shopify; without one
    (offline) the cache alone decides, and a request for an order it lacks stays unmatched.
    Raises `ShopifyError` when the client cannot reach Shopify."""
    if client is not None:
        _cache_missing_orders(db, client, store_id, candidates, FULL, clock, threading.Event())
    with db.transaction() as conn:
        report = _take_in(conn, store_id, candidates, clock())
    notices = tuple(reason for _incoming, reason in report.unmatched)
    unmatched = tuple((incoming.external_id, reason) for incoming, reason in report.unmatched)
    return IntakeOutcome(frozenset(report.request_ids), report.new_messages, notices, unmatched)


def _take_in(
    conn: sqlite3.Connection,
    store_id: int,
    candidates: Sequence[IncomingRequest],
    now: datetime,
    awaited: Collection[str] = (),
) -> MatchReport:
    """`take_in`, keeping why each new request stayed unmatched."""
    lookup = CachedOrders(conn, store_id)
    report = take_in(conn, store_id, candidates, lookup, now=now, awaited=awaited)
    for incoming, reason in report.unmatched:
        request_id = request_of_message(conn, store_id, incoming.external_id)
        if request_id is not None:
            set_unmatched_reason(conn, request_id, reason, now=now)
    return report


def _cache_missing_orders(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    candidates: Sequence[IncomingRequest],
    detail: str,
    clock: Clock,
    cancel: threading.Event,
    *,
    by_id: bool = True,
) -> None:
    """Read at `detail` the orders the candidates name that the cache does not hold at all
    (with `by_id` False only those named by name: the others are being read in bulk)."""
    ids = {c.order_id for c in candidates if c.order_id is not None and by_id}
    names = {c.order_name for c in candidates if c.order_id is None and c.order_name}
    with db.reading() as conn:
        ids = {i for i in ids if order_detail(conn, store_id, i) is None}
        names = {n for n in names if not find_order_gids(conn, store_id, name=n)}
    found = fetch_orders(client, sorted(ids), detail, clock=clock, cancel=cancel)
    for name in sorted(names):
        found.extend(_read_by_name(client, name, clock, cancel))
    if found:
        with db.transaction() as conn:
            upsert_orders(conn, store_id, found)


def _read_by_name(
    client: ShopifyClient, name: str, clock: Clock, cancel: threading.Event
) -> list[FetchedOrder]:
    nodes = order_nodes_named(client, name, cancel=cancel)
    fetched_at = clock()
    return [FetchedOrder.from_node(n, fetched_at) for n in nodes]
