"""Requests: one undecided entry per order, every message kept, nothing stored twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from store_samples import T0, draft, fetched, make_order, message, order_gid

from cancelapp.domain.money import Money
from cancelapp.domain.order import FinancialStatus
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import CancellationRequest, RequestSource, RequestState
from cancelapp.domain.verdict import (
    ConditionCheck,
    Outcome,
    ProcessingFee,
    RefundMethod,
    SuggestedAction,
    Verdict,
)
from cancelapp.store import Database
from cancelapp.store.journal import list_decisions, record_decision
from cancelapp.store.orders import LEAN, FetchedOrder, upsert_orders
from cancelapp.store.phrase_json import phrase_from_json
from cancelapp.store.requests import (
    acknowledged_at,
    add_request,
    asked_again,
    assign_order,
    decided_before,
    get_request,
    list_requests,
    list_unmatched,
    mark_acknowledged,
    mark_read,
    next_verdict_expiry,
    requests_needing_verdict,
    set_state,
    set_verdict,
    settle_refunded_withdrawals,
    stored_verdict,
    unread_since,
)


def test_requests_for_the_same_order_merge_keeping_every_message(
    database: Database, store_id: int
) -> None:
    email = message("Cancel please", at=T0, external_id="imap:1:10")
    form = message(
        "Order 1001, cancel",
        source=RequestSource.CSV,
        at=T0 - timedelta(hours=1),
        external_id="csv:abc",
    )
    with database.transaction() as conn:
        first = add_request(conn, draft(store_id, email, order_number=1001), now=T0)
        second = add_request(conn, draft(store_id, form, order_number=1001), now=T0)
        request = get_request(conn, first.request_id)
    assert (first.merged, second.merged) == (False, True)
    assert second.request_id == first.request_id
    assert request is not None
    assert [m.text for m in request.messages] == ["Order 1001, cancel", "Cancel please"]
    assert request.sources == (RequestSource.CSV, RequestSource.EMAIL)
    assert request.received_at == T0 - timedelta(hours=1)


def test_a_message_seen_before_is_not_added_again(database: Database, store_id: int) -> None:
    email = message(external_id="imap:1:10")
    with database.transaction() as conn:
        first = add_request(conn, draft(store_id, email, order_number=1001), now=T0)
        again = add_request(conn, draft(store_id, email, order_number=1001), now=T0)
        requests = list_requests(conn, store_id)
    assert again.new_messages == 0 and again.request_id == first.request_id
    assert len(requests) == 1 and len(requests[0].messages) == 1


def test_messages_without_an_order_stay_separate_and_unmatched(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        add_request(conn, draft(store_id, message("cancel my stuff", external_id="a")), now=T0)
        add_request(conn, draft(store_id, message("me too", external_id="b")), now=T0)
        unmatched = list_unmatched(conn, store_id)
    assert [r.messages[0].text for r in unmatched] == ["cancel my stuff", "me too"]
    assert {r.state for r in unmatched} == {RequestState.UNMATCHED}


def test_matching_an_unmatched_request_to_an_order_with_a_request_merges_them(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        matched = add_request(conn, draft(store_id, order_number=1001), now=T0)
        loose = add_request(conn, draft(store_id, message("which order?", external_id="x")), now=T0)
        survivor = assign_order(conn, loose.request_id, order_gid(1001), "#1001", now=T0)
        merged = get_request(conn, survivor)
        gone = get_request(conn, loose.request_id)
    assert survivor == matched.request_id
    assert gone is None
    assert merged is not None and len(merged.messages) == 2


def test_matching_a_lone_request_opens_it(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        loose = add_request(conn, draft(store_id), now=T0)
        survivor = assign_order(conn, loose.request_id, order_gid(7), "#7", now=T0)
        request = get_request(conn, survivor)
    assert request is not None
    assert (request.order_id, request.state) == (order_gid(7), RequestState.OPEN)


def test_partial_requests_unite_their_line_items_and_a_whole_order_request_wins(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        a = add_request(
            conn,
            draft(store_id, message(external_id="1"), order_number=5, line_item_ids=("L1",)),
            now=T0,
        )
        add_request(
            conn,
            draft(store_id, message(external_id="2"), order_number=5, line_item_ids=("L2",)),
            now=T0,
        )
        partial = get_request(conn, a.request_id)
        add_request(conn, draft(store_id, message(external_id="3"), order_number=5), now=T0)
        whole = get_request(conn, a.request_id)
    assert partial is not None and partial.line_item_ids == ("L1", "L2")
    assert whole is not None and whole.line_item_ids == ()


def test_state_changes_and_filtering_by_state(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        a = add_request(conn, draft(store_id, message(external_id="1"), order_number=1), now=T0)
        add_request(conn, draft(store_id, message(external_id="2"), order_number=2), now=T0)
        set_state(conn, a.request_id, RequestState.DECLINED, now=T0)
        declined = list_requests(conn, store_id, [RequestState.DECLINED])
        still_open = list_requests(conn, store_id, [RequestState.OPEN])
    assert [r.id for r in declined] == [a.request_id]
    assert [r.order_name for r in still_open] == ["#2"]


def test_cached_verdict_is_outdated_by_a_new_policy_or_a_newer_order(
    database: Database, store_id: int
) -> None:
    reason = Phrase(
        "Policy",
        "placed {age} ago, window {window}: inside",
        {"age": timedelta(hours=3), "window": timedelta(hours=24)},
    )
    verdict = Verdict(Outcome.APPROVE, "within-24h", (reason,), ())
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [FetchedOrder(make_order(1), {"id": order_gid(1)}, T0)])
        added = add_request(conn, draft(store_id, order_number=1), now=T0)
        assert requests_needing_verdict(conn, store_id, "p1", now=T0) == [added.request_id]
        set_verdict(conn, added.request_id, verdict, policy_hash="p1", evaluated_at=T0)
        assert requests_needing_verdict(conn, store_id, "p1", now=T0) == []
        assert requests_needing_verdict(conn, store_id, "p2", now=T0) == [added.request_id]
        later = T0 + timedelta(minutes=5)
        upsert_orders(conn, store_id, [FetchedOrder(make_order(1), {"id": order_gid(1)}, later)])
        assert requests_needing_verdict(conn, store_id, "p1", now=T0) == [added.request_id]
        stored = conn.execute(
            "SELECT verdict_reason FROM requests WHERE id = ?", (added.request_id,)
        ).fetchone()[0]
    assert phrase_from_json(stored) == reason


def test_only_requests_that_can_be_judged_now_need_a_verdict(
    database: Database, store_id: int
) -> None:
    """A decided request whose order is cached lean is not offered again on every pass."""
    verdict = Verdict(Outcome.REVIEW, "r", (), ())
    lean = [FetchedOrder(make_order(n), {"id": order_gid(n)}, T0, LEAN) for n in (2, 3)]
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [FetchedOrder(make_order(1), {"id": order_gid(1)}, T0)])
        upsert_orders(conn, store_id, lean)
        full = add_request(conn, draft(store_id, order_number=1), now=T0).request_id
        lean_open = add_request(conn, draft(store_id, order_number=2), now=T0).request_id
        lean_done = add_request(conn, draft(store_id, order_number=3), now=T0).request_id
        set_state(conn, lean_done, RequestState.DONE, now=T0)
        never_cached = add_request(conn, draft(store_id, order_number=4), now=T0).request_id
        unmatched = add_request(conn, draft(store_id, message(external_id="x")), now=T0).request_id
        for request_id in (full, lean_open, lean_done, never_cached, unmatched):
            set_verdict(conn, request_id, verdict, policy_hash="old", evaluated_at=T0)
    with database.reading() as conn:
        assert requests_needing_verdict(conn, store_id, "old", now=T0) == []
        assert requests_needing_verdict(conn, store_id, "new", now=T0) == [full, unmatched]
        reading = requests_needing_verdict(
            conn, store_id, "new", now=T0, reading_in_full=[RequestState.OPEN]
        )
        among = requests_needing_verdict(
            conn, store_id, "new", now=T0, among={unmatched, lean_open, never_cached}
        )
    assert reading == [full, lean_open, unmatched]
    assert never_cached not in reading  # the sync reads it first
    assert among == [unmatched]  # of those asked about, what can be judged now
    with database.transaction() as conn:
        set_verdict(conn, unmatched, verdict, policy_hash="new", evaluated_at=T0)
        assert requests_needing_verdict(conn, store_id, "new", now=T0) == [full]


def test_matching_an_order_outdates_the_verdict_judged_without_it(
    database: Database, store_id: int
) -> None:
    verdict = Verdict(Outcome.REVIEW, "No matching order", (), ())
    later = T0 + timedelta(minutes=5)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [FetchedOrder(make_order(7), {"id": order_gid(7)}, T0)])
        loose = add_request(conn, draft(store_id, message(external_id="a")), now=T0).request_id
        set_verdict(conn, loose, verdict, policy_hash="p", evaluated_at=later)
        assert requests_needing_verdict(conn, store_id, "p", now=T0) == []
        # The order was fetched before the verdict: only the match can say it is outdated.
        assert assign_order(conn, loose, order_gid(7), "#7", now=later) == loose
        assert requests_needing_verdict(conn, store_id, "p", now=T0) == [loose]
        # A second message about the same order joins it: judged again with both.
        other = add_request(conn, draft(store_id, message(external_id="b")), now=T0).request_id
        set_verdict(conn, loose, verdict, policy_hash="p", evaluated_at=later)
        set_verdict(conn, other, verdict, policy_hash="p", evaluated_at=later)
        assert assign_order(conn, other, order_gid(7), "#7", now=later) == loose
        assert requests_needing_verdict(conn, store_id, "p", now=T0) == [loose]


def test_the_whole_verdict_is_stored_with_the_moment_it_runs_out(
    database: Database, store_id: int
) -> None:
    """What the pane and Approve read back is the verdict the queue shows, whole."""
    until = T0 + timedelta(hours=1)
    check = ConditionCheck(
        "requested_within",
        Phrase("Policy", "received {received}", {"received": T0}),
        matched=True,
    )
    action = SuggestedAction(
        refund_method=RefundMethod.STORE_CREDIT,
        restock=False,
        store_credit_expires_at=T0 + timedelta(days=30),
        fee=ProcessingFee(Decimal("2.5"), Money.of("10.00", "DKK")),
    )
    verdict = Verdict(
        Outcome.APPROVE,
        "Fresh",
        (Phrase("Policy", "Asked in time"),),
        (check,),
        action=action,
        reply=Phrase("Policy", "Cancelled"),
        statutory_withdrawal=True,
        valid_until=until,
    )
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [FetchedOrder(make_order(1), {"id": order_gid(1)}, T0)])
        open_one = add_request(conn, draft(store_id, order_number=1), now=T0).request_id
        set_verdict(conn, open_one, verdict, policy_hash="p", evaluated_at=T0)
        stored = stored_verdict(conn, open_one)
        assert stored is not None
        assert stored.verdict == verdict
        assert (stored.policy_hash, stored.evaluated_at, stored.whole) == ("p", T0, True)
        assert not stored.verdict.expired(until)
        assert stored.verdict.expired(until + timedelta(microseconds=1))  # ran out
        assert next_verdict_expiry(conn, store_id, after=T0) == until
        assert requests_needing_verdict(conn, store_id, "p", now=until) == []
        after = until + timedelta(seconds=1)
        assert requests_needing_verdict(conn, store_id, "p", now=after) == [open_one]
        assert next_verdict_expiry(conn, store_id, after=after) is None
        set_state(conn, open_one, RequestState.DONE, now=T0)  # decided: never judged again
        assert requests_needing_verdict(conn, store_id, "p", now=after) == []
        assert next_verdict_expiry(conn, store_id, after=T0) is None


def test_a_decision_keeps_the_verdict_it_was_made_under(database: Database, store_id: int) -> None:
    verdict = Verdict(Outcome.DENY, "Late", (Phrase("Policy", "Asked late"),), ())
    with database.transaction() as conn:
        request_id = add_request(conn, draft(store_id, order_number=1), now=T0).request_id
        record_decision(
            conn,
            request_id,
            outcome="decline",
            policy_snapshot={},
            decided_by="Mette",
            decided_at=T0,
            verdict=verdict,
            verdict_policy_hash="digest",
        )
        (decision,) = list_decisions(conn, request_id)
    assert (decision.verdict, decision.verdict_policy_hash) == (verdict, "digest")


def test_a_messages_sent_time_and_the_acknowledgement_are_kept(
    database: Database, store_id: int
) -> None:
    sent = T0 - timedelta(hours=9)  # the Date header: written late at night, read next morning
    email = replace(message("Jeg fortryder", at=T0, external_id="imap:1:11"), sent_at=sent)
    with database.transaction() as conn:
        added = add_request(conn, draft(store_id, email, order_number=1001), now=T0)
        request = get_request(conn, added.request_id)
        assert acknowledged_at(conn, added.request_id) is None
        assert mark_acknowledged(conn, added.request_id, T0)
        assert not mark_acknowledged(conn, added.request_id, T0 + timedelta(hours=1))  # once
        assert acknowledged_at(conn, added.request_id) == T0
    assert request is not None
    assert request.messages[0].sent_at == sent
    assert request.messages[0].received_at == T0


def test_a_withdrawal_whose_order_is_refunded_after_its_return_is_done(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        returning = add_request(conn, draft(store_id, order_number=1001), now=T0).request_id
        plain = add_request(conn, draft(store_id, order_number=1002), now=T0).request_id
        for request_id in (returning, plain):
            set_state(conn, request_id, RequestState.IN_PROGRESS, now=T0)
        verdict = Verdict(Outcome.APPROVE, "r", (), (), statutory_withdrawal=True)
        due = date(2026, 12, 21)
        set_verdict(conn, returning, verdict, policy_hash="h", evaluated_at=T0, refund_due_on=due)
        refunded = [
            replace(make_order(n), financial_status=FinancialStatus.REFUNDED) for n in (1001, 1002)
        ]
        upsert_orders(conn, store_id, [fetched(o) for o in refunded])

        settled = settle_refunded_withdrawals(conn, store_id, now=T0)

        assert settled == [returning]  # the other is an action's, not a return's
        assert get_request(conn, returning).state is RequestState.DONE  # type: ignore[union-attr]


def test_a_new_shopify_request_after_a_decline_is_a_request_of_its_own(
    database: Database, store_id: int
) -> None:
    """The buyer asks again in Shopify after the merchant declined: a new edit id is a new
    open request with its own lines; the declined one keeps its edit, lines and messages.
    Seen again, either edit adds nothing; another channel joins the open one."""

    def edit(number: int, line: str) -> CancellationRequest:
        asked = message("", source=RequestSource.SHOPIFY, external_id=f"edit-{number}")
        return replace(
            draft(store_id, asked, order_number=1001, line_item_ids=(line,)),
            native_edit_id=f"edit-{number}",
        )

    with database.transaction() as conn:
        declined = add_request(conn, edit(1, "L1"), now=T0).request_id
        set_state(conn, declined, RequestState.DECLINED, now=T0)
        asked_again = add_request(conn, edit(2, "L2"), now=T0)
        seen_again = [add_request(conn, edit(n, "L9"), now=T0) for n in (1, 2)]
        old, new = (get_request(conn, i) for i in (declined, asked_again.request_id))
        mail = draft(store_id, message(external_id="e"), order_number=1001)
        email = add_request(conn, mail, now=T0)
        count = len(list_requests(conn, store_id))
        joined = get_request(conn, asked_again.request_id)
    assert not asked_again.merged and asked_again.request_id != declined
    assert [(a.request_id, a.new_messages) for a in seen_again] == [
        (declined, 0),
        (asked_again.request_id, 0),
    ]
    assert email.request_id == asked_again.request_id and count == 2
    assert old is not None and new is not None
    assert (old.state, old.native_edit_id, old.line_item_ids) == (
        RequestState.DECLINED,
        "edit-1",
        ("L1",),
    )
    assert [m.external_id for m in old.messages] == ["edit-1"]
    assert (new.state, new.native_edit_id, new.line_item_ids) == (
        RequestState.OPEN,
        "edit-2",
        ("L2",),
    )
    assert [m.external_id for m in new.messages] == ["edit-2"]
    assert joined is not None and [m.external_id for m in joined.messages] == ["edit-2", "e"]


def test_a_message_after_the_decision_joins_it_marked_unread_until_read(
    database: Database, store_id: int
) -> None:
    """A reply to the decline opens no new decision: it joins the declined request, marked as
    after the decision, and the request stays unread from its first such message until the
    merchant marks it read (a call the merchant typed in is after the decision, but read).
    An undecided request's messages are never marked."""
    first = message("Cancel please", at=T0, external_id="a")
    answer = message("But the law says…", at=T0 + timedelta(minutes=10), external_id="b")
    more = message("Hello?", at=T0 + timedelta(minutes=20), external_id="c")
    with database.transaction() as conn:
        declined = add_request(conn, draft(store_id, first, order_number=1001), now=T0)
        set_state(conn, declined.request_id, RequestState.DECLINED, now=T0)
        joined = add_request(conn, draft(store_id, answer, order_number=1001), now=T0)
        add_request(conn, draft(store_id, more, order_number=1001), now=T0)
        since = unread_since(conn, declined.request_id)
        request = get_request(conn, declined.request_id)
        read = mark_read(conn, declined.request_id)
        read_again = mark_read(conn, declined.request_id)
        typed = message("Called again", source=RequestSource.MANUAL, external_id="d")
        add_request(conn, draft(store_id, typed, order_number=1001), now=T0)
        after_read = unread_since(conn, declined.request_id)
        kept = get_request(conn, declined.request_id)
        other_order = [replace(m, external_id=f"2{m.external_id}") for m in (first, answer)]
        open_one = add_request(conn, draft(store_id, other_order[0], order_number=1002), now=T0)
        add_request(conn, draft(store_id, other_order[1], order_number=1002), now=T0)
        undecided = get_request(conn, open_one.request_id)
    assert joined.request_id == declined.request_id and joined.merged
    assert since == T0 + timedelta(minutes=10)  # the first one not read yet
    assert request is not None and request.state is RequestState.DECLINED
    assert [m.after_decision for m in request.messages] == [False, True, True]
    assert (read, read_again, after_read) == (True, False, None)  # a call typed in is read
    assert kept is not None
    assert [m.after_decision for m in kept.messages] == [False, True, True, True]
    assert undecided is not None and len(undecided.messages) == 2
    assert not any(m.after_decision for m in undecided.messages)


def test_a_requests_earlier_decided_ones_and_the_one_asked_after_it(
    database: Database, store_id: int
) -> None:
    def edit(number: int) -> CancellationRequest:
        asked = message("", source=RequestSource.SHOPIFY, external_id=f"edit-{number}")
        return replace(draft(store_id, asked, order_number=1001), native_edit_id=f"edit-{number}")

    with database.transaction() as conn:
        first = add_request(conn, edit(1), now=T0).request_id
        set_state(conn, first, RequestState.DECLINED, now=T0)
        second = add_request(conn, edit(2), now=T0).request_id
        set_state(conn, second, RequestState.DONE, now=T0)
        third = add_request(conn, edit(3), now=T0).request_id
        other = add_request(
            conn, draft(store_id, message(external_id="x"), order_number=1002), now=T0
        )
        found = [
            decided_before(conn, store_id, order_gid(n), request_id)
            for n, request_id in ((1001, third), (1001, second), (1001, first), (1002, third))
        ]
        later = [asked_again(conn, store_id, order_gid(1001), r) for r in (first, third)]
    assert other.request_id not in (first, second, third)
    assert found == [
        [(second, RequestState.DONE), (first, RequestState.DECLINED)],
        [(first, RequestState.DECLINED)],
        [],
        [],
    ]
    assert later == [(third, RequestState.OPEN), None]  # the newest, from either earlier one
