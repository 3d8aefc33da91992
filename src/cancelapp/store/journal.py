"""What the merchant decided, and the action journal the actions pipeline writes ahead.

Journal rule: an action is inserted (`insert_intent`) in its own committed transaction
*before* anything is sent to Shopify, then moved through its states. On start-up,
`list_unfinished` shows what may have been sent without an answer. The schema allows at
most one unfinished action per order, so a double click cannot start two.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from cancelapp.domain.action import TERMINAL_STATES, Action, ActionKind, ActionState
from cancelapp.domain.verdict import Verdict
from cancelapp.store.times import from_db_time, to_db_time
from cancelapp.store.verdict_json import verdict_from_json, verdict_to_json

_ACTION_COLUMNS = (
    "id, request_id, store_id, order_gid, kind, state, params, idempotency_key, created_at, "
    "result, error"
)


class ActionAlreadyRunningError(Exception):
    """Another action for this order has not finished (or an idempotency key was reused)."""


class ActionFinishedError(Exception):
    """The action is already in a final state; its outcome is history and cannot change."""


@dataclass(frozen=True)
class Decision:
    id: int
    request_id: int
    outcome: str  # what the merchant chose: "approve", "deny", ...
    policy_snapshot: dict[str, Any]  # the policy as it was when deciding
    decided_by: str
    decided_at: datetime
    note: str | None = None
    # The verdict shown when the merchant decided, and the digest of the rules it came from;
    # None for decisions recorded before schema v7 or on a request never judged.
    verdict: Verdict | None = None
    verdict_policy_hash: str | None = None


def record_decision(
    conn: sqlite3.Connection,
    request_id: int,
    *,
    outcome: str,
    policy_snapshot: Mapping[str, Any],
    decided_by: str,
    decided_at: datetime,
    note: str | None = None,
    verdict: Verdict | None = None,
    verdict_policy_hash: str | None = None,
) -> int:
    row = conn.execute(
        """INSERT INTO decisions (request_id, outcome, policy_snapshot, decided_by, decided_at,
               note, verdict_json, verdict_policy_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           RETURNING id""",
        (
            request_id,
            outcome,
            json.dumps(policy_snapshot),
            decided_by,
            to_db_time(decided_at),
            note,
            None if verdict is None else verdict_to_json(verdict),
            verdict_policy_hash,
        ),
    ).fetchone()
    return int(row[0])


def list_decisions(conn: sqlite3.Connection, request_id: int) -> list[Decision]:
    rows = conn.execute(
        """SELECT id, request_id, outcome, policy_snapshot, decided_by, decided_at, note,
                  verdict_json, verdict_policy_hash
           FROM decisions WHERE request_id = ? ORDER BY decided_at, id""",
        (request_id,),
    ).fetchall()
    return [
        Decision(
            row[0],
            row[1],
            row[2],
            json.loads(row[3]),
            row[4],
            from_db_time(row[5]),
            row[6],
            None if row[7] is None else verdict_from_json(row[7]),
            row[8],
        )
        for row in rows
    ]


def insert_intent(conn: sqlite3.Connection, action: Action, *, now: datetime) -> Action:
    """Journal an action before it is sent; returns it with its id and `created_at`."""
    try:
        row = conn.execute(
            """INSERT INTO actions (request_id, store_id, order_gid, kind, state, params,
                   idempotency_key, created_at, updated_at, result, error)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            (
                action.request_id,
                action.store_id,
                action.order_id,
                action.kind.value,
                action.state.value,
                json.dumps(action.params),
                action.idempotency_key,
                to_db_time(now),
                to_db_time(now),
                json.dumps(action.result),
                action.error,
            ),
        ).fetchone()
    except sqlite3.IntegrityError as exc:
        if "UNIQUE" not in str(exc):
            raise
        raise ActionAlreadyRunningError(action.order_id) from exc
    return replace(action, id=int(row[0]), created_at=now)


def update_action_state(
    conn: sqlite3.Connection,
    action_id: int,
    state: ActionState,
    *,
    now: datetime,
    result: Mapping[str, Any] | None = None,
    error: str | None = None,
) -> None:
    """Move an unfinished action on; `result` replaces the stored result when given."""
    terminal = tuple(s.value for s in TERMINAL_STATES)
    cursor = conn.execute(
        f"""UPDATE actions SET state = ?, updated_at = ?, result = COALESCE(?, result),
                error = ? WHERE id = ? AND state NOT IN ({",".join("?" * len(terminal))})""",  # noqa: S608
        (
            state.value,
            to_db_time(now),
            None if result is None else json.dumps(result),
            error,
            action_id,
            *terminal,
        ),
    )
    if cursor.rowcount != 1:
        if get_action(conn, action_id) is None:
            raise KeyError(f"no action {action_id}")
        raise ActionFinishedError(action_id)


def mark_stopped(conn: sqlite3.Connection, action_id: int) -> None:
    """An undone action the merchant stopped in a bulk after its undo window: never sent,
    but not taken back by Undo either. It stays `undone` (ended, for the one-unfinished-action
    rule of the schema); its result says `stopped`, which the queue shows (`store.queue`)."""
    conn.execute(
        "UPDATE actions SET result = json_set(result, '$.stopped', json('true')) WHERE id = ?",
        (action_id,),
    )


def update_action_plan(conn: sqlite3.Connection, action_id: int, params: Mapping[str, Any]) -> None:
    """The plan of an action of which nothing was sent yet, re-worked as it will be sent."""
    conn.execute("UPDATE actions SET params = ? WHERE id = ?", (json.dumps(params), action_id))


def get_action(conn: sqlite3.Connection, action_id: int) -> Action | None:
    row = conn.execute(
        f"SELECT {_ACTION_COLUMNS} FROM actions WHERE id = ?",  # noqa: S608
        (action_id,),
    ).fetchone()
    return None if row is None else _action(row)


def list_unfinished(conn: sqlite3.Connection, store_id: int | None = None) -> list[Action]:
    """Actions not in a final state, oldest first: what to resume or verify at start-up."""
    terminal = tuple(s.value for s in TERMINAL_STATES)
    sql = (
        f"SELECT {_ACTION_COLUMNS} FROM actions "  # noqa: S608
        f"WHERE state NOT IN ({','.join('?' * len(terminal))})"
    )
    params: list[Any] = list(terminal)
    if store_id is not None:
        sql += " AND store_id = ?"
        params.append(store_id)
    return [_action(row) for row in conn.execute(sql + " ORDER BY id", params)]


def list_actions(conn: sqlite3.Connection, request_id: int) -> list[Action]:
    rows = conn.execute(
        f"SELECT {_ACTION_COLUMNS} FROM actions WHERE request_id = ? ORDER BY id",  # noqa: S608
        (request_id,),
    ).fetchall()
    return [_action(row) for row in rows]


def _action(row: tuple[Any, ...]) -> Action:
    return Action(
        id=row[0],
        request_id=row[1],
        store_id=row[2],
        order_id=row[3],
        kind=ActionKind(row[4]),
        state=ActionState(row[5]),
        params=json.loads(row[6]),
        idempotency_key=row[7],
        created_at=from_db_time(row[8]),
        result=json.loads(row[9]),
        error=row[10],
    )
