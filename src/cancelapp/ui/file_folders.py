"""Where a file dialog opens: the folder last used for that kind of file, else the user's
Documents folder, else home; never the working folder (a desktop app's is wherever it was
started from). The folder chosen is remembered in the settings (a path, never a secret)."""

from __future__ import annotations

import logging
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QStandardPaths
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from cancelapp.context import AppContext

log = logging.getLogger(__name__)


class FileKind(StrEnum):
    CSV_IMPORT = "csv_import"
    RECORD = "record"
    AUDIT_EXPORT = "audit_export"
    REPORT = "report"
    BACKUP = "backup"


class FileFolders:
    def __init__(self, context: AppContext) -> None:
        self.context = context

    def start(self, kind: FileKind) -> str:
        last = self.context.settings.folders.get(kind)
        if last and Path(last).is_dir():
            return last
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if documents and Path(documents).is_dir():
            return documents
        return QDir.homePath()

    def open_in(self, dialog: QFileDialog, kind: FileKind) -> None:
        """Open `dialog` where files of `kind` were last chosen; remember where this one is."""
        dialog.setDirectory(self.start(kind))
        dialog.fileSelected.connect(lambda name: self.remember(kind, name))

    def remember(self, kind: FileKind, file_name: str) -> None:
        if not file_name:
            return
        folder = str(Path(file_name).parent)
        before = self.context.settings
        if before.folders.get(kind) == folder:
            return
        owner = self.context.settings_file  # the one owner: no save overtakes another
        settings, ticket = owner.change(
            before, replace(before, folders={**before.folders, kind: folder})
        )
        task = self.context.workers.run(owner.write, settings, ticket)
        task.failed.connect(lambda error: log.warning("folder not saved: %r", error))
