"""The kill test: a real process carrying out an action is SIGKILLed at a random step, the
next process reconciles it, and the demo shop's ledger shows every refund and restock once.

Kill points per plan: after the plan is journaled; for each step after it is journaled as
sending, after the request reached the shop (the parent kills it then; the shop holds the
answer back), after the answer, and after confirmation but before the outcome is committed;
and inside the transaction that commits the plan's end. Every scenario meets every kill point
of its plan at least once (44 pairs), the rest of the runs are random pairs. Processes are
chained: each one first reconciles what the previous one left, then runs the next plan, so N
runs cost N + 1 processes. `CANCELAPP_KILL_RUNS` and `CANCELAPP_KILL_SEED` change the number
of runs and the seed. Afterwards every request is done and every plan's end recorded once.

Each run also has a twist: its cancel job runs longer than the grace ("slow"), or the process
that reconciles it has a wall clock an hour ahead ("forward") or behind ("backward"). Every
cancel kill point of every cancelling scenario meets each twist in the slow test; the default
run covers each (kill point, twist) pair once. Every reconcile must end done: no cancel is
reported failed, none waits for the wall clock to catch up.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cancelapp.actions import ActionPlan, ActionRunner, OutcomeStatus
from cancelapp.actions.carry_out.plan_journal import unfinished_plans
from cancelapp.demoshop import DemoShop, Fault
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.domain.verdict import ProcessingFee, RefundMethod, SuggestedAction
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.audit import list_audit
from cancelapp.store.journal import list_actions
from cancelapp.store.requests import add_request, get_request
from fixtures.database import save_demo_store

CHILD = Path(__file__).with_name("actions_kill_child.py")
RUNS = int(os.environ.get("CANCELAPP_KILL_RUNS", "50"))
SEED = int(os.environ.get("CANCELAPP_KILL_SEED", "20261126"))
OPERATION = {
    "cancel": "OrderCancel",
    "refund": "RefundCreate",
    "restock": "InventoryAdjustQuantities",
}
SCENARIOS = {  # name: (order state, the policy's action, the plan's steps)
    "cancel": ("paid", SuggestedAction(), ("cancel",)),
    "cancel+fee": (
        "paid",
        SuggestedAction(fee=ProcessingFee(percent=Decimal("5"))),
        ("cancel", "refund"),
    ),
    "cancel+fee eur": (
        "eur",
        SuggestedAction(fee=ProcessingFee(percent=Decimal("3"))),
        ("cancel", "refund"),
    ),
    "store credit": (
        "mobilepay",
        SuggestedAction(refund_method=RefundMethod.STORE_CREDIT),
        ("cancel",),
    ),
    "partial refund": ("partially_fulfilled", SuggestedAction(), ("refund",)),
    "restock alone": ("paid", SuggestedAction(restock=False), ("restock",)),
}
MOMENTS = ("journaled", "sent", "response", "confirmed")
GRACE_MOMENTS = ("journaled", "sent", "response")  # where the cancel's answer is unknown
TWISTS = ("slow", "forward", "backward")
JUMP = {"forward": 3600, "backward": -3600}  # seconds, in the process that reconciles
JOB_DELAY = {"slow": 0.5}  # the child's grace is 0.3 s
FAST_JOB = 0.02


def all_pairs() -> list[tuple[str, str]]:
    return [
        (name, point)
        for name, (_, _, kinds) in sorted(SCENARIOS.items())
        for point in [
            "plan:journaled",
            *(f"{k}:{m}" for k in kinds for m in MOMENTS),
            "plan:finishing",
        ]
    ]


def _twisted(name: str) -> bool:
    return "cancel" in SCENARIOS[name][2]


def schedule(rng: random.Random, runs: int) -> list[tuple[str, str, str]]:
    """Every (scenario, kill point) pair once, in random order, then random ones; the
    cancelling scenarios' grace points get the twists in turn (each pair of kill point and
    twist at least once), the other runs a random twist or none."""
    twisted = [n for n in sorted(SCENARIOS) if _twisted(n)]
    turn = {
        (name, f"cancel:{moment}"): TWISTS[(i + j) % len(TWISTS)]
        for i, name in enumerate(twisted)
        for j, moment in enumerate(GRACE_MOMENTS)
    }
    pairs = all_pairs()
    rng.shuffle(pairs)
    while len(pairs) < runs:
        pairs.append(rng.choice(pairs))
    choices = ("", "", *TWISTS)
    return [
        (name, point, turn.pop((name, point), None) or rng.choice(choices))
        for name, point in pairs[:runs]
    ]


def every_twist() -> list[tuple[str, str, str]]:
    """Every pair without a twist, and every cancel grace point with each twist."""
    plain = [(name, point, "") for name, point in all_pairs()]
    return plain + [
        (name, f"cancel:{moment}", twist)
        for name in sorted(SCENARIOS)
        if _twisted(name)
        for moment in GRACE_MOMENTS
        for twist in TWISTS
    ]


@dataclass
class Run:
    scenario: str
    order_id: str
    plan: ActionPlan
    kill_at: str
    twist: str
    refunds: int  # ledger entries the order must show in the end
    refunded: Decimal
    units: int


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL, which Windows does not have")
def test_killed_anywhere_every_refund_and_restock_happens_exactly_once(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    _kill_runs(tmp_path, schedule(rng, RUNS))


@pytest.mark.slow
def test_killed_at_every_point_with_slow_jobs_and_clock_jumps(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    runs = every_twist()
    rng.shuffle(runs)
    _kill_runs(tmp_path, runs)


def _kill_runs(tmp_path: Path, planned: list[tuple[str, str, str]]) -> None:
    started = time.perf_counter()
    with DemoShop(
        seed=SEED % 1000,
        size=3,
        cancel_job_delay=FAST_JOB,
        bucket_size=1_000_000,
        restore_rate=1_000_000,
    ) as shop:
        db_path = tmp_path / "cancelapp.sqlite3"
        db = Database.open(db_path)
        with db.transaction() as conn:
            store_id = save_demo_store(conn)
        client = ShopifyClient(Endpoint.loopback(shop.base_url), AccessToken(shop.access_token))
        parent = ActionRunner(db, client, "kill-test parent")
        runs: list[Run] = []
        processes = Processes(shop, db_path, tmp_path)
        for index, (scenario, kill_at, twist) in enumerate(planned):
            run = _prepare(shop, db, parent, store_id, scenario, kill_at, index, twist)
            shop.service.cancel_job_delay = JOB_DELAY.get(twist, FAST_JOB)
            processes.run(run)
            runs.append(run)
        leftovers = processes.run(None)
        processes.close()
        seconds = time.perf_counter() - started

        assert unfinished_plans(db) == [], leftovers
        ledger = shop.ledger
        for run in runs:
            refunds = [r for r in ledger.refunds if r.order_id == run.order_id]
            assert sum((r.amount for r in refunds), Decimal(0)) == run.refunded, run
            assert len(refunds) == run.refunds, run
            assert ledger.restocked_units(run.order_id) == run.units, run
            if run.plan.kind.value == "cancel":
                assert shop.order(run.order_id).cancelled_at is not None, run
        keys = [r.idempotency_key for r in ledger.refunds if r.idempotency_key]
        assert len(keys) == len(set(keys))
        with db.reading() as conn:
            states = Counter(
                a.state.value
                for run in runs
                if run.plan.request_id
                for a in list_actions(conn, run.plan.request_id)
            )
        assert set(states) == {"done"}, states
        with db.reading() as conn:  # each plan's end was recorded once, with its request
            ends = Counter(
                e.action_id for e in list_audit(conn, store_id, limit=-1) if e.what.endswith("done")
            )
            for run in runs:
                if run.plan.request_id is not None:
                    request = get_request(conn, run.plan.request_id)
                    assert request is not None and request.state is RequestState.DONE, run
        assert set(ends.values()) == {1}, ends
        reconciled = Counter(line.split()[1] for line in processes.reconciled)
        assert set(reconciled) <= {"done"}, processes.reconciled
        kills = Counter(run.kill_at for run in runs)
        print(
            f"\nkill test: {len(runs)} runs, {len(runs) + 1} processes, {seconds:.1f} s, "
            f"seed {SEED}; {len(ledger.refunds)} refunds, "
            f"{sum(r.delta for r in ledger.restocks)} units restocked, all exactly once; "
            f"{processes.faults} answers held back; reconciled: {dict(reconciled)}"
        )
        print("twists:", dict(Counter(run.twist or "none" for run in runs)))
        print("kill points:", dict(sorted(kills.items())))
        print("scenarios:", dict(Counter(run.scenario for run in runs)))
        parent.close()
        client.close()
        db.close()


def _prepare(
    shop: DemoShop,
    db: Database,
    parent: ActionRunner,
    store_id: int,
    scenario: str,
    kill_at: str,
    index: int,
    twist: str,
) -> Run:
    state, action, kinds = SCENARIOS[scenario]
    order_id = shop.create_order(state)
    now = datetime.now(UTC)
    draft = CancellationRequest(
        None,
        store_id,
        order_id,
        None,
        None,
        RequestState.OPEN,
        (RequestMessage(RequestSource.EMAIL, now, "cancel", external_id=f"kill-{index}"),),
    )
    with db.transaction() as conn:
        request_id = add_request(conn, draft, now=now).request_id
    plan = parent.prepare_approve(request_id, action)
    if scenario == "restock alone":
        assert parent.execute(plan).status is OutcomeStatus.DONE  # cancelled, not restocked
        plan = parent.prepare_restock(order_id, store_id=store_id)
    assert plan.preview is not None
    assert tuple(step.kind.value for step in plan.steps) == kinds
    refunds = len(plan.preview.refunds) + (plan.preview.store_credit is not None)
    total = plan.refund_total
    refunded = total.amount if total else Decimal(0)
    if scenario == "restock alone":  # the refund came earlier, with the parent's cancel
        refunds = len([r for r in shop.ledger.refunds if r.order_id == order_id])
        refunded = shop.ledger.refunded_total(order_id)
    units = plan.preview.units_restocked
    return Run(scenario, order_id, plan, kill_at, twist, refunds, refunded, units)


class Processes:
    """The warm forking helper; `run()` starts one real process and waits for it to end."""

    def __init__(self, shop: DemoShop, db_path: Path, folder: Path) -> None:
        self.shop = shop
        self.folder = folder
        self.jump = 0  # the next process's wall clock is off by this many seconds
        self.faults = 0
        self.reconciled: list[str] = []  # every RECONCILED line
        self.helper = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), shop.base_url, shop.access_token],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, run: Run | None) -> list[str]:
        """Reconcile, then (if `run`) execute it and be killed; returns what it printed."""
        assert self.helper.stdin is not None and self.helper.stdout is not None
        plan_path = None
        if run is not None:
            plan_file = self.folder / "plan.json"
            plan_file.write_text(json.dumps(run.plan.to_json()), encoding="utf-8")
            plan_path = str(plan_file)
        command = {"plan": plan_path, "kill_at": run.kill_at if run else "", "jump": self.jump}
        self.jump = JUMP.get(run.twist, 0) if run else 0
        self.helper.stdin.write(json.dumps(command) + "\n")
        self.helper.stdin.flush()
        watch = run.kill_at.removesuffix(":sent") if run and run.kill_at.endswith(":sent") else ""
        lines: list[str] = []
        pid = 0
        for raw in self.helper.stdout:
            line = raw.strip()
            lines.append(line)
            if line.startswith("PID "):
                pid = int(line.split()[1])
            elif line == "READY":
                if watch:
                    self.faults += 1
                    self.shop.faults.inject(Fault.latency(1.0), operation=OPERATION[watch])
                self.helper.stdin.write("go\n")
                self.helper.stdin.flush()
            elif watch and line == f"AT {watch}:journaled":
                _kill_when_received(self.shop, pid)
            elif line.startswith("RECONCILED "):
                self.reconciled.append(line)
            elif line.startswith("EXIT "):
                break
        self.shop.faults.clear()
        expected = 0 if run is None else -signal.SIGKILL  # a run dies where it was told to
        assert lines[-1] == f"EXIT {pid} {expected}", lines
        return lines

    def close(self) -> None:
        assert self.helper.stdin is not None and self.helper.stdout is not None
        self.helper.stdin.close()
        self.helper.wait(timeout=30)
        self.helper.stdout.close()


def _kill_when_received(shop: DemoShop, pid: int) -> None:
    """SIGKILL the child as soon as the shop has taken the request (and is executing it)."""
    received = threading.Event()
    deadline = time.monotonic() + 10
    while not shop.faults.fired and time.monotonic() < deadline:
        received.wait(0.002)
    assert shop.faults.fired, "the request never reached the shop"
    os.kill(pid, signal.SIGKILL)
