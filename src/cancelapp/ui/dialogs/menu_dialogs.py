"""File and Help menu dialogs: requests from a CSV file or typed in, the audit log, About.

Opened with `open()`; the work (reading the file, storing requests, reading the log) runs in
the worker pool. The window hears back through signals. Requests from a file or typed in go
through the sync's intake (`store_candidates`): an order the cache lacks is read from Shopify
when the store's session is open. What stays unmatched is said in the banner: for a typed-in
request, why; for a file, one notice summing up every row (`csv_import_summary`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from cancelapp.session.audit_csv import CsvStyle
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.file_folders import FileFolders, FileKind
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.labels import audit_code_words
from cancelapp.ui.workers import Lane

if TYPE_CHECKING:  # each dialog loads when first opened
    from cancelapp.context import AppContext, Keychain
    from cancelapp.session.csv_import import CsvFile, CsvImported
    from cancelapp.session.refresh import AuditLog, StoreSession
    from cancelapp.shopify.client import ShopifyClient
    from cancelapp.sources.csv_import import CsvImport
    from cancelapp.sources.incoming import IncomingRequest
    from cancelapp.store.database import Database
    from cancelapp.sync import IntakeOutcome
    from cancelapp.ui.dialogs.about_dialog import AboutDialog


def export_audit_of(
    database: Database,
    keychain: Keychain,
    store_id: int,
    path: Path,
    style: CsvStyle,
    words: Mapping[str, str],
) -> int:
    """In the worker: finding the keychain may block on an unlock prompt. The keychain code
    loads here, after the first paint (tests/architecture/test_first_paint_imports.py)."""
    from cancelapp.session.audit_export import export_audit

    return export_audit(database, keychain(), store_id, path, style, words)


class MenuDialogs(QObject):
    # The request ids stored, and whether the window should count them (a file's import
    # says what it did in its own notice).
    imported = Signal(object, bool)
    problem = Signal(object)  # an error, for the banner
    message = Signal(object)  # the banner's `Words`: message and details
    news = Signal(object)  # the banner's `Words` for news, not an error
    notice = Signal(str)  # for the status bar

    def __init__(
        self,
        context: AppContext,
        formatter: Formatter,
        parent_widget: QWidget,
        current_store: Callable[[], StoreRecord | None],
        current_session: Callable[[], StoreSession | None] = lambda: None,
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.current_store = current_store
        self.current_session = current_session
        self.about_dialog: AboutDialog | None = None
        self.folders = FileFolders(context)
        self.file_dialog: QFileDialog | None = None  # the CSV import's, while open

    def import_csv(self) -> None:
        if self.current_store() is None:
            self.notice.emit(self.tr("Connect a store first."))
            return
        dialog = QFileDialog(self.parent_widget, self.tr("Import requests from a CSV file"))
        dialog.setNameFilter(self.tr("CSV files (*.csv *.txt)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.folders.open_in(dialog, FileKind.CSV_IMPORT)
        dialog.fileSelected.connect(self._csv_chosen)
        self.file_dialog = dialog
        dialog.open()

    def _csv_chosen(self, file_name: str) -> None:
        store = self.current_store()
        if store is None or not file_name:
            return
        from cancelapp.session.csv_import import open_csv

        path = Path(file_name)
        task = self.context.workers.run(open_csv, self.context.database, store.id, path)
        task.succeeded.connect(lambda csv_file: self._csv_read(store, path, csv_file))
        task.failed.connect(self.problem)

    def _csv_read(self, store: StoreRecord, path: Path, csv_file: CsvFile) -> None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        from cancelapp.ui.dialogs.csv_import_dialog import CsvImportChoice, CsvImportDialog

        try:
            zone: tzinfo = ZoneInfo(store.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC
        dialog = CsvImportDialog(
            csv_file.table,
            self.formatter,
            zone,
            file_name=path.name,
            remembered=csv_file.remembered,
            parent=self.parent_widget,
        )

        def accepted(choice: CsvImportChoice) -> None:
            from cancelapp.session.csv_import import remember_mapping

            task = self.context.workers.run_on(
                Lane.DATABASE_WRITE,
                remember_mapping,
                self.context.database,
                store.id,
                choice.header_key,
                choice.mapping,
            )
            task.failed.connect(self.problem)
            self._import_rows(store, choice.result)

        dialog.import_accepted.connect(accepted)
        dialog.open()

    def new_request(self) -> None:
        store = self.current_store()
        if store is None:
            self.notice.emit(self.tr("Connect a store first."))
            return
        from cancelapp.ui.detail.action_dialogs import NewRequestDialog

        dialog = NewRequestDialog(self.parent_widget)

        def accepted() -> None:
            from cancelapp.sources.manual import manual_request

            try:
                incoming = manual_request(
                    dialog.order.text(),
                    dialog.reason.toPlainText().strip(),
                    datetime.now(UTC),
                    customer=dialog.customer.text().strip() or None,
                )
            except ValueError:
                typed = dialog.order.text()
                self.message.emit(
                    lambda: (self.tr("“{text}” is not an order number.").format(text=typed), None)
                )
                return
            self._store_requests(store, [incoming])

        dialog.accepted.connect(accepted)
        dialog.open()

    def _client_of(self, store: StoreRecord) -> tuple[ShopifyClient | None, Lane]:
        """The open session's client for `store` (None offline), and the lane to store on."""
        session = self.current_session()
        client = session.client if session is not None and session.store_id == store.id else None
        return client, Lane.NETWORK if client is not None else Lane.DATABASE_WRITE

    def _import_rows(self, store: StoreRecord, rows: CsvImport) -> None:
        from cancelapp.session.csv_import import import_requests

        client, lane = self._client_of(store)
        task = self.context.workers.run_on(
            lane, import_requests, self.context.database, store.id, rows, client
        )
        task.succeeded.connect(self._rows_imported)
        task.failed.connect(self.problem)

    def _rows_imported(self, imported: CsvImported) -> None:
        from cancelapp.ui.dialogs.csv_import_summary import import_summary

        def words() -> tuple[str, str | None]:
            return import_summary(imported, self.formatter)

        (self.message if imported.bad_rows else self.news).emit(words)
        self.imported.emit(imported.request_ids, False)

    def _store_requests(self, store: StoreRecord, candidates: list[IncomingRequest]) -> None:
        from cancelapp.session.refresh import store_requests

        client, lane = self._client_of(store)
        task = self.context.workers.run_on(
            lane, store_requests, self.context.database, store.id, candidates, client
        )
        task.succeeded.connect(self._stored)
        task.failed.connect(self.problem)

    def _stored(self, outcome: IntakeOutcome) -> None:
        if outcome.notices:
            notices = outcome.notices

            def words() -> tuple[str, str | None]:
                texts = [self.formatter.phrase(notice) for notice in notices]
                return texts[0], "\n".join(texts)

            self.message.emit(words)
        self.imported.emit(outcome.request_ids, True)

    def show_about(self) -> None:
        from cancelapp.ui.dialogs.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self.context.paths.data_dir, self.parent_widget)
        self.about_dialog.open()

    def show_audit_log(self) -> None:
        store = self.current_store()
        if store is None:
            return
        from cancelapp.session.refresh import load_audit

        task = self.context.workers.run(load_audit, self.context.database, store.id)
        task.succeeded.connect(lambda entries: self._audit_loaded(store, entries))
        task.failed.connect(self.problem)

    def _audit_loaded(self, store: StoreRecord, log: AuditLog) -> None:
        from cancelapp.ui.dialogs.audit_log_dialog import AuditLogDialog

        dialog = AuditLogDialog(log, self.formatter, self.parent_widget)
        dialog.export_button.clicked.connect(lambda: self._export_audit(store, dialog))
        dialog.open()

    def _export_audit(self, store: StoreRecord, parent: QWidget) -> None:
        chooser = QFileDialog(parent, self.tr("Export the audit log"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.setNameFilter(self.tr("CSV files (*.csv)"))
        self.folders.open_in(chooser, FileKind.AUDIT_EXPORT)

        def chosen(name: str) -> None:
            task = self.context.workers.run_on(
                Lane.DATABASE_WRITE,  # seals new entries before writing them out
                export_audit_of,
                self.context.database,
                self.context.keychain,
                store.id,
                Path(name),
                CsvStyle(decimal=self.formatter.locale.decimalPoint()),
                audit_code_words(),  # translated here, on the GUI thread
            )
            task.succeeded.connect(
                lambda rows: self.notice.emit(self.tr("%n entries exported.", "", rows))
            )
            task.failed.connect(self.problem)

        chooser.fileSelected.connect(chosen)
        chooser.open()
