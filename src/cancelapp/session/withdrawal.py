"""Carrying out an EU consumer's withdrawal after shipment: the return path.

"Accept withdrawal" opens a return in Shopify (`returnCreate`) for the shipped items the
request covers, records it, and composes the return instructions for the customer; the refund
follows the return (Art. 13(3)), with its deadline still shown. A return already open is never
opened twice. Also the acknowledgement of a withdrawal's receipt (Art. 11a(4) is the
storefront's duty; CancelApp acknowledges what reaches it by email, form, CSV or by hand).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cancelapp.actions.reply import Reply, ReplyKind, compose_reply
from cancelapp.domain.order import ACTIVE_RETURN_STATUSES, Order, ReturnStatus
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest, RequestState
from cancelapp.domain.withdrawal import RequestKind, Withdrawal, assess
from cancelapp.policy.facts import refundable_amount
from cancelapp.session.refresh import StoreSession, refresh_order
from cancelapp.shopify import documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import MalformedResponse, ShopifyError
from cancelapp.store.audit_codes import EntryCode

_CONTEXT = "Withdrawal"


class WithdrawalRefused(ShopifyError):
    """The return cannot be opened from CancelApp; the message says what to do instead."""

    def __init__(self, template: str, **args: str) -> None:
        super().__init__(Phrase(_CONTEXT, template, dict(args)))


_NOT_STATUTORY = QT_TRANSLATE_NOOP(
    _CONTEXT, "This request is not a statutory withdrawal in time: decide it as a cancellation."
)
_ALREADY_RETURNING = QT_TRANSLATE_NOOP(
    _CONTEXT, "Order {order} already has a return in progress: complete the withdrawal through it."
)
_NOTHING_SHIPPED = QT_TRANSLATE_NOOP(
    _CONTEXT, "Nothing of order {order} has shipped: approve it as a cancellation instead."
)
_GONE = QT_TRANSLATE_NOOP(_CONTEXT, "Shopify no longer has order {order}.")
_TOO_MANY = QT_TRANSLATE_NOOP(
    _CONTEXT, "Order {order} has too many shipped items to list here: open the return in Shopify."
)


@dataclass(frozen=True)
class Acknowledgement:
    request_id: int
    reply: Reply  # repeats the statement and when it was received
    journaled: bool = False  # to be sent from the merchant's mailbox (`send_replies`)


@dataclass(frozen=True)
class AcceptedWithdrawal:
    request_id: int
    return_name: str  # e.g. "#1001-R1"; its gid is in the audit log
    reply: Reply  # the return instructions, for the merchant to send


def accept_withdrawal(
    session: StoreSession, request_id: int, who: str, *, shop_name: str = ""
) -> AcceptedWithdrawal:
    """Open the return for a statutory withdrawal of shipped goods; raises `ShopifyError`
    (a `WithdrawalRefused` in the merchant's words) when it cannot."""
    from cancelapp.store.audit import AuditEntry, append_audit
    from cancelapp.store.journal import record_decision
    from cancelapp.store.requests import get_request, set_state
    from cancelapp.sync.details import ensure_full_order

    with session.database.reading() as conn:
        request = get_request(conn, request_id)
    order_id = request.order_id if request is not None else None
    # A first connect caches only what a verdict needs: the return reads the order in full.
    order = (
        ensure_full_order(session.database, session.client, session.store_id, order_id)
        if order_id
        else None
    )
    if request is None or order is None:
        raise LookupError(request_id)
    withdrawal = assess(order, request, session.rules.withdrawal)
    if not withdrawal.statutory:
        raise WithdrawalRefused(_NOT_STATUTORY)
    lines = returnable_lines(session.client, order.id, order.name, request.line_item_ids)
    opened = open_return(session.client, order.id, lines, withdrawal.sent_at)
    now = datetime.now(UTC)
    with session.database.transaction() as conn:
        record_decision(
            conn,
            request_id,
            outcome="approve",
            policy_snapshot={"withdrawal": "return", "return": opened.name},
            decided_by=who,
            decided_at=now,
            note=opened.name,
        )
        set_state(conn, request_id, RequestState.IN_PROGRESS, now=now)
        append_audit(
            conn,
            AuditEntry(
                at=now,
                who=who,
                what=EntryCode.WITHDRAWAL_RETURN,
                store_id=session.store_id,
                order_gid=order.id,
                shopify_ids=(opened.id,),
                request_id=request_id,
                detail={"order": order.name, "return": opened.name, "lines": len(lines)},
            ),
        )
    refresh_order(session, order.id)  # the queue shows the order as Shopify now has it
    reply = return_instructions(session, order, request, shop_name)
    return AcceptedWithdrawal(request_id, opened.name, reply)


@dataclass(frozen=True)
class OpenedReturn:
    id: str  # gid://shopify/Return/…
    name: str  # e.g. "#1001-R1"


def returnable_lines(
    client: ShopifyClient, order_id: str, order_name: str, line_item_ids: tuple[str, ...] = ()
) -> list[dict[str, object]]:
    """The shipped lines the request covers (all when it names none), read fresh, as
    `ReturnLineItemInput`s; refuses when a return is already open or nothing shipped."""
    node = client.query(documents.load("order_returnable"), {"id": order_id})["order"]
    if node is None:
        raise WithdrawalRefused(_GONE, order=order_name)
    try:
        return _lines_of(node, order_name, set(line_item_ids))
    except (KeyError, TypeError, ValueError) as exc:
        raise MalformedResponse(f"order {order_id} returnable: {exc!r}") from None


def _lines_of(
    node: Mapping[str, Any], order_name: str, wanted: set[str]
) -> list[dict[str, object]]:
    status = ReturnStatus(node.get("returnStatus") or "NO_RETURN")
    if status in ACTIVE_RETURN_STATUSES:
        raise WithdrawalRefused(_ALREADY_RETURNING, order=order_name)
    lines: list[dict[str, object]] = []
    for shipment in node.get("fulfillments") or ():
        if shipment.get("status") != "SUCCESS":
            continue
        connection = shipment.get("fulfillmentLineItems") or {}
        if (connection.get("pageInfo") or {}).get("hasNextPage"):
            raise WithdrawalRefused(_TOO_MANY, order=order_name)
        for line in connection.get("nodes") or ():
            item = line["lineItem"]
            if wanted and item["id"] not in wanted:
                continue
            quantity = min(int(line["quantity"]), int(item.get("currentQuantity") or 0))
            if quantity > 0:
                lines.append({"fulfillmentLineItemId": line["id"], "quantity": quantity})
    if not lines:
        raise WithdrawalRefused(_NOTHING_SHIPPED, order=order_name)
    return lines


def open_return(
    client: ShopifyClient, order_id: str, lines: list[dict[str, object]], requested_at: datetime
) -> OpenedReturn:
    """`returnCreate`: the return, OPEN; Shopify's refusals raise `UserErrors`."""
    sent = requested_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    given = {"orderId": order_id, "returnLineItems": lines, "requestedAt": sent}
    payload = client.mutate(documents.load("return_create"), {"returnInput": given})
    opened = payload.get("return")
    if not isinstance(opened, Mapping) or not opened.get("id") or not opened.get("name"):
        raise MalformedResponse(f"returnCreate for {order_id}: no return in the answer")
    return OpenedReturn(str(opened["id"]), str(opened["name"]))


def _customer_name(order: Order, request: CancellationRequest) -> str:
    author = next((m.author for m in request.messages if m.author and "@" not in m.author), None)
    return order.customer_name or author or ""


def return_instructions(
    session: StoreSession,
    order: Order,
    request: CancellationRequest,
    shop_name: str = "",
) -> Reply:
    """The shop's "withdrawal accepted" reply: send the goods back; the refund (what was
    paid, standard delivery included, no fee) by the means of payment, after the return."""
    return compose_reply(
        ReplyKind.WITHDRAWAL,
        locale=order.locale or (order.customer.locale if order.customer else None),
        to=order.customer_email or request.customer_email,
        name=_customer_name(order, request),
        order_name=order.name,
        shop_name=shop_name or session.store.name or session.store.domain,
        amount=refundable_amount(order, request),
    )


def acknowledge_arrivals(
    session: StoreSession, request_ids: frozenset[int], *, shop_name: str = ""
) -> tuple[Acknowledgement, ...]:
    """Prepare the acknowledgement of each newly arrived withdrawal (when the store's setting
    says so) that came by email, form, CSV or by hand, once; recorded with its text."""
    if not session.rules.withdrawal.acknowledge_on_arrival:
        return ()
    return tuple(
        ack
        for request_id in sorted(request_ids)
        if (ack := _prepare(session, request_id, shop_name, once=True)) is not None
    )


def acknowledgement_for(
    session: StoreSession, request_id: int, *, shop_name: str = ""
) -> Acknowledgement | None:
    """The acknowledgement of one withdrawal, asked for by the merchant (again, if need be)."""
    return _prepare(session, request_id, shop_name, once=False)


def _prepare(
    session: StoreSession, request_id: int, shop_name: str, *, once: bool
) -> Acknowledgement | None:
    from cancelapp.store.audit import AuditEntry, append_audit
    from cancelapp.store.orders import load_judged_order
    from cancelapp.store.requests import get_request, mark_acknowledged

    with session.database.reading() as conn:
        request = get_request(conn, request_id)
        order_id = request.order_id if request is not None else None
        # what a verdict needs holds the withdrawal's facts: a first connect acknowledges too
        order = load_judged_order(conn, session.store_id, order_id) if order_id else None
    if request is None or order is None:
        return None
    if not request.source_acknowledged:
        return None  # Shopify's own requests: Shopify's mail
    withdrawal = assess(order, request, session.rules.withdrawal)
    if withdrawal.kind is not RequestKind.WITHDRAWAL:
        return None
    reply = acknowledgement(
        order, request, withdrawal, shop_name or session.store.name or session.store.domain
    )
    now = datetime.now(UTC)
    detail = {"to": reply.to or "", "subject": reply.subject, "body": reply.body}
    with session.database.transaction() as conn:
        if not mark_acknowledged(conn, request_id, now) and once:
            return None
        # On arrival with a mailbox to send from, nobody needs to see it first: journaled now,
        # in the same step, and sent by the next round of `send_replies` (exactly once).
        journaled = once and session.mailbox is not None and bool(reply.to)
        if journaled:
            detail["message_id"] = _journal(conn, session, request_id, reply)
        append_audit(
            conn,
            AuditEntry(
                at=now,
                who="CancelApp" if once else session.runner.who,
                what=EntryCode.WITHDRAWAL_ACKNOWLEDGEMENT,
                store_id=session.store_id,
                order_gid=order.id,
                request_id=request_id,
                detail=detail,
            ),
        )
    return Acknowledgement(request_id, reply, journaled)


def send_withdrawal_reply(session: StoreSession, request_id: int, reply: Reply) -> None:
    """Journal a reply the merchant saw and sends from the mailbox (the acknowledgement asked
    for by hand, the return instructions after the return opened); it answers no decision,
    so the next round of `send_replies` sends it (exactly once)."""
    from cancelapp.store.audit import AuditEntry, append_audit

    if session.mailbox is None or not reply.to:
        raise LookupError(request_id)
    with session.database.transaction() as conn:
        message_id = _journal(conn, session, request_id, reply)
        append_audit(
            conn,
            AuditEntry(
                at=datetime.now(UTC),
                who=session.runner.who,
                what=EntryCode.WITHDRAWAL_REPLY,
                store_id=session.store_id,
                request_id=request_id,
                detail={"to": reply.to, "subject": reply.subject, "message_id": message_id},
            ),
        )


def _journal(conn: sqlite3.Connection, session: StoreSession, request_id: int, reply: Reply) -> str:
    """The reply in the outbox, answered in the thread of a request that came by email;
    returns its Message-ID, for the audit entry that makes it due at once."""
    from cancelapp.session.replies import ReplyDraft, journal_reply_in

    assert session.mailbox is not None and reply.to
    draft = ReplyDraft(request_id, reply.to, reply.subject, reply.body, reply.language)
    mail_id = journal_reply_in(conn, session, session.mailbox, draft)
    row = conn.execute("SELECT message_id FROM outgoing_mail WHERE id = ?", (mail_id,)).fetchone()
    return str(row[0])


def acknowledgement(
    order: Order, request: CancellationRequest, withdrawal: Withdrawal, shop_name: str
) -> Reply:
    """Repeats the statement's content and the date and time it was received."""
    first = min(request.messages, key=lambda m: m.received_at)
    received = first.received_at.astimezone(UTC)
    return compose_reply(
        ReplyKind.WITHDRAWAL_RECEIVED,
        locale=order.locale or (order.customer.locale if order.customer else None),
        to=order.customer_email or request.customer_email,
        name=_customer_name(order, request),
        order_name=order.name,
        shop_name=shop_name,
        when=received.strftime("%Y-%m-%d %H:%M UTC"),
        statement=first.text,
    )
