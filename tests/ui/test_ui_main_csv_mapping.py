"""The column mapping the merchant chose for a form's CSV export is remembered: the second
import of the same form opens with it (issue 14, point 8), through the real window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.session.csv_import import open_csv
from cancelapp.sources.csv_mapping import CsvField, CsvZone
from cancelapp.store.requests import get_request
from cancelapp.ui.dialogs.csv_import_dialog import computer_zone_name
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
    # QA walkthrough: a time without a zone was read as the shop's, unsaid. It is said, and
    # the merchant may choose another.
    zones = dialog.zone_combo
    assert zones.currentText() == "The shop's (Europe/Copenhagen)"
    assert [zones.itemText(i) for i in range(zones.count())][1:] == [
        f"This computer's ({computer_zone_name()})",
        "UTC",
    ]
    assert dialog.preview_model.index(0, 0).data() == formatted(window, "2026-11-24T09:00Z")
    zones.setCurrentIndex(zones.findData(CsvZone.UTC))
    assert dialog.preview_model.index(0, 0).data() == formatted(window, "2026-11-24T10:00Z")
    with qtbot.waitSignal(window.menu_dialogs.imported, timeout=WAIT) as imported:
        dialog.import_button.click()
    (request_id,) = imported.args[0]
    with context.database.reading() as conn:
        request = get_request(conn, request_id)
    assert request is not None
    assert request.messages[0].received_at == datetime(2026, 11, 24, 10, tzinfo=UTC)
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
    assert dialog.zone_combo.currentData() == CsvZone.UTC
    dialog.reject()


def formatted(window: MainWindow, moment: str) -> str:
    return window.formatter.date_time(datetime.fromisoformat(moment))
