"""The window at 1024 px in English and Danish (second QA walkthrough after the layout work):
the Unmatched tab hid behind the tab bar's scroll arrows, "Received" read "for 20 mi…", and an
item's name was cut mid-word."""

from __future__ import annotations

import re

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


# "3 h", "20 min", "now"; in Danish "3 t", "20 min", "nu": never "3 h ago", "for 3 timer siden".
SHORT = {"en": re.compile(r"now|\d+ (min|h|d)"), "da": re.compile(r"nu|\d+ (min|t|d)")}


def _received_in_every_tab(qtbot: QtBot, window: MainWindow, language: str) -> set[Tab]:
    """Every tab's Received cells: in the one short form, and whole in their column; the
    tabs that have rows."""
    table = window.queue.table
    metrics = table.fontMetrics()
    filled = set()
    for tab in Tab:
        window.queue.show_tab(tab)
        table.grab()  # laid out and painted
        width = table.horizontalHeader().sectionSize(Column.RECEIVED)
        for row in range(min(window.model.rowCount(), 40)):
            text = window.model.cell_text(row, Column.RECEIVED)
            assert SHORT[language].fullmatch(text), (tab, text)
            assert metrics.horizontalAdvance(text) + 2 * window.queue.text_delegate.margin <= width
            filled.add(tab)
    return filled


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


def test_received_reads_one_way_in_every_tab_at_every_width_in_english_and_danish(
    qtbot: QtBot, context: AppContext
) -> None:
    """QA walkthrough: "13 min" in one tab, "for 12 min. siden" in another (a cell said its
    time short only where the long one did not fit, and the tabs' columns differ)."""
    window = open_window_at(qtbot, context, 1024)
    assert {Tab.NEEDS_DECISION, Tab.DONE} <= _received_in_every_tab(qtbot, window, "en")
    with in_danish(window):
        _received_in_every_tab(qtbot, window, "da")
    window.resize(1920, 1000)  # room enough for the long form: still the short one
    qtbot.waitUntil(lambda: window.width() == 1920)
    _received_in_every_tab(qtbot, window, "en")


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
