"""Backups of the database with SQLite's online backup API, and restoring the latest one.

A backup is a consistent copy taken while the app runs (readers and the -wal included), one
file per backup in `backups/` beside the database; the newest `KEEP` stay. Restoring keeps
the damaged file (moved aside, never deleted) and writes a "restore" entry in every store's
audit log, so a later reading of the log can tell a restore from tampering.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.audit_codes import EntryCode
from cancelapp.store.database import Database, create_private_file
from cancelapp.store.errors import DatabaseCorruptError, translate_errors
from cancelapp.store.times import to_db_time

log = logging.getLogger(__name__)

BACKUP_FOLDER_NAME = "backups"
KEEP = 7  # a week of daily backups
DAILY = timedelta(days=1)
_PREFIX = "cancelapp-"
_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S%fZ"
WHO = "CancelApp"


def backup_folder(database_path: Path) -> Path:
    return database_path.parent / BACKUP_FOLDER_NAME


def backups(folder: Path) -> list[Path]:
    """The backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(_PREFIX) and p.suffix == _SUFFIX]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_due(folder: Path, now: datetime) -> bool:
    """True when no backup is younger than a day."""
    newest = next(iter(backups(folder)), None)
    return newest is None or now - taken_at(newest) >= DAILY


def back_up(database: Database, now: datetime, *, keep: int = KEEP) -> Path:
    """Copy the whole database into its backup folder; drop all but the newest `keep`.

    Written under a temporary name and renamed, so a backup cut short is never mistaken
    for a good one. Raises `StoreError` (disk full, read-only folder) with a message.
    """
    folder = backup_folder(database.path)
    target = folder / f"{_PREFIX}{now.astimezone(UTC).strftime(_STAMP)}{_SUFFIX}"
    copy_to(database, target)
    for old in backups(folder)[keep:]:
        old.unlink(missing_ok=True)
    return target


def copy_to(database: Database, target: Path) -> Path:
    """A consistent copy of the whole database at `target` (the merchant's "Back up data…")."""
    partial = target.with_name(target.name + ".partial")
    create_private_file(partial)
    try:
        with translate_errors(partial):
            copy = sqlite3.connect(partial)
            try:
                database.connection().backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                copy.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    log.info("database backed up to %s", target)
    return target


def upkeep(database: Database, now: datetime) -> Path | None:
    """The periodic care: checkpoint (bounds what a lost -wal can take), then the daily
    backup when one is due. Returns the new backup, if one was made."""
    database.checkpoint()
    if backup_due(backup_folder(database.path), now):
        return back_up(database, now)
    return None


@dataclass(frozen=True)
class Restored:
    backup: Path
    taken_at: datetime
    damaged_kept_as: Path
    # What the damaged file journaled after the backup was taken (each: order, kind, state,
    # at), which the restored data does not know; None when the damaged file cannot say.
    actions_after: tuple[dict[str, str], ...] | None = ()


def restore_latest(damage: DatabaseCorruptError, now: datetime) -> Restored | None:
    """Replace the damaged database by the newest backup that passes `quick_check`; None when
    there is none (then only moving the file aside is left). Close the `Database` first."""
    for candidate in backups(backup_folder(damage.path)):
        if _sound(candidate):
            break
        log.warning("backup %s fails quick_check; trying an older one", candidate)
    else:
        return None
    after = actions_after(damage.path, taken_at(candidate))
    kept = damage.move_aside()
    create_private_file(damage.path)
    source = sqlite3.connect(f"{candidate.as_uri()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(damage.path)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    restored = Restored(candidate, taken_at(candidate), kept, after)
    database = Database.open(damage.path)  # migrates a backup from before an upgrade
    try:
        with database.transaction() as conn:
            record_restore(conn, restored, now)
    finally:
        database.close()
    log.warning("database restored from %s; damaged file kept as %s", candidate, kept)
    return restored


def record_restore(conn: sqlite3.Connection, restored: Restored, now: datetime) -> None:
    """One "restore" entry per store (each store's log shows it), one without a store."""
    detail = {
        "backup": restored.backup.name,
        "backup_taken_at": restored.taken_at.isoformat(),
        "damaged_kept_as": restored.damaged_kept_as.name,
        "actions_after_backup": (
            None if restored.actions_after is None else list(restored.actions_after)
        ),
    }
    store_ids: list[int | None] = [row[0] for row in conn.execute("SELECT id FROM stores")]
    for store_id in store_ids or [None]:
        append_audit(
            conn, AuditEntry(now, WHO, EntryCode.RESTORE, store_id=store_id, detail=detail)
        )


def actions_after(damaged: Path, since: datetime) -> tuple[dict[str, str], ...] | None:
    """The actions the damaged database journaled at or after `since`, read as far as its
    damage allows; None when it cannot be read at all. A restore would forget them."""
    try:
        conn = sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute(
                """SELECT order_gid, kind, state, updated_at, params FROM actions
                   WHERE updated_at >= ? ORDER BY id""",
                (to_db_time(since),),
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        log.warning("which actions followed the backup cannot be read: %s", error)
        return None
    found = []
    for order_gid, kind, state, at, params in rows:
        try:
            name = str(json.loads(params).get("order_name") or order_gid)
        except (ValueError, AttributeError):
            name = str(order_gid)
        found.append({"order": name, "kind": str(kind), "state": str(state), "at": str(at)})
    return tuple(found)


def _sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchall() == [("ok",)])
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def taken_at(path: Path) -> datetime:
    """When the backup was made (from its name, else the file's time)."""
    stamp = path.name.removeprefix(_PREFIX).removesuffix(_SUFFIX)
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
