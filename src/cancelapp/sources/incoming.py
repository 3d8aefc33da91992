"""What every source hands back: request candidates with their provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestMessage, RequestSource, RequestState

MAX_STORED_TEXT = 20_000  # characters of customer text kept per message


def shortened_marker(skipped_bytes: int) -> str:
    """Ends a text cut short, naming how much was left out; the same in every language."""
    return f"\n\n[… {size_text(skipped_bytes)}]"


def size_text(size: int) -> str:
    """A size in bytes as "1.2 MB", "340 KB" or "12 B" (decimal units)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.0f} KB"
    return f"{size} B"


@dataclass(frozen=True)
class IncomingRequest:
    """One customer message asking to cancel, before it is matched to an order.

    `external_id` is the provenance key, unique per store and source (an email's Message-ID,
    a CSV row hash, a requested edit's gid, …): the same key seen twice is the same message.
    `order_id` is set only when the channel itself names the order (Shopify, the merchant);
    then no email check is needed to trust the match.
    """

    source: RequestSource
    external_id: str
    received_at: datetime  # aware; when the customer asked
    text: str  # customer-written, as received
    order_name: str | None  # normalised "#1234", None when none or several were found
    customer_email: str | None  # who asked, as the channel reports it
    author: str | None = None
    order_id: str | None = None
    native_edit_id: str | None = None
    line_item_ids: tuple[str, ...] = ()  # partial cancellation; empty means the whole order
    settled: RequestState | None = None  # the channel already says DONE or DECLINED
    sent_at: datetime | None = None  # when the customer sent it, if not when it arrived

    def message(self) -> RequestMessage:
        """The message as stored: its text capped by `stored_text`."""
        return RequestMessage(
            source=self.source,
            received_at=self.received_at,
            text=stored_text(self.text),
            author=self.author or self.customer_email,
            external_id=self.external_id,
            sent_at=self.sent_at,
        )


def stored_text(text: str) -> str:
    """Customer text as stored: as received, but a text longer than `MAX_STORED_TEXT` (a
    mail with a pasted log, a runaway form field) keeps its start and ends with a marker
    naming what was left out (`shortened_marker`)."""
    if len(text) <= MAX_STORED_TEXT:
        return text
    cut = MAX_STORED_TEXT - 24  # room for the marker
    return text[:cut] + shortened_marker(len(text[cut:].encode("utf-8", "replace")))


@dataclass(frozen=True)
class FetchResult:
    """A source's answer: candidates, notices for the merchant, and where to resume next time.

    `cursor` is JSON-safe and opaque to the caller, who stores it per store and source and
    passes it back to the next `fetch`; it is only worth storing once the candidates are.
    """

    requests: list[IncomingRequest] = field(default_factory=list)
    notices: list[Phrase] = field(default_factory=list)
    cursor: dict[str, Any] = field(default_factory=dict)


class Source(Protocol):
    """A channel polled for new requests (Shopify's own, order tags, email).

    CSV files and manual entries come when the merchant brings them and produce the same
    `IncomingRequest`s without polling (`csv_import.import_rows`, `manual.manual_request`).
    """

    @property
    def name(self) -> RequestSource: ...

    def fetch(self, cursor: dict[str, Any]) -> FetchResult: ...


CONTEXT = "Intake"  # translation context of every phrase in this package


class SourceUnavailable(Exception):
    """A source could not be read this time; `phrase` tells the merchant why, without secrets."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.render_plain())
        self.phrase = phrase
