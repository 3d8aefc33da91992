"""At 1024 px the Action and Refund due columns fold away only when no request of the tab has
anything to say in them, not merely the first rows: a refund deadline (the law's) or a failed
decision further down the queue keeps its column (review of the narrow-window merge: the
first 40 rows in the current sort decided it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_columns import SAMPLE_ROWS
from cancelapp.ui.queue.queue_index import Column
from fixtures.main_window import approve_refused, open_window_at, synced

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
FILLER = SAMPLE_ROWS + 5  # requests with nothing to say in either column


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    shop = make_demo_shop(size=30, bucket_size=100_000, restore_rate=100_000)
    for _ in range(FILLER):
        shop.add_cancel_request(shop.create_order("paid"), "Please cancel, ordered twice.")
    return shop


@pytest.fixture
def context(context: AppContext) -> AppContext:
    context.settings = replace(context.settings, undo_window_seconds=1)
    return context


def _below_the_first_rows(window: MainWindow, column: int) -> int:
    """How many rows say something in `column`, every one of them below the first rows."""
    model = window.model
    saying = [row for row in range(model.rowCount()) if model.cell_text(row, column)]
    assert all(row >= SAMPLE_ROWS for row in saying), saying
    return len(saying)


def test_at_1024_a_refund_deadline_or_a_failure_below_the_first_rows_keeps_its_column(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = open_window_at(qtbot, context, 1024)
    table = window.queue.table
    header = table.horizontalHeader()
    assert window.model.rowCount() > SAMPLE_ROWS
    assert header.sectionSize(Column.ACTION) == header.sectionSize(Column.REFUND_DUE) == 0
    # Oldest orders first: what comes now is further down than the first rows.
    table.sortByColumn(Column.ORDER, Qt.SortOrder.AscendingOrder)
    withdrawals = shop.add_eu_withdrawals()  # Danish customers: the law's refund deadline
    refusing = shop.create_order("paid")
    shop.add_cancel_request(refusing, "Please cancel, ordered twice.")
    with synced(qtbot, window):
        window.commands.sync.trigger()  # F5
    assert _below_the_first_rows(window, Column.REFUND_DUE) == len(withdrawals)
    # Every deadline whole: a legal date is never cut ("12/21…" at 1024 px, demo shop).
    metrics = table.fontMetrics()
    for row in range(window.model.rowCount()):
        due = window.model.cell_text(row, Column.REFUND_DUE)
        assert metrics.horizontalAdvance(due) + 8 <= header.sectionSize(Column.REFUND_DUE), due
    approve_refused(qtbot, window, shop, refusing)
    qtbot.waitUntil(lambda: _below_the_first_rows(window, Column.ACTION) == 1, timeout=WAIT)
    window.close()

    # Opened again in the same sort: the columns are measured from the first rows anew.
    again = open_window_at(qtbot, context, 1024)
    header = again.queue.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.ORDER
    assert _below_the_first_rows(again, Column.ACTION) == 1
    assert _below_the_first_rows(again, Column.REFUND_DUE) == len(withdrawals)
    (failed,) = (
        r for r in range(again.model.rowCount()) if again.model.cell_text(r, Column.ACTION)
    )
    assert again.model.cell_text(failed, Column.ACTION) == "Failed"
    assert header.sectionSize(Column.ACTION) > 0
    assert header.sectionSize(Column.REFUND_DUE) > 0
