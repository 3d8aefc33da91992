"""What the approve preview and the reply say about money (QA walkthroughs): an order only
authorised (or not paid) is not offered a "Full refund: DKK 0.00" nor its shipping back, a
refund without the shipping is not called full, and the Danish partial-cancel reply does not
read "1.297,00 kr.. Varer"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.actions.reply import format_money
from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_approve, open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def requested(shop: DemoShop, state: str, *, locale: str | None = None) -> str:
    for _ in range(60):
        order_id = shop.create_order(state)
        customer = shop.order(order_id).customer
        if locale is None or (customer is not None and customer.locale == locale):
            shop.add_cancel_request(order_id, "Please cancel")
            return order_id
    raise AssertionError(f"no {state} order for a {locale} customer")


def window_on(qtbot: QtBot, context: AppContext, shop: DemoShop) -> MainWindow:
    connect_demo(context, shop)
    return open_window(qtbot, context)


def test_an_authorised_order_is_not_offered_a_full_refund_of_nothing(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = requested(demo_shop, "authorized")
    paid = requested(demo_shop, "paid")
    window = window_on(qtbot, bare_context, demo_shop)

    dialog = open_approve(qtbot, window, order_id)
    assert dialog.panel is not None
    assert dialog.panel.full_radio.text() == "Nothing was charged: the authorisation is voided"
    dialog.reject()

    dialog = open_approve(qtbot, window, paid)
    panel = dialog.panel
    assert panel is not None and panel.full_radio.text().startswith("Full refund: ")
    assert panel.shipping_check.isVisibleTo(dialog)  # shipping left to refund: leave it out
    panel.shipping_check.setChecked(False)

    def without_shipping() -> bool:
        options = dialog.preview.options
        return dialog.settled and options is not None and not options.choices.refund_shipping

    qtbot.waitUntil(without_shipping, timeout=WAIT)
    assert panel.full_radio.text().startswith("Refund without the shipping: ")
    dialog.reject()


def test_the_danish_partial_cancel_reply_has_one_full_stop_after_the_amount(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = requested(demo_shop, "partially_fulfilled", locale="da-DK")
    window = window_on(qtbot, bare_context, demo_shop)

    dialog = open_approve(qtbot, window, order_id)
    preview = dialog.reply_preview
    assert preview is not None and preview.kind_combo.currentData() == "partly_cancelled"
    refunded = dialog.preview.refund_total
    assert refunded is not None
    amount = format_money(refunded, "da")
    assert amount.endswith(" kr.")
    body = preview.body_edit.toPlainText()
    assert f"refunderet {amount} Varer, der allerede er sendt" in body
    assert ".." not in body
    dialog.reject()


def test_nothing_charged_offers_no_shipping_refund(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    """QA walkthrough (#1188, #1169): "Refund the shipping" ticked where nothing was paid."""
    authorised = requested(demo_shop, "authorized")
    unpaid = requested(demo_shop, "pending_manual")
    paid = requested(demo_shop, "paid")
    window = window_on(qtbot, bare_context, demo_shop)
    for order_id, offered in ((authorised, False), (unpaid, False), (paid, True)):
        dialog = open_approve(qtbot, window, order_id)
        assert dialog.panel is not None
        assert dialog.panel.shipping_check.isVisibleTo(dialog) is offered, order_id
        dialog.reject()
