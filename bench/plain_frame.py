"""CancelApp's first frame built in plain PySide6: what Qt and PySide cost for what a merchant
sees at start-up, with none of CancelApp's code (issue 19, point 2).

`bare_table.py` is a table and a menu bar; this is the whole first frame as the window draws
it (docs/screenshots, `scripts/screenshots.py`): the five menus with their shortcuts, the
queue's tab bar with counts, the search field and three filter boxes, the table of the first
100 rows with its hidden and moved columns, sort arrow, alternating rows and the selected
first row, the verdict badges painted by a Python delegate, the action bar and the pane's
placeholder beside it, and the status bar's two lines. The data is a Python list; no SQLite,
settings, translations, logging or CancelApp module.

`bench_startup.py` launches it beside the floor (`bare_window.py`): the ratio of this frame
to the floor is what any PySide6 6.12 app that shows this window pays before it draws a row.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

ROWS = 100
HEADERS = (
    "Order",
    "Customer",
    "Verdict",
    "Received",
    "Total",
    "Action",
    "Payment",
    "Fulfillment",
    "Placed",
    "Source",
    "Reason",
)
HIDDEN = (6, 7, 8, 9, 10)
VERDICT = 2
OUTCOMES = (("Approve", "#d4f2dc"), ("Review", "#fde7c2"), ("Deny", "#f9d2d2"))
MENUS = {
    "&File": ("Connect store…", "Import CSV…", "Back up now", "Remove store…", "Quit"),
    "&Edit": ("Undo", "Find order…", "Search", "Select all", "Settings…"),
    "&Request": ("Approve", "Decline", "Hold", "Add note…", "Refresh order", "New request…"),
    "&View": ("Needs decision", "Approve", "Review", "Deny", "Sync now", "Reports"),
    "&Help": ("Audit log", "About CancelApp"),
}
SHORTCUTS = ("Ctrl+Q", "Ctrl+Z", "Ctrl+F", "Ctrl+A", "Ctrl+Return", "Ctrl+D", "F5", "Ctrl+1")


class Rows(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows = [
            (
                f"#{50000 + r}",
                f"Customer {r}",
                OUTCOMES[r % 3][0],
                f"{32 + r} min ago",
                f"DKK {r * 37 % 4000:,}.00",
                "",
                "Paid",
                "Unfulfilled",
                "6 Dec 2026",
                "Email",
                "In time: ordered 32 minutes ago",
            )
            for r in range(ROWS)
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None


class Badges(QStyledItemDelegate):
    """The verdict as a coloured, rounded badge over the row's own background."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        text, cell.text = cell.text, ""
        style = cell.widget.style()  # background, selection and focus as Qt draws them
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
        colour = dict(OUTCOMES)[text]
        rect = option.rect.adjusted(4, 3, -4, -3)
        width = cell.fontMetrics.horizontalAdvance(text) + 12
        badge = QRect(rect.left(), rect.top(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(badge, 8, 8)
        painter.setPen(QColor("#202020"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def menus(window: QMainWindow) -> None:
    shortcuts = iter(SHORTCUTS)
    for title, items in MENUS.items():
        menu = window.menuBar().addMenu(title)
        for item in items:
            action = menu.addAction(item)
            shortcut = next(shortcuts, None)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))


def queue() -> tuple[QWidget, QTableView]:
    tabs = QTabBar()
    for name, count in (("Needs decision", 100), ("Approve", 34), ("Review", 33)):
        tabs.addTab(f"{name}  {count}")
    for name in ("Deny  33", "Done", "All"):
        tabs.addTab(name)
    search = QLineEdit()
    search.setPlaceholderText("Search orders, customers, emails")
    search.setClearButtonEnabled(True)
    filters = QHBoxLayout()
    filters.addWidget(search, 1)
    for first, *rest in (
        ("All sources", "Shopify", "Email", "Form", "Tag"),
        ("Any payment", "Paid", "Pending", "Refunded"),
        ("Any fulfillment", "Unfulfilled", "Partly", "Fulfilled"),
    ):
        box = QComboBox()
        box.addItems([first, *rest])
        filters.addWidget(box)
    table = QTableView()
    table.setModel(Rows())
    table.setItemDelegateForColumn(VERDICT, Badges(table))
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in HIDDEN:
        header.setSectionHidden(column, True)
    header.setSectionResizeMode(VERDICT, QHeaderView.ResizeMode.Stretch)
    header.moveSection(header.visualIndex(VERDICT), 2)
    header.setSortIndicator(3, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    table.selectRow(0)
    left = QWidget()
    layout = QVBoxLayout(left)
    layout.addWidget(tabs)
    layout.addLayout(filters)
    layout.addWidget(table, 1)
    return left, table


def pane() -> QWidget:
    actions = QToolBar()
    for name in ("Approve", "Decline", "Accept withdrawal", "Hold", "Add note"):
        action = QAction(name, actions)
        action.setEnabled(False)
        actions.addAction(action)
    right = QWidget()
    layout = QVBoxLayout(right)
    layout.addWidget(actions)
    placeholder = QLabel("Select a request to see its order.")
    placeholder.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    layout.addWidget(placeholder, 1)
    return right


app = QApplication(sys.argv[:1])
window = QMainWindow()
menus(window)
left, table = queue()
splitter = QSplitter()
splitter.addWidget(left)
splitter.addWidget(pane())
splitter.setSizes([720, 560])
window.setCentralWidget(splitter)
status = window.statusBar()
status.addWidget(QLabel("Not connected"))
status.addWidget(QLabel("Last synced 32 min ago"))
window.resize(1280, 800)
window.show()
app.processEvents()
print("shown", flush=True)
