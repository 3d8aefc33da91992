"""First sync of a store against the demo shop at Shopify Standard's restore rate (100 points/s).

What the app runs after connecting a store (`cancelapp.session.refresh.refresh_store`, in the
worker pool): the order sync (tagged orders, then the last 60 days), intake from order tags and
Shopify's own requests, and verdicts. The demo shop holds `--orders` orders, about 5 % of them
with a request, and refills its cost bucket in real time, so this takes as long as it would on
a real Standard store: minutes per thousand orders.

Figures: achieved cost points per second as a fraction of the restore rate (points that came
from refills, i.e. excluding the initial full bucket, over restore rate × elapsed time; target
≥ 0.9 with zero throttled requests), HTTP requests and bytes per order, and the actual cost
per order (what sets the pace once pacing is right).

Prints a table and writes bench/results/sync.json.
Run: uv run python bench/bench_sync.py [--orders 10000] [--restore-rate 100]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop

from cancelapp.actions import ActionRunner
from cancelapp.demoshop import DemoShop
from cancelapp.session.refresh import RefreshResult, StoreSession, refresh_store
from cancelapp.session.store_policy import StorePolicies
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.stores import get_store, save_store
from cancelapp.ui.workers import WorkerPool

RESULTS = Path(__file__).parent / "results" / "sync.json"
TARGET_FRACTION = 0.9


def open_session(shop: DemoShop, folder: Path) -> StoreSession:
    db = Database.open(folder / "cache.sqlite3")
    endpoint = Endpoint.loopback(shop.base_url)
    client = ShopifyClient(endpoint, AccessToken(shop.access_token))
    info = client.connect()
    with db.transaction() as conn:
        store_id = save_store(
            conn,
            endpoint,
            name=info.name,
            currency=info.currency_code,
            timezone=info.iana_timezone,
            auth_kind="demo",
            now=datetime.now(UTC),
        )
        store = get_store(conn, store_id)
    assert store is not None
    return StoreSession(
        store=store,
        database=db,
        client=client,
        runner=ActionRunner(db, client),
        policies=StorePolicies(folder, db),  # no policy file there: the default policy
    )


def run_refresh(session: StoreSession) -> tuple[RefreshResult, list[tuple[float, int, str]]]:
    """`refresh_store` in the real worker pool; returns its result and the progress it reported."""
    workers = WorkerPool()
    started = time.perf_counter()
    progress: list[tuple[float, int, str]] = []
    printed = [-1000]
    outcome: dict[str, Any] = {}

    def report(done: int, _total: int, phase: str) -> None:
        elapsed = time.perf_counter() - started
        if done - printed[-1] >= 500 or (progress and phase != progress[-1][2]):
            print(f"  {elapsed:7.1f} s  {phase:<9} {done:>6,} orders", flush=True)
            printed.append(done)
        progress.append((elapsed, done, phase))

    loop = QEventLoop()
    task = workers.run_cancellable(refresh_store, session)
    task.progressed.connect(report)
    task.succeeded.connect(lambda result: outcome.setdefault("result", result))
    task.failed.connect(lambda error: outcome.setdefault("error", error))
    task.finished.connect(loop.quit)
    loop.exec()
    workers.shutdown()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"], progress


def measure(orders: int, restore_rate: float, bucket: float, seed: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cancelapp-bench-sync-") as tmp:
        shop = DemoShop(seed=seed, size=orders, restore_rate=restore_rate, bucket_size=bucket)
        with shop:
            session = open_session(shop, Path(tmp))
            client = session.client
            requests_before = shop.stats.graphql_requests
            bytes_before = shop.stats.bytes_in + shop.stats.bytes_out
            spent_before = shop.bucket.spent
            available_before = shop.bucket.status().currently_available
            started = time.perf_counter()
            result, progress = run_refresh(session)
            elapsed = time.perf_counter() - started
            available_after = shop.bucket.status().currently_available
            spent = shop.bucket.spent - spent_before
            requests = shop.stats.graphql_requests - requests_before
            traffic = shop.stats.bytes_in + shop.stats.bytes_out - bytes_before
            throttled = shop.throttled
            waited = client.throttle.waited_s
            with session.database.reading() as conn:
                cached = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
                with_requests = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
            session.close()
            session.database.close()
    # Points that came from refills during the run, over what the refills could give.
    refilled = spent - (available_before - available_after)
    sync_s = progress[-1][0] if progress else 0.0
    return {
        "orders_in_shop": orders,
        "orders_cached": cached,
        "requests_in_queue": with_requests,
        "restore_rate": restore_rate,
        "bucket_size": bucket,
        "elapsed_s": round(elapsed, 1),
        "order_sync_s": round(sync_s, 1),
        "intake_and_verdicts_s": round(elapsed - sync_s, 1),
        "pacing_wait_s": round(waited, 1),
        "actual_cost": spent,
        "points_per_second": round(spent / elapsed, 1),
        "fraction_of_restore_rate": round(refilled / (restore_rate * elapsed), 3),
        "throttled": throttled,
        "http_requests": requests,
        "progress_reports": len(progress),
        "requests_per_order": round(requests / max(cached, 1), 3),
        "bytes_per_order": round(traffic / max(cached, 1)),
        "actual_cost_per_order": round(spent / max(cached, 1), 1),
        "minutes_per_10000_orders": round(elapsed / max(cached, 1) * 10_000 / 60, 1),
        "rows_touched": len(result.request_ids),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--restore-rate", type=float, default=100.0)
    parser.add_argument("--bucket", type=float, default=1000.0, help="bucket size (points)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args()
    app = QCoreApplication(sys.argv[:1])
    figures = measure(args.orders, args.restore_rate, args.bucket, args.seed)
    report = {
        "benchmark": "sync",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "target": f"≥ {TARGET_FRACTION} of the restore rate, zero throttled",
        "meets_target": figures["fraction_of_restore_rate"] >= TARGET_FRACTION
        and figures["throttled"] == 0,
        "results": figures,
    }
    del app
    print_table(figures)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.output}")


def print_table(f: dict[str, Any]) -> None:
    rows = [
        ("orders synced / requests in queue",
         f"{f['orders_cached']:,} / {f['requests_in_queue']:,}"),
        ("elapsed (order sync + intake, verdicts)",
         f"{f['elapsed_s']:.0f} s ({f['order_sync_s']:.0f} + {f['intake_and_verdicts_s']:.0f})"),
        ("cost points spent", f"{f['actual_cost']:,.0f} ({f['points_per_second']:.1f}/s)"),
        ("fraction of restore rate (target ≥ 0.9)", f"{f['fraction_of_restore_rate']:.3f}"),
        ("throttled (target 0)", f"{f['throttled']}"),
        ("HTTP requests per order", f"{f['requests_per_order']:.3f}"),
        ("bytes per order", f"{f['bytes_per_order']:,}"),
        ("actual cost per order", f"{f['actual_cost_per_order']}"),
        ("minutes per 10,000 orders", f"{f['minutes_per_10000_orders']}"),
    ]  # fmt: skip
    width = max(len(a) for a, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
