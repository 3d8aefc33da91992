"""The policy editor's backtest in the real window: each request the merchant decided is judged
against the order as it was when they decided, not as their own decision left it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.verdict import Outcome
from cancelapp.store.requests import get_request
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.policy.policy_editor import PolicyEditor
from fixtures.main_window import decline_with_reason, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    # The seeded scenarios before the cancelled order's: no request is decided yet.
    return make_demo_shop(size=11, bucket_size=100_000, restore_rate=100_000)


def ordinary(shop: DemoShop, state: str = "paid", *, units: int = 1) -> str:
    """A new order of no final-sale items with a line of at least `units` units."""
    while True:
        order_id = shop.create_order(state)
        lines = shop.order(order_id).line_items
        tags = {t for li in lines if li.variant for t in li.variant.product.tags}
        if "final-sale" not in tags and max(li.quantity for li in lines) >= units:
            return order_id


def made_orders(shop: DemoShop) -> dict[str, str]:
    """Two whole paid orders, a partial Shopify request (one unit of a line of two) and one to
    decline, all of which the default rules approve; and a partly shipped order (Review)."""
    partial = ordinary(shop, units=2)
    line = max(shop.order(partial).line_items, key=lambda li: li.quantity)
    shop.add_requested_edit(partial, {f"gid://shopify/LineItem/{line.id}": 1})
    made = {
        "whole_1": ordinary(shop),
        "whole_2": ordinary(shop),
        "declined": ordinary(shop),
        "partly_shipped": ordinary(shop, "partially_fulfilled"),
    }
    for order_id in made.values():
        shop.add_cancel_request(order_id, "Please cancel")
    return {"partial": partial, **made}


def decide(qtbot: QtBot, window: MainWindow, order_id: str, expected: Outcome) -> int:
    """Open the order's request (judged `expected`) and approve it as the window offers."""
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)
    detail = window.current_detail()
    assert detail is not None and detail.verdict.outcome is expected
    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    finish(qtbot, window, dialog)
    return request_id


def finish(qtbot: QtBot, window: MainWindow, dialog: ConfirmActionDialog) -> None:
    qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=WAIT)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message


def test_the_backtest_agrees_with_approvals_the_rules_made_partial_ones_included(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    orders = made_orders(demo_shop)
    context = bare_context
    context.settings = replace(context.settings, undo_window_seconds=0)
    connect_demo(context, demo_shop)
    window = open_window(qtbot, context)
    qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
    approved = [
        decide(qtbot, window, orders[key], Outcome.APPROVE)
        for key in ("whole_1", "whole_2", "partial")
    ]
    partly = decide(qtbot, window, orders["partly_shipped"], Outcome.REVIEW)
    declined = window.model.request_of_order(orders["declined"])
    assert declined is not None
    show_request(qtbot, window, declined)
    finish(qtbot, window, decline_with_reason(qtbot, window, "It has been packed."))
    # What each decision left: cancelled and refunded, or partly refunded and still open.
    for key in ("whole_1", "whole_2"):
        assert demo_shop.order(orders[key]).cancelled_at is not None
    assert demo_shop.order(orders["partial"]).cancelled_at is None
    assert demo_shop.ledger.refunded_total(orders["partial"]) > 0
    with context.database.reading() as conn:
        states = {rid: get_request(conn, rid) for rid in (*approved, partly, declined)}
    assert {rid: r.state.value for rid, r in states.items() if r} == {
        **dict.fromkeys((*approved, partly), "done"),
        declined: "declined",
    }

    with qtbot.waitSignal(window.policy.editor_opened, timeout=WAIT) as opened:
        window.commands.policy.trigger()
    editor = opened.args[0]
    assert isinstance(editor, PolicyEditor)
    # Each judged as the merchant saw it: the three approvals the rules made agree, the
    # partly shipped one they would ask to look at, the decline differs (the rules would
    # have approved it).
    assert editor.backtest_label.text() == (
        "Backtest over the 5 requests you have decided: agrees with you 3 · differs 1 · "
        "would ask you to look 1"
    )
    changes = [editor.changes_list.item(i).text() for i in range(editor.changes_list.count())]
    declined_name = demo_shop.order(orders["declined"]).name
    assert changes == [f"{declined_name}: you declined it, the rules would approve"]
    item = editor.changes_list.item(0)
    editor.changes_list.setCurrentItem(item)
    editor.changes_list.itemActivated.emit(item)
    assert window.queue.current_request_id() == declined
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def cancel_in_shopify_admin(shop: DemoShop, order_id: str) -> None:
    with shop.store.lock:
        order = shop.order(order_id)
        now = shop.store.now()
        order.cancelled_at = order.closed_at = now
        order.touch(now)
        shop.store.register(order)


def test_a_request_settled_in_shopify_is_counted_as_cannot_tell(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    """The merchant cancelled the order in Shopify's admin after the request came: the order
    as it was then is not known, so the backtest neither agrees nor differs."""
    order_id = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(order_id, "Please cancel")
    cancel_in_shopify_admin(demo_shop, order_id)
    connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)
    qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    with bare_context.database.reading() as conn:
        request = get_request(conn, request_id)
    assert request is not None and request.state.value == "done"
    with qtbot.waitSignal(window.policy.editor_opened, timeout=WAIT) as opened:
        window.commands.policy.trigger()
    editor = opened.args[0]
    assert isinstance(editor, PolicyEditor)
    assert editor.backtest_label.text() == (
        "Backtest over the 1 requests you have decided: agrees with you 0 · differs 0 · "
        "would ask you to look 0 · can't tell 1"
    )
    assert "not judged" in editor.backtest_label.toolTip()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
