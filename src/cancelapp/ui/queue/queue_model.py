"""The request queue as a table model over `QueueIndex`, updated row by row on each sync.

`data()` only looks up strings formatted once per row (on first paint) and cached; the
relative "received" texts ("20 min", one form in every tab and width) are refreshed once a
minute. Filtering and searching swap the row
list (a model reset: what the merchant asked for changed; none when the rows stay the same);
sorting moves rows under a layout change so the selection stays; a sync inserts, removes and
updates single rows, and moves the ones it sorts elsewhere under a layout change too. The
window can open on the first page of the queue (`load()`) and add the rest below it when
read (`complete()`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from cancelapp.domain.late_messages import DatedBefore, dated_before
from cancelapp.domain.money import Money
from cancelapp.domain.withdrawal import REFUND_WARNING_DAYS
from cancelapp.store.phrase_json import phrase_from_json
from cancelapp.store.queue import QueueRow
from cancelapp.store.times import from_db_time
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.labels import (
    action_state_label,
    decision_action_label,
    financial_label,
    fulfillment_label,
    outcome_label,
    request_state_label,
    sources_label,
)
from cancelapp.ui.queue.queue_index import (
    Column,
    QueueFilter,
    QueueIndex,
    Sorting,
    Tab,
    held_awaiting_decision,
    still_on_hold,
    unread_after_decision,
)

ModelIndex = QModelIndex | QPersistentModelIndex

_USER = Qt.ItemDataRole.UserRole.value
REQUEST_ID_ROLE = _USER + 1
OUTCOME_ROLE = _USER + 2  # `Outcome` value or None; `NEW_MESSAGE` while one is unread
REASON_ROLE = _USER + 3  # the verdict's first reason, translated
SORT_ROLE = _USER + 4  # the real value the column sorts by
VERDICT_ROLE = _USER + 5  # (OUTCOME_ROLE, REASON_ROLE) in one call, for the badge delegate

# The badge of a decided request the customer wrote to again, instead of its old verdict's.
NEW_MESSAGE = "message"

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_ANSWERED_ROLES = frozenset(
    {
        _DISPLAY,
        _TOOLTIP,
        _ALIGNMENT,
        OUTCOME_ROLE,
        REASON_ROLE,
        VERDICT_ROLE,
        REQUEST_ID_ROLE,
        SORT_ROLE,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RECEIVED = Column.RECEIVED.value
_TOTAL = Column.TOTAL.value
_IN_FLIGHT = "sending"
_REFRESH_RELATIVE_MS = 60_000
# Rows whose texts are kept: many screenfuls, far fewer than 100,000 rows' worth of strings.
_KEPT_ROW_TEXTS = 5000
SEARCH_COUNT_DELAY_MS = 150  # a typing pause, then the tabs count the search's hits


class QueueModel(QAbstractTableModel):
    countsChanged = Signal()  # noqa: N815 (Qt naming)

    def __init__(
        self,
        formatter: Formatter,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.formatter = formatter
        self._now = now
        self.index_ = QueueIndex()
        self.query = QueueFilter()
        self.sorting = Sorting()
        self._visible: list[int] = []
        self._texts: dict[int, list[str]] = {}
        self._reasons: dict[int, str] = {}
        self._received: dict[int, str] = {}
        self._reason_texts: dict[str, str] = {}  # by the reason's JSON
        self._in_flight: set[int] = set()  # request ids with an action on its way
        # While a search is active: its hits in every tab, for the tabs' counts.
        self._hits: tuple[str, list[int], dict[Tab, int]] | None = None
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(SEARCH_COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_hits)
        self._headers: list[str] = []
        self._retranslate_headers()
        self._timer = QTimer(self)
        self._timer.setInterval(_REFRESH_RELATIVE_MS)
        self._timer.timeout.connect(self.refresh_relative_times)
        self._timer.start()

    def _retranslate_headers(self) -> None:
        self._headers = [
            self.tr("Order"),
            self.tr("Customer"),
            self.tr("Received"),
            self.tr("Placed"),
            self.tr("Source"),
            self.tr("Payment"),
            self.tr("Fulfillment"),
            self.tr("Total"),
            self.tr("Verdict"),
            self.tr("Action"),
            self.tr("Refund due by"),
        ]

    def reformat(self) -> None:
        """After a language change: every text again, same rows, same selection."""
        self._retranslate_headers()
        self._clear_caches()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._visible:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._visible) - 1, len(Column) - 1)
            )

    # Qt model interface --------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._headers[section]  # the tooltip: whole where the heading is elided
            if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.TOTAL:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called a few thousand times per repaint: unknown roles leave at once.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        position = self._visible[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return self._cell_text(position, column)
        if role == _ALIGNMENT:
            return _RIGHT if column == _TOTAL else None
        if role == _TOOLTIP:
            return self._tooltip(position, column)
        if role == OUTCOME_ROLE:
            return _badge(self.index_.rows[position])
        if role == REASON_ROLE:
            self._row_texts(position)
            return self._reasons.get(position, "")
        if role == VERDICT_ROLE:
            self._row_texts(position)
            return (_badge(self.index_.rows[position]), self._reasons.get(position, ""))
        if role == REQUEST_ID_ROLE:
            return self.index_.rows[position].request_id
        if role == SORT_ROLE:
            return self.index_.sort_key(position, Column(column))
        return None

    # `flags()` is Qt's own (enabled and selectable): the view asks it for every cell it
    # paints, and an override would be one more call into Python per cell.

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows: the queue's text delegate paints it without the roles `data()`
        answers one by one."""
        return self._cell_text(self._visible[row], column)

    def rows_saying(self, column: int, limit: int) -> list[int]:
        """Up to `limit` rows shown with something in `column` (Action or Refund due), however
        far down: a deadline below the first rows is measured, so never cut."""
        return self.index_.rows_saying(Column(column), self._visible, limit)

    def says(self, column: int) -> bool:
        """Whether any row shown has something to say in `column` (Action or Refund due), from
        the rows' fields, not their formatted texts: every row of the tab, however far down
        (a narrow window folds the column away only when none has)."""
        if column == Column.ACTION and self._in_flight:
            on_its_way = self.index_.positions_of(frozenset(self._in_flight))
            if on_its_way and not on_its_way.isdisjoint(self._visible):
                return True
        return self.index_.says(Column(column), self.query, self._visible)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sorting = Sorting(Column(column), order == Qt.SortOrder.DescendingOrder)
        if sorting == self.sorting and self._visible:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(idx, self._visible[idx.row()]) for idx in persistent if idx.isValid()]
        self.sorting = sorting
        self._visible = self.index_.visible(self.query, sorting)
        if kept:
            rows = self._rows_of({position for _, position in kept})
            self.changePersistentIndexList(
                [idx for idx, _ in kept],
                [self.index(rows[position], idx.column()) for idx, position in kept],
            )
        self.layoutChanged.emit()

    # Loading and updating ------------------------------------------------------------------------

    def load(self, rows: Iterable[QueueRow] | QueueIndex) -> None:
        """Everything at once: the first load from the cache, or after switching store.

        Pass a `QueueIndex` built in a worker to keep the GUI thread free while it is built.
        """
        self.beginResetModel()
        self.index_ = rows if isinstance(rows, QueueIndex) else QueueIndex(rows)
        self._clear_caches()
        self._visible = self.index_.visible(self.query, self.sorting)
        self.endResetModel()
        self._search_again()
        self.countsChanged.emit()

    def complete(self, index: QueueIndex) -> None:
        """Swap in the whole queue after `load()` showed its first page: the rest is inserted
        below the rows shown (which keep their selection and scroll position). If the first
        page no longer leads the view (a sync, a filter or a sort came in between), the model
        is reset instead."""
        shown = [self.index_.rows[p].request_id for p in self._visible]
        visible = index.visible(self.query, self.sorting)
        rows = index.rows
        if len(visible) < len(shown) or any(
            rows[p].request_id != request_id for p, request_id in zip(visible, shown, strict=False)
        ):
            self.load(index)
            return
        self.index_ = index
        self._clear_caches()  # cached by position, and the positions are the new index's now
        self._visible = visible[: len(shown)]
        if shown:
            last = len(Column) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(shown) - 1, last))
        if len(visible) > len(shown):
            self.beginInsertRows(QModelIndex(), len(shown), len(visible) - 1)
            self._visible = visible
            self.endInsertRows()
        self._search_again()
        self.countsChanged.emit()

    def apply(self, rows: Sequence[QueueRow], removed_ids: Iterable[int] = ()) -> None:
        """Merge rows a sync changed: rows are inserted, removed, moved or updated in place."""
        change = self.index_.update(rows)
        gone = self.index_.remove(removed_ids)
        for position in (*change.changed, *gone):
            self._forget_texts(position)
        self._merge(self.index_.visible(self.query, self.sorting))
        if change.changed:
            last = len(Column) - 1
            for shown in self._rows_of(set(change.changed)).values():
                self.dataChanged.emit(self.index(shown, 0), self.index(shown, last))
        if change.added or change.changed or gone:
            self._search_again()
            self.countsChanged.emit()

    def set_filter(self, query: QueueFilter) -> None:
        if query == self.query:
            return
        narrowing = (
            bool(self.query.search.strip())
            and query.search.startswith(self.query.search)
            and query == replace(self.query, search=query.search)
        )
        if narrowing:
            visible = self.index_.narrow(self._visible, query.search)
        else:
            visible = self.index_.visible(query, self.sorting)
        searched = query.search != self.query.search
        found_in_messages = query.message_hits != self.query.message_hits
        self.query = query
        if found_in_messages and not searched and self._hits is not None:
            needle, hits, _counts = self._hits
            self._hits = (needle, hits, self._counted(hits))
            self.countsChanged.emit()
        if searched:
            self._count_later()
        if visible != self._visible:
            self.beginResetModel()
            self._visible = visible
            self.endResetModel()
        else:  # the same rows: nothing to repaint
            self._visible = visible

    def set_in_flight(self, request_id: int, in_flight: bool) -> None:
        """Show "In progress" at once, before the journal confirms it."""
        if in_flight:
            self._in_flight.add(request_id)
        else:
            self._in_flight.discard(request_id)
        position = self.index_.position_of(request_id)
        if position is not None:
            self._forget_texts(position)
            row = self._rows_of({position}).get(position)
            if row is not None:
                self.dataChanged.emit(
                    self.index(row, Column.ACTION), self.index(row, Column.ACTION)
                )

    def refresh_relative_times(self) -> None:
        self._received.clear()
        if self._visible:
            column = Column.RECEIVED
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._visible) - 1, column),
                [Qt.ItemDataRole.DisplayRole],
            )

    # Lookups for the window ----------------------------------------------------------------------

    def counts(self) -> dict[Tab, int]:
        """Every request per tab, whatever the search (the tray's and the title's count)."""
        return self.index_.counts()

    def shown_counts(self) -> dict[Tab, int]:
        """Per tab, what the search finds there; every request when nothing is searched."""
        return self.index_.counts() if self._hits is None else self._hits[2]

    def _count_later(self) -> None:
        """The tabs' counts for a search follow once typing pauses: each keystroke shows its
        rows at once, and the count over every tab is made once per pause, not per letter."""
        if self.query.search.strip():
            self._count_timer.start()
        elif self._hits is not None:
            self._count_timer.stop()
            self._hits = None
            self.countsChanged.emit()

    def _count_hits(self) -> None:
        needle = self.query.search.strip().lower()
        if not needle:
            return
        previous = self._hits
        within = previous[1] if previous is not None and needle.startswith(previous[0]) else None
        hits = self.index_.search_hits(needle, within)
        self._hits = (needle, hits, self._counted(hits))
        self.countsChanged.emit()

    def _counted(self, hits: list[int]) -> dict[Tab, int]:
        also = self.index_.positions_of(self.query.message_hits).difference(hits)
        return self.index_.tab_counts([*hits, *also] if also else hits)

    def _search_again(self) -> None:
        """The rows changed: the search's hits are looked for again."""
        self._hits = None
        self._count_later()

    def queue_row(self, row: int) -> QueueRow:
        return self.index_.rows[self._visible[row]]

    def request_id_at(self, row: int) -> int:
        return self.index_.rows[self._visible[row]].request_id

    def request_of_order(self, order_id: str) -> int | None:
        """The request shown for an order, its undecided one when a buyer asked again after a
        decision (a scan: for the odd action outcome, not per paint)."""
        found = None
        for row in self.index_.rows:
            if row.order_gid == order_id:
                if row.request_state not in ("done", "declined"):
                    return row.request_id
                found = found or row.request_id
        return found

    def any_made_in_shopify(self, request_ids: Iterable[int]) -> bool:
        """Whether a buyer asked for any of these in Shopify itself (Shopify then sends the
        decline reason to the customer, within its length limit)."""
        rows = self.index_.rows
        for request_id in request_ids:
            position = self.index_.position_of(request_id)
            if position is not None and "shopify" in rows[position].sources.split(","):
                return True
        return False

    def row_of(self, request_id: int) -> int | None:
        position = self.index_.position_of(request_id)
        if position is None:
            return None
        return self._rows_of({position}).get(position)

    # Internals -----------------------------------------------------------------------------------

    def _rows_of(self, positions: set[int]) -> dict[int, int]:
        if len(positions) == 1:
            (position,) = positions
            try:
                return {position: self._visible.index(position)}
            except ValueError:
                return {}
        return {p: row for row, p in enumerate(self._visible) if p in positions}

    def _merge(self, new: list[int]) -> None:
        """Turn the shown list into `new`: rows that left are removed and rows that came are
        inserted, in runs; rows that stay but sort elsewhere now move under a layout change,
        so the selection and the current row go with them (removed and inserted again, the
        request shown lost its row to its neighbour)."""
        new_set = set(new)
        doomed = [row for row, p in enumerate(self._visible) if p not in new_set]
        for first, last in reversed(_runs(doomed)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._visible[first : last + 1]
            self.endRemoveRows()
        kept = set(self._visible)
        order = [p for p in new if p in kept]
        if order != self._visible:
            self._move_rows(order)
        arriving = [row for row, p in enumerate(new) if p not in kept]
        for first, last in _runs(arriving):
            self.beginInsertRows(QModelIndex(), first, last)
            self._visible[first:first] = new[first : last + 1]
            self.endInsertRows()

    def _move_rows(self, order: list[int]) -> None:
        """The shown rows in another `order` (the same positions), as `sort` moves them."""
        self.layoutAboutToBeChanged.emit()
        rows = {position: row for row, position in enumerate(order)}
        persistent = [idx for idx in self.persistentIndexList() if idx.isValid()]
        self.changePersistentIndexList(
            persistent,
            [self.index(rows[self._visible[idx.row()]], idx.column()) for idx in persistent],
        )
        self._visible = order
        self.layoutChanged.emit()

    def _clear_caches(self) -> None:
        self._texts.clear()
        self._reasons.clear()
        self._received.clear()
        self._reason_texts.clear()

    def _forget_texts(self, position: int) -> None:
        self._texts.pop(position, None)
        self._reasons.pop(position, None)
        self._received.pop(position, None)

    def _cell_text(self, position: int, column: int) -> str:
        if column == _RECEIVED:
            return self._received_text(position)
        return self._row_texts(position)[column]

    def _received_text(self, position: int) -> str:
        text = self._received.get(position)
        if text is None:
            received = from_db_time(self.index_.rows[position].received_at)
            text = self.formatter.relative_short(received, self._now())
            self._received[position] = text
        return text

    def _row_texts(self, position: int) -> list[str]:
        texts = self._texts.get(position)
        if texts is None:
            if len(self._texts) >= _KEPT_ROW_TEXTS:  # scrolled through a lot: start again
                self._clear_caches()
            texts = self._format_row(self.index_.rows[position], position)
            self._texts[position] = texts
        return texts

    def _format_row(self, row: QueueRow, position: int) -> list[str]:
        fmt = self.formatter
        reason = ""
        if row.verdict_reason:
            reason = self._reason_texts.get(row.verdict_reason, "")
            if not reason:  # reasons repeat from row to row: parse and format each once
                reason = fmt.phrase(phrase_from_json(row.verdict_reason))
                self._reason_texts[row.verdict_reason] = reason
        outcome = outcome_label(row.verdict_outcome)
        if unread_after_decision(row):  # the old verdict is decided: say what is new
            assert row.unread_since is not None
            dated = from_db_time(row.unread_since)
            before = dated_before(
                dated,
                placed=from_db_time(row.placed_at) if row.placed_at else None,
                decided=from_db_time(row.decided_at) if row.decided_at else None,
            )
            if before is DatedBefore.ORDER:
                said = self.tr(
                    "{state}, then a message came in dated {when}, before the order was placed"
                )
            elif before is DatedBefore.DECISION:
                said = self.tr("{state}, then a message came in dated {when}, before the decision")
            else:
                said = self.tr("{state}, then the customer wrote again on {when}")
            reason = said.format(
                state=request_state_label(row.request_state), when=fmt.date_time(dated)
            )
            outcome = outcome_label(NEW_MESSAGE)
        self._reasons[position] = reason
        verdict = f"{outcome}: {reason}" if outcome and reason else outcome
        if not outcome and row.order_gid and row.placed_at is None and row.request_state == "open":
            verdict = self.tr("Reading the order…")  # found first, judged once its order is in
        in_flight = row.request_id in self._in_flight
        action_state = _IN_FLIGHT if in_flight else row.action_state
        action = decision_action_label(
            None if in_flight else row.action_kind,  # its action is not journaled yet
            action_state,
            request_state=row.request_state,
            order_cancelled=bool(row.cancelled),
        ) or action_state_label(action_state)
        if row.action_kind == "cancellation_request" and action_state == "done":
            action = self.tr("Asked the warehouse")
        elif held_awaiting_decision(row) and action_state == "done":
            # Awaiting a decision, as before the hold: "On hold" until Shopify's hold is
            # released, then nothing, as any request awaiting a decision reads.
            action = fulfillment_label(row.fulfillment_status) if still_on_hold(row) else ""
        if not action and row.request_state in ("done", "declined"):
            action = request_state_label(row.request_state)
        return [
            row.order_name or self.tr("(no order)"),
            row.customer_name or row.customer_email or "",
            "",  # received: relative, see `_received_text`
            fmt.date(from_db_time(row.placed_at)) if row.placed_at else "",
            sources_label(row.sources),
            financial_label(row.financial_status),
            fulfillment_label(row.fulfillment_status),
            self._total(row),
            verdict,
            action,
            self._refund_due(row),
        ]

    def _refund_due(self, row: QueueRow) -> str:
        """The deadline, with a warning from a few days before it while a refund may be owed."""
        if row.refund_due_on is None:
            return ""
        due = date.fromisoformat(row.refund_due_on)
        text = self.formatter.day(due)
        if row.request_state in ("done", "declined") or row.financial_status == "REFUNDED":
            return text
        days_left = (due - self.formatter.local(self._now()).date()).days
        if days_left < 0:
            return self.tr("%1 (overdue)").replace("%1", text)
        if days_left <= REFUND_WARNING_DAYS:
            return self.tr("%1 (in %n day(s))", "", days_left).replace("%1", text)
        return text

    def _total(self, row: QueueRow) -> str:
        if row.total_amount is None or row.currency is None:
            return ""
        try:
            return self.formatter.money(Money.of(row.total_amount, row.currency))
        except (ValueError, InvalidOperation):
            return row.total_amount

    def _tooltip(self, position: int, column: int) -> str | None:
        row = self.index_.rows[position]
        if column == Column.RECEIVED:
            return self.formatter.date_time(from_db_time(row.received_at))
        if column == Column.PLACED and row.placed_at:
            return self.formatter.date_time(from_db_time(row.placed_at))
        if column == Column.CUSTOMER:
            parts = (row.customer_name, row.customer_email)
            return "\n".join(part for part in parts if part) or None
        if column == Column.VERDICT:
            self._row_texts(position)
            return self._reasons.get(position) or None
        return self._row_texts(position)[column] or None  # the full text of an elided cell


def _badge(row: QueueRow) -> str | None:
    """The verdict column's badge: the verdict, or `NEW_MESSAGE` for a decided request the
    customer wrote to again (not yet read)."""
    return NEW_MESSAGE if unread_after_decision(row) else row.verdict_outcome


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
