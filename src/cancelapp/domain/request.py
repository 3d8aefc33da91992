"""A customer's request to cancel, gathered from any channel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cancelapp.domain.states import RequestState as RequestState


class RequestSource(StrEnum):
    SHOPIFY = "shopify"  # buyer-requested order edit (Admin API 2026-10)
    ORDER_TAG = "tag"  # tag / custom attribute / metafield written by an app or Flow
    EMAIL = "email"
    CSV = "csv"  # Google Forms export and similar
    MANUAL = "manual"  # phone call, typed in by the merchant


@dataclass(frozen=True)
class RequestMessage:
    """One message as received. `text` is customer-written: display it as plain text only."""

    source: RequestSource
    received_at: datetime  # aware
    text: str
    author: str | None = None  # name or address as the customer gave it
    external_id: str | None = None  # provenance key: email UIDVALIDITY:UID, CSV row hash, gid, …
    # When the customer sent it, where the channel says so apart from its arrival (an email's
    # Date header); None: sent when received (a form's timestamp, Shopify's request time).
    sent_at: datetime | None = None
    # Joined its request after the merchant had decided it (a reply to the decline, say).
    after_decision: bool = False

    @property
    def sent(self) -> datetime:
        """A Date header later than the arrival is a wrong clock: never after the arrival."""
        return min(self.sent_at, self.received_at) if self.sent_at else self.received_at


@dataclass(frozen=True)
class CancellationRequest:
    id: int | None  # local row id; None before it is stored
    store_id: int
    order_id: str | None  # gid, None while unmatched
    order_name: str | None  # as the customer wrote it, normalised to "#1234" when possible
    customer_email: str | None
    state: RequestState
    messages: tuple[RequestMessage, ...]
    native_edit_id: str | None = None  # requested edit gid when it came from Shopify
    line_item_ids: tuple[str, ...] = ()  # partial cancellation; empty means the whole order

    @property
    def received_at(self) -> datetime:
        """When the customer first asked: what the policy window is measured against."""
        return min(m.received_at for m in self.messages)

    @property
    def sources(self) -> tuple[RequestSource, ...]:
        return tuple(dict.fromkeys(m.source for m in self.messages))

    @property
    def source_acknowledged(self) -> bool:
        """Came by a channel CancelApp acknowledges (not only Shopify's own requests, whose
        acknowledgement is Shopify's mail)."""
        return any(source is not RequestSource.SHOPIFY for source in self.sources)

    @property
    def is_partial(self) -> bool:
        return bool(self.line_item_ids)

    @property
    def customer_name(self) -> str:
        """The name the customer gave (an email's sender name, the name the merchant typed
        in), "" when none: who the request is from until an order says so. The same as the
        queue's query takes (`store.queue`)."""
        email = (self.customer_email or "").casefold()
        for message in self.messages:
            author = (message.author or "").strip()
            if author and author.casefold() != email:
                return author
        return ""
