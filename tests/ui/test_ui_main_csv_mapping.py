"""The column mapping the merchant chose for a form's CSV export is remembered: the second
import of the same form opens with it (issue 14, point 8), through the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.session.csv_import import open_csv
from cancelapp.sources.csv_mapping import CsvField
from cancelapp.ui.main_window import MainWindow
from fixtures.csv_import import import_dialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
FORM = (
    "Timestamp,Email,Order number,Reason,Anything else?\n"
    "2026-11-24 10:00:00,a@example.com,#1001,Changed my mind,Sorry\n"
)
COMMENTS = 4  # the column the merchant picks for the reason instead of the guessed "Reason"


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> Iterator[MainWindow]:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.queue_completed, timeout=WAIT):
        window.start(open_session=False)
    yield window
    window.close()


def test_the_second_import_of_a_form_opens_with_the_mapping_chosen_the_first_time(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, context: AppContext
) -> None:
    first = tmp_path / "form.csv"
    first.write_text(FORM, encoding="utf-8")
    dialog = import_dialog(qtbot, window, first)
    reason = dialog.column_combos[CsvField.REASON]
    assert reason.currentData() == 3  # guessed from the header
    reason.setCurrentIndex(reason.findData(COMMENTS))
    with qtbot.waitSignal(window.menu_dialogs.imported, timeout=WAIT):
        dialog.import_button.click()
    store = window.store
    assert store is not None
    qtbot.waitUntil(
        lambda: open_csv(context.database, store.id, first).remembered is not None, timeout=WAIT
    )

    second = tmp_path / "form (1).csv"  # the next export: same headers, other rows
    second.write_text(FORM.replace("#1001", "#1002"), encoding="utf-8")
    dialog = import_dialog(qtbot, window, second)
    assert dialog.column_combos[CsvField.REASON].currentData() == COMMENTS
    assert dialog.column_combos[CsvField.ORDER].currentData() == 2
    dialog.reject()
