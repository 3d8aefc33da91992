"""session/bulk.py `BulkRun`, Qt-free: which order starts next, Stop, and how each one ended,
with every order carried out by the runner against the demo shop (as the window's worker
pool does, one task per order)."""

from __future__ import annotations

from actions_harness import Harness

from cancelapp.domain.verdict import SuggestedAction
from cancelapp.session.bulk import AT_ONCE, BulkKind, BulkPlan, BulkRun, OrderState


def bulk_of(h: Harness, statuses: list[str]) -> tuple[BulkPlan, list[str]]:
    orders = [h.shop.create_order(status) for status in statuses]
    plans, refused, summary = h.runner.prepare_bulk(
        [(h.request_for(order), SuggestedAction()) for order in orders]
    )
    assert refused == []
    return BulkPlan(BulkKind.APPROVE, tuple(plans), (), summary, "version = 1"), orders


def test_at_most_two_in_flight_and_each_order_refunded_once(harness: Harness) -> None:
    h = harness
    bulk, orders = bulk_of(h, ["paid"] * 5)
    run = BulkRun(bulk)
    first = run.next_orders()
    assert first == [0, 1] and run.in_flight == AT_ONCE == 2
    assert run.next_orders() == []  # full: nothing more starts until one comes back
    started = list(first)
    while not run.done:
        index = started.pop(0)
        run.finished(index, h.runner.execute(run.orders[index].plan))
        assert run.in_flight < AT_ONCE
        started += run.next_orders()
        assert run.in_flight <= AT_ONCE
    assert [o.state for o in run.orders] == [OrderState.DONE] * 5
    for order in orders:
        assert len([r for r in h.shop.ledger.refunds if r.order_id == order]) == 1


def test_stop_starts_nothing_new_and_the_sent_ones_finish(harness: Harness) -> None:
    h = harness
    bulk, orders = bulk_of(h, ["paid"] * 4)
    run = BulkRun(bulk)
    sent = run.next_orders()
    run.stop()
    assert run.next_orders() == [] and not run.done
    for index in sent:
        run.finished(index, h.runner.execute(run.orders[index].plan))
    assert run.done
    assert run.count(OrderState.DONE) == 2 and run.count(OrderState.NOT_STARTED) == 2
    refunded = {r.order_id for r in h.shop.ledger.refunds}
    assert refunded & set(orders) == {run.orders[i].plan.order_id for i in sent}


def test_a_failed_order_says_why_and_the_others_go_on(harness: Harness) -> None:
    h = harness
    bulk, orders = bulk_of(h, ["paid", "paid", "paid"])
    h.shop.fulfil(orders[0])  # shipped after the confirmation: a conflict, nothing sent
    run = BulkRun(bulk)
    pending = run.next_orders()
    while pending:
        index = pending.pop(0)
        run.finished(index, h.runner.execute(run.orders[index].plan))
        pending += run.next_orders()
    assert [o.state for o in run.orders] == [OrderState.FAILED, OrderState.DONE, OrderState.DONE]
    assert run.orders[0].why
    assert [r for r in h.shop.ledger.refunds if r.order_id == orders[0]] == []
