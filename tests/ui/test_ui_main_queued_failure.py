"""A queued decision Shopify refuses to check when its undo window is over fails on its own,
in the real window against the demo shop: the merchant is told why, and the request is back
needing a decision with the reason on its timeline; nothing reached Shopify."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.main_window import approve_refused, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=20, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def window(qtbot: QtBot, bare_context: AppContext, shop: DemoShop) -> Iterator[MainWindow]:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=1)
    connect_demo(bare_context, shop)
    yield open_window(qtbot, bare_context)


def test_a_queued_decision_shopify_refuses_to_check_comes_back_with_why(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    window.queue.show_tab(Tab.NEEDS_DECISION)
    model = window.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
        and model.queue_row(r).financial_status == "PAID"
    )
    request_id, order_id = model.request_id_at(row), model.queue_row(row).order_gid
    approve_refused(qtbot, window, shop, order_id or "")
    assert "could not check the order in Shopify" in window.banner.text
    assert shop.order(order_id or "").cancelled_at is None
    assert [r for r in shop.ledger.refunds if r.order_id == order_id] == []
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show_request(qtbot, window, request_id)
    shown = window.current_detail()
    assert shown is not None and shown.request.id == request_id
    assert "Nothing was sent" in window.detail.timeline.text()
    assert window.commands.approve.isEnabled()  # back with the merchant to decide again
