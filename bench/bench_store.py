"""Local cache and sync figures.

- Opening a cache of 50,000 requests to loaded queue rows, in a fresh process (target < 0.5 s).
- Incremental sync against the demo shop over HTTP with 0 and 100 changed orders (requests
  counted; target: no change = 1 request), with the time Shopify's pacing would add on a
  Standard plan (100 points/s) estimated from the cost actually charged.
- Database size per 10,000 orders (orders only, and orders with a request each).

Prints a table and writes bench/results/store.json.
Run: uv run python bench/bench_store.py [--requests 50000] [--shop-orders 200]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
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
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify import documents as shopify_documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.shopify.page_fit import largest_page
from cancelapp.store import Database
from cancelapp.store.orders import FULL, LEAN, FetchedOrder, upsert_orders
from cancelapp.store.requests import add_request, set_verdict
from cancelapp.store.stores import save_store
from cancelapp.sync import OrderSync

RESULTS = Path(__file__).parent / "results" / "store.json"
OPEN_TARGET_SECONDS = 0.5
STANDARD_PLAN_RESTORE_RATE = 100.0  # points per second
BATCH = 1000

OPEN_SCRIPT = """
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from cancelapp.store import Database
from cancelapp.store.queue import load_queue
imported, cpu = time.perf_counter(), time.process_time()
db = Database.open(Path(sys.argv[1]))
with db.reading() as conn:
    rows = load_queue(conn, int(sys.argv[2]))
loaded = time.perf_counter()
print(json.dumps({"rows": len(rows), "import_s": imported - started,
                  "open_and_load_s": loaded - imported,
                  "open_and_load_cpu_s": time.process_time() - cpu}))
"""


def new_cache(path: Path) -> tuple[Database, int]:
    db = Database.open(path)
    with db.transaction() as conn:
        store_id = save_store(
            conn,
            Endpoint.for_shop("bench.myshopify.com"),
            name="Bench",
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="access_token",
            now=datetime.now(UTC),
        )
    return db, store_id


Nodes = dict[str, list[dict[str, Any]]]


def sync_figures(shop_orders: int, folder: Path) -> tuple[dict[str, Any], Nodes]:
    """Full sync, then incremental syncs with 0 and 100 changed orders; returns the synced
    nodes by detail (`full`: orders with a request, `lean`: the rest)."""
    figures: dict[str, Any] = {}
    with DemoShop(seed=11, size=shop_orders, restore_rate=100_000) as shop:
        db, store_id = new_cache(folder / "sync.sqlite3")
        with ShopifyClient(Endpoint.loopback(shop.base_url), AccessToken(shop.access_token)) as c:
            sync = OrderSync(db, c, store_id)
            figures["full"] = measure(sync, c, shop)
            figures["incremental_0_changed"] = measure(sync, c, shop)
            for gid in shop.order_ids()[:100]:
                shop.add_cancel_request(gid, "Please cancel, ordered twice.")
            figures["incremental_100_changed"] = measure(sync, c, shop)
            # Orders with a request are cached in full: sample full nodes as the app reads them.
            document = shopify_documents.load("orders")
            first = largest_page(document)  # as many whole orders as fit under the cost cap
            full = c.query(document, {"first": first})["orders"]["nodes"]
        nodes: Nodes = {FULL: full, LEAN: []}
        with db.reading() as conn:
            for (snapshot,) in conn.execute(
                "SELECT s.snapshot FROM order_snapshots s JOIN orders o ON o.id = s.order_id "
                "WHERE o.detail = 'lean'"
            ):
                nodes[LEAN].append(json.loads(snapshot))
        db.close()
    return figures, nodes


def measure(sync: OrderSync, client: ShopifyClient, shop: DemoShop) -> dict[str, Any]:
    cost_before, sent_before = client.stats.actual_cost, shop.stats.graphql_requests
    started = time.perf_counter()
    result = sync.run()
    seconds = time.perf_counter() - started
    cost = client.stats.actual_cost - cost_before
    return {
        "kind": result.kind,
        "orders": result.orders,
        "pages": result.pages,
        "read_in_full": result.orders_read_in_full,
        "requests": shop.stats.graphql_requests - sent_before,
        "seconds": round(seconds, 3),
        "actual_cost": cost,
        "standard_plan_pacing_s": round(max(cost - 1000, 0) / STANDARD_PLAN_RESTORE_RATE, 1),
    }


def build_cache(path: Path, requests: int, nodes: list[dict[str, Any]]) -> int:
    """`requests` orders made from real synced nodes, each with a request and a verdict."""
    db, store_id = new_cache(path)
    reason = Phrase(
        "Policy",
        "placed {age} ago, inside the {window} window",
        {"age": timedelta(hours=3), "window": timedelta(hours=24)},
    )
    verdict = Verdict(Outcome.APPROVE, "within-window", (reason,), ())
    now = datetime.now(UTC)
    for start in range(0, requests, BATCH):
        with db.transaction() as conn:
            batch = [
                _variant(nodes[i % len(nodes)], 10_000_000 + i)
                for i in range(start, min(start + BATCH, requests))
            ]
            upsert_orders(conn, store_id, [FetchedOrder(order_from_node(n), n, now) for n in batch])
            for node in batch:
                message = RequestMessage(
                    RequestSource.EMAIL,
                    now,
                    "Please cancel my order.",
                    "Kunde",
                    f"imap:1:{node['id']}",
                )
                draft = CancellationRequest(
                    None, store_id, node["id"], node["name"], None, RequestState.OPEN, (message,)
                )
                added = add_request(conn, draft, now=now)
                set_verdict(conn, added.request_id, verdict, policy_hash="bench", evaluated_at=now)
    db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return store_id


def orders_only_size(path: Path, count: int, nodes: list[dict[str, Any]]) -> int:
    """Size of a cache of `count` lean orders (what the sync keeps of orders without requests)."""
    db, store_id = new_cache(path)
    now = datetime.now(UTC)
    for start in range(0, count, BATCH):
        with db.transaction() as conn:
            batch = [
                _variant(nodes[i % len(nodes)], 20_000_000 + i)
                for i in range(start, min(start + BATCH, count))
            ]
            lean = [FetchedOrder(order_from_node(n), n, now, LEAN) for n in batch]
            upsert_orders(conn, store_id, lean)
    db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path.stat().st_size


def _variant(node: dict[str, Any], number: int) -> dict[str, Any]:
    twin = copy.deepcopy(node)
    twin["id"] = f"gid://shopify/Order/{number}"
    twin["name"] = f"#{number}"
    return twin


def open_times(path: Path, store_id: int, runs: int) -> list[dict[str, Any]]:
    measured = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", OPEN_SCRIPT, str(path), str(store_id)],
            capture_output=True,
            text=True,
            check=True,
        )
        measured.append(json.loads(done.stdout))
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--shop-orders", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        syncs, nodes = sync_figures(args.shop_orders, folder)
        started = time.perf_counter()
        store_id = build_cache(folder / "big.sqlite3", args.requests, nodes[FULL])
        build_s = time.perf_counter() - started
        opens = open_times(folder / "big.sqlite3", store_id, args.runs)
        big_size = (folder / "big.sqlite3").stat().st_size
        small_size = orders_only_size(folder / "orders.sqlite3", 10_000, nodes[LEAN])
    open_s = [o["open_and_load_s"] for o in opens]
    report = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "cache_open": {
            "requests": args.requests,
            "rows_loaded": opens[0]["rows"],
            "open_and_load_s_median": round(statistics.median(open_s), 3),
            "open_and_load_s_max": round(max(open_s), 3),
            "open_and_load_cpu_s_median": round(
                statistics.median(o["open_and_load_cpu_s"] for o in opens), 3
            ),
            "load_average_1min": round(os.getloadavg()[0], 1)
            if hasattr(os, "getloadavg")
            else None,
            "import_s_median": round(statistics.median(o["import_s"] for o in opens), 3),
            "target_s": OPEN_TARGET_SECONDS,
            "build_s": round(build_s, 1),
        },
        "sync": syncs,
        "size": {
            "snapshot_bytes_median": int(
                statistics.median(len(json.dumps(n)) for n in nodes[FULL])
            ),
            "lean_snapshot_bytes_median": int(
                statistics.median(len(json.dumps(n)) for n in nodes[LEAN])
            ),
            "orders_only_per_10000_mb": round(small_size / 2**20, 1),
            "orders_with_requests_per_10000_mb": round(
                big_size / 2**20 * 10_000 / args.requests, 1
            ),
        },
    }
    print_report(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def print_report(report: dict[str, Any]) -> None:
    opening = report["cache_open"]
    print(
        f"cache open, {opening['rows_loaded']:,} requests to loaded rows: "
        f"median {opening['open_and_load_s_median']:.3f} s, max "
        f"{opening['open_and_load_s_max']:.3f} s, "
        f"CPU {opening['open_and_load_cpu_s_median']:.3f} s "
        f"(target < {opening['target_s']} s; imports {opening['import_s_median']:.3f} s; "
        f"load average {opening['load_average_1min']})"
    )
    for name, sync in report["sync"].items():
        print(
            f"{name:>24}: {sync['requests']:>3} requests, {sync['pages']:>3} pages, "
            f"{sync['orders']:>4} orders ({sync['read_in_full']} read in full), "
            f"{sync['seconds']:.2f} s here, cost "
            f"{sync['actual_cost']:.0f} points (+{sync['standard_plan_pacing_s']} s "
            f"pacing on a Standard plan)"
        )
    size = report["size"]
    print(
        f"size per 10,000 orders: {size['orders_only_per_10000_mb']} MB lean orders only, "
        f"{size['orders_with_requests_per_10000_mb']} MB full orders with a request each "
        f"(median snapshot {size['snapshot_bytes_median']:,} bytes full, "
        f"{size['lean_snapshot_bytes_median']:,} lean)"
    )


if __name__ == "__main__":
    main()
