"""Cancellation requests and the messages they came from.

One undecided entry per order: a second message about the same order (another email, the
form, a tag) joins the request still waiting for the merchant, keeping every message and its
source. Once a request is decided (done or declined), asking again makes a new request, so the
merchant sees it; the decided one keeps its history. A Shopify requested edit is one request:
a new edit id is a new request, the same edit seen again only settles its own. A message seen
before (same `external_id` in the store) is not added twice.

An email or form message about an order whose request is already decided joins that request
(a reply to the decline is not a new decision), marked as after the decision and unread: the
queue shows the request in "Needs decision" until the merchant marks it read (`mark_read`).
What the merchant typed in themselves (a phone call) is after the decision, but not unread.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.domain.states import HANDLED_STATES
from cancelapp.domain.verdict import Outcome, Verdict
from cancelapp.store.phrase_json import phrase_from_json, phrase_to_json
from cancelapp.store.times import (
    from_db_time,
    optional_db_time,
    optional_from_db_time,
    to_db_time,
)
from cancelapp.store.verdict_json import verdict_from_json, verdict_to_json

_DECIDED = (RequestState.DONE.value, RequestState.DECLINED.value)
_HANDLED = tuple(state.value for state in HANDLED_STATES)
_REQUEST_COLUMNS = (
    "id, store_id, order_gid, order_name, customer_email, state, native_edit_id, line_item_ids"
)


@dataclass(frozen=True)
class AddedRequest:
    request_id: int
    new_messages: int  # 0 when every message had been seen before
    merged: bool  # joined a request that already existed for the order


def add_request(
    conn: sqlite3.Connection, draft: CancellationRequest, *, now: datetime
) -> AddedRequest:
    """Store `draft` (id None), merging it into the order's request if there is one."""
    fresh = [m for m in draft.messages if not _seen(conn, draft.store_id, m.external_id)]
    if not fresh:
        existing = _request_of_message(conn, draft.store_id, draft.messages[0].external_id)
        return AddedRequest(existing, 0, merged=True)
    existing_id = _request_to_join(conn, draft)
    if existing_id is not None and draft.native_edit_id is not None:
        fresh = _adopt_reread(conn, existing_id, fresh)
    after_decision = False
    if existing_id is None:
        request_id = _insert_request(conn, draft, fresh, now)
    else:
        request_id = existing_id
        after_decision = _is_handled(conn, request_id)
        _merge_into(conn, request_id, draft, now)
    _insert_messages(conn, request_id, draft.store_id, fresh, after_decision=after_decision)
    # Kept with the decision, and marked so the merchant reads it (not what they typed in).
    written = [m.received_at for m in fresh if m.source is not RequestSource.MANUAL]
    if after_decision and written:
        first = to_db_time(min(written))
        conn.execute(
            "UPDATE requests SET unread_since = min(COALESCE(unread_since, ?), ?) WHERE id = ?",
            (first, first, request_id),
        )
    _refresh_summary(conn, request_id, now)
    return AddedRequest(request_id, len(fresh), merged=existing_id is not None)


def mark_read(conn: sqlite3.Connection, request_id: int) -> bool:
    """The merchant read the messages that came after the request's decision: it leaves
    "Needs decision" (the messages keep their `after_decision` mark). False: none were new."""
    cursor = conn.execute(
        "UPDATE requests SET unread_since = NULL WHERE id = ? AND unread_since IS NOT NULL",
        (request_id,),
    )
    return cursor.rowcount == 1


def unread_since(conn: sqlite3.Connection, request_id: int) -> datetime | None:
    """When the first message after the decision not yet marked read arrived (None: none)."""
    row = conn.execute("SELECT unread_since FROM requests WHERE id = ?", (request_id,)).fetchone()
    return None if row is None else optional_from_db_time(row[0])


def decided_before(
    conn: sqlite3.Connection, store_id: int, order_gid: str, request_id: int
) -> list[tuple[int, RequestState]]:
    """The order's requests older than `request_id` that were already decided (a buyer who
    asks again after a decline gets a new request), newest first, with their states."""
    rows = conn.execute(
        f"""SELECT id, state FROM requests
            WHERE store_id = ? AND order_gid = ? AND id < ? AND state IN ({",".join("?" * 4)})
            ORDER BY id DESC""",  # noqa: S608
        (store_id, order_gid, request_id, *_HANDLED),
    ).fetchall()
    return [(int(row[0]), RequestState(row[1])) for row in rows]


def asked_again(
    conn: sqlite3.Connection, store_id: int, order_gid: str, request_id: int
) -> tuple[int, RequestState] | None:
    """The order's newest request after `request_id` (the buyer asked again after its
    decision), with its state; None when there is none."""
    row = conn.execute(
        """SELECT id, state FROM requests WHERE store_id = ? AND order_gid = ? AND id > ?
           ORDER BY id DESC LIMIT 1""",
        (store_id, order_gid, request_id),
    ).fetchone()
    return None if row is None else (int(row[0]), RequestState(row[1]))


def get_request(conn: sqlite3.Connection, request_id: int) -> CancellationRequest | None:
    row = conn.execute(
        f"SELECT {_REQUEST_COLUMNS} FROM requests WHERE id = ?",  # noqa: S608
        (request_id,),
    ).fetchone()
    return None if row is None else _with_messages(conn, [row])[0]


def list_requests(
    conn: sqlite3.Connection, store_id: int, states: Collection[RequestState] | None = None
) -> list[CancellationRequest]:
    """Full requests with their messages, oldest first (the queue uses `load_queue`)."""
    sql = f"SELECT {_REQUEST_COLUMNS} FROM requests WHERE store_id = ?"  # noqa: S608
    params: list[Any] = [store_id]
    if states is not None:
        sql += f" AND state IN ({','.join('?' * len(states))})"
        params.extend(s.value for s in states)
    rows = conn.execute(sql + " ORDER BY received_at, id", params).fetchall()
    return _with_messages(conn, rows)


def list_unmatched(conn: sqlite3.Connection, store_id: int) -> list[CancellationRequest]:
    return list_requests(conn, store_id, [RequestState.UNMATCHED])


def known_external_ids(conn: sqlite3.Connection, store_id: int, source: RequestSource) -> set[str]:
    """Provenance keys of the messages already held from `source` (CSV `known_ids`)."""
    rows = conn.execute(
        "SELECT external_id FROM request_messages "
        "WHERE store_id = ? AND source = ? AND external_id IS NOT NULL",
        (store_id, source.value),
    )
    return {row[0] for row in rows}


def request_of_message(conn: sqlite3.Connection, store_id: int, external_id: str) -> int | None:
    """The request holding the message with this provenance key, if any."""
    found = _request_of_message(conn, store_id, external_id)
    return found or None


def set_unmatched_reason(
    conn: sqlite3.Connection, request_id: int, reason: Phrase | None, *, now: datetime
) -> None:
    """Why intake could not match the request (None once it is matched)."""
    _update(
        conn,
        request_id,
        "unmatched_reason = ?",
        (None if reason is None else phrase_to_json(reason),),
        now,
    )


def unmatched_reason(conn: sqlite3.Connection, request_id: int) -> Phrase | None:
    row = conn.execute(
        "SELECT unmatched_reason FROM requests WHERE id = ? AND state = ?",
        (request_id, RequestState.UNMATCHED.value),
    ).fetchone()
    return None if row is None or row[0] is None else phrase_from_json(row[0])


def unmatch_vanished_orders(
    conn: sqlite3.Connection,
    store_id: int,
    gids: Collection[str],
    reason: Callable[[str | None], Phrase],
    *,
    now: datetime,
) -> list[tuple[int, Phrase]]:
    """Open requests for orders of `gids` (just asked of Shopify) that the cache still does not
    hold at all: Shopify no longer has them. Each becomes unmatched, its order forgotten, with
    `reason(order name)`, as if the order had been missing when the request came; returns
    their ids with those reasons."""
    wanted = list(gids)
    vanished: list[tuple[int, str | None]] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        vanished += conn.execute(
            f"""SELECT r.id, r.order_name FROM requests r
                WHERE r.store_id = ? AND r.state = ? AND r.order_gid IN ({marks})
                AND NOT EXISTS (
                    SELECT 1 FROM orders o WHERE o.store_id = r.store_id AND o.gid = r.order_gid)
            """,  # noqa: S608
            (store_id, RequestState.OPEN.value, *chunk),
        ).fetchall()
    unmatched = []
    for request_id, order_name in sorted(vanished):
        why = reason(order_name)
        _update(
            conn,
            request_id,
            "order_gid = NULL, state = ?, unmatched_reason = ?, verdict_evaluated_at = NULL",
            (RequestState.UNMATCHED.value, phrase_to_json(why)),
            now,
        )
        unmatched.append((request_id, why))
    return unmatched


def settle_cancelled_orders(conn: sqlite3.Connection, store_id: int, *, now: datetime) -> list[int]:
    """Open requests whose cached order is cancelled become done; returns their ids.

    Requests with an action queued or running are left to the action pipeline."""
    rows = conn.execute(
        """UPDATE requests SET state = ?, updated_at = ?
           WHERE store_id = ? AND state = ? AND order_gid IN (
               SELECT gid FROM orders WHERE store_id = ? AND cancelled = 1)
           RETURNING id""",
        (RequestState.DONE.value, to_db_time(now), store_id, RequestState.OPEN.value, store_id),
    ).fetchall()
    return sorted(row[0] for row in rows)


def settle_refunded_withdrawals(
    conn: sqlite3.Connection, store_id: int, *, now: datetime
) -> list[int]:
    """Withdrawals whose return was opened (in progress) and whose order Shopify now shows
    refunded become done; returns their ids. The refund followed the return (Art. 13(3))."""
    rows = conn.execute(
        """UPDATE requests SET state = ?, updated_at = ?
           WHERE store_id = ? AND state = ? AND refund_due_on IS NOT NULL AND order_gid IN (
               SELECT gid FROM orders WHERE store_id = ? AND financial_status = 'REFUNDED')
           RETURNING id""",
        (
            RequestState.DONE.value,
            to_db_time(now),
            store_id,
            RequestState.IN_PROGRESS.value,
            store_id,
        ),
    ).fetchall()
    return sorted(row[0] for row in rows)


def set_state(
    conn: sqlite3.Connection, request_id: int, state: RequestState, *, now: datetime
) -> None:
    _update(conn, request_id, "state = ?", (state.value,), now)


def assign_order(
    conn: sqlite3.Connection, request_id: int, order_gid: str, order_name: str, *, now: datetime
) -> int:
    """Match a request to an order; if the order already has a request, the two merge (into
    its undecided one, when Shopify's own requests made it more than one).

    The request's verdict (judged without that order, or before the merge) is outdated.
    Returns the id of the request that holds the messages afterwards.
    """
    store_id = conn.execute("SELECT store_id FROM requests WHERE id = ?", (request_id,)).fetchone()
    if store_id is None:
        raise KeyError(f"no request {request_id}")
    target = _order_request(conn, store_id[0], order_gid, exclude=request_id)
    if target is None:
        _update(
            conn,
            request_id,
            "order_gid = ?, order_name = ?, unmatched_reason = NULL, "
            "verdict_evaluated_at = NULL, state = CASE WHEN state = ? THEN ? ELSE state END",
            (order_gid, order_name, RequestState.UNMATCHED.value, RequestState.OPEN.value),
            now,
        )
        return request_id
    for table in ("request_messages", "decisions", "actions"):
        conn.execute(
            f"UPDATE {table} SET request_id = ? WHERE request_id = ?",  # noqa: S608
            (target, request_id),
        )
    conn.execute("DELETE FROM requests WHERE id = ?", (request_id,))
    conn.execute("UPDATE requests SET verdict_evaluated_at = NULL WHERE id = ?", (target,))
    _refresh_summary(conn, target, now)
    return target


def mark_acknowledged(conn: sqlite3.Connection, request_id: int, at: datetime) -> bool:
    """Record that the withdrawal's acknowledgement was prepared; False if it already was."""
    cursor = conn.execute(
        "UPDATE requests SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
        (to_db_time(at), request_id),
    )
    return cursor.rowcount == 1


def acknowledged_at(conn: sqlite3.Connection, request_id: int) -> datetime | None:
    sql = "SELECT acknowledged_at FROM requests WHERE id = ?"
    row = conn.execute(sql, (request_id,)).fetchone()
    return None if row is None else optional_from_db_time(row[0])


def set_verdict(
    conn: sqlite3.Connection,
    request_id: int,
    verdict: Verdict,
    *,
    policy_hash: str,
    evaluated_at: datetime,
    refund_due_on: date | None = None,
) -> None:
    """Store the request's one verdict, whole, with the moment it stops holding and a
    statutory withdrawal's refund deadline: the queue, the detail pane and Approve read it;
    `requests_needing_verdict` finds outdated ones."""
    reason = verdict.first_reason
    conn.execute(
        """UPDATE requests SET verdict_outcome = ?, verdict_rule = ?, verdict_reason = ?,
               verdict_json = ?, verdict_valid_until = ?, verdict_policy_hash = ?,
               verdict_evaluated_at = ?, refund_due_on = ? WHERE id = ?""",
        (
            verdict.outcome.value,
            verdict.rule,
            None if reason is None else phrase_to_json(reason),
            verdict_to_json(verdict),
            optional_db_time(verdict.valid_until),
            policy_hash,
            to_db_time(evaluated_at),
            None if refund_due_on is None else refund_due_on.isoformat(),
            request_id,
        ),
    )


@dataclass(frozen=True)
class StoredVerdict:
    """A request's verdict as stored, with the rules' digest and the time it was judged."""

    verdict: Verdict
    policy_hash: str | None
    evaluated_at: datetime | None
    whole: bool  # False: stored before schema v7, only its outcome, rule and first reason


def stored_verdict(conn: sqlite3.Connection, request_id: int) -> StoredVerdict | None:
    """The verdict stored for the request, or None when it was never judged."""
    row = conn.execute(
        """SELECT verdict_outcome, verdict_rule, verdict_reason, verdict_json,
                  verdict_policy_hash, verdict_evaluated_at
           FROM requests WHERE id = ?""",
        (request_id,),
    ).fetchone()
    if row is None or row[0] is None:
        return None
    if row[3] is not None:
        verdict = verdict_from_json(row[3])
    else:
        reasons = () if row[2] is None else (phrase_from_json(row[2]),)
        verdict = Verdict(Outcome(row[0]), row[1] or "", reasons, ())
    return StoredVerdict(verdict, row[4], optional_from_db_time(row[5]), row[3] is not None)


def requests_needing_verdict(
    conn: sqlite3.Connection,
    store_id: int,
    policy_hash: str,
    *,
    now: datetime,
    reading_in_full: Collection[RequestState] = (),
    among: Collection[int] | None = None,
) -> list[int]:
    """Requests never judged, judged under another policy or before schema v7 (not whole),
    whose order changed since, or whose verdict ran out before `now`, that can be judged now
    (a request carried out or declined keeps the verdict it was decided under): unmatched
    ones (judged without an order) and those whose order is cached in full or with what a
    verdict needs. A request whose order is cached only lean comes only when its state is in
    `reading_in_full` (the caller reads that order in full first); otherwise it waits for a
    sync to read it, rather than being looked at again on every pass.

    `among`: only these requests (a sync judging what one batch stored looks at that batch,
    not at every request of the store again)."""
    states = [s.value for s in reading_in_full]
    only = "" if among is None else "AND r.id IN (SELECT value FROM json_each(?))"
    rows = conn.execute(
        f"""SELECT r.id FROM requests r
            LEFT JOIN orders o ON o.store_id = r.store_id AND o.gid = r.order_gid
            WHERE r.store_id = ? {only}
              AND (r.verdict_outcome IS NULL OR r.state NOT IN ('done', 'declined'))
              AND (r.order_gid IS NULL OR o.detail IN ('full', 'verdict')
                   OR (o.id IS NOT NULL AND r.state IN ({",".join("?" * len(states))})))
              AND (r.verdict_policy_hash IS NOT ? OR r.verdict_evaluated_at IS NULL
                   OR r.verdict_evaluated_at < o.fetched_at OR r.verdict_valid_until < ?
                   OR r.verdict_json IS NULL)
            ORDER BY r.id""",  # noqa: S608
        (
            store_id,
            *([] if among is None else [json.dumps(sorted(among))]),
            *states,
            policy_hash,
            to_db_time(now),
        ),
    ).fetchall()
    return [row[0] for row in rows]


def next_verdict_expiry(
    conn: sqlite3.Connection, store_id: int, *, after: datetime
) -> datetime | None:
    """The first moment after `after` at which an undecided request's verdict runs out."""
    row = conn.execute(
        """SELECT min(verdict_valid_until) FROM requests
           WHERE store_id = ? AND verdict_valid_until >= ?
             AND state NOT IN ('done', 'declined')""",
        (store_id, to_db_time(after)),
    ).fetchone()
    return optional_from_db_time(row[0])


def stale_request_ids(conn: sqlite3.Connection, store_id: int) -> list[int]:
    """Matched requests whose order was not confirmed by the last full sync (or never cached)."""
    rows = conn.execute(
        """SELECT r.id FROM requests r
           LEFT JOIN orders o ON o.store_id = r.store_id AND o.gid = r.order_gid
           LEFT JOIN sync_state s ON s.store_id = r.store_id
           WHERE r.store_id = ? AND r.order_gid IS NOT NULL
             AND (o.id IS NULL OR o.fetched_at < s.last_full_sync_at)
           ORDER BY r.id""",
        (store_id,),
    ).fetchall()
    return [row[0] for row in rows]


def _seen(conn: sqlite3.Connection, store_id: int, external_id: str | None) -> bool:
    return external_id is not None and _request_of_message(conn, store_id, external_id) != 0


def _request_of_message(conn: sqlite3.Connection, store_id: int, external_id: str | None) -> int:
    row = conn.execute(
        "SELECT request_id FROM request_messages WHERE store_id = ? AND external_id = ?",
        (store_id, external_id),
    ).fetchone()
    return 0 if row is None else int(row[0])


def _request_to_join(conn: sqlite3.Connection, draft: CancellationRequest) -> int | None:
    """The stored request `draft`'s new messages join, or None for a new request.

    A Shopify requested edit joins its own request, then the order's request waiting to be
    read again (schema version 3), then the order's undecided request unless that one holds
    another edit: a new edit after a decision is a new request, still pending in Shopify.
    Any other channel joins the order's request as before: the undecided one, else the newest
    (a customer writing again after a decline is kept with that decision)."""
    if draft.order_id is None:
        return None
    edit = draft.native_edit_id
    if edit is None:
        return _order_request(conn, draft.store_id, draft.order_id)
    # two lookups, each by its own index (one OR across both read every request of the store)
    row = (
        conn.execute(
            "SELECT id FROM requests WHERE store_id = ? AND native_edit_id = ?",
            (draft.store_id, edit),
        ).fetchone()
        or conn.execute(
            """SELECT id FROM requests WHERE store_id = ? AND order_gid = ? AND native_reread
           ORDER BY id LIMIT 1""",
            (draft.store_id, draft.order_id),
        ).fetchone()
    )
    if row is not None:
        return int(row[0])
    row = conn.execute(
        """SELECT max(id) FROM requests
           WHERE store_id = ? AND order_gid = ? AND state NOT IN (?, ?)
             AND (native_edit_id IS NULL OR native_edit_id = ?)""",
        (draft.store_id, draft.order_id, *_DECIDED, edit),
    ).fetchone()
    return None if row[0] is None else int(row[0])


def _order_request(
    conn: sqlite3.Connection, store_id: int, gid: str, *, exclude: int | None = None
) -> int | None:
    """The order's request other channels join (other than `exclude`): its newest one not
    yet done or declined, else its newest."""
    row = conn.execute(
        """SELECT id FROM requests WHERE store_id = ? AND order_gid = ? AND id IS NOT ?
           ORDER BY state IN (?, ?), id DESC LIMIT 1""",
        (store_id, gid, exclude, *_DECIDED),
    ).fetchone()
    return None if row is None else int(row[0])


def _adopt_reread(
    conn: sqlite3.Connection, request_id: int, fresh: list[RequestMessage]
) -> list[RequestMessage]:
    """A Shopify request read again after schema version 3: its stored message takes the id
    Shopify gives now (matched by when the customer asked) instead of arriving twice."""
    row = conn.execute("SELECT native_reread FROM requests WHERE id = ?", (request_id,)).fetchone()
    if not row[0]:
        return fresh
    kept = []
    for m in fresh:
        adopted = (
            m.source is RequestSource.SHOPIFY
            and conn.execute(
                """UPDATE request_messages SET external_id = ?
               WHERE id = (SELECT id FROM request_messages WHERE request_id = ?
                           AND source = ? AND received_at = ? LIMIT 1)""",
                (m.external_id, request_id, m.source.value, to_db_time(m.received_at)),
            ).rowcount
        )
        if not adopted:
            kept.append(m)
    return kept


def _is_handled(conn: sqlite3.Connection, request_id: int) -> bool:
    row = conn.execute("SELECT state FROM requests WHERE id = ?", (request_id,)).fetchone()
    return row is not None and row[0] in _HANDLED


def _insert_request(
    conn: sqlite3.Connection,
    draft: CancellationRequest,
    messages: list[RequestMessage],
    now: datetime,
) -> int:
    state = draft.state
    if draft.order_id is None and state is RequestState.OPEN:
        state = RequestState.UNMATCHED
    row = conn.execute(
        """INSERT INTO requests (store_id, order_gid, order_name, customer_email, state,
               received_at, native_edit_id, line_item_ids, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (
            draft.store_id,
            draft.order_id,
            draft.order_name,
            draft.customer_email,
            state.value,
            to_db_time(min(m.received_at for m in messages)),
            draft.native_edit_id,
            json.dumps(list(draft.line_item_ids)),
            to_db_time(now),
            to_db_time(now),
        ),
    ).fetchone()
    return int(row[0])


def _merge_into(
    conn: sqlite3.Connection, request_id: int, draft: CancellationRequest, now: datetime
) -> None:
    """Fill what the entry lacks; a whole-order request stays whole, partial ones unite."""
    row = conn.execute("SELECT line_item_ids FROM requests WHERE id = ?", (request_id,)).fetchone()
    current: list[str] = json.loads(row[0])
    if current and draft.line_item_ids:
        line_items = list(dict.fromkeys([*current, *draft.line_item_ids]))
    else:
        line_items = []
    _update(
        conn,
        request_id,
        """order_name = COALESCE(order_name, ?), customer_email = COALESCE(customer_email, ?),
           native_edit_id = COALESCE(native_edit_id, ?), line_item_ids = ?,
           native_reread = native_reread AND ? IS NULL""",
        (
            draft.order_name,
            draft.customer_email,
            draft.native_edit_id,
            json.dumps(line_items),
            draft.native_edit_id,
        ),
        now,
    )


def _insert_messages(
    conn: sqlite3.Connection,
    request_id: int,
    store_id: int,
    messages: Iterable[RequestMessage],
    *,
    after_decision: bool = False,
) -> None:
    conn.executemany(
        """INSERT INTO request_messages (request_id, store_id, source, received_at, author,
               text, external_id, sent_at, after_decision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                request_id,
                store_id,
                m.source.value,
                to_db_time(m.received_at),
                m.author,
                m.text,
                m.external_id,
                optional_db_time(m.sent_at),
                after_decision,
            )
            for m in messages
        ],
    )


def _refresh_summary(conn: sqlite3.Connection, request_id: int, now: datetime) -> None:
    """Keep the queue's denormalised columns (first received, sources) in step."""
    rows = conn.execute(
        "SELECT source, received_at FROM request_messages WHERE request_id = ? "
        "ORDER BY received_at, id",
        (request_id,),
    ).fetchall()
    sources = ",".join(dict.fromkeys(row[0] for row in rows))
    _update(conn, request_id, "received_at = ?, sources = ?", (rows[0][1], sources), now)


def _update(
    conn: sqlite3.Connection,
    request_id: int,
    assignments: str,
    params: tuple[Any, ...],
    now: datetime,
) -> None:
    cursor = conn.execute(
        f"UPDATE requests SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608
        (*params, to_db_time(now), request_id),
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no request {request_id}")


def _with_messages(
    conn: sqlite3.Connection, rows: list[tuple[Any, ...]]
) -> list[CancellationRequest]:
    if not rows:
        return []
    by_request: dict[int, list[RequestMessage]] = {row[0]: [] for row in rows}
    ids = list(by_request)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for (
            request_id,
            source,
            received_at,
            author,
            text,
            external_id,
            sent_at,
            after,
        ) in conn.execute(
            f"""SELECT request_id, source, received_at, author, text, external_id, sent_at,
                       after_decision
                FROM request_messages WHERE request_id IN ({",".join("?" * len(chunk))})
                ORDER BY received_at, id""",  # noqa: S608
            chunk,
        ):
            by_request[request_id].append(
                RequestMessage(
                    RequestSource(source),
                    from_db_time(received_at),
                    text,
                    author,
                    external_id,
                    sent_at=optional_from_db_time(sent_at),
                    after_decision=bool(after),
                )
            )
    return [
        CancellationRequest(
            id=row[0],
            store_id=row[1],
            order_id=row[2],
            order_name=row[3],
            customer_email=row[4],
            state=RequestState(row[5]),
            messages=tuple(by_request[row[0]]),
            native_edit_id=row[6],
            line_item_ids=tuple(json.loads(row[7])),
        )
        for row in rows
    ]
