"""A cancel that outlives its grace: Shopify's job runs longer than the grace, or the wall
clock jumps. "Order is already being cancelled" is a pending cancel, followed on the order;
the fee refund follows once the cancel is confirmed; waits are measured on a monotonic clock."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from actions_harness import Harness
from test_actions_reconcile import crash_at

from cancelapp.actions import ActionRunner, OutcomeStatus
from cancelapp.actions.carry_out.cancel_job import Backoff
from cancelapp.actions.carry_out.plan_journal import unfinished_plans
from cancelapp.actions.carry_out.verify import Recheck
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.demoshop import DemoShop, Fault
from cancelapp.domain.request import RequestState
from cancelapp.domain.verdict import ProcessingFee, SuggestedAction
from cancelapp.store import Database

KEEP_FEE = SuggestedAction(fee=ProcessingFee(percent=Decimal("5")))
HOUR = timedelta(hours=1)


def _fee_plan(h: Harness) -> tuple[str, int, ActionPlan]:
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, KEEP_FEE)
    assert [s.kind.value for s in plan.steps] == ["cancel", "refund"]
    return order_id, request_id, plan


def _refunded_once(h: Harness, order_id: str, request_id: int, plan: ActionPlan) -> None:
    assert h.shop.order(order_id).cancelled_at is not None
    assert plan.refund_total is not None
    assert [r.amount for r in h.shop.ledger.refunds if r.order_id == order_id] == [
        plan.refund_total.amount
    ]
    assert unfinished_plans(h.db) == []
    assert h.request_state(request_id) is RequestState.DONE


def test_lost_answer_and_a_job_slower_than_the_grace_still_refunds_the_fee_path(
    hand_shop: DemoShop, actions_db: Database
) -> None:
    hand_shop.service.cancel_job_delay = 5.0  # the grace is 1 s
    h = Harness(hand_shop, actions_db, 1)
    order_id, request_id, plan = _fee_plan(h)
    h.shop.faults.inject(Fault.drop(after_execute=True), operation="OrderCancel")
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    _refunded_once(h, order_id, request_id, plan)
    h.close()


def test_forward_clock_jump_does_not_fail_a_running_cancel(
    hand_shop: DemoShop, actions_db: Database
) -> None:
    """The wall clock jumps an hour right after the cancel leaves: the whole-order cancel is
    still confirmed, not reported as "Shopify did not do the cancel"."""
    holder: list[Harness] = []

    def jump(point: str) -> None:
        if point == "cancel:journaled":
            holder[0].jump += HOUR

    h = Harness(hand_shop, actions_db, 1, checkpoint=jump)
    holder.append(h)
    order_id = h.shop.create_order("paid")
    request_id = h.request_for(order_id)
    plan = h.runner.prepare_approve(request_id, SuggestedAction())
    h.shop.faults.inject(Fault.drop(after_execute=True), operation="OrderCancel")
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert "did not do" not in (outcome.message or "")
    assert h.shop.order(order_id).cancelled_at is not None
    assert h.request_state(request_id) is RequestState.DONE
    h.close()


def test_forward_jump_across_processes_follows_the_first_cancel_then_refunds(
    hand_shop: DemoShop, actions_db: Database
) -> None:
    """A process sent the cancel, lost the answer and stopped; the next one starts an hour
    later by the wall clock while Shopify's job is still running."""
    hand_shop.service.cancel_job_delay = 5.0
    h = Harness(hand_shop, actions_db, 1)
    order_id, request_id, plan = _fee_plan(h)
    h.shop.faults.inject(Fault.drop(after_execute=True), operation="OrderCancel")
    stopping = ActionRunner(
        h.db, h.client, "Ida", clock=h.clock.now, monotonic=h.clock.monotonic, wait=lambda _: True
    )
    assert stopping.execute(plan).status is OutcomeStatus.PENDING
    stopping.close()
    h.jump = HOUR
    [outcome] = h.runner.reconcile_unfinished()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    _refunded_once(h, order_id, request_id, plan)
    h.close()


def test_backward_clock_jump_does_not_hold_back_a_cancel_that_never_left(
    hand_shop: DemoShop, actions_db: Database
) -> None:
    h = Harness(hand_shop, actions_db, 1)
    order_id, request_id, plan = _fee_plan(h)
    crash_at(h, plan, "cancel:journaled")  # journaled as sending, never sent
    h.jump = -HOUR
    started = h.clock.monotonic()
    [outcome] = h.runner.reconcile_unfinished()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert h.clock.monotonic() - started < 5  # the 1 s grace and the job, not an hour
    _refunded_once(h, order_id, request_id, plan)
    h.close()


def test_a_queued_cancel_is_sent_after_the_undo_window_whatever_the_wall_clock_does(
    harness: Harness,
) -> None:
    h = harness
    back = h.runner.enqueue(
        h.runner.prepare_approve(h.request_for(h.shop.create_order("paid")), SuggestedAction())
    )
    ahead_order = h.shop.create_order("paid")
    ahead = h.runner.enqueue(
        h.runner.prepare_approve(h.request_for(ahead_order), SuggestedAction())
    )
    h.jump = HOUR  # forward: the undo window is not cut short
    assert h.runner.run_due() == []
    assert ahead.action_id is not None and h.runner.take_back(ahead.action_id)
    h.jump = -HOUR  # backward: the plan is not held back an hour
    h.clock.advance(h.runner.settings.undo_seconds)
    [outcome] = h.runner.run_due()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert outcome.order_id == back.order_id
    assert h.shop.order(ahead_order).cancelled_at is None


def test_another_process_queued_plan_is_not_held_back_by_a_backward_jump(
    harness: Harness,
) -> None:
    h = harness
    order_id = h.shop.create_order("paid")
    plan = h.runner.prepare_approve(h.request_for(order_id), SuggestedAction())
    other = ActionRunner(h.db, h.client, "Ida", clock=h.clock.now, monotonic=h.clock.monotonic)
    other.enqueue(plan)
    other.close()
    h.jump = -HOUR  # its due time is now further ahead than any undo window: due
    [outcome] = h.runner.run_due()
    assert outcome.status is OutcomeStatus.DONE, outcome.message


def test_a_first_cancel_that_ends_while_the_order_is_checked_again_still_refunds_the_fee(
    hand_shop: DemoShop, actions_db: Database
) -> None:
    """The process died with the cancel's answer. The next one finds no cancel on the order
    within the grace and checks the order again before resending, and Shopify's first job
    ends in between: that cancel is ours, not a conflict, and the fee refund follows."""
    hand_shop.service.cancel_job_delay = 5.0  # the grace is 1 s
    h = Harness(hand_shop, actions_db, 1)
    order_id, request_id, plan = _fee_plan(h)
    crash_at(h, plan, "cancel:response")  # sent and answered; the job id died with it
    clock = h.clock

    class JobEndsDuringTheCheck(ActionRunner):
        def verify(self, plan: ActionPlan) -> Recheck:
            clock.advance(5.0)  # the first job is done when the shop reads the order
            return super().verify(plan)

    def wait(seconds: float) -> bool:
        clock.advance(seconds)
        return False

    runner = JobEndsDuringTheCheck(
        h.db,
        h.client,
        "Ida",
        clock=h.now,
        monotonic=clock.monotonic,
        wait=wait,
        backoff=Backoff(first=0.05, cap=0.5, deadline=30.0),
        cancel_grace=timedelta(seconds=1),
    )
    [outcome] = runner.reconcile_unfinished()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    _refunded_once(h, order_id, request_id, plan)
    runner.close()
    h.close()
