"""The decisive reason first (issue 18, point 2), in the real window on the demo shop: a
request whose payment is pending says so at the top, not on line 11 of 12."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.policy import default_policy
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
CHECK = "\u2713"


@pytest.fixture
def pending_order(shop: DemoShop) -> str:
    """A bank transfer not yet paid, of no final-sale items: only the catch-all decides it."""
    for _ in range(10):
        order_id = shop.create_order("pending_manual")
        order = shop.store.orders[int(order_id.rsplit("/", 1)[1])]
        tags = {t for li in order.line_items if li.variant for t in li.variant.product.tags}
        if "final-sale" not in tags:
            break
    shop.add_cancel_request(order_id, "Please cancel, I have not paid yet")
    return order_id


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, pending_order: str) -> Iterator[MainWindow]:
    yield open_window(qtbot, context)  # through the first sync and its backfill


def select_pending(window: MainWindow, qtbot: QtBot, order_id: str) -> None:
    model = window.model
    row = next(r for r in range(model.rowCount()) if model.queue_row(r).order_gid == order_id)
    request_id = model.request_id_at(row)
    show_request(qtbot, window, request_id)

    def shown() -> bool:
        detail = window.current_detail()
        return detail is not None and detail.request.id == request_id and detail.complete

    qtbot.waitUntil(shown, timeout=WAIT)


def test_pending_payment_first_and_rules_passed_over_each_once(
    window: MainWindow, qtbot: QtBot, pending_order: str
) -> None:
    select_pending(window, qtbot, pending_order)
    pane = window.detail
    decisive = pane.decisive.text()
    assert decisive.startswith('The rule "In time" would approve it, but: payment status pending')
    assert not pane.decisive.isHidden()
    # Above everything else the verdict says: the rule that decided and its own reason.
    assert pane.decisive.y() < pane.why.y() < pane.why_not.y()
    why = pane.why.text().split("\n")
    assert 'Decided by the rule "Everything else"' in why
    assert "pending" not in pane.why.text()  # said once, at the top
    # Rules passed over wait, collapsed, behind "Why not another rule?"
    passed_over_rules = [rule.name for rule in default_policy().rules[:-1]]
    assert pane.passed_over.isHidden()
    assert pane.why_not.text() == f"Why not another rule? ({len(passed_over_rules)})"
    qtbot.mouseClick(pane.why_not, Qt.MouseButton.LeftButton)
    assert not pane.passed_over.isHidden()
    lines = pane.passed_over.text().split("\n")
    assert [line.split('"')[1] for line in lines] == passed_over_rules  # each rule, once
    assert not any(line.startswith(CHECK) for line in lines)
    on_hold = next(line for line in lines if line.startswith('"On hold"'))
    assert on_hold == '"On hold" did not apply: fulfillment not on hold'
