"""The queue's first page: the opening view's leading rows, read without the whole queue."""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta

from store_samples import T0, draft, message, order_gid

from cancelapp.domain.action import Action, ActionKind, ActionState
from cancelapp.domain.request import RequestState
from cancelapp.store import Database
from cancelapp.store.journal import insert_intent, update_action_state
from cancelapp.store.queue import _UNREAD_SQL, load_queue, load_queue_head
from cancelapp.store.requests import add_request, set_state


def test_head_is_the_newest_undecided_requests_in_the_opening_order(
    database: Database, store_id: int
) -> None:
    rng = random.Random(4)
    states = [RequestState.OPEN, RequestState.FAILED, RequestState.DONE, RequestState.DECLINED]
    with database.transaction() as conn:
        for n in range(1, 121):
            # Few distinct times: many ties, which the queue breaks newest request first.
            at = T0 - timedelta(minutes=rng.randrange(15))
            request_id = add_request(
                conn, draft(store_id, message(at=at, external_id=str(n)), order_number=n), now=T0
            ).request_id
            state = rng.choice(states)
            if state is not RequestState.OPEN:
                set_state(conn, request_id, state, now=T0)
            if state in (RequestState.DONE, RequestState.DECLINED) and rng.random() < 0.3:
                # The customer wrote again after the decision: shown where decisions are made.
                again = message(at=at + timedelta(minutes=1), external_id=f"again-{n}")
                add_request(conn, draft(store_id, again, order_number=n), now=T0)
        everything = load_queue(conn, store_id)
        head = load_queue_head(conn, store_id, 25)
        plan = conn.execute(f"EXPLAIN QUERY PLAN {_UNREAD_SQL}", (store_id,)).fetchone()
        assert "requests_unread" in plan[3]  # the few unread, not every decided request
        unmatched = add_request(conn, draft(store_id, message(at=T0 + timedelta(hours=1))), now=T0)
        assert unmatched.request_id not in {
            r.request_id for r in load_queue_head(conn, store_id, 5)
        }
    undecided = [r for r in everything if r.request_state in ("open", "failed") or r.unread_since]
    undecided.sort(key=lambda r: (r.received_at, r.request_id), reverse=True)
    assert any(r.unread_since for r in undecided[:25])
    # at its new message's time, not its first one's: what waits is the new message
    assert all(r.received_at == r.unread_since for r in undecided if r.unread_since)
    assert len(undecided) > 25
    assert head == sorted(undecided[:25], key=lambda r: r.request_id)


def _add_action(
    conn: sqlite3.Connection, store_id: int, request_id: int, n: int, state: ActionState
) -> None:
    kind = (ActionKind.CANCEL, ActionKind.REFUND)[n % 2]
    action = insert_intent(
        conn, Action(None, request_id, store_id, order_gid(n), kind, ActionState.SENDING), now=T0
    )
    assert action.id is not None
    update_action_state(conn, action.id, state, now=T0)


def test_the_first_page_and_reloaded_rows_show_each_latest_action_as_the_whole_queue(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        ids = [
            add_request(
                conn, draft(store_id, message(external_id=str(n)), order_number=n), now=T0
            ).request_id
            for n in range(1, 31)
        ]
        last = (ActionState.DONE, ActionState.FAILED, ActionState.CONFIRMING)
        for n, request_id in enumerate(ids):
            for later in range(n % 4):  # none, one, two or three actions: the last one counts
                state = last[n % 3] if later == n % 4 - 1 else ActionState.FAILED
                _add_action(conn, store_id, request_id, n, state)
        everything = load_queue(conn, store_id)
        head = load_queue_head(conn, store_id, 30)
        some = load_queue(conn, store_id, ids[::3])
    assert {r.action_state for r in everything} == {None, "done", "failed", "confirming"}
    assert head == everything
    assert some == everything[::3]


def test_the_first_page_reads_as_much_for_a_long_history_as_for_a_short_one(
    database: Database, store_id: int
) -> None:
    """The latest actions are looked up for the page's rows, not aggregated over every action
    the store ever took (that took the first page from 1 ms to 200 at 30,000 actions)."""

    def steps_to_read_the_first_page(conn: sqlite3.Connection) -> int:
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        conn.set_progress_handler(count, 100)
        try:
            load_queue_head(conn, store_id, 20)
        finally:
            conn.set_progress_handler(None, 0)
        return steps[0]

    with database.transaction() as conn:
        ids = [
            add_request(
                conn, draft(store_id, message(external_id=str(n)), order_number=n), now=T0
            ).request_id
            for n in range(1, 201)
        ]
        short = steps_to_read_the_first_page(conn)
        for n, request_id in enumerate(ids):
            for _ in range(10):
                _add_action(conn, store_id, request_id, n, ActionState.DONE)
        long = steps_to_read_the_first_page(conn)
    assert long < 2 * short
