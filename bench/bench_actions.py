"""Actions: the client-side time of one cancel, and a bulk approve of 200 requests.

Against the demo shop over HTTP. The shop's own cancel job delay (`--job-delay`, default 0.2 s)
is excluded from "client-side" by timing the runner's waits for the job and subtracting them;
the throttle is opened wide so pacing does not hide our own time (the Standard-plan pacing a
real store would add is estimated from the actual query cost).
Prints a table and writes bench/results/actions.json.
Run: uv run python bench/bench_actions.py [--cancels N] [--bulk N] [--workers W]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from cancelapp.actions import ActionPlan, ActionRunner, Outcome, OutcomeStatus
from cancelapp.actions.carry_out.cancel_job import Backoff
from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.requests import add_request
from cancelapp.store.stores import save_store
from cancelapp.ui.workers import Lane, WorkerPool

RESULTS = Path(__file__).parent / "results" / "actions.json"
STANDARD_RESTORE_RATE = 100.0  # points per second on Shopify's Standard plan


class TimedWait:
    """The runner's wait, timed: how long we sat waiting for Shopify's cancel jobs."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.waited = 0.0
        self._lock = threading.Lock()

    def __call__(self, seconds: float) -> bool:
        started = time.perf_counter()
        stopped = self.stop.wait(seconds)
        with self._lock:
            self.waited += time.perf_counter() - started
        return stopped


def execute_on_worker_pool(
    runner: ActionRunner, plans: list[ActionPlan], threads: int
) -> list[Outcome]:
    """As the window runs a bulk approval: one task per order on the worker pool's network
    lane, `threads` at a time."""
    QCoreApplication.instance() or QCoreApplication([])
    workers = WorkerPool(max_threads=threads)
    outcomes: list[Outcome] = []
    loop = QEventLoop()

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if len(outcomes) == len(plans):
            loop.quit()

    for plan in plans:
        task = workers.run_on(Lane.NETWORK, runner.execute, plan)
        task.succeeded.connect(done)
        task.failed.connect(lambda error: loop.exit(1))
    if plans and loop.exec() != 0:
        raise RuntimeError("a bulk approval task failed")
    workers.shutdown()
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cancels", type=int, default=40)
    parser.add_argument("--bulk", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--job-delay", type=float, default=0.2)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as folder,
        DemoShop(
            seed=3,
            size=5,
            cancel_job_delay=args.job_delay,
            bucket_size=10_000_000,
            restore_rate=10_000_000,
        ) as shop,
    ):
        db = Database.open(Path(folder) / "cancelapp.sqlite3")
        with db.transaction() as conn:
            store_id = save_store(
                conn,
                Endpoint.loopback(shop.base_url),
                name="Demo",
                currency="DKK",
                timezone="UTC",
                auth_kind="demo",
                now=datetime.now(UTC),
            )
        client = ShopifyClient(Endpoint.loopback(shop.base_url), AccessToken(shop.access_token))
        wait = TimedWait()
        runner = ActionRunner(db, client, "bench", wait=wait, backoff=Backoff(first=0.05, cap=0.5))

        def new_request(index: int) -> int:
            order_id = shop.create_order("paid")
            now = datetime.now(UTC)
            draft = CancellationRequest(
                None,
                store_id,
                order_id,
                None,
                None,
                RequestState.OPEN,
                (RequestMessage(RequestSource.EMAIL, now, "cancel", external_id=f"b{index}"),),
            )
            with db.transaction() as conn:
                return add_request(conn, draft, now=now).request_id

        # One cancel at a time.
        prepare_s, execute_s, client_s, requests, cost = [], [], [], [], []
        for index in range(args.cancels):
            request_id = new_request(index)
            before_requests, before_cost = client.stats.requests, client.stats.actual_cost
            started = time.perf_counter()
            plan = runner.prepare_approve(request_id, SuggestedAction())
            prepared = time.perf_counter()
            waited_before = wait.waited
            outcome = runner.execute(plan)
            done = time.perf_counter()
            assert outcome.status is OutcomeStatus.DONE, outcome.message
            prepare_s.append(prepared - started)
            execute_s.append(done - prepared)
            client_s.append(done - started - (wait.waited - waited_before))
            requests.append(client.stats.requests - before_requests)
            cost.append(client.stats.actual_cost - before_cost)

        # Bulk approve.
        approvals = [(new_request(10_000 + i), SuggestedAction()) for i in range(args.bulk)]
        started = time.perf_counter()
        plans, refused, summary = runner.prepare_bulk(approvals)
        prepared = time.perf_counter()
        waited_before = wait.waited
        outcomes = execute_on_worker_pool(runner, plans, args.workers)
        done = time.perf_counter()
        assert not refused and all(o.status is OutcomeStatus.DONE for o in outcomes)
        bulk_cost = sum(cost) / len(cost) * args.bulk
        runner.close()
        client.close()
        db.close()

    single = {
        "cancels": args.cancels,
        "job_delay_s": args.job_delay,
        "prepare_ms_median": _ms(statistics.median(prepare_s)),
        "execute_ms_median": _ms(statistics.median(execute_s)),
        "client_side_ms_median": _ms(statistics.median(client_s)),
        "client_side_ms_p95": _ms(_p95(client_s)),
        "requests_per_cancel": statistics.median(requests),
        "actual_cost_per_cancel": statistics.median(cost),
        "standard_plan_pacing_s_per_cancel": round(
            statistics.median(cost) / STANDARD_RESTORE_RATE, 2
        ),
    }
    bulk = {
        "requests": args.bulk,
        "workers": args.workers,
        "prepare_s": round(prepared - started, 2),
        "execute_s": round(done - prepared, 2),
        "waiting_for_jobs_s_summed_over_workers": round(wait.waited - waited_before, 2),
        "ms_per_order": _ms((done - started) / args.bulk),
        "refund_totals": [str(m) for m in summary.refund_totals],
        "units_restocked": summary.units_restocked,
        "standard_plan_pacing_s": round(bulk_cost / STANDARD_RESTORE_RATE, 1),
    }
    print(f"{'one cancel (median of ' + str(args.cancels) + ')':<44}{'':>12}")
    for key, value in single.items():
        print(f"  {key:<42}{value!s:>14}")
    print(f"bulk approve of {args.bulk} ({args.workers} at a time)")
    for key, value in bulk.items():
        print(f"  {key:<42}{value!s:>14}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": {"python": platform.python_version(), "platform": platform.platform()},
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "single_cancel": single,
                "bulk": bulk,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
