"""The VAT rows of the money breakdown after a cancel or a refund, in the real window against the
demo shop: the current tax lines (`currentTaxLines`), as the subtotal, shipping and total beside
them. A cancelled order shows no VAT (nor subtotal or shipping) of 0, a partly refunded one
the VAT in what is left; an order cached before CancelApp read the current lines never shows
the original lines (QA walkthrough: #1040 showed "Moms 25 % (included) DKK 35.60" beside a
total of 0)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.danish import in_danish
from fixtures.main_window import money_rows, open_approve, open_window, show_request
from fixtures.order_snapshots import edit_snapshot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def order_id(demo_shop: DemoShop) -> str:
    """A paid order of two or more stocked items, its customer asking to cancel."""
    while True:
        made = demo_shop.create_order("paid")
        items = demo_shop.order(made).line_items
        if len(items) >= 2 and all(li.variant is not None for li in items):
            break
    demo_shop.add_cancel_request(made, "Please cancel my order.")
    return made


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, order_id: str
) -> MainWindow:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, demo_shop)
    return open_window(qtbot, bare_context)


def screenshot(window: MainWindow, path: Path) -> None:
    """The window at a laptop's size, the money breakdown scrolled into view, saved to be
    looked at (`pytest --basetemp DIR` keeps it)."""
    window.resize(1366, 768)
    QApplication.processEvents()  # laid out at that size
    window.detail.ensureWidgetVisible(window.detail.money)
    assert window.grab().save(str(path))


def vat_in(amount: Decimal) -> Money:
    return Money.of((amount / 5).quantize(Decimal("0.01")), "DKK")  # 25 % included


def confirm_and_show(
    qtbot: QtBot, window: MainWindow, dialog: ConfirmActionDialog, order_id: str
) -> None:
    """Carry the action out, then show its request again once it is done (in the Done tab),
    with the order as read after the action."""
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    window.queue.show_tab(Tab.DONE)

    def done() -> bool:
        row = window.model.row_of(request_id)
        return row is not None and window.model.queue_row(row).request_state == "done"

    qtbot.waitUntil(done, timeout=WAIT)
    show_request(qtbot, window, request_id)


def test_a_cancelled_order_shows_no_vat_left_even_from_an_older_cache(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, order_id: str, tmp_path: Path
) -> None:
    fmt = window.formatter.money
    dialog = open_approve(qtbot, window, order_id)
    before = window.current_detail()
    assert before is not None and before.order is not None
    original_vat = vat_in(before.order.total.amount)
    assert money_rows(window)["Moms 25 % (included)"] == fmt(original_vat)
    confirm_and_show(qtbot, window, dialog, order_id)
    assert demo_shop.order(order_id).cancelled_at is not None
    zero = fmt(Money.of("0.00", "DKK"))
    rows = money_rows(window)
    assert rows["Total"] == zero, rows
    # No VAT, subtotal or shipping of 0 beside it: they read as if the order was free.
    assert not {"Moms 25 % (included)", "Subtotal", "Taxes (included)"} & set(rows)
    assert fmt(original_vat) not in rows.values()
    screenshot(window, tmp_path / "vat-cancelled.png")

    # An order cached before CancelApp read `currentTaxLines` holds only the original lines:
    # they are never shown as what is left (a cancelled order shows no VAT at all).
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None

    def original_lines(node: dict[str, Any]) -> None:
        lines = node.pop("currentTaxLines")
        lines[0]["priceSet"]["shopMoney"]["amount"] = str(original_vat.amount)
        node["taxLines"] = lines

    edit_snapshot(window.context.database, order_id, original_lines)
    show_request(qtbot, window, request_id)
    rows = money_rows(window)
    assert "Taxes (included)" not in rows and "Moms 25 % (included)" not in rows
    assert rows["Total"] == zero and fmt(original_vat) not in rows.values()


def test_a_partly_refunded_order_shows_the_vat_of_what_is_left_in_danish(
    qtbot: QtBot,
    window: MainWindow,
    demo_shop: DemoShop,
    order_id: str,
    tmp_path: Path,
) -> None:
    kept = demo_shop.order(order_id).line_items[0]
    dialog = open_approve(qtbot, window, order_id)
    assert dialog.panel is not None
    dialog.panel.lines[0].quantity.setValue(0)  # the first item still ships
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    assert dialog.preview.kind.value == "refund"
    confirm_and_show(qtbot, window, dialog, order_id)
    order = demo_shop.order(order_id)
    assert order.cancelled_at is None
    assert all(li.current_quantity == 0 for li in order.line_items[1:])
    assert window.detail.state.text() == "Done"  # not "Cancelled": the order goes on
    left = kept.unit_price * kept.quantity + order.shipping
    with in_danish(window):
        fmt = window.formatter.money
        total = fmt(Money.of(left, "DKK"))
        qtbot.waitUntil(lambda: money_rows(window)["Total"] == total, timeout=WAIT)
        rows = money_rows(window)
        vat = vat_in(left)
        assert rows["Moms 25 % (inkluderet)"] == fmt(vat)
        assert fmt(vat).endswith("\u00a0kr.") and "," in fmt(vat)  # in Danish
        screenshot(window, tmp_path / "vat-partly-refunded.png")
