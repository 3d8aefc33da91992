"""The audit chain: sealed with a key in a real Secret Service, an edit of the file found,
CancelApp's own restore from a backup told apart from tampering."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cancelapp.domain.action import Action, ActionKind, ActionState
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.session.audit_check import KEY_OWNER, ChainVerdict, check_audit_chain, head_file
from cancelapp.shopify import Endpoint
from cancelapp.store import Database, DatabaseCorruptError
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.backups import back_up, restore_latest
from cancelapp.store.journal import insert_intent
from cancelapp.store.stores import save_store
from fixtures.keychain import SecretServiceSession

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


def _note(database: Database, at: datetime, text: str) -> None:
    with database.transaction() as conn:
        append_audit(conn, AuditEntry(at, "Søren", "note", detail={"note": text}))


def _notes(path: Path, count: int) -> Database:
    database = Database.open(path)
    for n in range(count):
        _note(database, NOW + timedelta(minutes=n), f"note {n}")
    return database


def test_an_edit_of_the_file_breaks_the_chain(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    secrets = SecretStore(secret_service.backend())
    path = tmp_path / "cancelapp.sqlite3"
    database = _notes(path, 3)
    try:
        first = check_audit_chain(database, secrets)
    finally:
        database.close()
    assert first.verdict is ChainVerdict.INTACT and first.sealed_now == 3
    assert first.head is not None and first.head.entry_id == 3
    assert secret_service.backend().get_password("CancelApp", f"{KEY_OWNER}/audit-key")
    # Someone with the sqlite3 tool: drop the trigger, change a note.
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute('UPDATE audit_log SET detail = \'{"note": "never said"}\' WHERE id = 2')
    database = Database.open(path)
    try:
        report = check_audit_chain(database, SecretStore(secret_service.backend()))
    finally:
        database.close()
    assert report.verdict is ChainVerdict.TAMPERED
    message = report.notices[0].render_plain()
    assert "changed outside CancelApp" in message and "2026-12-06T08:01" in message


def test_a_restore_from_a_backup_is_not_tampering(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    secrets = SecretStore(secret_service.backend())
    path = tmp_path / "data" / "cancelapp.sqlite3"
    database = _notes(path, 2)
    try:
        assert check_audit_chain(database, secrets).verdict is ChainVerdict.INTACT
        back_up(database, NOW)
        _note(database, NOW + timedelta(hours=1), "after the backup")
        assert check_audit_chain(database, secrets).head.entry_id == 3  # type: ignore[union-attr]
    finally:
        database.close()
    restored = restore_latest(DatabaseCorruptError(path), NOW + timedelta(hours=2))
    assert restored is not None
    database = Database.open(path)
    try:
        report = check_audit_chain(database, secrets)
        again = check_audit_chain(database, secrets)
    finally:
        database.close()
    assert report.verdict is ChainVerdict.RESTORED
    assert "restored from a backup" in report.notices[0].render_plain()
    assert again.verdict is ChainVerdict.INTACT and not again.notices  # said once


def test_a_restore_says_which_orders_were_acted_on_after_the_backup(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    """The journal rolls back with the restore: the orders CancelApp acted on after the
    backup are named (from the damaged file), not forgotten silently."""
    secrets = SecretStore(secret_service.backend())
    path = tmp_path / "data" / "cancelapp.sqlite3"
    database = _notes(path, 1)
    try:
        with database.transaction() as conn:
            store_id = save_store(
                conn,
                Endpoint.for_shop("hygge.myshopify.com"),
                name="Hygge",
                currency="DKK",
                timezone="Europe/Copenhagen",
                auth_kind="access_token",
                now=NOW,
            )
        check_audit_chain(database, secrets)
        back_up(database, NOW)
        after = NOW + timedelta(hours=1)
        with database.transaction() as conn:  # approved and carried out after the backup
            action = Action(
                None,
                None,
                store_id,
                "gid://shopify/Order/1001",
                ActionKind.CANCEL,
                ActionState.DONE,
                params={"order_name": "#1001"},
            )
            insert_intent(conn, action, now=after)
        _note(database, after, "cancelled and refunded #1001")
        check_audit_chain(database, secrets)
    finally:
        database.close()
    restored = restore_latest(DatabaseCorruptError(path), NOW + timedelta(hours=2))
    assert restored is not None and restored.actions_after is not None
    assert [a["order"] for a in restored.actions_after] == ["#1001"]
    database = Database.open(path)
    try:
        report = check_audit_chain(database, secrets)
    finally:
        database.close()
    assert report.verdict is ChainVerdict.RESTORED
    assert report.forgotten is not None
    said = report.forgotten.render_plain()
    assert "#1001" in said and "Check these orders in Shopify" in said


def test_an_older_copy_put_back_by_hand_is_reported(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    secrets = SecretStore(secret_service.backend())
    path = tmp_path / "data" / "cancelapp.sqlite3"
    database = _notes(path, 2)
    try:
        check_audit_chain(database, secrets)
        copy = back_up(database, NOW)
        _note(database, NOW + timedelta(hours=1), "refund promised")
        check_audit_chain(database, secrets)
    finally:
        database.close()
    path.unlink()
    copy.replace(path)
    database = Database.open(path)
    try:
        report = check_audit_chain(database, secrets)
    finally:
        database.close()
    assert report.verdict is ChainVerdict.TAMPERED
    assert "shorter than when CancelApp last saw it" in report.notices[0].render_plain()


def test_no_keychain_keeps_the_key_for_the_session_and_says_so(tmp_path: Path) -> None:
    secrets = SecretStore(None)
    database = _notes(tmp_path / "cancelapp.sqlite3", 1)
    try:
        report = check_audit_chain(database, secrets)
        again = check_audit_chain(database, secrets)
    finally:
        database.close()
    assert report.verdict is ChainVerdict.INTACT and report.sealed_now == 1
    assert "no keychain" in report.notices[0].render_plain()
    assert again.verdict is ChainVerdict.INTACT  # the session's key still checks it
    assert secrets.load(KEY_OWNER, SecretKind.AUDIT_KEY)


def test_the_self_checks_reading_changes_nothing(tmp_path: Path) -> None:
    secrets = SecretStore(None)
    database = _notes(tmp_path / "cancelapp.sqlite3", 2)
    try:
        report = check_audit_chain(database, secrets, seal=False)
        with database.reading() as conn:
            unsealed = conn.execute("SELECT count(*) FROM audit_log WHERE mac IS NULL")
            assert unsealed.fetchone()[0] == 2
    finally:
        database.close()
    assert report.verdict is ChainVerdict.INTACT and report.head is None
    assert not head_file(database).exists()
