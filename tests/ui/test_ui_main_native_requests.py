"""Shopify's own buyer requests in the real window, through the released 2026-10 API only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DEFAULT_SCOPES, DemoShop
from cancelapp.domain.request import RequestState
from cancelapp.store.requests import get_request
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.main_window import decline_with_reason, open_window, show_request, synced

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
    show_request(qtbot, window, request_id)  # read again when selected already
    return request_id


def test_declining_a_shopify_request_counts_the_note_and_never_cuts_it(
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
    assert reason.counter.text() == f"{len(reason.text)} of 500 characters"
    reason.editor.setPlainText("x" * 600)  # a paste longer than Shopify takes: kept
    assert reason.editor.toPlainText() == "x" * 600
    assert reason.counter.text() == "600 of 500 characters"
    assert not reason.confirm_button.isEnabled() and reason.too_long.isVisible()
    assert reason.too_long.text() == (
        "Shopify takes at most 500 characters here. Shorten the text by 100 to continue."
    )
    reason.accept()  # Enter does not get past it either
    assert reason.isVisible()
    cursor = reason.editor.textCursor()
    cursor.setPosition(500)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()  # the merchant shortens it
    assert reason.counter.text() == "500 of 500 characters"
    assert reason.confirm_button.isEnabled() and not reason.too_long.isVisible()
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


def test_a_buyer_asking_again_after_a_decline_is_a_new_request_in_the_queue(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop, requests: dict[str, str]
) -> None:
    """Declined in the window, asked again in Shopify: after a refresh (F5) the new request
    needs a decision, judged, under its own edit; the declined one stays declined."""
    order = requests["whole"]
    declined = open_request_of(qtbot, window, order)
    confirm = decline_with_reason(qtbot, window, "It has been packed.")
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        confirm.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message

    again = demo_shop.add_requested_edit(order)
    with synced(qtbot, window):
        window.commands.sync.trigger()  # F5
    window.queue.show_tab(Tab.NEEDS_DECISION)
    model = window.model

    def new_request() -> int | None:
        found = model.request_of_order(order)
        return None if found == declined else found

    qtbot.waitUntil(lambda: new_request() is not None, timeout=WAIT)
    asked = new_request()
    assert asked is not None
    qtbot.waitUntil(lambda: model.row_of(asked) is not None, timeout=WAIT)
    row = model.queue_row(model.row_of(asked) or 0)
    assert (row.request_state, row.order_gid) == ("open", order)
    assert row.verdict_outcome is not None  # judged
    assert model.row_of(declined) is None  # not among those needing a decision
    show_request(qtbot, window, asked)
    detail = window.current_detail()
    assert detail is not None and detail.request.native_edit_id == again
    with window.context.database.reading() as conn:
        old = get_request(conn, declined)
    assert old is not None and old.state is RequestState.DECLINED
    assert [e.status for e in demo_shop.order(order).requested_edits] == ["DECLINED", "REQUESTED"]


def test_a_partial_request_refunds_the_units_the_buyer_asked_for(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop, requests: dict[str, str]
) -> None:
    """The buyer asked for one unit of a line that has more: the preview takes that one unit
    (not the whole line), agrees with Shopify's own sum, and the demo shop's ledger shows
    one unit refunded and restocked."""
    request_id = open_request_of(qtbot, window, requests["partial"])
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    rows = dict(dialog.rows())
    order_id = requests["partial"]
    line = max(demo_shop.order(order_id).line_items, key=lambda li: li.quantity)
    line_gid = f"gid://shopify/LineItem/{line.id}"
    shopify = dialog.preview.shopify_total or pytest.fail("no Shopify calculation")
    assert shopify.amount == line.unit_price  # one unit, as asked
    assert rows["Shopify's own calculation"] == window.formatter.money(shopify)
    warnings = [label.text() for label in dialog.warning_labels]
    assert not any(text.startswith("Shopify computes") for text in warnings), warnings
    assert dialog.panel is not None
    spin = next(w.quantity for w in dialog.panel.lines if w.line_item_id == line_gid)
    assert spin.value() == 1 and spin.maximum() == line.quantity
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[0] == request_id
    assert finished.args[1].status.value == "done", finished.args[1].message
    after = next(li for li in demo_shop.order(order_id).line_items if li.id == line.id)
    assert after.refunded_quantity == 1  # not the whole line
    refunded = sum(r.amount for r in demo_shop.ledger.refunds if r.order_id == order_id)
    assert refunded <= line.unit_price
    assert sum(r.delta for r in demo_shop.ledger.restocks if r.order_id == order_id) == 1
    (edit,) = demo_shop.order(order_id).requested_edits
    assert edit.status == "RESOLVED"


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
