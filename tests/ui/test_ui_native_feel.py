"""The platform's conventions: standard shortcuts, menu roles, the app's name and icon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.ui.platform_identity import DESKTOP_FILE, present_as_cancelapp
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def test_ctrl_comma_opens_settings_and_menus_show_the_shortcuts(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = open_window(qtbot, context)
    commands = window.commands
    # Linux and Windows have no standard key for these: the ones people know apply.
    assert commands.settings.shortcut() == QKeySequence("Ctrl+,")
    assert QKeySequence("Ctrl+Q") in commands.quit.shortcuts()
    assert commands.settings.menuRole() == QAction.MenuRole.PreferencesRole
    assert commands.quit.menuRole() == QAction.MenuRole.QuitRole
    assert commands.about.menuRole() == QAction.MenuRole.AboutRole
    # The menus show each command's shortcut beside it, and its tooltip names it.
    assert commands.approve in window.menus.request.actions()
    assert not commands.approve.shortcut().isEmpty()
    assert commands.approve.toolTip().endswith("(A)")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=WAIT)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.reject()


def test_the_app_presents_itself_as_cancelapp() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = (app.applicationName(), app.applicationDisplayName(), app.desktopFileName())
    icon = QIcon()
    try:
        present_as_cancelapp(app, icon)
        assert app.applicationDisplayName() == "CancelApp"
        assert QGuiApplication.desktopFileName() == DESKTOP_FILE
    finally:
        app.setApplicationName(before[0])
        app.setApplicationDisplayName(before[1])
        app.setDesktopFileName(before[2])
