"""The Done tab after the fact (third QA walkthrough): an order cancelled in the window is
listed at what it was worth, not at its current total of 0; its money breakdown shows the
original total beside what was refunded, and its items the quantity ordered, what was
cancelled and how many units went back in stock, not "Qty 0" and "Restock Yes".

Fourth walkthrough: the Restock column says "Yes"/"No" for what can go back and "2 restocked"
/ "None" for what went back (it said a bare "1"); the cancelled order's subtotal, shipping and
VAT of 0 are left out (they read as if the order was free), the refunded shipping is said.
In English and in Danish."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.danish import in_danish
from fixtures.main_window import item_cells, money_rows, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def order_id(demo_shop: DemoShop) -> str:
    """A paid order of two or more lines, its customer asking to cancel."""
    made = demo_shop.create_order("paid")
    while len(demo_shop.order(made).line_items) < 2:
        made = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(made, "Please cancel my order.")
    return made


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, order_id: str
) -> MainWindow:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, demo_shop)
    return open_window(qtbot, bare_context)


def test_a_cancelled_order_in_the_done_tab_shows_what_it_was_worth(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, order_id: str
) -> None:
    fmt = window.formatter.money
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)
    ordered = demo_shop.order(order_id)
    headers = [label.accessibleName() for label in window.detail.items.headers]  # whole
    assert headers[1:3] == ["Qty", "Cancelled"]
    can = {True: "Yes", False: "No"}
    before = [
        [str(li.quantity), "0", "0", str(li.quantity), can[li.variant is not None]]
        for li in ordered.line_items
    ]
    assert item_cells(window) == before
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    worth = detail.order.total
    assert "Original total" not in money_rows(window)  # nothing taken off yet

    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    refunded = dialog.preview.refund_total
    assert refunded is not None and refunded.amount > 0
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message
    assert demo_shop.order(order_id).cancelled_at is not None

    window.queue.show_tab(Tab.DONE)
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    row = window.model.row_of(request_id)
    assert row is not None
    assert window.model.index(row, Column.TOTAL).data() == fmt(worth)  # not 0.00
    show_request(qtbot, window, request_id)
    zero = Money.of("0.00", worth.currency)
    shipping = Money.of(ordered.shipping, worth.currency)
    rows = money_rows(window)
    assert rows == {
        "Original total": fmt(worth),
        "Total": fmt(zero),
        "Refunded": fmt(refunded),
        "Of which shipping": fmt(shipping),
    }  # no "Subtotal DKK 0.00", "Shipping DKK 0.00", "Moms DKK 0.00"
    # Ordered and cancelled, not "Qty 0"; how many went back in stock, not whether they can.
    back = {True: "{count} restocked", False: "None"}
    cancelled = [
        [
            str(li.quantity),
            str(li.quantity),
            "0",
            "0",
            back[li.variant is not None].format(count=li.quantity),
        ]
        for li in ordered.line_items
    ]
    assert item_cells(window) == cancelled
    with in_danish(window):
        fmt = window.formatter.money
        assert money_rows(window) == {
            "Oprindelig total": fmt(worth),
            "Total": fmt(zero),
            "Refunderet": fmt(refunded),
            "Heraf fragt": fmt(shipping),
        }
        back = {True: "{count} lagt på lager igen", False: "Ingen"}
        assert [cells[4] for cells in item_cells(window)] == [
            back[li.variant is not None].format(count=li.quantity) for li in ordered.line_items
        ]
    restocked = sum(r.delta for r in demo_shop.ledger.restocks if r.order_id == order_id)
    assert restocked == sum(li.quantity for li in ordered.line_items if li.variant is not None)
