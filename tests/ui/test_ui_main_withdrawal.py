"""Issue 15, point 4: an EU consumer's withdrawal in the real window against the demo shop.

A policy file that denies everything and keeps a fee cannot deny a withdrawal in time nor keep
a fee on it; the queue shows when the refund is due; an order already delivered takes the
return path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.domain.withdrawal import refund_due_on
from cancelapp.policy import policy_path
from cancelapp.session.detail import RequestDetail
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.detail.reply_dialog import ReplyDialog
from cancelapp.ui.detail.withdrawal_flow import ConfirmWithdrawalDialog
from cancelapp.ui.dialogs.bulk_dialogs import BulkConfirmDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WAIT = 30_000

HOSTILE_POLICY = """\
version = 1
[[rules]]
name = "Approve unshipped, with a fee and store credit"
verdict = "approve"
[rules.when]
fulfilled_items = "none"
[rules.action]
refund = "store_credit"
fee_percent = 50
fee_fixed = 25
[[rules]]
name = "No cancellations after that"
verdict = "deny"
why = "We never cancel"
reply = "No."
"""


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def orders(demo_shop: DemoShop) -> dict[str, str]:
    """An unshipped Danish order, a delivered Danish one, and a delivered American one."""
    unshipped = demo_shop.create_order("paid")
    delivered = demo_shop.create_order("fulfilled")
    american = demo_shop.create_order("fulfilled")
    for order_id, country in ((unshipped, "DK"), (delivered, "DK"), (american, "US")):
        demo_shop.ship_to(order_id, country)
        demo_shop.add_cancel_request(order_id, "Jeg fortryder mit køb.")
    now = demo_shop.store.now()
    demo_shop.mark_delivered(delivered, now - timedelta(days=2))
    demo_shop.mark_delivered(american, now - timedelta(days=2))
    return {"unshipped": unshipped, "delivered": delivered, "american": american}


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, orders: dict[str, str]
) -> Iterator[MainWindow]:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    store = connect_demo(bare_context, demo_shop)
    policy_path(bare_context.paths.config_dir, store.id).write_text(HOSTILE_POLICY, "utf-8")
    yield open_window(qtbot, bare_context)


def show(
    qtbot: QtBot,
    window: MainWindow,
    demo_shop: DemoShop,
    order_id: str,
    tab: Tab = Tab.NEEDS_DECISION,
) -> RequestDetail:
    name = demo_shop.order(order_id).name
    window.queue.show_tab(tab)
    row = next(
        r for r in range(window.model.rowCount()) if window.model.queue_row(r).order_name == name
    )
    show_request(qtbot, window, window.model.request_id_at(row))
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    return detail


def test_a_policy_file_cannot_deny_a_withdrawal_or_keep_a_fee(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    delivered = show(qtbot, window, demo_shop, orders["delivered"])
    assert delivered.verdict.outcome is Outcome.APPROVE  # the policy said Deny
    assert delivered.verdict.statutory_withdrawal
    assert "cannot be refused" in window.detail.decisive.text()
    # Its last day in the merchant's own form, as every other date on the pane (not ISO).
    last_day = delivered.verdict.reasons[0].args["last_day"]
    assert isinstance(last_day, date)
    assert f"ends {window.formatter.day(last_day)} (Art. 9)" in window.detail.decisive.text()
    assert last_day.isoformat() not in window.detail.decisive.text()
    assert window.detail.withdrawal.isVisible()
    assert "Refund due by" in window.detail.withdrawal.text()

    american = show(qtbot, window, demo_shop, orders["american"])
    assert american.verdict.outcome is Outcome.DENY  # no statutory right outside the EU/EEA
    assert not american.verdict.statutory_withdrawal

    unshipped = show(qtbot, window, demo_shop, orders["unshipped"])
    action = unshipped.verdict.action
    assert action is not None and action.fee is None
    assert action.refund_method is RefundMethod.ORIGINAL
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    labels = [label for label, _value in dialog.rows()]
    assert "Fee kept" not in labels and "Store credit" not in labels
    assert any(label.startswith("Refund via") for label in labels)
    dialog.reject()


def test_the_queue_shows_when_the_refund_is_due_and_sorts_by_it(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    detail = show(qtbot, window, demo_shop, orders["delivered"])
    row = window.model.row_of(detail.request.id or 0)
    assert row is not None
    received = window.formatter.local(detail.request.received_at).date()
    due = refund_due_on(received, "DK")
    shown = window.model.index(row, Column.REFUND_DUE).data()
    assert shown.startswith(window.formatter.day(due))

    window.queue.table.sortByColumn(Column.REFUND_DUE, Qt.SortOrder.AscendingOrder)
    first = window.model.queue_row(0)
    assert first.refund_due_on is not None  # the deadlines first, the rest after
    american = demo_shop.order(orders["american"]).name
    last_due = max(
        r for r in range(window.model.rowCount()) if window.model.queue_row(r).refund_due_on
    )
    assert all(window.model.queue_row(r).order_name != american for r in range(last_due + 1))


def test_a_withdrawal_after_shipment_opens_a_return_in_the_shop(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    order_id = orders["delivered"]
    show(qtbot, window, demo_shop, order_id)
    assert window.commands.accept_withdrawal.isEnabled()

    with qtbot.waitSignal(window.withdrawals.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)  # approving it can only mean a return
    assert isinstance(opened.args[0], ConfirmWithdrawalDialog)
    opened.args[0].reject()
    with qtbot.waitSignal(window.withdrawals.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_W)
    confirm = opened.args[0]
    assert isinstance(confirm, ConfirmWithdrawalDialog)
    with qtbot.waitSignal(window.withdrawals.dialog_opened, timeout=WAIT) as replied:
        confirm.confirm_button.click()
    reply = replied.args[0]
    assert isinstance(reply, ReplyDialog)

    returns = demo_shop.order(order_id).returns
    assert [r.status for r in returns] == ["OPEN"]
    shipped = sum(li.fulfilled_quantity for li in demo_shop.order(order_id).line_items)
    assert sum(quantity for _line, quantity in returns[0].lines) == shipped
    subject, body = reply.reply_text()
    name = demo_shop.order(order_id).name
    assert name in subject
    assert "14" in body  # send the goods back within 14 days (Art. 14(1))
    assert reply.reply.to == demo_shop.order(order_id).email

    qtbot.waitUntil(lambda: not window.commands.accept_withdrawal.isEnabled(), timeout=WAIT)
    again = show(qtbot, window, demo_shop, order_id, Tab.DONE)  # the refund follows the return
    assert again.order is not None and again.order.has_active_return
    assert not window.withdrawals.applies_to(again)  # never a second return
    reply.reject()


def test_a_shop_that_did_not_inform_gives_twelve_months_more(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    """Delivered 40 days before the statement: too late when informed (the policy's Deny
    stands), in time after the merchant says customers were not told of the right (Art. 10)."""
    order_id = orders["american"]
    seen = demo_shop.order(order_id).updated_at  # Shopify's `updatedAt` has whole seconds
    qtbot.waitUntil(lambda: demo_shop.store.now() > seen, timeout=WAIT)
    demo_shop.ship_to(order_id, "DK")
    demo_shop.mark_delivered(order_id, demo_shop.store.now() - timedelta(days=40))
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    late = show(qtbot, window, demo_shop, order_id)
    assert late.verdict.outcome is Outcome.DENY and not late.verdict.statutory_withdrawal
    assert "ended" in window.detail.withdrawal.text()

    window.commands.settings.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=WAIT)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    assert dialog.intake_tab.informed_box.isChecked()  # the default: informed
    dialog.intake_tab.informed_box.setChecked(False)
    with qtbot.waitSignal(window.policy.rejudged, timeout=WAIT):
        dialog.save()

    in_time = show(qtbot, window, demo_shop, order_id)
    assert in_time.verdict.outcome is Outcome.APPROVE and in_time.verdict.statutory_withdrawal
    domain = next(iter(window.context.settings.withdrawal))
    assert not window.context.settings.withdrawal_for(domain).informed


def test_a_withdrawal_is_acknowledged_on_arrival_with_its_text_and_time(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    detail = show(qtbot, window, demo_shop, orders["delivered"])
    pane = window.detail.withdrawal
    qtbot.waitUntil(lambda: "Acknowledgement of receipt prepared" in pane.text(), timeout=WAIT)
    american = show(qtbot, window, demo_shop, orders["american"])
    assert american.acknowledged_at is None  # no statutory withdrawal: no acknowledgement

    show(qtbot, window, demo_shop, orders["delivered"])
    assert window.commands.acknowledge.isEnabled()
    with qtbot.waitSignal(window.withdrawals.dialog_opened, timeout=WAIT) as opened:
        window.commands.acknowledge.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ReplyDialog)
    _subject, body = dialog.reply_text()
    assert "Jeg fortryder mit køb." in body  # the statement's content, repeated
    received = detail.request.received_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    assert received in body  # and when it was received
    assert dialog.reply.to == demo_shop.order(orders["delivered"]).email
    dialog.reject()


def reason_then_confirm(qtbot: QtBot, window: MainWindow, *, several: bool = False) -> object:
    """D on the queue (Shift+D for the selected requests), a reason typed: the confirmation."""
    flow = window.bulk if several else window.actions_
    shift = Qt.KeyboardModifier.ShiftModifier if several else Qt.KeyboardModifier.NoModifier
    with qtbot.waitSignal(flow.dialog_opened, timeout=WAIT) as asked:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_D, shift)
    reason = asked.args[0]
    assert isinstance(reason, TextDialog)
    reason.editor.setPlainText("Made to your measurements.")
    with qtbot.waitSignal(flow.dialog_opened, timeout=WAIT) as opened:
        reason.confirm_button.click()
    return opened.args[0]


def test_a_withdrawal_is_declined_only_anyway_under_the_laws_warning(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str], tmp_path: Path
) -> None:
    american = show(qtbot, window, demo_shop, orders["american"])
    assert not american.verdict.statutory_withdrawal
    plain = reason_then_confirm(qtbot, window)
    assert isinstance(plain, ConfirmActionDialog)
    assert plain.confirm_button.text() == "Decline request"
    assert not any("refuse" in label.text() for label in plain.warning_labels)
    plain.reject()

    unshipped = show(qtbot, window, demo_shop, orders["unshipped"])
    assert unshipped.verdict.statutory_withdrawal
    dialog = reason_then_confirm(qtbot, window)
    assert isinstance(dialog, ConfirmActionDialog)
    assert dialog.confirm_button.text() == "Decline anyway"
    assert "the law does not let the shop refuse it" in dialog.warning_labels[0].text()
    assert dialog.warning_labels[0].isVisible()
    dialog.grab().save(str(tmp_path / "decline-withdrawal.png"))
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()  # the merchant may know better: it can still be done
    assert finished.args[1].status.value == "done", finished.args[1].message
    order = demo_shop.order(orders["unshipped"])
    assert order.cancelled_at is None
    assert "Made to your measurements." in (order.note or "")


def test_declining_several_leaves_a_withdrawal_out(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    names = {demo_shop.order(orders[key]).name: key for key in ("unshipped", "american")}
    rows = [
        r for r in range(window.model.rowCount()) if window.model.queue_row(r).order_name in names
    ]
    assert len(rows) == 2
    table = window.queue.table
    for n, row in enumerate(rows):
        index = window.model.index(row, Column.ORDER)
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center()
        )
    assert len(window.queue.selected_request_ids()) == 2
    dialog = reason_then_confirm(qtbot, window, several=True)
    assert isinstance(dialog, BulkConfirmDialog)
    assert dict(dialog.rows())["Orders"] == "1"
    (left_out,) = dialog.left_out_lines
    assert demo_shop.order(orders["unshipped"]).name in left_out
    assert "does not let you refuse" in left_out
    dialog.reject()
