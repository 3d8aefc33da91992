"""Requests without an order: search the store, link the one the merchant picks, or close.

The search reads the cache first (what was synced), then asks Shopify with its order search
filters: `name:` for an order number, `email:` (and `customer_id:` of the customers found,
whose other orders may carry another checkout address) for an email, a bare word for a
customer's name. What the app was not granted limits what can be found; the search says so:
orders older than 60 days need `read_all_orders`, emails and names need `read_customers`
and Shopify's protected customer data access.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cancelapp.actions.reply import Reply, ReplyKind, ReplyTemplates, compose_reply
from cancelapp.domain.money import Money
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import RequestState
from cancelapp.sources.order_names import normalise_order_name
from cancelapp.store.audit_codes import EntryCode

if TYPE_CHECKING:
    from cancelapp.session.refresh import StoreSession

_CONTEXT = "OrderSearch"
_MAX_CANDIDATES = 20
_NO_ALL_ORDERS = Phrase(
    _CONTEXT,
    QT_TRANSLATE_NOOP(
        _CONTEXT,
        "Orders older than 60 days cannot be found: CancelApp was not granted read_all_orders.",
    ),
)
_NO_CUSTOMERS = Phrase(
    _CONTEXT,
    QT_TRANSLATE_NOOP(
        _CONTEXT,
        "Only the cached orders were searched: CancelApp was not granted read_customers, "
        "which Shopify requires to search orders by email or name and to read who placed "
        "an order.",
    ),
)
_PROTECTED = Phrase(
    _CONTEXT,
    QT_TRANSLATE_NOOP(
        _CONTEXT,
        "Shopify found no order for this email or name. Shopify only searches emails and names "
        "when CancelApp has protected customer data access (name and email).",
    ),
)
_OFFLINE = Phrase(
    _CONTEXT,
    QT_TRANSLATE_NOOP(_CONTEXT, "Shopify cannot be reached: only the cached orders were searched."),
)


@dataclass(frozen=True)
class Candidate:
    """One order the search found, as the merchant compares it with the request."""

    order_id: str
    name: str
    created_at: datetime
    total: Money
    customer: str
    email: str | None
    items: tuple[str, ...]  # "2 × Linen shirt"; empty when only the summary is cached
    cached: bool  # found in the cache (else read from Shopify just now)
    # When this computer's copy was last read from Shopify; None: read from Shopify just now.
    synced_at: datetime | None = None


@dataclass(frozen=True)
class OrderSearch:
    text: str
    candidates: tuple[Candidate, ...]
    limits: tuple[Phrase, ...]  # what could not be searched, and why


def search_orders(session: StoreSession, text: str) -> OrderSearch:
    """Orders for an order number, a customer's email or name: the cache's first, then
    Shopify's. Offline, the cache's alone (and a limit says so)."""
    from cancelapp.session.refresh import OFFLINE
    from cancelapp.store.orders import order_fetched_at

    text = " ".join(text.split())
    if not text:
        return OrderSearch(text, (), ())
    found: dict[str, Candidate] = {}
    with session.database.reading() as conn:
        for order in _cached(conn, session.store_id, text):
            synced_at = order_fetched_at(conn, session.store_id, order.id)
            found.setdefault(order.id, _candidate(order, cached=True, synced_at=synced_at))
    limits: list[Phrase] = []
    try:
        scopes = session.client.connect().scopes
        if "read_all_orders" not in scopes:
            limits.append(_NO_ALL_ORDERS)
        by_customer = "@" in text or not (normalise_order_name(text) or "").startswith("#")
        if "read_customers" not in scopes:  # Shopify refuses orders read with their customer
            limits.append(_NO_CUSTOMERS)
        else:
            live = _live(session, text, found)
            if by_customer and not live and not found:
                limits.append(_PROTECTED)
            for order in live:  # a summary in the cache gets Shopify's items
                known = found.get(order.id)
                if known is None or not known.items:
                    found[order.id] = _candidate(order, cached=known is not None)
    except OFFLINE:
        limits.append(_OFFLINE)
    ordered = sorted(found.values(), key=lambda c: (not c.cached, -c.created_at.timestamp()))
    return OrderSearch(text, tuple(ordered[:_MAX_CANDIDATES]), tuple(limits))


def _search_query(text: str) -> str:
    name = normalise_order_name(text)
    if "@" in text:
        return f"email:{_quoted(text.lower())}"
    if name is not None and name.startswith("#"):
        return f"name:{_quoted(name)}"
    return _quoted(text)  # Shopify's default fields: order name, email, customer name


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _live(session: StoreSession, text: str, found: dict[str, Candidate]) -> list[Order]:
    orders = _query(session, _search_query(text))
    if "@" in text:  # the same customers' orders placed with another checkout address
        customers = {o.customer.id for o in orders if o.customer and o.customer.id}
        for customer_id in sorted(customers):
            number = customer_id.rsplit("/", 1)[-1]
            known = {o.id for o in orders} | set(found)
            orders += [o for o in _query(session, f"customer_id:{number}") if o.id not in known]
    return orders


def _query(session: StoreSession, query: str) -> list[Order]:
    from cancelapp.shopify import documents
    from cancelapp.shopify.order_mapping import order_from_node
    from cancelapp.shopify.page_fit import largest_page

    document = documents.load("orders")
    first = largest_page(document)  # whole orders: a few fit under Shopify's cost cap
    data: dict[str, Any] = session.client.query(
        document, {"query": query, "first": first, "sortKey": "CREATED_AT", "reverse": True}
    )
    nodes = (data.get("orders") or {}).get("nodes") or []
    return [order_from_node(node) for node in nodes]


def _cached(conn: Any, store_id: int, text: str) -> list[Order]:
    from cancelapp.store.orders import load_listed_order, load_order, search_order_gids

    name = normalise_order_name(text)
    if "@" in text:
        gids = search_order_gids(conn, store_id, email=text, limit=_MAX_CANDIDATES)
    elif name is not None and name.startswith("#"):
        gids = search_order_gids(conn, store_id, name=name, limit=_MAX_CANDIDATES)
    else:
        gids = search_order_gids(conn, store_id, customer=text, limit=_MAX_CANDIDATES)
    orders = [load_order(conn, store_id, g) or load_listed_order(conn, store_id, g) for g in gids]
    return [o for o in orders if o is not None]


def _candidate(order: Order, *, cached: bool, synced_at: datetime | None = None) -> Candidate:
    return Candidate(
        order.id,
        order.name,
        order.created_at,
        order.total,
        order.customer_name or "",
        order.customer_email,
        tuple(f"{li.quantity} × {li.title}" for li in order.line_items),
        cached,
        synced_at,
    )


def link_request(session: StoreSession, request_id: int, order_id: str, who: str) -> int:
    """Tie an unmatched request to the order the merchant chose, read that order in full and
    judge the request like any other. Returns the request's id afterwards (it merges into the
    order's request when there is one already). Raises `ShopifyError` when offline."""
    from cancelapp.session.refresh import judge_session
    from cancelapp.store.audit import AuditEntry, append_audit
    from cancelapp.store.requests import assign_order
    from cancelapp.sync import ensure_full_order

    order = ensure_full_order(session.database, session.client, session.store_id, order_id)
    if order is None:
        raise LookupError(order_id)
    now = datetime.now(UTC)
    with session.database.transaction() as conn:
        target = assign_order(conn, request_id, order.id, order.name, now=now)
        append_audit(
            conn,
            AuditEntry(
                at=now,
                who=who,
                what=EntryCode.LINK,
                store_id=session.store_id,
                order_gid=order.id,
                request_id=target,
                detail={"order": order.name},
            ),
        )
    judge_session(session)
    return target


@dataclass(frozen=True)
class Closed:
    """A closed request's "we could not find your order" reply; `sending`: journaled to go
    from the merchant's mailbox, else for the mail program or the clipboard."""

    reply: Reply
    sending: bool


def close_unmatched(
    session: StoreSession,
    request_id: int,
    who: str,
    *,
    locale: str | None,
    templates: ReplyTemplates | None = None,
) -> Closed:
    """Close a request whose order cannot be found with the "we could not find your order"
    reply. With a mailbox to send from, the reply is journaled with the close (one
    transaction: closed once, answered once) and `send_replies` sends it; else the merchant
    sends it from the mail program or the clipboard."""
    from cancelapp.session.replies import ReplyDraft, journal_reply_in
    from cancelapp.store.audit import AuditEntry, append_audit
    from cancelapp.store.requests import get_request, set_state

    now = datetime.now(UTC)
    with session.database.transaction() as conn:
        request = get_request(conn, request_id)
        if request is None or request.state is not RequestState.UNMATCHED:
            raise LookupError(request_id)
        author = next((m.author for m in request.messages if m.author), None)
        reply = compose_reply(
            ReplyKind.NOT_FOUND,
            locale=locale,
            to=request.customer_email,
            name=author or "",
            order_name=request.order_name or "",
            shop_name=session.store.name or session.store.domain,
            templates=templates,
        )
        set_state(conn, request_id, RequestState.DECLINED, now=now)
        append_audit(
            conn,
            AuditEntry(
                at=now,
                who=who,
                what=EntryCode.CLOSE_UNMATCHED,
                store_id=session.store_id,
                request_id=request_id,
                detail={"order": request.order_name or ""},
            ),
        )
        mailbox, to = session.mailbox, reply.to
        if mailbox is not None and to is not None:
            draft = ReplyDraft(request_id, to, reply.subject, reply.body, reply.language)
            journal_reply_in(conn, session, mailbox, draft)
    return Closed(reply, sending=mailbox is not None and to is not None)
