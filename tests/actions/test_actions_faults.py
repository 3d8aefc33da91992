"""Money moves once when the network fails: timeouts after sending, 5xx, dropped connections,
THROTTLED, a failed cancel job, and Shopify's userErrors."""

from __future__ import annotations

import httpx
import pytest
from actions_harness import SHOP_START, Harness

from cancelapp.actions import OutcomeStatus
from cancelapp.actions.carry_out.plan_journal import unfinished_plans
from cancelapp.demoshop import DemoShop, Fault, ManualClock
from cancelapp.domain.request import RequestState
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.store import Database

SHORT = httpx.Timeout(connect=2.0, read=0.3, write=2.0, pool=2.0)


def _cancel_once(h: Harness, order_id: str) -> None:
    """Cancelled, with exactly the refund the preview showed and no unfinished journal."""
    assert h.shop.order(order_id).cancelled_at is not None
    assert unfinished_plans(h.db) == []


@pytest.mark.parametrize(
    "fault",
    [
        Fault.drop(after_execute=True),
        Fault.server_error(after_execute=True),
        Fault.truncated(),
        Fault.latency(1.0),
        Fault.server_error(),
        Fault.drop(),
        Fault.rate_limited(0.5),
    ],
    ids=[
        "dropped-after",
        "5xx-after",
        "truncated",
        "timeout-after",
        "5xx-before",
        "dropped-before",
        "429",
    ],
)
def test_refund_is_made_once_whatever_the_network_does(
    hand_shop: DemoShop, actions_db: Database, fault: Fault
) -> None:
    h = Harness(hand_shop, actions_db, 1, timeout=SHORT)
    order_id = h.shop.create_order("partially_fulfilled")
    plan = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())
    h.shop.faults.inject(fault, operation="RefundCreate")
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert h.shop.faults.fired  # the fault really happened
    refunds = [r for r in h.shop.ledger.refunds if r.order_id == order_id]
    assert plan.refund_total is not None
    assert [(r.amount, r.idempotency_key) for r in refunds] == [
        (plan.refund_total.amount, plan.steps[0].idempotency_key)
    ]
    h.close()


@pytest.mark.parametrize(
    "fault",
    [
        Fault.drop(after_execute=True),
        Fault.server_error(after_execute=True),
        Fault.latency(1.0),
        Fault.server_error(),
        Fault.drop(),
        Fault.malformed(),
    ],
    ids=[
        "dropped-after",
        "5xx-after",
        "timeout-after",
        "5xx-before",
        "dropped-before",
        "garbled-before",
    ],
)
def test_cancel_with_a_lost_answer_is_found_on_the_order_not_resent_blindly(
    hand_shop: DemoShop, actions_db: Database, fault: Fault
) -> None:
    h = Harness(hand_shop, actions_db, 1, timeout=SHORT, grace=2.0)
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    h.shop.faults.inject(fault, operation="OrderCancel")
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    _cancel_once(h, order_id)
    assert plan.refund_total is not None
    assert [r.amount for r in h.shop.ledger.refunds if r.order_id == order_id] == [
        plan.refund_total.amount
    ]
    assert h.request_state(request_id) is RequestState.DONE
    h.close()


def test_throttled_requests_wait_for_the_bucket(actions_db: Database) -> None:
    clock = ManualClock(SHOP_START)
    with DemoShop(seed=5, size=3, clock=clock, bucket_size=1000, restore_rate=20) as shop:
        h = Harness(shop, actions_db, 1)
        order_id = shop.create_order("paid")
        plan = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())
        shop.bucket.take(900)  # another app drained the bucket meanwhile
        outcome = h.runner.execute(plan)
        assert outcome.status is OutcomeStatus.DONE, outcome.message
        assert shop.throttled >= 1
        _cancel_once(h, order_id)
        h.close()


def test_cancel_job_failed_is_reported_and_nothing_is_refunded(
    hand_shop: DemoShop, actions_db: Database
) -> None:
    order_id = hand_shop.create_order("paid")
    location = hand_shop.order(order_id).fulfillment_orders[0].location
    # While the job runs, the location it would restock to is switched off: the job fails.
    h = Harness(
        hand_shop,
        actions_db,
        1,
        on_wait=lambda _s: hand_shop.deactivate_location(f"gid://shopify/Location/{location.id}"),
    )
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.FAILED
    assert "deactivated location" in outcome.plain_message
    assert hand_shop.order(order_id).cancelled_at is None
    assert hand_shop.ledger.refunds == []
    assert h.request_state(request_id) is RequestState.FAILED
    assert h.audit()[-1].what == "cancel failed"
    h.close()


def test_user_errors_fail_the_action_in_shopifys_words(harness: Harness) -> None:
    h = harness
    order_id = h.shop.create_order("pending_authorization")
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    assert plan.preview is not None and plan.preview.warnings  # the preview warned
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.FAILED
    assert "pending payment authorizations" in outcome.plain_message
    assert h.shop.ledger.refunds == [] and h.shop.ledger.voids == []
    assert unfinished_plans(h.db) == []
