"""Opening on the first page: the rest of the queue arrives as inserted rows, not a reset."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_ui_queue_model import NOW, make_rows, shown_ids

from cancelapp.store.queue import QueueRow
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.queue.queue_index import Column, QueueFilter, QueueIndex, Sorting, Tab
from cancelapp.ui.queue.queue_model import QueueModel
from cancelapp.ui.queue.queue_view import QueueView


def first_page(rows: list[QueueRow], size: int) -> list[QueueRow]:
    """What `store.queue.load_queue_head` reads: the opening view's leading rows, in request
    order."""
    full = QueueIndex(rows)
    return sorted(full.rows[p] for p in full.visible(QueueFilter(), Sorting())[:size])


def test_the_rest_is_inserted_below_the_first_page(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    rows = make_rows(400)
    model = QueueModel(Formatter(QLocale("da_DK")), now=lambda: NOW)
    view = QueueView(model)
    qtbot.addWidget(view)
    model.load(first_page(rows, 30))
    view.select_row(3)
    selected = view.current_request_id()
    qtmodeltester.check(model)
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    full = QueueIndex(rows)
    model.complete(full)
    assert resets == []
    assert inserted == [(30, model.rowCount() - 1)]
    assert shown_ids(model) == [
        full.rows[p].request_id for p in full.visible(QueueFilter(), Sorting())
    ]
    assert view.current_request_id() == selected
    assert model.counts()[Tab.DONE] == full.counts()[Tab.DONE] > 0
    qtmodeltester.check(model)


def test_a_view_changed_meanwhile_is_reset_to_the_whole_queue(qtbot: QtBot) -> None:
    rows = make_rows(200)
    model = QueueModel(Formatter(QLocale("da_DK")), now=lambda: NOW)
    model.load(first_page(rows, 20))
    model.sort(Column.ORDER, Qt.SortOrder.AscendingOrder)  # the merchant sorted meanwhile
    full = QueueIndex(rows)
    with qtbot.waitSignal(model.modelReset):
        model.complete(full)
    sorting = Sorting(Column.ORDER, descending=False)
    assert shown_ids(model) == [
        full.rows[p].request_id for p in full.visible(QueueFilter(), sorting)
    ]
