"""Offline start from the cache, coming back online, new-request notices, undo in time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.actions.carry_out.plan_journal import journal_plan
from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop, Fault
from cancelapp.domain.action import ActionState
from cancelapp.domain.request import RequestState
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, NewRequestDialog
from cancelapp.ui.dialogs.audit_log_dialog import AuditLogDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def test_offline_start_shows_the_cache_and_comes_back(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    first = open_window(qtbot, context)
    cached = len(first.model.index_)
    first.close()
    shop.faults.at_rate(Fault.drop(), 1.0)
    window = open_window(qtbot, context, start=False)
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.start()
    assert changed.args == [False]
    assert len(window.model.index_) == cached  # the queue works from the cache
    assert window.status.last_sync is not None
    assert window.status.connection.text() == "\u25cb Offline: working from the cache"
    assert window.banner.text == ""  # offline is a state, not an error to dismiss
    shop.faults.clear()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()  # what the retry timer does, without waiting for it
    assert window.status.online is True
    assert "Online" in window.status.connection.text()


def test_offline_before_anything_was_read_says_so(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    shop.faults.at_rate(Fault.drop(), 1.0)
    window = open_window(qtbot, context, start=False)
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT):
        window.start()
    assert window.status.last_sync is None
    # No saved copy exists yet: the window does not claim to work from one.
    assert window.status.connection.text() == "\u25cb Offline: nothing read from Shopify yet"


def test_new_requests_notify_and_count_in_title(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = open_window(qtbot, context)
    before = window.model.counts()[Tab.NEEDS_DECISION]
    shop.add_cancel_request(shop.create_order("paid"), "Wrong size, please cancel")
    with qtbot.waitSignal(window.sync.new_requests, timeout=WAIT) as arrived:
        window.sync_now()
    assert arrived.args == [1]
    assert window.tray.last_notice is not None
    qtbot.waitUntil(lambda: window.model.counts()[Tab.NEEDS_DECISION] == before + 1)
    assert f"({before + 1})" in window.windowTitle()


def test_undo_takes_an_approval_back_before_it_is_sent(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    context.settings = replace(context.settings, undo_window_seconds=60)
    window = open_window(qtbot, context)
    window.queue.show_tab(Tab.APPROVE)
    row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
    )
    show_request(qtbot, window, window.model.request_id_at(row))  # maybe selected at start
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    order_id, request_id = detail.order.id, detail.request.id
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    notices: list[str] = []
    window.actions_.notice.connect(notices.append)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    outcome = finished.args[1]
    assert outcome.status.value == "queued" and outcome.due_at is not None
    # When it goes, as a time of day: still true however long the line stays on screen.
    due = window.formatter.clock_time(outcome.due_at)
    assert f"{outcome.order_name}: sent at {due} unless you undo it (Ctrl+Z)." in notices
    assert window.commands.undo.isEnabled()  # whichever request is selected now
    window.queue.show_tab(Tab.DONE)  # queued requests count as handled
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show_request(qtbot, window, request_id)  # read again: the pane had it before the approval
    queued = window.current_detail()
    assert queued is not None and queued.request.state is RequestState.QUEUED
    assert not window.commands.approve.isEnabled()  # its action is queued
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        qtbot.keyClick(window.queue.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [r for r in shop.ledger.refunds if r.order_id == order_id]
    assert shop.order(order_id).cancelled_at is None
    window.queue.show_tab(Tab.NEEDS_DECISION)
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)


def test_typed_in_request_joins_the_queue_and_the_audit_log_opens(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = open_window(qtbot, context)
    name = window.model.index(0, Column.ORDER).data()
    request_id = window.model.request_id_at(0)  # the order's request: the message joins it
    window.commands.new_request.trigger()
    dialog = window.findChild(NewRequestDialog)
    assert dialog is not None and not dialog.confirm_button.isEnabled()
    dialog.order.setText(name)
    dialog.reason.setPlainText("Called: <i>please</i> cancel")
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        dialog.confirm_button.click()
    window.queue.show_tab(Tab.NEEDS_DECISION)
    window.queue.table.clearSelection()
    window.queue.table.setCurrentIndex(window.model.index(-1, 0))
    show_request(qtbot, window, request_id)
    texts = [label.text() for label in window.detail.message_labels]
    assert "Called: <i>please</i> cancel" in texts
    window.commands.audit_log.trigger()
    qtbot.waitUntil(lambda: window.findChild(AuditLogDialog) is not None, timeout=WAIT)


def test_hold_on_arrival_stops_new_orders_shipping(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    context.settings = replace(context.settings, hold_on_arrival=True)
    window = open_window(qtbot, context)
    order_id = shop.create_order("paid")
    shop.add_cancel_request(order_id, "Please stop it")
    with qtbot.waitSignal(window.actions_.rows_changed, timeout=WAIT) as held:
        window.sync_now()
    assert len(held.args[0]) == 1
    holds = [fo.status for fo in shop.order(order_id).fulfillment_orders]
    assert holds and set(holds) == {"ON_HOLD"}


def request_for_new_order(qtbot: QtBot, window: MainWindow, shop: DemoShop) -> tuple[str, int]:
    order_id = shop.create_order("paid")
    shop.add_cancel_request(order_id, "Please cancel")
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    return order_id, request_id


def go_offline(qtbot: QtBot, window: MainWindow, shop: DemoShop) -> None:
    shop.faults.at_rate(Fault.drop(), 1.0)
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.sync_now()
    assert changed.args == [False]


def test_reconnect_reconciles_an_action_cut_short(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = open_window(qtbot, context)
    order_id, request_id = request_for_new_order(qtbot, window, shop)
    assert window.session is not None
    plan = window.session.runner.prepare_hold(request_id)
    go_offline(qtbot, window, shop)
    # What a crash between journal and send leaves: an intent, nothing sent.
    journal_plan(context.database, plan, ActionState.SENDING, now=datetime.now(UTC))
    shop.faults.clear()
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        window.sync_now()  # online again: the intent is finished from the order's real state
    assert finished.args[0] == request_id
    assert finished.args[1].status.value == "done", finished.args[1].message
    holds = {fo.status for fo in shop.order(order_id).fulfillment_orders}
    assert holds == {"ON_HOLD"}


def test_an_action_confirmed_offline_is_sent_when_shopify_answers(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    context.settings = replace(context.settings, undo_window_seconds=0)
    window = open_window(qtbot, context)
    order_id, request_id = request_for_new_order(qtbot, window, shop)
    show_request(qtbot, window, request_id)  # the newest: it may be selected already
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.hold.trigger()
    shop.faults.at_rate(Fault.drop(), 1.0)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as queued:
        opened.args[0].confirm_button.click()
    assert queued.args[1].status.value == "queued"
    shop.faults.clear()
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as sent:
        pass  # `run_due` on the controller's timer sends it
    assert sent.args[0] == request_id
    assert sent.args[1].status.value == "done", sent.args[1].message
    assert {fo.status for fo in shop.order(order_id).fulfillment_orders} == {"ON_HOLD"}
