"""Decisions, the action journal and the audit log: what was decided and done stays on record."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from store_samples import T0, draft, order_gid

from cancelapp.domain.action import Action, ActionKind, ActionState
from cancelapp.domain.money import Money
from cancelapp.store import Database
from cancelapp.store.audit import AuditEntry, append_audit, list_audit
from cancelapp.store.journal import (
    ActionAlreadyRunningError,
    ActionFinishedError,
    get_action,
    insert_intent,
    list_actions,
    list_decisions,
    list_unfinished,
    record_decision,
    update_action_state,
)
from cancelapp.store.requests import add_request


def cancel_action(store_id: int, request_id: int | None, number: int = 1001) -> Action:
    return Action(
        id=None,
        request_id=request_id,
        store_id=store_id,
        order_id=order_gid(number),
        kind=ActionKind.CANCEL,
        state=ActionState.SENDING,
        params={"refund": "original", "restock": True},
        idempotency_key=f"cancel-{number}",
    )


def test_intent_is_journaled_then_moved_to_a_final_state(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        request_id = add_request(conn, draft(store_id, order_number=1001), now=T0).request_id
        action = insert_intent(conn, cancel_action(store_id, request_id), now=T0)
    assert action.id is not None and action.created_at == T0
    with database.reading() as conn:
        assert [a.id for a in list_unfinished(conn, store_id)] == [action.id]
    with database.transaction() as conn:
        update_action_state(
            conn, action.id, ActionState.CONFIRMING, now=T0, result={"job": "gid://shopify/Job/1"}
        )
        update_action_state(conn, action.id, ActionState.DONE, now=T0)
        stored = get_action(conn, action.id)
        assert list_unfinished(conn) == []
        assert list_actions(conn, request_id) == [stored]
    assert stored is not None
    assert (stored.state, stored.result) == (ActionState.DONE, {"job": "gid://shopify/Job/1"})
    assert stored.params == {"refund": "original", "restock": True}


def test_only_one_unfinished_action_per_order(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        first = insert_intent(conn, cancel_action(store_id, None), now=T0)
    with pytest.raises(ActionAlreadyRunningError), database.transaction() as conn:
        insert_intent(
            conn,
            Action(None, None, store_id, order_gid(1001), ActionKind.REFUND, ActionState.QUEUED),
            now=T0,
        )
    assert first.id is not None
    with database.transaction() as conn:
        update_action_state(conn, first.id, ActionState.FAILED, now=T0, error="declined")
        second = insert_intent(
            conn,
            Action(None, None, store_id, order_gid(1001), ActionKind.REFUND, ActionState.QUEUED),
            now=T0,
        )
    assert second.id != first.id


def test_an_idempotency_key_is_never_used_twice(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        done = insert_intent(conn, cancel_action(store_id, None, 1), now=T0)
        assert done.id is not None
        update_action_state(conn, done.id, ActionState.DONE, now=T0)
    reused = Action(
        None,
        None,
        store_id,
        order_gid(2),
        ActionKind.REFUND,
        ActionState.QUEUED,
        idempotency_key="cancel-1",
    )
    with pytest.raises(ActionAlreadyRunningError), database.transaction() as conn:
        insert_intent(conn, reused, now=T0)


def test_a_finished_action_cannot_change(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        action = insert_intent(conn, cancel_action(store_id, None), now=T0)
        assert action.id is not None
        update_action_state(conn, action.id, ActionState.DONE, now=T0)
    with pytest.raises(ActionFinishedError), database.transaction() as conn:
        update_action_state(conn, action.id, ActionState.SENDING, now=T0)
    with database.reading() as conn:
        stored = get_action(conn, action.id)
    assert stored is not None and stored.state is ActionState.DONE


def test_decisions_keep_the_policy_they_were_made_under(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        request_id = add_request(conn, draft(store_id, order_number=1), now=T0).request_id
        record_decision(
            conn,
            request_id,
            outcome="approve",
            policy_snapshot={"window_h": 24},
            decided_by="Mette",
            decided_at=T0,
        )
        record_decision(
            conn,
            request_id,
            outcome="deny",
            policy_snapshot={"window_h": 12},
            decided_by="Mette",
            decided_at=T0 + timedelta(minutes=1),
            note="oops",
        )
        decisions = list_decisions(conn, request_id)
    assert [(d.outcome, d.policy_snapshot, d.note) for d in decisions] == [
        ("approve", {"window_h": 24}, None),
        ("deny", {"window_h": 12}, "oops"),
    ]


def test_audit_log_keeps_money_exact_and_refuses_changes(database: Database, store_id: int) -> None:
    entry = AuditEntry(
        at=T0,
        who="Mette",
        what="refund",
        store_id=store_id,
        amount=Money.of("1234.55", "DKK"),
        order_gid=order_gid(1),
        shopify_ids=("gid://shopify/Refund/9",),
        detail={"fee": "12.34"},
    )
    with database.transaction() as conn:
        entry_id = append_audit(conn, entry)
    with database.reading() as conn:
        (stored,) = list_audit(conn, store_id)
    assert stored.amount == Money.of("1234.55", "DKK")
    assert stored.shopify_ids == ("gid://shopify/Refund/9",) and stored.detail == {"fee": "12.34"}
    for statement in ("UPDATE audit_log SET who = 'x'", "DELETE FROM audit_log"):
        with (
            pytest.raises(sqlite3.IntegrityError, match="append-only"),
            database.transaction() as conn,
        ):
            conn.execute(statement)
    with database.reading() as conn:
        assert [e.id for e in list_audit(conn, order_gid=order_gid(1))] == [entry_id]
