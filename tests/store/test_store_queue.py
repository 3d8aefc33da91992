"""The queue loader: one query, the columns the table shows, stale and action state included."""

from __future__ import annotations

from datetime import timedelta

from store_samples import T0, draft, fetched, make_order, message, order_gid

from cancelapp.domain.action import Action, ActionKind, ActionState
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.domain.verdict import Outcome, Verdict
from cancelapp.store import Database
from cancelapp.store.journal import insert_intent, record_decision, update_action_state
from cancelapp.store.orders import upsert_orders
from cancelapp.store.queue import QueueRow, load_queue, requests_with_message_text
from cancelapp.store.requests import add_request, set_state, set_verdict, stale_request_ids
from cancelapp.store.sync_state import finish_run
from cancelapp.store.times import to_db_time


def test_queue_row_shows_order_request_verdict_and_action(
    database: Database, store_id: int
) -> None:
    reason = Phrase("Policy", "inside the {window} window", {"window": timedelta(hours=24)})
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(1001, total="449.00"))])
        added = add_request(
            conn,
            draft(
                store_id,
                message(external_id="e1"),
                message(source=RequestSource.CSV, at=T0 - timedelta(hours=1), external_id="c1"),
                order_number=1001,
            ),
            now=T0,
        )
        set_verdict(
            conn,
            added.request_id,
            Verdict(Outcome.APPROVE, "r", (reason,), ()),
            policy_hash="p",
            evaluated_at=T0,
        )
        action = insert_intent(
            conn,
            Action(
                None,
                added.request_id,
                store_id,
                order_gid(1001),
                ActionKind.CANCEL,
                ActionState.SENDING,
            ),
            now=T0,
        )
        assert action.id is not None
        update_action_state(conn, action.id, ActionState.CONFIRMING, now=T0)
        (row,) = load_queue(conn, store_id)
    assert row == QueueRow(
        request_id=added.request_id,
        request_state="open",
        order_gid=order_gid(1001),
        order_name="#1001",
        customer_name="Kunde 1001",
        customer_email="c1001@x.dk",
        received_at="2026-11-20T08:00:00.000000+00:00",
        placed_at="2026-11-20T07:00:00.000000+00:00",
        sources="csv,email",
        financial_status="PAID",
        fulfillment_status="UNFULFILLED",
        total_amount="449.00",
        currency="DKK",
        cancelled=0,
        verdict_outcome="approve",
        verdict_reason=row.verdict_reason,
        action_state="confirming",
        stale=0,
        action_kind="cancel",
    )
    assert row.verdict_reason is not None and "inside the {window} window" in row.verdict_reason


def test_unmatched_request_row_has_no_order_columns(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        add_request(conn, draft(store_id), now=T0)
        (row,) = load_queue(conn, store_id)
    assert (row.request_state, row.order_gid, row.placed_at, row.stale) == (
        "unmatched",
        None,
        None,
        0,
    )


def test_snapshots_older_than_the_last_full_sync_are_stale(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(1), at=T0)])
        upsert_orders(conn, store_id, [fetched(make_order(2), at=T0 + timedelta(hours=2))])
        ids = [
            add_request(
                conn, draft(store_id, message(external_id=str(n)), order_number=n), now=T0
            ).request_id
            for n in (1, 2, 3)
        ]  # order 3 never cached
        assert stale_request_ids(conn, store_id) == [ids[2]]
        finish_run(
            conn,
            store_id,
            watermark=None,
            finished_at=T0 + timedelta(hours=3),
            full_sync_started_at=T0 + timedelta(hours=1),
        )
        rows = load_queue(conn, store_id)
        assert stale_request_ids(conn, store_id) == [ids[0], ids[2]]
    assert [r.stale for r in rows] == [1, 0, 1]


def test_loading_only_some_requests(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        ids = [
            add_request(
                conn, draft(store_id, message(external_id=str(n)), order_number=n), now=T0
            ).request_id
            for n in range(1, 1200)
        ]
        rows = load_queue(conn, store_id, ids[::2])
    assert [r.request_id for r in rows] == ids[::2]


def test_few_valued_columns_share_one_string_per_value(database: Database, store_id: int) -> None:
    """100,000 rows must not hold 100,000 copies of the same verdict reason or status."""
    reason = Phrase("Policy", "inside the {window} window", {"window": timedelta(hours=24)})
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(n)) for n in (1, 2)])
        for n in (1, 2):
            added = add_request(
                conn, draft(store_id, message(external_id=str(n)), order_number=n), now=T0
            )
            verdict = Verdict(Outcome.APPROVE, "r", (reason,), ())
            set_verdict(conn, added.request_id, verdict, policy_hash="p", evaluated_at=T0)
        first, second = load_queue(conn, store_id)
    assert first.verdict_reason == second.verdict_reason
    assert first.verdict_reason is second.verdict_reason
    assert first.financial_status is second.financial_status
    assert first.sources is second.sources
    assert first.order_name != second.order_name


def test_requests_found_by_the_text_of_their_messages(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        first = add_request(conn, draft(store_id, message("Jeg ØNSKER at annullere")), now=T0)
        second = add_request(conn, draft(store_id, message("Wrong size, please cancel")), now=T0)
        assert requests_with_message_text(conn, store_id, " ønsker ") == {first.request_id}
        assert requests_with_message_text(conn, store_id, "CANCEL") == {second.request_id}
        assert requests_with_message_text(conn, store_id, "annul") == {first.request_id}
        assert requests_with_message_text(conn, store_id, "nowhere") == frozenset()
        assert requests_with_message_text(conn, store_id, "  ") == frozenset()
        assert len(requests_with_message_text(conn, store_id, "a", limit=1)) == 1
        assert requests_with_message_text(conn, store_id + 1, "cancel") == frozenset()


def test_a_decided_request_with_an_unread_message_carries_its_decision_time(
    database: Database, store_id: int
) -> None:
    """So the queue can tell a message dated before the decision (a form's row imported
    late) from one the customer wrote after it."""
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(1001))])
        added = add_request(
            conn, draft(store_id, message(external_id="e1"), order_number=1001), now=T0
        )
        (undecided,) = load_queue(conn, store_id)
        decided_at = T0 + timedelta(hours=2)
        record_decision(
            conn,
            added.request_id,
            outcome="deny",
            policy_snapshot={},
            decided_by="Jane",
            decided_at=decided_at,
        )
        set_state(conn, added.request_id, RequestState.DECLINED, now=decided_at)
        late = message(source=RequestSource.CSV, at=T0 + timedelta(hours=1), external_id="c1")
        add_request(conn, draft(store_id, late, order_number=1001), now=T0 + timedelta(hours=3))
        (row,) = load_queue(conn, store_id)
    assert undecided.decided_at is None
    assert row.unread_since == to_db_time(T0 + timedelta(hours=1))
    assert row.decided_at == to_db_time(decided_at)
