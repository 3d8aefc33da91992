"""The action bar over the detail pane and the window's keys (second QA walkthrough): at
1024 px the actions that do not fit are in the bar's "more" menu and work from there, Enter
presses a focused bar button, Export record has a key of its own, and Help › Keyboard
shortcuts lists every key, read from the actions, in the merchant's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import Language
from cancelapp.ui.detail.action_dialogs import TextDialog
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window, show_request, synced

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
ENTER = (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
KEYPAD_ENTER = (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> Iterator[MainWindow]:
    window = open_window(qtbot, context, start=False)
    window.resize(1024, 720)  # a 1024x768 screen less a title bar
    with synced(qtbot, window):
        window.start()
    show_request(qtbot, window, window.model.request_id_at(0))
    qtbot.waitUntil(lambda: window.commands.export_record.isEnabled(), timeout=WAIT)
    yield window
    window.close()


def _chooser(window: MainWindow) -> QFileDialog:
    chooser = window.record_export.dialog
    assert chooser is not None and chooser.isVisible()
    return chooser


# A menu pops up: the offscreen platform can neither raise it nor give it the keyboard.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")
def test_at_1024_px_every_action_is_reachable_from_the_bar(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    bar = window.menus.action_bar
    qtbot.waitUntil(lambda: bar.width() < bar.sizeHint().width())  # not all of them fit
    shown = [b.defaultAction() for b in bar.buttons if b.isVisible()]
    more = bar.more_menu.actions()
    assert shown and more and bar.more.isVisible()
    assert shown + more == list(window.commands.on_request)  # each once, in order
    assert window.commands.export_record in more
    for button in bar.buttons:
        if button.isVisible():  # inside the bar, left of the "more" button
            assert button.geometry().right() < bar.more.geometry().left()
    window.grab().save(str(tmp_path / "bar-1024.png"))

    # The "more" button opens its menu; Export record there asks where, as the menu's does.
    qtbot.mouseClick(bar.more, Qt.MouseButton.LeftButton)
    menu = bar.more_menu
    qtbot.waitUntil(menu.isVisible)
    menu.setActiveAction(window.commands.export_record)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert not menu.isVisible()
    chooser = _chooser(window)
    assert chooser.windowTitle() == "Export the request's record"
    chooser.reject()
    # From the keyboard: Enter on the focused "more" button opens the menu too.
    bar.more.setFocus()
    qtbot.keyClick(bar.more, Qt.Key.Key_Return)
    qtbot.waitUntil(menu.isVisible)
    menu.close()

    # A wider window: the buttons come back out of the menu.
    window.resize(1366, 720)
    qtbot.waitUntil(lambda: len(bar.more_menu.actions()) < len(more))
    assert [
        b.defaultAction() for b in bar.buttons if b.isVisible()
    ] + bar.more_menu.actions() == list(window.commands.on_request)


def test_enter_and_return_press_the_focused_bar_button(window: MainWindow, qtbot: QtBot) -> None:
    assert window.commands.decline.isEnabled()
    decline = window.commands.decline
    button = next(b for b in window.menus.action_buttons if b.defaultAction() is decline)
    for key, modifier in (ENTER, KEYPAD_ENTER):
        button.setFocus()
        with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
            qtbot.keyClick(button, key, modifier)
        asked = opened.args[0]
        assert isinstance(asked, TextDialog)  # the decline's reason, as a click asks
        asked.reject()


def test_export_record_has_a_key_of_its_own(window: MainWindow, qtbot: QtBot) -> None:
    export = window.commands.export_record
    assert export.shortcut() == QKeySequence("Ctrl+Shift+E")
    keys = [k.toString() for a in window.actions() for k in a.shortcuts()]
    assert len(keys) == len(set(keys))  # no key does two things
    assert "Ctrl+Shift+E" in export.toolTip()
    qtbot.keyClick(
        window.queue.table,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    _chooser(window).reject()


def test_help_lists_every_key_in_the_merchants_language(
    window: MainWindow, qtbot: QtBot, qapp: QApplication, context: AppContext, tmp_path: Path
) -> None:
    shortcuts = window.commands.shortcuts
    assert shortcuts in window.menus.help.actions()
    shortcuts.trigger()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    listed = {(name, keys) for _section, name, keys in dialog.rows}
    with_keys = [a for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(dialog.rows) == len(with_keys) + 2  # and Esc and Down in the search field
    for action in with_keys:  # each under its name, its menu's key first
        name = action.text().replace("&", "").removesuffix("…")
        first = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(n == name and k.split(", ")[0] == first for n, k in listed), name
    assert ("Approve", "A") in listed
    assert ("Export record", "Ctrl+Shift+E") in listed
    assert ("Clear the search", "Esc") in listed
    assert ("Go from the search to its results", "Down") in listed
    assert ("Sync now", "F5") in listed  # not the multimedia keyboard's Refresh key
    sections = [section for section, _name, _keys in dialog.rows]
    assert sections[0] == "File" and "Request" in sections
    dialog.grab().save(str(tmp_path / "shortcuts-en.png"))

    context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)  # Qt posts the language change to the windows
        qtbot.waitUntil(lambda: ("Godkend", "A") in {(n, k) for _s, n, k in dialog.rows})
        assert "Approve" not in {name for _section, name, _keys in dialog.rows}
        assert len(dialog.rows) == len(with_keys) + 2
        dialog.grab().save(str(tmp_path / "shortcuts-da.png"))
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None

    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
