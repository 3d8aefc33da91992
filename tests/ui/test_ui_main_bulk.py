"""The real window against the demo shop: choose several requests, approve or decline them at
once, stop half-way."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.actions import Outcome
from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop, Fault
from cancelapp.domain.request import RequestState
from cancelapp.session import bulk as bulk_session
from cancelapp.session.bulk import AT_ONCE, BulkRun, OrderState
from cancelapp.session.refresh import StoreSession
from cancelapp.store.journal import list_decisions
from cancelapp.ui.detail.action_dialogs import TextDialog
from cancelapp.ui.dialogs.bulk_dialogs import BulkConfirmDialog, BulkProgressDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.bulk_steps import (
    approve_chosen,
    choose,
    confirm,
    decline_chosen,
    open_bulk,
    order_of,
    run_to_end,
)
from fixtures.main_window import WAIT, open_approve, open_window, show_request
from fixtures.queue_rows import rows_with

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def context(bare_context: AppContext, request: pytest.FixtureRequest) -> AppContext:
    """No undo window unless a test parametrizes one (`indirect`), in seconds."""
    seconds = getattr(request, "param", 0)
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=seconds)
    return bare_context


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    shop = make_demo_shop(size=40, bucket_size=100_000, restore_rate=100_000)
    for _ in range(3):  # enough paid orders that the policy approves
        shop.add_cancel_request(shop.create_order("paid"), "Please cancel, ordered twice.")
    return shop


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, demo_shop: DemoShop) -> Iterator[MainWindow]:
    connect_demo(context, demo_shop)
    window = open_window(qtbot, context)  # the first connect's backfill included
    window.queue.show_tab(Tab.NEEDS_DECISION)
    yield window
    window.close()


def test_approve_selected_refunds_each_approved_order_once_and_leaves_review_alone(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    window.queue.show_tab(Tab.APPROVE)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    in_tab = {window.model.request_id_at(row) for row in range(window.model.rowCount())}
    assert set(window.queue.selected_request_ids()) == in_tab  # Ctrl+A: the whole tab
    assert len(in_tab) == window.model.counts()[Tab.APPROVE] > 3
    window.queue.show_tab(Tab.NEEDS_DECISION)
    approve = rows_with(window, "approve", "PAID")[:3]
    review = rows_with(window, "review")[:1]
    assert len(approve) == 3 and review
    *approved, (_rid, review_gid, review_name) = choose(qtbot, window, [*approve, *review])
    refunds_before = {gid: demo_shop.ledger.refunded_total(gid) for _r, gid, _n in approved}
    assert set(refunds_before.values()) == {0}

    dialog = open_bulk(qtbot, window, Qt.Key.Key_A)
    assert isinstance(dialog, BulkConfirmDialog)
    rows = dict(dialog.rows())
    assert rows["Orders"] == "3"
    summary = dialog.bulk.summary
    assert len(summary.refund_totals) == 1  # the demo shop's orders are all in DKK
    assert rows["Refund in total"] == window.formatter.money(summary.refund_totals[0])
    totals = sum(p.refund_total.amount for p in dialog.bulk.plans if p.refund_total)
    assert summary.refund_totals[0].amount == totals > 0
    assert int(rows["Units restocked"]) == dialog.bulk.summary.units_restocked > 0
    assert rows["Emailed by Shopify"] == "3"
    assert "Not emailed" not in rows and not dialog.no_reply_label.isVisible()
    assert len(dialog.left_out_lines) == 1 and dialog.left_out_lines[0].startswith(review_name)
    assert "Review" in dialog.left_out_lines[0]
    assert f"Sent {AT_ONCE} orders at a time" in dialog.pace_label.text()
    assert "Sent as soon as you confirm" in dialog.undo_label.text()  # no undo window

    run, progress = run_to_end(qtbot, window, dialog)
    assert [o.state for o in run.orders] == [OrderState.DONE] * 3
    assert progress.summary.text() == "3 succeeded"
    assert progress.close_button.isEnabled() and not progress.stop_button.isEnabled()
    for _rid, gid, _name in approved:  # each refunded exactly once, in full, and cancelled
        refunds = [r for r in demo_shop.ledger.refunds if r.order_id == gid]
        assert len(refunds) == 1
        assert demo_shop.order(gid).cancelled_at is not None
    assert [r for r in demo_shop.ledger.refunds if r.order_id == review_gid] == []
    assert demo_shop.order(review_gid).cancelled_at is None
    with window.context.database.reading() as conn:  # each decided under the policy shown
        snapshots = [[d.policy_snapshot for d in list_decisions(conn, rid)] for rid, *_ in approved]
    assert all(s and s[-1] and s[-1]["policy"] == run.bulk.policy_snapshot for s in snapshots)
    for rid, _gid, _name in approved:
        qtbot.waitUntil(lambda rid=rid: window.model.row_of(rid) is None, timeout=WAIT)
    window.queue.show_tab(Tab.DONE)  # each order read again after its action: cancelled
    for rid, _gid, _name in approved:
        qtbot.waitUntil(
            lambda rid=rid: (
                (row := window.model.row_of(rid)) is not None
                and window.model.queue_row(row).cancelled == 1
            ),
            timeout=WAIT,
        )


def test_stop_starts_no_new_order_and_lets_the_sent_ones_finish(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    approve = rows_with(window, "approve", "PAID")[:4]
    assert len(approve) == 4
    orders, dialog = approve_chosen(qtbot, window, approve)
    started: list[int] = []
    window.bulk.sending.connect(lambda rid, on: started.append(rid) if on else None)
    # Stop as soon as the first order comes back: before the next one would start.
    progress: list[BulkProgressDialog] = []
    window.bulk.order_finished.connect(
        lambda _rid, _o: progress[0].stop_button.click() if progress else None
    )
    with qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished:
        progress.append(confirm(qtbot, window, dialog))
    run = finished.args[0]
    assert len(started) == AT_ONCE  # the two sent before Stop, and no other
    states = [o.state for o in run.orders]
    assert states == [OrderState.DONE] * AT_ONCE + [OrderState.NOT_STARTED] * (4 - AT_ONCE)
    assert progress[0].summary.text() == "2 succeeded · 2 not started"
    sent = {plan.order_id for plan in (o.plan for o in run.orders[:AT_ONCE])}
    for _rid, gid, _name in orders:
        refunds = [r for r in demo_shop.ledger.refunds if r.order_id == gid]
        assert len(refunds) == (1 if gid in sent else 0)
        assert (demo_shop.order(gid).cancelled_at is not None) == (gid in sent)


def test_decline_selected_with_one_reason(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    chosen = [*rows_with(window, "approve", "PAID")[:1], *rows_with(window, "review")[:1]]
    assert len(chosen) == 2
    orders = choose(qtbot, window, chosen)
    dialog = decline_chosen(qtbot, window, "Already on its way, sorry.")
    rows = dict(dialog.rows())
    assert rows["Orders"] == "2" and rows["Reason"] == "Already on its way, sorry."
    assert "Refund in total" not in rows and dialog.left_out_lines == []
    run, _progress = run_to_end(qtbot, window, dialog)
    assert [o.state for o in run.orders] == [OrderState.DONE] * 2
    for rid, gid, _name in orders:
        assert demo_shop.order(gid).cancelled_at is None
        assert [r for r in demo_shop.ledger.refunds if r.order_id == gid] == []
        note = demo_shop.order(gid).note or ""
        assert "Already on its way, sorry." in note
        qtbot.waitUntil(lambda rid=rid: window.model.row_of(rid) is None, timeout=WAIT)


def test_approve_selected_asks_the_warehouse_first_for_orders_it_holds(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """An order a fulfillment service accepted is listed as "the warehouse must agree first"
    and, confirmed, the warehouse is asked (nothing refunded) and the request waits for its
    answer, while the other orders are cancelled and refunded as usual."""
    demo_shop.set_fulfillment_service_answer("none")  # it answers when a test says so
    at_service = demo_shop.create_order("third_party_accepted")
    demo_shop.add_cancel_request(at_service, "Please cancel, I ordered twice.")
    window.sync_now()

    def service_row_judged() -> int | None:
        """The new request's row once the sync brought it in and judged it (rows merge as
        they are found, which may be after the sync that found them says it finished)."""
        request_id = window.model.request_of_order(at_service)
        row = window.model.row_of(request_id) if request_id is not None else None
        if row is None:
            return None
        verdict = window.model.index(row, Column.VERDICT).data(OUTCOME_ROLE)
        return row if verdict == "review" else None

    qtbot.waitUntil(lambda: service_row_judged() is not None, timeout=WAIT)
    service_row = service_row_judged()
    assert service_row is not None
    approve = rows_with(window, "approve", "PAID")[:1]
    orders, dialog = approve_chosen(qtbot, window, [*approve, service_row])
    (_rid, paid_gid, _name), (service_rid, _gid, service_name) = orders
    rows = dict(dialog.rows())
    assert rows["Orders"] == "1" and rows["Warehouse asked first"] == "1"
    assert dialog.warehouse_lines == [service_name] and dialog.left_out_lines == []
    assert dialog.warehouse_label is not None
    assert "The warehouse must agree first" in dialog.warehouse_label.text()
    [planned] = dialog.bulk.summary.refund_totals  # the held order refunds nothing now
    assert planned == dialog.bulk.plans[0].refund_total

    run, progress = run_to_end(qtbot, window, dialog)
    assert [o.state for o in run.orders] == [OrderState.DONE] * 2
    assert progress.orders.item(1).text() == (
        f"{service_name}: asked the warehouse; waiting for its answer"
    )
    statuses = {fo.request_status for fo in demo_shop.order(at_service).fulfillment_orders}
    assert statuses == {"CANCELLATION_REQUESTED"}
    assert demo_shop.order(at_service).cancelled_at is None
    assert [r for r in demo_shop.ledger.refunds if r.order_id == at_service] == []
    assert demo_shop.order(paid_gid).cancelled_at is not None
    # The request waits for the warehouse's answer, in the queue and in the detail pane.
    qtbot.waitUntil(
        lambda: (
            (row := window.model.row_of(service_rid)) is not None
            and window.model.index(row, Column.ACTION).data() == "Asked the warehouse"
        ),
        timeout=WAIT,
    )
    show_request(qtbot, window, service_rid)
    assert window.detail.warehouse.text() == "Waiting for the warehouse to agree to cancel."


def test_decline_selected_counts_the_reason_and_says_who_is_not_emailed(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """A request made in Shopify among the selected: the reason is counted against what
    Shopify takes, as in a single decline, never cut; the confirmation says who Shopify
    emails and that the others get no email, and how to reply to them."""
    in_shopify = demo_shop.create_order("paid")
    edit = demo_shop.add_requested_edit(in_shopify)
    by_tag = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(by_tag, "Please cancel")
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.commands.sync.trigger()
    ids = [window.model.request_of_order(gid) for gid in (in_shopify, by_tag)]
    qtbot.waitUntil(lambda: all(window.model.row_of(rid or 0) is not None for rid in ids))
    choose(qtbot, window, [window.model.row_of(rid or 0) or 0 for rid in ids])

    reason_dialog = open_bulk(qtbot, window, Qt.Key.Key_D)
    assert isinstance(reason_dialog, TextDialog)
    assert reason_dialog.limit == 500 and reason_dialog.counter.isVisible()
    reason_dialog.editor.setPlainText("x" * 600)  # a paste longer than Shopify takes
    assert reason_dialog.editor.toPlainText() == "x" * 600  # kept as pasted
    assert reason_dialog.counter.text() == "600 of 500 characters"
    assert not reason_dialog.confirm_button.isEnabled()
    assert reason_dialog.too_long.isVisible()
    assert "Shorten the text by 100" in reason_dialog.too_long.text()
    reason = "Sorry: it is packed and leaves today. " * 12  # 456 characters
    reason_dialog.editor.setPlainText(reason)
    assert reason_dialog.confirm_button.isEnabled() and not reason_dialog.too_long.isVisible()
    with qtbot.waitSignal(window.bulk.dialog_opened, timeout=WAIT) as opened:
        reason_dialog.confirm_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, BulkConfirmDialog)
    rows = dict(dialog.rows())
    assert rows["Orders"] == "2" and dialog.left_out_lines == []
    assert rows["Emailed by Shopify"] == "1" and rows["Not emailed"] == "1"
    assert dialog.no_reply_label.isVisible()
    assert "Not emailed will not be told by email" in dialog.no_reply_label.text()
    assert "decide those requests one at a time" in dialog.no_reply_label.text()
    run, _progress = run_to_end(qtbot, window, dialog)
    assert [o.state for o in run.orders] == [OrderState.DONE] * 2
    (declined,) = demo_shop.order(in_shopify).requested_edits
    assert edit.endswith(f"/{declined.id}")
    assert (declined.status, declined.decline_note) == ("DECLINED", reason.strip())


def queue_in_window(
    qtbot: QtBot, window: MainWindow, dialog: BulkConfirmDialog
) -> tuple[list[Outcome], list[str]]:
    """Confirm a bulk under an undo window: the outcomes of its orders, all queued, and what
    the status bar said meanwhile."""
    said: list[str] = []
    window.bulk.notice.connect(lambda text, _ms: said.append(text))
    outcomes: list[Outcome] = []
    window.bulk.order_finished.connect(
        lambda _rid, outcome: outcomes.append(outcome) if outcome is not None else None
    )
    with qtbot.waitSignal(window.bulk.undo_changed, timeout=WAIT):
        dialog.confirm_button.click()
    assert [o.status.value for o in outcomes] == ["queued"] * len(dialog.bulk.plans)
    assert window.commands.undo.isEnabled() and window.bulk.progress is None
    return outcomes, said


def undo_bulk(qtbot: QtBot, window: MainWindow) -> BulkRun:
    """Ctrl+Z on the queue, as a merchant presses it: the bulk as it ended."""
    with qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    run = finished.args[0]
    assert isinstance(run, BulkRun)
    return run


def back_in_needs_decision(qtbot: QtBot, window: MainWindow, request_ids: list[int]) -> None:
    """The requests taken back wait for a decision again, as after a single undo."""
    window.queue.show_tab(Tab.NEEDS_DECISION)
    for rid in request_ids:
        qtbot.waitUntil(lambda rid=rid: window.model.row_of(rid) is not None, timeout=WAIT)
        show_request(qtbot, window, rid)
        detail = window.current_detail()
        assert detail is not None and detail.request.state is RequestState.OPEN
        assert not detail.busy


@pytest.mark.parametrize("context", [600], indirect=True)
def test_one_undo_takes_back_a_whole_bulk_approve_before_its_window_ends(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    approve = rows_with(window, "approve", "PAID")[:3]
    assert len(approve) == 3
    orders, dialog = approve_chosen(qtbot, window, approve)
    assert "undo window of 600 s" in dialog.undo_label.text()
    assert "one Undo (Ctrl+Z) takes back all of them" in dialog.undo_label.text()

    outcomes, said = queue_in_window(qtbot, window, dialog)
    due = max(o.due_at for o in outcomes if o.due_at is not None)
    line = f"3 orders: sent at {window.formatter.clock_time(due)} unless you undo them (Ctrl+Z)."
    assert said == [line] and window.status.currentMessage() == line
    for rid, _gid, _name in orders:  # queued: handled, out of Needs decision
        qtbot.waitUntil(lambda rid=rid: window.model.row_of(rid) is None, timeout=WAIT)

    run = undo_bulk(qtbot, window)
    assert [o.state for o in run.orders] == [OrderState.TAKEN_BACK] * 3
    assert said[-1] == "Took back 3 decisions."
    assert window.status.currentMessage() == "Took back 3 decisions."
    assert not window.commands.undo.isEnabled() and not window.bulk.busy
    session = window.session
    assert session is not None and session.runner.queued() == []  # nothing left to go
    for _rid, gid, _name in orders:
        assert demo_shop.order(gid).cancelled_at is None
        assert [r for r in demo_shop.ledger.refunds if r.order_id == gid] == []
    back_in_needs_decision(qtbot, window, [rid for rid, _gid, _name in orders])


@pytest.mark.parametrize("context", [1], indirect=True)
def test_a_bulk_approve_is_sent_once_its_undo_window_is_over(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    approve = rows_with(window, "approve", "PAID")[:3]
    orders, dialog = approve_chosen(qtbot, window, approve)
    untouched: list[bool] = []  # Shopify, as each order was queued
    window.bulk.order_finished.connect(
        lambda _rid, _o: untouched.append(
            all(demo_shop.order(gid).cancelled_at is None for _r, gid, _n in orders)
        )
    )
    said_when_sending: list[str] = []  # the status line as the progress opens
    window.bulk.dialog_opened.connect(
        lambda _d: said_when_sending.append(window.status.currentMessage())
    )
    with qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished:
        queue_in_window(qtbot, window, dialog)
    assert untouched[:3] == [True] * 3
    assert said_when_sending and "unless you undo" not in said_when_sending[0]
    run = finished.args[0]
    assert [o.state for o in run.orders] == [OrderState.DONE] * 3
    progress = window.bulk.progress
    assert progress is not None and progress.summary.text() == "3 succeeded"
    for rid, gid, _name in orders:  # each cancelled and refunded once
        assert demo_shop.order(gid).cancelled_at is not None
        assert len([r for r in demo_shop.ledger.refunds if r.order_id == gid]) == 1
        qtbot.waitUntil(lambda rid=rid: window.model.row_of(rid) is None, timeout=WAIT)
    with window.context.database.reading() as conn:  # decided under the policy shown
        snapshots = [[d.policy_snapshot for d in list_decisions(conn, rid)] for rid, *_ in orders]
    assert all(s and s[-1] and s[-1]["policy"] == run.bulk.policy_snapshot for s in snapshots)
    session = window.session
    assert session is not None and session.runner.run_due() == []  # none left to send again


@pytest.mark.parametrize("context", [600], indirect=True)
def test_one_undo_takes_back_a_bulk_decline(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    chosen = [*rows_with(window, "approve", "PAID")[:1], *rows_with(window, "review")[:1]]
    assert len(chosen) == 2
    orders = choose(qtbot, window, chosen)
    notes = {gid: demo_shop.order(gid).note for _rid, gid, _name in orders}
    dialog = decline_chosen(qtbot, window, "Already on its way, sorry.")
    _outcomes, said = queue_in_window(qtbot, window, dialog)
    assert said[0].startswith("2 orders: sent at ")
    run = undo_bulk(qtbot, window)
    assert [o.state for o in run.orders] == [OrderState.TAKEN_BACK] * 2
    assert said[-1] == "Took back 2 decisions."
    for _rid, gid, _name in orders:  # nothing reached Shopify: no note, no cancel
        assert demo_shop.order(gid).note == notes[gid]
        assert demo_shop.order(gid).cancelled_at is None
    back_in_needs_decision(qtbot, window, [rid for rid, _gid, _name in orders])


@pytest.mark.parametrize("context", [1], indirect=True)
def test_a_bulk_whose_window_ends_offline_waits_for_shopify_and_is_sent_once(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    approve = rows_with(window, "approve", "PAID")[:2]
    orders, dialog = approve_chosen(qtbot, window, approve)
    with qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished:
        queue_in_window(qtbot, window, dialog)
        demo_shop.faults.at_rate(Fault.drop(), 1.0)  # Shopify out of reach at the window's end
    run = finished.args[0]
    assert [o.state for o in run.orders] == [OrderState.DONE] * 2
    progress = window.bulk.progress
    assert progress is not None
    names = [name for _rid, _gid, name in orders]
    lines = [progress.orders.item(i).text() for i in range(2)]
    assert lines == [f"{name}: queued until Shopify can be reached" for name in names]
    assert window.status.online is False  # said at once, as for a single decision
    assert all(demo_shop.order(gid).cancelled_at is None for _r, gid, _n in orders)

    demo_shop.faults.clear()
    window.sync_now()  # Shopify answers again: the queued orders go, each once
    for _rid, gid, _name in orders:
        qtbot.waitUntil(lambda gid=gid: demo_shop.order(gid).cancelled_at is not None, timeout=WAIT)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: session.runner.queued() == [], timeout=WAIT)
    for _rid, gid, _name in orders:
        assert len([r for r in demo_shop.ledger.refunds if r.order_id == gid]) == 1


@pytest.mark.parametrize("context", [1], indirect=True)
def test_stop_after_the_undo_window_takes_back_the_orders_not_started(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """Stopped, the orders still queued never go: not later, not after a restart."""
    approve = rows_with(window, "approve", "PAID")[:4]
    assert len(approve) == 4
    orders, dialog = approve_chosen(qtbot, window, approve)
    window.bulk.order_finished.connect(
        lambda _rid, o: (
            window.bulk.progress.stop_button.click()
            if o is not None and o.status.value == "done" and window.bulk.progress
            else None
        )
    )
    with qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished:
        queue_in_window(qtbot, window, dialog)
    run = finished.args[0]
    states = [o.state for o in run.orders]
    assert states == [OrderState.DONE] * AT_ONCE + [OrderState.NOT_STARTED] * (4 - AT_ONCE)
    stopped = [
        rid
        for (rid, _g, _n), o in zip(orders, run.orders, strict=True)
        if o.action_id and o.state is OrderState.NOT_STARTED
    ]
    back_in_needs_decision(qtbot, window, stopped)
    session = window.session
    assert session is not None and session.runner.queued() == []
    sent = {o.plan.order_id for o in run.orders[:AT_ONCE]}
    for _rid, gid, _name in orders:
        refunds = [r for r in demo_shop.ledger.refunds if r.order_id == gid]
        assert len(refunds) == (1 if gid in sent else 0)


@pytest.mark.parametrize("context", [1], indirect=True)
def test_an_order_stop_kept_from_shopify_reads_not_sent_not_undone(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """Stop while the first two orders hang at Shopify: the third, queued and never sent,
    read "Undone" in the Action column, as if Undo had taken it back in its window. It says
    what happened, and the request is back in Needs decision."""
    approve = rows_with(window, "approve", "PAID")[:3]
    orders, dialog = approve_chosen(qtbot, window, approve)
    before = {gid: demo_shop.order(gid).updated_at for _rid, gid, _name in orders}
    gate = threading.Event()
    demo_shop.faults.inject(Fault.held(gate), operation="OrderCancel", times=AT_ONCE)
    try:
        with qtbot.waitSignal(window.bulk.dialog_opened, timeout=WAIT) as opened:
            queue_in_window(qtbot, window, dialog)  # the progress opens as the window ends
        progress = opened.args[0]
        assert isinstance(progress, BulkProgressDialog)
        run = progress.run
        qtbot.waitUntil(lambda: run.in_flight == AT_ONCE, timeout=WAIT)
        with qtbot.waitSignal(window.bulk.finished, timeout=WAIT):
            progress.stop_button.click()
            gate.set()  # Shopify answers the two on their way
    finally:
        gate.set()
    assert [o.state for o in run.orders] == [OrderState.DONE] * AT_ONCE + [OrderState.NOT_STARTED]
    stopped = run.orders[AT_ONCE].plan
    assert stopped.request_id is not None
    back_in_needs_decision(qtbot, window, [stopped.request_id])
    row = window.model.row_of(stopped.request_id)
    assert row is not None
    assert window.model.index(row, Column.ACTION).data() == "Not sent (stopped)"
    timeline = window.detail.timeline.text()  # its record says so too
    assert "Cancel: not sent, you pressed Stop" in timeline and "taken back" not in timeline
    order = demo_shop.order(stopped.order_id)  # Shopify saw nothing of it: not touched at all
    assert order.updated_at == before[stopped.order_id] and order.cancelled_at is None
    assert [r for r in demo_shop.ledger.refunds if r.order_id == stopped.order_id] == []
    assert all(demo_shop.order(o.plan.order_id).cancelled_at for o in run.orders[:AT_ONCE])


@pytest.mark.parametrize("context", [600], indirect=True)
def test_undo_takes_back_the_newest_first_a_bulk_then_a_single_decision(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    single, *bulk = rows_with(window, "approve", "PAID")[:3]
    single_rid, single_gid, _name = order_of(window, single)
    in_bulk = [order_of(window, row) for row in bulk]
    approve = open_approve(qtbot, window, single_gid)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        approve.confirm_button.click()
    window.queue.show_tab(Tab.NEEDS_DECISION)
    rows = [window.model.row_of(rid) for rid, _gid, _name in in_bulk]
    _orders, dialog = approve_chosen(qtbot, window, [row for row in rows if row is not None])
    queue_in_window(qtbot, window, dialog)

    run = undo_bulk(qtbot, window)  # the bulk, queued last, goes first
    assert [o.state for o in run.orders] == [OrderState.TAKEN_BACK] * 2
    assert window.commands.undo.isEnabled()  # the single approval is still in its window
    session = window.session
    assert session is not None
    assert [e.plan.order_id for e in session.runner.queued()] == [single_gid]
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        qtbot.keyClick(window.queue.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.runner.queued() == [] and not window.commands.undo.isEnabled()
    back_in_needs_decision(qtbot, window, [single_rid, *(rid for rid, _g, _n in in_bulk)])
    assert not [r for r in demo_shop.ledger.refunds if r.order_id == single_gid]


@pytest.mark.parametrize("context", [600], indirect=True)
def test_an_undo_that_finds_an_order_already_sent_says_so_and_takes_back_the_rest(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """The undo racing an order's sending: each order is either taken back or reported as
    sent, never both."""
    approve = rows_with(window, "approve", "PAID")[:3]
    orders, dialog = approve_chosen(qtbot, window, approve)
    outcomes, _said = queue_in_window(qtbot, window, dialog)
    session = window.session
    assert session is not None and outcomes[0].action_id is not None
    sent = session.runner.send_queued(outcomes[0].action_id)  # it left just before the undo
    assert sent is not None and sent.status.value == "done", sent
    run = undo_bulk(qtbot, window)
    assert [o.state for o in run.orders] == [OrderState.DONE] + [OrderState.TAKEN_BACK] * 2
    assert window.banner.text == "Took back 2; 1 was already sent."
    assert window.status.currentMessage() == ""  # no longer "sent at … unless you undo"
    (_rid, first, _name), *rest = orders
    assert len([r for r in demo_shop.ledger.refunds if r.order_id == first]) == 1
    for _rid, gid, _name in rest:
        assert demo_shop.order(gid).cancelled_at is None
    back_in_needs_decision(qtbot, window, [rid for rid, _gid, _name in rest])
    assert session.runner.queued() == []


def locked_once(monkeypatch: pytest.MonkeyPatch, which: int) -> None:
    """The `which`-th take-back (from 1) finds the database locked; the others go through."""
    real = bulk_session.take_back
    calls: list[int] = []

    def take_back(
        session: StoreSession, action_id: int, request_id: int, *, stopped: bool = False
    ) -> bool:
        calls.append(action_id)
        if len(calls) == which:
            raise sqlite3.OperationalError("database is locked")
        return real(session, action_id, request_id, stopped=stopped)

    monkeypatch.setattr(bulk_session, "take_back", take_back)


def store_held(window: MainWindow) -> bool:
    """No switching, removing or connecting a store, and the switcher says why."""
    combo = window.store_switcher.combo
    held = not combo.isEnabled() and "bulk action is under way" in combo.toolTip()
    commands = window.commands
    assert held is not (commands.remove_store.isEnabled() or commands.connect_store.isEnabled())
    return held


@pytest.mark.parametrize("context", [600], indirect=True)
def test_an_undo_the_database_refuses_in_part_keeps_that_order_waiting_for_undo_again(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order the database would not take back is never sent, now or at the next start:
    the bulk waits, Undo stays on, and pressing it again takes the order back."""
    approve = rows_with(window, "approve", "PAID")[:3]
    orders, dialog = approve_chosen(qtbot, window, approve)
    outcomes, _said = queue_in_window(qtbot, window, dialog)
    assert store_held(window)
    ids = [o.action_id for o in outcomes]
    session = window.session
    assert session is not None
    locked_once(monkeypatch, 2)
    with qtbot.waitSignal(window.bulk.problem, timeout=WAIT):
        qtbot.keyClick(window.queue.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.banner.text == "1 could not be taken back; press Undo again."
    assert "database is locked" in window.banner.details.text()
    assert window.status.currentMessage() == "Took back 2 decisions."
    assert window.commands.undo.isEnabled() and window.bulk.busy and store_held(window)
    assert [e.action_id for e in session.runner.queued()] == [ids[1]]
    assert session.runner._held == {ids[1]}  # the two taken back are no longer held
    assert session.runner.run_due() == []  # nothing sends the one left
    window.close()  # quitting would send it at the next start: Undo is asked for first
    assert window.isVisible() and window.banner.text.startswith(
        "Some orders of your bulk action could not be taken back yet: press Undo (Ctrl+Z)"
    )

    monkeypatch.undo()
    run = undo_bulk(qtbot, window)
    assert [o.state for o in run.orders] == [OrderState.TAKEN_BACK] * 3
    assert window.status.currentMessage() == "Took back 1 decision."
    assert window.banner.isHidden()  # "could not be taken back" no longer holds
    assert not window.commands.undo.isEnabled() and not window.bulk.busy
    assert not store_held(window)
    assert session.runner.queued() == [] and session.runner._held == set()
    for _rid, gid, _name in orders:
        assert demo_shop.order(gid).cancelled_at is None
        assert [r for r in demo_shop.ledger.refunds if r.order_id == gid] == []
    back_in_needs_decision(qtbot, window, [rid for rid, _gid, _name in orders])


@pytest.mark.parametrize("context", [1], indirect=True)
def test_an_order_stop_could_not_take_back_waits_for_undo_and_is_never_sent(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop, monkeypatch: pytest.MonkeyPatch
) -> None:
    approve = rows_with(window, "approve", "PAID")[:4]
    orders, dialog = approve_chosen(qtbot, window, approve)
    locked_once(monkeypatch, 1)  # the first order Stop takes back
    window.bulk.order_finished.connect(
        lambda _rid, o: (
            window.bulk.progress.stop_button.click()
            if o is not None and o.status.value == "done" and window.bulk.progress
            else None
        )
    )
    with qtbot.waitSignal(window.bulk.problem, timeout=WAIT):
        queue_in_window(qtbot, window, dialog)
    run = window.bulk.run
    assert run is not None
    qtbot.waitUntil(lambda: run.in_flight == 0, timeout=WAIT)
    assert window.banner.text == "1 could not be taken back; press Undo again."
    progress = window.bulk.progress
    assert progress is not None and progress.close_button.isEnabled()
    assert progress.summary.text() == "2 succeeded · 1 not started · 1 still queued: press Undo"
    session = window.session
    assert session is not None and session.runner.run_due() == []
    (stuck,) = session.runner.queued()
    progress.close_button.click()  # Undo is in the window
    assert window.commands.undo.isEnabled() and window.bulk.busy
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)  # the keys reach it again

    monkeypatch.undo()
    run = undo_bulk(qtbot, window)
    states = [o.state for o in run.orders]
    assert states == [OrderState.DONE] * 2 + [OrderState.TAKEN_BACK, OrderState.NOT_STARTED]
    assert run.orders[2].action_id == stuck.action_id
    assert session.runner.queued() == [] and not window.bulk.busy
    sent = {o.plan.order_id for o in run.orders[:AT_ONCE]}
    for _rid, gid, _name in orders:
        refunds = [r for r in demo_shop.ledger.refunds if r.order_id == gid]
        assert len(refunds) == (1 if gid in sent else 0)


@pytest.mark.parametrize("context", [1], indirect=True)
def test_a_bulk_order_held_up_by_another_action_is_queued_not_failed_nor_offline(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    approve = rows_with(window, "approve", "PAID")[:2]
    orders, dialog = approve_chosen(qtbot, window, approve)
    (_rid, first, name), (_rid2, second, _name2) = orders
    session = window.session
    assert session is not None
    held: list[bool] = []  # the store, as each order ended
    window.bulk.order_finished.connect(lambda _rid, _o: held.append(store_held(window)))
    with (
        session.runner._order_lock(first),  # another action for it is on its way
        qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished,
    ):
        queue_in_window(qtbot, window, dialog)
    run = finished.args[0]
    assert [o.state for o in run.orders] == [OrderState.DONE] * 2
    progress = window.bulk.progress
    assert progress is not None
    assert progress.orders.item(0).text() == (
        f"{name}: queued (Another action for this order is on its way; sent after it.)"
    )
    assert window.status.online is not False  # Shopify answered: not offline
    assert held and all(held) and not store_held(window)
    assert demo_shop.order(first).cancelled_at is None
    assert demo_shop.order(second).cancelled_at is not None
    [sent] = session.runner.run_due()  # the other action done: it goes, once
    assert sent.order_id == first and sent.status.value == "done", sent
    assert len([r for r in demo_shop.ledger.refunds if r.order_id == first]) == 1


@pytest.mark.parametrize("context", [600], indirect=True)
def test_a_bulk_queued_in_part_whose_rollback_fails_waits_for_undo(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database gave way while the bulk was queued, and again while what it had queued
    was taken back: that order is not left to go at the next start, but waits for Undo."""
    approve = rows_with(window, "approve", "PAID")[:3]
    orders, dialog = approve_chosen(qtbot, window, approve)
    session = window.session
    assert session is not None
    runner = session.runner
    enqueue = runner.enqueue
    queued: list[int] = []

    def full_on_the_third(*args: object, **kwargs: object) -> Outcome:
        if len(queued) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        outcome = enqueue(*args, **kwargs)
        queued.append(outcome.action_id or 0)
        return outcome

    monkeypatch.setattr(runner, "enqueue", full_on_the_third)
    locked_once(monkeypatch, 1)
    with qtbot.waitSignal(window.bulk.problem, timeout=WAIT):
        dialog.confirm_button.click()
    assert window.banner.text == (
        "The decisions could not all be queued, and 1 could not be taken back: press Undo "
        "(Ctrl+Z) to take them back."
    )
    assert "database or disk is full" in window.banner.details.text()
    assert [e.action_id for e in runner.queued()] == queued[:1]
    assert runner.run_due() == [] and window.commands.undo.isEnabled() and store_held(window)

    monkeypatch.undo()
    run = undo_bulk(qtbot, window)
    assert [o.state for o in run.orders] == [OrderState.TAKEN_BACK] + [OrderState.NOT_STARTED] * 2
    assert runner.queued() == [] and not window.bulk.busy and window.banner.isHidden()
    assert all(demo_shop.order(gid).cancelled_at is None for _r, gid, _n in orders)
    back_in_needs_decision(qtbot, window, [rid for rid, _gid, _name in orders])


def test_a_bulk_order_shopify_does_not_answer_is_said_and_stop_lets_the_dialog_close(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """The last walkthrough: Shopify stopped answering during a bulk approve, and the dialog
    sat at "sending…" with the status bar Online, and could not close until it answered.
    Now: past a merchant's patience the dialog says so and the window goes offline; Stop
    takes back the orders not started and lets the dialog close, while the ones on their
    way finish in the background, once each, into the queue."""
    approve = rows_with(window, "approve", "PAID")[:3]
    assert len(approve) == 3
    orders = choose(qtbot, window, approve)
    session = window.session
    assert session is not None
    session.client.merchant_patience = 0.2  # a merchant's 20 s, shortened
    # Both orders on their way are cancelled in Shopify, whose answers are late.
    demo_shop.faults.inject(Fault.latency(3.0), operation="OrderCancel", times=AT_ONCE)
    dialog = open_bulk(qtbot, window, Qt.Key.Key_A)
    assert isinstance(dialog, BulkConfirmDialog)
    progress = confirm(qtbot, window, dialog)
    qtbot.waitUntil(lambda: progress.waiting.isVisible(), timeout=WAIT)
    words = progress.waiting.text()
    assert words.startswith("Shopify has not answered for ")
    assert f"{orders[0][2]}, {orders[1][2]} are on their way, the rest wait." in words
    assert window.status.online is False  # as a single decision's unanswered read says
    assert not progress.close_button.isEnabled()

    progress.stop_button.click()
    qtbot.waitUntil(progress.close_button.isEnabled, timeout=WAIT)
    assert "finish in the background; their results will show in the queue" in (
        progress.waiting.text()
    )
    assert progress.stop_button.text() == "Stopped" and not progress.stop_button.isEnabled()
    assert progress.orders.item(2).text() == f"{orders[2][2]}: Not started: you pressed Stop."
    assert window.bulk.busy  # the store stays open: no switching while they are on their way
    with qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished:
        progress.close_button.click()
        assert window.bulk.progress is None  # closed while two are on their way
    run = finished.args[0]
    states = [o.state for o in run.orders]
    assert states == [OrderState.DONE] * AT_ONCE + [OrderState.NOT_STARTED]
    sent = {o.plan.order_id for o in run.orders[:AT_ONCE]}
    for rid, gid, _name in orders:  # each sent once; the one not started, never
        refunds = [r for r in demo_shop.ledger.refunds if r.order_id == gid]
        assert len(refunds) == (1 if gid in sent else 0)
        if gid in sent:  # its result lands in the queue as usual
            qtbot.waitUntil(lambda rid=rid: window.model.row_of(rid) is None, timeout=WAIT)
    assert not window.bulk.busy


def test_a_bulk_order_waiting_for_shopifys_budget_is_not_shopify_out_of_reach(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """The bulk's orders waited in the pacer (behind a single Approve's read, or for the
    budget) and the bulk's watch counted that as Shopify's silence: the window went offline
    although Shopify answered every request at once. Only time after a request left counts."""
    choose(qtbot, window, rows_with(window, "approve", "PAID")[:1])
    session = window.session
    assert session is not None
    session.client.merchant_patience = 0.5  # a merchant's 20 s, shortened
    dialog = open_bulk(qtbot, window, Qt.Key.Key_A)
    assert isinstance(dialog, BulkConfirmDialog)
    bucket = demo_shop.bucket  # from now on, Shopify's budget is small and spent
    bucket.size, bucket.restore_rate = 1000, 250
    assert bucket.take(1000)
    offline: list[bool] = []
    window.bulk.unreachable.connect(lambda: offline.append(True))
    started = time.monotonic()
    run, progress = run_to_end(qtbot, window, dialog)
    assert time.monotonic() - started > 2 * session.client.merchant_patience  # it waited
    assert [o.state for o in run.orders] == [OrderState.DONE]
    assert offline == [] and window.status.online is not False
    assert not progress.waiting.isVisible()


def test_a_bulk_order_sent_but_unconfirmed_shows_its_final_state_once_recovered(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """The walkthrough's rows said "sent; waiting for Shopify to confirm" beside "2
    succeeded", and kept saying it after the orders were done."""
    approve = rows_with(window, "approve", "PAID")[:1]
    [(_rid, gid, _name)] = choose(qtbot, window, approve)
    # The cancel reaches Shopify; following its job fails every try: not known yet.
    session = window.session
    assert session is not None
    tries = session.client.retry.attempts  # of one read
    demo_shop.faults.inject(Fault.server_error(), operation="CancelJob", times=tries)
    dialog = open_bulk(qtbot, window, Qt.Key.Key_A)
    assert isinstance(dialog, BulkConfirmDialog)
    run, progress = run_to_end(qtbot, window, dialog)
    assert run.orders[0].outcome.status == "pending"
    row = progress.orders.item(0)
    assert row.text().endswith(": sent; waiting for Shopify to confirm")
    assert progress.summary.text() == "1 sent; Shopify has yet to confirm"
    assert window.status.online is False  # until a sync finds Shopify answering
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        window.sync_now()  # F5; the next automatic sync does the same
    qtbot.waitUntil(lambda: row.text().endswith(": done"), timeout=WAIT)
    assert progress.summary.text() == "1 succeeded"
    assert len([r for r in demo_shop.ledger.refunds if r.order_id == gid]) == 1
    assert demo_shop.order(gid).cancelled_at is not None


def test_a_bulk_order_that_fails_after_its_dialog_closed_is_said_in_the_banner(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    approve = rows_with(window, "approve", "PAID")[:1]
    [(rid, gid, name)] = choose(qtbot, window, approve)
    session = window.session
    assert session is not None
    session.client.merchant_patience = 0.2
    dialog = open_bulk(qtbot, window, Qt.Key.Key_A)
    assert isinstance(dialog, BulkConfirmDialog)
    # The re-check before the cancel reaches Shopify late; the order ships meanwhile.
    demo_shop.faults.inject(Fault.slow_arrival(2.0), operation="OrderBasis", times=1)
    progress = confirm(qtbot, window, dialog)
    qtbot.waitUntil(lambda: progress.waiting.isVisible(), timeout=WAIT)
    assert f"{name} is on its way." in progress.waiting.text()
    demo_shop.fulfil(gid)
    progress.stop_button.click()
    qtbot.waitUntil(progress.close_button.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(window.bulk.finished, timeout=WAIT) as finished:
        progress.close_button.click()
    run = finished.args[0]
    assert run.orders[0].state is OrderState.FAILED
    assert window.banner.text.startswith(f"Your bulk action: {name} failed. ")
    assert "has been shipped" in window.banner.text  # why, as the dialog would have said
    assert demo_shop.ledger.refunded_total(gid) == 0 and demo_shop.order(gid).cancelled_at is None
    assert rid in set(window.model.request_id_at(r) for r in range(window.model.rowCount()))


def test_with_several_rows_chosen_a_single_decision_is_off_and_a_does_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A with two rows chosen opened the approval of one of them only (fourth walkthrough): the
    single decisions wait until one row is chosen; the bulk commands act on the chosen rows."""
    rows = rows_with(window, "approve", "PAID")[:2]
    choose(qtbot, window, rows[:1])
    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)  # its detail read
    choose(qtbot, window, rows)
    last = window.model.request_id_at(rows[1])

    def shown() -> bool:
        detail = window.current_detail()
        return detail is not None and detail.request.id == last

    qtbot.waitUntil(shown, timeout=WAIT)  # the last one clicked is in the detail
    commands = window.commands
    assert not commands.approve.isEnabled()
    assert not commands.decline.isEnabled()
    assert not commands.hold.isEnabled()
    assert commands.approve_selected.isEnabled() and commands.decline_selected.isEnabled()
    opened: list[object] = []
    window.actions_.dialog_opened.connect(opened.append)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_A)  # a shortcut is handled in the click
    assert opened == [] and window.actions_.preparing is False
    choose(qtbot, window, rows[1:])
    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)
