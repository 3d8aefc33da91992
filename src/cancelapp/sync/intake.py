"""The sync's intake step: poll the store's request sources and store what they bring.

Runs after the orders are synced, so matching finds fresh orders. For each enabled source:
`poll()` it, read in full any order its candidates name that the cache lacks (an order older
than the synced window), then in one write transaction `take_in()` the candidates, note why
any stayed unmatched, and save the source's cursor. A crash before that commit leaves the
cursor where it was: the next sync reads the same messages again and their provenance keys
keep them from being stored twice. Matching reads lean orders too (their names, emails and
status are right); the sync's details step then reads every request's order in full.
"""

from __future__ import annotations

import sqlite3
import ssl
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cancelapp.domain.phrase import Phrase
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.imap_session import MailLogin
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.match_and_store import MatchReport, take_in
from cancelapp.sources.native import NativeConfig
from cancelapp.sources.order_lookup import CachedOrders, order_nodes_named
from cancelapp.sources.order_tag import OrderTagConfig
from cancelapp.sources.polling import poll, polled_sources
from cancelapp.store.database import Database
from cancelapp.store.intake_state import load_cursors, save_cursor
from cancelapp.store.orders import (
    FetchedOrder,
    find_order_gids,
    order_detail,
    upsert_orders,
)
from cancelapp.store.requests import request_of_message, set_unmatched_reason
from cancelapp.sync.details import Clock, fetch_full_order


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


def run_intake(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    settings: IntakeSettings,
    *,
    clock: Clock,
    cancel: threading.Event,
) -> IntakeOutcome:
    """One round over the enabled sources. A source that cannot be read is reported in
    `notices` and keeps its cursor; raises `ShopifyError` when orders cannot be read."""
    sources = polled_sources(
        client,
        native=NativeConfig(enabled=True) if settings.native else None,
        tag=OrderTagConfig(tag=settings.tag_name, first_look_back=settings.tag_look_back)
        if settings.tag
        else None,
        email=settings.email,
        email_password=settings.email_password,
        ssl_context=settings.ssl_context,
    )
    with db.reading() as conn:
        saved = load_cursors(conn, store_id)
    polled = poll(sources, {s.name: saved.get(s.name.value, {}) for s in sources})
    touched: set[int] = set()
    new_messages = 0
    notices = list(polled.notices)
    for name, result in polled.results.items():
        if cancel.is_set():
            break
        _cache_missing_orders(db, client, store_id, result.requests, clock, cancel)
        with db.transaction() as conn:
            now = clock()
            report = _take_in(conn, store_id, result.requests, now)
            save_cursor(conn, store_id, name.value, result.cursor, now=now)
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
        _cache_missing_orders(db, client, store_id, candidates, clock, threading.Event())
    with db.transaction() as conn:
        report = _take_in(conn, store_id, candidates, clock())
    notices = tuple(reason for _incoming, reason in report.unmatched)
    return IntakeOutcome(frozenset(report.request_ids), report.new_messages, notices)


def _take_in(
    conn: sqlite3.Connection, store_id: int, candidates: Sequence[IncomingRequest], now: datetime
) -> MatchReport:
    """`take_in`, keeping why each new request stayed unmatched."""
    report = take_in(conn, store_id, candidates, CachedOrders(conn, store_id), now=now)
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
    clock: Clock,
    cancel: threading.Event,
) -> None:
    """Read in full the orders the candidates name that the cache does not hold at all."""
    ids = {c.order_id for c in candidates if c.order_id is not None}
    names = {c.order_name for c in candidates if c.order_id is None and c.order_name}
    with db.reading() as conn:
        ids = {i for i in ids if order_detail(conn, store_id, i) is None}
        names = {n for n in names if not find_order_gids(conn, store_id, name=n)}
    fetched = [fetch_full_order(client, gid, clock=clock, cancel=cancel) for gid in sorted(ids)]
    for name in sorted(names):
        fetched.extend(_read_by_name(client, name, clock, cancel))
    found = [f for f in fetched if f is not None]
    if found:
        with db.transaction() as conn:
            upsert_orders(conn, store_id, found)


def _read_by_name(
    client: ShopifyClient, name: str, clock: Clock, cancel: threading.Event
) -> list[FetchedOrder]:
    nodes = order_nodes_named(client, name, cancel=cancel)
    fetched_at = clock()
    return [FetchedOrder(order_from_node(n), n, fetched_at) for n in nodes]
