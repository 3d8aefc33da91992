"""The demo shop in a process of its own, for benchmarks that time the app against it.

Shopify's servers do not run on the merchant's CPU: a demo shop in the benchmark's own process
would share its interpreter lock with the app and slow both. `ShopProcess` starts one in a
spawned process (same seed, size, rate, bucket and bulk-run-time model as a `DemoShop` made in
place), learns its URL and token over a pipe, and reads what it counted (requests, bytes,
points, throttled, bulk runs, its CPU) over the same pipe whenever asked.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

STOP = "stop"
FIGURES = "figures"


@dataclass(frozen=True)
class ShopFigures:
    """What the demo shop counted so far, read from its process at one instant."""

    graphql_requests: int
    bytes: int  # in and out
    spent: float  # points consumed
    available: float  # points in the bucket now
    restore_rate: float
    throttled: int
    bulk_operations: int
    cpu_s: float  # the shop process's own CPU time


def serve(conn: Connection, options: dict[str, Any], refuse_bulk: str | None) -> None:
    """The child: seed and start the shop, say where it is, answer until told to stop."""
    from cancelapp.demoshop import DemoShop

    started = time.perf_counter()
    shop = DemoShop(**options)
    if refuse_bulk is not None:
        shop.refuse_bulk_operations(refuse_bulk)
    with shop:
        conn.send((shop.base_url, shop.access_token, time.perf_counter() - started))
        while True:
            try:
                message = conn.recv()
            except EOFError:  # the benchmark ended without saying so: stop all the same
                return
            if message == STOP:
                break
            assert message == FIGURES, message
            conn.send(figures_of(shop))
    conn.send(None)  # stopped


def figures_of(shop: Any) -> ShopFigures:
    stats = shop.stats
    return ShopFigures(
        graphql_requests=stats.graphql_requests,
        bytes=stats.bytes_in + stats.bytes_out,
        spent=shop.bucket.spent,
        available=shop.bucket.status().currently_available,
        restore_rate=float(shop.bucket.restore_rate),
        throttled=shop.throttled,
        bulk_operations=len(shop.bulk.runs),
        cpu_s=time.process_time(),
    )


class ShopProcess:
    """A demo shop served from a spawned process; use as a context manager."""

    def __init__(self, *, refuse_bulk: str | None = None, **options: Any) -> None:
        self._options = options
        self._refuse_bulk = refuse_bulk
        self._conn: Connection | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self.base_url = ""
        self.access_token = ""
        self.seeded_s = 0.0

    def __enter__(self) -> ShopProcess:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        self._process = context.Process(
            target=serve, args=(theirs, self._options, self._refuse_bulk), name="demo-shop"
        )
        self._process.start()
        theirs.close()
        self._conn = ours
        try:
            self.base_url, self.access_token, self.seeded_s = ours.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(
                f"the demo shop's process ended (exit {self._process.exitcode})"
            ) from None
        return self

    def figures(self) -> ShopFigures:
        assert self._conn is not None, "not started"
        self._conn.send(FIGURES)
        figures: ShopFigures = self._conn.recv()
        return figures

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._conn is not None:
            try:
                self._conn.send(STOP)
                self._conn.recv()
            except (EOFError, OSError):
                pass  # it ended on its own; join says how
            self._conn.close()
        if self._process is not None:
            self._process.join(timeout=10)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
