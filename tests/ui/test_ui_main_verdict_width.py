"""The queue's Verdict column at a laptop's sizes, in English and Danish: never narrower than
its widest badge (second QA walkthrough: about 60 px in Danish at 1366x768, badges cut)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import Language
from cancelapp.ui.i18n import Translations
from cancelapp.ui.labels import BADGE_VALUES, outcome_label
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_columns import ESSENTIAL
from cancelapp.ui.queue.queue_index import Column
from fixtures.main_window import open_window_at

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _verdict_fits(window: MainWindow) -> None:
    table = window.queue.table
    header = table.horizontalHeader()
    badge = window.queue.verdict_delegate.badge_size_hint(table.font())
    widest = max(table.fontMetrics().horizontalAdvance(outcome_label(v)) for v in BADGE_VALUES)
    assert badge.width() > widest
    assert header.sectionSize(Column.VERDICT) >= badge.width()
    # and in view: the table scrolled to its left edge shows the whole verdict
    left = header.sectionViewportPosition(Column.VERDICT) + table.horizontalScrollBar().value()
    assert left + header.sectionSize(Column.VERDICT) <= table.viewport().width()
    for column in ESSENTIAL:
        assert not header.isSectionHidden(column)


def _resized(qtbot: QtBot, window: MainWindow, width: int) -> None:
    window.resize(width, 720)  # a 768 px high screen less a title bar
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()  # the layout's resize events


def test_the_verdict_column_holds_its_widest_badge_at_1366_and_1024_in_english_and_danish(
    qtbot: QtBot, qapp: QApplication, context: AppContext, tmp_path: Path
) -> None:
    window = open_window_at(qtbot, context, 1366)
    assert window.model.rowCount() > 0
    header = window.queue.table.horizontalHeader()
    _verdict_fits(window)
    english_badge = window.queue.verdict_delegate.badge_size_hint(window.queue.table.font())
    context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)
        danish_badge = window.queue.verdict_delegate.badge_size_hint(window.queue.table.font())
        assert danish_badge.width() != english_badge.width()  # measured in Danish words
        _verdict_fits(window)
        window.grab().save(str(tmp_path / "danish-1366.png"))
        _resized(qtbot, window, 1024)
        _verdict_fits(window)
        # The customer's name gave way (elided, whole on hover), not the order or the total.
        customer = header.sectionSize(Column.CUSTOMER)
        window.grab().save(str(tmp_path / "danish-1024.png"))
        window.use_language(Language.ENGLISH)
        _verdict_fits(window)
        # A wider window: the columns that gave way widen again.
        _resized(qtbot, window, 1366)
        _verdict_fits(window)
        assert header.sectionSize(Column.CUSTOMER) >= customer
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None
    assert window.size() == QSize(1366, 720)
