"""Approving a Review request through the real window with the merchant's own choices: the
policy's fee, a typed amount, store credit with an expiry, and two of three items with one not
restocked; each checked in the demo shop's ledger. A statutory withdrawal fixes the law's
choices (issue 14 point 6, issue 18 point 3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import policy_path
from cancelapp.store.stores import list_stores
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000

# Every request is looked at first; the approve rule below it lends its fee to the preview.
REVIEW_POLICY = """\
version = 1
[[rules]]
name = "Look first"
verdict = "review"
why = "Look at every request first"
[[rules]]
name = "Approve with a fee"
verdict = "approve"
[rules.action]
refund = "original"
fee_percent = 10
"""


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=10, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def orders(demo_shop: DemoShop) -> dict[str, str]:
    """Paid orders with a customer, each asking to cancel; "three" has three stocked items."""
    made = {name: demo_shop.create_order("paid") for name in ("fee", "typed", "credit")}
    three = demo_shop.create_order("paid")
    while not (
        len(demo_shop.order(three).line_items) == 3
        and all(li.variant is not None for li in demo_shop.order(three).line_items)
    ):
        three = demo_shop.create_order("paid")
    made["three"] = three
    for order_id in made.values():
        demo_shop.add_cancel_request(order_id, "Please cancel")
    return made


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, orders: dict[str, str]
) -> MainWindow:
    context = bare_context
    context.settings = replace(context.settings, undo_window_seconds=0)
    connect_demo(context, demo_shop)
    with context.database.reading() as conn:
        (store,) = list_stores(conn)
    policy_path(context.paths.config_dir, store.id).write_text(REVIEW_POLICY, "utf-8")
    return open_window(qtbot, context)


def approve_preview(qtbot: QtBot, window: MainWindow, order_id: str) -> ConfirmActionDialog:
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)  # read again when selected already
    detail = window.current_detail()
    assert detail is not None and detail.verdict.outcome is Outcome.REVIEW
    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog) and dialog.panel is not None
    return dialog


def settle(qtbot: QtBot, dialog: ConfirmActionDialog) -> dict[str, str]:
    """Wait for the preview of what is chosen; its rows."""
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    return dict(dialog.rows())


def confirm(qtbot: QtBot, window: MainWindow, dialog: ConfirmActionDialog) -> None:
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message


def refunded(demo_shop: DemoShop, order_id: str) -> Decimal:
    return sum((r.amount for r in demo_shop.ledger.refunds if r.order_id == order_id), Decimal(0))


def test_a_review_request_is_approved_keeping_the_policys_fee(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    dialog = approve_preview(qtbot, window, orders["fee"])
    panel = dialog.panel
    assert panel is not None and panel.full_radio.isChecked()  # a Review refunds in full
    assert "Fee kept" not in dict(dialog.rows())
    options = dialog.preview.options
    assert options is not None and options.fee is not None
    assert options.fee.amount == (options.full.amount / 10).quantize(Decimal("0.01"))
    assert panel.fee_radio.isVisible()
    panel.fee_radio.click()
    rows = settle(qtbot, dialog)
    assert rows["Fee kept"] == window.formatter.money(options.fee)
    confirm(qtbot, window, dialog)
    assert refunded(demo_shop, orders["fee"]) == options.full.amount - options.fee.amount
    assert demo_shop.order(orders["fee"]).cancelled_at is not None


def test_a_typed_amount_is_checked_as_typed_then_refunded(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    dialog = approve_preview(qtbot, window, orders["typed"])
    panel = dialog.panel
    assert panel is not None and dialog.preview.options is not None
    full = dialog.preview.options.full
    qtbot.keyClicks(panel.typed_edit, window.formatter.decimal(full.amount + 1, 2))
    assert panel.typed_radio.isChecked()
    assert panel.typed_problem.isVisible()
    assert panel.typed_problem.text().startswith("At most")
    assert not dialog.confirm_button.isEnabled()  # nothing above what is refundable
    panel.typed_edit.clear()
    qtbot.keyClicks(panel.typed_edit, window.formatter.decimal(Decimal("100.50"), 2))
    rows = settle(qtbot, dialog)
    assert not panel.typed_problem.isVisible()
    typed = replace(full, amount=Decimal("100.50"))
    assert rows["Not refunded"] == window.formatter.money(full - typed)
    assert dialog.confirm_button.text().endswith(window.formatter.money(typed))
    confirm(qtbot, window, dialog)
    assert refunded(demo_shop, orders["typed"]) == Decimal("100.50")
    assert demo_shop.order(orders["typed"]).cancelled_at is not None


def test_store_credit_with_an_expiry_date_is_given(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    dialog = approve_preview(qtbot, window, orders["credit"])
    panel = dialog.panel
    assert panel is not None and panel.credit_radio.isEnabled()
    assert not panel.expires_edit.isEnabled()
    panel.credit_radio.click()
    panel.expires_check.click()
    chosen = QDate.currentDate().addDays(30)
    expiry = date(chosen.year(), chosen.month(), chosen.day())
    panel.expires_edit.setDate(chosen)
    rows = settle(qtbot, dialog)
    shown = window.formatter.locale.toString(chosen, QLocale.FormatType.ShortFormat)
    assert rows["Store credit"].endswith(f"expires {shown}")
    confirm(qtbot, window, dialog)
    order = demo_shop.order(orders["credit"])
    (refund,) = order.refunds
    assert refund.store_credit > 0 and not refund.transactions
    assert refund.store_credit_expires_at is not None
    assert window.formatter.local(refund.store_credit_expires_at).date() == expiry
    assert [r.gateway for r in demo_shop.ledger.refunds if r.order_id == orders["credit"]] == [
        "store_credit"
    ]


def test_two_of_three_items_are_cancelled_and_one_is_not_restocked(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    order_id = orders["three"]
    first, second, third = demo_shop.order(order_id).line_items
    dialog = approve_preview(qtbot, window, order_id)
    panel = dialog.panel
    assert panel is not None and len(panel.lines) == 3
    _, unstocked_line, dropped_line = panel.lines
    dropped_line.quantity.setValue(0)
    unstocked_line.restock.click()
    rows = settle(qtbot, dialog)
    assert dialog.preview.kind.value == "refund"  # a part: refunded, not cancelled whole
    (restock_row,) = [value for label, value in dialog.rows() if label == "Restock"]
    assert restock_row.startswith(f"{first.quantity} × {first.title} at ")
    units = first.quantity + second.quantity
    assert rows["Customer email"].startswith(
        f"Shopify emails the customer a refund receipt: {units} items cancelled, "
    )
    assert "Refund via Shopify Payments" in rows  # the gateway in words, not its handle
    confirm(qtbot, window, dialog)
    after = {li.id: li for li in demo_shop.order(order_id).line_items}
    assert after[first.id].refunded_quantity == first.quantity
    assert after[second.id].refunded_quantity == second.quantity
    assert after[third.id].refunded_quantity == 0
    restocked = [r for r in demo_shop.ledger.restocks if r.order_id == order_id]
    assert first.variant is not None
    assert {r.inventory_item_id.rsplit("/", 1)[-1] for r in restocked} == {
        str(first.variant.inventory_item_id).rsplit("/", 1)[-1]
    }
    assert sum(r.delta for r in restocked) == first.quantity
    expected = first.unit_price * first.quantity + second.unit_price * second.quantity
    assert refunded(demo_shop, order_id) == expected
    assert demo_shop.order(order_id).cancelled_at is None  # the third item still ships


def test_a_statutory_withdrawal_is_refunded_in_full_by_the_same_means(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    """The withdrawal issue's verdict says so (built here directly): no fee and no other
    amount on offer, shipping refunded, store credit only with the consumer's agreement."""
    order_id = orders["credit"]
    approve_preview(qtbot, window, order_id).reject()  # selects it; the plain preview first
    detail = window.current_detail()
    assert detail is not None
    withdrawal = replace(detail, verdict=replace(detail.verdict, statutory_withdrawal=True))
    qtbot.waitUntil(lambda: not window.actions_.in_flight, timeout=WAIT)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.actions_.approve(withdrawal)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    panel = dialog.panel
    options = dialog.preview.options
    assert panel is not None and options is not None and options.statutory
    assert options.fee is None and not panel.fee_radio.isVisibleTo(panel)
    assert not panel.typed_edit.isVisibleTo(panel)
    assert panel.shipping_check.isChecked() and not panel.shipping_check.isEnabled()
    assert not panel.credit_radio.isEnabled()
    panel.agreed_check.click()
    assert panel.credit_radio.isEnabled()
    panel.agreed_check.click()
    assert not panel.credit_radio.isEnabled()
    settle(qtbot, dialog)
    assert "Fee kept" not in dict(dialog.rows())
    confirm(qtbot, window, dialog)
    order = demo_shop.order(order_id)
    assert order.cancelled_at is not None
    assert refunded(demo_shop, order_id) == options.full.amount  # shipping included
    assert all(
        r.gateway != "store_credit" for r in demo_shop.ledger.refunds if r.order_id == order_id
    )


def test_a_preview_for_an_amount_no_longer_typed_never_enables_confirm(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, orders: dict[str, str]
) -> None:
    """The merchant types 10.00, its preview is asked for, then the amount is made unreadable
    before that preview comes back: confirm stays off until an amount that can be refunded is
    typed again, and what is refunded is what the field shows."""
    dialog = approve_preview(qtbot, window, orders["typed"])
    panel = dialog.panel
    assert panel is not None and dialog.preview.options is not None
    full = dialog.preview.options.full
    ten = window.formatter.decimal(Decimal("10"), 2)
    with qtbot.waitSignal(dialog.choices_changed, timeout=WAIT):  # the preview of 10.00 is asked
        qtbot.keyClicks(panel.typed_edit, ten)
    qtbot.keyClicks(panel.typed_edit, "x")  # before it comes back
    assert panel.typed_problem.isVisible()
    qtbot.waitUntil(lambda: window.context.workers.active_count == 0, timeout=WAIT)
    assert not dialog.confirm_button.isEnabled()
    assert not dialog.settled
    dialog.confirm_button.click()
    dialog.accept()  # Enter: refused too
    assert dialog.isVisible()

    panel.typed_edit.clear()
    twelve = window.formatter.decimal(Decimal("12.50"), 2)
    qtbot.keyClicks(panel.typed_edit, twelve)
    settle(qtbot, dialog)
    shown = window.formatter.money(replace(full, amount=Decimal("12.50")))
    assert dialog.confirm_button.text().endswith(shown)
    assert dialog.heading.text().endswith(shown)
    confirm(qtbot, window, dialog)
    assert refunded(demo_shop, orders["typed"]) == Decimal("12.50")
