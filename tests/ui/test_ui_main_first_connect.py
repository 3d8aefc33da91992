"""A first connect: the requests and their verdicts first, the recent orders after, in view."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.app import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def cached_orders(window: MainWindow) -> int:
    with window.context.database.reading() as conn:
        return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])


def test_first_connect_shows_every_request_judged_then_backfills_saying_so(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    said: list[str] = []
    window.sync.progressed.connect(lambda *_: said.append(window.status.progress.format()))
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT) as first_connect:
        window.start()
    assert first_connect.args[0].more  # the recent orders are left to the backfill
    model = window.model
    shown = {row.request_id for row in model.index_.rows}
    assert shown, "the first connect showed no request"
    assert all(row.verdict_outcome for row in model.index_.rows)
    requests_only = cached_orders(window)
    assert requests_only < len(shop.order_ids())  # it read what the requests name, no more
    assert said and all(t.startswith("Reading the orders with requests: ") for t in said)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT) as backfill:
        pass  # started at once by the first connect's `more`
    assert not backfill.args[0].more
    assert cached_orders(window) == len(shop.order_ids())
    after = {row.request_id for row in model.index_.rows}
    assert after == shown  # the backfill found no request the first connect had missed
    assert said[-1] == f"Reading recent orders in the background: {len(shop.order_ids())}"
