"""The plan journal over the store's actions table: written ahead, one per order."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from actions_factories import order, request, suggested

from cancelapp.actions.carry_out.plan_journal import (
    StepProgress,
    StepState,
    claim_queued,
    journal_plan,
    load_plan,
    save_progress,
    unfinished_plans,
)
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.actions.prepare.approve import plan_approve
from cancelapp.actions.runner import operator_name
from cancelapp.domain.action import ActionState
from cancelapp.domain.money import Money
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.session.audit_csv import export_csv
from cancelapp.store import Database
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.journal import ActionAlreadyRunningError

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _plan() -> ActionPlan:
    plan = plan_approve(order(), request(), SuggestedAction(), suggested("449.00"))
    return replace(plan, request_id=None)  # no request row in this database


def test_plan_and_progress_read_back_exactly(actions_db: Database) -> None:
    plan = _plan()
    entry = journal_plan(actions_db, plan, ActionState.SENDING, now=NOW)
    entry = entry.with_step(0, StepProgress(StepState.SENDING, {"job_id": "gid://x/Job/1"}, NOW))
    save_progress(actions_db, entry, ActionState.CONFIRMING, now=NOW)
    back = load_plan(actions_db, entry.action_id)
    assert back is not None
    assert back.plan.steps == plan.steps and back.plan.basis == plan.basis
    assert back.state is ActionState.CONFIRMING
    assert back.steps[0] == StepProgress(StepState.SENDING, {"job_id": "gid://x/Job/1"}, NOW)
    assert back.anything_sent and back.next_step == 0
    assert [e.action_id for e in unfinished_plans(actions_db)] == [entry.action_id]


def test_one_unfinished_plan_per_order(actions_db: Database) -> None:
    first = journal_plan(actions_db, _plan(), ActionState.SENDING, now=NOW)
    with pytest.raises(ActionAlreadyRunningError):
        journal_plan(actions_db, _plan(), ActionState.QUEUED, now=NOW)
    save_progress(actions_db, first, ActionState.DONE, now=NOW)
    journal_plan(actions_db, _plan(), ActionState.QUEUED, now=NOW)  # free again


def test_take_back_and_send_cannot_both_win(actions_db: Database) -> None:
    entry = journal_plan(
        actions_db, _plan(), ActionState.QUEUED, now=NOW, due_at=NOW + timedelta(seconds=10)
    )
    results: list[bool] = []
    barrier = threading.Barrier(2)

    def claim(state: ActionState) -> None:
        barrier.wait()
        results.append(claim_queued(actions_db, entry.action_id, state, now=NOW) is not None)

    threads = [
        threading.Thread(target=claim, args=(s,)) for s in (ActionState.SENDING, ActionState.UNDONE)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, True]
    back = load_plan(actions_db, entry.action_id)
    assert back is not None and back.due_at == NOW + timedelta(seconds=10)


def test_audit_csv_export_quotes_formulas_and_keeps_amounts(actions_db: Database) -> None:
    with actions_db.transaction() as conn:
        append_audit(
            conn,
            AuditEntry(
                at=NOW,
                who="=cmd|' /C calc'!A0",
                what="refund",
                store_id=1,
                amount=Money.of("426.55", "DKK"),
                order_gid="gid://shopify/Order/1",
                shopify_ids=("gid://shopify/Refund/9",),
                detail={"plan_id": "p"},
            ),
        )
        append_audit(
            conn,
            AuditEntry(at=NOW + timedelta(seconds=1), who="Ida", what="cancel done", store_id=1),
        )
    out = io.StringIO()
    words = {"cancel done": "Cancel: done"}
    assert export_csv(actions_db, out, store_id=1, head=None, words=words) == 2
    rows = out.getvalue().removeprefix("\ufeff").splitlines()
    assert rows[0].startswith(
        "time_utc,who,what,what_words,order,customer,amount,currency,shopify_ids"
    )
    assert rows[1].startswith("2026-11-21 12:00:00,'=cmd|")
    assert ",426.55,DKK,Refund 9," in rows[1]
    assert ",refund,refund," in rows[1]  # a code without words: as it is
    assert ",Ida,cancel done,Cancel: done," in rows[2]
    assert rows[3] == ",CancelApp,audit chain head,,,,,,,,,not sealed (no key)"


def test_operator_is_the_staff_name_or_the_os_user() -> None:
    assert operator_name("  Ida  ") == "Ida"
    assert operator_name(None)
