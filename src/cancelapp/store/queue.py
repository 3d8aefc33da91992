"""The request queue in one query: compact rows for a table of 100,000 entries.

Rows are plain tuples of SQLite values (text times in UTC, amounts as decimal text, the
verdict's first reason as JSON) so loading does no per-row parsing; the UI converts the
few cells it paints (`times.from_db_time`, `Decimal`, `phrase_json.phrase_from_json`).

`load_queue_head()` reads just the first screenful of the window's opening view, so the
window can show rows while `load_queue()` reads the rest.

SQLite hands back a new `str` for every text cell; the few-valued columns (state, sources,
statuses, currency, verdict and its first reason, ~200 bytes of JSON) are interned while the
rows are built, so 100,000 rows share a handful of strings instead of holding 100,000 copies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from typing import Any, NamedTuple

from cancelapp.domain.states import HANDLED_STATES


class QueueRow(NamedTuple):
    request_id: int
    request_state: str  # `RequestState` value
    order_gid: str | None
    order_name: str | None
    customer_name: str
    customer_email: str | None
    # First message, UTC text; a decided request's unread message after the decision, when it
    # has one (`unread_since`): what waits for the merchant is that message, at the top.
    received_at: str
    placed_at: str | None  # order created, UTC text; None when the order is not cached
    sources: str  # comma-separated `RequestSource` values, first seen first
    financial_status: str | None
    fulfillment_status: str | None
    total_amount: str | None  # decimal text
    currency: str | None
    cancelled: int  # 1 when the order is cancelled
    verdict_outcome: str | None  # `Outcome` value; None until judged
    verdict_reason: str | None  # first reason, `phrase_json` text
    action_state: str | None  # latest action's `ActionState` value, or `STOPPED`
    stale: int  # 1 when the order snapshot is missing or older than the last full sync
    action_kind: str | None = None  # latest action's `ActionKind` value
    refund_due_on: str | None = None  # a statutory withdrawal's refund deadline, ISO date
    # A decided request's first message after the decision not yet marked read, UTC text.
    unread_since: str | None = None
    # With `unread_since`: when the request was last decided, UTC text (a message may come
    # in after the decision dated before it: a form's row imported late).
    decided_at: str | None = None


# The Action column's state of an undone action the merchant stopped in a bulk before it was
# sent (`journal.mark_stopped`): no `ActionState` of its own in the journal.
STOPPED = "stopped"
# The decided states as an SQL list: `('declined', 'done', 'in_progress', 'queued')`.
_HANDLED = "(" + ", ".join(f"'{state.value}'" for state in sorted(HANDLED_STATES)) + ")"
# A decided request with `unread_since` shows as new, at its unread message's time.
# Without an order's customer name, the name the customer gave (`customer_name` of
# `CancellationRequest`): looked up only for those rows (COALESCE stops at its first value).
_SELECT = f"""
SELECT r.id, r.state, r.order_gid, COALESCE(o.name, r.order_name),
       COALESCE(
           NULLIF(o.customer_name, ''),
           (SELECT trim(m.author) FROM request_messages m
            WHERE m.request_id = r.id AND trim(m.author) <> ''
              AND (r.customer_email IS NULL OR m.author <> r.customer_email COLLATE NOCASE)
            ORDER BY m.received_at, m.id LIMIT 1),
           ''),
       COALESCE(o.customer_email, r.customer_email),
       CASE WHEN r.unread_since IS NOT NULL
            AND r.state IN {_HANDLED}
            THEN max(r.received_at, r.unread_since) ELSE r.received_at END,
       o.created_at, r.sources, o.financial_status, o.fulfillment_status,
       o.total_amount, o.currency, COALESCE(o.cancelled, 0), r.verdict_outcome,
       r.verdict_reason,
       CASE WHEN a.state = 'undone' AND (
           SELECT json_extract(x.result, '$.stopped') FROM actions x WHERE x.id = a.id
       ) THEN '{STOPPED}' ELSE a.state END,
       r.order_gid IS NOT NULL
           AND (o.id IS NULL OR o.fetched_at < COALESCE(s.last_full_sync_at, '')),
       a.kind, r.refund_due_on, r.unread_since,
       CASE WHEN r.unread_since IS NOT NULL
            THEN (SELECT max(d.decided_at) FROM decisions d WHERE d.request_id = r.id) END
FROM requests r
LEFT JOIN orders o ON o.store_id = r.store_id AND o.gid = r.order_gid
LEFT JOIN sync_state s ON s.store_id = r.store_id
"""  # noqa: S608 (the states are our enum's values, never input)
# Each request's latest action. For the whole queue: one pass over every action.
_LATEST_ACTIONS = """
LEFT JOIN (SELECT request_id, state, kind, max(id) AS id FROM actions GROUP BY request_id) a
    ON a.request_id = r.id  -- SQLite takes `state` from the row with max(id): the latest
"""
# `+`: read the table in rowid order rather than through an index
_QUEUE_SQL = _SELECT + _LATEST_ACTIONS + "WHERE +r.store_id = ?\n"
# For a page or a few rows: the latest action of each through `actions_by_request`, so the
# cost follows the rows read, not the store's history (the pass over every action took the
# first page from ~1 ms to ~200 ms at 30,000 actions, and reloading 800 changed rows from
# ~15 ms to 100-400 ms).
_LATEST_ACTION = (
    "LEFT JOIN actions a ON a.id = (SELECT max(id) FROM actions WHERE request_id = r.id)\n"
)
_ROWS_SQL = _SELECT + _LATEST_ACTION + "WHERE +r.store_id = ?\n"  # + `AND r.id IN (...)`
# The requests the window opens on (the "Needs decision" tab, newest first), as
# `ui.queue_index` orders them: by received time, ties newest request first. Each query reads
# through its own index: the undecided ones newest first, and every decided one with an
# unread message after its decision (a few; `+`: through `requests_unread`, not every decided
# request of the store by state), which shows there too.
_HEAD_SQL = (
    _SELECT
    + _LATEST_ACTION
    + "WHERE r.store_id = ? AND r.state IN ('open', 'failed')"
    + " ORDER BY r.received_at DESC, r.id DESC LIMIT ?"
)
_UNREAD_SQL = (
    _SELECT
    + _LATEST_ACTION
    + "WHERE r.store_id = ? AND r.unread_since IS NOT NULL"
    + f" AND +r.state IN {_HANDLED}"
)


def _interned_rows(cursor: Iterable[tuple[Any, ...]]) -> list[QueueRow]:
    """The cursor's rows as `QueueRow`s, each few-valued column's equal texts one object."""
    new = tuple.__new__
    states: dict[str, str] = {}
    names: dict[str, str] = {}
    sources: dict[str, str] = {}
    paid: dict[str | None, str | None] = {}
    shipped: dict[str | None, str | None] = {}
    currencies: dict[str | None, str | None] = {}
    outcomes: dict[str | None, str | None] = {}
    reasons: dict[str | None, str | None] = {}
    actions: dict[str | None, str | None] = {}
    rows: list[QueueRow] = []
    append = rows.append
    # fmt: off
    for (
        rid, state, gid, oname, cname, email, received, placed, src, fin, ful, total, cur,
        cancelled, outcome, reason, action, stale, kind, due, unread, decided,
    ) in cursor:
        append(new(QueueRow, (
            rid, states.setdefault(state, state), gid, oname, names.setdefault(cname, cname),
            email, received, placed, sources.setdefault(src, src), paid.setdefault(fin, fin),
            shipped.setdefault(ful, ful), total, currencies.setdefault(cur, cur), cancelled,
            outcomes.setdefault(outcome, outcome), reasons.setdefault(reason, reason),
            actions.setdefault(action, action), stale, actions.setdefault(kind, kind), due,
            unread, decided,
        )))
    # fmt: on
    return rows


def load_queue(
    conn: sqlite3.Connection, store_id: int, request_ids: Collection[int] | None = None
) -> list[QueueRow]:
    """Every request of the store (or just `request_ids`, to refresh rows after a sync)."""
    if request_ids is None:
        return _interned_rows(conn.execute(_QUEUE_SQL + "ORDER BY r.id", (store_id,)))
    rows: list[QueueRow] = []
    ids = list(request_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = _ROWS_SQL + f"AND r.id IN ({','.join('?' * len(chunk))}) ORDER BY r.id"
        rows.extend(_interned_rows(conn.execute(sql, (store_id, *chunk))))
    return rows


def load_queue_head(conn: sqlite3.Connection, store_id: int, limit: int) -> list[QueueRow]:
    """The requests of the opening view's first `limit` rows (undecided, newest first), in
    request order like `load_queue()`, so an index over them breaks ties as one over all."""
    rows = _interned_rows(conn.execute(_HEAD_SQL, (store_id, limit)))
    rows += _interned_rows(conn.execute(_UNREAD_SQL, (store_id,)))
    rows.sort(key=lambda row: (row.received_at, row.request_id), reverse=True)
    del rows[limit:]
    rows.sort(key=lambda row: row.request_id)
    return rows


MESSAGE_HITS_LIMIT = 2000  # a search this broad is better narrowed than listed


def requests_with_message_text(
    conn: sqlite3.Connection, store_id: int, needle: str, *, limit: int = MESSAGE_HITS_LIMIT
) -> frozenset[int]:
    """Requests with a message holding `needle` (case-insensitive for ASCII and, through
    Python's lower(), for the Danish letters the queue's own search folds too)."""
    folded = needle.strip().lower()
    if not folded:
        return frozenset()
    conn.create_function("casefold", 1, _lower, deterministic=True)
    rows = conn.execute(
        "SELECT DISTINCT request_id FROM request_messages"
        " WHERE store_id = ? AND instr(casefold(text), ?) > 0 LIMIT ?",
        (store_id, folded, limit),
    )
    return frozenset(row[0] for row in rows)


def _lower(text: object) -> str:
    return text.lower() if isinstance(text, str) else ""
