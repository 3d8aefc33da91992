"""A first connect whose bulk operation is under way, in the real window against the demo shop:
a request whose order Shopify no longer has does not stay "Reading the order…" but lands in
Unmatched saying why, for the merchant to find the order or close the request; closing the
window while Shopify prepares the file cancels the operation, and quitting the app sends that
cancel before the app ends."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop, Fault
from cancelapp.domain.request import RequestState
from cancelapp.store.phrase_json import phrase_from_json
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
READING = "Reading the order…"


def being_read(window: MainWindow) -> list[tuple[int, str, str]]:
    """The rows that say their order is being read: (request id, order gid, order name)."""
    model = window.model
    found = []
    for row in range(model.rowCount()):
        if model.index(row, Column.VERDICT).data() == READING:
            queued = model.queue_row(row)
            found.append((queued.request_id, queued.order_gid or "", queued.order_name or ""))
    return found


def test_a_request_whose_order_is_gone_lands_in_unmatched_saying_why(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    shop.hold_bulk_operations()  # the file is prepared only once the order is deleted
    window = open_window(qtbot, context, start=False)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT) as first_connect:
        window.start()
        qtbot.waitUntil(lambda: bool(being_read(window)), timeout=WAIT)
        request_id, order_gid, name = being_read(window)[0]
        shop.delete_order(order_gid)  # in the admin, while Shopify prepares the file
        shop.release_bulk_operations()
    if first_connect.args[0].more:
        with qtbot.waitSignal(window.sync.finished, timeout=WAIT):  # the backfill
            pass
    assert not being_read(window)  # nothing left waiting for an order

    why = f"No order {name} in this store"
    window.queue.show_tab(Tab.UNMATCHED)
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show_request(qtbot, window, request_id)
    detail = window.current_detail()
    assert detail is not None and detail.request.state is RequestState.UNMATCHED
    assert why in [window.formatter.phrase(p) for p in detail.verdict.reasons]
    row = window.model.row_of(request_id)
    assert row is not None
    reason = window.model.queue_row(row).verdict_reason
    assert reason is not None and window.formatter.phrase(phrase_from_json(reason)) == why
    # the Unmatched flow: find the order, or close the request
    qtbot.waitUntil(window.commands.find_order.isEnabled, timeout=WAIT)


def test_closing_the_window_while_shopify_prepares_the_file_cancels_the_operation(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    shop.hold_bulk_operations()
    window = open_window(qtbot, context, start=False)
    window.start()
    qtbot.waitUntil(lambda: bool(being_read(window)), timeout=WAIT)
    assert shop.bulk.cancelled == []
    window.close()  # never waits for Shopify's answer
    qtbot.waitUntil(lambda: bool(shop.bulk.cancelled), timeout=WAIT)
    (run,) = shop.bulk.runs.values()
    assert shop.bulk.cancelled == [f"gid://shopify/BulkOperation/{run.id}"]


def test_quitting_while_shopify_prepares_the_file_cancels_the_operation_before_the_app_ends(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    """Quit closes the window; once the event loop returns, `main` closes the context. The
    cancel goes from a daemon thread that the interpreter's exit would cut off, and over a
    client the context closes: the quit path gives it its moment first."""
    shop.hold_bulk_operations()
    shop.faults.inject(Fault.slow_arrival(0.5), operation="BulkOperationCancel")
    window = open_window(qtbot, context, start=False)
    window.start()
    qtbot.waitUntil(lambda: bool(being_read(window)), timeout=WAIT)
    window.commands.quit.trigger()
    assert not window.isVisible()
    context.close()  # what `main` does once the event loop has returned (closing twice is fine)
    (run,) = shop.bulk.runs.values()
    operation = f"gid://shopify/BulkOperation/{run.id}"
    assert shop.bulk.cancelled == [operation]  # already: nothing is left to send it after this
    qtbot.waitUntil(lambda: shop.bulk.state(run)["status"] == "CANCELED", timeout=WAIT)
