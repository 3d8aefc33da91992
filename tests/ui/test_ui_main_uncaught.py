"""An exception inside a slot reaches the merchant (issue 14, point 8): in the window's banner
with the report behind Details and a "Copy report" button; with `--no-error-dialogs` it goes
to the log and stderr only."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.settings import Language
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.uncaught import install
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


class Broken(Exception):
    pass


@pytest.fixture
def window(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    yield open_window(qtbot, context)  # through the first sync and its backfill


def break_a_slot(qtbot: QtBot, window: MainWindow) -> None:
    """A slot on the window's own signal raises while the merchant moves through the queue."""

    def slot(_request_id: int) -> None:
        raise Broken("the slot broke")

    window.queue.current_request_changed.connect(slot)
    other = 1 if window.queue.table.currentIndex().row() != 1 else 0  # a move, so it fires
    with qtbot.waitSignal(window.queue.current_request_changed, timeout=WAIT):
        window.queue.select_row(other)


def test_an_exception_in_a_slot_shows_in_the_banner_with_a_report_to_copy(
    window: MainWindow, qtbot: QtBot
) -> None:
    install(True, window.show_crash, window)
    break_a_slot(qtbot, window)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT)
    assert "Something went wrong inside CancelApp" in window.banner.text
    assert window.banner.details_button.isVisible()
    window.banner.details_button.click()
    report = window.banner.details.text()
    assert "Broken: the slot broke" in report and "Traceback" in report
    assert report.startswith("CancelApp ")
    assert window.banner.copy_button.isVisible()
    window.banner.copy_button.click()
    assert QGuiApplication.clipboard().text() == report


def test_with_no_error_dialogs_the_exception_goes_to_stderr_not_the_window(
    window: MainWindow, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    install(False, window.show_crash, window)
    break_a_slot(qtbot, window)
    assert "Broken: the slot broke" in capsys.readouterr().err
    assert not window.banner.isVisible()


def test_the_crash_banner_is_said_again_in_the_language_chosen(
    window: MainWindow, qtbot: QtBot, qapp: QApplication
) -> None:
    """Second QA walkthrough: an open banner stayed English after a switch to Danish while
    its buttons changed. The report behind Details stays as written."""
    install(True, window.show_crash, window)
    break_a_slot(qtbot, window)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT)
    report = window.banner.details.text()
    window.context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)
        assert window.banner.text.startswith("Der gik noget galt i CancelApp")
        assert window.banner.close_button.text() == "Luk"
        assert window.banner.details.text() == report
        window.use_language(Language.ENGLISH)
        assert window.banner.text.startswith("Something went wrong inside CancelApp")
    finally:
        window.context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        window.context.translations = None
