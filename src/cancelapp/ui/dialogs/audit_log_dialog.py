"""Help › Audit log: every money-moving step and decision, newest first, as a table that
names each entry's order and says what happened in the merchant's words; exported to CSV for
the accountant. Shopify's ids of what an entry did are no words of the merchant's: they show
below the table for the chosen entry, to copy for support. The texts are made once per
language (`retranslate`), not per paint."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP
from cancelapp.ui.audit_entry_text import entry_details, support_ids
from cancelapp.ui.labels import audit_label
from cancelapp.ui.retranslating import Retranslating

if TYPE_CHECKING:
    from cancelapp.session.refresh import AuditLog
    from cancelapp.ui.formatting import Formatter

_CONTEXT = "AuditLogDialog"
type _Index = QModelIndex | QPersistentModelIndex


class AuditColumn(IntEnum):
    TIME = 0
    ORDER = 1
    WHAT = 2
    AMOUNT = 3
    DETAILS = 4
    WHO = 5


_HEADINGS = {
    AuditColumn.TIME: QT_TRANSLATE_NOOP(_CONTEXT, "Time"),
    AuditColumn.ORDER: QT_TRANSLATE_NOOP(_CONTEXT, "Order"),
    AuditColumn.WHAT: QT_TRANSLATE_NOOP(_CONTEXT, "What happened"),
    AuditColumn.AMOUNT: QT_TRANSLATE_NOOP(_CONTEXT, "Amount"),
    AuditColumn.DETAILS: QT_TRANSLATE_NOOP(_CONTEXT, "Details"),
    AuditColumn.WHO: QT_TRANSLATE_NOOP(_CONTEXT, "Who"),
}


class AuditLogModel(QAbstractTableModel):
    def __init__(self, log: AuditLog, formatter: Formatter, parent: QObject | None = None):
        super().__init__(parent)
        self.log = log
        self.formatter = formatter
        self.rows: list[tuple[str, ...]] = []
        self.retranslate()

    def retranslate(self) -> None:
        """The rows' texts in the language and locale of the moment."""
        fmt = self.formatter
        self.beginResetModel()
        self.rows = [
            (
                fmt.date_time(entry.at),
                self.log.orders.get(entry.id or 0, ""),
                audit_label(entry.what),
                fmt.money(entry.amount) if entry.amount is not None else "",
                # one line in its cell (a note's breaks as spaces)
                " ".join(entry_details(entry.what, entry.detail, fmt).split()),
                entry.who,
            )
            for entry in self.log.entries
        ]
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(AuditColumn) - 1)

    def support_ids(self, row: int) -> str:
        """Shopify's ids of what the entry in `row` did, for support; "" for none."""
        return support_ids(self.log.entries[row].shopify_ids)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AuditColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == AuditColumn.AMOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(AuditColumn)
        ):
            return QCoreApplication.translate(_CONTEXT, _HEADINGS[AuditColumn(section)])
        return None


class AuditLogDialog(Retranslating, QDialog):
    """Every money-moving step and decision, newest first; export to CSV for the accountant."""

    def __init__(self, log: AuditLog, formatter: Formatter, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AuditLogModel(log, formatter, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditColumn.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setVisible(not log.entries)
        self.view.setVisible(bool(log.entries))
        self.support_line = QLabel()
        self.support_line.setTextFormat(Qt.TextFormat.PlainText)
        self.support_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self._support_ids())
        )
        support = QHBoxLayout()
        support.addWidget(self.support_line, 1)
        support.addWidget(self.copy_button)
        self.view.selectionModel().currentRowChanged.connect(self._show_support_line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton()
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        layout.addLayout(support)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(1000, 520)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit log"))
        self.setAccessibleName(self.windowTitle())
        self.view.setAccessibleName(self.tr("Audit log entries"))
        self.empty.setText(self.tr("Nothing has been done yet."))
        self.export_button.setText(self.tr("Export CSV…"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy Shopify's ids for support"))
        self.model.retranslate()  # the selection goes with the rows
        self._show_support_line()

    def _support_ids(self) -> str:
        row = self.view.currentIndex().row()
        return self.model.support_ids(row) if 0 <= row < self.model.rowCount() else ""

    def _show_support_line(self) -> None:
        ids = self._support_ids()
        self.support_line.setText(self.tr("For support: {ids}").format(ids=ids))
        self.support_line.setVisible(bool(ids))
        self.copy_button.setVisible(bool(ids))
