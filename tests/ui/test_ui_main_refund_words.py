"""What the approve preview and the reply say about money (QA walkthroughs): an order only
authorised is not offered a "Full refund: DKK 0.00" nor its shipping back, a refund without
the shipping is not called full, the Danish partial-cancel reply does not read "1.297,00
kr.. Varer", the reply names the card (not "shopify_payments") and says store credit, not
"refunded"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from cancelapp.actions.reply import format_money
from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
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


def reply_after(qtbot: QtBot, dialog: ConfirmActionDialog, choose: Callable[[], None]) -> str:
    """The reply text once the preview of what `choose` picks is on screen."""
    with qtbot.waitSignal(dialog.preview_shown, timeout=WAIT):
        choose()
    assert dialog.reply_preview is not None
    return dialog.reply_preview.body_edit.toPlainText()


def keep_ten(qtbot: QtBot, window: MainWindow, dialog: ConfirmActionDialog) -> str:
    """Refund all but DKK 10 (kept as a fee, from every payment there is): the reply then."""
    panel = dialog.panel
    assert panel is not None
    typed = panel.options.full.amount - 10

    def less() -> None:
        panel.typed_radio.click()
        panel.typed_edit.clear()
        qtbot.keyClicks(panel.typed_edit, window.formatter.decimal(typed, 2))

    return reply_after(qtbot, dialog, less)


def kept_fee_reply(qtbot: QtBot, window: MainWindow, order_id: str) -> str:
    """Approve with a fee kept: the reply that says where the money goes back."""
    dialog = open_approve(qtbot, window, order_id)
    body = keep_ten(qtbot, window, dialog)
    assert dialog.reply_preview is not None
    assert dialog.reply_preview.kind_combo.currentData() == "cancelled_kept_fee"
    dialog.reject()
    return body


def test_the_reply_names_how_the_customer_paid_never_the_gateway(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    """QA walkthrough: "on its way back to you via shopify_payments"."""
    card_en = requested(demo_shop, "paid", locale="en")
    card_da = requested(demo_shop, "paid", locale="da-DK")
    split = requested(demo_shop, "gift_card_split", locale="en")
    manual = requested(demo_shop, "manual_paid", locale="da-DK")
    mobilepay = requested(demo_shop, "mobilepay", locale="en")
    window = window_on(qtbot, bare_context, demo_shop)

    said = {order_id: kept_fee_reply(qtbot, window, order_id) for order_id in (card_en, card_da)}
    assert "back to you via your Visa card ending in 4242; " in said[card_en]
    assert "tilbage til dig via dit Visa-kort, der ender på 4242; " in said[card_da]
    assert "via the card you paid with and" not in said[card_en]
    said[split] = kept_fee_reply(qtbot, window, split)
    assert "via your gift card and your Visa card ending in 4242; " in said[split]
    said[manual] = kept_fee_reply(qtbot, window, manual)
    assert "via den oprindelige betalingsmåde; " in said[manual]  # paid back by hand
    said[mobilepay] = kept_fee_reply(qtbot, window, mobilepay)
    assert "via MobilePay; " in said[mobilepay]
    for body in said.values():
        assert "_" not in body and "manual" not in body, body


def test_store_credit_is_said_as_store_credit_with_its_expiry(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    """QA walkthrough (#1181, #1187): a part cancelled as store credit was "refunded"; a
    whole order's store credit with a fee kept did not say the fee."""
    part_en = requested(demo_shop, "partially_fulfilled", locale="en")
    part_da = requested(demo_shop, "partially_fulfilled", locale="da-DK")
    whole = requested(demo_shop, "paid", locale="en")
    window = window_on(qtbot, bare_context, demo_shop)
    said: dict[str, tuple[str, str]] = {}
    for order_id in (part_en, part_da, whole):
        dialog = open_approve(qtbot, window, order_id)
        panel = dialog.panel
        assert panel is not None and dialog.reply_preview is not None
        credit = reply_after(qtbot, dialog, panel.credit_radio.click)
        total = dialog.preview.refund_total
        assert dialog.preview.store_credit is not None and total is not None
        panel.expires_check.click()
        until = reply_after(qtbot, dialog, partial(panel.expires_edit.setDate, QDate(2027, 12, 7)))
        said[order_id] = (credit, until)
        language = "da" if order_id == part_da else "en"
        assert format_money(total, language) in credit
        if order_id != whole:
            assert dialog.reply_preview.kind_combo.currentData() == "partly_store_credit"
            shopify_says = dict(dialog.rows())["Customer email"]  # what the merchant reads
            assert shopify_says.endswith(" as store credit."), shopify_says
        else:
            fee_kept = keep_ten(qtbot, window, dialog)
            assert dialog.reply_preview.kind_combo.currentData() == "store_credit_kept_fee"
        dialog.reject()

    credit, until = said[part_en]
    assert "is now available to you as store credit for your next order with us. " in credit
    assert "refunded" not in credit and "Items already sent are not affected." in credit
    assert "store credit for your next order with us (valid until 7 December 2027). " in until
    credit, until = said[part_da]
    assert "står nu til rådighed for dig som tilgodehavende til din næste ordre hos os. " in credit
    assert "refunderet" not in credit
    assert "hos os (gælder til og med 7. december 2027). Varer, der allerede" in until
    credit, until = said[whole]
    assert "store credit for your next order with us (valid until 7 December 2027)." in until
    assert "(valid until 7 December 2027); DKK 10.00 is kept as a cancellation fee" in fee_kept


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
