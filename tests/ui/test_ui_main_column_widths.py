"""Only the widths the merchant set by hand are kept from one start to the next (third QA
walkthrough: after a day at 1024x768 the columns a narrow window had squeezed were restored
as the merchant's at 1920x1080, texts cut while the verdict took the spare width)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_columns import fit_columns
from cancelapp.ui.queue.queue_index import Column
from fixtures.header_drag import drag_edge
from fixtures.main_window import open_window, synced

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def shown_columns(window: MainWindow) -> list[Column]:
    header = window.queue.table.horizontalHeader()
    return [c for c in Column if c != Column.VERDICT and not header.isSectionHidden(c)]


def test_a_narrow_windows_widths_are_measured_again_in_a_wide_one_and_a_dragged_one_kept(
    qtbot: QtBot, context: AppContext
) -> None:
    narrow = open_window(qtbot, context, start=False)
    narrow.resize(1024, 720)
    with synced(qtbot, narrow):
        narrow.start()
    header = narrow.queue.table.horizontalHeader()
    fitted = fit_columns(narrow.queue.table, narrow.model.cell_text)
    squeezed = [c for c in shown_columns(narrow) if header.sectionSize(c) < fitted[c]]
    assert squeezed  # the narrow window made some give way to the verdict
    dragged = Column.RECEIVED
    drag_edge(qtbot, header, dragged, fitted[dragged] + 37)
    narrow.close()

    wide = MainWindow(context)
    qtbot.addWidget(wide)
    wide.show()
    wide.resize(1900, 1000)
    qtbot.waitUntil(lambda: wide.width() == 1900)
    with qtbot.waitSignal(wide.queue_completed, timeout=WAIT):
        wide.start(open_session=False)
    table = wide.queue.table
    header = table.horizontalHeader()
    assert header.sectionSize(dragged) == fitted[dragged] + 37  # the merchant's, kept
    fitted = fit_columns(table, wide.model.cell_text)
    for column in shown_columns(wide):
        if column != dragged:
            assert header.sectionSize(column) == fitted[column], column.name
    metrics = table.fontMetrics()
    for row in range(wide.model.rowCount()):  # every total whole, none "DKK 1,1…"
        total = wide.model.index(row, Column.TOTAL).data(Qt.ItemDataRole.DisplayRole)
        assert metrics.horizontalAdvance(total) < header.sectionSize(Column.TOTAL)
