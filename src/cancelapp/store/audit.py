"""The audit log: append-only (triggers refuse UPDATE and DELETE), amounts as text + currency."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.store.times import from_db_time, to_db_time


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    who: str  # the merchant's name on this computer, or "CancelApp" for automatic steps
    what: str  # e.g. "cancel", "refund", "restock", "decline", "decision"
    store_id: int | None = None
    amount: Money | None = None
    order_gid: str | None = None
    shopify_ids: tuple[str, ...] = ()  # refund, job, adjustment gids returned by Shopify
    request_id: int | None = None
    action_id: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


def append_audit(conn: sqlite3.Connection, entry: AuditEntry) -> int:
    row = conn.execute(
        """INSERT INTO audit_log (at, store_id, who, what, amount, currency, order_gid,
               shopify_ids, request_id, action_id, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (
            to_db_time(entry.at),
            entry.store_id,
            entry.who,
            entry.what,
            None if entry.amount is None else format(entry.amount.amount, "f"),
            None if entry.amount is None else entry.amount.currency,
            entry.order_gid,
            json.dumps(list(entry.shopify_ids)),
            entry.request_id,
            entry.action_id,
            json.dumps(entry.detail),
        ),
    ).fetchone()
    return int(row[0])


def list_audit(
    conn: sqlite3.Connection,
    store_id: int | None = None,
    *,
    order_gid: str | None = None,
    limit: int = 1000,
) -> list[AuditEntry]:
    """Newest first."""
    clauses: list[str] = ["1"]
    params: list[Any] = []
    if store_id is not None:
        clauses.append("store_id = ?")
        params.append(store_id)
    if order_gid is not None:
        clauses.append("order_gid = ?")
        params.append(order_gid)
    rows = conn.execute(
        f"""SELECT id, at, store_id, who, what, amount, currency, order_gid, shopify_ids,
                request_id, action_id, detail FROM audit_log WHERE {" AND ".join(clauses)}
            ORDER BY at DESC, id DESC LIMIT ?""",  # noqa: S608
        (*params, limit),
    ).fetchall()
    return [
        AuditEntry(
            id=row[0],
            at=from_db_time(row[1]),
            store_id=row[2],
            who=row[3],
            what=row[4],
            amount=None if row[5] is None else Money.of(row[5], row[6]),
            order_gid=row[7],
            shopify_ids=tuple(json.loads(row[8])),
            request_id=row[9],
            action_id=row[10],
            detail=json.loads(row[11]),
        )
        for row in rows
    ]


def audit_parties(conn: sqlite3.Connection, store_id: int | None) -> dict[int, tuple[str, str]]:
    """Per entry, the order's name and the customer ("Name <email>"), from the cached order
    or else the request: what a reader of the log knows them by, not Shopify's ids."""
    rows = conn.execute(
        """SELECT a.id, COALESCE(o.name, r.order_name, ''),
                  COALESCE(NULLIF(o.customer_name, ''), ''),
                  COALESCE(o.customer_email, r.customer_email, '')
           FROM audit_log a
           LEFT JOIN requests r ON r.id = a.request_id
           LEFT JOIN orders o ON o.store_id = COALESCE(a.store_id, r.store_id)
                AND o.gid = COALESCE(a.order_gid, r.order_gid)
           WHERE ? IS NULL OR a.store_id = ?""",
        (store_id, store_id),
    ).fetchall()
    return {row[0]: (row[1], _customer(row[2], row[3])) for row in rows}


def _customer(name: str, email: str) -> str:
    if name and email:
        return f"{name} <{email}>"
    return name or email
