"""The bulk approve's confirmation for orders paid in several currencies (second QA
walkthrough): the refunds go in each customer's currency, and the merchant also gets one
figure in the shop's currency, the orders' totals as the queue lists them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money
from cancelapp.policy import policy_path
from cancelapp.store.stores import list_stores
from cancelapp.ui.queue.queue_index import Tab
from fixtures.bulk_steps import approve_chosen
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
APPROVE_ALL = """\
version = 1
[[rules]]
name = "Approve"
verdict = "approve"
[rules.action]
refund = "original"
"""


def test_a_bulk_approve_in_three_currencies_totals_the_orders_in_the_shops_currency(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    context.settings = replace(context.settings, undo_window_seconds=0)
    with context.database.reading() as conn:
        (store,) = list_stores(conn)
    policy_path(context.paths.config_dir, store.id).write_text(APPROVE_ALL, "utf-8")
    orders = [shop.create_order(kind) for kind in ("paid", "eur", "kwd")]
    for order_id in orders:
        shop.add_cancel_request(order_id, "Please cancel, ordered twice.")
    window = open_window(qtbot, context)
    window.queue.show_tab(Tab.APPROVE)
    rows = [window.model.row_of(window.model.request_of_order(o) or 0) for o in orders]
    assert None not in rows, "each order is judged Approve"
    _orders, dialog = approve_chosen(qtbot, window, [r for r in rows if r is not None])
    shown = dict(dialog.rows())
    assert "Refund in total" not in shown  # no longer three currencies under one label
    listed = [window.model.queue_row(r) for r in rows if r is not None]
    assert {q.currency for q in listed} == {"DKK"}  # the queue lists the shop's currency
    total = sum((Decimal(q.total_amount or "0") for q in listed), Decimal(0))
    assert shown["Total, as listed"] == window.formatter.money(Money.of(total, "DKK"))
    back = shown["Customers get back"].splitlines()
    refunds = dialog.bulk.summary.refund_totals
    assert [m.currency for m in refunds] == ["DKK", "EUR", "KWD"]
    assert back == [window.formatter.money(m) for m in refunds]
    dialog.reject()
    window.close()
