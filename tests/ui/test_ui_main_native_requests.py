"""Shopify's own buyer requests in the real window, through the released 2026-10 API only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DEFAULT_SCOPES, DemoShop
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=20, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def requests(demo_shop: DemoShop) -> dict[str, str]:
    """A whole-order request and a partial one: one unit of a line that has two."""
    whole = demo_shop.create_order("paid")
    partial = demo_shop.create_order("paid")
    while sorted(li.quantity for li in demo_shop.order(partial).line_items)[-1] < 2:
        partial = demo_shop.create_order("paid")
    line = max(demo_shop.order(partial).line_items, key=lambda li: li.quantity)
    return {
        "whole": whole,
        "whole_edit": demo_shop.add_requested_edit(whole),
        "partial": partial,
        "partial_edit": demo_shop.add_requested_edit(
            partial, {f"gid://shopify/LineItem/{line.id}": 1}
        ),
    }


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, requests: dict[str, str]
) -> Iterator[MainWindow]:
    context = bare_context
    context.settings = replace(context.settings, undo_window_seconds=0)
    connect_demo(context, demo_shop)
    yield open_window(qtbot, context)  # through the first sync and its backfill


def open_request_of(qtbot: QtBot, window: MainWindow, order_id: str) -> int:
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None, "the request is in the queue"
    row = window.model.row_of(request_id)
    if row is None:
        window.queue.show_tab(Tab.NEEDS_DECISION)
        row = window.model.row_of(request_id)
    assert row is not None
    shown = window.current_detail()
    if window.queue.table.currentIndex().row() == row and shown is not None:
        return request_id
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT):
        window.queue.select_row(row)
    return request_id


def test_declining_a_shopify_request_counts_and_caps_the_note(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop, requests: dict[str, str]
) -> None:
    request_id = open_request_of(qtbot, window, requests["whole"])
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    reason = opened.args[0]
    assert isinstance(reason, TextDialog)
    assert reason.counter.isVisible()
    assert reason.limit == 500
    qtbot.keyClicks(reason.editor, "Sorry, it has shipped. ")
    assert reason.counter.text() == f"{len(reason.editor.toPlainText())} of 500 characters"
    reason.editor.setPlainText("x" * 600)  # a paste longer than Shopify takes
    assert len(reason.editor.toPlainText()) == 500
    assert reason.counter.text() == "500 of 500 characters"
    reason.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(reason.editor, "yz")  # nothing more goes in
    assert reason.editor.toPlainText() == "x" * 500
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        reason.confirm_button.click()
    confirm = opened.args[0]
    assert isinstance(confirm, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        confirm.confirm_button.click()
    assert finished.args[0] == request_id
    assert finished.args[1].status.value == "done", finished.args[1].message
    (edit,) = demo_shop.order(requests["whole"]).requested_edits
    assert (edit.status, edit.decline_note) == ("DECLINED", "x" * 500)
    assert demo_shop.stats.versions == {"2026-10"}  # sync, intake, window and decline


def test_a_partial_request_shows_shopifys_calculation_and_the_disagreement(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop, requests: dict[str, str]
) -> None:
    """The buyer asked for one unit; CancelApp's refund takes every unshipped unit of that
    line, so Shopify's own sum is lower and the preview says so before anything is sent."""
    open_request_of(qtbot, window, requests["partial"])
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    rows = dict(dialog.rows())
    order = demo_shop.order(requests["partial"])
    line = max(order.line_items, key=lambda li: li.quantity)
    shopify = window.formatter.money(
        dialog.preview.shopify_total or pytest.fail("no Shopify calculation")
    )
    assert rows["Shopify's own calculation"] == shopify
    assert dialog.preview.shopify_total.amount == line.unit_price  # one unit, as asked
    warnings = [label.text() for label in dialog.warning_labels]
    assert any(text.startswith(f"Shopify computes {shopify}") for text in warnings), warnings
    assert all(label.isVisible() for label in dialog.warning_labels)
    dialog.reject()
    assert demo_shop.stats.versions == {"2026-10"}


def test_without_read_legal_policies_the_policys_window_applies_and_the_banner_says_so(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    shop = make_demo_shop(size=5, scopes=DEFAULT_SCOPES - {"read_legal_policies"})
    connect_demo(bare_context, shop)
    window = MainWindow(bare_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    assert window.policy.shop_edit_window is None  # the policy's own window
    qtbot.waitUntil(lambda: "read_legal_policies" in window.banner.text, timeout=WAIT)
    assert "the policy's own window applies" in window.banner.text
    window.close()
