"""The reply follows what the approval does (third QA walkthrough): an order with an item
shipped is only partly cancelled, and the customer is told so, with the amount refunded; a
whole order the merchant cuts down to some items in the preview gets the partial reply too,
and the whole-order one again when the items come back, unless the merchant picked one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.actions.reply import format_money, reply_language
from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.policy import policy_path
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from fixtures.imap import ImapServer
from fixtures.mailbox import window_with_mailbox
from fixtures.main_window import open_approve, open_window
from fixtures.smtp import SmtpServer

pytestmark = [pytest.mark.imap, pytest.mark.qt_log_ignore("propagateSizeHints")]
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def approve(qtbot: QtBot, window: MainWindow, order_id: str) -> ConfirmActionDialog:
    dialog = open_approve(qtbot, window, order_id)
    assert dialog.reply_preview is not None
    return dialog


@pytest.mark.usefixtures("trusted")
def test_a_partly_shipped_order_is_answered_as_partly_cancelled(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = demo_shop.create_order("partially_fulfilled")
    assert len(demo_shop.order(order_id).line_items) > 1  # one shipped, the rest not
    demo_shop.add_cancel_request(order_id, "Please cancel what has not shipped")
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)

    dialog = approve(qtbot, window, order_id)
    preview = dialog.reply_preview
    assert preview is not None
    assert dialog.preview.kind.value == "refund"  # the unshipped items, the order stays open
    assert preview.kind_combo.currentData() == "partly_cancelled"
    refunded = dialog.preview.refund_total
    assert refunded is not None
    order = window.current_detail()
    assert order is not None and order.order is not None
    language = reply_language(preview.facts.locale)
    body = preview.body_edit.toPlainText()
    assert format_money(refunded, language) in body
    assert order.order.name in preview.subject_edit.text()
    assert preview.send_box.isChecked()

    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT):
        with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
            dialog.confirm_button.click()
        assert finished.args[1].status.value == "done", finished.args[1].message
    (received,) = smtp_server.received
    text = received.message.get_content().replace("\r\n", "\n")
    assert text == body + "\n"
    partly = "fjernet de varer" if language == "da" else "removed the items you asked about"
    assert partly in text and format_money(refunded, language) in text
    whole = "annulleret din ordre" if language == "da" else "we have cancelled your order"
    assert whole not in text
    assert demo_shop.order(order_id).cancelled_at is None  # the shipped item stays sold


@pytest.mark.usefixtures("trusted")
def test_the_template_follows_the_items_chosen_until_the_merchant_picks_one(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = demo_shop.create_order("paid")
    while len(demo_shop.order(order_id).line_items) < 2:
        order_id = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(order_id, "Please cancel")
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)

    dialog = approve(qtbot, window, order_id)
    preview, panel = dialog.reply_preview, dialog.panel
    assert preview is not None and panel is not None
    assert dialog.preview.kind.value == "cancel"
    assert preview.kind_combo.currentData() == "cancelled"  # the whole order

    panel.lines[-1].quantity.setValue(0)  # one item stays on the order
    qtbot.waitUntil(lambda: dialog.settled and dialog.preview.kind.value == "refund", timeout=WAIT)
    assert preview.kind_combo.currentData() == "partly_cancelled"
    refunded = dialog.preview.refund_total
    assert refunded is not None
    language = reply_language(preview.facts.locale)
    assert format_money(refunded, language) in preview.body_edit.toPlainText()

    panel.lines[-1].quantity.setValue(panel.lines[-1].quantity.maximum())  # all of it again
    qtbot.waitUntil(lambda: dialog.settled and dialog.preview.kind.value == "cancel", timeout=WAIT)
    assert preview.kind_combo.currentData() == "cancelled"

    store_credit = preview.kind_combo.findData("store_credit")
    preview.kind_combo.setCurrentIndex(store_credit)  # picked by hand: it stays
    panel.lines[-1].quantity.setValue(0)
    qtbot.waitUntil(lambda: dialog.settled and dialog.preview.kind.value == "refund", timeout=WAIT)
    assert preview.kind_combo.currentData() == "store_credit"
    dialog.reject()


NO_REFUND_POLICY = """\
version = 1
[[rules]]
name = "Cancel without refund"
verdict = "approve"
[rules.action]
refund = "none"
"""


def test_items_removed_without_a_refund_are_answered_without_an_amount(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("paid")
    while len(demo_shop.order(order_id).line_items) < 2:
        order_id = demo_shop.create_order("paid")
    first = demo_shop.order(order_id).line_items[0]
    demo_shop.add_requested_edit(order_id, {f"gid://shopify/LineItem/{first.id}": 1})
    store = connect_demo(bare_context, demo_shop)
    policy_path(bare_context.paths.config_dir, store.id).write_text(NO_REFUND_POLICY, "utf-8")
    window = open_window(qtbot, bare_context)

    dialog = approve(qtbot, window, order_id)
    preview = dialog.reply_preview
    assert preview is not None
    assert dialog.preview.kind.value == "refund" and dialog.preview.refund_total is None
    assert preview.kind_combo.currentData() == "partly_cancelled_no_refund"
    body = preview.body_edit.toPlainText()
    partly = "fjernet de varer" if reply_language(preview.facts.locale) == "da" else "removed"
    assert partly in body
    assert "refund" not in body.lower()  # no "refunded ." with nothing to name
    dialog.reject()
