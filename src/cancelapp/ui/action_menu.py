"""File and Help menu dialogs: requests from a CSV file or typed in, and the audit log.

Opened with `open()`; the work (reading the file, storing requests, reading the log) runs in
the worker pool. The window hears back through signals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from cancelapp.store.stores import StoreRecord
from cancelapp.ui.action_dialogs import AuditLogDialog, NewRequestDialog
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane

if TYPE_CHECKING:
    from cancelapp.app import AppContext
    from cancelapp.sources.csv_reading import CsvTable
    from cancelapp.store.audit import AuditEntry


class MenuDialogs(QObject):
    imported = Signal(object)  # frozenset of the request ids stored
    problem = Signal(object)  # an error, for the banner
    message = Signal(str)  # a message, for the banner
    notice = Signal(str)  # for the status bar

    def __init__(
        self,
        context: AppContext,
        formatter: Formatter,
        parent_widget: QWidget,
        current_store: Callable[[], StoreRecord | None],
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.current_store = current_store

    def import_csv(self) -> None:
        if self.current_store() is None:
            self.notice.emit(self.tr("Connect a store first."))
            return
        dialog = QFileDialog(self.parent_widget, self.tr("Import requests from a CSV file"))
        dialog.setNameFilter(self.tr("CSV files (*.csv *.txt)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._csv_chosen)
        dialog.open()

    def _csv_chosen(self, file_name: str) -> None:
        store = self.current_store()
        if store is None or not file_name:
            return
        from cancelapp.ui.queue_refresh import read_csv_file

        path = Path(file_name)
        task = self.context.workers.run(read_csv_file, path)
        task.succeeded.connect(lambda table: self._csv_read(store, path, table))
        task.failed.connect(self.problem)

    def _csv_read(self, store: StoreRecord, path: Path, table: CsvTable) -> None:
        from cancelapp.ui.csv_import_dialog import CsvImportChoice, CsvImportDialog

        try:
            zone: tzinfo = ZoneInfo(store.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC
        dialog = CsvImportDialog(
            table, self.formatter, zone, file_name=path.name, parent=self.parent_widget
        )

        def accepted(choice: CsvImportChoice) -> None:
            from cancelapp.ui.queue_refresh import store_incoming

            task = self.context.workers.run_on(
                Lane.DATABASE_WRITE,
                store_incoming,
                self.context.database,
                store.id,
                choice.result.requests,
            )
            task.succeeded.connect(self.imported)
            task.failed.connect(self.problem)

        dialog.import_accepted.connect(accepted)
        dialog.open()

    def new_request(self) -> None:
        store = self.current_store()
        if store is None:
            self.notice.emit(self.tr("Connect a store first."))
            return
        dialog = NewRequestDialog(self.parent_widget)

        def accepted() -> None:
            from cancelapp.sources.manual import manual_request
            from cancelapp.ui.queue_refresh import store_incoming

            try:
                incoming = manual_request(
                    dialog.order.text(),
                    dialog.reason.toPlainText().strip(),
                    datetime.now(UTC),
                    customer=dialog.customer.text().strip() or None,
                )
            except ValueError:
                self.message.emit(
                    self.tr("“{text}” is not an order number.").format(text=dialog.order.text())
                )
                return
            task = self.context.workers.run_on(
                Lane.DATABASE_WRITE, store_incoming, self.context.database, store.id, [incoming]
            )
            task.succeeded.connect(self.imported)
            task.failed.connect(self.problem)

        dialog.accepted.connect(accepted)
        dialog.open()

    def show_audit_log(self) -> None:
        store = self.current_store()
        if store is None:
            return
        from cancelapp.ui.queue_refresh import load_audit

        task = self.context.workers.run(load_audit, self.context.database, store.id)
        task.succeeded.connect(lambda entries: self._audit_loaded(store, entries))
        task.failed.connect(self.problem)

    def _audit_loaded(self, store: StoreRecord, entries: list[AuditEntry]) -> None:
        fmt = self.formatter
        lines = [
            "  ".join(
                part
                for part in (
                    fmt.date_time(entry.at),
                    entry.who,
                    entry.what,
                    fmt.money(entry.amount) if entry.amount is not None else "",
                    entry.detail.get("note", "") if entry.what == "note" else "",
                    ", ".join(entry.shopify_ids),
                )
                if part
            )
            for entry in entries
        ]
        dialog = AuditLogDialog(lines, self.parent_widget)
        dialog.export_button.clicked.connect(lambda: self._export_audit(store, dialog))
        dialog.open()

    def _export_audit(self, store: StoreRecord, parent: QWidget) -> None:
        chooser = QFileDialog(parent, self.tr("Export the audit log"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.setNameFilter(self.tr("CSV files (*.csv)"))

        def chosen(name: str) -> None:
            from cancelapp.ui.queue_refresh import export_audit

            task = self.context.workers.run(
                export_audit, self.context.database, store.id, Path(name)
            )
            task.succeeded.connect(
                lambda rows: self.notice.emit(self.tr("%n entries exported.", "", rows))
            )
            task.failed.connect(self.problem)

        chooser.fileSelected.connect(chosen)
        chooser.open()
