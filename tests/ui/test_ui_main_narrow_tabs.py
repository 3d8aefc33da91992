"""The window at 1024 px in English and Danish (second QA walkthrough after the layout work):
the Unmatched tab hid behind the tab bar's scroll arrows, "Received" read "for 20 mi…", and an
item's name was cut mid-word."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.danish import in_danish
from fixtures.main_window import open_window_at, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _every_tab_whole(qtbot: QtBot, window: MainWindow) -> None:
    """Each tab inside the tab bar's visible area, no scroll arrows, its count at its end."""
    tabs = window.queue.tabs
    counts = window.model.shown_counts()
    number = window.model.formatter.locale.toString
    names = window.queue.tab_names()
    texts = [f"{names[tab]}  {number(counts[tab])}" for tab in Tab]
    qtbot.waitUntil(lambda: [tabs.tabText(tab) for tab in Tab] == texts)  # retranslated
    window.grab()  # laid out and painted
    for tab in Tab:
        assert tabs.rect().contains(tabs.tabRect(tab)), (tab, tabs.tabRect(tab), tabs.rect())
    arrows = [b for b in tabs.findChildren(QToolButton) if b.isVisible()]
    assert arrows == []


def _received_whole(window: MainWindow) -> list[tuple[str, str]]:
    """Every Received cell's text whole in its column; (full text, text shown) per row."""
    table = window.queue.table
    table.grab()  # painted: the delegate knows its font and margins
    delegate = window.queue.text_delegate
    width = table.horizontalHeader().sectionSize(Column.RECEIVED)
    metrics = table.fontMetrics()
    shown = []
    for row in range(min(window.model.rowCount(), 40)):
        text = delegate.shown_text(row, Column.RECEIVED, width)
        assert metrics.horizontalAdvance(text) + 2 * delegate.margin <= width, (text, width)
        shown.append((window.model.cell_text(row, Column.RECEIVED), text))
    return shown


def test_at_1024_every_tab_and_its_count_shows_in_english_and_danish(
    qtbot: QtBot, context: AppContext
) -> None:
    window = open_window_at(qtbot, context, 1024)
    _every_tab_whole(qtbot, window)
    assert "Unmatched" in window.queue.tabs.tabText(Tab.UNMATCHED)
    with in_danish(window):
        _every_tab_whole(qtbot, window)
        assert window.queue.tabs.tabText(Tab.UNMATCHED).startswith("Uden ordre")
        # The queue dragged to its narrowest: the tabs stay whole, they are the window's.
        total = sum(window.splitter.sizes())
        window.splitter.setSizes([0, total])
        qtbot.waitUntil(lambda: window.queue.width() <= window.queue.minimumSizeHint().width())
        _every_tab_whole(qtbot, window)


def test_at_1024_received_says_its_times_short_and_whole_in_english_and_danish(
    qtbot: QtBot, context: AppContext
) -> None:
    window = open_window_at(qtbot, context, 1024)
    shown = _received_whole(window)
    assert any(full.endswith(" ago") for full, _ in shown)
    assert all(not text.endswith(" ago") for _, text in shown)  # "3 h", "20 min"
    with in_danish(window):
        shown = _received_whole(window)
        assert any(full.startswith("for ") for full, _ in shown)  # "for 3 timer siden"
        assert [text for _, text in shown if text.endswith(" t")]  # "3 t"
        assert all(not text.startswith("for ") for _, text in shown)
    # A wide window has the room: the whole "3 h ago".
    window.resize(1920, 1000)
    qtbot.waitUntil(lambda: window.width() == 1920)
    shown = _received_whole(window)
    assert all(full == text for full, text in shown)


def test_in_danish_at_1366_a_preorder_item_name_breaks_between_words(
    qtbot: QtBot, context: AppContext
) -> None:
    """Screenshot 80 of the walkthrough: "Julekalender 2027 (forudbestillir" cut mid-word;
    the names now wrap at spaces onto two lines (and are elided, whole on hover, only when
    one word is wider than the column)."""
    window = open_window_at(qtbot, context, 1366)
    seen: list[str] = []
    with in_danish(window):
        window.queue.show_tab(Tab.NEEDS_DECISION)
        for row in range(window.model.rowCount()):
            show_request(qtbot, window, window.model.request_id_at(row))
            detail = window.detail.detail
            if detail is None or detail.order is None:
                continue
            for item, cells in zip(detail.order.line_items, window.detail.items.rows, strict=False):
                if "(forudbestilling)" not in item.title:
                    continue
                lines = cells[1].text().splitlines()[:2]  # the name; the SKU under it
                assert lines == item.title.rsplit(" ", 1), lines  # whole words, whole name
                seen.append(item.title)
    assert "Julekalender 2027 (forudbestilling)" in seen
