"""The CSV import dialog: map the columns, see what will be imported and what will not.

Reading the file happens before (off the GUI thread, `cancelapp.sources.csv_reading`); the
dialog gets the table, proposes a mapping (the one remembered for these headers, else a guess)
and shows the requests the mapping yields and every bad row with its line and reason. It says
whose clock a time without a zone is read by (the shop's, unless the merchant picks this
computer's or UTC): a form's export writes its owner's clock.
Open it with `open()`; it answers through `import_accepted` or `rejected`.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cancelapp.sources.csv_import import CsvImport, import_rows
from cancelapp.sources.csv_mapping import (
    ColumnMapping,
    CsvField,
    CsvZone,
    guess_mapping,
    header_key,
)
from cancelapp.sources.csv_reading import CELL_LIMIT, CsvTable
from cancelapp.ui.dialog_fit import fit_to_screen
from cancelapp.ui.formatting import Formatter

PREVIEW_ROWS = 200  # the summary counts every row; the preview shows the first ones
OPEN_WIDTH = 960  # the preview's columns and the problems' texts readable without scrolling

_AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CsvImportChoice:
    """What the merchant accepted: the candidates to store and the mapping to remember."""

    result: CsvImport
    mapping: ColumnMapping
    header_key: str  # store `mapping.to_json()` under it for the next export of this form


def computer_zone_name() -> str:
    """This computer's time zone, as the system names it ("Europe/Copenhagen")."""
    return bytes(QTimeZone.systemTimeZoneId().data()).decode()


def _computer_zone() -> tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(computer_zone_name())
    except (ZoneInfoNotFoundError, ValueError):
        return datetime.now().astimezone().tzinfo or UTC  # its offset of the moment


class TextRowsModel(QAbstractTableModel):
    """Plain-text rows: customer text is never interpreted as markup here."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self._lines: list[int] = []

    def set_rows(self, rows: list[tuple[str, ...]], lines: Sequence[int] = ()) -> None:
        """`lines`: each row's line in the file, its number (else 1, 2, ...)."""
        self.beginResetModel()  # a new mapping changes every row: nothing to keep
        self._rows = rows
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and text:
            # Qt shows a tooltip that looks like markup as rich text: escaped, it stays text.
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return self._lines[section] if section < len(self._lines) else section + 1


class CsvImportDialog(QDialog):
    import_accepted = Signal(object)  # CsvImportChoice

    def __init__(
        self,
        table: CsvTable,
        formatter: Formatter,
        shop_timezone: tzinfo,
        *,
        file_name: str,
        known_ids: Collection[str] = (),
        remembered: ColumnMapping | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._formatter = formatter
        self._zones = {
            CsvZone.SHOP: shop_timezone,
            CsvZone.COMPUTER: _computer_zone(),
            CsvZone.UTC: UTC,
        }
        self._known_ids = known_ids
        self._result = CsvImport()
        self.setWindowTitle(self.tr("Import requests from {file}").format(file=file_name))
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        about_file = self.tr("{file}: {rows} rows, read as {encoding}").format(
            file=file_name, rows=len(table.rows), encoding=table.encoding
        )
        if table.shortened_lines:
            shortened = len(table.shortened_lines)
            about_file += "\n" + (
                self.tr(
                    "%n row had text longer than {limit} characters; it was shortened (line "
                    "{lines}).",
                    "",
                    shortened,
                )
                if shortened == 1
                else self.tr(
                    "%n rows had text longer than {limit} characters; they were shortened "
                    "(lines {lines}).",
                    "",
                    shortened,
                )
            ).format(limit=f"{CELL_LIMIT:,}", lines=", ".join(map(str, table.shortened_lines[:10])))
        self.file_label.setText(about_file)
        self.column_combos = {field: self._column_combo() for field in CsvField}
        self.date_order_combo = QComboBox()
        self.date_order_combo.addItem(self.tr("As the file suggests"), None)
        self.date_order_combo.addItem(self.tr("Day first (24/11/2026)"), True)
        self.date_order_combo.addItem(self.tr("Month first (11/24/2026)"), False)
        self.zone_combo = QComboBox()
        self.zone_combo.addItem(
            self.tr("The shop's ({zone})").format(zone=str(shop_timezone)), CsvZone.SHOP
        )
        self.zone_combo.addItem(
            self.tr("This computer's ({zone})").format(zone=computer_zone_name()),
            CsvZone.COMPUTER,
        )
        self.zone_combo.addItem(self.tr("UTC"), CsvZone.UTC)
        self.zone_combo.setToolTip(self.tr("For times in the file that do not name their zone"))
        form = QFormLayout()
        labels = {
            CsvField.TIMESTAMP: self.tr("Time of the request"),
            CsvField.EMAIL: self.tr("Customer's email"),
            CsvField.ORDER: self.tr("Order number"),
            CsvField.REASON: self.tr("Reason"),
        }
        for field, combo in self.column_combos.items():
            form.addRow(labels[field], combo)
        form.addRow(self.tr("Dates"), self.date_order_combo)
        form.addRow(self.tr("Time zone"), self.zone_combo)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_model = TextRowsModel(
            [self.tr("Received"), self.tr("Email"), self.tr("Order"), self.tr("Reason")], self
        )
        self.bad_rows_model = TextRowsModel([self.tr("Line"), self.tr("Problem")], self)
        self.preview_view = self._view(self.preview_model)
        self.bad_rows_view = self._view(self.bad_rows_model)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel(self.tr("To be imported")))
        layout.addWidget(self.preview_view, 2)
        layout.addWidget(QLabel(self.tr("Rows that cannot be imported")))
        layout.addWidget(self.bad_rows_view, 1)
        layout.addWidget(self.buttons)
        self.set_mapping(remembered or guess_mapping(table.headers))
        for combo in (*self.column_combos.values(), self.date_order_combo, self.zone_combo):
            combo.currentIndexChanged.connect(self._refresh)

    @property
    def import_result(self) -> CsvImport:
        return self._result

    def mapping(self) -> ColumnMapping:
        mapping = ColumnMapping(
            day_first=self.date_order_combo.currentData(),
            zone=CsvZone(self.zone_combo.currentData()),
        )
        for field, combo in self.column_combos.items():
            mapping = mapping.with_column(field, combo.currentData())
        return mapping

    def set_mapping(self, mapping: ColumnMapping) -> None:
        for field, combo in self.column_combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(mapping.column(field)), 0))
            combo.blockSignals(False)
        self.date_order_combo.blockSignals(True)
        self.date_order_combo.setCurrentIndex(
            max(self.date_order_combo.findData(mapping.day_first), 0)
        )
        self.date_order_combo.blockSignals(False)
        self.zone_combo.blockSignals(True)
        self.zone_combo.setCurrentIndex(max(self.zone_combo.findData(mapping.zone), 0))
        self.zone_combo.blockSignals(False)
        self._refresh()

    def _column_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(not in the file)"), None)
        for index, header in enumerate(self._table.headers):
            combo.addItem(header or self.tr("Column {number}").format(number=index + 1), index)
        return combo

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_screen(self, OPEN_WIDTH)  # its tables' own hints are a few columns wide
        super().showEvent(event)

    def _view(self, model: TextRowsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        return view

    def _refresh(self) -> None:
        mapping = self.mapping()
        missing = mapping.missing()
        if missing:
            self._result = CsvImport()
            names = {CsvField.TIMESTAMP: self.tr("time"), CsvField.ORDER: self.tr("order number")}
            self.summary_label.setText(
                self.tr("Choose the column with the {fields}.").format(
                    fields=", ".join(names[f] for f in missing)
                )
            )
        else:
            zone = self._zones[mapping.zone]
            self._result = import_rows(self._table, mapping, zone, self._known_ids)
            self.summary_label.setText(self._summary(self._result))
        self.preview_model.set_rows(
            [
                (
                    self._formatter.date_time(r.received_at),
                    r.customer_email or "",
                    r.order_name or "",
                    r.text,
                )
                for r in self._result.requests[:PREVIEW_ROWS]
            ],
            [self._result.lines[r.external_id] for r in self._result.requests[:PREVIEW_ROWS]],
        )
        self.bad_rows_model.set_rows(
            [(str(row.line), self._formatter.phrase(row.reason)) for row in self._result.bad_rows]
        )
        self.import_button.setEnabled(bool(self._result.requests))

    def _summary(self, result: CsvImport) -> str:
        found, bad, old = len(result.requests), len(result.bad_rows), result.already_imported
        parts = [
            self.tr("%n request to import", "", found)
            if found == 1
            else self.tr("%n requests to import", "", found)
        ]
        if bad:
            parts.append(
                self.tr("%n row cannot be imported", "", bad)
                if bad == 1
                else self.tr("%n rows cannot be imported", "", bad)
            )
        if old:
            parts.append(
                self.tr("%n row already imported", "", old)
                if old == 1
                else self.tr("%n rows already imported", "", old)
            )
        return "; ".join(parts)

    def _accept(self) -> None:
        choice = CsvImportChoice(self._result, self.mapping(), header_key(self._table.headers))
        self.accept()
        self.import_accepted.emit(choice)
