"""Audit entries for every action and result, and the log exported as CSV.

Who: the staff name from settings, else the operating-system user. The log itself is the
store's append-only `audit_log` table (`cancelapp.store.audit`).
"""

from __future__ import annotations

import csv
import getpass
import json
from collections.abc import Iterable
from typing import TextIO

from cancelapp.store.audit import AuditEntry, list_audit
from cancelapp.store.database import Database

CSV_COLUMNS = (
    "time_utc",
    "who",
    "what",
    "order",
    "amount",
    "currency",
    "shopify_ids",
    "request_id",
    "action_id",
    "detail",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def operator_name(staff_name: str | None) -> str:
    if staff_name and staff_name.strip():
        return staff_name.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry / no login name
        return "unknown"


def export_csv(db: Database, out: TextIO, store_id: int | None = None) -> int:
    """Write the whole log, oldest first; returns the number of rows written."""
    with db.reading() as conn:
        entries = list_audit(conn, store_id, limit=-1)  # SQLite: a negative LIMIT means none
    return write_csv(reversed(entries), out)


def write_csv(entries: Iterable[AuditEntry], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for entry in entries:
        writer.writerow(
            [
                entry.at.isoformat(timespec="seconds"),
                _cell(entry.who),
                _cell(entry.what),
                entry.order_gid or "",
                "" if entry.amount is None else format(entry.amount.amount, "f"),
                "" if entry.amount is None else entry.amount.currency,
                " ".join(entry.shopify_ids),
                "" if entry.request_id is None else entry.request_id,
                "" if entry.action_id is None else entry.action_id,
                _cell(json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)),
            ]
        )
        rows += 1
    return rows


def _cell(text: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: quote them as text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
