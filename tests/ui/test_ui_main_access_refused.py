"""Shopify answering but refusing CancelApp's token: the status bar says so, not "Online"
alone (a last walkthrough saw "● Online" beside a banner saying the token was refused)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def test_a_refused_token_is_said_in_the_status_bar_until_a_sync_gets_in(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    assert window.status.connection.text() == "\u25cf Online"
    accepted = shop.tokens.access_token
    shop.tokens.access_token = "shpat_" + "0" * 32  # the app's token is refused from now on
    with qtbot.waitSignal(window.sync.failed, timeout=WAIT):
        window.sync_now()
    assert window.status.connection.text() == "\u25cf Online, but Shopify refuses access"
    assert window.banner.isVisible()

    shop.tokens.access_token = accepted  # the merchant fixed it in Shopify
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    assert window.status.connection.text() == "\u25cf Online"
