"""Qt's own work for CancelApp's first frame: the start-up floor (`bare_window.py`) plus what that
frame shows, in plain PySide6 with the data already in a Python list: a menu bar, a table of the
first page (100 rows, 11 columns, 7 shown, a Python `QAbstractTableModel`), a splitter with a
pane beside it, a status bar line, then a line on stdout once painted.

It is not a target (the target is the bare window); `bench_startup.py` launches it beside the
others so the report can say how much of CancelApp's start is the frame itself and how much is
CancelApp's own code (issue 19). No SQLite, no CancelApp module is imported.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ROWS, COLUMNS = 100, 11
HIDDEN = (3, 4, 5, 6)  # as CancelApp hides placed, source, payment and fulfillment by default


class Rows(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows = [
            [
                *(f"#{1000 + r}", f"Customer {r}", "6 Dec 2026 10:15", "5 Dec 2026", "Email"),
                *("Paid", "Unfulfilled", f"{r},00 kr.", "Approve: in time", "", ""),
            ]
            for r in range(ROWS)
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return COLUMNS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return f"Column {section}"
        return None


app = QApplication(sys.argv[:1])
window = QMainWindow()
for title in ("&File", "&Request", "&View", "&Help"):
    menu = window.menuBar().addMenu(title)
    for n in range(6):
        menu.addAction(f"{title} {n}")
table = QTableView()
model = Rows()
table.setModel(model)
for column in HIDDEN:
    table.setColumnHidden(column, True)
pane = QWidget()
QVBoxLayout(pane).addWidget(QLabel("Select a request to see its order."))
splitter = QSplitter()
splitter.addWidget(table)
splitter.addWidget(pane)
window.setCentralWidget(splitter)
window.statusBar().showMessage("Last synced 6 Dec 2026 10:15")
window.resize(1280, 800)
window.show()
app.processEvents()
print("shown", flush=True)
