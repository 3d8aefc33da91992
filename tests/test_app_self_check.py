"""`cancelapp --self-check`: opens the cache, shows the first rows (a first line, which the
start-up benchmark times), then the whole queue (a second line), exits 0, nothing on stderr."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.session.audit_check import check_audit_chain
from cancelapp.store import Database
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.ui.main_window import MainWindow
from fixtures.keychain import SecretServiceSession

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def self_check(home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CANCELAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keychain prompt in a smoke run
    return subprocess.run(
        [str(Path(sys.executable).parent / "cancelapp"), "--self-check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_self_check_on_an_empty_data_folder(tmp_path: Path) -> None:
    done = self_check(tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    first, ok, keychain = done.stdout.splitlines()
    assert re.fullmatch(r"CancelApp self-check: first rows after \d+ ms", first)
    assert "self-check: ok (0 requests in the cache, 0 shown, first rows after" in ok
    # No session bus here: keyring falls back to no keychain, and the check says so.
    assert keychain.endswith("self-check: keychain none")
    assert (tmp_path / "home" / "data" / "cancelapp.sqlite3").exists()


def test_self_check_loads_a_synced_cache(
    qtbot: QtBot,
    data_dir: Path,
    secret_store: SecretStore,
    make_demo_shop: Callable[..., DemoShop],
) -> None:
    shop = make_demo_shop(size=40, bucket_size=100_000, restore_rate=100_000)
    paths = AppPaths.resolve()
    paths.create()
    context = build_context(paths, cli.parse([]), secrets=secret_store)
    try:
        connect_demo(context, shop)
        window = MainWindow(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.sync.finished, timeout=30_000):
            window.start()
        cached = len(window.model.index_)
        shown = window.model.rowCount()
        window.close()
    finally:
        context.close()
    assert cached > 0
    done = self_check(data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    first, ok, _keychain = done.stdout.splitlines()
    assert "self-check: first rows after" in first  # printed before the whole queue is in
    assert f"self-check: ok ({cached} requests in the cache, {shown} shown," in ok


def test_self_check_fails_on_an_audit_log_changed_outside_cancelapp(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    database = Database.open(home / "data" / "cancelapp.sqlite3")
    try:
        with database.transaction() as conn:
            append_audit(conn, AuditEntry(datetime.now(UTC), "Søren", "refund", detail={}))
        check_audit_chain(database, SecretStore(secret_service.backend()))
    finally:
        database.close()
    with closing(sqlite3.connect(home / "data" / "cancelapp.sqlite3")) as conn, conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET what = 'note'")
    env = {**os.environ, "CANCELAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "cancelapp"), "--self-check"],
        capture_output=True,
        text=True,
        env=env,  # with the test's Secret Service: the key that sealed the log
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "self-check failed: The audit log was changed outside CancelApp" in done.stderr
