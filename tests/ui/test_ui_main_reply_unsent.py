"""No mailbox set up to send from (QA walkthrough: the edited reply was silently dropped):
the approve and decline confirmations say plainly, before the merchant confirms, that the
reply is not sent, offer to copy it or open the email settings, promise no reply that will
not go, and the request's timeline records what became of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.main_window import decline_with_reason, open_approve, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def no_mailbox_window(
    qtbot: QtBot, context: AppContext, shop: DemoShop, undo_seconds: int = 0
) -> MainWindow:
    connect_demo(context, shop)
    context.settings = replace(context.settings, undo_window_seconds=undo_seconds)
    return open_window(qtbot, context)


def timeline_says(qtbot: QtBot, window: MainWindow, request_id: int, words: str) -> None:
    """The decided request, shown in Done once the queue has it there, records `words`."""
    window.queue.show_tab(Tab.DONE)

    def decided() -> bool:
        row = window.model.row_of(request_id)
        return row is not None and window.model.queue_row(row).request_state != "open"

    qtbot.waitUntil(decided, timeout=WAIT)
    show_request(qtbot, window, request_id)
    assert words in window.detail.timeline.text()


def test_an_approve_reply_copied_without_a_mailbox_is_recorded_not_lost(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(order_id, "Please cancel")
    window = no_mailbox_window(qtbot, bare_context, demo_shop)

    dialog = open_approve(qtbot, window, order_id)
    preview = dialog.reply_preview
    assert preview is not None
    assert preview.not_sent_label.isVisible()
    assert preview.not_sent_label.text().startswith("No mailbox is set up, so this reply is not")
    assert not preview.send_box.isVisible()
    assert "only this reply" not in preview.shopify_label.text()
    assert preview.copy_button.isVisible() and preview.copy_button.text() == "&Copy reply"
    assert preview.settings_button.isVisible()

    # "Email settings…" opens the settings over the confirmation, at the mailbox's tab.
    preview.settings_button.click()
    settings = qtbot.waitUntil(lambda: dialog.findChild(SettingsDialog) is not None) or (
        dialog.findChild(SettingsDialog)
    )
    assert isinstance(settings, SettingsDialog)
    assert settings.isVisible() and settings.tabs.currentIndex() == 2
    settings.reject()  # nothing set up: it still says so
    assert preview.not_sent_label.isVisible() and not preview.send_box.isVisible()

    preview.body_edit.setPlainText("Dear customer,\n\nDone, sorry for the wait.")
    preview.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.endswith("Done, sorry for the wait.")
    assert preview.subject_edit.text() in copied
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message
    timeline_says(
        qtbot, window, finished.args[0], "Reply copied to send yourself; not sent by CancelApp"
    )


def test_a_decline_without_a_mailbox_says_the_reply_is_not_sent(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("fulfilled")
    demo_shop.add_cancel_request(order_id, "Please cancel")
    window = no_mailbox_window(qtbot, bare_context, demo_shop)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)

    dialog = decline_with_reason(qtbot, window, "please use our free return instead")
    preview = dialog.reply_preview
    assert preview is not None
    assert preview.not_sent_label.isVisible()
    shopify = preview.shopify_label.text()
    assert "only this reply" not in shopify
    assert "hears nothing unless you send this reply yourself" in shopify
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message
    timeline_says(qtbot, window, request_id, "Reply not sent: no mailbox set up")


def test_a_decision_undone_without_a_mailbox_takes_its_unsent_reply_back_too(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    """Approved with no mailbox, then Undo inside the undo window: nothing was decided, yet
    the timeline's last word on the reply was "Reply not sent", a reply the customer seemed
    still owed. The entry stays (the log is append-only) and the undo answers it."""
    order_id = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(order_id, "Please cancel")
    window = no_mailbox_window(qtbot, bare_context, demo_shop, undo_seconds=600)
    dialog = open_approve(qtbot, window, order_id)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    request_id, outcome = finished.args
    assert outcome.status.value == "queued", outcome.message
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        qtbot.keyClick(window.queue.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.queue.show_tab(Tab.NEEDS_DECISION)  # back for a decision
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show_request(qtbot, window, request_id)
    lines = window.detail.timeline.text().splitlines()
    said = [n for n, line in enumerate(lines) if "Reply not sent: no mailbox set up" in line]
    back = [
        n for n, line in enumerate(lines) if "Unsent reply taken back with its decision" in line
    ]
    assert len(said) == 1 and len(back) == 1 and said[0] < back[0], lines
    assert demo_shop.order(order_id).cancelled_at is None
