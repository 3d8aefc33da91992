"""Shopify client: its own overhead per request, and how well it paces a long read.

- Overhead: the same documents sent to the demo shop by a bare `httpx.Client` and by
  `ShopifyClient.query` (token, cost lookup, pacing check, retries, decoding, stats),
  interleaved in rounds; the difference of the medians is what the client adds, in wall time
  and in the calling thread's CPU time (steadier: the demo shop works in its own threads).
- Pacing in real time: every order paginated at Shopify Standard's restore rate (100 points/s)
  with a 1,000-point bucket; the cost points that came from refills over restore rate × time
  (1.0 = the client used every point as it was restored), and requests refused as throttled.

Prints a table and writes bench/results/shopify_client.json.
Run: uv run python bench/bench_shopify_client.py [--rounds 10] [--pacing-orders 150]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import AccessToken, Endpoint, documents
from cancelapp.shopify.client import ShopifyClient

RESULTS = Path(__file__).parent / "results" / "shopify_client.json"
DOCUMENTS = ("shop_info", "orders")
PER_ROUND = 30


def per_request_ms(call: Callable[[], object], count: int) -> tuple[float, float]:
    """Wall time and this thread's CPU time per call (the demo shop runs in other threads)."""
    started, cpu_started = time.perf_counter(), time.thread_time()
    for _ in range(count):
        call()
    wall, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
    return wall / count * 1000, cpu / count * 1000


def overhead(rounds: int) -> list[dict[str, Any]]:
    rows = []
    with DemoShop(seed=7, size=40, restore_rate=1e6, bucket_size=1e6) as shop:
        endpoint = Endpoint.loopback(shop.base_url)
        headers = {"X-Shopify-Access-Token": shop.access_token}
        with (
            httpx.Client(trust_env=False) as raw,
            ShopifyClient(endpoint, AccessToken(shop.access_token)) as client,
        ):
            for name in DOCUMENTS:
                document = documents.load(name)

                def raw_call(document: str = document) -> object:
                    body = {"query": document, "variables": {}}
                    return raw.post(shop.graphql_url(), json=body, headers=headers).json()

                def client_call(document: str = document) -> object:
                    return client.query(document)

                for call in (raw_call, client_call):
                    per_request_ms(call, 10)  # connections, caches, first-call costs
                raws, ours = [], []
                for _ in range(rounds):
                    raws.append(per_request_ms(raw_call, PER_ROUND))
                    ours.append(per_request_ms(client_call, PER_ROUND))
                raw_ms, client_ms = (statistics.median(w for w, _ in t) for t in (raws, ours))
                raw_cpu, client_cpu = (statistics.median(c for _, c in t) for t in (raws, ours))
                rows.append(
                    {
                        "document": name,
                        "requests": rounds * PER_ROUND,
                        "raw_httpx_ms": round(raw_ms, 2),
                        "shopify_client_ms": round(client_ms, 2),
                        "overhead_ms": round(client_ms - raw_ms, 2),
                        "raw_httpx_cpu_ms": round(raw_cpu, 3),
                        "shopify_client_cpu_ms": round(client_cpu, 3),
                        "overhead_cpu_ms": round(client_cpu - raw_cpu, 3),
                    }
                )
    return rows


def pacing(orders: int, restore_rate: float, bucket: float) -> dict[str, Any]:
    document = documents.load("orders")
    with DemoShop(seed=7, size=orders, restore_rate=restore_rate, bucket_size=bucket) as shop:
        endpoint = Endpoint.loopback(shop.base_url)
        with ShopifyClient(endpoint, AccessToken(shop.access_token)) as client:
            available_before = shop.bucket.status().currently_available
            spent_before = shop.bucket.spent
            started = time.monotonic()
            read = sum(len(page) for page in client.paginate(document, {"first": 5}))
            elapsed = time.monotonic() - started
            spent = shop.bucket.spent - spent_before
            refilled = spent - (available_before - shop.bucket.status().currently_available)
            return {
                "orders": read,
                "restore_rate": restore_rate,
                "bucket_size": bucket,
                "requests": client.stats.requests,
                "actual_cost": spent,
                "seconds": round(elapsed, 1),
                "pacing_wait_s": round(client.throttle.waited_s, 1),
                "fraction_of_restore_rate": round(refilled / (restore_rate * elapsed), 3),
                "throttled": shop.throttled,
            }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--pacing-orders", type=int, default=150)
    parser.add_argument("--restore-rate", type=float, default=100.0)
    parser.add_argument("--bucket", type=float, default=1000.0)
    args = parser.parse_args()
    report: dict[str, Any] = {
        "benchmark": "shopify_client",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "overhead": overhead(args.rounds),
        "pacing": pacing(args.pacing_orders, args.restore_rate, args.bucket),
    }
    print("per request, median: wall ms (caller's CPU ms)")
    print(f"{'document':<12}{'bare httpx':>18}{'ShopifyClient':>18}{'overhead':>18}")
    for row in report["overhead"]:
        cells = [
            f"{row[k + '_ms']:.2f} ({row[k + '_cpu_ms']:.2f})"
            for k in ("raw_httpx", "shopify_client", "overhead")
        ]
        print(f"{row['document']:<12}" + "".join(f"{c:>18}" for c in cells))
    p = report["pacing"]
    print(
        f"pacing: {p['orders']} orders in {p['requests']} requests, {p['actual_cost']:,.0f} points "
        f"in {p['seconds']} s at {p['restore_rate']:.0f} points/s: "
        f"{p['fraction_of_restore_rate']:.1%} of the restore rate, {p['throttled']} throttled, "
        f"{p['pacing_wait_s']} s spent pacing"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
