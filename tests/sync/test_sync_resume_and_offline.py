"""Nothing lost: a sync killed mid-page resumes; with the shop gone the cache still opens."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sync_helpers import REQUEST_TAG, cached_order_ids, connect, tag_intake

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import AccessToken, Endpoint, NetworkDown
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.retry import RetryPolicy
from cancelapp.store import Database
from cancelapp.store.orders import load_order
from cancelapp.store.queue import load_queue
from cancelapp.store.sync_state import get_sync_state
from cancelapp.sync import OrderSync, SyncSettings
from fixtures.database import save_demo_store

SCRIPT = Path(__file__).with_name("sync_until_killed_script.py")


def pages_of_a_full_sync(shop: DemoShop, tmp_path: Path) -> int:
    reference = Database.open(tmp_path / "reference.sqlite3")
    try:
        with reference.transaction() as conn:
            store = save_demo_store(conn, "ref")
        with connect(shop) as shopify:
            small_pages = SyncSettings(page_cost_budget=60)  # as the killed script's
            return OrderSync(reference, shopify, store, settings=small_pages).run().pages
    finally:
        reference.close()


def test_sync_killed_inside_a_page_resumes_from_the_last_saved_page(
    fast_shop: DemoShop, database: Database, store_id: int, client: ShopifyClient, tmp_path: Path
) -> None:
    total_pages = pages_of_a_full_sync(fast_shop, tmp_path)
    command = [
        sys.executable,
        str(SCRIPT),
        str(database.path),
        fast_shop.base_url,
        fast_shop.access_token,
        str(store_id),
        "3",
    ]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as worker:
        assert worker.stdout is not None
        said = [worker.stdout.readline().strip() for _ in range(3)]
        worker.kill()  # SIGKILL on POSIX: no clean-up runs
        assert worker.wait(timeout=30) != 0
    assert said == ["saved 1", "saved 2", "blocked 3"]

    with database.reading() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        state = get_sync_state(conn, store_id)
        orders_saved = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    assert state.run is not None and state.run.cursor is not None
    # the first connect's own run reads what requests name (here none); pages are the backfill's
    assert state.run.kind == "backfill" and state.last_full_sync_at is not None
    assert 0 < orders_saved < len(fast_shop.order_ids())

    requests_before = fast_shop.stats.graphql_requests
    resumed = OrderSync(
        database, client, store_id, settings=SyncSettings(page_cost_budget=60)
    ).run()
    assert resumed.kind == "backfill" and resumed.completed
    assert resumed.pages == total_pages - 2  # pages 1 and 2 are not read again
    assert fast_shop.stats.graphql_requests - requests_before == resumed.pages
    assert cached_order_ids(database) == set(fast_shop.order_ids())


def test_cache_opens_with_every_request_when_the_shop_is_gone(
    make_demo_shop: Callable[..., DemoShop], tmp_path: Path
) -> None:
    shop = make_demo_shop(size=40, restore_rate=100_000)
    base_url, token = shop.base_url, shop.access_token
    path = tmp_path / "data" / "cancelapp.sqlite3"
    db = Database.open(path)
    with db.transaction() as conn:
        store_id = save_demo_store(conn)
    with connect(shop) as shopify:
        OrderSync(db, shopify, store_id, hooks=[tag_intake]).run()
    with db.reading() as conn:
        online_rows = load_queue(conn, store_id)
    db.close()
    shop.stop()

    offline = Database.open(path)  # a fresh start, as when the app opens on the train
    try:
        with offline.reading() as conn:
            rows = load_queue(conn, store_id)
            orders = {r.order_gid: load_order(conn, store_id, r.order_gid or "") for r in rows}
            last_synced = get_sync_state(conn, store_id).last_success_at
        assert rows == online_rows and len(rows) > 0
        assert all(r.stale == 0 for r in rows)
        for row in rows:
            order = orders[row.order_gid]
            assert order is not None and REQUEST_TAG in order.tags
            assert (order.name, order.financial_status.value) == (
                row.order_name,
                row.financial_status,
            )
        assert last_synced is not None

        quick_failure = RetryPolicy(attempts=1)
        with (
            ShopifyClient(
                Endpoint.loopback(base_url), AccessToken(token), retry=quick_failure
            ) as gone,
            pytest.raises(NetworkDown) as failed,
        ):
            OrderSync(offline, gone, store_id).run()
        with offline.reading() as conn:
            state = get_sync_state(conn, store_id)
            assert load_queue(conn, store_id) == rows
        assert state.last_error == failed.value.merchant_message
        assert state.last_success_at == last_synced
    finally:
        offline.close()
