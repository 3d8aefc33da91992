"""The verdict's reason at 1024 px, in English and Danish (QA walkthrough: "U…" in English,
nothing at all in Danish): the badge and a readable start of the reason. The Action and
Refund due columns, with nothing to say while requests await a decision, fold away first."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_columns import fit_columns, narrowest
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import VERDICT_ROLE
from fixtures.danish import in_danish
from fixtures.main_window import hold, holdable_request, open_window, open_window_at

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
READABLE = 10  # characters of the reason beside the badge, at least
WAIT = 30_000


def _reasons_shown(window: MainWindow) -> list[tuple[str, str]]:
    """(reason, the reason as its cell shows it) for each row in view."""
    table = window.queue.table
    table.grab()  # painted: the delegate knows its font
    delegate = window.queue.verdict_delegate
    width = table.horizontalHeader().sectionSize(Column.VERDICT)
    last = table.rowAt(table.viewport().height() - 1)
    shown = []
    for row in range(last + 1 if last >= 0 else window.model.rowCount()):
        outcome, reason = window.model.index(row, Column.VERDICT).data(VERDICT_ROLE)
        _left, room = delegate.reason_at(outcome, width)
        shown.append((reason, delegate.texts.get(reason, room)[0].text()))
    return shown


def _readable(window: MainWindow) -> None:
    """Every reason in view shows its first `READABLE` characters, the whole verdict column in
    view without scrolling sideways, and every total whole."""
    shown = _reasons_shown(window)
    assert len(shown) > 10
    for reason, text in shown:
        start = text.removesuffix("…")
        assert len(start) >= READABLE and reason.startswith(start), (reason, text)
    table = window.queue.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.fontMetrics()
    for row in range(window.model.rowCount()):
        total = window.model.cell_text(row, Column.TOTAL)
        assert metrics.horizontalAdvance(total) < header.sectionSize(Column.TOTAL), total


def test_at_1024_the_verdict_shows_its_badge_and_ten_characters_of_its_reason(
    qtbot: QtBot, context: AppContext
) -> None:
    window = open_window_at(qtbot, context, 1024)
    header = window.queue.table.horizontalHeader()
    assert window.queue.tabs.currentIndex() == Tab.NEEDS_DECISION
    _readable(window)
    # Nothing to say in this tab: folded, not cut.
    assert header.sectionSize(Column.ACTION) == header.sectionSize(Column.REFUND_DUE) == 0
    with in_danish(window):
        _readable(window)
        # Done says what was done ("Annulleret"): the Action column is back.
        window.queue.show_tab(Tab.DONE)
        assert header.sectionSize(Column.ACTION) > 0
        window.queue.show_tab(Tab.NEEDS_DECISION)
        assert header.sectionSize(Column.ACTION) == 0  # nothing to say here: folded again
        _readable(window)


def test_at_1024_a_folded_action_column_comes_back_when_a_request_is_held(
    qtbot: QtBot, context: AppContext
) -> None:
    context.settings = replace(context.settings, undo_window_seconds=0)
    window = open_window_at(qtbot, context, 1024)
    table = window.queue.table
    header = table.horizontalHeader()
    assert header.sectionSize(Column.ACTION) == 0
    held = holdable_request(qtbot, window)
    hold(qtbot, window)

    def says() -> str:
        row = window.model.row_of(held)
        return "" if row is None else window.model.cell_text(row, Column.ACTION)

    qtbot.waitUntil(lambda: says() == "On hold", timeout=WAIT)
    # Something to say: the column is back, its words whole, the reasons still readable.
    width = header.sectionSize(Column.ACTION)
    delegate = window.queue.text_delegate
    shown = delegate.texts.get("On hold", width - 2 * delegate.margin)[0].text()
    assert shown == "On hold", (shown, width)
    _readable(window)


def test_columns_folded_at_1024_are_back_in_a_wide_window_before_its_first_rows(
    qtbot: QtBot, context: AppContext
) -> None:
    """The header's state is saved as it is shown, folded columns 0 px wide: restored, they
    want their narrowest until the rows are measured, not nothing."""
    narrow = open_window_at(qtbot, context, 1024)
    assert narrow.queue.table.horizontalHeader().sectionSize(Column.ACTION) == 0
    narrow.close()
    wide = open_window(qtbot, context, start=False)
    wide.resize(1366, 720)
    qtbot.waitUntil(lambda: wide.width() == 1366)
    assert wide.model.rowCount() == 0
    header = wide.queue.table.horizontalHeader()
    assert header.sectionSize(Column.ACTION) > 0
    assert header.sectionSize(Column.REFUND_DUE) > 0


def test_in_danish_at_1280_received_keeps_its_times_and_the_name_the_room_it_need_not_give(
    qtbot: QtBot, context: AppContext
) -> None:
    """Received, its times short in every tab ("1 t"), is as wide as they are and never gives
    way, while the customer's name was cut to "Niels Tho…" with room to spare (screenshots in
    Danish at 1366 px, on a bigger shop; here at 1280 px)."""
    window = open_window_at(qtbot, context, 1280)
    table = window.queue.table
    header = table.horizontalHeader()
    with in_danish(window):
        assert (
            header.sectionSize(Column.RECEIVED)
            == (fit_columns(table, window.model.cell_text)[Column.RECEIVED])
        )
        # What it need not take, the customer's name has: not cut to its narrowest.
        assert header.sectionSize(Column.CUSTOMER) > narrowest(table, Column.CUSTOMER)
        _readable(window)
