"""The order sync against the demo shop over HTTP: first sync, incremental, hooks, cancel."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sync_helpers import cached_order_ids, connect, tag_intake, tagged_order_ids

from cancelapp.demoshop import DEFAULT_SCOPES, DemoShop
from cancelapp.demoshop.clock import ManualClock
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.orders import FULL, VERDICT, FetchedOrder, load_order, order_detail
from cancelapp.store.queue import load_queue
from cancelapp.store.requests import add_request, list_requests
from cancelapp.store.stores import remove_store
from cancelapp.store.sync_state import get_sync_state
from cancelapp.sync import IntakeSettings, OrderSync, SyncProgress, SyncSettings

SMALL_PAGES = SyncSettings(page_cost_budget=60)  # about ten lean orders a page


def test_first_sync_pulls_tagged_and_recent_orders(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    seen: list[SyncProgress] = []
    sync = OrderSync(database, client, store_id, settings=SMALL_PAGES, hooks=[tag_intake])
    result = sync.run(progress=seen.append)
    assert result.kind == "full" and result.completed
    assert cached_order_ids(database) == set(fast_shop.order_ids())  # all seeded within 60 days
    with database.reading() as conn:
        requests = list_requests(conn, store_id)
        state = get_sync_state(conn, store_id)
        details = {order_detail(conn, store_id, r.order_id or "") for r in requests}
    assert {r.order_id for r in requests} == tagged_order_ids(fast_shop)
    assert result.request_ids == {r.id for r in requests} and details == {FULL}
    listed = [p for p in seen if p.phase == "recent"]
    assert [p.pages for p in listed] == list(range(1, result.pages + 1))
    assert listed[-1].orders == len(fast_shop.order_ids())
    assert listed[-1].requests == len(requests)
    assert (seen[0].phase, seen[-1].phase) == ("recent", "in-full")
    assert (seen[-1].read, seen[-1].to_read) == (len(requests), len(requests))
    assert state.run is None and state.last_error is None
    assert state.last_full_sync_at is not None and state.watermark == state.last_full_sync_at


def test_a_first_connect_reads_only_what_the_requests_name_and_backfills_next(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    """The app's first connect: the orders the request sources name, with what a verdict needs
    and nothing else, reported batch by batch; then a backfill run reads the recent orders lean
    and the requests' orders in full."""
    intake = IntakeSettings(native=False)
    sync = OrderSync(database, client, store_id, intake=intake)
    found: list[frozenset[int]] = []
    seen: list[SyncProgress] = []
    first = sync.run(then_backfill=False, found=found.append, progress=seen.append)
    assert (first.kind, first.completed, first.more) == ("full", True, True)
    tagged = tagged_order_ids(fast_shop)
    assert cached_order_ids(database) == tagged != set(fast_shop.order_ids())
    with database.reading() as conn:
        assert {order_detail(conn, store_id, gid) for gid in tagged} == {VERDICT}
        assert {load_order(conn, store_id, gid) for gid in tagged} == {None}  # not for actions
        state = get_sync_state(conn, store_id)
        requests = {r.id for r in list_requests(conn, store_id)}
    assert frozenset().union(*found) == requests == first.request_ids and len(requests) > 0
    # the tagged orders through one bulk operation while the tag source read its pages
    assert [p.phase for p in seen][-2:] == ["bulk", "details"] and first.bulk_orders == len(tagged)
    assert {p.phase for p in seen} == {"requests", "bulk", "details"}
    assert seen[-1].requests == len(requests)
    assert state.run is not None and state.run.kind == "backfill"
    assert state.last_full_sync_at is not None and state.watermark == state.last_full_sync_at
    seen.clear()
    backfill = sync.run(progress=seen.append)
    assert (backfill.kind, backfill.completed, backfill.more) == ("backfill", True, False)
    assert {p.phase for p in seen} == {"requests", "recent", "in-full"}
    assert cached_order_ids(database) == set(fast_shop.order_ids())
    with database.reading() as conn:
        undecided = {r.order_id or "" for r in list_requests(conn, store_id, (RequestState.OPEN,))}
        assert undecided and {order_detail(conn, store_id, gid) for gid in undecided} == {FULL}
    with database.reading() as conn:
        after = get_sync_state(conn, store_id)
    assert after.run is None and after.watermark == state.watermark
    assert after.last_full_sync_at == state.last_full_sync_at
    assert sync.run().kind == "incremental"


@pytest.mark.parametrize("all_orders", [True, False])
def test_recent_window_limits_the_first_sync_but_not_requests(
    database: Database, make_demo_shop: Callable[..., DemoShop], store_id: int, all_orders: bool
) -> None:
    """A store that granted read_all_orders shows an old order's request; one that did not (the
    demo shop's default, as CancelApp does not ask for it) hides the order from the app."""
    scopes = DEFAULT_SCOPES | {"read_all_orders"} if all_orders else DEFAULT_SCOPES
    shop = make_demo_shop(size=40, restore_rate=100_000, scopes=scopes)
    old_gid = shop.create_order(created_at=datetime.now(UTC) - timedelta(days=90))
    old_tagged = shop.create_order(created_at=datetime.now(UTC) - timedelta(days=90))
    shop.add_cancel_request(old_tagged)
    with connect(shop) as client:
        intake = IntakeSettings(native=False)
        OrderSync(
            database, client, store_id, settings=SyncSettings(recent_days=60), intake=intake
        ).run()
    cached = cached_order_ids(database)
    assert (old_tagged in cached) is all_orders and old_gid not in cached


def test_no_change_incremental_sync_costs_one_request(
    database: Database, make_demo_shop: Callable[..., DemoShop], store_id: int
) -> None:
    clock = ManualClock(datetime.now(UTC))
    shop = make_demo_shop(size=40, restore_rate=1, bucket_size=1_000_000, clock=clock)
    with connect(shop) as client:
        sync = OrderSync(database, client, store_id, clock=clock.now)
        sync.run()
        for gid in shop.order_ids()[:12]:
            shop.add_cancel_request(gid)
        clock.advance(30)
        assert sync.run().orders >= 12
        clock.advance(300)
        before = shop.stats.graphql_requests
        result = sync.run()
    assert result.kind == "incremental" and result.completed
    assert (result.shopify_requests, result.pages) == (1, 0)
    assert shop.stats.graphql_requests - before == 1


def test_a_change_in_the_second_the_cache_read_is_caught_by_the_next_sync(
    database: Database, make_demo_shop: Callable[..., DemoShop], store_id: int
) -> None:
    """`updatedAt` has whole seconds: a second change within it looks like no change."""
    clock = ManualClock(datetime.now(UTC).replace(microsecond=0))
    shop = make_demo_shop(size=6, restore_rate=1, bucket_size=1_000_000, clock=clock)
    gid = shop.create_order()
    with connect(shop) as client:
        sync = OrderSync(database, client, store_id, clock=clock.now)
        sync.run()
        shop.add_cancel_request(gid, "Same second")  # same updatedAt as the cached version
        clock.advance(60)
        sync.run()
    with database.reading() as conn:
        tags = conn.execute("SELECT tags FROM orders WHERE gid = ?", (gid,)).fetchone()[0]
    assert "cancel-request" in tags


def test_incremental_sync_brings_changed_orders_and_their_requests(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    sync = OrderSync(database, client, store_id, intake=IntakeSettings(native=False))
    sync.run()
    untagged = sorted(set(fast_shop.order_ids()) - tagged_order_ids(fast_shop))[:2]
    for gid in untagged:
        fast_shop.add_cancel_request(gid, "Forkert størrelse, annuller venligst")
    new_order = fast_shop.create_order()
    result = sync.run()
    assert result.kind == "incremental"
    assert new_order in cached_order_ids(database)
    with database.reading() as conn:
        by_order = {r.order_id: r for r in list_requests(conn, store_id)}
        rows = load_queue(conn, store_id, result.request_ids)
    assert set(untagged) <= set(by_order)
    assert by_order[untagged[0]].messages[0].text == "Forkert størrelse, annuller venligst"
    assert {r.order_gid for r in rows} >= set(untagged)


def test_a_failing_hook_rolls_back_its_page(
    database: Database, client: ShopifyClient, store_id: int
) -> None:
    pages = 0

    def fail_on_second_page(
        conn: sqlite3.Connection, store: int, orders: Sequence[FetchedOrder]
    ) -> None:
        nonlocal pages
        pages += 1
        if pages == 2:
            raise RuntimeError("intake bug")

    saved: list[SyncProgress] = []
    with pytest.raises(RuntimeError, match="intake bug"):
        OrderSync(
            database, client, store_id, settings=SMALL_PAGES, hooks=[fail_on_second_page]
        ).run(progress=saved.append)
    with database.reading() as conn:
        state = get_sync_state(conn, store_id)
        count = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    assert state.run is not None and state.run.cursor is not None  # after page 1 only
    assert [p.pages for p in saved] == [1]
    assert count == saved[0].orders > 0


def test_cancelled_sync_stops_between_pages_and_the_next_run_resumes(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    cancel = threading.Event()

    def cancel_after_two_pages(progress: SyncProgress) -> None:
        if progress.pages == 2:
            cancel.set()

    sync = OrderSync(database, client, store_id, settings=SMALL_PAGES)
    stopped = sync.run(cancel=cancel, progress=cancel_after_two_pages)
    assert not stopped.completed and stopped.pages == 2
    resumed = sync.run()
    assert resumed.kind == "backfill" and resumed.completed
    assert cached_order_ids(database) == set(fast_shop.order_ids())


def test_sync_paces_itself_and_is_never_throttled(
    make_demo_shop: Callable[..., DemoShop], database: Database, store_id: int
) -> None:
    shop = make_demo_shop(size=12, restore_rate=400)
    with connect(shop) as shopify:
        result = OrderSync(database, shopify, store_id).run()
        assert shopify.stats.throttled == 0
    assert result.completed and shop.throttled == 0
    assert cached_order_ids(database) == set(shop.order_ids())


def test_a_full_sync_reads_again_the_order_of_a_request_outside_its_window(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    ten_days_ago = datetime.now(UTC) - timedelta(days=10)
    emailed = fast_shop.create_order(created_at=ten_days_ago)
    OrderSync(database, client, store_id, hooks=[tag_intake]).run()
    with database.transaction() as conn:
        message = RequestMessage(RequestSource.EMAIL, datetime.now(UTC), "cancel", None, "imap:1")
        draft = CancellationRequest(
            None, store_id, emailed, None, None, RequestState.OPEN, (message,)
        )
        add_request(conn, draft, now=datetime.now(UTC))
        assert {r.stale for r in load_queue(conn, store_id)} == {0}
    narrow = SyncSettings(recent_days=5)
    sync = OrderSync(database, client, store_id, settings=narrow, hooks=[tag_intake])
    result = sync.run(full=True, then_backfill=False)
    with database.reading() as conn:
        unfinished = len(list_requests(conn, store_id, (RequestState.OPEN,)))
    # every undecided request's order is confirmed again, with what a verdict needs
    assert result.kind == "full" and result.orders_read_in_full == unfinished
    with database.reading() as conn:
        assert {r.stale for r in load_queue(conn, store_id) if r.request_state == "open"} == {0}
        assert order_detail(conn, store_id, emailed) == VERDICT


def test_asking_for_a_full_sync_drops_an_unfinished_incremental_one(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    sync = OrderSync(database, client, store_id)
    sync.run()
    for gid in fast_shop.order_ids()[:12]:
        fast_shop.add_cancel_request(gid)
    cancel = threading.Event()
    stopped = sync.run(cancel=cancel, progress=lambda _: cancel.set())
    assert (stopped.kind, stopped.completed, stopped.pages) == ("incremental", False, 1)
    result = sync.run(full=True)
    assert (result.kind, result.completed) == ("full", True)
    with database.reading() as conn:
        assert get_sync_state(conn, store_id).run is None


def test_an_unfinished_run_from_days_ago_starts_afresh(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    cancel = threading.Event()
    days_ago = datetime.now(UTC) - timedelta(days=3)
    intake = IntakeSettings(native=False)
    old = OrderSync(database, client, store_id, clock=lambda: days_ago, intake=intake)
    old.run(cancel=cancel, progress=lambda _: cancel.set())  # stopped while finding requests
    seen: list[SyncProgress] = []
    result = OrderSync(database, client, store_id, intake=intake).run(progress=seen.append)
    assert result.completed and seen[0].phase == "requests"
    with database.reading() as conn:
        state = get_sync_state(conn, store_id)
    assert state.last_full_sync_at is not None and state.last_full_sync_at > days_ago


def test_an_order_presented_in_a_four_letter_currency_syncs_with_its_page(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    """USDC is a `CurrencyCode` too: its order is cached, and so is the rest of its page."""
    usdc = fast_shop.create_order("paid")
    with fast_shop.store.lock:
        fast_shop.order(usdc).presentment_currency = "USDC"
    fast_shop.add_cancel_request(usdc)  # read in full, transactions and all
    result = OrderSync(database, client, store_id, hooks=[tag_intake]).run()
    assert result.completed
    assert cached_order_ids(database) == set(fast_shop.order_ids())
    with database.reading() as conn:
        cached = load_order(conn, store_id, usdc)
    assert cached is not None and cached.presentment_currency == "USDC"
    assert {t.amount.currency for t in cached.transactions} == {"USDC"}


def test_a_run_for_a_store_removed_meanwhile_writes_nothing(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    """The app starts the backfill at once; removing the store must not get its orders back."""
    sync = OrderSync(database, client, store_id, hooks=[tag_intake])
    assert sync.run(then_backfill=False).more
    with database.transaction() as conn:
        remove_store(conn, store_id)
    assert not sync.run().completed
    assert cached_order_ids(database) == set()
