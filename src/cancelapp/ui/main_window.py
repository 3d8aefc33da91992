"""The main window: the request queue, the selected request, and every action from the keyboard.

It puts the parts together: the commands and menus (`window_commands`), the store switcher,
the queue and its sync (`refresh_timer`), the detail (`detail_flow`), the policy and the store's
window (`policy_flow`), the actions (`action_controller`, `command_state`), the File and Help
menus' dialogs (`dialogs.menu_dialogs`), removing a store (`store_removal`) and the settings
(`window_settings`). Work runs in the context's worker pool; this class routes signals between
the parts. Only the queue, the menus, the banner and the status bar are built before the first
rows are painted; the pane and the flows follow (`window_flows`), or come at once on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenuBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cancelapp.session.opening import Step
from cancelapp.store.stores import StoreRecord, shown_name
from cancelapp.ui.banner import Banner, ShownMessage
from cancelapp.ui.detail.pane_placeholder import DetailPlaceholder
from cancelapp.ui.first_paint import when_painted
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.queue.queue_cache import load_rows
from cancelapp.ui.queue.queue_index import Tab
from cancelapp.ui.queue.queue_model import QueueModel
from cancelapp.ui.queue.queue_view import QueueView
from cancelapp.ui.queue.refresh_timer import QueueSync
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.status_bar import StatusBar
from cancelapp.ui.store_sessions import StoreSessions
from cancelapp.ui.store_switcher import StoreSwitcher
from cancelapp.ui.theme import is_dark
from cancelapp.ui.tray import RequestTray
from cancelapp.ui.window_commands import WindowCommands, WindowMenus
from cancelapp.ui.window_state import WindowState

if TYPE_CHECKING:  # the network, policy and intake sides load after the first rows show
    from cancelapp.context import AppContext
    from cancelapp.session.connect import ConnectedStore
    from cancelapp.session.detail import RequestDetail
    from cancelapp.session.refresh import RefreshResult, StoreSession
    from cancelapp.session.withdrawal import Acknowledgement
    from cancelapp.settings import Language, Settings
    from cancelapp.store.queue import QueueRow
    from cancelapp.store.sync_state import SyncState
    from cancelapp.ui.audit_check import AuditChainCheck
    from cancelapp.ui.database_upkeep import DatabaseUpkeep
    from cancelapp.ui.detail.action_controller import ActionController
    from cancelapp.ui.detail.bulk_flow import BulkFlow
    from cancelapp.ui.detail.detail_flow import DetailFlow
    from cancelapp.ui.detail.detail_pane import DetailPane
    from cancelapp.ui.detail.record_export import RecordExport
    from cancelapp.ui.detail.unmatched_flow import UnmatchedFlow
    from cancelapp.ui.detail.withdrawal_flow import WithdrawalFlow
    from cancelapp.ui.dialogs.menu_dialogs import MenuDialogs
    from cancelapp.ui.dialogs.store_removal import StoreRemoval
    from cancelapp.ui.policy.policy_flow import PolicyFlow
    from cancelapp.ui.queue.verdict_clock import VerdictClock
    from cancelapp.ui.reports.reports_window import ReportsWindow
    from cancelapp.ui.settings.window_settings import SettingsFlow
    from cancelapp.ui.update_notice import UpdateNotice
    from cancelapp.ui.window_flows import WindowFlows


# The first page is read in a few milliseconds; a disk that takes longer shows the window empty.
SHOW_WAIT_MS = 500


class MainWindow(Retranslating, QMainWindow):
    stores_loaded = Signal()
    queue_loaded = Signal()  # the open store's first rows are in the table
    queue_completed = Signal()  # and now every one of its rows
    detail_shown = Signal(int)  # request id (0: nothing selected)
    session_ready = Signal(bool)  # False: the store's credentials are missing
    first_rows_painted = Signal()  # the open store's first rows (or no store) are on screen
    flows_built = Signal()  # after the first rows painted (or a first use): the rest can load

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        locale = context.translations.locale if context.translations else QLocale()
        self.formatter = Formatter(locale)
        self.stores: list[StoreRecord] = []
        self.store_sessions = StoreSessions(context, self.formatter.phrase, self)
        self._open_sessions = True
        self._wanted_store: int | None = None
        self._select_when_shown = 0  # a request just linked to its order, shown once reloaded
        # Rows changed while the queue was still opening, reloaded once it is complete.
        self._reload_when_complete: set[int] | None = None
        self._banners: dict[int, ShownMessage] = {}  # each other store's message, put away
        self._show_pending = False  # `show_with_first_rows` waits for them

        self.model = QueueModel(self.formatter, self)
        self.queue = QueueView(self.model)
        self._pane_placeholder = DetailPlaceholder()  # until the pane is built with the flows
        self.banner = Banner()
        self.status = StatusBar(self.formatter)
        self.setStatusBar(self.status)
        self.tray = RequestTray(self.windowIcon(), self)
        self.tray.notifications_enabled = context.settings.tray_notifications
        self.sync = QueueSync(
            self.model,
            context.workers,
            self,
            interval=timedelta(minutes=context.settings.sync_interval_minutes),
        )
        self.reports_window: ReportsWindow | None = None  # opened from View > Reports
        # The detail, policy, actions, dialogs and upkeep: built once the first rows are
        # painted (`build_flows`), or at once when something asks for one of them first.
        self._flows: WindowFlows | None = None
        self._when_flows: list[Callable[[], None]] = []  # what waits for them
        self.commands = WindowCommands(self)
        self.menus = WindowMenus(self, self.commands)
        self.store_switcher = StoreSwitcher()
        self.addToolBar(self.store_switcher)
        self._build_layout()
        self.window_state = WindowState(context.paths.config_dir)
        self.window_state.restore(self, self.splitter, self.queue)
        self._connect()
        self.retranslate()
        for notice in context.startup_notices:
            self.banner.show_phrase(notice, render=self.formatter.phrase)

    # The flows built after the first paint -------------------------------------------------------

    @property
    def flows(self) -> WindowFlows:
        """The window's flows, built on first use (normally right after the first rows paint)."""
        if self._flows is None:
            from cancelapp.ui.window_flows import build_flows

            self._flows = build_flows(self, self)
            self._right_layout.replaceWidget(self._pane_placeholder, self._flows.pane)
            self._flows.pane.wants_width.connect(self._widen_detail)
            self._pane_placeholder.deleteLater()
            self._connect_flows()
            store = self.store
            if store is not None:  # opened before they were built
                self.policy.set_store(store)
                self.verdicts.set_store(store.id)
            self.details.load(self.queue.shown_request_id())
            self._update_actions()
            waiting, self._when_flows = self._when_flows, []
            for call in waiting:
                call()
            self.flows_built.emit()
        return self._flows

    def _widen_detail(self, missing: int) -> None:
        """The detail pane misses `missing` pixels to show its amounts whole: the queue
        gives them, down to its own narrowest (beyond that the pane scrolls sideways)."""
        queue, right = self.splitter.sizes()
        give = min(missing, queue - self.queue.minimumSizeHint().width())
        if give > 0:
            self.splitter.setSizes([queue - give, right + give])

    def _with_flows(self, call: Callable[[], None]) -> None:
        """`call` now if the flows are built, else right after they are."""
        if self._flows is not None:
            call()
        else:
            self._when_flows.append(call)

    @property
    def detail(self) -> DetailPane:
        return self.flows.pane

    @property
    def menu_dialogs(self) -> MenuDialogs:
        return self.flows.menu_dialogs

    @property
    def actions_(self) -> ActionController:
        return self.flows.actions

    @property
    def bulk(self) -> BulkFlow:
        return self.flows.bulk

    @property
    def policy(self) -> PolicyFlow:
        return self.flows.policy

    @property
    def details(self) -> DetailFlow:
        return self.flows.details

    @property
    def verdicts(self) -> VerdictClock:
        return self.flows.verdicts

    @property
    def unmatched(self) -> UnmatchedFlow:
        return self.flows.unmatched

    @property
    def withdrawals(self) -> WithdrawalFlow:
        return self.flows.withdrawals

    @property
    def settings_flow(self) -> SettingsFlow:
        return self.flows.settings

    @property
    def removal(self) -> StoreRemoval:
        return self.flows.removal

    @property
    def upkeep(self) -> DatabaseUpkeep:
        return self.flows.upkeep

    @property
    def audit_check(self) -> AuditChainCheck:
        return self.flows.audit_check

    @property
    def record_export(self) -> RecordExport:
        return self.flows.record_export

    @property
    def updates(self) -> UpdateNotice:
        return self.flows.updates

    def _build_layout(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.menus.action_bar)
        right_layout.addWidget(self._pane_placeholder, 1)
        self._right_layout = right_layout
        self.splitter = splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.queue)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Halves at 1200 px; a narrower window takes more from the queue (its filters elide),
        # a wider one gives more to it: at 1024 px the detail's items and amounts need the room.
        splitter.setSizes([600, 600])
        self.empty_hint = QLabel()
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.queue.tabs)  # every tab and its count, whatever the split
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        """The commands call the window's methods, which build the flows on first use: a
        command chosen before the first rows painted still works."""
        c = self.commands
        for action, slot in (
            (c.approve, self.approve),
            (c.decline, self.decline),
            (c.accept_withdrawal, self.accept_withdrawal),
            (c.acknowledge, self.acknowledge_withdrawal),
            (c.hold, self.hold),
            (c.refresh, self.refresh_order),
            (c.note, self.add_note),
            (c.mark_read, self.mark_read),
            (c.undo, self.undo),
            (c.approve_selected, self.approve_selected),
            (c.decline_selected, self.decline_selected),
            (c.stop_reading, lambda: self.bulk.stop_reading()),
            (c.select_all, self.queue.select_all),
            (c.find_order, self.find_order),
            (c.export_record, self.export_record),
            (c.next, lambda: self.queue.step(1)),
            (c.previous, lambda: self.queue.step(-1)),
            (c.search, self.queue.focus_search),
            (c.sync, self.sync_now),
            (c.connect_store, self.connect_store),
            (c.remove_store, self.remove_store),
            (c.import_csv, lambda: self.menu_dialogs.import_csv()),
            (c.back_up, lambda: self.upkeep.back_up()),
            (c.new_request, lambda: self.menu_dialogs.new_request()),
            (c.audit_log, lambda: self.menu_dialogs.show_audit_log()),
            (c.reports, self.open_reports),
            (c.settings, lambda: self.settings_flow.open_settings()),
            (c.policy, lambda: self.policy.open_editor()),
            (c.quit, self.close),
            (c.about, lambda: self.menu_dialogs.show_about()),
            (c.shortcuts, self.show_shortcuts),
        ):
            action.triggered.connect(slot)
        for action, tab in zip(c.tabs, Tab, strict=True):
            action.triggered.connect(lambda _c=False, t=tab: self.queue.show_tab(t))
        self.queue.current_request_changed.connect(self._request_selected)
        self.queue.selection_changed.connect(self._update_actions)
        self.model.countsChanged.connect(self._update_title)
        self.model.countsChanged.connect(self._select_linked)
        self.tray.show_window_requested.connect(self._bring_to_front)
        self.sync.started.connect(self.status.sync_started)
        self.sync.progressed.connect(self._sync_progress)
        self.sync.online_changed.connect(self._online_changed)
        self.sync.finished.connect(self._synced)
        self.sync.failed.connect(self._sync_failed)
        self.sync.new_requests.connect(self.tray.notify_new)
        self.sync.new_messages.connect(self.tray.notify_messages)
        self.sync.arrived.connect(self._arrived)
        self.queue.search_paused.connect(self._search_messages)
        self.store_switcher.chosen.connect(self._switch_store)
        self.store_sessions.stores_read.connect(self._stores_read)
        self.store_sessions.cache_opened.connect(self._cache_opened)
        self.store_sessions.cache_completed.connect(self._cache_completed)
        self.store_sessions.session_opened.connect(self._session_opened)
        self.store_sessions.step_due.connect(self._start_step)
        self.store_sessions.problem.connect(self._problem)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def _connect_flows(self) -> None:
        self.details.shown.connect(self._detail_shown)
        self.details.rows_changed.connect(self._reload_rows)
        self.details.waiting_online.connect(lambda text: self.status.showMessage(text, 8000))
        self.details.problem.connect(self._problem)
        self.details.verdict_due.connect(self._verdict_ran_out)
        self.details.reached.connect(self._shopify_answered)
        self.details.unreachable.connect(self._shopify_out_of_reach)
        self.detail.notices.mark_read_requested.connect(lambda _rid: self.mark_read())
        self.detail.notices.request_wanted.connect(self.queue.show_request)
        self.verdicts.judged.connect(self._verdicts_judged)
        self.verdicts.problem.connect(self._problem)
        self.policy.ready.connect(self.details.reload)
        self.policy.rejudged.connect(self._rejudged)
        self.policy.problem.connect(self._problem)
        self.policy.message.connect(self.banner.say)
        self.policy.request_wanted.connect(self.queue.show_request)
        self.actions_.problem.connect(self.banner.say)
        self.actions_.decision_problems.connect(self.banner.say_instead)
        self.actions_.notice.connect(lambda text: self.status.showMessage(text, 8000))
        self.actions_.unreachable.connect(self.sync.unreachable)
        self.actions_.reachable.connect(self._shopify_answered)
        self.actions_.reading.connect(self.status.show_reading)
        self.actions_.in_flight_changed.connect(self._update_actions)
        self.actions_.sending.connect(self.model.set_in_flight)
        self.actions_.rows_changed.connect(self._reload_rows)
        self.actions_.finished.connect(self._action_finished)
        self.actions_.replies_sent.connect(self._replies_sent)
        self.bulk.problem.connect(self.banner.say)
        self.bulk.problem_over.connect(lambda words: self.banner.withdraw(words()[0]))
        self.bulk.running_changed.connect(lambda _busy: self._update_actions())
        self.bulk.sending.connect(self.model.set_in_flight)
        self.bulk.order_finished.connect(self._bulk_order_finished)
        self.bulk.notice.connect(self.status.showMessage)
        self.bulk.reading.connect(self.status.show_reading)
        self.bulk.reading.connect(self._keys_to_the_queue)
        self.bulk.waiting_for_shopify.connect(self.actions_.wait_for_shopify)
        self.bulk.undo_changed.connect(self._update_actions)
        self.bulk.unreachable.connect(self._shopify_out_of_reach)
        self.actions_.finished.connect(self.bulk.settled)  # a bulk's pending order, confirmed
        self.unmatched.rows_changed.connect(self._reload_rows)
        self.unmatched.linked.connect(self._linked)
        self.unmatched.closed.connect(self.details.load)
        self.unmatched.closed.connect(lambda _rid: self.actions_.send_replies())  # its reply
        self.withdrawals.rows_changed.connect(self._reload_rows)
        self.withdrawals.accepted.connect(lambda _accepted: self.details.reload())
        self.withdrawals.acknowledged.connect(self._acknowledged)
        self.withdrawals.problem.connect(self._problem)
        self.menu_dialogs.imported.connect(self._imported)
        self.menu_dialogs.problem.connect(self._problem)
        self.menu_dialogs.message.connect(self.banner.say)
        self.menu_dialogs.news.connect(lambda words: self.banner.say(words, info=True))
        self.menu_dialogs.notice.connect(lambda text: self.status.showMessage(text, 8000))
        self.settings_flow.language_changed.connect(self.use_language)
        self.actions_.email_settings_wanted.connect(
            lambda over, closed: self.settings_flow.open_settings(over, email=True, closed=closed)
        )
        self.settings_flow.message.connect(self.banner.say)
        self.settings_flow.saved.connect(lambda s: self.updates.apply(s.check_for_updates))
        self.settings_flow.saved.connect(self._withdrawal_terms_saved)
        self.removal.removed.connect(self._store_removed)
        self.removal.problem.connect(self._problem)
        self.upkeep.notice.connect(lambda text: self.status.showMessage(text, 8000))
        self.upkeep.problem.connect(self._problem)
        self.upkeep.done.connect(self.audit_check.run)  # seals what was written meanwhile
        self.audit_check.problem.connect(self._problem)
        self.audit_check.notice.connect(lambda text: self.status.showMessage(text, 8000))
        self.record_export.problem.connect(self._problem)
        self.record_export.notice.connect(lambda text: self.status.showMessage(text, 8000))

    def _request_selected(self, request_id: int) -> None:
        if self._flows is not None:  # else its detail shows once they are built
            self.details.load(request_id)
            self.actions_.moved()

    # Language ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.commands.retranslate(self.queue.tab_names().values())
        self.menus.retranslate()
        self.store_switcher.retranslate()
        self.empty_hint.setText(
            self.tr("No store is connected yet. Choose File › Connect store… to add yours.")
        )
        self._update_title()
        self._update_actions()

    def use_language(self, language: Language) -> None:
        """Speak `language` now: translators swap, every text and number is formatted again."""
        if self.context.translations is None:
            return
        self.formatter.use_locale(self.context.translations.apply(language))
        self.model.reformat()
        self.queue.refit_columns()
        self.detail.show_detail(self.detail.detail)
        self.status.retranslate()
        self.banner.retranslate()  # a core message again, its numbers in the new locale too

    # Starting and switching stores ---------------------------------------------------------------

    def start(self, *, open_session: bool = True, store_id: int | None = None) -> None:
        """Show the cache's first rows at once, then the rest of the queue; once every row is
        in, open the store's connection and sync (`open_session=False`: a smoke run that
        stays offline).

        Opens `store_id` (a store just connected) or the first store; with none connected
        yet, an interactive start opens the connect wizard (the first run)."""
        self._open_sessions = open_session
        self._wanted_store = store_id
        if open_session:  # these wait for the flows, built once the first rows are painted
            self._with_flows(self._start_upkeep)
        self.store_sessions.read_stores()
        if open_session:
            self._with_flows(lambda: self.updates.start())

    def show_with_first_rows(self) -> None:
        """Show the window once the open store's first rows are in the table (or it knows
        there is no store, or the start failed), so its first frame is painted once, with
        them, instead of empty and then again. A slow read shows it after `SHOW_WAIT_MS`."""
        self._show_pending = True
        QTimer.singleShot(SHOW_WAIT_MS, self, self._show_now)

    def _show_now(self) -> None:
        if self._show_pending:
            self._show_pending = False
            self.show()
            # The layouts `show()` asked to settle, settled before the window is first
            # exposed: where the platform exposes it at once (offscreen) the whole window was
            # otherwise painted twice, once before the layouts and once after.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _start_upkeep(self) -> None:
        self.upkeep.start()
        self.audit_check.run()

    @property
    def store(self) -> StoreRecord | None:
        return self.store_sessions.store

    @property
    def session(self) -> StoreSession | None:
        return self.store_sessions.session

    def _stores_read(self, stores: list[StoreRecord]) -> None:
        self.stores = stores
        wanted = self._wanted_store
        chosen = next((s for s in stores if s.id == wanted), stores[0] if stores else None)
        self.store_switcher.show_stores(stores, chosen)
        self.empty_hint.setVisible(not stores)
        self.stores_loaded.emit()
        if chosen is not None:
            self.select_store(chosen)
        else:  # no rows to wait for: the empty window is the first frame
            self._after_first_paint(lambda: self._first_rows_painted(None))
            if self._open_sessions:
                self._find_keychain()  # the wizard needs it: looked for off the GUI thread
                self.connect_store()
        self._update_actions()

    def _switch_store(self, store: StoreRecord) -> None:
        if store is not self.store:
            self.select_store(store)

    def select_store(self, store: StoreRecord) -> None:
        if self.store is not None and store.id != self.store.id:
            # A message is about the store it came from: put away, shown again with it.
            shown = self.banner.put_away()
            if shown is not None:
                self._banners[self.store.id] = shown
            if self.banner.isHidden() and (back := self._banners.pop(store.id, None)):
                self.banner.bring_back(back)
        self.sync.set_session(None)
        self._reload_when_complete = set()
        if self._flows is not None:  # else they learn the store when they are built
            self.actions_.set_session(None)
            self.policy.set_store(store)
            self.verdicts.set_store(store.id)
        self.store_sessions.open(
            store, self.model, self._after_first_paint, online=self._open_sessions
        )
        if self._flows is not None:
            self.details.load(0)
        self._update_title()

    def _cache_opened(self, store: StoreRecord, sync_state: SyncState) -> None:
        """The first rows are in the table: the rest of the start waits until they are painted
        (a worker started now would hold the GIL while they are)."""
        self.status.store_opened(sync_state.last_success_at)
        self.queue.fit_columns_once()
        if self.queue.current_request_id() == 0:
            self.queue.select_row(0)  # its detail shows once the policy is read
        self.queue_loaded.emit()
        self._after_first_paint(lambda: self._first_rows_painted(store))

    def _first_rows_painted(self, store: StoreRecord | None) -> None:
        self.first_rows_painted.emit()
        self._build_flows()
        if store is not None:
            self.store_sessions.reached(store, Step.FIRST_PAINT)

    def _build_flows(self) -> None:
        self.flows  # noqa: B018 (the property builds them)

    def _after_first_paint(self, step: Callable[[], None]) -> None:
        self._show_now()
        when_painted(self, step)

    def _start_step(self, store: StoreRecord, step: Step) -> None:
        """The window's part of a store's start, when `session/opening.py` says it is due."""
        if step is Step.POLICY:
            self.policy.load()
        elif step is Step.KEYCHAIN:
            self._find_keychain()
        elif step is Step.SYNC:
            self.sync.sync_now()

    def _cache_completed(self, store: StoreRecord, _sync_state: SyncState) -> None:
        """Every row is in. Only now may a sync or an action change rows: the whole queue,
        read while the first page showed, would otherwise replace what they merged into it."""
        changed, self._reload_when_complete = self._reload_when_complete, None
        if changed:
            self._reload_rows(frozenset(changed))
        self.queue_completed.emit()
        if self._open_sessions:  # an interactive start, not a smoke run
            self._precompute_orders()

    def _find_keychain(self) -> None:
        """Look for the OS keychain in a worker now, before a dialog or a session needs it."""
        self.context.workers.run(self.context.keychain)  # plain: never the window or context

    def _session_opened(self, store: StoreRecord, session: StoreSession | None) -> None:
        self.session_ready.emit(session is not None)

        def no_credentials() -> tuple[str, str | None]:
            return self.tr(
                "CancelApp has no saved credentials for {store}. Connect the store "
                "again (File › Connect store…) to sync and act on orders."
            ).format(store=shown_name(store, self.store_switcher.stores)), None

        if session is None:
            self.banner.say(no_credentials)
            self.status.set_signed_out()  # not offline: Shopify is not even asked
            self.verdicts.check()  # no sync will: verdicts that ran out are judged from the cache
            return
        self.banner.withdraw(no_credentials()[0])  # connected again: it no longer holds
        self.sync.set_session(session)
        self.actions_.set_session(session)  # reconciles what was sending when the app stopped
        self._update_actions()  # the first sync follows (`Step.SYNC`)

    # Syncing -------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if not self.sync.sync_now() and self.session is None:
            self.status.showMessage(self.tr("Connect a store to sync."), 5000)

    def _sync_progress(self, done: int, total: int, phase: str) -> None:
        """Say what the sync reads and how far it is (phases: `cancelapp.sync.search_plan`)."""
        if self.status.online is None:  # the sync reads the store: Shopify answers
            self.status.set_online(True)
        if phase == "bulk" and total:  # a first connect: Shopify prepares the orders in bulk
            text = self.tr("Shopify is preparing %n orders…", "", total)
            self.status.sync_progress(min(done, total), total, text)
            return
        if phase in ("details", "in-full") and total:  # each request's order read, then judged
            if phase == "details":
                text = self.tr("Reading the orders with requests: %1 of %2")
            else:  # the backfill after a first connect: the queue is complete
                text = self.tr(
                    "Reading the orders with requests in full in the background: %1 of %2"
                )
            locale = self.formatter.locale
            text = text.replace("%1", locale.toString(done)).replace("%2", locale.toString(total))
            self.status.sync_progress(done, total, text)
            return
        if phase == "details":
            text = self.tr("Syncing: reading the orders with requests in full…")
        elif phase == "requests":  # a first connect: the tagged orders, nothing else
            text = self.tr("Reading the orders with requests: %n found", "", done)
        elif phase == "recent":  # the backfill after a first connect; the queue is complete
            text = self.tr("Reading recent orders in the background: %n", "", done)
        else:
            text = (
                self.tr("Syncing: %n order", "", done)
                if done == 1
                else self.tr("Syncing: %n orders", "", done)
            )
        self.status.sync_progress(0, 0, text)

    def _shopify_answered(self) -> None:
        """A read the merchant started got Shopify's answer: the window is online."""
        if self.status.online is False:
            self.sync.reachable()

    def _shopify_answered_a_sync(self) -> None:
        """ "Shopify cannot be reached" no longer holds: a bulk's word on it goes, and the one a
        read the merchant started (Refresh order) left. A decision's word goes on reconnect
        (`ActionController.reconcile`)."""
        from cancelapp.shopify.errors import NetworkDown
        from cancelapp.ui.detail.action_controller import describe_error

        self.bulk.shopify_answered()
        self.banner.withdraw(describe_error(NetworkDown(), self.formatter)[0])

    def _keys_to_the_queue(self, reading: str) -> None:
        """Orders read for a bulk: a menu bar still taking the keys (Alt+R, Esc) would take
        the Esc that stops it (eighth walkthrough: the orders were read to the end and the
        confirmation opened anyway), so the keys go back to the queue."""
        if reading and isinstance(QApplication.focusWidget(), QMenuBar):
            self.queue.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _shopify_out_of_reach(self) -> None:
        if self.status.online is not False:
            self.sync.unreachable()

    def _online_changed(self, online: bool) -> None:
        was_offline = self.status.online is False
        self.status.set_online(online)
        if not self.sync.running:  # a sync Shopify did not answer has ended
            self.status.sync_finished()
        if online and was_offline:  # back online: finish what the network cut short
            self.actions_.reconcile()
            self.details.online()

    def _synced(self, result: RefreshResult) -> None:
        self.status.sync_finished(more=result.more)  # a first read goes on with its backfill
        self._shopify_answered_a_sync()
        self.queue.fit_columns_once()  # a first run: the first rows came with the sync
        self._precompute_orders()
        if result.synced_at is not None:
            self.status.set_last_sync(result.synced_at)
        if result.budget is not None:
            self.status.set_budget(
                result.budget.currently_available, result.budget.maximum_available
            )
        for notice in result.notices[:1]:
            self.banner.show_phrase(notice, result.notices, render=self.formatter.phrase)
        window_changed = result.window_changed
        if self.queue.picks_first_row():
            self.queue.select_row(0)
        current = self.queue.shown_request_id()
        detail = self.detail.detail
        incomplete = detail is not None and not detail.complete
        if current and (current in result.request_ids or window_changed or incomplete):
            self.details.load(current)
        self.verdicts.check()  # and wait for the first verdict to run out

    def _precompute_orders(self) -> None:
        """Sort every column in a worker now, so a click on a header later is instant."""
        index = self.model.index_
        copy, version = index.copy_for_sorting(), index.version
        task = self.context.workers.run(copy.precompute_orders)
        task.succeeded.connect(
            lambda orders: (
                index.install_orders(orders, version) if index is self.model.index_ else None
            )
        )

    def _arrived(self, request_ids: frozenset[int]) -> None:
        if self.context.settings.hold_on_arrival:
            self.actions_.hold_arrivals(request_ids)
        self.withdrawals.acknowledge_arrivals(request_ids)

    def _sync_failed(self, error: object) -> None:
        from cancelapp.shopify.errors import AuthFailed

        self.status.sync_finished()
        if isinstance(error, AuthFailed):
            self.status.set_refused(True)
        self._problem(error)
        self.verdicts.check()  # offline too, a verdict runs out: judged from the cache

    def _withdrawal_terms_saved(self, settings: Settings) -> None:
        if self.store is not None:
            self.policy.use_withdrawal_terms(self.store, settings.withdrawal_for(self.store.domain))

    def _rejudged(self, request_ids: frozenset[int]) -> None:
        self._reload_rows(request_ids)
        self.details.reload()
        self.verdicts.check()  # the new rules' verdicts run out at other times

    def _verdict_ran_out(self) -> None:
        """The request shown has a verdict whose time ran out (the window was closed, or the
        computer slept, when it did): judge it again. A smoke run stays as it is."""
        if self._open_sessions:
            self.verdicts.check()

    def _verdicts_judged(self, request_ids: frozenset[int]) -> None:
        """Verdicts ran out and were judged again: their badges and the pane change together."""
        self._reload_rows(request_ids)
        if self.queue.shown_request_id() in request_ids:
            self.details.reload()

    # The selected request ------------------------------------------------------------------------

    def _detail_shown(self, request_id: int) -> None:
        self._update_actions()
        self.detail_shown.emit(request_id)

    def highlighted_request(self) -> tuple[int, str]:
        """The request the keys act on now (0 with none) and its order's name."""
        request_id = self.queue.shown_request_id()
        row = self.model.row_of(request_id) if request_id else None
        if row is None:
            return request_id, ""
        return request_id, self.model.queue_row(row).order_name or ""

    def current_detail(self) -> RequestDetail | None:
        """The request the keys act on: the one shown, its row highlighted."""
        detail = self.detail.detail
        if detail is None or detail.request.id != self.queue.shown_request_id():
            return None
        return detail

    def _update_actions(self) -> None:
        c = self.commands
        # A bulk under way keeps its store open: no switching, removing or connecting another.
        bulk = self._flows is not None and self.bulk.busy
        self.store_switcher.hold(bulk)
        c.remove_store.setEnabled(self.store is not None and not bulk)
        c.connect_store.setEnabled(not bulk)
        if self._flows is None:  # before the first rows are painted: nothing to act on yet
            for action in (*c.on_request, c.approve_selected, c.decline_selected, c.stop_reading):
                action.setEnabled(False)
            return
        from cancelapp.ui.detail.command_state import request_commands

        online = self.session is not None
        c.undo.setEnabled(online and (self.actions_.can_undo or self.bulk.can_undo))
        # One decision prepared at a time, a single one's or a bulk's.
        preparing = self.actions_.preparing or self.bulk.preparing
        state = request_commands(
            self.current_detail(),
            online=online,
            in_flight=self.actions_.in_flight,
            preparing=preparing,
        )
        # With several rows chosen, A/D/H would act on one of them only: the bulk commands act.
        chosen = len(self.queue.selected_request_ids())
        one = chosen <= 1
        c.approve.setEnabled(state.approve and one)
        c.decline.setEnabled(state.decline and one)
        c.hold.setEnabled(state.hold and one)
        c.refresh.setEnabled(state.refresh)
        c.note.setEnabled(state.note)
        detail = self.current_detail()
        c.mark_read.setEnabled(detail is not None and detail.unread_since is not None)
        several = online and not self.bulk.busy and not preparing and chosen > 0
        c.approve_selected.setEnabled(several)
        c.decline_selected.setEnabled(several)
        c.stop_reading.setEnabled(self.bulk.preparing)  # else Esc is the search field's
        c.find_order.setEnabled(online and self.unmatched.applies_to(self.current_detail()))
        c.accept_withdrawal.setEnabled(
            online and self.withdrawals.applies_to(self.current_detail())
        )
        c.acknowledge.setEnabled(
            self.session is not None and self.withdrawals.can_acknowledge(self.current_detail())
        )
        c.export_record.setEnabled(
            self.current_detail() is not None and self.policy.policy is not None
        )

    # Actions -------------------------------------------------------------------------------------

    def approve(self) -> None:
        if (detail := self.current_detail()) and self.commands.approve.isEnabled():
            if self.withdrawals.takes_the_return_path(detail):
                self.withdrawals.open(detail)  # everything shipped: nothing left to cancel
                return
            self.actions_.approve(detail)

    def acknowledge_withdrawal(self) -> None:
        if (detail := self.current_detail()) and self.commands.acknowledge.isEnabled():
            self.withdrawals.acknowledge(detail)

    def _acknowledged(self, prepared: tuple[Acknowledgement, ...]) -> None:
        sending = sum(ack.journaled for ack in prepared)
        if sending:  # the timeline shows each once the mail server took it
            self.actions_.send_replies()
            text = self.tr("Sending the acknowledgement of %n withdrawal(s).", "", sending)
        else:
            text = self.tr("Acknowledgement of %n withdrawal(s) prepared.", "", len(prepared))
        self.status.showMessage(text, 8000)
        self.details.reload()

    def accept_withdrawal(self) -> None:
        if (detail := self.current_detail()) and self.commands.accept_withdrawal.isEnabled():
            self.withdrawals.open(detail)

    def decline(self) -> None:
        if (detail := self.current_detail()) and self.commands.decline.isEnabled():
            self.actions_.decline(detail)

    def hold(self) -> None:
        if (detail := self.current_detail()) and self.commands.hold.isEnabled():
            self.actions_.hold(detail)

    def refresh_order(self) -> None:
        if (detail := self.current_detail()) and self.commands.refresh.isEnabled():
            self.actions_.refresh(detail)

    def add_note(self) -> None:
        if (detail := self.current_detail()) and self.commands.note.isEnabled():
            self.actions_.note(detail)

    def mark_read(self) -> None:
        """The customer's messages after the decision were read: the request leaves "Needs
        decision" (`session.messages_read`)."""
        if self.commands.mark_read.isEnabled():
            self.details.mark_read(self.context.settings.staff_name)

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts: read from the menus' actions and the window's."""
        from cancelapp.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        m = self.menus
        others = [*self.actions(), *self.queue.search.actions()]
        menus = [m.file, m.edit, m.request, m.view, m.help]
        self.shortcuts_dialog = ShortcutsDialog(menus, others, self)
        self.shortcuts_dialog.open()

    def open_reports(self) -> None:
        """The open store's Reports window (one at a time), read from the cache."""
        store = self.store
        if store is None:
            return
        from cancelapp.ui.file_folders import FileFolders
        from cancelapp.ui.reports.reports_window import ReportsWindow

        if self.reports_window is not None and self.reports_window.store_id == store.id:
            self.reports_window.show()
            self.reports_window.raise_()
            self.reports_window.activateWindow()
            return
        if self.reports_window is not None:
            self.reports_window.close()
            self.reports_window.deleteLater()
        context = self.context
        reports = ReportsWindow(
            context.workers,
            context.database,
            context.paths.config_dir,
            store.id,
            self.formatter,
            session=lambda: self.session,
            folders=FileFolders(context),
            parent=self,
        )
        reports.problem.connect(self._problem)
        self.reports_window = reports
        reports.show()
        reports.load()

    def _search_messages(self, needle: str) -> None:
        """The customers' messages are searched in the database (they are not held in the
        queue's rows), off the GUI thread; the hits join the search's rows."""
        store = self.store
        if store is None:
            return
        from cancelapp.session.search import search_messages

        task = self.context.workers.run(search_messages, self.context.database, store.id, needle)
        task.succeeded.connect(
            lambda ids: self.queue.set_message_hits(needle, ids) if store is self.store else None
        )
        task.failed.connect(self._problem)

    def find_order(self) -> None:
        if (detail := self.current_detail()) and self.commands.find_order.isEnabled():
            self.unmatched.open(detail)

    def _linked(self, request_id: int, why: str) -> None:
        """The linked request leaves Unmatched: once its row is reloaded, show it, judged,
        among the requests that need a decision. The banner's word on why it was unmatched
        ("No order #9999 in this store", said when it came in) no longer holds."""
        self.banner.withdraw(why)
        self.queue.show_tab(Tab.NEEDS_DECISION)
        # Other rows may be reloaded first (a verdict that ran out): wait for this one's.
        self._select_when_shown = request_id
        self._select_linked()

    def _select_linked(self) -> None:
        if self._select_when_shown and self.queue.select_request(self._select_when_shown):
            self._select_when_shown = 0

    def export_record(self) -> None:
        if (detail := self.current_detail()) and detail.request.id is not None:
            order = detail.order.name if detail.order else detail.request.order_name
            self.record_export.export(detail.request.id, order or "")

    def undo(self) -> None:
        """Take back the newest decision still in its undo window: a single one, or every
        order of a bulk."""
        if not self.commands.undo.isEnabled():
            return
        bulk, single = self.bulk, self.actions_
        if bulk.can_undo and (not single.can_undo or bulk.undo_stamp > single.undo_stamp):
            bulk.undo()
        else:
            single.undo()

    def approve_selected(self) -> None:
        if self.commands.approve_selected.isEnabled():
            self.bulk.approve(self.queue.selected_request_ids())

    def decline_selected(self) -> None:
        if self.commands.decline_selected.isEnabled():
            ids = self.queue.selected_request_ids()
            self.bulk.decline(ids, made_in_shopify=self.model.any_made_in_shopify(ids))

    def _bulk_order_finished(self, request_id: int, outcome: object) -> None:
        self._reload_rows(frozenset({request_id}))
        self._action_finished(request_id, outcome)

    def _reload_rows(self, request_ids: frozenset[int]) -> None:
        if self.store is None or not request_ids:
            return
        if self._reload_when_complete is not None:  # the queue is still opening
            self._reload_when_complete |= request_ids
            return
        store = self.store
        task = self.context.workers.run(load_rows, self.context.database, store.id, request_ids)

        def merge(rows: list[QueueRow]) -> None:
            if store is self.store:
                present = {row.request_id for row in rows}
                self.model.apply(rows, removed_ids=request_ids - present)

        task.succeeded.connect(merge)
        task.failed.connect(self._problem)

    def _action_finished(self, request_id: int, _outcome: object) -> None:
        if request_id == self.queue.shown_request_id():
            self.details.load(request_id)

    def _replies_sent(self, request_ids: list[int]) -> None:
        """The timeline of the request shown gains its reply."""
        current = self.queue.shown_request_id()
        if current and current in request_ids:
            self.details.load(current)

    # Dialogs of other areas ----------------------------------------------------------------------

    def connect_store(self) -> None:
        from cancelapp.ui.connect.connect_wizard import ConnectWizard

        wizard = ConnectWizard(
            self.context.workers,
            self.context.secrets,
            self.context.database,
            self,
            known=[store.endpoint for store in self.store_switcher.stores],
            current=self.store.endpoint if self.store is not None else None,
        )
        wizard.store_connected.connect(self._store_connected)
        wizard.open()

    def _store_connected(self, connected: ConnectedStore) -> None:
        """Open the new store; say what the merchant must know (e.g. no keychain)."""
        notices = connected.notices
        if notices:  # named: it may be said while another store is open

            def words() -> tuple[str, str | None]:
                said = [self.formatter.phrase(notice) for notice in notices]
                text = self.tr("{store}: {message}").format(store=connected.name, message=said[0])
                return text, "\n".join(said) if len(said) > 1 else None

            self.banner.say(words)
        self.start(store_id=connected.store_id)

    def remove_store(self) -> None:
        if self.store is not None:
            self.removal.ask(self.store, self.store_switcher.stores)

    def _store_removed(self, store: StoreRecord) -> None:
        """Forget the removed store's queue, then open another store or the first-run state."""
        if self.store is not None and self.store.id == store.id:
            self.sync.set_session(None)
            self.actions_.set_session(None)
            self.verdicts.set_store(None)
            self.store_sessions.close()
            self.model.load([])
            self.details.load(0)
        self.status.showMessage(
            self.tr("{store} was removed from CancelApp.").format(
                store=shown_name(store, self.store_switcher.stores)
            ),
            8000,
        )
        self.start(open_session=self._open_sessions)

    def _imported(self, request_ids: frozenset[int], counted: bool) -> None:
        if self.session is not None:
            index = self.model.index_
            self.sync.await_new(frozenset(r for r in request_ids if index.position_of(r) is None))
            self.sync.sync_now()  # judges the new requests and refreshes their rows
        self._reload_rows(request_ids)
        if not counted:
            return
        count = len(request_ids)
        self.status.showMessage(
            self.tr("%n request imported.", "", count)
            if count == 1
            else self.tr("%n requests imported.", "", count),
            8000,
        )

    # Window --------------------------------------------------------------------------------------

    def _update_title(self) -> None:
        waiting = self.model.counts()[Tab.NEEDS_DECISION]
        name = shown_name(self.store, self.store_switcher.stores) if self.store else ""
        title = self.tr("CancelApp")
        if name:
            title = f"{name} – {title}"
        if waiting:
            title = f"({waiting}) {title}"
        self.setWindowTitle(title)
        self.tray.set_waiting(waiting)

    def show_crash(self, report: str) -> None:
        """An exception nobody caught: say so in the banner, the report behind Details."""
        self.banner.say(
            lambda: (
                self.tr(
                    "Something went wrong inside CancelApp, and what you just did may not "
                    "have finished. Check the order in Shopify before doing it again."
                ),
                report,
            ),
            report=report,
        )

    def _problem(self, error: object) -> None:
        from cancelapp.ui.detail.action_controller import describe_error

        self.banner.say(lambda: describe_error(error, self.formatter))
        self._show_now()
        self._build_flows()  # a start that failed before its first rows: the rest still runs

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        """The OS went light or dark: badges are painted in the new scheme's colours."""
        self.detail.show_detail(self.detail.detail)
        self.queue.verdict_delegate.dark = is_dark()
        self.queue.table.viewport().update()

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def end_for_the_system(self) -> None:
        """SIGTERM (a logout, a shutdown): what would ask before closing closes unasked, so
        the quit that follows closes the window and CancelApp ends cleanly."""
        editor = self._flows.policy.editor if self._flows is not None else None
        if editor is not None:
            editor.drop_edits()

    def closeEvent(self, event: QCloseEvent) -> None:
        editor = self._flows.policy.editor if self._flows is not None else None
        if editor is not None and editor.has_unsaved_edits():
            # Quitting would lose the policy edits unasked: the editor asks; the window
            # stays, to be closed again once they are saved or discarded.
            event.ignore()
            editor.raise_()
            editor.activateWindow()
            editor.reject()
            return
        if self._flows is not None and self.bulk.keeps_open():
            event.ignore()  # said why in the banner; closing again quits
            return
        self.window_state.save(self, self.splitter, self.queue)
        self.sync.stop()
        if self._flows is not None:  # closed before they were needed: nothing to stop
            self.upkeep.stop()
            self.actions_.set_session(None)
        self.tray.hide()
        self.store_sessions.retire()
        super().closeEvent(event)
