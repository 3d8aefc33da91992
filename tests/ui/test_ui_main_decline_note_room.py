"""A decline's reason goes on the order's note, which Shopify keeps to 5,000 characters: a
reason that would not fit beside the merchant's note is refused on screen, with how much room
is left, and nothing is sent or cut (third QA walkthrough: never cut text silently)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.detail.action_dialogs import TextDialog
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def test_a_reason_that_does_not_fit_beside_the_note_is_refused_on_screen(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("paid")
    merchants_note = "Gift wrap, card inside. " * 200  # 4,800 characters of the shop's own
    with demo_shop.store.lock:
        demo_shop.order(order_id).note = merchants_note
    demo_shop.add_cancel_request(order_id, "Please cancel")
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)

    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    asked = opened.args[0]
    assert isinstance(asked, TextDialog)
    reason = "We are sorry: " + "it has been packed already. " * 10  # about 290 characters
    asked.editor.setPlainText(reason)
    with qtbot.waitSignal(window.actions_.decision_problems, timeout=WAIT) as problem:
        asked.confirm_button.click()
    said = problem.args[1]()[0]
    assert window.banner.text == said
    assert "Shopify keeps at most 5000 characters there" in said.replace(",", "")
    assert "Shorten the reason, or the order's note in Shopify" in said
    assert demo_shop.order(order_id).note == merchants_note  # nothing cut, nothing added
    assert "cancel-declined" not in demo_shop.order(order_id).tags
