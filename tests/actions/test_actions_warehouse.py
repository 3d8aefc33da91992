"""Orders a fulfillment service accepted, against the demo shop over HTTP (Qt-free): approving
asks the warehouse first, the cancel and refund follow its answer; hold on arrival never asks."""

from __future__ import annotations

import pytest
from actions_harness import Harness

from cancelapp.actions import OutcomeStatus, PlanRefused
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.actions.prepare.warehouse import AtWarehouse, with_message
from cancelapp.domain.action import ActionKind
from cancelapp.domain.verdict import SuggestedAction


def request_statuses(h: Harness, order_id: str) -> set[str]:
    return {fo.request_status for fo in h.shop.order(order_id).fulfillment_orders}


def ask(h: Harness, order_id: str) -> int:
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    assert plan.kind is ActionKind.CANCELLATION_REQUEST
    assert [s.kind for s in plan.steps] == [StepKind.SUBMIT_CANCELLATION]
    assert plan.preview is not None and plan.preview.refund_total is None
    assert "must agree first" in plan.preview.warnings[0].render_plain()
    plan = with_message(plan, "Stop it, please")
    assert plan.steps[0].variables["message"] == "Stop it, please"
    assert h.runner.execute(plan).status is OutcomeStatus.DONE
    assert request_statuses(h, order_id) == {"CANCELLATION_REQUESTED"}
    with pytest.raises(PlanRefused, match="Waiting for the warehouse"):
        h.runner.prepare_approve(request_id, SuggestedAction())
    return request_id


def test_approve_asks_the_warehouse_then_cancels_and_refunds_once(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("third_party_accepted")
    request_id = ask(h, order_id)
    h.clock.advance(h.shop.store.fulfillment_service_delay)  # the warehouse agrees
    assert request_statuses(h, order_id) == {"CANCELLATION_ACCEPTED"}
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    assert plan.kind is ActionKind.CANCEL
    assert h.runner.execute(plan).status is OutcomeStatus.DONE
    refunds = [r for r in h.shop.ledger.refunds if r.order_id == order_id]
    assert len(refunds) == 1 and plan.refund_total is not None
    assert refunds[0].amount == plan.refund_total.amount


def test_a_refusal_comes_back_in_words(harness: Harness) -> None:
    h = harness
    h.shop.set_fulfillment_service_answer("reject")
    order_id = h.shop.create_order("third_party_accepted")
    request_id = ask(h, order_id)
    h.clock.advance(h.shop.store.fulfillment_service_delay)
    with pytest.raises(PlanRefused, match="The warehouse refused to cancel"):
        h.runner.prepare_approve(request_id, SuggestedAction())
    assert h.shop.order(order_id).cancelled_at is None


def test_hold_on_arrival_leaves_the_warehouse_alone(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("third_party_accepted")
    request_id = h.request_for(order_id)
    with pytest.raises(AtWarehouse):
        h.runner.prepare_hold(request_id, ask_service=False)
    assert request_statuses(h, order_id) == {"ACCEPTED"}


def test_a_decline_after_the_warehouse_agreed_says_what_to_do(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("third_party_accepted")
    request_id = ask(h, order_id)
    h.clock.advance(h.shop.store.fulfillment_service_delay)
    plan = h.runner.prepare_decline(request_id, "Already packed")
    assert plan.preview is not None
    assert "request fulfillment again" in plan.preview.warnings[0].render_plain()


def test_an_order_only_sent_to_the_warehouse_is_cancelled_at_once(harness: Harness) -> None:
    """SUBMITTED, not accepted: `orderCancel` goes through (Shopify cancels such a request at
    once), so approving cancels and refunds without asking the warehouse; no hold is tried."""
    h = harness
    order_id = h.shop.create_order("third_party_submitted")
    request_id = h.request_for(order_id)
    with pytest.raises(AtWarehouse, match="not accepted yet"):
        h.runner.prepare_hold(request_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    assert plan.kind is ActionKind.CANCEL
    assert StepKind.SUBMIT_CANCELLATION not in [s.kind for s in plan.steps]
    assert h.runner.execute(plan).status is OutcomeStatus.DONE
    assert h.shop.order(order_id).cancelled_at is not None
    refunds = [r for r in h.shop.ledger.refunds if r.order_id == order_id]
    assert len(refunds) == 1 and plan.refund_total is not None
    assert refunds[0].amount == plan.refund_total.amount


def test_the_warehouse_accepting_before_the_cancel_is_sent_stops_it(harness: Harness) -> None:
    """Accepted between the preview and the send: the re-verification stops the cancel (which
    Shopify would now refuse) and says why; nothing is sent."""
    h = harness
    order_id = h.shop.create_order("third_party_submitted")
    plan = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())
    assert h.shop.accept_fulfillment_requests(order_id) == 1
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.CONFLICT
    assert "A fulfillment service has accepted the order." in outcome.plain_message
    assert h.shop.order(order_id).cancelled_at is None
    assert [r for r in h.shop.ledger.refunds if r.order_id == order_id] == []
