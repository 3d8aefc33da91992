"""First connect of a store against the demo shop at Shopify Standard's restore rate (100 points/s).

What the app runs after connecting a store (`cancelapp.session.refresh.refresh_store`, in the
worker pool): the first sync reads what the request sources name (the tag, Shopify's
requested-edit filter), those orders with what a verdict needs, and judges them batch by
batch; the queue is complete when it ends. It leaves the recent orders (lean) and the
requests' orders in full to a backfill run, which the app starts at once. Timed here: the
first connect, the backfill and then a quiet incremental sync (a pending backfill runs before
any incremental sync); `first_rows_s` is when the first requests reached the window.
The demo shop holds `--orders` orders, about 5 % of them with a request, and refills its cost
bucket in real time, so this takes as long as it would on a real store of that plan. It runs in
a process of its own (`shop_process.py`), as Shopify's servers do not share the app's CPU; its
counts are read from there, and each run reports both processes' CPU time. The first
connect reads the requests' orders through a bulk operation, which the demo shop runs in the
time it assumes for Shopify (`cancelapp.demoshop.bulk_operations`); `bulk_wait_s` is how long the
window said "Shopify is preparing…", i.e. the wait after the sources were read, and
`bulk_operations` how many ran side by side (a large store's search is cut by order id,
`cancelapp.sync.bulk_read`). `--no-bulk`
plays a Shopify that refuses bulk operations: the fallback, reading the orders by id.

Figures per run: wall time, HTTP requests, cost points, bytes, throttled requests, and the
ratio of wall time to the restore-rate floor (the points that came from refills, i.e. less
the bucket's starting content, over the restore rate), and the points per GraphQL operation
(read from the client's debug log). Target: first connect under 60 s with nothing throttled.

Prints a table and writes bench/results/sync.json.
Run: uv run python bench/bench_sync.py [--orders 10000] [--restore-rate 100] [--first-connect-only]
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop

from cancelapp.actions import ActionRunner
from cancelapp.demoshop.bulk_operations import ASSUMED_OBJECTS_PER_SECOND, ASSUMED_START_DELAY
from cancelapp.session.refresh import RefreshResult, StoreSession, refresh_store
from cancelapp.session.store_policy import StorePolicies
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.client import log as client_log
from cancelapp.store import Database
from cancelapp.store.stores import get_store, save_store
from cancelapp.ui.workers import WorkerPool
from shop_process import ShopProcess

RESULTS = Path(__file__).parent / "results" / "sync.json"
TARGET_FIRST_CONNECT_S = 60


def open_session(shop: ShopProcess, folder: Path) -> StoreSession:
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


class CostByOperation(logging.Handler):
    """Requests and actual points per GraphQL operation, from the client's debug line
    ("%s %s cost %s/%s in %.0f ms": operation, version, requested, actual, time)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.operations: dict[str, list[float]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and " cost " in str(record.msg):
            seen = self.operations.setdefault(str(args[0]), [0, 0.0])
            seen[0] += 1
            seen[1] += float(args[3] or 0)

    def take(self) -> dict[str, dict[str, float]]:
        taken = {
            name: {"requests": int(n), "points": round(points)}
            for name, (n, points) in sorted(self.operations.items(), key=lambda kv: -kv[1][1])
        }
        self.operations = {}
        return taken


COSTS = CostByOperation()


def run_refresh(
    session: StoreSession,
) -> tuple[RefreshResult, list[tuple[float, int, str]], float | None]:
    """`refresh_store` in the real worker pool: its result, the progress it reported and when
    it first reported requests for the window (None: it reported none before ending)."""
    workers = WorkerPool()
    started = time.perf_counter()
    first_found: list[float] = []
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
    task.found.connect(
        lambda _ids: first_found or first_found.append(time.perf_counter() - started)
    )
    task.succeeded.connect(lambda result: outcome.setdefault("result", result))
    task.failed.connect(lambda error: outcome.setdefault("error", error))
    task.finished.connect(loop.quit)
    loop.exec()
    workers.shutdown()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"], progress, first_found[0] if first_found else None


def timed_refresh(shop: ShopProcess, session: StoreSession, label: str) -> dict[str, Any]:
    """One `refresh_store` with what it cost: wall time, HTTP requests, points, bytes, and the
    CPU time of each process (the app's, i.e. this one's, and the demo shop's)."""
    client = session.client
    before = shop.figures()
    waited_before = client.throttle.waited_s
    print(f"{label}:", flush=True)
    started = time.perf_counter()
    cpu_started = time.process_time()
    COSTS.take()
    result, progress, first_rows = run_refresh(session)
    elapsed = time.perf_counter() - started
    app_cpu = time.process_time() - cpu_started
    after = shop.figures()
    spent = after.spent - before.spent
    with session.database.reading() as conn:
        cached = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        in_queue = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
        judged = conn.execute(
            "SELECT count(*) FROM requests WHERE verdict_outcome IS NOT NULL"
        ).fetchone()[0]
    # Points that came from refills during the run, over what the refills could give; the
    # floor is the time those points take at the restore rate (the bucket's start is free).
    refilled = max(spent - (before.available - after.available), 0.0)
    floor_s = refilled / after.restore_rate
    sync_s = progress[-1][0] if progress else 0.0
    bulk_from = next((at for at, _n, phase in progress if phase == "bulk"), None)
    bulk_to = next(
        (at for at, _n, phase in progress if bulk_from and at > bulk_from and phase != "bulk"),
        sync_s,
    )
    return {
        "orders_cached": cached,
        "requests_in_queue": in_queue,
        "requests_with_verdict": judged,
        "elapsed_s": round(elapsed, 1),
        "order_sync_s": round(sync_s, 1),
        "intake_and_verdicts_s": round(elapsed - sync_s, 1),
        "pacing_wait_s": round(client.throttle.waited_s - waited_before, 1),
        "actual_cost": spent,
        "restore_rate_floor_s": round(floor_s, 1),
        "ratio_to_floor": round(elapsed / floor_s, 2) if floor_s >= 0.5 else None,  # else: no wait
        "fraction_of_restore_rate": round(refilled / (after.restore_rate * elapsed), 3),
        "throttled": after.throttled - before.throttled,
        "http_requests": after.graphql_requests - before.graphql_requests,
        "bytes": after.bytes - before.bytes,
        "app_cpu_s": round(app_cpu, 1),
        "shop_cpu_s": round(after.cpu_s - before.cpu_s, 1),
        "rows_touched": len(result.request_ids),
        "first_rows_s": None if first_rows is None else round(first_rows, 1),
        "bulk_wait_s": None if bulk_from is None else round(bulk_to - bulk_from, 1),
        "bulk_operations": after.bulk_operations,
        "more": result.more,
        "by_operation": COSTS.take(),
    }


def measure(
    orders: int, restore_rate: float, bucket: float, seed: int, first_only: bool, bulk: bool
) -> dict[str, Any]:
    # The demo shop runs in a process of its own, as Shopify's servers do not share the app's
    # CPU (nor, here, its interpreter lock).
    shop_process = ShopProcess(
        seed=seed,
        size=orders,
        restore_rate=restore_rate,
        bucket_size=bucket,
        bulk_start_delay=ASSUMED_START_DELAY,
        bulk_objects_per_second=ASSUMED_OBJECTS_PER_SECOND,
        refuse_bulk=None if bulk else "ACCESS_DENIED",
    )
    with tempfile.TemporaryDirectory(prefix="cancelapp-bench-sync-") as tmp, shop_process as shop:
        print(f"demo shop of {orders:,} orders seeded in {shop.seeded_s:.0f} s (own process)")
        session = open_session(shop, Path(tmp))
        runs = {"first_connect": timed_refresh(shop, session, "first connect")}
        print_run("first_connect", runs["first_connect"])
        if not first_only:  # the backfill runs next, then syncs are incremental
            runs["backfill"] = timed_refresh(shop, session, "backfill (recent orders, lean)")
            print_run("backfill", runs["backfill"])
            runs["quiet_incremental"] = timed_refresh(shop, session, "quiet incremental")
            print_run("quiet_incremental", runs["quiet_incremental"])
        session.close()
        session.database.close()
    first = runs["first_connect"]
    return {
        "orders_in_shop": orders,
        "restore_rate": restore_rate,
        "bucket_size": bucket,
        "bulk": bulk,
        "runs": runs,
        # The figures of earlier runs of this benchmark, for the first connect:
        "orders_cached": first["orders_cached"],
        "requests_in_queue": first["requests_in_queue"],
        "elapsed_s": first["elapsed_s"],
        "fraction_of_restore_rate": first["fraction_of_restore_rate"],
        "throttled": sum(r["throttled"] for r in runs.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--restore-rate", type=float, default=100.0)
    parser.add_argument("--bucket", type=float, default=1000.0, help="bucket size (points)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    parser.add_argument(
        "--first-connect-only", action="store_true", help="skip the backfill and incremental"
    )
    parser.add_argument(
        "--no-bulk", action="store_true", help="Shopify refuses bulk operations: read by id"
    )
    args = parser.parse_args()
    app = QCoreApplication(sys.argv[:1])
    client_log.setLevel(logging.DEBUG)
    client_log.addHandler(COSTS)
    first_only = args.first_connect_only
    figures = measure(
        args.orders, args.restore_rate, args.bucket, args.seed, first_only, not args.no_bulk
    )
    report = {
        "benchmark": "sync",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "target": f"first connect < {TARGET_FIRST_CONNECT_S} s, zero throttled",
        "meets_target": figures["elapsed_s"] < TARGET_FIRST_CONNECT_S and figures["throttled"] == 0,
        "results": figures,
    }
    del app
    print_table(figures)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.output}")


def row_text(name: str, r: dict[str, Any]) -> str:
    ratio = f"{r['ratio_to_floor']:.2f}" if r["ratio_to_floor"] else "-"
    return (
        f"{name:<18}{r['elapsed_s']:>8.1f}{r['restore_rate_floor_s']:>9.1f}{ratio:>8}"
        f"{r['http_requests']:>7,}{r['actual_cost']:>9,.0f}{r['bytes']:>12,}"
        f"{r['throttled']:>10}{r['orders_cached']:>8,}{r['requests_in_queue']:>9,}"
        f"{r['requests_with_verdict']:>8,}"
    )


def print_run(name: str, r: dict[str, Any]) -> None:
    """A run's figures as soon as it ends, so a long benchmark shows them before the table."""
    print(f"  = {row_text(name, r)}", flush=True)


def print_table(f: dict[str, Any]) -> None:
    print(
        f"{f['orders_in_shop']:,} orders at {f['restore_rate']:.0f} points/s "
        f"(bucket {f['bucket_size']:.0f})"
    )
    header = f"{'run':<18}{'wall s':>8}{'floor s':>9}{'× floor':>8}{'HTTP':>7}{'points':>9}"
    print(header + f"{'bytes':>12}{'throttled':>10}{'orders':>8}{'requests':>9}{'judged':>8}")
    for name, r in f["runs"].items():
        print(row_text(name, r))
    for name, r in f["runs"].items():
        print(
            f"{name}: first rows after {r['first_rows_s']} s, bulk wait {r['bulk_wait_s']} s"
            f", bulk operations {r['bulk_operations']}, CPU app {r['app_cpu_s']} s,"
            f" shop {r['shop_cpu_s']} s; points by operation:"
        )
        for operation, seen in r["by_operation"].items():
            print(f"  {operation:<40}{seen['requests']:>6,}{seen['points']:>9,}")
    print(f"target: first connect < {TARGET_FIRST_CONNECT_S} s with 0 throttled")


if __name__ == "__main__":
    main()
