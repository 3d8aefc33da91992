"""The main window: request queue and detail pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from cancelapp import __version__

if TYPE_CHECKING:
    from cancelapp.app import AppContext

ModelIndex = QModelIndex | QPersistentModelIndex


class RequestTableModel(QAbstractTableModel):
    """Placeholder until the queue model lands: the real columns, no rows."""

    def columns(self) -> list[str]:
        return [
            self.tr("Order"), self.tr("Customer"), self.tr("Received"), self.tr("Placed"),
            self.tr("Source"), self.tr("Payment"), self.tr("Fulfillment"), self.tr("Total"),
            self.tr("Verdict"), self.tr("Action"),
        ]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns()[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("CancelApp"))
        self.resize(1200, 760)
        self.table = QTableView()
        self.table.setModel(RequestTableModel(self))
        self.table.setAccessibleName(self.tr("Cancellation requests"))
        self.detail = QLabel(self.tr("Select a request to see its order."))
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._build_menu()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About CancelApp"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About CancelApp"))
        box.setText(self.tr("CancelApp {version}").format(version=__version__))
        box.open()
