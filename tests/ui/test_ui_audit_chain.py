"""At start the window checks the audit log's seals off the GUI thread and says in the banner
when the file was changed outside CancelApp."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import AppContext, build_context
from cancelapp.domain.action import Action, ActionKind, ActionState
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.session.audit_check import ChainVerdict, check_audit_chain
from cancelapp.shopify import Endpoint
from cancelapp.store import Database, DatabaseCorruptError
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.backups import back_up, restore_latest
from cancelapp.store.journal import insert_intent
from cancelapp.store.stores import save_store
from fixtures.keychain import SecretServiceSession
from fixtures.main_window import open_window, synced

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def test_a_changed_audit_log_is_shown_in_the_banner_at_start(
    qtbot: QtBot, context: AppContext
) -> None:
    with context.database.transaction() as conn:
        for text in ("refund promised", "customer called"):
            entry = AuditEntry(datetime.now(UTC), "Søren", "note", detail={"note": text})
            append_audit(conn, entry)
    assert check_audit_chain(context.database, context.secrets).verdict is ChainVerdict.INTACT
    with closing(sqlite3.connect(context.database.path)) as conn, conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("""UPDATE audit_log SET detail = '{"note": "no refund"}' WHERE id = 1""")
    window = open_window(qtbot, context, start=False)
    with synced(qtbot, window):  # the store's first connect runs beside the check
        with qtbot.waitSignal(window.audit_check.checked, timeout=WAIT) as checked:
            window.start()
        assert checked.args[0].verdict is ChainVerdict.TAMPERED
        assert "changed outside CancelApp" in window.banner.text  # told before `checked`
    window.close()


def test_after_a_restore_the_banner_names_the_orders_acted_on_after_the_backup(
    qtbot: QtBot, data_dir: Path, secret_service: SecretServiceSession
) -> None:
    """The damaged database is replaced by the day's backup at start; what CancelApp carried
    out after that backup is not in the restored data, and the window says on which orders."""
    secrets = SecretStore(secret_service.backend())
    paths = AppPaths.resolve()
    paths.create()
    database = Database.open(paths.database_path)
    now = datetime.now(UTC)
    try:
        with database.transaction() as conn:
            store_id = save_store(
                conn,
                Endpoint.for_shop("hygge.myshopify.com"),
                name="Hygge",
                currency="DKK",
                timezone="Europe/Copenhagen",
                auth_kind="access_token",
                now=now - timedelta(hours=2),
            )
        check_audit_chain(database, secrets)
        back_up(database, now - timedelta(hours=1))
        with database.transaction() as conn:
            action = Action(
                None,
                None,
                store_id,
                "gid://shopify/Order/1001",
                ActionKind.CANCEL,
                ActionState.DONE,
                params={"order_name": "#1001"},
            )
            insert_intent(conn, action, now=now)
            append_audit(conn, AuditEntry(now, "Søren", "cancel", store_id=store_id))
        check_audit_chain(database, secrets)
    finally:
        database.close()
    assert restore_latest(DatabaseCorruptError(paths.database_path), now) is not None
    context = build_context(paths, cli.parse([]), secrets=secrets)
    try:
        window = open_window(qtbot, context, start=False)  # no credentials: no sync
        ready: list[bool] = []  # the store's rules, read once its first rows are painted
        window.policy.ready.connect(lambda: ready.append(True))
        with qtbot.waitSignal(window.audit_check.checked, timeout=WAIT) as checked:
            window.start()
        assert checked.args[0].verdict is ChainVerdict.RESTORED
        said = window.banner.text  # told before `checked`
        assert "does not know what CancelApp did after that on orders #1001" in said, said
        assert "restored from a backup" in window.banner.details.text()
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT)  # or they arrive after the window
        window.close()
    finally:
        context.close()
