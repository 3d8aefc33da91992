"""The detail's Items table at 1024 px, in English and Danish (fourth QA walkthrough: "Uldplaid
Hygge, grå Grå · SKU HYG-100" wrapped onto four lines beside number columns as wide as their
headings): a name on at most two lines, then its variant and SKU, elided only when even that
is too narrow (whole on hover); number columns as wide as their numbers, their headings whole
where there is room and elided, whole on hover, where not; prices whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import Language
from cancelapp.ui.detail.item_columns import NAME_WANTS_AT_MOST, two_line_width
from cancelapp.ui.detail.order_sections import ITEM_COLUMNS
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.main_window import open_window_at, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _fits(label: QLabel) -> None:
    metrics = label.fontMetrics()
    for line in label.text().splitlines():
        assert metrics.horizontalAdvance(line) <= label.width(), (line, label.width())


def _rows_read_well(window: MainWindow, titles: set[str]) -> None:
    """The items of the request shown: names, numbers and headings."""
    pane = window.detail
    table = pane.items
    detail = pane.detail
    assert detail is not None and detail.order is not None
    measure = table.fontMetrics().horizontalAdvance
    assert pane.horizontalScrollBar().maximum() == 0
    for line_item, cells in zip(detail.order.line_items, table.rows, strict=False):
        name = cells[1]
        title = " ".join(line_item.title.split())
        lines = name.text().splitlines()
        details = "\n" in name.toolTip()  # the variant or SKU, under the name
        shown_title = lines[:-1] if details else lines
        assert 1 <= len(shown_title) <= 2, name.text()
        _fits(name)
        assert name.toolTip().startswith(line_item.title)
        if two_line_width(title, measure) <= NAME_WANTS_AT_MOST:
            assert " ".join(shown_title) == title  # whole, on two lines at most
        if line_item.sku:
            assert line_item.sku in lines[-1]  # the variant and SKU under it
        for cell in cells[2:]:
            assert measure(cell.text()) <= cell.width(), cell.text()  # numbers whole
        titles.add(title)
    for label in table.headers:
        _fits(label)
        if label.text().endswith("…"):  # elided over its one digit: whole on hover
            titles.add(label.toolTip())
    headings = [QApplication.translate("DetailPane", h) for h in ITEM_COLUMNS[1:]]
    assert [label.toolTip() for label in table.headers[1:]] == headings


def _items_read_well(qtbot: QtBot, window: MainWindow, titles: set[str]) -> None:
    """Every request of the tab shown in turn (once the layouts settled: the splitter
    follows the pane's request for width in an event or two)."""
    for row in range(window.model.rowCount()):
        show_request(qtbot, window, window.model.request_id_at(row))
        detail = window.detail.detail
        if detail is None or detail.order is None:
            continue
        qtbot.waitUntil(lambda: _rows_read_well(window, titles), timeout=5_000)


def test_item_names_get_the_room_the_numbers_leave_at_1024_in_english_and_danish(
    qtbot: QtBot, qapp: QApplication, context: AppContext
) -> None:
    window = open_window_at(qtbot, context, 1024)
    titles: set[str] = set()
    context.translations = Translations(qapp)
    try:
        for language in (Language.ENGLISH, Language.DANISH):
            window.use_language(language)
            for tab in (Tab.NEEDS_DECISION, Tab.DONE):
                window.queue.show_tab(tab)
                _items_read_well(qtbot, window, titles)
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None
    # Names longer than "Uldplaid Hygge, grå" of the walkthrough, whole on two lines.
    assert {"Vinterjakke Nordlys (forudbestilling)", "Skærebræt i eg, graveret navn"} <= titles
    assert "Læg på lager igen" in titles  # its heading was elided, beside a long name
    assert len(titles) > 8
