"""Start-up failures through the real entry point (`python -m cancelapp`): each is logged,
printed, and exits non-zero, or, where the data can be kept, survived with a notice. The
message box itself is never shown here (offscreen, `--self-check`); `test_ui_startup_box`
looks at it."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from pytestqt.qtbot import QtBot

from cancelapp.startup.termination import quit_on_termination
from cancelapp.store import Database
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.instance_lock import InstanceLock

EXIT_CODE = 2
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and signals")


def run_app(
    home: Path, *args: str, unprivileged: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cancelapp", "--data-dir", str(home), *args]
    if unprivileged and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", caps, "--inh-caps", caps, *command]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=120, check=False
    )


def database_path(home: Path) -> Path:
    return home / "data" / "cancelapp.sqlite3"


def log_text(home: Path) -> str:
    return (home / "logs" / "cancelapp.log").read_text(encoding="utf-8")


def assert_refused(done: subprocess.CompletedProcess[str], home: Path, says: str) -> None:
    assert done.returncode == EXIT_CODE, done.stderr
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    logged = log_text(home)
    assert "ERROR cancelapp.startup.problems: CancelApp cannot start:" in logged
    assert says in logged


def filled_database(home: Path) -> Path:
    path = database_path(home)
    database = Database.open(path)
    with database.transaction() as conn:
        for n in range(2_000):
            append_audit(conn, AuditEntry(datetime.now(UTC), "Søren", "note", detail={"n": n}))
    database.checkpoint()
    database.close()
    return path


def test_random_bytes_in_the_middle_of_the_database_fail_the_self_check(tmp_path: Path) -> None:
    path = filled_database(tmp_path)
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(8192))
    done = run_app(tmp_path, "--self-check")
    assert done.returncode == 1, done.stderr  # the self-check's own failure code
    assert "self-check failed: CancelApp's saved data is damaged" in done.stderr
    assert "saved data is damaged" in log_text(tmp_path)


def test_an_unclean_exit_makes_the_next_start_check_every_page(tmp_path: Path) -> None:
    path = filled_database(tmp_path)
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(8192))
    # What a killed run leaves behind: its pid still in the lock file.
    (tmp_path / "data" / "cancelapp.lock").write_text("12345\n", encoding="utf-8")
    done = run_app(tmp_path, "--no-error-dialogs")  # a real start, not a self-check
    assert_refused(done, tmp_path, "saved data is damaged")


def test_an_emptied_database_is_reported(tmp_path: Path) -> None:
    filled_database(tmp_path).write_bytes(b"")
    assert_refused(run_app(tmp_path, "--self-check"), tmp_path, "is empty (0 bytes)")


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    Database.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert_refused(run_app(tmp_path, "--self-check"), tmp_path, "saved by a newer version")


def test_a_second_copy_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    with InstanceLock(tmp_path / "data"):
        done = run_app(tmp_path, "--self-check")
    assert_refused(done, tmp_path, "already open with this data folder")


def test_a_database_path_that_is_a_folder_is_named(tmp_path: Path) -> None:
    database_path(tmp_path).mkdir(parents=True)
    assert_refused(run_app(tmp_path, "--self-check"), tmp_path, "is a folder, not a file")


@POSIX_ONLY
def test_a_read_only_data_folder_is_named(tmp_path: Path) -> None:
    for name in ("data", "config", "cache", "logs"):
        (tmp_path / name).mkdir()
    (tmp_path / "data").chmod(0o555)
    try:
        done = run_app(tmp_path, "--self-check", unprivileged=True)
    finally:
        (tmp_path / "data").chmod(0o755)
    assert_refused(done, tmp_path, f"cannot write to its data folder {tmp_path / 'data'}")


@POSIX_ONLY
def test_a_read_only_logs_folder_costs_the_log_not_the_start(tmp_path: Path) -> None:
    for name in ("data", "config", "cache", "logs"):
        (tmp_path / name).mkdir()
    (tmp_path / "logs").chmod(0o555)
    try:
        done = run_app(tmp_path, "--self-check", unprivileged=True)
    finally:
        (tmp_path / "logs").chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert "self-check: ok" in done.stdout
    assert "no log file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("content", "staff"),
    [
        ('{"version": 1, "staff_name": "Søren"}'.encode("cp1252"), "Søren"),  # Notepad's ANSI
        (b"[" * 100_000, ""),  # RecursionError in json
    ],
    ids=["ansi", "nested"],
)
def test_a_bad_settings_file_never_stops_the_start(
    tmp_path: Path, content: bytes, staff: str
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_bytes(content)
    done = run_app(tmp_path, "--self-check")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "self-check: ok" in done.stdout


@POSIX_ONLY
def test_a_non_utf8_folder_name_in_an_ascii_locale_logs_cleanly(tmp_path: Path) -> None:
    home = Path(os.fsdecode(bytes(tmp_path) + b"/butik-\xf8-\xe6"))  # Latin-1 bytes: not UTF-8
    done = run_app(home, "--self-check", env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"})
    assert done.returncode == 0, done.stderr
    assert "Logging error" not in done.stderr
    log = (home / "logs" / "cancelapp.log").read_bytes().decode("utf-8")  # valid UTF-8
    assert "starting, data in" in log


@POSIX_ONLY
def test_sigterm_checkpoints_so_the_database_file_alone_holds_everything(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = database_path(tmp_path)
    database = Database.open(path)
    try:
        database.connection().execute("PRAGMA wal_autocheckpoint = 0")
        with database.transaction() as conn:
            for n in range(500):
                append_audit(conn, AuditEntry(datetime.now(UTC), "Søren", "note", detail={"n": n}))
        # This connection stays open, so only the app can move the -wal into the file.
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        environment.pop("DBUS_SESSION_BUS_ADDRESS", None)
        with subprocess.Popen(
            [sys.executable, "-m", "cancelapp", "--data-dir", str(tmp_path), "--no-error-dialogs"],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        ) as app:
            log = tmp_path / "logs" / "cancelapp.log"
            qtbot.waitUntil(
                lambda: log.exists() and "SIGTERM quits cleanly" in log.read_text("utf-8"),
                timeout=60_000,
            )
            app.send_signal(signal.SIGTERM)
            _out, err = app.communicate(timeout=60)
        assert app.returncode == 0, err
        copy = tmp_path / "copied-alone.sqlite3"
        shutil.copyfile(path, copy)  # what a backup of the .sqlite3 file alone gets
        conn = sqlite3.connect(copy)
        try:
            assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 500
        finally:
            conn.close()
    finally:
        database.close()


def test_a_data_folder_that_cannot_be_made_is_said_once(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("", encoding="utf-8")
    done = run_app(tmp_path / "a file" / "home", "--no-error-dialogs")
    assert done.returncode == EXIT_CODE
    assert done.stderr.count("cannot create its data folder") == 1, done.stderr
    assert "Traceback" not in done.stderr


@POSIX_ONLY
def test_a_damaged_database_is_said_once_when_the_log_falls_back_to_stderr(
    tmp_path: Path,
) -> None:
    filled_database(tmp_path).write_bytes(os.urandom(20_000))  # not even SQLite's header
    for name in ("config", "cache", "logs"):
        (tmp_path / name).mkdir(exist_ok=True)
    (tmp_path / "logs").chmod(0o555)
    try:
        done = run_app(tmp_path, "--self-check", unprivileged=True)
    finally:
        (tmp_path / "logs").chmod(0o755)
    assert done.returncode == EXIT_CODE, done.stderr
    assert done.stderr.count("saved data is damaged") == 1, done.stderr
    assert "Traceback" not in done.stderr


@POSIX_ONLY
def test_a_sigterm_before_the_event_loop_runs_still_ends_it(qtbot: QtBot) -> None:
    """The handler is set, and its log line written, just before `app.exec()`: a SIGTERM in
    between quit a loop that was not running yet, which Qt ignores (once in CI: the app stayed
    until killed). The quit waits for the loop."""
    loop = QEventLoop()
    ended: list[str] = []
    before = signal.getsignal(signal.SIGTERM)
    wake = quit_on_termination(cast(QCoreApplication, loop), lambda: ended.append("unasked"))
    try:
        signal.raise_signal(signal.SIGTERM)  # handled here, before the loop runs
        QTimer.singleShot(10_000, lambda: ended.append("timed out") or loop.quit())
        loop.exec()
    finally:
        wake.stop()
        signal.signal(signal.SIGTERM, before)
    assert ended == ["unasked"]
