"""The verdict column's width: what the other columns leave, never less than its widest badge.

Qt's Stretch mode gave the verdict the leftover width down to the header's one minimum for
every column (40 px), and in Danish at 1366x768 the badges were cut. Here the verdict column is
sized by hand (Fixed: the merchant sizes the others, the verdict takes the rest): when the rest
is less than the widest badge of the current language and a few words of the reason
(`REASON_CHARACTERS`), the other text columns give way down to their narrowest (headings whole,
texts elided, their full text on hover; Received, whose times are short, never). When that is
not enough, the columns with nothing to say in the rows shown
fold away (Action and Refund due while requests await a decision: at 1024 px they left the
reason "U…" in English and nothing in Danish; not while any row of the tab has something to say
in them, however far down), and the customer's name takes back what it need
not give; when even that is not enough the table scrolls sideways. The order number and the
total never give way, and neither does the verdict.

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
# Received never: its times are short already ("3 t", "20 min"), and would be cut; nor
# Refund due, a legal deadline: shown whole or, with nothing to say, folded away.
_GIVING_WAY = (
    Column.CUSTOMER,
    Column.SOURCE,
    Column.PLACED,
    Column.PAYMENT,
    Column.FULFILLMENT,
    Column.ACTION,
)


def give_way(
    wanted: dict[int, int],
    lows: dict[int, int],
    shortfall: int,
    kept: frozenset[int],
    whole: dict[int, int] | None = None,
) -> dict[int, int]:
    """The widths after the giving-way columns among `wanted` (but those `kept`) shed up to
    `shortfall` pixels, each down to its narrowest (`lows`), the first ones first.

    The columns of `whole` give way whole or not at all, to the width it gives them, and
    only when the others at their narrowest are not enough; the others then shed only what
    is still missing (the customer's name keeps what they free): those with nothing to say
    in the rows shown fold away (0 px), any other whole width before them."""
    steps = {
        column: width
        for column, width in (whole or {}).items()
        if column in wanted and column not in kept and width < wanted[column]
    }
    rest = {column: width for column, width in wanted.items() if column not in steps}
    held = {column: wanted[column] for column in steps}
    widths, missing = _shed(rest, lows, shortfall, kept)
    for stage in (
        {column: width for column, width in steps.items() if width},
        {column: width for column, width in steps.items() if not width},
    ):
        if missing <= 0:
            break
        if stage:
            held.update(stage)
            freed = sum(wanted[column] - width for column, width in held.items())
            widths, missing = _shed(rest, lows, shortfall - freed, kept)
    return widths | held


def _shed(
    wanted: dict[int, int], lows: dict[int, int], shortfall: int, kept: frozenset[int]
) -> tuple[dict[int, int], int]:
    """`give_way` with no column giving way whole; and the pixels still missing."""
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
    return widths, shortfall


class VerdictWidth(QObject):
    """Sizes `table`'s verdict column on every change of the room it has: the viewport
    resized, another column resized, hidden or shown, the language or the font changed.
    `narrowest()` is the verdict's narrowest width now (its widest badge)."""

    def __init__(
        self,
        table: QTableView,
        narrowest: Callable[[], int],
        shortest: Callable[[], dict[int, int]] = dict,
    ) -> None:
        super().__init__(table)
        self.table = table
        self._narrowest = narrowest
        self._shortest = shortest  # the columns that may fold away, measured on rows
        self.adjusting = False  # our own resizing: not the merchant's, not a measurement
        self._wanted: dict[int, int] = {}  # each other column's own width, by logical index
        self._merchants: set[int] = set()  # columns the merchant sized: they never give way
        # `shortest()`, measured once a column must give way (not before the first paint
        # of a window wide enough), again after each new measurement.
        self._least: dict[int, int] | None = None
        header = table.horizontalHeader()
        header.setSectionResizeMode(_VERDICT, QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._section_resized)
        # The header is as wide as the viewport (the table lays it out so) and has its Python
        # wrapper already: asking for the viewport from Python before the first paint made
        # PySide build the type of every QWidget subclass: 45 M instructions (issue 19).
        header.installEventFilter(self)
        table.installEventFilter(self)
        model = table.model()
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ):
            signal.connect(self._rows_changed)

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
        self._least = None
        self._merchants.difference_update(widths)
        self.fit()

    def forget(self, merchants: frozenset[int]) -> None:
        """A restored state: the widths the header shows now are the columns' own, and those
        of `merchants` the merchant's (the others are measured again). A column saved folded
        away (0 px) wants its narrowest until then."""
        header = self.table.horizontalHeader()
        self._wanted = {
            column: narrowest(self.table, column)
            for column in range(header.count())
            if header.sectionSize(column) == 0 and not header.isSectionHidden(column)
        }
        self._merchants = set(merchants)
        # A state saved by an older release has the verdict in Stretch mode.
        header.setSectionResizeMode(_VERDICT, QHeaderView.ResizeMode.Fixed)
        self.fit()

    def _rows_changed(self, *_args: object) -> None:
        """Other rows or texts: a folded column may have something to say now (an action
        under way says "In progress"), or a shown one nothing (another tab), so the least
        widths are measured again (cheap: whether any row says something in a folding
        column is counted, not read from the cells)."""
        self._least = None
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
        lows: dict[int, int] = {}
        whole: dict[int, int] = {}
        if shortfall > 0:
            if self._least is None:
                self._least = self._shortest()
            short = self._least
            lows = {c: short.get(c) or narrowest(self.table, c) for c in wanted}
            whole = {c: short[c] for c in wanted if c in short}
        widths = give_way(wanted, lows, shortfall, frozenset(self._merchants), whole)
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
