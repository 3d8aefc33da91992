"""File dialogs open where the merchant last chose that kind of file, else in Documents, else
home; never the working folder (second QA walkthrough: they opened wherever CancelApp was
started from). The folder is remembered in the settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import load_settings, settings_path
from cancelapp.ui.file_folders import FileKind
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def csv_dialog(window: MainWindow) -> QFileDialog:
    window.commands.import_csv.trigger()
    dialog = window.menu_dialogs.file_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def first_choice() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if Path(documents).is_dir() else str(Path.home())


def test_a_file_dialog_opens_in_the_folder_last_used_for_its_kind(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, context)
    dialog = csv_dialog(window)
    assert dialog.directory().absolutePath() == first_choice() != str(Path.cwd())
    folder = tmp_path / "exports from the form"
    folder.mkdir()
    csv_file = folder / "requests.csv"
    csv_file.write_text("order,message\n#1001,Please cancel\n", encoding="utf-8")
    dialog.fileSelected.emit(str(csv_file))
    dialog.close()
    saved = settings_path(context.paths.config_dir)
    qtbot.waitUntil(
        lambda: (
            saved.exists()
            and load_settings(saved).settings.folders.get(FileKind.CSV_IMPORT) == str(folder)
        ),
        timeout=WAIT,
    )
    for shown in window.findChildren(QFileDialog):  # the import's own dialog may follow
        shown.close()

    again = csv_dialog(window)
    assert again.directory().absolutePath() == str(folder)
    again.close()

    # Another kind of file keeps its own: the record's PDF opens where PDFs went, not there.
    show_request(qtbot, window, window.model.request_id_at(0))
    window.commands.export_record.trigger()
    record = window.record_export.dialog
    assert record is not None
    assert record.directory().absolutePath() == first_choice()
    record.close()
