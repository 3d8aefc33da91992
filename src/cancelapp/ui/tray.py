"""The tray icon: how many requests wait, and a notification when new ones arrive (or a
customer writes again after the decision)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class RequestTray(QObject):
    """Does nothing where the desktop has no tray (offscreen, some Linux desktops)."""

    show_window_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.notifications_enabled = True
        self.waiting = 0
        self.last_notice: tuple[str, str] | None = None
        self._icon = QSystemTrayIcon(icon, self) if self.available else None
        self._menu = QMenu()
        self._open = self._menu.addAction("")
        self._open.triggered.connect(self.show_window_requested)
        if self._icon is not None:
            self._icon.setContextMenu(self._menu)
            self._icon.activated.connect(self._activated)
            self._icon.show()
        self.retranslate()

    def retranslate(self) -> None:
        self._open.setText(self.tr("Open CancelApp"))
        self._update_tooltip()

    def set_waiting(self, count: int) -> None:
        self.waiting = count
        self._update_tooltip()

    def notify_new(self, count: int) -> None:
        """Tell the merchant `count` new requests arrived (if they want to know)."""
        if count <= 0 or not self.notifications_enabled:
            return
        title = self.tr("New cancellation requests")
        text = (
            self.tr("%n new request to decide.", "", count)
            if count == 1
            else self.tr("%n new requests to decide.", "", count)
        )
        self._notify(title, text)

    def notify_messages(self, count: int) -> None:
        """Tell the merchant customers wrote again about `count` requests already decided."""
        if count <= 0 or not self.notifications_enabled:
            return
        title = self.tr("New messages from customers")
        text = (
            self.tr("A customer wrote again after your decision.")
            if count == 1
            else self.tr("%n customers wrote again after your decisions.", "", count)
        )
        self._notify(title, text)

    def _notify(self, title: str, text: str) -> None:
        self.last_notice = (title, text)
        if self._icon is not None and QSystemTrayIcon.supportsMessages():
            self._icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def hide(self) -> None:
        if self._icon is not None:
            self._icon.hide()

    def _update_tooltip(self) -> None:
        if self._icon is not None:
            waiting = self.waiting
            self._icon.setToolTip(
                self.tr("CancelApp: %n request needs a decision", "", waiting)
                if waiting == 1
                else self.tr("CancelApp: %n requests need a decision", "", waiting)
            )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window_requested.emit()
