"""A first connect reads the requests' orders through one bulk operation, or by id without it."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sync_helpers import connect

from cancelapp.demoshop import DemoShop
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.shopify import documents as shopify_documents
from cancelapp.shopify.client import log as client_log
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.sources.native import NativeCursor
from cancelapp.store import Database
from cancelapp.store.intake_state import load_cursors
from cancelapp.store.orders import VERDICT, order_detail
from cancelapp.store.requests import get_request, list_requests, unmatched_reason
from cancelapp.sync import IntakeSettings, OrderSync, SyncProgress, SyncSettings
from cancelapp.sync.details import fetch_orders
from cancelapp.sync.search_plan import BULK_PHASE
from fixtures.database import save_demo_store

FAST = SyncSettings(bulk_poll=lambda _polls: 0.01)


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=60, restore_rate=100_000)


@pytest.fixture
def open_cache(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    opened: list[Database] = []

    def open_one(name: str) -> Database:
        opened.append(Database.open(tmp_path / f"{name}.sqlite3"))
        return opened[-1]

    yield open_one
    for database in opened:
        database.close()


def first_connect(
    shop: DemoShop, database: Database, progress: Callable[[SyncProgress], None] | None = None
) -> tuple[Database, int, dict[str, Order]]:
    """A first connect into a fresh cache: the database, its store and the verdict-level
    orders it holds."""
    return (database, *connect_into(shop, database, progress))


def connect_into(
    shop: DemoShop, database: Database, progress: Callable[[SyncProgress], None] | None
) -> tuple[int, dict[str, Order]]:
    with database.transaction() as conn:
        store_id = save_demo_store(conn)
    with connect(shop) as client:
        sync = OrderSync(database, client, store_id, settings=FAST, intake=IntakeSettings())
        result = sync.run(then_backfill=False, progress=progress)
    assert result.completed
    with database.reading() as conn:
        rows = conn.execute(
            "SELECT o.gid, s.snapshot FROM orders o JOIN order_snapshots s ON s.order_id = o.id"
        ).fetchall()
    orders = {gid: order_from_node(json.loads(snapshot)) for gid, snapshot in rows}
    return store_id, orders


def request_orders(database: Database, store_id: int) -> dict[str, str]:
    """Order gid -> the request's state, for every request."""
    with database.reading() as conn:
        return {r.order_id: r.state.value for r in list_requests(conn, store_id) if r.order_id}


def edit_requests(
    database: Database, store_id: int
) -> dict[str, tuple[str | None, tuple[str, ...], str, datetime]]:
    """Shopify's own requests: edit gid -> (order gid, line items, state, asked at)."""
    with database.reading() as conn:
        return {
            r.native_edit_id: (r.order_id, r.line_item_ids, r.state.value, r.received_at)
            for r in list_requests(conn, store_id)
            if r.native_edit_id
        }


def test_a_first_connect_reads_the_requests_orders_through_one_bulk_operation(
    shop: DemoShop, open_cache: Callable[[str], Database]
) -> None:
    database, store_id, orders = first_connect(shop, open_cache("cache"))
    requests = request_orders(database, store_id)
    assert len(requests) >= 5 and set(requests) <= set(orders)
    (run,) = shop.bulk.runs.values()  # one operation, whose file was read without the token
    assert shop.bulk.downloads == 1 and shop.bulk.downloads_with_token == 0
    with database.reading() as conn:
        assert all(order_detail(conn, store_id, gid) == VERDICT for gid in requests)
    # the same orders as the by-id read gives them: one mapping, one cache
    with connect(shop) as client:
        by_id = fetch_orders(client, sorted(requests), VERDICT, clock=lambda: run.created_at)
    assert {f.order.id: f.order for f in by_id} == {gid: orders[gid] for gid in requests}
    assert any(order.line_items for order in orders.values())
    assert any(order.fulfillment_orders for order in orders.values())


# refused at the start, and lost after the wait (every refusal: tests/shopify/test_shopify_bulk.py)
@pytest.mark.parametrize("refusal", ["ACCESS_DENIED", "GONE"])
def test_when_shopify_will_not_run_it_the_same_orders_are_read_by_id(
    shop: DemoShop, open_cache: Callable[[str], Database], refusal: str
) -> None:
    bulk_db, bulk_store, through_bulk = first_connect(shop, open_cache("bulk"))
    shop.refuse_bulk_operations(refusal)
    by_id_db, by_id_store, by_id = first_connect(shop, open_cache("by-id"))
    requests = request_orders(by_id_db, by_id_store)
    assert requests == request_orders(bulk_db, bulk_store)  # same requests, same states
    assert {g: by_id[g] for g in requests} == {g: through_bulk[g] for g in requests}
    assert shop.bulk.downloads_with_token == 0


def test_requests_are_stored_while_shopify_prepares_their_orders(
    shop: DemoShop, open_cache: Callable[[str], Database]
) -> None:
    """Nothing lost: what the sources found is in the queue, its orders being read, before the
    bulk file is in, except Shopify's own new requests, which are made from the file; then
    every request and order is there."""
    seen: list[tuple[int, int, int]] = []  # (requests, of them with a cached order, to read)
    database = open_cache("cache")

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE and not seen:
            with database.reading() as conn:
                rows = conn.execute(
                    """SELECT count(*), count(o.id) FROM requests r
                       LEFT JOIN orders o ON o.gid = r.order_gid WHERE r.order_gid IS NOT NULL"""
                ).fetchone()
            seen.append((rows[0], rows[1], report.to_read))

    store_id, orders = connect_into(shop, database, progress)
    ((stored, with_order, to_read),) = seen
    requests = request_orders(database, store_id)
    from_file = edit_requests(database, store_id)
    assert from_file and stored == len(requests) - len(from_file) > 0
    assert with_order == 0 and to_read == len(requests)  # shown as being read, all of them
    assert set(requests) <= set(orders)


def awaited_request(database: Database) -> tuple[int, str, str]:
    """A request stored for an order still being read: (its id, order gid, order name)."""
    with database.reading() as conn:
        row = conn.execute(
            """SELECT r.id, r.order_gid, r.order_name FROM requests r
               WHERE r.order_gid IS NOT NULL AND r.state = 'open'
               AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.gid = r.order_gid)
               ORDER BY r.id LIMIT 1"""
        ).fetchone()
    assert row is not None
    return row[0], row[1], row[2]


def assert_unmatched_for_want_of_its_order(
    database: Database, request_id: int, name: str, notices: tuple[Phrase, ...]
) -> None:
    """As a request whose order Shopify did not have always ended: unmatched, saying why."""
    with database.reading() as conn:
        request = get_request(conn, request_id)
        reason = unmatched_reason(conn, request_id)
    assert request is not None and request.state is RequestState.UNMATCHED
    assert request.order_id is None and request.order_name == name
    assert reason is not None and reason.render_plain() == f"No order {name} in this store"
    assert reason in notices


# its order deleted while Shopify prepares the file: the file lacks it, or the file is lost
@pytest.mark.parametrize("file", ["read", "lost"])
def test_a_request_whose_order_shopify_no_longer_has_ends_unmatched(
    shop: DemoShop, open_cache: Callable[[str], Database], file: str
) -> None:
    database = open_cache("cache")
    gone: list[tuple[int, str, str]] = []

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE and not gone:  # the sources are read, the file is not
            gone.append(awaited_request(database))
            shop.delete_order(gone[0][1])
            if file == "lost":
                shop.refuse_bulk_operations("GONE")
            shop.release_bulk_operations()

    shop.hold_bulk_operations()
    with database.transaction() as conn:
        store_id = save_demo_store(conn)
    with connect(shop) as client:
        sync = OrderSync(database, client, store_id, settings=FAST, intake=IntakeSettings())
        result = sync.run(then_backfill=False, progress=progress)
    assert result.completed
    ((request_id, _gid, name),) = gone
    assert_unmatched_for_want_of_its_order(database, request_id, name, result.notices)
    assert request_id in result.request_ids


def test_a_cancelled_first_connect_cancels_its_bulk_operation(
    shop: DemoShop, open_cache: Callable[[str], Database]
) -> None:
    """Stopped while Shopify prepares the file: the operation is cancelled, the request waits
    for its order; the next connect, Shopify now refusing bulk operations and the order gone,
    ends it unmatched. Shopify's own new requests, left for the file, wait in their source's
    cursor and are read by id then."""
    edits = buyer_edits(shop)
    database = open_cache("cache")
    cancel = threading.Event()

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE:
            cancel.set()

    shop.hold_bulk_operations()
    with database.transaction() as conn:
        store_id = save_demo_store(conn)
    with connect(shop) as client:
        sync = OrderSync(database, client, store_id, settings=FAST, intake=IntakeSettings())
        assert not sync.run(then_backfill=False, progress=progress, cancel=cancel).completed
        assert shop.bulk.cancel_seen.wait(10)
        (run,) = shop.bulk.runs.values()
        assert shop.bulk.cancelled == [f"gid://shopify/BulkOperation/{run.id}"]
        assert shop.bulk.state(run)["status"] in {"CANCELING", "CANCELED"}
        request_id, gid, name = awaited_request(database)  # "Reading the order…" meanwhile
        waiting = native_cursor(database, store_id).reread_orders
        assert {order for order, _lines in edits.values()} <= waiting
        assert not set(edits) & set(edit_requests(database, store_id))

        shop.delete_order(gid)
        shop.refuse_bulk_operations("ACCESS_DENIED")
        result = sync.run(then_backfill=False)
    assert result.completed
    assert_unmatched_for_want_of_its_order(database, request_id, name, result.notices)
    assert {e: edit_requests(database, store_id)[e][:2] for e in edits} == edits
    assert native_cursor(database, store_id).reread_orders == frozenset()


def units(shop: DemoShop, order: str) -> int:
    return sum(li.unfulfilled_quantity for li in shop.order(order).line_items)


def buyer_edits(shop: DemoShop) -> dict[str, tuple[str, tuple[str, ...]]]:
    """A full request, a partial one, and a new one after three declined: edit gid -> (order
    gid, line items asked for) of each request stored. The bulk file holds all four edits of
    the last order, the by-id read its newest three: two declined requests and the new one,
    each a request of its own (a buyer asking again is not merged into a declined request)."""
    full, again = shop.create_order("paid"), shop.create_order("paid")
    partial = next(o for o in iter(lambda: shop.create_order("paid"), None) if units(shop, o) > 1)
    first_line = f"gid://shopify/LineItem/{shop.order(partial).line_items[0].id}"
    wanted = {
        shop.add_requested_edit(full): (full, ()),
        shop.add_requested_edit(partial, {first_line: 1}): (partial, (first_line,)),
    }
    with connect(shop) as client:
        for count in range(3):
            declined = shop.add_requested_edit(again)
            client.mutate(shopify_documents.load("requested_order_edit_decline"), {"id": declined})
            if count:
                wanted[declined] = (again, ())
    wanted[shop.add_requested_edit(again)] = (again, ())
    return wanted


def sent(caplog: pytest.LogCaptureFixture, operation: str) -> int:
    """Requests the client sent for `operation` (its debug log line per answer)."""
    return sum(1 for r in caplog.records if r.name == client_log.name and r.args[0] == operation)  # type: ignore[index]


def native_cursor(database: Database, store_id: int) -> NativeCursor:
    with database.reading() as conn:
        return NativeCursor.read(load_cursors(conn, store_id)[RequestSource.SHOPIFY.value])


# never started (Shopify's own source reads by id itself), and lost after the wait
@pytest.mark.parametrize("refusal", ["ACCESS_DENIED", "GONE"])
def test_shopify_own_requests_come_from_the_bulk_file_as_they_come_by_id(
    shop: DemoShop,
    open_cache: Callable[[str], Database],
    caplog: pytest.LogCaptureFixture,
    refusal: str,
) -> None:
    edits = buyer_edits(shop)
    caplog.set_level(logging.DEBUG, logger=client_log.name)
    bulk_db, bulk_store, orders = first_connect(shop, open_cache("bulk"))
    through_bulk = edit_requests(bulk_db, bulk_store)
    assert sent(caplog, "NativeCancellationRequestOrder") == 0  # not one read by id
    assert {e: through_bulk[e][:2] for e in edits} == edits
    assert [through_bulk[e][2] for e in edits] == ["open", "open", "declined", "declined", "open"]
    assert {order for order, _lines in edits.values()} <= set(orders)  # cached from the file
    caplog.clear()

    shop.refuse_bulk_operations(refusal)
    by_id_db, by_id_store, _ = first_connect(shop, open_cache("by-id"))
    assert edit_requests(by_id_db, by_id_store) == through_bulk
    assert sent(caplog, "NativeCancellationRequestOrder") > 0
    after_bulk, after_by_id = (
        native_cursor(bulk_db, bulk_store),
        native_cursor(by_id_db, by_id_store),
    )
    assert after_bulk.open_edits == after_by_id.open_edits
    assert after_bulk.reread_orders == after_by_id.reread_orders == frozenset()


def test_an_order_the_file_lacks_is_read_by_id(
    shop: DemoShop, open_cache: Callable[[str], Database], caplog: pytest.LogCaptureFixture
) -> None:
    """Its request settled while Shopify prepared the file (so the file lacks the order): read
    by id, nothing lost, the source's cursor past it."""
    order = shop.create_order("paid")
    edit = shop.add_requested_edit(order)
    database = open_cache("cache")

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE and shop.bulk.held:  # the sources are read, not the file
            with connect(shop) as client:
                client.mutate(shopify_documents.load("requested_order_edit_decline"), {"id": edit})
            shop.release_bulk_operations()

    shop.hold_bulk_operations()
    caplog.set_level(logging.DEBUG, logger=client_log.name)
    store_id, _orders = connect_into(shop, database, progress)
    assert sent(caplog, "NativeCancellationRequestOrder") == 1
    assert edit_requests(database, store_id)[edit][::2] == (order, "declined")
    assert native_cursor(database, store_id).reread_orders == frozenset()
