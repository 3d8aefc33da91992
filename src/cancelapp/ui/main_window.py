"""The main window: the request queue, the selected request, and every action from the keyboard.

Keys: J/K (or the arrows) move, A approve, D decline, H hold fulfillment, R refresh the order,
N add a note, Ctrl+Z undo within the undo window, Ctrl+F search, F5 sync, Ctrl+1…6 the queues.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp import __version__
from cancelapp.domain.order import FulfillmentOrderStatus
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestState
from cancelapp.store.database import Database
from cancelapp.store.stores import StoreRecord, list_stores
from cancelapp.ui.action_controller import ActionController, describe_error
from cancelapp.ui.action_menu import MenuDialogs
from cancelapp.ui.banner import Banner
from cancelapp.ui.detail_loader import RequestDetail, load_detail
from cancelapp.ui.detail_pane import DetailPane
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.queue_cache import load_cached_queue, load_rows
from cancelapp.ui.queue_index import QueueIndex, Sorting, Tab
from cancelapp.ui.queue_model import QueueModel
from cancelapp.ui.queue_sync import QueueSync
from cancelapp.ui.queue_view import QueueView
from cancelapp.ui.status_bar import StatusBar
from cancelapp.ui.theme import is_dark
from cancelapp.ui.tray import RequestTray
from cancelapp.ui.workers import Task

if TYPE_CHECKING:  # the network, policy and intake sides load after the first rows show
    from cancelapp.app import AppContext
    from cancelapp.policy import Policy, PolicyLoad
    from cancelapp.settings import Language
    from cancelapp.store.queue import QueueRow
    from cancelapp.store.sync_state import SyncState
    from cancelapp.ui.queue_refresh import RefreshResult, StoreSession

_DECIDABLE = frozenset({RequestState.OPEN, RequestState.FAILED})


def _open_store(
    database: Database, store_id: int, sorting: Sorting
) -> tuple[QueueIndex, SyncState]:
    """The whole queue, indexed and in its first order, built off the GUI thread."""
    cached = load_cached_queue(database, store_id)
    index = QueueIndex(cached.rows)
    index.prepare(sorting)
    return index, cached.sync_state


def _read_policy(config_dir: Path, store_id: int) -> PolicyLoad:
    """In its own task, after the rows: they need not wait for the policy code to load."""
    from cancelapp.policy import load_policy, policy_path

    return load_policy(policy_path(config_dir, store_id))


def _stores(database: Database) -> list[StoreRecord]:
    with database.reading() as conn:
        return list_stores(conn)


class MainWindow(QMainWindow):
    stores_loaded = Signal()
    queue_loaded = Signal()
    detail_shown = Signal(int)  # request id (0: nothing selected)
    session_ready = Signal(bool)  # False: the store's credentials are missing

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        locale = context.translations.locale if context.translations else QLocale()
        self.formatter = Formatter(locale)
        self.resize(1280, 800)
        self.stores: list[StoreRecord] = []
        self.store: StoreRecord | None = None
        self.session: StoreSession | None = None
        self.policy: Policy | None = None
        self._detail_task: Task | None = None
        self._wanted_detail = 0
        self._open_sessions = True

        self.model = QueueModel(self.formatter, self)
        self.queue = QueueView(self.model)
        self.detail = DetailPane(self.formatter)
        self.banner = Banner()
        self.status = StatusBar(self.formatter)
        self.setStatusBar(self.status)
        self.tray = RequestTray(self.windowIcon(), self)
        self.tray.notifications_enabled = context.settings.tray_notifications
        self.tray.show_window_requested.connect(self._bring_to_front)
        self.sync = QueueSync(
            self.model,
            context.workers,
            self,
            interval=timedelta(minutes=context.settings.sync_interval_minutes),
        )
        self.menu_dialogs = MenuDialogs(context, self.formatter, self, lambda: self.store)
        self.actions_ = ActionController(
            context.workers, self.formatter, self, find_request=self.model.request_of_order
        )

        self._build_actions()
        self._build_layout()
        self._build_menus()
        self._connect()
        self.retranslate()
        for notice in context.startup_notices:
            self.banner.show_message(self.formatter.phrase(notice))

    # Building ------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def make(shortcut: str | QKeySequence.StandardKey | None, slot: object) -> QAction:
            action = QAction(self)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.approve_action = make("A", self.approve)
        self.decline_action = make("D", self.decline)
        self.hold_action = make("H", self.hold)
        self.refresh_action = make("R", self.refresh_order)
        self.note_action = make("N", self.add_note)
        self.undo_action = make(QKeySequence.StandardKey.Undo, self.undo)
        self.next_action = make("J", lambda: self.queue.step(1))
        self.previous_action = make("K", lambda: self.queue.step(-1))
        self.search_action = make(QKeySequence.StandardKey.Find, self.queue.focus_search)
        self.sync_action = make(QKeySequence.StandardKey.Refresh, self.sync_now)
        self.tab_actions = [
            make(f"Ctrl+{tab.value + 1}", lambda _c=False, t=tab: self.queue.show_tab(t))
            for tab in Tab
        ]
        self.connect_action = make(None, self.connect_store)
        self.import_action = make(None, self.menu_dialogs.import_csv)
        self.new_request_action = make(QKeySequence.StandardKey.New, self.menu_dialogs.new_request)
        self.audit_action = make(None, self.menu_dialogs.show_audit_log)
        self.settings_action = make(QKeySequence.StandardKey.Preferences, self.open_settings)
        self.policy_action = make(None, self.open_policy)
        self.quit_action = make(QKeySequence.StandardKey.Quit, self.close)
        self.about_action = make(None, self.about)

    def _build_layout(self) -> None:
        self.action_bar = QToolBar()
        self.action_buttons: list[QToolButton] = []
        for action in (
            self.approve_action,
            self.decline_action,
            self.hold_action,
            self.refresh_action,
            self.note_action,
            self.undo_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.action_bar.addWidget(button)
            self.action_buttons.append(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.action_bar)
        right_layout.addWidget(self.detail, 1)
        splitter = QSplitter()
        splitter.addWidget(self.queue)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 640])
        self.empty_hint = QLabel()
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.empty_hint)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.store_bar = QToolBar()
        self.store_bar.setObjectName("stores")
        self.store_label = QLabel()
        self.store_switcher = QComboBox()
        self.store_bar.addWidget(self.store_label)
        self.store_bar.addWidget(self.store_switcher)
        self.addToolBar(self.store_bar)
        self.store_bar.hide()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addActions(
            [self.connect_action, self.import_action, self.new_request_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = QMenu(self)
        self.edit_menu.addActions([self.settings_action, self.policy_action])
        self.request_menu = QMenu(self)
        self.request_menu.addActions(
            [
                self.approve_action,
                self.decline_action,
                self.hold_action,
                self.refresh_action,
                self.note_action,
                self.undo_action,
            ]
        )
        self.view_menu = QMenu(self)
        self.view_menu.addActions([self.sync_action, self.search_action])
        self.view_menu.addActions([self.next_action, self.previous_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions(self.tab_actions)
        self.help_menu = QMenu(self)
        self.help_menu.addActions([self.audit_action, self.about_action])
        for menu in (
            self.file_menu,
            self.edit_menu,
            self.request_menu,
            self.view_menu,
            self.help_menu,
        ):
            bar.addMenu(menu)

    def _connect(self) -> None:
        self.queue.current_request_changed.connect(self._request_selected)
        self.model.countsChanged.connect(self._update_title)
        self.sync.started.connect(self.status.sync_started)
        self.sync.progressed.connect(self._sync_progress)
        self.sync.online_changed.connect(self.status.set_online)
        self.sync.finished.connect(self._synced)
        self.sync.failed.connect(self._sync_failed)
        self.sync.new_requests.connect(self.tray.notify_new)
        self.sync.arrived.connect(self._arrived)
        self.actions_.problem.connect(self.banner.show_message)
        self.menu_dialogs.imported.connect(self._imported)
        self.menu_dialogs.problem.connect(self._problem)
        self.menu_dialogs.message.connect(self.banner.show_message)
        self.menu_dialogs.notice.connect(lambda text: self.status.showMessage(text, 8000))
        self.actions_.notice.connect(lambda text: self.status.showMessage(text, 8000))
        self.actions_.in_flight_changed.connect(self._in_flight_changed)
        self.actions_.sending.connect(self.model.set_in_flight)
        self.actions_.rows_changed.connect(self._reload_rows)
        self.actions_.finished.connect(self._action_finished)
        self.store_switcher.currentIndexChanged.connect(self._switch_store)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    # Language ------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {
            self.approve_action: (self.tr("&Approve…"), self.tr("Approve: preview, then confirm")),
            self.decline_action: (self.tr("&Decline…"), self.tr("Decline the request")),
            self.hold_action: (self.tr("&Hold…"), self.tr("Put the order's shipping on hold")),
            self.refresh_action: (self.tr("&Refresh order"), self.tr("Read the order again")),
            self.note_action: (self.tr("Add &note…"), self.tr("Add a note to the request")),
            self.undo_action: (self.tr("&Undo"), self.tr("Take back the queued action")),
            self.next_action: (self.tr("&Next request"), ""),
            self.previous_action: (self.tr("&Previous request"), ""),
            self.search_action: (self.tr("&Search"), ""),
            self.sync_action: (self.tr("S&ync now"), ""),
            self.connect_action: (self.tr("&Connect store…"), ""),
            self.import_action: (self.tr("&Import CSV…"), ""),
            self.new_request_action: (self.tr("&New request…"), ""),
            self.audit_action: (self.tr("Audit &log…"), ""),
            self.settings_action: (self.tr("&Settings…"), ""),
            self.policy_action: (self.tr("&Policy…"), ""),
            self.quit_action: (self.tr("&Quit"), ""),
            self.about_action: (self.tr("&About CancelApp"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text.replace('&', '')} ({shortcut})" if shortcut else tip)
        for action, name in zip(self.tab_actions, self.queue.tab_names().values(), strict=True):
            action.setText(name)
        for button in self.action_buttons:
            button.setAccessibleName(button.defaultAction().text().replace("&", ""))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.request_menu.setTitle(self.tr("&Request"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.action_bar.setAccessibleName(self.tr("Actions on the selected request"))
        self.store_label.setText(self.tr("Store:") + " ")
        self.store_switcher.setAccessibleName(self.tr("Store"))
        self.empty_hint.setText(
            self.tr("No store is connected yet. Choose File › Connect store… to add yours.")
        )
        self._update_title()
        self._update_actions()

    # Starting ------------------------------------------------------------------------------------

    def start(self, *, open_session: bool = True, store_id: int | None = None) -> None:
        """Show the cache at once, then open the store's connection and sync.

        Opens `store_id` (a store just connected) or the first store; with none connected
        yet, an interactive start opens the connect wizard (the first run)."""
        self._open_sessions = open_session
        if open_session:  # find the keychain now, off the GUI thread, before a dialog needs it
            self.context.workers.run(lambda: self.context.secrets)
        task = self.context.workers.run(_stores, self.context.database)
        task.succeeded.connect(lambda stores: self._stores_loaded(stores, store_id))
        task.failed.connect(self._problem)

    def load_cache_and_wait(self, timeout_ms: int = 30_000) -> int:
        """For `--self-check`: load the stores and the first store's cache; how many rows."""
        loop = QEventLoop()
        self.queue_loaded.connect(loop.quit)
        self.stores_loaded.connect(lambda: loop.quit() if not self.stores else None)
        QTimer.singleShot(timeout_ms, loop.quit)
        self.start(open_session=False)
        loop.exec()
        return len(self.model.index_)

    def _stores_loaded(self, stores: list[StoreRecord], wanted: int | None = None) -> None:
        self.stores = stores
        self.store_switcher.blockSignals(True)
        self.store_switcher.clear()
        for store in stores:
            self.store_switcher.addItem(store.name or store.domain, store.id)
        self.store_switcher.blockSignals(False)
        self.store_bar.setVisible(len(stores) > 1)
        self.empty_hint.setVisible(not stores)
        self.stores_loaded.emit()
        if not stores:
            if self._open_sessions:
                self.connect_store()
            return
        chosen = next((s for s in stores if s.id == wanted), stores[0])
        self.store_switcher.blockSignals(True)
        self.store_switcher.setCurrentIndex(stores.index(chosen))
        self.store_switcher.blockSignals(False)
        self.select_store(chosen)

    def _switch_store(self, index: int) -> None:
        if 0 <= index < len(self.stores) and self.stores[index] is not self.store:
            self.select_store(self.stores[index])

    def select_store(self, store: StoreRecord) -> None:
        self.sync.set_session(None)
        self.actions_.set_session(None)
        self._retire_session()
        self.store = store
        self.policy = None
        self.detail.show_empty()
        task = self.context.workers.run(
            _open_store, self.context.database, store.id, self.model.sorting
        )
        task.succeeded.connect(lambda loaded: self._cache_loaded(store, loaded))
        task.failed.connect(self._problem)
        self._update_title()

    def _policy_loaded(self, store: StoreRecord, policy: PolicyLoad) -> None:
        if store is not self.store:
            return
        self.policy = policy.policy
        if policy.notice is not None:
            self.banner.show_message(self.formatter.phrase(policy.notice), str(policy.problem))
        if self._wanted_detail:
            self._load_detail(self._wanted_detail)

    def _cache_loaded(self, store: StoreRecord, loaded: tuple[QueueIndex, SyncState]) -> None:
        if store is not self.store:
            return
        index, sync_state = loaded
        self.model.load(index)
        # After the rows, not beside them: two Python workers would only share one core.
        policy_task = self.context.workers.run(
            _read_policy, self.context.paths.config_dir, store.id
        )
        policy_task.succeeded.connect(lambda policy: self._policy_loaded(store, policy))
        policy_task.failed.connect(self._problem)
        if self._open_sessions:  # an interactive start, not a smoke run
            self._precompute_orders()
        self.status.set_last_sync(sync_state.last_success_at)
        if self.queue.current_request_id() == 0:
            self.queue.select_row(0)
        self.queue_loaded.emit()
        if self._open_sessions:
            task = self.context.workers.run(self.context.open_session, store)
            task.succeeded.connect(lambda session: self._session_opened(store, session))
            task.failed.connect(self._problem)

    def _session_opened(self, store: StoreRecord, session: StoreSession | None) -> None:
        if store is not self.store:
            if session is not None:
                self.context.retired.append(session)
            return
        self.session = session
        self.session_ready.emit(session is not None)
        if session is None:
            self.banner.show_message(
                self.tr(
                    "CancelApp has no saved credentials for {store}. Connect the store again "
                    "(File › Connect store…) to sync and act on orders."
                ).format(store=store.name or store.domain)
            )
            self.status.set_online(False)
            return
        self.sync.set_session(session)
        self.actions_.set_session(session)
        self.sync.sync_now()
        self._update_actions()

    # Syncing -------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if not self.sync.sync_now() and self.session is None:
            self.status.showMessage(self.tr("Connect a store to sync."), 5000)

    def _sync_progress(self, done: int, _total: int, phase: str) -> None:
        self.status.sync_progress(0, 0, self.tr("Syncing: %n order(s)", "", done))

    def _synced(self, result: RefreshResult) -> None:
        self.status.sync_finished()
        self._precompute_orders()
        if result.synced_at is not None:
            self.status.set_last_sync(result.synced_at)
        if result.budget is not None:
            self.status.set_budget(
                result.budget.currently_available, result.budget.maximum_available
            )
        for notice in result.notices[:1]:
            more = "\n".join(self.formatter.phrase(n) for n in result.notices)
            self.banner.show_message(self.formatter.phrase(notice), more)
        if self.queue.current_request_id() == 0:
            self.queue.select_row(0)
        current = self.queue.current_request_id()
        if current and current in result.request_ids:
            self._load_detail(current)

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

    def _sync_failed(self, error: object) -> None:
        self.status.sync_finished()
        self._problem(error)

    # The selected request ------------------------------------------------------------------------

    def _request_selected(self, request_id: int) -> None:
        self._load_detail(request_id)

    def _load_detail(self, request_id: int) -> None:
        self._wanted_detail = request_id
        if self.policy is None and request_id:
            return  # shown when the policy has loaded
        if request_id == 0 or self.policy is None:
            self.detail.show_empty()
            self._update_actions()
            self.detail_shown.emit(0)
            return
        task = self.context.workers.run(
            load_detail,
            self.context.database,
            request_id,
            self.policy,
            datetime.now(UTC),
        )
        task.succeeded.connect(lambda detail: self._detail_loaded(request_id, detail))
        task.failed.connect(self._problem)

    def _detail_loaded(self, request_id: int, detail: RequestDetail | None) -> None:
        if request_id != self._wanted_detail:
            return
        self.detail.show_detail(detail)
        self._update_actions()
        self.detail_shown.emit(request_id)

    def current_detail(self) -> RequestDetail | None:
        detail = self.detail.detail
        if detail is None or detail.request.id != self.queue.current_request_id():
            return None
        return detail

    def _update_actions(self) -> None:
        detail = self.current_detail()
        online = self.session is not None
        self.undo_action.setEnabled(online and self.actions_.can_undo)
        if detail is None or detail.request.id is None:
            for action in (
                self.approve_action,
                self.decline_action,
                self.hold_action,
                self.refresh_action,
                self.note_action,
            ):
                action.setEnabled(False)
            return
        request, order = detail.request, detail.order
        free = not detail.busy and request.id not in self.actions_.in_flight
        decidable = online and free and order is not None and request.state in _DECIDABLE
        holdable = decidable and any(
            fo.status is FulfillmentOrderStatus.OPEN and not fo.on_hold
            for fo in (order.fulfillment_orders if order else ())
        )
        self.approve_action.setEnabled(decidable and not (order and order.is_cancelled))
        self.decline_action.setEnabled(decidable)
        self.hold_action.setEnabled(holdable)
        self.refresh_action.setEnabled(online and order is not None and free)
        self.note_action.setEnabled(online and request.id not in self.actions_.in_flight)
        self.undo_action.setEnabled(online and self.actions_.can_undo)

    # Actions -------------------------------------------------------------------------------------

    def approve(self) -> None:
        if (detail := self.current_detail()) and self.approve_action.isEnabled():
            self.actions_.approve(detail)

    def decline(self) -> None:
        if (detail := self.current_detail()) and self.decline_action.isEnabled():
            self.actions_.decline(detail)

    def hold(self) -> None:
        if (detail := self.current_detail()) and self.hold_action.isEnabled():
            self.actions_.hold(detail)

    def refresh_order(self) -> None:
        if (detail := self.current_detail()) and self.refresh_action.isEnabled():
            self.actions_.refresh(detail)

    def add_note(self) -> None:
        if (detail := self.current_detail()) and self.note_action.isEnabled():
            self.actions_.note(detail)

    def undo(self) -> None:
        if self.undo_action.isEnabled():
            self.actions_.undo()

    def _in_flight_changed(self) -> None:
        self._update_actions()

    def _reload_rows(self, request_ids: frozenset[int]) -> None:
        if self.store is None:
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
        if request_id == self.queue.current_request_id():
            self._load_detail(request_id)

    # Dialogs of other areas ----------------------------------------------------------------------

    def connect_store(self) -> None:
        from cancelapp.ui.connect_wizard import ConnectWizard

        wizard = ConnectWizard(
            self.context.workers, self.context.secrets, self.context.database, self
        )
        wizard.store_connected.connect(
            lambda connected: self.start(store_id=getattr(connected, "store_id", None))
        )
        wizard.open()

    def _imported(self, request_ids: frozenset[int]) -> None:
        if self.session is not None:
            self.sync.sync_now()  # judges the new requests and refreshes their rows
        self._reload_rows(request_ids)
        self.status.showMessage(self.tr("%n request(s) imported.", "", len(request_ids)), 8000)

    def open_settings(self) -> None:
        from cancelapp.settings import settings_path
        from cancelapp.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.context.settings,
            settings_path(self.context.paths.config_dir),
            self.context.workers,
            self.context.secrets,
            self.stores,
            self,
        )
        dialog.settings_saved.connect(self._settings_saved)
        dialog.open()

    def _settings_saved(self, settings: object, notices: tuple[object, ...]) -> None:
        from cancelapp.settings import Settings

        assert isinstance(settings, Settings)
        language_changed = settings.language != self.context.settings.language
        self.context.settings = settings
        if self.session is not None:
            runner = self.session.runner
            runner.settings = replace(
                runner.settings, undo_seconds=float(settings.undo_window_seconds)
            )
        self.tray.notifications_enabled = settings.tray_notifications
        self.sync.interval = timedelta(minutes=settings.sync_interval_minutes)
        if language_changed:
            self.use_language(settings.language)
        for notice in notices:
            if isinstance(notice, Phrase):
                self.banner.show_message(self.formatter.phrase(notice))

    def use_language(self, language: Language) -> None:
        """Speak `language` now: translators swap, every text and number is formatted again."""
        if self.context.translations is None:
            return
        self.formatter.use_locale(self.context.translations.apply(language))
        self.model.reformat()
        self.detail.show_detail(self.detail.detail)
        self.status.retranslate()

    def open_policy(self) -> None:
        if self.store is None:
            return
        from cancelapp.policy import policy_path
        from cancelapp.ui.policy_editor import PolicyEditor

        editor = PolicyEditor(
            policy_path(self.context.paths.config_dir, self.store.id),
            now=datetime.now(UTC),
            formatter=self.formatter,
            parent=self,
        )
        editor.saved.connect(self._policy_saved)
        editor.open()

    def _policy_saved(self, policy: Policy) -> None:
        from cancelapp.policy import PolicyLoad

        self.policy = policy
        if self.session is not None:
            self.session.policy = PolicyLoad(policy, None)
        self.sync.sync_now()

    def about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About CancelApp"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("CancelApp {version}").format(version=__version__))
        box.open()

    # Window --------------------------------------------------------------------------------------

    def _update_title(self) -> None:
        waiting = self.model.counts()[Tab.NEEDS_DECISION]
        name = self.store.name if self.store else ""
        title = self.tr("CancelApp")
        if name:
            title = f"{name} – {title}"
        if waiting:
            title = f"({waiting}) {title}"
        self.setWindowTitle(title)
        self.tray.set_waiting(waiting)

    def _problem(self, error: object) -> None:
        message, details = describe_error(error, self.formatter)
        self.banner.show_message(message, details)

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        """The OS went light or dark: badges are painted in the new scheme's colours."""
        self.detail.show_detail(self.detail.detail)
        self.queue.verdict_delegate.dark = is_dark()
        self.queue.table.viewport().update()

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        self.actions_.set_session(None)
        self.tray.hide()
        self._retire_session()
        super().closeEvent(event)

    def _retire_session(self) -> None:
        """Stop the session's waits now; close its connection once the workers are done."""
        if self.session is not None:
            self.session.runner.stop()
            self.context.retired.append(self.session)
            self.session = None
