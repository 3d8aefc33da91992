"""Queued actions and the money they record: each ends on its own, keeps the undo window it
was queued with, and the audit log records what Shopify actually refunded."""

from __future__ import annotations

from dataclasses import replace

from actions_harness import Harness

from cancelapp.actions import OutcomeStatus
from cancelapp.actions.carry_out.plan_journal import journal_plan
from cancelapp.demoshop import Fault
from cancelapp.domain.action import ActionState
from cancelapp.domain.money import Money
from cancelapp.domain.request import RequestState
from cancelapp.domain.verdict import SuggestedAction


def test_a_queued_action_shopify_refuses_to_check_fails_alone(harness: Harness) -> None:
    h = harness
    orders = [h.shop.create_order("paid") for _ in range(2)]
    requests = [h.request_for(order_id) for order_id in orders]
    for request_id in requests:
        h.runner.enqueue(h.runner.prepare_approve(request_id, SuggestedAction()))
    h.clock.advance(h.runner.settings.undo_seconds + 1)
    h.shop.faults.inject(Fault.refused(), operation="OrderBasis")  # the first re-check only
    outcomes = {o.order_id: o for o in h.runner.run_due()}
    failed, sent = outcomes[orders[0]], outcomes[orders[1]]
    assert failed.status is OutcomeStatus.FAILED
    assert "could not check the order" in failed.plain_message
    assert "Shopify refused the request" in failed.plain_message
    assert sent.status is OutcomeStatus.DONE, sent.message
    # The failed one is back with the merchant, with why; nothing of it reached Shopify.
    assert h.request_state(requests[0]) is RequestState.FAILED
    assert h.shop.order(orders[0]).cancelled_at is None
    assert h.shop.ledger.refunded_total(orders[0]) == 0
    assert h.shop.order(orders[1]).cancelled_at is not None
    assert h.runner.run_due() == []  # ended: not tried (nor reported) again
    audit = [e for e in h.audit() if e.order_gid == orders[0]]
    assert audit[-1].what == "cancel failed"


def test_lowering_the_undo_window_does_not_cut_short_an_earlier_wait(harness: Harness) -> None:
    h = harness
    h.runner.settings = replace(h.runner.settings, undo_seconds=60)
    order_id = h.shop.create_order("paid")
    h.runner.enqueue(h.runner.prepare_approve(h.request_for(order_id), SuggestedAction()))
    restarted = Harness(h.shop, h.db, h.store_id)  # the app restarted with a 5 s window
    restarted.runner.settings = replace(restarted.runner.settings, undo_seconds=5)
    try:
        h.clock.advance(10)
        assert restarted.runner.run_due() == []  # still 50 s of its own minute to go
        assert h.shop.order(order_id).cancelled_at is None
        h.clock.advance(51)
        [outcome] = restarted.runner.run_due()
        assert outcome.status is OutcomeStatus.DONE, outcome.message
    finally:
        restarted.close()


def test_the_audit_log_records_what_the_cancel_refunded_not_the_preview(
    harness: Harness,
) -> None:
    """Shopify confirmed the cancel but no refund appeared on the order: the audit entry and
    the outcome both say nothing was refunded (the preview's amount never was)."""
    h = harness
    plan = h.runner.prepare_approve(h.request_for(h.shop.create_order("paid")), SuggestedAction())
    assert plan.refund_total is not None and plan.refund_total.amount > 0
    entry = journal_plan(h.db, plan, ActionState.SENDING, now=h.now())
    confirmed = {"cancelled": True, "refunded": None, "shopify_ids": ["gid://shopify/Job/1"]}
    with h.db.transaction() as conn:
        h.runner.records.step_done(entry, 0, confirmed, conn)
    assert h.audit()[-1].what == "cancel"
    assert h.audit()[-1].amount == Money.zero(plan.refund_total.currency)


def test_a_queued_action_whose_check_came_back_garbled_waits_for_the_next_round(
    harness: Harness,
) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    h.runner.enqueue(h.runner.prepare_approve(request_id, SuggestedAction()))
    h.clock.advance(h.runner.settings.undo_seconds + 1)
    h.shop.faults.inject(Fault.malformed(), operation="OrderBasis", times=5)
    [waiting] = h.runner.run_due()
    assert waiting.status is OutcomeStatus.QUEUED  # not failed: the answer was only cut short
    assert h.request_state(request_id) is RequestState.QUEUED
    h.shop.faults.clear()
    [sent] = h.runner.run_due()
    assert sent.status is OutcomeStatus.DONE, sent.message
    assert h.shop.order(order_id).cancelled_at is not None


def test_a_bulk_order_queued_for_its_caller_is_sent_once_after_a_restart(
    harness: Harness,
) -> None:
    """A bulk's orders wait out the undo window in the journal like single ones, but the
    bulk sends them itself (`send_queued`): `run_due` leaves them alone. The app stopped
    during the window: the next runner sends each, once, when due, like a queued single."""
    h = harness
    orders = [h.shop.create_order("paid") for _ in range(2)]
    queued = [
        h.runner.enqueue(
            h.runner.prepare_approve(h.request_for(order_id), SuggestedAction()), held=True
        )
        for order_id in orders
    ]
    h.clock.advance(h.runner.settings.undo_seconds + 1)
    assert h.runner.run_due() == []  # the bulk's own to send
    restarted = Harness(h.shop, h.db, h.store_id)  # the app stopped inside the window
    try:
        outcomes = restarted.runner.run_due()
        assert [o.status for o in outcomes] == [OutcomeStatus.DONE] * 2, outcomes
        assert restarted.runner.run_due() == []
    finally:
        restarted.close()
    for outcome in queued:  # the first process, had it lived on, would find them gone
        assert outcome.action_id is not None
        assert h.runner.send_queued(outcome.action_id) is None
    for order_id in orders:
        assert h.shop.order(order_id).cancelled_at is not None
        assert len([r for r in h.shop.ledger.refunds if r.order_id == order_id]) == 1


def test_an_undo_racing_a_bulk_orders_sending_either_takes_it_back_or_finds_it_sent(
    harness: Harness,
) -> None:
    h = harness
    sent_first, undone_first = [h.shop.create_order("paid") for _ in range(2)]
    requests = {order_id: h.request_for(order_id) for order_id in (sent_first, undone_first)}
    ids = {}
    for order_id, request_id in requests.items():
        plan = h.runner.prepare_approve(request_id, SuggestedAction())
        ids[order_id] = h.runner.enqueue(plan, held=True).action_id
    h.clock.advance(h.runner.settings.undo_seconds + 1)

    sent = h.runner.send_queued(ids[sent_first])
    assert sent is not None and sent.status is OutcomeStatus.DONE, sent
    assert not h.runner.take_back(ids[sent_first])  # reported as sent, not taken back

    assert h.runner.take_back(ids[undone_first])
    assert h.runner.send_queued(ids[undone_first]) is None  # taken back: nothing sent
    assert h.request_state(requests[undone_first]) is RequestState.OPEN
    assert h.shop.order(undone_first).cancelled_at is None
    assert h.shop.ledger.refunded_total(undone_first) == 0
    assert h.shop.order(sent_first).cancelled_at is not None
    assert h.runner.run_due() == []


def test_a_bulk_order_whose_window_ends_while_another_action_holds_it_waits_for_it(
    harness: Harness,
) -> None:
    """Not reported as failed (busy) and then sent anyway: it is queued, says why, and
    `run_due` sends it, once, when the other action is done."""
    h = harness
    order_id = h.shop.create_order("paid")
    plan = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())
    action_id = h.runner.enqueue(plan, held=True).action_id
    assert action_id is not None
    h.clock.advance(h.runner.settings.undo_seconds + 1)
    with h.runner._order_lock(order_id):  # another action for the order is on its way
        waiting = h.runner.send_queued(action_id)
        assert h.runner.run_due() == []  # not before the other action is done
    assert waiting is not None and waiting.status is OutcomeStatus.QUEUED, waiting
    assert not waiting.unreachable  # Shopify answers: the window stays online
    assert waiting.plain_message == "Another action for this order is on its way; sent after it."
    assert h.shop.order(order_id).cancelled_at is None
    [sent] = h.runner.run_due()
    assert sent.status is OutcomeStatus.DONE, sent.message
    assert h.runner.run_due() == []
    assert len([r for r in h.shop.ledger.refunds if r.order_id == order_id]) == 1


def test_taking_back_a_held_order_releases_it_and_a_second_try_finds_it_taken_back(
    harness: Harness,
) -> None:
    """A take-back retried after what followed it failed is still a take-back, not an
    order "already sent"; nothing taken back stays held."""
    h = harness
    order_id = h.shop.create_order("paid")
    plan = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())
    action_id = h.runner.enqueue(plan, held=True).action_id
    assert action_id is not None and action_id in h.runner._held
    assert h.runner.take_back(action_id)
    assert action_id not in h.runner._held
    assert h.runner.take_back(action_id)  # taken back already: still true
    h.clock.advance(h.runner.settings.undo_seconds + 1)
    assert h.runner.run_due() == [] and h.runner.send_queued(action_id) is None
    assert h.shop.order(order_id).cancelled_at is None
