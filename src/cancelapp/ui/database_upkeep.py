"""Care of the database while the window is open: a checkpoint every few minutes, the daily
automatic backup, and File > Back up data… to a file the merchant chooses.

The work runs on the database-write lane (`cancelapp.store.backups`); the window hears back
through `notice` (status bar) and `problem` (banner: disk full, disk errors and the like).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from cancelapp.store.backups import copy_to, upkeep
from cancelapp.ui.file_folders import FileFolders, FileKind
from cancelapp.ui.workers import Lane

if TYPE_CHECKING:
    from cancelapp.context import AppContext

UPKEEP_INTERVAL_MS = 5 * 60 * 1000  # at most five minutes of writes live only in the -wal
FIRST_UPKEEP_MS = 60 * 1000  # after the first paint and the first sync have had the disk


class DatabaseUpkeep(QObject):
    notice = Signal(str)
    problem = Signal(object)
    done = Signal(object)  # the new automatic backup's Path, or None

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)
        self.backup_dialog: QFileDialog | None = None

    def start(self) -> None:
        QTimer.singleShot(FIRST_UPKEEP_MS, self, self.run_now)
        self.timer.start(UPKEEP_INTERVAL_MS)

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        task = self.context.workers.run_on(
            Lane.DATABASE_WRITE, upkeep, self.context.database, datetime.now(UTC)
        )
        task.succeeded.connect(self.done)
        task.failed.connect(self.problem)

    def back_up(self) -> None:
        """Ask where, then copy the whole database there."""
        name = f"CancelApp backup {datetime.now().astimezone().strftime('%Y-%m-%d %H.%M')}.sqlite3"
        dialog = QFileDialog(self.parent_widget, self.tr("Back up CancelApp's data"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite3")
        dialog.setNameFilter(self.tr("CancelApp backups (*.sqlite3)"))
        FileFolders(self.context).open_in(dialog, FileKind.BACKUP)
        dialog.selectFile(name)
        dialog.fileSelected.connect(self.back_up_to)
        self.backup_dialog = dialog
        dialog.open()

    def back_up_to(self, file_name: str) -> None:
        if not file_name:
            return
        task = self.context.workers.run_on(
            Lane.DATABASE_WRITE, copy_to, self.context.database, Path(file_name)
        )
        task.succeeded.connect(
            lambda path: self.notice.emit(self.tr("Data backed up to {file}.").format(file=path))
        )
        task.failed.connect(self.problem)
