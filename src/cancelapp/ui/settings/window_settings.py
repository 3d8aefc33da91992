"""Edit › Settings…: opens the settings dialog and puts saved settings into effect at once.

The undo window and the request sources apply to the open store's session; the sync interval
and tray notifications to the window's parts; a new language is handed to the window, which
retranslates and reformats everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cancelapp.domain.phrase import Phrase
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.queue.refresh_timer import QueueSync
from cancelapp.ui.tray import RequestTray

if TYPE_CHECKING:
    from cancelapp.context import AppContext
    from cancelapp.session.refresh import StoreSession
    from cancelapp.settings import Language


class SettingsFlow(QObject):
    language_changed = Signal(object)  # the new Language
    message = Signal(object)  # the banner's `Words`: message and details
    saved = Signal(object)  # the new Settings, once in effect

    def __init__(
        self,
        context: AppContext,
        formatter: Formatter,
        parent_widget: QWidget,
        *,
        sync: QueueSync,
        tray: RequestTray,
        stores: Callable[[], list[StoreRecord]],
        current_session: Callable[[], StoreSession | None],
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.sync = sync
        self.tray = tray
        self.stores = stores
        self.current_session = current_session

    def open_settings(
        self,
        over: QWidget | None = None,
        *,
        email: bool = False,
        closed: Callable[[], None] | None = None,
    ) -> None:
        """The settings dialog, over `over` (a confirmation) when given; `email` opens it at
        the incoming requests, where the mailbox replies are sent from is set up; `closed`
        runs once it is closed (saved in effect by then)."""
        from cancelapp.ui.settings.settings_dialog import SettingsDialog

        stores = self.stores()
        session = self.current_session()
        current = next((s.domain for s in stores if session and s.id == session.store_id), None)
        dialog = SettingsDialog(
            self.context.settings,
            self.context.settings_file,
            self.context.workers,
            self.context.secrets,
            stores,
            over or self.parent_widget,
            current_store=current,
            sign_in_providers=self.context.sign_in_providers,
        )
        language = self.context.settings.language  # before: the save changes the settings
        dialog.settings_saved.connect(lambda s, n: self._saved(s, n, language))
        if email:
            dialog.show_email()
        if closed is not None:
            dialog.finished.connect(closed)
        dialog.open()

    def _saved(self, settings: object, notices: tuple[object, ...], language: Language) -> None:
        from cancelapp.settings import Settings

        assert isinstance(settings, Settings)
        language_changed = settings.language != language
        self.context.settings = settings
        session = self.current_session()
        if session is not None:
            session.runner.settings = replace(
                session.runner.settings, undo_seconds=float(settings.undo_window_seconds)
            )
            session.intake = self.context.intake_for(session.store)  # sources on or off
            session.mailbox = self.context.mailbox_for(session.store)  # replies sent from
            session.runner.use_staff_name(settings.staff_name)  # from the next decision on
        self.tray.notifications_enabled = settings.tray_notifications
        self.sync.interval = timedelta(minutes=settings.sync_interval_minutes)
        if language_changed:
            self.language_changed.emit(settings.language)
        for notice in notices:
            if isinstance(notice, Phrase):
                self.message.emit(lambda notice=notice: (self.formatter.phrase(notice), None))
        self.saved.emit(settings)
