"""The runner against the demo shop over HTTP: each action does what the preview said, once."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from actions_harness import Harness
from pytestqt.qtbot import QtBot

from cancelapp.actions import ActionRunner, Outcome, OutcomeStatus, PlanRefused, documents
from cancelapp.actions.carry_out.plan_journal import unfinished_plans
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.domain.money import Money
from cancelapp.domain.request import RequestState
from cancelapp.domain.verdict import ProcessingFee, RefundMethod, SuggestedAction
from cancelapp.session.audit_csv import export_csv
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.throttle import Reservation
from cancelapp.store.journal import list_decisions
from cancelapp.store.stores import save_store
from cancelapp.ui.workers import Lane, WorkerPool


def _refunds(h: Harness, order_id: str) -> list[tuple[Decimal, str]]:
    return [(r.amount, r.currency) for r in h.shop.ledger.refunds if r.order_id == order_id]


def test_approve_cancels_refunds_restocks_once_and_records_it(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    assert plan.preview is not None
    shown = plan.preview.refund_total
    assert shown is not None
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert outcome.refunded == shown  # what Shopify's refunds add up to, read back
    assert outcome.warnings == ()
    assert h.shop.order(order_id).cancelled_at is not None
    assert _refunds(h, order_id) == [(shown.amount, shown.currency)]
    assert h.shop.ledger.restocked_units(order_id) == plan.preview.units_restocked > 0
    assert h.request_state(request_id) is RequestState.DONE
    whats = [e.what for e in h.audit()]
    assert whats == ["cancel started", "cancel", "cancel done"]
    done = h.audit()[-1]
    assert done.who == "Ida" and done.amount == shown and done.shopify_ids
    assert unfinished_plans(h.db) == []
    csv_text = io.StringIO()
    assert export_csv(h.db, csv_text, head=None) == 3
    assert f",{shown.quantized().amount},{shown.currency}," in csv_text.getvalue()


def test_a_decision_goes_first_in_the_pacer_and_its_preview_does_not(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decision already made (its re-check, cancel, refund, restock) is never held back
    behind a read, a sync's or a merchant's: every request it sends is acquired `first`.
    The preview's reads outside a merchant's section are not."""
    h = harness
    throttle = h.client.throttle
    acquire = throttle.acquire
    firsts: list[bool] = []

    def spied(
        cost: float, cancel: threading.Event | None = None, *, first: bool = False
    ) -> Reservation:
        firsts.append(first)
        return acquire(cost, cancel, first=first)

    monkeypatch.setattr(throttle, "acquire", spied)
    order_id = h.shop.create_order("paid")
    plan = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())
    assert firsts and not any(firsts)
    firsts.clear()
    assert h.runner.execute(plan).status is OutcomeStatus.DONE
    assert len(firsts) >= 3 and all(firsts)  # the re-check, the cancel, the refund, …


def test_kept_fee_cancels_then_refunds_the_rest_in_the_customer_currency(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("eur")
    request_id = h.request_for(order_id)
    action = SuggestedAction(fee=ProcessingFee(percent=Decimal("10")))
    plan = h.runner.prepare_approve(request_id, action)
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL, StepKind.REFUND]
    assert plan.preview is not None and plan.preview.kept_fee is not None
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert plan.refund_total is not None and plan.refund_total.currency == "EUR"
    assert _refunds(h, order_id) == [(plan.refund_total.amount, "EUR")]
    keys = [r.idempotency_key for r in h.shop.ledger.refunds if r.order_id == order_id]
    assert keys == [plan.steps[1].idempotency_key]


def test_partly_shipped_order_refunds_and_restocks_only_unshipped_items(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("partially_fulfilled")
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    assert [s.kind for s in plan.steps] == [StepKind.REFUND]
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert h.shop.order(order_id).cancelled_at is None
    assert plan.preview is not None and plan.refund_total is not None
    assert h.shop.ledger.refunded_total(order_id) == plan.refund_total.amount
    assert h.shop.ledger.restocked_units(order_id) == plan.preview.units_restocked > 0


def test_store_credit_refund(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    action = SuggestedAction(refund_method=RefundMethod.STORE_CREDIT)
    plan = h.runner.prepare_approve(h.request_for(order_id), action)
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert plan.preview is not None and plan.preview.store_credit is not None
    gateways = {r.gateway for r in h.shop.ledger.refunds if r.order_id == order_id}
    assert gateways == {"store_credit"}
    assert h.shop.ledger.refunded_total(order_id) == plan.preview.store_credit.amount


def test_native_request_is_resolved_after_the_cancel(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    edit_id = h.shop.add_requested_edit(order_id)
    plan = h.runner.prepare_approve(h.request_for(order_id, native=edit_id), SuggestedAction())
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert [e.status for e in h.shop.order(order_id).requested_edits] == ["RESOLVED"]


def test_hold_then_decline_tags_notes_declines_and_lets_it_ship(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    edit_id = h.shop.add_requested_edit(order_id)
    request_id = h.request_for(order_id, native=edit_id)
    held = h.runner.execute(h.runner.prepare_hold(request_id))
    assert held.status is OutcomeStatus.DONE, held.message
    assert all(fo.status == "ON_HOLD" for fo in h.shop.order(order_id).fulfillment_orders)
    plan = h.runner.prepare_decline(request_id, "it is already packed.")
    assert plan.preview is not None and plan.preview.holds
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    order = h.shop.order(order_id)
    assert "cancel-declined" in order.tags
    assert "declined: it is already packed." in (order.note or "")
    assert [e.status for e in order.requested_edits] == ["DECLINED"]
    assert all(fo.status != "ON_HOLD" for fo in order.fulfillment_orders)
    assert h.request_state(request_id) is RequestState.DECLINED
    assert h.shop.ledger.refunds == []


def test_hold_asks_a_fulfillment_service_that_accepted_the_work(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("third_party_accepted")
    plan = h.runner.prepare_hold(h.request_for(order_id))
    assert [s.kind for s in plan.steps] == [StepKind.SUBMIT_CANCELLATION]
    assert h.runner.execute(plan).status is OutcomeStatus.DONE
    statuses = {fo.request_status for fo in h.shop.order(order_id).fulfillment_orders}
    assert statuses & {"CANCELLATION_REQUESTED", "CANCELLATION_ACCEPTED"}


def test_restock_alone_after_a_cancel_without_restock(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    cancel = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction(restock=False))
    assert h.runner.execute(cancel).status is OutcomeStatus.DONE
    assert h.shop.ledger.restocked_units(order_id) == 0
    plan = h.runner.prepare_restock(order_id, store_id=h.store_id)
    assert plan.preview is not None
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    restocks = [r for r in h.shop.ledger.restocks if r.order_id == order_id]
    assert sum(r.delta for r in restocks) == plan.preview.units_restocked > 0
    assert {r.idempotency_key for r in restocks} == {plan.steps[0].idempotency_key}


def test_order_changed_since_preview_stops_with_a_conflict(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    h.shop.fulfil(order_id)
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.CONFLICT
    assert outcome.conflict is not None
    assert "1 more item has been shipped." in outcome.plain_message
    assert h.shop.order(order_id).cancelled_at is None
    assert h.shop.ledger.refunds == []
    assert unfinished_plans(h.db) == []
    assert h.audit()[-1].what == "cancel stopped: order changed"


def test_one_action_per_order_at_a_time(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    queued = h.runner.enqueue(h.runner.prepare_hold(request_id))
    assert queued.status is OutcomeStatus.QUEUED
    assert h.runner.busy(h.store_id, order_id)
    second = h.runner.execute(h.runner.prepare_approve(request_id, SuggestedAction()))
    assert second.status is OutcomeStatus.BUSY
    assert h.shop.ledger.refunds == []


def test_undo_window_takes_back_before_sending(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    queued = h.runner.enqueue(h.runner.prepare_approve(request_id, SuggestedAction()))
    assert queued.due_at == h.clock.now() + timedelta(seconds=h.runner.settings.undo_seconds)
    assert h.request_state(request_id) is RequestState.QUEUED
    assert h.runner.run_due() == []  # not due yet
    assert queued.action_id is not None and h.runner.take_back(queued.action_id)
    h.clock.advance(60)
    assert h.runner.run_due() == []
    assert h.shop.order(order_id).cancelled_at is None
    assert h.request_state(request_id) is RequestState.OPEN
    assert not h.runner.busy(h.store_id, order_id)


def test_queued_action_is_sent_when_due_and_cannot_be_taken_back_after(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    queued = h.runner.enqueue(h.runner.prepare_approve(h.request_for(order_id), SuggestedAction()))
    h.clock.advance(10)
    [outcome] = h.runner.run_due()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert queued.action_id is not None and not h.runner.take_back(queued.action_id)
    assert h.shop.order(order_id).cancelled_at is not None


def test_a_runner_sends_and_resumes_only_its_own_stores_plans(harness: Harness) -> None:
    """Another store's client must never send (or judge) this store's journaled plans: its
    order ids mean nothing there, and a plan found "gone" would be ended as failed."""
    h = harness
    order_id = h.shop.create_order("paid")
    queued = h.runner.enqueue(h.runner.prepare_approve(h.request_for(order_id), SuggestedAction()))
    with h.db.transaction() as conn:
        other_id = save_store(
            conn,
            Endpoint.for_shop("another-shop.myshopify.com"),
            name="Another shop",
            currency="EUR",
            timezone="Europe/Berlin",
            auth_kind="access_token",
            now=h.clock.now(),
        )
    other_client = ShopifyClient(
        Endpoint.loopback("http://127.0.0.1:9"), AccessToken("x"), sleep=lambda _s, _e: False
    )
    other = ActionRunner(h.db, other_client, "Ida", clock=h.clock.now, store_id=other_id)
    try:
        h.clock.advance(60)
        assert other.run_due() == []
        assert other.reconcile_unfinished() == []
    finally:
        other.close()
        other_client.close()
    [outcome] = h.runner.run_due()
    assert outcome.action_id == queued.action_id
    assert outcome.status is OutcomeStatus.DONE, outcome.message


def test_offline_decision_is_queued_and_reverified_on_reconnect(harness: Harness) -> None:
    h = harness
    paid = h.shop.create_order("paid")
    changed = h.shop.create_order("paid")
    plans = [h.runner.prepare_approve(h.request_for(o), SuggestedAction()) for o in (paid, changed)]
    offline_client = ShopifyClient(
        Endpoint.loopback("http://127.0.0.1:9"), AccessToken("x"), sleep=lambda _s, _e: False
    )
    offline = ActionRunner(h.db, offline_client, "Ida", clock=h.clock.now)
    queued = [offline.execute(plan, policy_snapshot="version = 1") for plan in plans]
    assert [q.status for q in queued] == [OutcomeStatus.QUEUED] * 2
    with h.db.reading() as conn:
        decisions = list_decisions(conn, plans[0].request_id or 0)
    assert [d.policy_snapshot["policy"] for d in decisions] == ["version = 1"]
    assert [o.status for o in offline.run_due()] == [OutcomeStatus.QUEUED] * 2  # still offline
    offline_client.close()
    h.shop.fulfil(changed)  # while we were away
    outcomes = {o.order_id: o for o in h.runner.run_due()}
    assert outcomes[paid].status is OutcomeStatus.DONE
    assert outcomes[changed].status is OutcomeStatus.CONFLICT
    assert h.shop.ledger.refunded_total(changed) == 0
    assert plans[0].refund_total is not None
    assert h.shop.ledger.refunded_total(paid) == plans[0].refund_total.amount


def test_bulk_approve_sums_then_applies_one_worker_task_per_order(
    harness: Harness, qtbot: QtBot
) -> None:
    """The window's one worker pool runs each order's `execute` on its network lane, several
    at a time; the runner has no pool of its own."""
    h = harness
    orders = [h.shop.create_order(s) for s in ("paid", "eur", "mobilepay", "fulfilled")]
    approvals = [(h.request_for(o), SuggestedAction()) for o in orders]
    plans, refused, summary = h.runner.prepare_bulk(approvals)
    assert len(plans) == 3 and [r for r, _ in refused] == [approvals[3][0]]
    assert summary.orders == 3
    assert {m.currency for m in summary.refund_totals} == {"DKK", "EUR"}
    workers = WorkerPool()
    outcomes: list[Outcome] = []
    failures: list[object] = []
    try:
        for plan in plans:
            task = workers.run_on(Lane.NETWORK, h.runner.execute, plan)
            task.succeeded.connect(outcomes.append)
            task.failed.connect(failures.append)
        qtbot.waitUntil(lambda: len(outcomes) + len(failures) == len(plans), timeout=60_000)
    finally:
        workers.shutdown()
    assert failures == []
    assert sorted(o.order_id for o in outcomes) == sorted(p.order_id for p in plans)
    assert [o.status for o in outcomes] == [OutcomeStatus.DONE] * 3
    for money in summary.refund_totals:
        paid_back = sum(
            (r.amount for r in h.shop.ledger.refunds if r.currency == money.currency),
            Decimal(0),
        )
        assert Money(paid_back, money.currency) == money
    assert sum(h.shop.ledger.restocked_units(o) for o in orders) == summary.units_restocked


def test_reverification_is_one_lean_request_that_knows_the_refunds_so_far(
    harness: Harness,
) -> None:
    h = harness
    order_id = h.shop.create_order("partially_fulfilled")
    first = h.runner.execute(h.runner.prepare_approve(h.request_for(order_id), SuggestedAction()))
    assert first.status is OutcomeStatus.DONE, first.message
    plan = h.runner.prepare_restock(order_id, store_id=h.store_id)
    before = h.client.stats.requests
    recheck = h.runner.verify(plan)
    assert h.client.stats.requests == before + 1
    assert recheck.conflict is None
    assert len(recheck.refund_ids) == 1 and recheck.refund_ids[0] in first.shopify_ids


def test_a_hold_released_elsewhere_stops_the_decline_that_would_release_it(
    harness: Harness,
) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    assert h.runner.execute(h.runner.prepare_hold(request_id)).status is OutcomeStatus.DONE
    plan = h.runner.prepare_decline(request_id, "it is packed.")
    [fo] = h.shop.order(order_id).fulfillment_orders
    h.client.mutate(  # the merchant releases it in Shopify meanwhile
        documents.client("fulfillment_order_release_hold"),
        {"id": f"gid://shopify/FulfillmentOrder/{fo.id}"},
    )
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.CONFLICT
    assert "A shipment changed from ON_HOLD to OPEN." in outcome.plain_message
    assert "cancel-declined" not in h.shop.order(order_id).tags


def _grow_beyond_one_page(h: Harness, order_id: str) -> None:
    with h.shop.store.lock:  # no demo shop helper makes an order this large
        order = h.shop.order(order_id)
        order.line_items += [replace(order.line_items[0], id=10_000 + n) for n in range(40)]
        h.shop.store.register(order)


def test_an_order_too_large_to_read_at_once_is_refused(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    _grow_beyond_one_page(h, order_id)
    with pytest.raises(PlanRefused, match="more items or shipments"):
        h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())


def test_an_order_that_cannot_be_checked_any_more_stops_queued_work(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    h.runner.enqueue(h.runner.prepare_approve(request_id, SuggestedAction()), delay=0)
    _grow_beyond_one_page(h, order_id)
    [outcome] = h.runner.run_due()
    assert outcome.status is OutcomeStatus.CONFLICT
    assert "more items or shipments" in outcome.plain_message
    assert h.shop.order(order_id).cancelled_at is None
    assert h.request_state(request_id) is RequestState.OPEN
    assert not h.runner.busy(h.store_id, order_id)


def test_approving_every_line_of_a_held_order_finishes_though_the_refund_closed_the_hold(
    harness: Harness,
) -> None:
    """Refunding the last unshipped items closes the held shipment, and its hold with it:
    the release that follows has nothing left to do, and the approval is done, not failed."""
    h = harness
    order_id = h.shop.create_order("paid")
    lines = tuple(f"gid://shopify/LineItem/{li.id}" for li in h.shop.order(order_id).line_items)
    request_id = h.request_for(order_id, lines=lines)
    assert h.runner.execute(h.runner.prepare_hold(request_id)).status is OutcomeStatus.DONE
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    assert [s.kind for s in plan.steps] == [StepKind.REFUND, StepKind.RELEASE_HOLD]
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert plan.refund_total is not None
    assert h.shop.ledger.refunded_total(order_id) == plan.refund_total.amount
    assert h.request_state(request_id) is RequestState.DONE


def test_a_native_request_resolved_meanwhile_does_not_fail_the_cancel(harness: Harness) -> None:
    """The money moved and the request is answered our way: done, not failed."""
    h = harness
    order_id = h.shop.create_order("paid")
    edit_id = h.shop.add_requested_edit(order_id)
    request_id = h.request_for(order_id, native=edit_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    (edit,) = h.shop.order(order_id).requested_edits
    edit.status = "RESOLVED"  # as if the merchant had resolved it in Shopify's admin meanwhile
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert h.request_state(request_id) is RequestState.DONE
    assert len([r for r in h.shop.ledger.refunds if r.order_id == order_id]) == 1
