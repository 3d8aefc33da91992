"""The reason a merchant writes when declining reaches the customer (QA walkthrough: "please
use our free return instead" went only on the order's note, the "already shipped" reply said
something else): the decline dialog says where the reason goes, and a reason of the
merchant's own is in the reply, in English and in Danish; the policy's reason, left as
offered, keeps the rule's own template."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.accounts import fulfillment_status
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def shipped(shop: DemoShop, locale: str) -> str:
    for _ in range(80):
        order_id = shop.create_order("fulfilled")
        order = shop.order(order_id)
        customer = order.customer
        if fulfillment_status(order) == "FULFILLED" and customer and customer.locale == locale:
            shop.add_cancel_request(order_id, "Cancel please")
            return order_id
    raise AssertionError(f"no shipped order for a {locale} customer")


def decline(qtbot: QtBot, window: MainWindow, order_id: str, reason: str | None) -> TextDialog:
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    asked = opened.args[0]
    assert isinstance(asked, TextDialog)
    if reason is not None:
        asked.editor.setPlainText(reason)
    return asked


def confirmation(qtbot: QtBot, window: MainWindow, asked: TextDialog) -> ConfirmActionDialog:
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        asked.confirm_button.click()
    confirm = opened.args[0]
    assert isinstance(confirm, ConfirmActionDialog)
    return confirm


def test_a_reason_the_merchant_writes_is_in_the_reply(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    english = shipped(demo_shop, "en")
    danish = shipped(demo_shop, "da-DK")
    as_offered = shipped(demo_shop, "en")
    connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)

    asked = decline(qtbot, window, english, "Please use our free return instead.")
    prompt = asked.editor.accessibleName()
    assert "order's note" in prompt and "reply to the customer" in prompt
    confirm = confirmation(qtbot, window, asked)
    preview = confirm.reply_preview
    assert preview is not None and preview.kind_combo.currentData() == "declined"
    body = preview.body_edit.toPlainText()
    assert "cannot cancel your order" in body and "Please use our free return instead." in body
    note = dict(confirm.rows())
    assert any("Please use our free return instead." in v for v in note.values())
    confirm.reject()

    confirm = confirmation(qtbot, window, decline(qtbot, window, danish, "Brug vores retur."))
    preview = confirm.reply_preview
    assert preview is not None and preview.kind_combo.currentData() == "declined"
    body = preview.body_edit.toPlainText()
    assert "Desværre kan vi ikke annullere din ordre" in body and "Brug vores retur." in body
    assert ".." not in body
    confirm.reject()

    # The policy's own reason, left as offered: the rule's template says it for the customer.
    confirm = confirmation(qtbot, window, decline(qtbot, window, as_offered, None))
    preview = confirm.reply_preview
    assert preview is not None and preview.kind_combo.currentData() == "already_shipped"
    confirm.reject()
