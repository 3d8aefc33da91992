"""The audit log as a chain of seals: each entry's HMAC covers its content and the seal before.

Editing, removing or inserting an entry in the file breaks every later seal; forging a seal
needs the key, which lives in the keychain, not in the file. Entries are written unsealed
(`append_audit` needs no key) and `seal` chains them in order; `verify` walks the chain.
A shorter chain than the app last saw (an older copy of the file) is the session layer's to
judge, with the head remembered outside the file.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cancelapp.store.times import from_db_time, to_db_time

_COLUMNS = (
    "id, at, store_id, who, what, amount, currency, order_gid, shopify_ids, request_id, "
    "action_id, detail, mac, key_id"
)
GENESIS = ""  # the "previous seal" of the first entry


def key_id(key: bytes) -> str:
    """A name for the key that reveals nothing of it."""
    return hmac.new(key, b"cancelapp audit key id", hashlib.sha256).hexdigest()[:16]


def _seal(key: bytes, previous: str, row: tuple[object, ...]) -> str:
    content = json.dumps([previous, *row[:12]], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, content.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainHead:
    """The last sealed entry: what an export prints and what the app remembers."""

    entry_id: int
    mac: str
    at: datetime

    def as_text(self) -> str:
        return f"{self.entry_id}:{self.mac}"


@dataclass(frozen=True)
class ChainBreak:
    """The first entry whose seal does not match: the file was changed outside CancelApp."""

    entry_id: int
    at: datetime


@dataclass(frozen=True)
class ChainState:
    head: ChainHead | None
    broken: ChainBreak | None = None
    foreign: int = 0  # entries sealed under a key this keychain does not hold: not checkable


def verify(conn: sqlite3.Connection, key: bytes) -> ChainState:
    """Walk every sealed entry in order; stops at the first broken seal."""
    current = key_id(key)
    previous = GENESIS
    head: ChainHead | None = None
    foreign = 0
    for row in conn.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE mac IS NOT NULL ORDER BY id"):  # noqa: S608
        mac, kid = row[12], row[13]
        if kid != current:
            foreign += 1  # sealed under an earlier key (a session without a keychain)
        elif not hmac.compare_digest(mac, _seal(key, previous, row)):
            return ChainState(head, ChainBreak(int(row[0]), from_db_time(row[1])), foreign)
        previous = mac
        head = ChainHead(int(row[0]), mac, from_db_time(row[1]))
    return ChainState(head, None, foreign)


def seal(conn: sqlite3.Connection, key: bytes) -> int:
    """Seal the unsealed entries in order, after the last sealed one; returns how many.
    Call inside a write transaction."""
    last = conn.execute(
        "SELECT id, mac FROM audit_log WHERE mac IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    previous, after = (GENESIS, 0) if last is None else (last[1], last[0])
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM audit_log WHERE mac IS NULL AND id > ? ORDER BY id",  # noqa: S608
        (after,),
    ).fetchall()
    current = key_id(key)
    for row in rows:
        previous = _seal(key, previous, row)
        conn.execute(
            "UPDATE audit_log SET mac = ?, key_id = ? WHERE id = ?", (previous, current, row[0])
        )
    return len(rows)


def unsealed_before_head(conn: sqlite3.Connection) -> int:
    """Unsealed entries older than the last sealed one: put there by hand, never by the app."""
    row = conn.execute(
        """SELECT count(*) FROM audit_log WHERE mac IS NULL
           AND id < (SELECT max(id) FROM audit_log WHERE mac IS NOT NULL)"""
    ).fetchone()
    return int(row[0])


def restores_since(conn: sqlite3.Connection, since: datetime) -> int:
    """How many "restore" entries (`cancelapp.store.backups`) were written at or after `since`."""
    row = conn.execute(
        "SELECT count(*) FROM audit_log WHERE what = 'restore' AND at >= ?", (to_db_time(since),)
    ).fetchone()
    return int(row[0])


def restores_recorded_since(conn: sqlite3.Connection, since: datetime) -> list[dict[str, Any]]:
    """The details of the "restore" entries written at or after `since`, oldest first."""
    rows = conn.execute(
        "SELECT detail FROM audit_log WHERE what = 'restore' AND at >= ? ORDER BY id",
        (to_db_time(since),),
    ).fetchall()
    return [json.loads(row[0]) if row[0] else {} for row in rows]


def last_head(conn: sqlite3.Connection) -> ChainHead | None:
    row = conn.execute(
        "SELECT id, mac, at FROM audit_log WHERE mac IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else ChainHead(int(row[0]), row[1], from_db_time(row[2]))


def holds(conn: sqlite3.Connection, head: ChainHead) -> bool:
    """True when the file still has `head` as one of its sealed entries."""
    row = conn.execute("SELECT mac FROM audit_log WHERE id = ?", (head.entry_id,)).fetchone()
    return row is not None and row[0] == head.mac
