"""The update check through the real window: asked once in the banner, then a newer version
shown with a link to what's new, from a releases feed over real HTTP on 127.0.0.1."""

from __future__ import annotations

import html
import json
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import Language, settings_path
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from cancelapp.ui.theme import banner_colors, is_dark
from fixtures.release_feed import Feed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
PAGE = "https://github.com/cancelapp/cancelapp/releases/tag/v0.3"


def open_window(qtbot: QtBot, context: AppContext, feed: Feed) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.updates.url = feed.url  # a fork's one-line change, made by the test
    window.show()
    return window


def saved_answer(context: AppContext) -> object:
    path = settings_path(context.paths.config_dir)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["check_for_updates"]


def test_asked_once_then_a_newer_version_is_shown_with_its_page(
    qtbot: QtBot, context: AppContext, release_feed: Feed
) -> None:
    context.settings = replace(context.settings, check_for_updates=None)
    release_feed.answer_release("v0.3", PAGE)
    window = open_window(qtbot, context, release_feed)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    banner = window.banner
    assert banner.yes_button.isVisible()
    assert "once a day for a newer version" in banner.text
    # A question, not an error: in the notice's colours, not in red (as it was).
    assert banner_colors(is_dark(), info=True).background.name() in banner.styleSheet()
    assert banner_colors(is_dark()).background.name() not in banner.styleSheet()
    assert release_feed.requests == []  # nothing is asked before the merchant says yes

    with qtbot.waitSignal(window.updates.checked, timeout=WAIT) as checked:
        qtbot.mouseClick(banner.yes_button, Qt.MouseButton.LeftButton)

    assert checked.args[0].version == "0.3"
    assert banner.isVisible()
    assert banner.text == "CancelApp 0.3 is available:"
    assert banner.link.isVisible()
    assert banner.link.text() == f'<a href="{PAGE}">{html.escape("what's new")}</a>'
    assert banner.link.openExternalLinks()
    assert not banner.yes_button.isVisible()
    assert len(release_feed.requests) == 1
    qtbot.waitUntil(lambda: saved_answer(context) is True, timeout=WAIT)


def test_no_means_no_request_ever(qtbot: QtBot, context: AppContext, release_feed: Feed) -> None:
    context.settings = replace(context.settings, check_for_updates=None)
    window = open_window(qtbot, context, release_feed)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    assert window.banner.no_button.isVisible()
    qtbot.mouseClick(window.banner.no_button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: saved_answer(context) is False, timeout=WAIT)
    assert context.settings.check_for_updates is False
    assert release_feed.requests == []


def test_the_question_waits_for_a_message_to_be_dismissed(
    qtbot: QtBot, context: AppContext, release_feed: Feed
) -> None:
    context.settings = replace(context.settings, check_for_updates=None)
    window = open_window(qtbot, context, release_feed)
    window.banner.show_message("Your computer has no keychain CancelApp can use.")
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    assert window.banner.text == "Your computer has no keychain CancelApp can use."
    assert not window.banner.yes_button.isVisible()
    qtbot.mouseClick(window.banner.close_button, Qt.MouseButton.LeftButton)
    assert window.banner.yes_button.isVisible()
    assert "newer version" in window.banner.text


def test_the_latest_version_says_nothing(
    qtbot: QtBot, context: AppContext, release_feed: Feed
) -> None:
    context.settings = replace(context.settings, check_for_updates=True)
    release_feed.answer_release("v0.1.0")
    window = open_window(qtbot, context, release_feed)
    results: list[object] = []
    window.updates.checked.connect(results.append)
    with qtbot.waitSignals([window.updates.checked, window.sync.finished], timeout=WAIT):
        window.start()
    assert results == [None]
    assert "available" not in window.banner.text
    assert len(release_feed.requests) == 1


def test_settings_turn_the_check_on_and_leave_it_unasked_otherwise(
    qtbot: QtBot, bare_context: AppContext
) -> None:
    unasked = replace(bare_context.settings, check_for_updates=None)
    dialog = SettingsDialog(
        unasked,
        settings_path(bare_context.paths.config_dir),
        bare_context.workers,
        bare_context.secrets,
    )
    qtbot.addWidget(dialog)
    assert not dialog.updates_box.isChecked()
    assert dialog.chosen_settings().check_for_updates is None
    dialog.updates_box.setChecked(True)
    assert dialog.chosen_settings().check_for_updates is True
    dialog.updates_box.setChecked(False)
    assert dialog.chosen_settings().check_for_updates is None
    answered = SettingsDialog(
        replace(unasked, check_for_updates=True),
        settings_path(bare_context.paths.config_dir),
        bare_context.workers,
        bare_context.secrets,
    )
    qtbot.addWidget(answered)
    answered.updates_box.setChecked(False)
    assert answered.chosen_settings().check_for_updates is False


def test_answering_while_settings_is_open_is_not_lost_by_its_save(
    qtbot: QtBot, context: AppContext, release_feed: Feed
) -> None:
    """Two places change the settings (the banner's question and the Settings dialog); both
    go through one owner, so the dialog's save keeps the answer given meanwhile."""
    context.settings = replace(context.settings, check_for_updates=None)
    release_feed.answer_release("v0.1.0")
    window = open_window(qtbot, context, release_feed)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    assert window.banner.yes_button.isVisible()
    window.commands.settings.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.staff_edit.setText("Mette")
    with qtbot.waitSignal(window.updates.checked, timeout=WAIT):
        window.banner.yes_button.click()  # answered while the dialog is open
    with qtbot.waitSignal(dialog.settings_saved, timeout=WAIT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert context.settings.check_for_updates is True
    assert context.settings.staff_name == "Mette"
    path = settings_path(context.paths.config_dir)
    qtbot.waitUntil(
        lambda: json.loads(path.read_text(encoding="utf-8"))["staff_name"] == "Mette",
        timeout=WAIT,
    )
    assert saved_answer(context) is True


def test_the_question_and_the_notice_follow_the_language(
    qtbot: QtBot, context: AppContext, release_feed: Feed, qapp: QApplication
) -> None:
    context.settings = replace(context.settings, check_for_updates=None)
    release_feed.answer_release("v0.3", PAGE)
    window = open_window(qtbot, context, release_feed)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    banner = window.banner
    assert banner.yes_button.text() == "Check daily"
    context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)
        assert banner.text.startswith("Skal CancelApp se efter en nyere version")
        assert banner.yes_button.text() == "Se efter dagligt"
        assert banner.no_button.text() == "Nej tak"
        assert banner.close_button.text() == "Luk"
        window.use_language(Language.ENGLISH)
        assert banner.text.startswith("Should CancelApp look once a day")
        assert banner.no_button.text() == "Don't check"

        with qtbot.waitSignal(window.updates.checked, timeout=WAIT):
            qtbot.mouseClick(banner.yes_button, Qt.MouseButton.LeftButton)
        assert banner.text == "CancelApp 0.3 is available:"
        window.use_language(Language.DANISH)
        assert banner.text == "CancelApp 0.3 er udkommet:"
        assert banner.link.text() == f'<a href="{PAGE}">se hvad der er nyt</a>'
        assert not banner.yes_button.isVisible()
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None
