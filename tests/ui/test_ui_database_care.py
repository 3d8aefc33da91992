"""The database's care in the window: File > Back up data… to a chosen file, the periodic
checkpoint and daily backup, a disk error in the merchant's words; and at start-up, the box
for damaged data, whose "Restore latest backup" brings the data back and is audited."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import AppContext, build_context
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.startup.error_box import StartupErrorBox
from cancelapp.startup.opening import open_data
from cancelapp.startup.problems import Choice, StartupProblem
from cancelapp.store.audit import AuditEntry, append_audit, list_audit
from cancelapp.store.backups import back_up, backup_folder, backups
from cancelapp.store.errors import DiskIOError
from cancelapp.store.instance_lock import LOCK_FILE_NAME
from cancelapp.ui.main_window import MainWindow
from fixtures.database import count_in_file_alone

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def window(qtbot: QtBot, bare_context: AppContext) -> Iterator[MainWindow]:
    with bare_context.database.transaction() as conn:
        for n in range(300):
            append_audit(conn, AuditEntry(datetime.now(UTC), "Søren", "note", detail={"n": n}))
    window = MainWindow(bare_context)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def test_back_up_data_from_the_file_menu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.commands.back_up in window.menus.file.actions()
    window.commands.back_up.trigger()
    dialog = window.upkeep.backup_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    target = tmp_path / "usb" / "my backup.sqlite3"
    target.parent.mkdir()
    with qtbot.waitSignal(window.status.messageChanged, timeout=WAIT) as shown:
        dialog.fileSelected.emit(str(target))
        dialog.close()
    assert shown.args == [f"Data backed up to {target}."]
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 300
    finally:
        conn.close()


def test_periodic_upkeep_checkpoints_and_makes_the_daily_backup(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = window.context.database.path
    assert count_in_file_alone(path, tmp_path) == 0  # still in the -wal
    with qtbot.waitSignal(window.upkeep.done, timeout=WAIT) as made:
        window.upkeep.run_now()
    assert count_in_file_alone(path, tmp_path) == 300
    assert backups(backup_folder(path)) == [made.args[0]]
    with qtbot.waitSignal(window.upkeep.done, timeout=WAIT) as again:
        window.upkeep.run_now()
    assert again.args == [None]  # one a day


def test_a_deleted_wal_is_a_merchant_message_not_an_operational_error(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.context.database.path
    path.with_name(path.name + "-wal").unlink()  # a cleaner or a sync tool, while CancelApp runs
    with qtbot.waitSignal(window.upkeep.problem, timeout=WAIT) as failed:
        window.upkeep.run_now()  # the write lane opens its own connection
    assert isinstance(failed.args[0], DiskIOError)
    assert window.banner.isVisible()
    assert "could not read or write its data" in window.banner.message.text()
    assert "Quit CancelApp" in window.banner.message.text()


def test_the_box_for_damaged_data_offers_restore_and_start_empty(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from cancelapp.store.errors import DatabaseCorruptError

    damage = DatabaseCorruptError(tmp_path / "data" / "cancelapp.sqlite3")
    taken = datetime(2026, 12, 5, 23, 0, tzinfo=UTC)
    problem = StartupProblem(damage.phrase, tmp_path / "data", tmp_path / "log", damage, taken)
    box = StartupErrorBox(problem)
    qtbot.addWidget(box)
    names = [button.text() for button in box.buttons()]
    assert set(names) == {
        "Restore latest backup",
        "Move the file aside and start empty",
        "Open data folder",
        "Quit",
    }
    assert "saved data is damaged" in box.text()
    assert str(tmp_path / "log") in box.informativeText()
    assert "The latest backup is from" in box.informativeText()
    assert box.defaultButton().text() == "Restore latest backup"
    box.open()
    box.open_folder_button.click()
    assert box.choice() is None  # the folder opens and the box asks again
    box.open()
    box.quit_button.click()
    assert box.choice() is Choice.QUIT


def test_the_box_for_other_problems_has_the_folder_and_quit(qtbot: QtBot, tmp_path: Path) -> None:
    from cancelapp.store.instance_lock import AnotherInstanceError

    error = AnotherInstanceError(tmp_path / "data" / "cancelapp.lock")
    box = StartupErrorBox(StartupProblem(error.phrase, tmp_path, tmp_path / "log"))
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"Open data folder", "Quit"}
    assert box.icon() is QMessageBox.Icon.Critical


@pytest.mark.parametrize("answer", [Choice.RESTORE_BACKUP, Choice.START_EMPTY])
def test_damaged_data_at_start_restored_or_set_aside_then_the_start_goes_on(
    data_dir: Path, secret_store: SecretStore, answer: Choice
) -> None:
    paths = AppPaths.resolve()
    paths.create()
    context = build_context(paths, cli.parse([]), secrets=secret_store)
    try:
        with context.database.transaction() as conn:
            append_audit(conn, AuditEntry(datetime.now(UTC), "Søren", "note", detail={"n": 1}))
        back_up(context.database, datetime.now(UTC))
        with context.database.transaction() as conn:
            for n in range(2_000):
                append_audit(conn, AuditEntry(datetime.now(UTC), "Søren", "note", detail={"n": n}))
    finally:
        context.close()
    path = paths.database_path
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(8192))
    asked: list[StartupProblem] = []

    def merchant(problem: StartupProblem) -> Choice:
        asked.append(problem)
        return answer

    (paths.data_dir / LOCK_FILE_NAME).write_text("4242\n", encoding="utf-8")  # a run killed
    reopened = open_data(paths, cli.parse([]), build_context, merchant)
    assert reopened is not None
    try:
        with reopened.database.reading() as conn:
            entries = list_audit(conn, None, limit=10)
    finally:
        reopened.close()
    assert len(asked) == 1 and asked[0].damage is not None and asked[0].latest_backup is not None
    assert list(path.parent.glob("cancelapp.sqlite3.damaged-*"))  # kept, never deleted
    if answer is Choice.RESTORE_BACKUP:
        assert [e.what for e in entries] == ["restore", "note"]
    else:
        assert entries == []
