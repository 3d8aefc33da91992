"""Reconciling in-process: a runner stops dead at each checkpoint of a decline (tag, note,
native decline, hold release) and a new runner finishes it from the order's real state."""

from __future__ import annotations

from typing import Any

import pytest
from actions_harness import Harness

from cancelapp.actions import ActionRunner, OutcomeStatus
from cancelapp.actions.carry_out.plan_journal import unfinished_plans
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import RequestState
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.store import Database

STEPS = ("tag", "note", "decline_native", "release_hold")
POINTS = [
    "plan:journaled",
    *(f"{step}:{moment}" for step in STEPS for moment in ("journaled", "response", "confirmed")),
    "plan:finishing",
]


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs, nothing is cleaned up."""


def crash_at(h: Harness, plan: ActionPlan, point: str, **runner_options: Any) -> None:
    """Execute `plan` in a second runner that dies at checkpoint `point`."""

    def die(name: str) -> None:
        if name == point:
            raise Crash

    crashing = ActionRunner(
        h.db,
        h.client,
        "Ida",
        clock=h.clock.now,
        monotonic=h.clock.monotonic,
        checkpoint=die,
        **runner_options,
    )
    with pytest.raises(Crash):
        crashing.execute(plan)


def approval_crashed_at(h: Harness, point: str, **runner_options: Any) -> tuple[str, int]:
    """A paid order whose approval died at `point`: the order's id and its request's."""
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    crash_at(h, h.runner.prepare_approve(request_id, SuggestedAction()), point, **runner_options)
    return order_id, request_id


@pytest.mark.parametrize("point", POINTS)
def test_decline_interrupted_anywhere_is_finished_exactly_once(
    hand_shop: DemoShop, actions_db: Database, point: str
) -> None:
    h = Harness(hand_shop, actions_db, 1)
    order_id = h.shop.create_order("paid")
    edit_id = h.shop.add_requested_edit(order_id)
    request_id = h.request_for(order_id, native=edit_id)
    assert h.runner.execute(h.runner.prepare_hold(request_id)).status is OutcomeStatus.DONE
    plan = h.runner.prepare_decline(request_id, "it is packed.")
    crash_at(h, plan, point)
    [outcome] = h.runner.reconcile_unfinished()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    order = h.shop.order(order_id)
    assert order.tags.count("cancel-declined") == 1
    assert (order.note or "").count("declined: it is packed.") == 1
    assert [e.status for e in order.requested_edits] == ["DECLINED"]
    assert all(not fo.holds for fo in order.fulfillment_orders)
    assert unfinished_plans(h.db) == []
    assert h.request_state(request_id) is RequestState.DECLINED
    assert [e.what for e in h.audit()].count("decline done") == 1
    h.close()


def test_dying_while_the_end_is_committed_loses_the_whole_end_then_finishes_once(
    harness: Harness,
) -> None:
    """The plan's end, its last step's audit and the request's state commit together."""
    h = harness
    order_id, request_id = approval_crashed_at(h, "plan:finishing", wait=h.runner.ctx.wait)
    assert h.shop.order(order_id).cancelled_at is not None  # Shopify did it
    assert [e.what for e in h.audit()] == ["cancel started"]  # the end was rolled back whole
    assert h.request_state(request_id) is RequestState.IN_PROGRESS
    [outcome] = h.runner.reconcile_unfinished()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert [e.what for e in h.audit()] == ["cancel started", "cancel", "cancel done"]
    assert h.request_state(request_id) is RequestState.DONE
    assert len([r for r in h.shop.ledger.refunds if r.order_id == order_id]) == 1
    assert unfinished_plans(h.db) == []


def test_an_order_deleted_in_shopify_ends_its_unfinished_plan_instead_of_blocking_start_up(
    harness: Harness,
) -> None:
    h = harness
    order_id, request_id = approval_crashed_at(h, "cancel:journaled")
    with h.shop.store.lock:  # no demo shop helper deletes an order
        del h.shop.store.orders[int(order_id.rsplit("/", 1)[1])]
    [outcome] = h.runner.reconcile_unfinished()
    assert outcome.status is OutcomeStatus.FAILED
    assert "no longer exists in Shopify" in outcome.plain_message
    assert unfinished_plans(h.db) == []
    assert h.request_state(request_id) is RequestState.FAILED
