"""Every command of the main window as a `QAction` with its keyboard shortcut, and the menus.

Keys: J/K (or the arrows) move, A approve, D decline, W accept an EU withdrawal after shipment,
H hold fulfillment, R refresh the order,
N add a note, M mark as read, F find the order of an unmatched request, Ctrl+Shift+E export
the record (Export, as in Inkscape, GIMP or Audacity), Ctrl+A select the whole tab,
Shift+A / Shift+D approve or decline the selected requests, Ctrl+Z undo within the undo window,
Ctrl+F search, F5 sync, Ctrl+1…6 the queues. Help › Keyboard shortcuts lists them, read from
the actions.
The actions live on the window (window-wide shortcuts); the window connects their `triggered`.
Texts keep the "MainWindow" translation context they had before this module was split out.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from cancelapp.ui.action_bar import ActionBar
from cancelapp.ui.queue.queue_index import Tab

Shortcut = str | QKeySequence.StandardKey | None
_CONTEXT = "MainWindow"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# Where the platform has no standard key for a command (Settings and Quit on Windows and most
# Linux desktops), the one people know from other programs there.
_FALLBACKS = {
    QKeySequence.StandardKey.Preferences: "Ctrl+,",
    QKeySequence.StandardKey.Quit: "Ctrl+Q",
}


def _sequences(shortcut: Shortcut) -> list[QKeySequence]:
    if isinstance(shortcut, QKeySequence.StandardKey):
        keys = QKeySequence.keyBindings(shortcut)
        if not keys and shortcut in _FALLBACKS:
            keys = [QKeySequence(_FALLBACKS[shortcut])]
        return keys
    return [QKeySequence(shortcut)] if shortcut is not None else []


class WindowCommands:
    def __init__(self, window: QMainWindow) -> None:
        def make(shortcut: Shortcut) -> QAction:
            action = QAction(window)
            keys = _sequences(shortcut)
            if keys:
                action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
            return action

        self.approve = make("A")
        self.decline = make("D")
        self.accept_withdrawal = make("W")
        self.acknowledge = make(None)
        self.hold = make("H")
        self.refresh = make("R")
        self.note = make("N")
        self.mark_read = make("M")
        self.export_record = make("Ctrl+Shift+E")
        self.undo = make(QKeySequence.StandardKey.Undo)
        self.approve_selected = make("Shift+A")
        self.decline_selected = make("Shift+D")
        self.stop_reading = make("Esc")  # on only while a bulk's orders are read
        self.select_all = make(QKeySequence.StandardKey.SelectAll)
        self.find_order = make("F")
        self.next = make("J")
        self.previous = make("K")
        self.search = make(QKeySequence.StandardKey.Find)
        self.sync = make(QKeySequence.StandardKey.Refresh)
        self.tabs = [make(f"Ctrl+{tab.value + 1}") for tab in Tab]
        self.connect_store = make(None)
        self.remove_store = make(None)
        self.import_csv = make(None)
        self.back_up = make(None)
        self.new_request = make(QKeySequence.StandardKey.New)
        self.audit_log = make(None)
        self.reports = make(None)
        self.settings = make(QKeySequence.StandardKey.Preferences)
        self.policy = make(None)
        self.quit = make(QKeySequence.StandardKey.Quit)
        self.shortcuts = make(None)
        self.about = make(None)
        # On macOS these move to the application menu, where a Mac user looks for them.
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        # On the selected request: the action bar's buttons and the Request menu.
        self.on_request = (
            self.approve,
            self.decline,
            self.accept_withdrawal,
            self.acknowledge,
            self.hold,
            self.refresh,
            self.note,
            self.mark_read,
            self.undo,
            self.find_order,
            self.export_record,
        )

    def retranslate(self, tab_names: Iterable[str]) -> None:
        texts = {
            self.approve: (_tr("&Approve…"), _tr("Approve: preview, then confirm")),
            self.decline: (_tr("&Decline…"), _tr("Decline the request")),
            self.accept_withdrawal: (
                _tr("Accept &withdrawal…"),
                _tr("EU withdrawal after shipment: open a return and send return instructions"),
            ),
            self.acknowledge: (
                _tr("Ac&knowledge withdrawal…"),
                _tr("The acknowledgement of the withdrawal's receipt, to send to the customer"),
            ),
            self.hold: (_tr("&Hold…"), _tr("Put the order's shipping on hold")),
            self.refresh: (_tr("&Refresh order"), _tr("Read the order again")),
            self.note: (_tr("Add &note…"), _tr("Add a note to the request")),
            self.mark_read: (
                _tr("&Mark as read"),
                _tr("The customer's messages after the decision were read"),
            ),
            self.undo: (_tr("&Undo"), _tr("Take back the queued action")),
            self.approve_selected: (
                _tr("Approve &selected…"),
                _tr("Approve every selected request whose verdict is Approve"),
            ),
            self.decline_selected: (
                _tr("Decline s&elected…"),
                _tr("Decline every selected request with one reason"),
            ),
            self.stop_reading: (
                _tr("S&top reading the selected orders"),
                _tr("Stop Approve selected or Decline selected while the orders are read"),
            ),
            self.select_all: (_tr("Se&lect all in this tab"), ""),
            self.find_order: (
                _tr("&Find the order…"),
                _tr("Search the store for the order of a request without one"),
            ),
            self.export_record: (
                _tr("E&xport record…"),
                _tr("Save everything about this request as a PDF, for a dispute"),
            ),
            self.next: (_tr("&Next request"), ""),
            self.previous: (_tr("&Previous request"), ""),
            self.search: (_tr("&Search"), ""),
            self.sync: (_tr("S&ync now"), ""),
            self.connect_store: (_tr("&Connect store…"), ""),
            self.remove_store: (_tr("Re&move store…"), ""),
            self.import_csv: (_tr("&Import CSV…"), ""),
            self.back_up: (_tr("&Back up data…"), _tr("Save a copy of all of CancelApp's data")),
            self.new_request: (_tr("&New request…"), ""),
            self.audit_log: (_tr("Audit &log…"), ""),
            self.reports: (
                _tr("Rep&orts…"),
                _tr("What cancellations cost and why they happen"),
            ),
            self.settings: (_tr("&Settings…"), ""),
            self.policy: (_tr("&Policy…"), ""),
            self.quit: (_tr("&Quit"), ""),
            self.shortcuts: (
                _tr("&Keyboard shortcuts"),
                _tr("Every key of this window and what it does"),
            ),
            self.about: (_tr("&About CancelApp"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text.replace('&', '')} ({shortcut})" if shortcut else tip)
        for action, name in zip(self.tabs, tab_names, strict=True):
            action.setText(name)


class WindowMenus:
    """The menu bar and the action bar over the detail pane."""

    def __init__(self, window: QMainWindow, commands: WindowCommands) -> None:
        c = commands
        self.file = QMenu(window)
        self.file.addActions([c.connect_store, c.remove_store, c.import_csv, c.new_request])
        self.file.addSeparator()
        self.file.addAction(c.back_up)
        self.file.addSeparator()
        self.file.addAction(c.quit)
        self.edit = QMenu(window)
        self.edit.addActions([c.settings, c.policy])
        self.request = QMenu(window)
        self.request.addActions(list(c.on_request))
        self.request.addSeparator()
        self.request.addActions(
            [c.select_all, c.approve_selected, c.decline_selected, c.stop_reading]
        )
        self.view = QMenu(window)
        self.view.addActions([c.sync, c.search, c.next, c.previous])
        self.view.addSeparator()
        self.view.addAction(c.reports)
        self.view.addSeparator()
        self.view.addActions(c.tabs)
        self.help = QMenu(window)
        self.help.addActions([c.shortcuts, c.audit_log, c.about])
        for menu in (self.file, self.edit, self.request, self.view, self.help):
            window.menuBar().addMenu(menu)
        self.action_bar = ActionBar(c.on_request)
        self.action_buttons = self.action_bar.buttons

    def retranslate(self) -> None:
        self.file.setTitle(_tr("&File"))
        self.edit.setTitle(_tr("&Edit"))
        self.request.setTitle(_tr("&Request"))
        self.view.setTitle(_tr("&View"))
        self.help.setTitle(_tr("&Help"))
        self.action_bar.setAccessibleName(_tr("Actions on the selected request"))
        self.action_bar.set_more_texts(_tr("More actions"))
        for button in self.action_buttons:
            button.setAccessibleName(button.defaultAction().text().replace("&", ""))
