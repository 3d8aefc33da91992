"""Help › About names the version, Qt and PySide, the licence, the credits and the data folder."""

from __future__ import annotations

import PySide6
import pytest
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cancelapp import __version__
from cancelapp.context import AppContext
from cancelapp.ui.dialogs.about_dialog import AboutDialog
from cancelapp.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def context(bare_context: AppContext) -> AppContext:
    return bare_context


def test_about_shows_versions_licence_credits_and_data_folder(
    qtbot: QtBot, context: AppContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.commands.about in window.menus.help.actions()
    window.commands.about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"CancelApp {__version__}" in texts
    assert f"Qt {qVersion()}, PySide6 {PySide6.__version__}" in texts
    assert "MIT" in texts
    assert any("@shopify/dev-mcp" in text and "ISC" in text for text in texts)
    assert str(context.paths.data_dir) in texts
    assert all(label.textFormat().name == "PlainText" for label in dialog.findChildren(QLabel))
