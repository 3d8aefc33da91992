"""A first connect: the requests and their verdicts first, the recent orders after, in view."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.faults import Fault
from cancelapp.shopify.client import log as client_log
from cancelapp.store.orders import FULL, VERDICT
from cancelapp.store.requests import get_request
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def cached_orders(window: MainWindow) -> int:
    with window.context.database.reading() as conn:
        return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])


def details(window: MainWindow) -> set[str]:
    with window.context.database.reading() as conn:
        rows = conn.execute(
            "SELECT DISTINCT o.detail FROM requests r JOIN orders o ON o.gid = r.order_gid "
            "WHERE r.state = 'open'"
        )
        return {row[0] for row in rows}


def units(shop: DemoShop, order: str) -> int:
    return sum(li.unfulfilled_quantity for li in shop.order(order).line_items)


def test_first_connect_shows_every_request_judged_then_backfills_saying_so(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    # The tagged orders are read first; Shopify's own requests' answer comes a second later,
    # so the rows found before it must already show while the sync runs.
    shop.add_requested_edit(shop.order_ids()[0])
    shop.faults.inject(Fault.latency(1.0), operation="NativeCancellationRequests")
    shop.faults.inject(Fault.latency(1.0), operation="OrderList")  # the backfill's first page
    window = open_window(qtbot, context, start=False)  # this test watches the first connect
    said: list[str] = []
    window.sync.progressed.connect(lambda *_: said.append(window.status.progress.format()))
    model = window.model
    shown_while_syncing: list[bool] = []

    def inserted() -> None:  # the sync's worker still running, not its result being merged
        task = window.sync.task
        shown_while_syncing.append(task is not None and not task.done)

    model.rowsInserted.connect(inserted)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT) as first_connect:
        window.start()
    assert first_connect.args[0].more  # the recent orders are left to the backfill
    assert True in shown_while_syncing  # rows came before the sync ended
    shown = {row.request_id for row in model.index_.rows}
    assert len(shown) > 1, "the first connect showed no request"
    assert all(row.verdict_outcome for row in model.index_.rows)
    requests_only = cached_orders(window)
    assert requests_only < len(shop.order_ids())  # it read what the requests name, no more
    assert details(window) == {VERDICT}  # with what a verdict needs; in full later
    preparing = f"Shopify is preparing {len(shown)} orders…"  # one bulk operation for them
    assert said and all(
        t.startswith("Reading the orders with requests: ") or t == preparing for t in said
    )
    # The request selected is judged and decidable now, and its order is read in full as it
    # is opened, while the backfill still waits for its first page.
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT) as backfill:
        qtbot.waitUntil(lambda: window.current_detail() is not None, timeout=WAIT)
        opened = window.current_detail()
        assert opened is not None and opened.complete and opened.order is not None
        assert window.commands.approve.isEnabled() or opened.order.is_cancelled
        qtbot.waitUntil(lambda: getattr(window.current_detail(), "in_full", False), timeout=WAIT)
        assert window.sync.task is not None and not window.sync.task.done
    assert not backfill.args[0].more
    assert cached_orders(window) == len(shop.order_ids())
    assert details(window) == {FULL}
    after = {row.request_id for row in model.index_.rows}
    assert after == shown  # the backfill found no request the first connect had missed
    recent = f"Reading recent orders in the background: {len(shop.order_ids())}"
    in_full = "Reading the orders with requests in full in the background: "
    assert recent in said and said[-1].startswith(in_full)


@pytest.mark.parametrize("refused", [None, "ACCESS_DENIED"])
def test_a_first_connect_shows_requests_being_read_then_judges_every_one(
    qtbot: QtBot,
    context: AppContext,
    shop: DemoShop,
    refused: str | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Through one bulk operation (the status bar says Shopify prepares the orders; the rows
    found meanwhile say their order is being read; a buyer's new request in Shopify comes
    from the same file), or by id when Shopify refuses it: every request judged, with the
    verdicts the orders read in full by the backfill give."""
    buyer = next(o for o in iter(lambda: shop.create_order("paid"), None) if units(shop, o) > 1)
    first_line = f"gid://shopify/LineItem/{shop.order(buyer).line_items[0].id}"
    shop.add_requested_edit(buyer, {first_line: 1})  # a partial cancellation
    shop.refuse_bulk_operations(refused)
    shop.faults.inject(Fault.latency(2.0), operation="BulkOperation")  # Shopify still at it
    caplog.set_level(logging.DEBUG, logger=client_log.name)
    window = open_window(qtbot, context, start=False)  # this test watches the first connect
    said: list[str] = []
    window.sync.progressed.connect(lambda *_: said.append(window.status.progress.format()))
    model = window.model
    verdicts_shown: set[str] = set()

    def shown() -> None:
        for row in range(model.rowCount()):
            verdicts_shown.add(str(model.index(row, Column.VERDICT).data()))

    model.rowsInserted.connect(shown)
    model.dataChanged.connect(shown)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    rows = model.index_.rows
    assert len(rows) > 1 and all(row.verdict_outcome for row in rows)
    assert details(window) == {VERDICT}
    (asked,) = (r for r in rows if r.order_gid == buyer)  # shown, judged, as it was asked
    with window.context.database.reading() as conn:
        request = get_request(conn, asked.request_id)
    assert request is not None and request.line_item_ids == (first_line,)
    assert request.native_edit_id is not None
    by_id = [
        r for r in caplog.records if r.getMessage().startswith("NativeCancellationRequestOrder")
    ]
    assert bool(by_id) is (refused is not None)  # else made from the bulk file
    assert shop.bulk.downloads_with_token == 0
    if refused is None:
        assert len(shop.bulk.runs) == 1 and shop.bulk.downloads == 1
        assert f"Shopify is preparing {len(rows)} orders…" in said
        assert "Reading the order…" in verdicts_shown  # found first, then judged
    else:
        assert shop.bulk.downloads == 0 and not any(t.startswith("Shopify") for t in said)
    outcomes = sorted((row.order_gid or "", row.verdict_outcome or "") for row in rows)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):  # the backfill, in full
        pass
    assert outcomes == sorted(
        (r.order_gid or "", r.verdict_outcome or "") for r in model.index_.rows
    )
