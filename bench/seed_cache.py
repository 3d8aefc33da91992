"""A real CancelApp data folder with N cached requests, for the start-up and memory benchmarks.

Orders are real order nodes: a small demo shop is synced once through the app's own client and
sync, and its nodes are copied under new ids and names. Each order gets a request (an email)
and a verdict, written through the store's repositories as the app would.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cancelapp.demoshop import DemoShop
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.domain.verdict import Outcome, Verdict
from cancelapp.paths import AppPaths
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.store import Database
from cancelapp.store.orders import FetchedOrder, find_order_gids, load_snapshot, upsert_orders
from cancelapp.store.requests import add_request, set_verdict
from cancelapp.store.stores import save_store
from cancelapp.sync import OrderSync

BATCH = 1000
TEMPLATE_ORDERS = 60


def seed_data_dir(home: Path, requests: int) -> Path:
    """`home` as a `--data-dir`: one store, `requests` requests; returns the database path."""
    paths = AppPaths.under(home)
    paths.create()
    db = Database.open(paths.database_path)
    now = datetime.now(UTC)
    try:
        with db.transaction() as conn:
            store_id = save_store(
                conn,
                Endpoint.for_shop("bench.myshopify.com"),
                name="Bench",
                currency="DKK",
                timezone="Europe/Copenhagen",
                auth_kind="access_token",
                now=now,
            )
        if requests:
            _add_requests(db, store_id, _template_nodes(db, store_id), requests, now)
        db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return paths.database_path


def _template_nodes(db: Database, store_id: int) -> list[dict[str, Any]]:
    with DemoShop(seed=11, size=TEMPLATE_ORDERS, restore_rate=1e6, bucket_size=1e6) as shop:
        endpoint = Endpoint.loopback(shop.base_url)
        with ShopifyClient(endpoint, AccessToken(shop.access_token)) as client:
            OrderSync(db, client, store_id).run()
    with db.reading() as conn:
        return [
            node
            for gid in find_order_gids(conn, store_id)
            if (node := load_snapshot(conn, store_id, gid)) is not None
        ]


def _add_requests(
    db: Database, store_id: int, nodes: list[dict[str, Any]], count: int, now: datetime
) -> None:
    reason = Phrase(
        "Policy",
        "placed {age} ago, inside the {window} window",
        {"age": timedelta(hours=3), "window": timedelta(hours=24)},
    )
    verdicts = [Verdict(outcome, "bench", (reason,), ()) for outcome in Outcome]
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        batch = [_copy(nodes[i % len(nodes)], i) for i in numbers]
        with db.transaction() as conn:
            upsert_orders(conn, store_id, [FetchedOrder(order_from_node(n), n, now) for n in batch])
            for i, node in zip(numbers, batch, strict=True):
                message = RequestMessage(
                    RequestSource.EMAIL,
                    now - timedelta(minutes=i),
                    "Please cancel my order, I ordered the wrong size.",
                    None,
                    f"bench:{i}",
                )
                draft = CancellationRequest(
                    None, store_id, node["id"], node["name"], None, RequestState.OPEN, (message,)
                )
                added = add_request(conn, draft, now=now)
                verdict = verdicts[i % len(verdicts)]
                set_verdict(conn, added.request_id, verdict, policy_hash="bench", evaluated_at=now)


def _copy(node: dict[str, Any], number: int) -> dict[str, Any]:
    twin = copy.deepcopy(node)
    twin["id"] = f"gid://shopify/Order/{9_000_000 + number}"
    twin["name"] = f"#{50_000 + number}"
    return twin
