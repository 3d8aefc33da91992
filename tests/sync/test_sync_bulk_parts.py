"""A large first connect cuts its bulk read by order id into operations Shopify runs side by
side; a part Shopify refuses or loses is read by id, and a stopped sync cancels them all."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sync_helpers import connect

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.bulk_operations import BulkRun
from cancelapp.policy.default import default_policy
from cancelapp.session.refresh import judge
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.orders import VERDICT, order_detail
from cancelapp.store.requests import list_requests
from cancelapp.sync import (
    IntakeSettings,
    OrderSync,
    SyncProgress,
    SyncResult,
    SyncSettings,
    documents,
)
from cancelapp.sync.bulk_read import MOST_OPERATIONS, split_search
from cancelapp.sync.search_plan import BULK_PHASE
from fixtures.database import save_demo_store

# a part of two orders or more: the test shop's dozen orders with requests make four parts
SPLIT = SyncSettings(bulk_poll=lambda _polls: 0.01, bulk_part_orders=2)


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=60, restore_rate=100_000)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = Database.open(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


def first_connect(
    shop: DemoShop,
    database: Database,
    *,
    settings: SyncSettings = SPLIT,
    progress: Callable[[SyncProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> tuple[int, SyncResult]:
    with database.transaction() as conn:
        store_id = save_demo_store(conn)
    with connect(shop) as client:
        sync = OrderSync(database, client, store_id, settings=settings, intake=IntakeSettings())
        return store_id, sync.run(then_backfill=False, progress=progress, cancel=cancel)


def roots(run: BulkRun) -> set[str]:
    """The orders an operation's file holds."""
    lines = (json.loads(line) for line in run.lines)
    return {item["id"] for item in lines if "__parentId" not in item}


def assert_every_request_judged_from_its_order(database: Database, store_id: int) -> None:
    judge(database, store_id, default_policy(), None)
    with database.reading() as conn:
        requests = list_requests(conn, store_id)
        assert requests and all(r.order_id for r in requests)
        assert all(order_detail(conn, store_id, r.order_id or "") == VERDICT for r in requests)
        judged = conn.execute(
            "SELECT count(*) FROM requests WHERE verdict_outcome IS NOT NULL"
        ).fetchone()[0]
    assert judged == len(requests)


def test_a_large_first_connect_runs_its_parts_side_by_side_and_judges_every_request(
    shop: DemoShop, database: Database
) -> None:
    running_at_once: list[int] = []

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE and not running_at_once:  # the sources are read
            with shop.store.lock:
                running_at_once.append(sum(not r.done.is_set() for r in shop.bulk.runs.values()))
            shop.release_bulk_operations()

    shop.hold_bulk_operations()  # none may end before all have started
    store_id, result = first_connect(shop, database, progress=progress)
    assert result.completed and result.bulk_operations == 4 == len(shop.bulk.runs)
    assert running_at_once == [4]
    files = [roots(run) for run in shop.bulk.runs.values()]
    assert all(files) and sum(map(len, files)) == len(set().union(*files))  # disjoint
    with database.reading() as conn:
        asked = {r.order_id for r in list_requests(conn, store_id)}
    assert asked <= set().union(*files)  # together, every order the sources named
    assert result.bulk_orders == len(asked) and shop.bulk.downloads == 4
    assert_every_request_judged_from_its_order(database, store_id)


def test_a_store_with_fewer_orders_than_two_parts_runs_one_operation(
    shop: DemoShop, database: Database
) -> None:
    store_id, result = first_connect(shop, database, settings=SyncSettings())
    assert result.completed and result.bulk_operations == 1 == len(shop.bulk.runs)
    (run,) = shop.bulk.runs.values()
    assert "id:" not in run.query  # the sources' search as it is
    assert_every_request_judged_from_its_order(database, store_id)


def test_parts_shopify_refuses_are_read_by_id(shop: DemoShop, database: Database) -> None:
    """Other apps hold all but two of the shop's five slots: the third part is refused
    (LIMIT_REACHED), the fourth not asked, and their orders are read by id."""
    shop.limit_bulk_operations(2)
    shop.hold_bulk_operations()  # the first two still run when the third is asked

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE:
            shop.release_bulk_operations()

    store_id, result = first_connect(shop, database, progress=progress)
    assert result.completed and result.bulk_operations == 2 == len(shop.bulk.runs)
    with database.reading() as conn:
        asked = {r.order_id for r in list_requests(conn, store_id)}
    from_files = set().union(*(roots(run) for run in shop.bulk.runs.values())) & asked
    assert 0 < result.bulk_orders == len(from_files) < len(asked)
    assert result.orders_read_in_full == len(asked)  # the rest by id, none read twice
    assert_every_request_judged_from_its_order(database, store_id)


def test_a_part_shopify_loses_is_read_by_id(shop: DemoShop, database: Database) -> None:
    cancelled: list[str] = []

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE and not cancelled:  # someone cancels one in the admin
            with shop.store.lock:
                lost = min(shop.bulk.runs)
                shop.bulk.cancel(lost)
                cancelled.append(f"gid://shopify/BulkOperation/{lost}")
            shop.release_bulk_operations()

    shop.hold_bulk_operations()
    store_id, result = first_connect(shop, database, progress=progress)
    assert result.completed and result.bulk_operations == 4 and shop.bulk.cancelled == cancelled
    assert shop.bulk.downloads == 3  # the lost part's file never asked for
    with database.reading() as conn:
        asked = {r.order_id for r in list_requests(conn, store_id)}
    kept = [roots(run) for number, run in shop.bulk.runs.items() if number != min(shop.bulk.runs)]
    assert 0 < result.bulk_orders == len(set().union(*kept) & asked) < len(asked)
    assert result.orders_read_in_full == len(asked)
    assert_every_request_judged_from_its_order(database, store_id)


def test_a_stopped_first_connect_cancels_every_operation(
    shop: DemoShop, database: Database
) -> None:
    cancel = threading.Event()

    def progress(report: SyncProgress) -> None:
        if report.phase == BULK_PHASE:
            cancel.set()

    shop.hold_bulk_operations()
    with database.transaction() as conn:
        store_id = save_demo_store(conn)
    with connect(shop) as client:  # open while the cancels go out, as the app's is
        sync = OrderSync(database, client, store_id, settings=SPLIT, intake=IntakeSettings())
        assert not sync.run(then_backfill=False, progress=progress, cancel=cancel).completed
        every = {f"gid://shopify/BulkOperation/{number}" for number in shop.bulk.runs}
        assert len(every) == 4
        while True:  # each goes out from a thread of its own
            shop.bulk.cancel_seen.clear()
            with shop.store.lock:
                if set(shop.bulk.cancelled) == every:
                    break
            assert shop.bulk.cancel_seen.wait(10)


def found_by(client: ShopifyClient, search: str) -> list[str]:
    data = client.query(documents.load("order_probe"), {"query": search})
    return [node["id"] for node in data["orders"]["nodes"]]


@pytest.mark.parametrize("search", ["tag:cancel-request", "(tag:cancel-request) OR (test:true)"])
def test_the_parts_of_a_search_find_each_of_its_orders_once(shop: DemoShop, search: str) -> None:
    with connect(shop) as client:
        whole = found_by(client, search)
        parts = split_search(client, search, 2, cancel=threading.Event())
        assert len(parts) == min(MOST_OPERATIONS, len(whole) // 2) == 4
        pieces = [found_by(client, part) for part in parts]
        assert split_search(client, search, len(whole), cancel=threading.Event()) == [search]
    assert all(pieces) and sorted(g for piece in pieces for g in piece) == sorted(whole)
