"""Tying a candidate to its order, and only when that is certain.

A request names its order either through the channel itself (a Shopify requested edit, a tag
on the order, the merchant typing it in) or through what the customer wrote. In the second
case the order name alone is not enough: anyone can type someone else's order number, so the
customer's email must also be the order's. Anything less leaves the request unmatched, for the
merchant to resolve by hand.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest, RequestSource, RequestState
from cancelapp.sources.incoming import CONTEXT, IncomingRequest

# Channels whose order identity comes from Shopify or the merchant, not the customer's text.
TRUSTED_SOURCES = frozenset({RequestSource.SHOPIFY, RequestSource.ORDER_TAG, RequestSource.MANUAL})


class OrderLookup(Protocol):
    """Finds orders by name (`#1234`) or id; the cache or the Shopify client behind it."""

    def by_name(self, name: str) -> Order | None: ...

    def by_id(self, order_id: str) -> Order | None: ...


class Unmatched(StrEnum):
    NO_ORDER_NAME = "no_order_name"
    NO_SUCH_ORDER = "no_such_order"
    EMAIL_DIFFERS = "email_differs"
    NO_EMAIL = "no_email"


_REASONS = {
    Unmatched.NO_ORDER_NAME: QT_TRANSLATE_NOOP(CONTEXT, "No order number found in the message"),
    Unmatched.NO_SUCH_ORDER: QT_TRANSLATE_NOOP(CONTEXT, "No order {order} in this store"),
    Unmatched.EMAIL_DIFFERS: QT_TRANSLATE_NOOP(
        CONTEXT, "Order {order} belongs to another customer's email"
    ),
    Unmatched.NO_EMAIL: QT_TRANSLATE_NOOP(
        CONTEXT, "No email to confirm that order {order} is the customer's"
    ),
}


@dataclass(frozen=True)
class Match:
    order: Order | None
    unmatched: Unmatched | None = None
    # The order Shopify named (a trusted channel) that is being read right now, in bulk: the
    # request is stored for it and shown as being read until it arrives.
    awaited: str | None = None

    def reason_for(self, incoming: IncomingRequest) -> Phrase | None:
        """Why the request stayed unmatched, in the merchant's words."""
        if self.unmatched is None:
            return None
        return Phrase(CONTEXT, _REASONS[self.unmatched], {"order": incoming.order_name or ""})


def no_such_order(order_name: str | None) -> Phrase:
    """Why a request whose order Shopify does not have stays unmatched."""
    return Phrase(CONTEXT, _REASONS[Unmatched.NO_SUCH_ORDER], {"order": order_name or ""})


def same_email(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a.strip().casefold() == b.strip().casefold()


def match_order(
    incoming: IncomingRequest, lookup: OrderLookup, awaited: Collection[str] = ()
) -> Match:
    """The order a candidate is for, or why none could be chosen. `awaited`: orders being
    read (by a bulk operation) that a trusted channel may name before they are cached."""
    order: Order | None = None
    if incoming.order_id is not None:
        order = lookup.by_id(incoming.order_id)
        if order is None and incoming.order_id in awaited and incoming.source in TRUSTED_SOURCES:
            return Match(None, awaited=incoming.order_id)
    elif incoming.order_name is not None:
        order = lookup.by_name(incoming.order_name)
    else:
        return Match(None, Unmatched.NO_ORDER_NAME)
    if order is None:
        return Match(None, Unmatched.NO_SUCH_ORDER)
    if incoming.source in TRUSTED_SOURCES:
        return Match(order)
    if not incoming.customer_email:
        return Match(None, Unmatched.NO_EMAIL)
    if not any(same_email(incoming.customer_email, known) for known in order_emails(order)):
        return Match(None, Unmatched.EMAIL_DIFFERS)
    return Match(order)


def order_emails(order: Order) -> tuple[str, ...]:
    """The addresses Shopify ties to the order: the one given at checkout (where the order's
    mails went) and the customer account's default, which may have changed since."""
    account = order.customer.email if order.customer else None
    return tuple(e for e in (order.email, account) if e)


def to_request(incoming: IncomingRequest, match: Match, store_id: int) -> CancellationRequest:
    """The request entry one candidate makes; storing it merges it into the order's entry."""
    order = match.order
    if match.awaited is not None:  # the order's state is known once it is read
        state = incoming.settled or RequestState.OPEN
    elif order is None:
        state = RequestState.UNMATCHED
    elif order.is_cancelled:
        state = RequestState.DONE
    else:
        state = incoming.settled or RequestState.OPEN
    return CancellationRequest(
        id=None,
        store_id=store_id,
        order_id=order.id if order else match.awaited,
        order_name=order.name if order else incoming.order_name,
        customer_email=(order.customer_email if order else None) or incoming.customer_email,
        state=state,
        messages=(incoming.message(),),
        native_edit_id=incoming.native_edit_id,
        line_item_ids=incoming.line_item_ids,
    )
