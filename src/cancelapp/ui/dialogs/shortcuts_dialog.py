"""Help › Keyboard shortcuts: every key of the main window and what it does.

Read from the window's actions each time it is shown (and again when the language changes),
so it lists what the keys do now, in the merchant's language, and cannot go stale: each menu's
actions under its title, then keys that are on no menu. Esc or Close closes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cancelapp.ui.dialog_fit import screen_budget
from cancelapp.ui.retranslating import Retranslating

_NATIVE = QKeySequence.SequenceFormat.NativeText
# From here on Qt's keys are a multimedia keyboard's (New, Find, Refresh, Undo keys), which
# the platform's standard bindings add on X11: not what a merchant looks for in the list.
_DEDICATED_KEYS = Qt.Key.Key_Back.value


def command_name(action: QAction) -> str:
    """An action's text as a list shows it: no mnemonic marks, no trailing ellipsis."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...")


def keys_of(action: QAction) -> str:
    """Every key sequence of `action` on an ordinary keyboard, as the platform writes them."""
    return ", ".join(
        keys.toString(_NATIVE)
        for keys in action.shortcuts()
        if not keys.isEmpty() and _first_key(keys) < _DEDICATED_KEYS
    )


def _first_key(keys: QKeySequence) -> int:
    return int(keys[0].key().value)  # type: ignore[index]  # PySide's stubs lack __getitem__


class ShortcutsDialog(Retranslating, QDialog):
    """The keys of the `menus`' actions, then of the other `actions` that have one."""

    def __init__(
        self, menus: Sequence[QMenu], actions: Sequence[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._menus = menus
        self._actions = actions
        self.list = QTreeWidget()
        self.list.setColumnCount(2)
        self.list.setRootIsDecorated(False)
        self.list.setItemsExpandable(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # The names as wide as the longest; the keys ("Ctrl+Z, Alt+Backspace") take the rest.
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        budget = screen_budget(self)  # a short screen: the list scrolls
        self.resize(min(520, budget.width()), min(560, budget.height()))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.windowTitle())
        self.list.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.list.setAccessibleName(self.windowTitle())
        self.list.clear()
        self.rows: list[tuple[str, str, str]] = []  # (section, command, keys) as listed
        listed: set[QAction] = set()
        for menu in self._menus:
            self._section(menu.title().replace("&", ""), menu.actions(), listed)
        self._section(self.tr("Elsewhere"), self._actions, listed)
        self.list.expandAll()

    def _section(self, title: str, actions: Sequence[QAction], listed: set[QAction]) -> None:
        rows = [
            (command_name(action), keys)
            for action in actions
            if action not in listed and (keys := keys_of(action))
        ]
        listed.update(actions)
        if not rows:
            return
        section = QTreeWidgetItem(self.list, [title])
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setFirstColumnSpanned(True)
        for name, keys in rows:
            QTreeWidgetItem(section, [name, keys])
            self.rows.append((title, name, keys))
