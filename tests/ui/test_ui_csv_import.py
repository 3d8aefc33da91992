"""The CSV import dialog: guessed mapping, preview, bad rows, and the answer by signal."""

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from cancelapp.sources.csv_mapping import ColumnMapping, CsvField, header_key
from cancelapp.sources.csv_reading import read_table
from cancelapp.ui.dialogs.csv_import_dialog import OPEN_WIDTH, CsvImportChoice, CsvImportDialog
from cancelapp.ui.formatting import Formatter

# The offscreen platform warns about every shown top-level window; nothing to do with ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
EXPORT = (
    "Tidsstempel;E-mailadresse;Ordrenummer;Årsag\r\n"
    "24-11-2026 10:15:32;anna@example.dk;1001;<b>Forkert</b> størrelse\r\n"
    "24-11-2026 10:20:00;bo@example.com;;Glemte nummeret\r\n"
    "24-11-2026 10:15:32;anna@example.dk;1001;<b>Forkert</b> størrelse\r\n"
    "i går;cy@example.dk;1003;Fortrudt\r\n"
).encode("cp1252")


def make_dialog(qtbot: QtBot, **options: object) -> CsvImportDialog:
    formatter = Formatter(QLocale(QLocale.Language.English, QLocale.Country.Denmark), COPENHAGEN)
    dialog = CsvImportDialog(
        read_table(EXPORT), formatter, COPENHAGEN, file_name="form.csv", **options
    )  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_the_guessed_mapping_shows_what_will_and_will_not_be_imported(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.open()
    assert dialog.isVisible()
    assert dialog.mapping() == ColumnMapping(timestamp=0, email=1, order=2, reason=3)
    assert dialog.preview_model.rowCount() == 2  # bo@ gave no order number: unmatched
    # Numbered by their lines in the file, as the bad rows and the import's summary are (and a
    # spreadsheet, its headings on row 1): the preview said 1 and 2 where the summary said 2, 3.
    lines = [dialog.preview_model.headerData(r, Qt.Orientation.Vertical) for r in range(2)]
    assert lines == [2, 3]
    reason = dialog.preview_model.index(0, 3).data()
    assert reason == "<b>Forkert</b> størrelse"  # plain text, as the customer wrote it
    tooltip = dialog.preview_model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tooltip and "&lt;b&gt;Forkert&lt;/b&gt; størrelse" in tooltip
    problems = [
        (dialog.bad_rows_model.index(r, 0).data(), dialog.bad_rows_model.index(r, 1).data())
        for r in range(dialog.bad_rows_model.rowCount())
    ]
    assert problems == [
        ("4", "Same as line 2"),
        ("5", "Not a date and time: i går"),
    ]
    assert dialog.summary_label.text() == ("2 requests to import; 2 rows cannot be imported")
    assert dialog.import_button.isEnabled()
    # Opened wide enough to read the rows and the problems (it opened 322 px wide), on screen.
    budget = dialog.screen().availableGeometry()
    assert dialog.width() >= min(OPEN_WIDTH, budget.width())
    assert dialog.height() <= budget.height()


def test_changing_a_column_updates_the_preview_and_blocks_import(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.open()
    order_combo = dialog.column_combos[CsvField.ORDER]
    order_combo.setCurrentIndex(order_combo.findData(None))
    assert dialog.mapping().order is None
    assert dialog.preview_model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert dialog.summary_label.text() == "Choose the column with the order number."


def test_import_answers_with_the_result_and_the_mapping_to_remember(qtbot: QtBot) -> None:
    remembered = ColumnMapping(timestamp=0, email=1, order=2, reason=None)
    dialog = make_dialog(qtbot, remembered=remembered)
    dialog.open()
    assert dialog.mapping() == remembered
    with qtbot.waitSignal(dialog.import_accepted) as answer:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    choice = answer.args[0]
    assert isinstance(choice, CsvImportChoice)
    assert choice.mapping == remembered
    assert choice.header_key == header_key(read_table(EXPORT).headers)
    assert [r.order_name for r in choice.result.requests] == ["#1001", None]
    assert choice.result.requests[0].text == ""  # no reason column chosen
    assert not dialog.isVisible()


def test_rows_imported_before_are_counted_not_listed(qtbot: QtBot) -> None:
    first = make_dialog(qtbot)
    held = {r.external_id for r in first.import_result.requests}
    dialog = make_dialog(qtbot, known_ids=held)
    assert dialog.preview_model.rowCount() == 0
    assert dialog.summary_label.text() == (
        "0 requests to import; 1 row cannot be imported; 3 rows already imported"
    )  # line 4 repeats line 2: both were imported before
    assert not dialog.import_button.isEnabled()


def test_cancel_rejects(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.open()
    with qtbot.waitSignal(dialog.rejected):
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()


def test_the_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot)
    qtmodeltester.check(dialog.preview_model)
    qtmodeltester.check(dialog.bad_rows_model)


def test_a_shortened_cell_is_named_in_the_dialog(qtbot: QtBot) -> None:
    formatter = Formatter(QLocale(QLocale.Language.English, QLocale.Country.Denmark), COPENHAGEN)
    data = EXPORT + ("25-11-2026 09:00;dy@example.dk;1004;" + "ø" * 150_000 + "\r\n").encode(
        "cp1252"
    )
    dialog = CsvImportDialog(read_table(data), formatter, COPENHAGEN, file_name="form.csv")
    qtbot.addWidget(dialog)
    note = dialog.file_label.text().splitlines()[1]
    assert "text longer than 20,000 characters; it was shortened (line 6)" in note
