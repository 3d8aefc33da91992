"""The queue panel: helpdesk-style tabs with counts (placed by the window), a debounced search,
filters, the table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cancelapp.ui.labels import (
    FINANCIAL_VALUES,
    FULFILLMENT_VALUES,
    SOURCE_VALUES,
    financial_label,
    fulfillment_label,
    source_label,
)
from cancelapp.ui.queue.filter_combo import FilterCombo
from cancelapp.ui.queue.queue_cells import TextDelegate
from cancelapp.ui.queue.queue_columns import (
    FOLDING,
    ColumnMenu,
    configure_columns,
    fit_columns,
    least_widths,
)
from cancelapp.ui.queue.queue_delegate import VerdictDelegate
from cancelapp.ui.queue.queue_index import Column, QueueFilter, Tab
from cancelapp.ui.queue.queue_model import QueueModel
from cancelapp.ui.queue.verdict_width import VerdictWidth
from cancelapp.ui.retranslating import Retranslating

SEARCH_DEBOUNCE_MS = 150
# The search field never gets narrower than this many characters of its placeholder ("Search
# order, cu…"): the filters beside it give way first (they elide).
SEARCH_CHARACTERS = 16
_SIZED = frozenset(c.value for c in Column if c != Column.VERDICT)  # the verdict takes the rest


class QueueView(Retranslating, QWidget):
    """Emits `current_request_changed(request_id or 0)` as the merchant moves through the queue."""

    current_request_changed = Signal(int)
    search_paused = Signal(str)  # look for this text in the requests' messages
    selection_changed = Signal()  # the rows chosen for a bulk action changed

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # The window places the tabs, across its whole width above the queue and the detail:
        # beside the detail at 1024 px six tabs with their counts did not fit, and the last
        # hid behind the tab bar's scroll arrows (second QA walkthrough).
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for _tab in Tab:
            self.tabs.addTab("")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        # Esc clears the search, as in any search field.
        self.escape_search = escape = QAction(self.search)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self._escape_search)
        self.search.addAction(escape)
        # Down (and Return) go into the hits, as in a browser's or mail program's search.
        self.enter_results = down = QAction(self.search)
        down.setShortcut(QKeySequence(Qt.Key.Key_Down))
        down.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        down.triggered.connect(self._enter_results)
        self.search.addAction(down)
        self.source_filter = FilterCombo()
        self.financial_filter = FilterCombo()
        self.fulfillment_filter = FilterCombo()
        self.table = QTableView()
        # Before the view's own selection model hears of a removal (it makes the row above
        # current, without selecting it): see `_rows_leaving`.
        model.rowsAboutToBeRemoved.connect(self._rows_leaving)
        self._configure_table()
        self.search_hint = QLabel()
        self.search_hint.setTextFormat(Qt.TextFormat.RichText)
        self.search_hint.setVisible(False)
        self.search_hint.linkActivated.connect(lambda key: self.show_tab(Tab(int(key))))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self._remembered: tuple[int, int] | None = None  # request id, row before a reset
        self._filtering = False  # a reset of the merchant's search or filters is under way
        self._kept = 0  # the request shown before that reset, selected again after it
        self._shown = 0  # the request the detail was last told to show
        self._settle = QTimer(self)  # see `_selection_settled`
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._selection_settled)
        self._message_hits: tuple[str, frozenset[int]] = ("", frozenset())  # needle, ids
        # Each tab's own highlighted request (0: none), kept when the merchant leaves it: a
        # tab switched to shows its own, never the request at the same row position.
        self._tab = Tab(0)
        self._picked: dict[Tab, int] = {}
        self._switching = False  # a tab switch's reset: `_tab_changed` highlights, not a row

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        # The filters want their choice whole and the search takes the rest; in a narrow queue
        # the filters give way (elided) and the search keeps its narrowest width.
        filters.addWidget(self.search, 1)
        filters.addWidget(self.source_filter)
        filters.addWidget(self.financial_filter)
        filters.addWidget(self.fulfillment_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.search_hint)
        layout.addWidget(self.table)

        self.tabs.currentChanged.connect(self._tab_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._enter_results)
        for combo in (self.source_filter, self.financial_filter, self.fulfillment_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        model.countsChanged.connect(self.update_counts)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        self.retranslate()

    def _configure_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        self.text_delegate = TextDelegate(self.model.cell_text, frozenset({Column.TOTAL}), table)
        table.setItemDelegate(self.text_delegate)
        self.verdict_delegate = VerdictDelegate(table)
        table.setItemDelegateForColumn(Column.VERDICT, self.verdict_delegate)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift/Ctrl-click and Ctrl+A choose several requests for a bulk approve or decline.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setTabKeyNavigation(False)
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        configure_columns(table)
        self.verdict_width = VerdictWidth(
            table,
            lambda: self.verdict_delegate.badge_size_hint(table.font()).width(),
            lambda: least_widths(table, self.model.says),
        )
        self.column_menu = ColumnMenu(table)
        self.columns_fitted = False  # widths measured on rows
        # The widths the merchant set by hand (dragged, or a double-click on an edge): only
        # these are kept, saved and restored; the others are measured (and give way to the
        # verdict in a narrow window), so a narrow window's widths never pass for the
        # merchant's (third QA walkthrough: "DKK 1,1…" at 1920 px after a day at 1024).
        self.hand_widths: dict[int, int] = {}
        self._measuring = False
        header.sectionResized.connect(self._section_resized)
        # Which folding columns have words in some row: when that changes (a sync brings a
        # refund deadline), they are measured anew, so a column back from folded is as wide
        # as its texts and a deadline is never cut.
        self._saying: dict[Column, bool] = {}
        model = self.model
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._words_changed)
        sorting = self.model.sorting
        order = Qt.SortOrder.DescendingOrder if sorting.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(sorting.column, order)
        table.setSortingEnabled(True)
        selection = table.selectionModel()
        selection.currentRowChanged.connect(self._row_changed)
        selection.selectionChanged.connect(self._selection_changed)

    # Language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        placeholder = self.tr("Search order, customer, email or message (Ctrl+F)")
        self.search.setPlaceholderText(placeholder)
        self._keep_search_usable(placeholder)
        self.search.setAccessibleName(self.tr("Search requests"))
        self.escape_search.setText(self.tr("Clear the search"))  # Help › Keyboard shortcuts
        self.enter_results.setText(self.tr("Go from the search to its results"))
        self.tabs.setAccessibleName(self.tr("Request queues"))
        self.table.setAccessibleName(self.tr("Cancellation requests"))
        self._fill(self.source_filter, self.tr("All sources"), SOURCE_VALUES, source_label)
        self._fill(self.financial_filter, self.tr("Any payment"), FINANCIAL_VALUES, financial_label)
        self._fill(
            self.fulfillment_filter,
            self.tr("Any fulfillment"),
            FULFILLMENT_VALUES,
            fulfillment_label,
        )
        self.source_filter.setAccessibleName(self.tr("Filter by source"))
        self.financial_filter.setAccessibleName(self.tr("Filter by payment status"))
        self.fulfillment_filter.setAccessibleName(self.tr("Filter by fulfillment status"))
        self.update_counts()
        self.verdict_width.fit()  # the badges' words, and so their widths, changed

    def _keep_search_usable(self, placeholder: str) -> None:
        """The search's narrowest width: the first characters of its placeholder, and the
        frame, margins and clear button Qt's own size hint adds to its 17 "x"."""
        metrics = self.search.fontMetrics()
        chrome = self.search.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        text = metrics.horizontalAdvance(placeholder[:SEARCH_CHARACTERS] + "…")
        self.search.setMinimumWidth(text + max(chrome, 0))

    @staticmethod
    def _fill(
        combo: QComboBox, everything: str, values: tuple[str, ...], label: Callable[[str], str]
    ) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(label(value), value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        combo.updateGeometry()  # its words, and so its width, changed

    def tab_names(self) -> dict[Tab, str]:
        return {
            Tab.NEEDS_DECISION: self.tr("Needs decision"),
            Tab.APPROVE: self.tr("Approve"),
            Tab.REVIEW: self.tr("Review"),
            Tab.DENY: self.tr("Deny"),
            Tab.DONE: self.tr("Done"),
            Tab.UNMATCHED: self.tr("Unmatched"),
        }

    def update_counts(self) -> None:
        """Each tab's count: every request, or while searching what the search finds there;
        a search with nothing in this tab says where its hits are."""
        counts = self.model.shown_counts()
        number = self.model.formatter.locale.toString
        names = self.tab_names()
        for tab, name in names.items():
            self.tabs.setTabText(tab, f"{name}  {number(counts[tab])}")
        current = Tab(max(self.tabs.currentIndex(), 0))
        # "Needs decision" holds the Approve, Review and Deny tabs' rows: name one or the others.
        verdict_tabs = (Tab.APPROVE, Tab.REVIEW, Tab.DENY)
        places = (
            (*verdict_tabs, Tab.DONE, Tab.UNMATCHED)
            if current in verdict_tabs
            else (Tab.NEEDS_DECISION, Tab.DONE, Tab.UNMATCHED)
        )
        elsewhere = [tab for tab in places if tab != current and counts[tab]]
        searching = bool(self.search.text().strip())
        if not searching or counts[current] or not elsewhere:
            self.search_hint.setText(
                self.tr("Nothing matches the search.") if searching and not counts[current] else ""
            )
            self.search_hint.setVisible(searching and not counts[current])
            return
        import html  # html.entities is a large table: loaded when a search first misses

        links = [
            self.tr('{count} in {tab}: <a href="{key}">show</a>').format(
                count=number(counts[tab]), tab=html.escape(names[tab]), key=int(tab)
            )
            for tab in elsewhere
        ]
        self.search_hint.setText(
            self.tr("No match in this tab. {places}").format(places=" · ".join(links))
        )
        self.search_hint.setVisible(True)

    # Columns ---------------------------------------------------------------------------------

    def fit_columns_once(self) -> None:
        """Size the columns to the first rows, the first time there are rows to measure
        (but those the merchant sized by hand)."""
        if not self.columns_fitted and self.model.rowCount():
            self._measure()
            self.columns_fitted = True

    def refit_columns(self) -> None:
        """After a language change: the texts' widths changed, and so do measured columns
        (never widths the merchant set)."""
        if self.columns_fitted:
            self._measure()

    def _words_changed(self, *_args: object) -> None:
        saying = {column: self.model.says(column) for column in FOLDING}
        if saying != self._saying:
            self._saying = saying
            self.refit_columns()

    def _measure(self) -> None:
        measured = fit_columns(self.table, self.model.cell_text, saying=self.model.rows_saying)
        self._measuring = True
        try:
            self.verdict_width.want(
                {c: width for c, width in measured.items() if c not in self.hand_widths}
            )
        finally:
            self._measuring = False

    def _section_resized(self, column: int, old: int, new: int) -> None:
        if self._measuring or self.verdict_width.adjusting or column == Column.VERDICT:
            return  # measured, given way to the verdict, or the verdict taking what is left
        # A drag on a header's edge (or a double-click on it) holds the button: by hand.
        by_hand = QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton
        if by_hand and old > 0 and new > 0:
            self.hand_widths[column] = new

    def restore_columns(self, state: QByteArray, hand_widths: dict[int, int]) -> bool:
        """The order, hidden columns and sort from last time, and the widths the merchant
        set by hand; the others are measured again on the first rows."""
        header = self.table.horizontalHeader()
        if not header.restoreState(state):
            return False
        kept = {c: w for c, w in hand_widths.items() if c in _SIZED and w > 0}
        for column, width in kept.items():
            header.resizeSection(column, width)
        self.hand_widths = kept
        self.verdict_width.forget(frozenset(kept))
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return True

    def column_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    # Filtering -------------------------------------------------------------------------------

    def query(self) -> QueueFilter:
        needle, found = self._message_hits
        return QueueFilter(
            tab=Tab(max(self.tabs.currentIndex(), 0)),
            search=self.search.text(),
            message_hits=found if needle and needle == self._needle() else frozenset(),
            source=self.source_filter.currentData(),
            financial_status=self.financial_filter.currentData(),
            fulfillment_status=self.fulfillment_filter.currentData(),
        )

    def _escape_search(self) -> None:
        """Esc in the search: the whole queue again; pressed on an empty search, back to the
        table."""
        if self.search.text():
            self.search.clear()
            self.apply_filter()
        else:
            self.table.setFocus()

    def _enter_results(self) -> None:
        """Down or Return in the search: into its hits, the first one highlighted and shown,
        so the keys act on it (A typed "a" into the search before)."""
        self.apply_filter()
        if self.model.rowCount():
            self.select_row(0)
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _select_single_hit(self) -> None:
        """A search that finds one request shows it at once."""
        if self._needle() and self.model.rowCount() == 1 and not self._current_is_highlighted():
            self.select_row(0)

    def apply_filter(self) -> None:
        self._debounce.stop()
        self._set_filter()
        needle = self._needle()
        if needle and needle != self._message_hits[0]:
            self.search_paused.emit(needle)

    def set_message_hits(self, needle: str, request_ids: frozenset[int]) -> None:
        """Requests whose messages hold `needle` join the search's rows (if it is still the
        search)."""
        self._message_hits = (needle, request_ids)
        if needle == self._needle():
            self._set_filter()

    def _set_filter(self) -> None:
        """Search and filter: the request shown stays shown (and is not loaded again) if the
        new rows hold it."""
        self._filtering = True
        try:
            self.model.set_filter(self.query())
        finally:
            self._filtering = False
        if not self._switching:  # a tab switch highlights its own first (`_tab_changed`)
            self._select_single_hit()

    def _needle(self) -> str:
        return self.search.text().strip().lower()

    def _tab_changed(self, index: int) -> None:
        """The tab's own request is highlighted again if it is still there; else nothing is
        (the detail's placeholder, the keys off) until the merchant picks a row."""
        self._picked[self._tab] = self.shown_request_id()  # the rows are still the old tab's
        self._tab = Tab(max(index, 0))
        wanted = self._picked.setdefault(self._tab, 0)
        self._switching = True
        try:
            self.apply_filter()
        finally:
            self._switching = False
        self._highlight(wanted)
        self._select_single_hit()
        self.update_counts()  # the hint names the other tabs
        # Another tab's texts: the Action column is empty while requests await a decision
        # and says "Cancelled" in Done; measured columns fit this tab's rows.
        self.refit_columns()

    def _highlight(self, request_id: int) -> None:
        if request_id and self.model.row_of(request_id) is not None:
            self._kept = request_id if request_id == self._shown else 0  # not read again
            try:
                self.select_request(request_id)
            finally:
                self._kept = 0
            return
        self.table.selectionModel().clear()
        if self._shown:
            self._show(0)

    def picks_first_row(self) -> bool:
        """Nothing is current, and the merchant has not switched tabs yet (a tab switched to
        stays without a highlighted row until they pick one): a sync may highlight the first."""
        return self.current_request_id() == 0 and not self._picked

    def show_tab(self, tab: Tab) -> None:
        self.tabs.setCurrentIndex(tab)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # Moving through the queue ----------------------------------------------------------------

    def current_request_id(self) -> int:
        index = self.table.currentIndex()
        return self.model.request_id_at(index.row()) if index.isValid() else 0

    def shown_request_id(self) -> int:
        """The request the detail shows and the keys act on: the current row's, while it is
        highlighted (a Ctrl-click or Ctrl+Space can leave the current row unselected)."""
        return self.current_request_id() if self._current_is_highlighted() else 0

    def _current_is_highlighted(self) -> bool:
        index = self.table.currentIndex()
        return index.isValid() and self.table.selectionModel().isRowSelected(index.row())

    def selected_request_ids(self) -> list[int]:
        """The chosen requests of the current tab, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.request_id_at(row) for row in rows]

    def select_all(self) -> None:
        """Every request in the current tab (Ctrl+A)."""
        self.table.selectAll()

    def select_row(self, row: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        row = min(max(row, 0), count - 1)
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def show_request(self, request_id: int) -> bool:
        """Select a request wherever it is: in this tab if it shows there, else in its own tab
        with the search and filters cleared."""
        if self.select_request(request_id):
            return True
        tabs = self.model.index_.tabs_of(request_id)
        if not tabs:
            return False
        current = Tab(max(self.tabs.currentIndex(), 0))
        self.search.clear()
        for combo in (self.source_filter, self.financial_filter, self.fulfillment_filter):
            combo.setCurrentIndex(0)
        self.show_tab(current if current in tabs else tabs[0])
        self.apply_filter()
        return self.select_request(request_id)

    def step(self, rows: int) -> None:
        index = self.table.currentIndex()
        self.select_row(index.row() + rows if index.isValid() else 0)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        request_id = self.model.request_id_at(current.row()) if current.isValid() else 0
        if request_id and request_id == self._kept:
            return  # the same request, only at another row: its detail is still right
        if current.isValid() and not self._current_is_highlighted():
            # A click makes its row current first and selects it after: settled then.
            self._settle.start()
            return
        self._show(request_id)

    def _show(self, request_id: int) -> None:
        self._shown = request_id
        self.current_request_changed.emit(request_id)

    def _selection_changed(self) -> None:
        self.selection_changed.emit()
        self._settle.start()  # a new current row is selected first, made current after

    def _selection_settled(self) -> None:
        """The detail shows the current row only while it is highlighted: a Ctrl-click or
        Ctrl+Space that takes the highlight off it shows the placeholder (and the keys act on
        nothing) until it is highlighted again, or another row is chosen."""
        wanted = self.shown_request_id()
        if wanted != self._shown:
            self._show(wanted)

    def _rows_leaving(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Rows leave the tab (an action or a sync decided them): if the request shown is one
        of them, the row that takes its place is shown, selected and highlighted (the one
        above when none follows; nothing when the tab empties), so what the detail shows and
        the keys act on is always a row the merchant sees highlighted."""
        index = self.table.currentIndex()
        if not index.isValid() or not first <= index.row() <= last:
            return
        selection = self.table.selectionModel()
        if last + 1 < self.model.rowCount():
            row = last + 1
        elif first > 0:
            row = first - 1
        else:
            selection.clear()  # the current row goes too: the detail's placeholder
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.setCurrentIndex(self.model.index(row, index.column()), flags)

    def _remember_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._remembered = (self.model.request_id_at(index.row()), index.row())
        else:
            self._remembered = None

    def _restore_current(self) -> None:
        remembered, self._remembered = self._remembered, None
        if self._switching:
            return  # the tab's own request, not the old row (`_tab_changed`)
        if remembered is None:
            self._show(0)
            return
        request_id, row = remembered
        self._kept = request_id if self._filtering else 0
        try:
            found = self.select_request(request_id)
        finally:
            self._kept = 0
        if not found:
            if self.model.rowCount():
                self.select_row(row)
            else:
                self._show(0)
