"""The plan journal: one `actions` row per plan, written ahead of every Shopify call.

The row (store's `cancelapp.store.journal`) holds the whole plan in `params`, with its
idempotency keys, committed before the first request leaves; `result` holds each step's
progress (`pending` → `sending` → `done` | `failed`) and what Shopify returned, updated in
its own transaction around every call. The schema allows one unfinished row per order, which
is the "one action per order at a time" rule across threads and processes.

Two functions the store does not have live here: the queued → sending compare-and-set (so a
take-back and a due send cannot both win) and the hold lookup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.domain.action import Action, ActionState
from cancelapp.store.database import Database
from cancelapp.store.journal import (
    get_action,
    insert_intent,
    list_unfinished,
    update_action_plan,
    update_action_state,
)
from cancelapp.store.times import from_db_time, to_db_time


class StepState(StrEnum):
    PENDING = "pending"  # not sent
    SENDING = "sending"  # journaled as leaving: Shopify may or may not have it
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class StepProgress:
    state: StepState = StepState.PENDING
    result: dict[str, Any] = field(default_factory=dict)
    since: datetime | None = None  # when it entered this state

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state.value,
            "result": self.result,
            "since": None if self.since is None else to_db_time(self.since),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StepProgress:
        since = data.get("since")
        return cls(
            StepState(data["state"]),
            dict(data.get("result") or {}),
            None if since is None else from_db_time(since),
        )


@dataclass(frozen=True)
class JournaledPlan:
    """A plan as the journal holds it, with its progress."""

    action_id: int
    state: ActionState
    plan: ActionPlan
    steps: tuple[StepProgress, ...]
    due_at: datetime | None = None  # for queued plans: not sent before this
    error: str | None = None
    # The undo window it was queued with, in seconds: a later change of the setting
    # neither shortens nor lengthens its wait.
    window: float | None = None

    @property
    def next_step(self) -> int | None:
        for index, progress in enumerate(self.steps):
            if progress.state is not StepState.DONE:
                return index
        return None

    @property
    def anything_sent(self) -> bool:
        return any(p.state is not StepState.PENDING for p in self.steps)

    def with_step(self, index: int, progress: StepProgress) -> JournaledPlan:
        steps = list(self.steps)
        steps[index] = progress
        return replace(self, steps=tuple(steps))

    def result_json(self) -> dict[str, Any]:
        return {
            "steps": [p.to_json() for p in self.steps],
            "due_at": None if self.due_at is None else to_db_time(self.due_at),
            "window": self.window,
        }


def journal_plan(
    db: Database,
    plan: ActionPlan,
    state: ActionState,
    *,
    now: datetime,
    due_at: datetime | None = None,
    window: float | None = None,
    first_step: StepProgress | None = None,
    also: Callable[[sqlite3.Connection, JournaledPlan], None] | None = None,
) -> JournaledPlan:
    """Commit the plan with all its keys (and `also`'s writes, in the same transaction);
    raises `ActionAlreadyRunningError` when the order already has an unfinished action.

    `first_step` is what is known before the first step is sent (a cancel's earlier refunds)."""
    steps = [StepProgress() for _ in plan.steps]
    if first_step is not None and steps:
        steps[0] = first_step
    entry = JournaledPlan(0, state, plan, tuple(steps), due_at, window=window)
    action = Action(
        id=None,
        request_id=plan.request_id,
        store_id=plan.store_id,
        order_id=plan.order_id,
        kind=plan.kind,
        state=state,
        params=plan.to_json(),
        idempotency_key=plan.plan_id,
        result=entry.result_json(),
    )
    with db.transaction() as conn:
        stored = insert_intent(conn, action, now=now)
        assert stored.id is not None
        entry = replace(entry, action_id=stored.id)
        if also is not None:
            also(conn, entry)
    return entry


def save_progress(
    db: Database,
    entry: JournaledPlan,
    state: ActionState,
    *,
    now: datetime,
    error: str | None = None,
    also: Callable[[sqlite3.Connection], None] | None = None,
) -> JournaledPlan:
    """Commit the plan's progress (and `also`'s writes, in the same transaction)."""
    with db.transaction() as conn:
        update_action_state(
            conn, entry.action_id, state, now=now, result=entry.result_json(), error=error
        )
        if also is not None:
            also(conn)
    return replace(entry, state=state, error=error)


def replan(db: Database, entry: JournaledPlan, plan: ActionPlan) -> JournaledPlan:
    """Journal the plan of an entry of which nothing was sent yet, as it will be sent."""
    assert not any(p.state is not StepState.PENDING for p in entry.steps)
    with db.transaction() as conn:
        update_action_plan(conn, entry.action_id, plan.to_json())
    return replace(entry, plan=plan)


def claim_queued(
    db: Database,
    action_id: int,
    state: ActionState,
    *,
    now: datetime,
    also: Callable[[sqlite3.Connection, JournaledPlan], None] | None = None,
) -> JournaledPlan | None:
    """Move a queued plan on (to sending, or undone) only if it is still queued; returns it,
    or None when it had already left (or ended). `also` writes in the same transaction."""
    with db.transaction() as conn:
        cursor = conn.execute(
            "UPDATE actions SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
            (state.value, to_db_time(now), action_id, ActionState.QUEUED.value),
        )
        if cursor.rowcount != 1:
            return None
        action = get_action(conn, action_id)
        assert action is not None
        entry = _entry(action)
        if also is not None:
            also(conn, entry)
    return entry


def load_plan(db: Database, action_id: int) -> JournaledPlan | None:
    with db.reading() as conn:
        action = get_action(conn, action_id)
    return None if action is None else _entry(action)


def unfinished_plans(db: Database, store_id: int | None = None) -> list[JournaledPlan]:
    with db.reading() as conn:
        return [_entry(a) for a in list_unfinished(conn, store_id)]


def unfinished_for_order(conn: sqlite3.Connection, store_id: int, order_id: str) -> int | None:
    """The id of the order's unfinished action, if any (buttons stay disabled meanwhile)."""
    row = conn.execute(
        """SELECT id FROM actions WHERE store_id = ? AND order_gid = ?
           AND state NOT IN ('done', 'failed', 'undone', 'conflict')""",
        (store_id, order_id),
    ).fetchone()
    return None if row is None else int(row[0])


def _entry(action: Action) -> JournaledPlan:
    assert action.id is not None
    result = action.result
    due = result.get("due_at")
    return JournaledPlan(
        action_id=action.id,
        state=action.state,
        plan=ActionPlan.from_json(action.params),
        steps=tuple(StepProgress.from_json(s) for s in result.get("steps", ())),
        due_at=None if due is None else from_db_time(due),
        error=action.error,
        window=result.get("window"),
    )
