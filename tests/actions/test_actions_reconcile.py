"""Reconciling in-process: a runner stops dead at each checkpoint of a decline (tag, note,
native decline, hold release) and a new runner finishes it from the order's real state."""

from __future__ import annotations

import pytest
from actions_harness import Harness

from cancelapp.actions import ActionRunner, OutcomeStatus
from cancelapp.actions.journal import unfinished_plans
from cancelapp.demoshop import DemoShop
from cancelapp.store import Database

STEPS = ("tag", "note", "decline_native", "release_hold")
POINTS = ["plan:journaled"] + [
    f"{step}:{moment}" for step in STEPS for moment in ("journaled", "response", "confirmed")
]


class Crash(BaseException):
    """Stands for the process dying: nothing after it runs, nothing is cleaned up."""


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

    def die(name: str) -> None:
        if name == point:
            raise Crash

    crashing = ActionRunner(h.db, h.client, "Ida", clock=h.clock.now, checkpoint=die)
    with pytest.raises(Crash):
        crashing.execute(plan)
    [outcome] = h.runner.reconcile_unfinished()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    order = h.shop.order(order_id)
    assert order.tags.count("cancel-declined") == 1
    assert (order.note or "").count("declined: it is packed.") == 1
    assert [e.status for e in order.requested_edits] == ["DENIED"]
    assert all(not fo.holds for fo in order.fulfillment_orders)
    assert unfinished_plans(h.db) == []
    h.close()
