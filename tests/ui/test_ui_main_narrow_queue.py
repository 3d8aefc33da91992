"""The queue at a laptop's widths, in English and Danish (fourth QA walkthrough): at 1024 px
the filters left the search field "Sear…" and held the queue at 463 px or more; in Danish at
1366 px the Action and "Refusion senest" columns took about 190 px from the verdict's reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import Language
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.verdict_width import REASON_CHARACTERS
from fixtures.main_window import open_window_at

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _search_usable(window: MainWindow) -> None:
    """The search field shows at least 12 characters of its placeholder."""
    search = window.queue.search
    twelve = search.fontMetrics().horizontalAdvance(search.placeholderText()[:12])
    assert search.width() > twelve + 20, (search.width(), twelve)


def _filters(window: MainWindow, *, whole: bool) -> None:
    """Each filter shows its choice whole (and has no tooltip), or elided, whole in its
    tooltip."""
    queue = window.queue
    queue.grab()  # painted: the filters elide as they paint
    for combo in (queue.source_filter, queue.financial_filter, queue.fulfillment_filter):
        text_room = combo.width() - (
            combo.minimumSizeHint().width() - 5 * combo.fontMetrics().horizontalAdvance("X")
        )
        fits = combo.fontMetrics().horizontalAdvance(combo.currentText()) <= text_room
        if whole:
            assert fits, combo.currentText()
        assert combo.toolTip() == ("" if fits else combo.currentText())


def _narrowest_queue(qtbot: QtBot, window: MainWindow) -> int:
    """The splitter dragged all the way left: the queue's narrowest width."""
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([0, total])
    qtbot.waitUntil(lambda: window.queue.width() <= window.queue.minimumSizeHint().width())
    QApplication.processEvents()
    return window.queue.width()


def test_at_1024_the_search_keeps_its_width_and_the_queue_can_get_narrow_in_english_and_danish(
    qtbot: QtBot, qapp: QApplication, context: AppContext
) -> None:
    window = open_window_at(qtbot, context, 1024)
    context.translations = Translations(qapp)
    try:
        for language in (Language.ENGLISH, Language.DANISH):
            window.use_language(language)
            window.splitter.setSizes([492, 516])  # the 1024 px window's first split
            qtbot.waitUntil(lambda: window.queue.width() == 492)
            _search_usable(window)
            _filters(window, whole=True)  # "Alle forsendelser" whole beside the search
            # The queue gives way to the detail far below the 463 px the filters held.
            assert _narrowest_queue(qtbot, window) < 360
            _search_usable(window)
            _filters(window, whole=False)
            assert window.queue.fulfillment_filter.toolTip() == (
                window.queue.fulfillment_filter.currentText()
            )
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None


def _texts_whole(window: MainWindow, columns: tuple[Column, ...]) -> None:
    table = window.queue.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    for column in columns:
        for row in range(window.model.rowCount()):
            text = window.model.cell_text(row, column)
            assert metrics.horizontalAdvance(text) + 8 <= header.sectionSize(column), text


def test_in_danish_at_1366_action_and_refund_due_are_as_wide_as_their_texts(
    qtbot: QtBot, qapp: QApplication, context: AppContext
) -> None:
    window = open_window_at(qtbot, context, 1366)
    table = window.queue.table
    header = table.horizontalHeader()
    context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)
        titles = {
            c: str(window.model.headerData(c, Qt.Orientation.Horizontal))
            for c in (Column.ACTION, Column.REFUND_DUE)
        }
        assert titles == {Column.ACTION: "Handling", Column.REFUND_DUE: "Refusion senest"}
        window.queue.show_tab(Tab.NEEDS_DECISION)
        # Nothing to say there yet: narrower than their headings, elided, whole on hover.
        widths = header.sectionSize(Column.ACTION) + header.sectionSize(Column.REFUND_DUE)
        assert widths < 120  # were 188
        for column, title in titles.items():
            tip = window.model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            )
            assert tip == title
        assert header.textElideMode() == Qt.TextElideMode.ElideRight
        # The verdict's reason gets the room: its badge and some words beside it.
        badge = window.queue.verdict_delegate.badge_size_hint(table.font()).width()
        reason = table.fontMetrics().averageCharWidth() * REASON_CHARACTERS
        assert header.sectionSize(Column.VERDICT) >= badge + reason
        # Every tab: what the two columns say is whole ("Annulleret" in Done).
        said = 0
        for tab in Tab:
            window.queue.show_tab(tab)
            _texts_whole(window, (Column.ACTION, Column.REFUND_DUE))
            said += sum(
                bool(window.model.cell_text(r, Column.ACTION))
                for r in range(window.model.rowCount())
            )
        assert said > 0
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None
