"""The status bar says what is true at each moment (seventh QA walkthrough): a store whose
credentials the keychain lost cannot sign in, which is not being offline; a store read for
the first time is connected and being read, not "Not connected · Never synced", and not
"Last synced just now" while the backfill its first read leaves still runs."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.session.refresh import RefreshResult
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import WAIT, open_window, synced

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SIGNED_OUT = "Not signed in to Shopify: connect the store again (File › Connect store…)"
FIRST_READ = "Reading your store for the first time…"


def status_line(window: MainWindow) -> tuple[str, str]:
    return window.status.connection.text(), window.status.synced.text()


def test_a_store_whose_credentials_are_gone_says_it_cannot_sign_in_not_offline(
    qtbot: QtBot, context: AppContext
) -> None:
    first = open_window(qtbot, context)
    store = first.store
    assert store is not None
    first.close()
    credentials = context.session_credentials.pop(store.domain)  # the keychain lost them
    window = open_window(qtbot, context, start=False)
    with qtbot.waitSignal(window.session_ready, timeout=WAIT) as ready:
        window.start()  # the shop is up
    assert ready.args == [False]
    connection, last = status_line(window)
    assert connection == SIGNED_OUT
    assert "Offline" not in connection
    assert last.startswith("Last synced ")  # the cache is as old as it is
    assert not window.status.progress.isVisible()
    assert window.banner.text.startswith("CancelApp has no saved credentials for ")

    context.session_credentials[store.domain] = credentials  # connected again (the wizard)
    with synced(qtbot, window):
        window.start(store_id=store.id)  # what a finished wizard does
    assert status_line(window) == ("\u25cf Online", "Last synced just now")
    assert window.banner.isHidden()  # connected again: the banner's word no longer holds


def test_a_first_read_says_the_store_is_connected_and_read_until_its_backfill_ends(
    qtbot: QtBot, context: AppContext
) -> None:
    window = open_window(qtbot, context, start=False)
    assert status_line(window) == ("Not connected", "Never synced")  # nothing opened yet
    at_start: list[tuple[str, str]] = []
    while_reading: list[tuple[str, str]] = []
    after_each: list[tuple[bool, tuple[str, str], bool]] = []  # more, the words, progress

    def finished(result: RefreshResult) -> None:
        after_each.append((result.more, status_line(window), window.status.progress.isVisible()))

    window.sync.started.connect(lambda: at_start.append(status_line(window)))
    window.sync.progressed.connect(lambda *_: while_reading.append(status_line(window)))
    window.sync.finished.connect(finished)
    with synced(qtbot, window):
        window.start()
    assert at_start[0] == ("Connecting to Shopify…", FIRST_READ)
    assert while_reading and set(while_reading) == {("\u25cf Online", FIRST_READ)}
    (more, requests_read, _), (last, backfilled, progress) = after_each
    assert more and requests_read == ("\u25cf Online", FIRST_READ)  # the backfill follows
    assert not last and backfilled == ("\u25cf Online", "Last synced just now")
    assert not progress

    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()  # a later sync: the store was read, its last sync is said
    assert at_start[-1] == ("\u25cf Online", "Last synced just now")
