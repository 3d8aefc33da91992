"""The verdict column's width: what the other columns leave, never less than its widest badge.

Qt's Stretch mode gave the verdict the leftover width down to the header's one minimum for
every column (40 px), and in Danish at 1366x768 the badges were cut. Here the verdict column
is sized by hand (Fixed: the merchant sizes the others, the verdict takes the rest): when the
rest is less than the widest badge of the current language and a few words of the reason
(`REASON_CHARACTERS`), the other text columns give way
down to their narrowest (headings whole, texts elided, their full text on hover), and when
that is not enough the table scrolls sideways. The order number and the total never give
way, and neither does the verdict.

Each other column keeps the width it wants (measured) apart from the width it shows, so a
column that gave way in a narrow window widens again with it. A width the merchant set
(dragged, or restored from last time) never gives way: the table scrolls instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView
from shiboken6 import isValid

from cancelapp.ui.queue.queue_columns import narrowest
from cancelapp.ui.queue.queue_index import Column

_VERDICT = Column.VERDICT.value
# Before the other columns take all the width they want, the verdict keeps room for about
# this many characters of its reason beside the badge: the reason is what the merchant reads
# after the badge (fourth QA walkthrough: in Danish at 1366 px the customer's name took back
# what the Action and refund-due columns gave, and the reason kept two letters).
REASON_CHARACTERS = 15
# What may be cut to its narrowest, in this order of preference (the last gives way last).
# Received never: its times are short already ("3 t", "20 min"), and would be cut.
_GIVING_WAY = (
    Column.CUSTOMER,
    Column.SOURCE,
    Column.PLACED,
    Column.PAYMENT,
    Column.FULFILLMENT,
    Column.ACTION,
    Column.REFUND_DUE,
)


def give_way(
    wanted: dict[int, int], lows: dict[int, int], shortfall: int, kept: frozenset[int]
) -> dict[int, int]:
    """The widths after the giving-way columns among `wanted` (but those `kept`) shed up to
    `shortfall` pixels, each down to its narrowest (`lows`), the first ones first."""
    widths = dict(wanted)
    for column in _GIVING_WAY:
        if shortfall <= 0:
            break
        if column not in widths or column in kept:
            continue
        spare = max(widths[column] - lows[column], 0)
        cut = min(spare, shortfall)
        widths[column] -= cut
        shortfall -= cut
    return widths


class VerdictWidth(QObject):
    """Sizes `table`'s verdict column on every change of the room it has: the viewport
    resized, another column resized, hidden or shown, the language or the font changed.
    `narrowest()` is the verdict's narrowest width now (its widest badge)."""

    def __init__(self, table: QTableView, narrowest: Callable[[], int]) -> None:
        super().__init__(table)
        self.table = table
        self._narrowest = narrowest
        self.adjusting = False  # our own resizing: not the merchant's, not a measurement
        self._wanted: dict[int, int] = {}  # each other column's own width, by logical index
        self._merchants: set[int] = set()  # columns the merchant sized: they never give way
        header = table.horizontalHeader()
        header.setSectionResizeMode(_VERDICT, QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._section_resized)
        # The header is as wide as the viewport (the table lays it out so) and has its Python
        # wrapper already: asking for the viewport from Python before the first paint made
        # PySide build the type of every QWidget subclass: 45 M instructions (issue 19).
        header.installEventFilter(self)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isValid(self.table):  # the header's last events, as the table goes
            return False
        kind = event.type()
        if (kind == QEvent.Type.Resize and watched is self.table.horizontalHeader()) or (
            kind == QEvent.Type.FontChange and watched is self.table
        ):
            self.fit()
        return False

    def want(self, widths: dict[int, int]) -> None:
        """Columns' measured widths, then the fit."""
        self._wanted.update(widths)
        self._merchants.difference_update(widths)
        self.fit()

    def forget(self, merchants: frozenset[int]) -> None:
        """A restored state: the widths the header shows now are the columns' own, and those
        of `merchants` the merchant's (the others are measured again)."""
        self._wanted.clear()
        self._merchants = set(merchants)
        # A state saved by an older release has the verdict in Stretch mode.
        self.table.horizontalHeader().setSectionResizeMode(_VERDICT, QHeaderView.ResizeMode.Fixed)
        self.fit()

    def _section_resized(self, column: int, old: int, new: int) -> None:
        if self.adjusting or column == _VERDICT:
            return
        if old > 0 and new > 0:  # resized by the merchant (not hidden, not shown again)
            self._wanted[column] = new
            self._merchants.add(column)  # the table scrolls rather than undo the merchant's
        self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        if header.isSectionHidden(_VERDICT):
            return
        shown = [
            column
            for column in range(header.count())
            if column != _VERDICT and not header.isSectionHidden(column)
        ]
        wanted = {column: self._wanted.get(column, header.sectionSize(column)) for column in shown}
        self._wanted.update(wanted)
        least = self._narrowest()
        room = header.width()  # the viewport's
        reason = self.table.fontMetrics().averageCharWidth() * REASON_CHARACTERS
        shortfall = sum(wanted.values()) + least + reason - room
        lows = {c: narrowest(self.table, c) for c in wanted} if shortfall > 0 else {}
        widths = give_way(wanted, lows, shortfall, frozenset(self._merchants))
        verdict = max(least, room - sum(widths.values()))
        self.adjusting = True
        try:
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
            if header.sectionSize(_VERDICT) != verdict:
                header.resizeSection(_VERDICT, verdict)
        finally:
            self.adjusting = False
