"""At 1024x768 the detail pane never cuts money (third QA walkthrough: item prices and totals
read "DKK 749", "DKK 5", the admin button "Open in Shopify adm", with no way to see them):
the pane asks the splitter for its content's narrowest width. English and Danish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import Language
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.main_window import open_window_at, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def whole_and_in_view(window: MainWindow, widget: QWidget, lines: list[str]) -> None:
    """`widget` is wide enough for each of `lines` and lies inside the pane's viewport."""
    pane = window.detail
    viewport = pane.viewport()
    metrics = widget.fontMetrics()
    for line in lines:
        assert widget.width() >= metrics.horizontalAdvance(line), line
    left = widget.mapTo(viewport, QPoint(0, 0)).x()
    assert left >= 0 and left + widget.width() <= viewport.width(), (lines, left, viewport.width())


def all_whole(window: MainWindow, prices: list[QLabel]) -> None:
    pane = window.detail
    assert pane.horizontalScrollBar().maximum() == 0  # no scrolling to see them
    for label in prices:
        whole_and_in_view(window, label, [label.text()])
    values = pane.money.values
    whole_and_in_view(window, values, values.text().splitlines())
    if pane.admin_button.isVisibleTo(pane):
        whole_and_in_view(window, pane.admin_button, [pane.admin_button.text()])


def amounts_are_whole(qtbot: QtBot, window: MainWindow) -> int:
    """Every request of the queue shown in turn: its prices, totals and admin button whole
    and in view (once the layouts settled: the splitter follows in an event or two).
    Returns how many amounts were looked at."""
    pane = window.detail
    looked = 0
    for row in range(window.model.rowCount()):
        show_request(qtbot, window, window.model.request_id_at(row))
        detail = pane.detail
        assert detail is not None
        if detail.order is None:
            continue
        prices = [row[-1] for row in pane.items.rows if row[-1].isVisibleTo(pane)]
        assert len(prices) == len(detail.order.line_items[:50])
        qtbot.waitUntil(lambda prices=prices: all_whole(window, prices), timeout=5_000)
        looked += len(prices) + len(pane.money.values.text().splitlines())
    return looked


def test_the_detail_shows_every_amount_whole_at_1024_in_english_and_danish(
    qtbot: QtBot, qapp: QApplication, context: AppContext
) -> None:
    window = open_window_at(qtbot, context, 1024)
    window.queue.show_tab(Tab.NEEDS_DECISION)
    assert amounts_are_whole(qtbot, window) > 20
    context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)
        assert amounts_are_whole(qtbot, window) > 20
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None
