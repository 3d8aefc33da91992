"""The queue's columns: what shows by default, widths measured on a sample of rows, and the
header's menu that hides or shows the less important ones.

The verdict column takes the width the others leave (`verdict_width`), so order, customer,
verdict, received and total fit a laptop's screen without scrolling sideways. Widths come
from the first rows only, about a screenful: resizing to contents would format and measure
every one of 100,000 rows, and each row measured is formatted before the first paint
(issue 19).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from cancelapp.ui.queue.queue_index import Column

SAMPLE_ROWS = 40
# What the merchant reads first: who, then the verdict and its reason, then the facts.
VISUAL_ORDER = (
    Column.ORDER,
    Column.CUSTOMER,
    Column.VERDICT,
    Column.RECEIVED,
    Column.TOTAL,
    Column.ACTION,
    Column.PAYMENT,
    Column.FULFILLMENT,
    Column.PLACED,
    Column.SOURCE,
)
# Always shown: the header's menu offers the others.
ESSENTIAL = frozenset(
    {Column.ORDER, Column.CUSTOMER, Column.VERDICT, Column.RECEIVED, Column.TOTAL}
)
# The detail pane and the filters show these; a merchant who wants them turns them on.
HIDDEN_BY_DEFAULT = (Column.PAYMENT, Column.FULFILLMENT, Column.PLACED, Column.SOURCE)
# (narrowest, widest) in pixels: a long customer name is elided (full text on hover).
_LIMITS = {
    Column.ORDER: (50, 120),
    Column.CUSTOMER: (80, 180),
    Column.RECEIVED: (40, 160),
    Column.TOTAL: (70, 140),
    Column.ACTION: (56, 160),
    Column.PAYMENT: (70, 140),
    Column.FULFILLMENT: (70, 150),
    Column.PLACED: (70, 120),
    Column.SOURCE: (60, 130),
    Column.REFUND_DUE: (56, 200),
}
# As wide as their texts, not their headings ("Refusion senest" over a date, "Handling" over
# nothing in most tabs): the heading is elided, whole in its tooltip, and the verdict's reason
# gets the room (fourth QA walkthrough: about 190 px between them in Danish at 1366 px).
# Received too: its times are short ("20 min", "3 t") and never give way (`verdict_width`).
CONTENT_WIDE = frozenset({Column.ACTION, Column.REFUND_DUE, Column.RECEIVED})
# Columns that fold away (width 0) in a narrow window when no row shown has anything to say
# in them, rather than stand empty: while requests await a decision, Action and Refund due
# took 112 px at 1024 px and left the verdict's reason "U…" (QA walkthrough). Every row
# counts, read from its fields (`QueueModel.says`), not a sample of formatted texts.
FOLDING = frozenset({Column.ACTION, Column.REFUND_DUE})
_PADDING = 18  # the cell's margins and focus frame
_SORT_ARROW = 20


def configure_columns(table: QTableView) -> None:
    """Order, visibility and resize modes before any row arrives."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # whole in the heading's tooltip
    for column, (low, _high) in _LIMITS.items():
        header.resizeSection(column, low)
    for visual, column in enumerate(VISUAL_ORDER):
        header.moveSection(header.visualIndex(column), visual)
    for column in HIDDEN_BY_DEFAULT:
        header.setSectionHidden(column, True)
    header.setSectionsMovable(True)


def fit_columns(
    table: QTableView,
    text_at: Callable[[int, int], str],
    sample: int = SAMPLE_ROWS,
    saying: Callable[[int, int], Iterable[int]] | None = None,
) -> dict[int, int]:
    """The width of every column but the verdict: its header and the widest text among the
    first `sample` rows (only the text for `CONTENT_WIDE`), within limits; for `FOLDING`,
    among the first `sample` rows `saying(column, sample)` something in it, however far down
    (a refund deadline below the first rows was cut to "12/21…"). `text_at(row, column)` is
    what the cell shows (read from the model directly: through `QModelIndex.data()` it was a
    thousand calls in and out of Qt before the first paint)."""
    model = table.model()
    metrics = table.fontMetrics()
    first = range(min(model.rowCount(), sample))
    widths: dict[int, int] = {}
    for column, (low, high) in _LIMITS.items():
        widest = 0
        rows = saying(column, sample) if saying and column in FOLDING else first
        for row in rows:
            text = text_at(row, column)
            if text:
                widest = max(widest, metrics.horizontalAdvance(text))
        heading = 0 if column in CONTENT_WIDE else _heading_width(table, column)
        widths[column] = max(low, min(high, max(widest + _PADDING, heading)))
    return widths


def least_widths(table: QTableView, says: Callable[[int], bool]) -> dict[int, int]:
    """The columns that may fold away: each of `FOLDING` to nothing (0) when no row shown
    `says` anything in it, however far down (a refund deadline, a failed decision: decided on
    the first rows alone, row 41 of "Needs decision" lost its "Failed" at 1024 px)."""
    if not table.model().rowCount():  # no rows: no reason to make room for
        return {}
    return {column: 0 for column in FOLDING if not says(column)}


def narrowest(table: QTableView, column: int) -> int:
    """How narrow `column` may give way to the verdict in a narrow window (`verdict_width`):
    its heading stays whole (but those of `CONTENT_WIDE`)."""
    low = _LIMITS[Column(column)][0] if column in _LIMITS else 0
    if column in CONTENT_WIDE:
        return low
    return max(low, _heading_width(table, column))


def _heading_width(table: QTableView, column: int) -> int:
    title = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    return table.horizontalHeader().fontMetrics().horizontalAdvance(title) + _SORT_ARROW


class ColumnMenu(QObject):
    """The header's context menu: a check box per column that may be hidden."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._popup)

    def menu(self) -> QMenu:
        """A fresh menu in the current language, checked as the columns are shown now."""
        header = self.table.horizontalHeader()
        model = self.table.model()
        menu = QMenu(self.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for visual in range(header.count()):
            column = Column(header.logicalIndex(visual))
            if column in ESSENTIAL:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        return menu

    def _popup(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.menu().popup(header.mapToGlobal(position))
