"""Ctrl+Return confirms a dialog from inside its multi-line fields.

There Return starts a new line, so the default button is out of the keyboard's reach but
by Tab; mail programs and chat clients send with Ctrl+Return (Cmd+Return on macOS), and so do
the decision dialogs (QA walkthrough: the decline reason needed Tab, then Return).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDialog


def ctrl_return_clicks(dialog: QDialog, button: QAbstractButton) -> None:
    """Ctrl+Return, and Ctrl+Enter on the keypad, anywhere in `dialog` click `button`
    (nothing while it is disabled, as for a click)."""
    action = QAction(dialog)
    action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(button.click)
    dialog.addAction(action)
