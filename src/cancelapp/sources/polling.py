"""The polled sources of one store, and one round of polling them.

Email, order tags and Shopify's own requests are polled; CSV files and manual entries arrive
when the merchant brings them (`csv_import`, `manual`) and give the same `IncomingRequest`.
Built from plain configs so the caller (the sync) maps the merchant's settings onto them.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestSource
from cancelapp.shopify import ShopifyError
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.email_source import EmailSource
from cancelapp.sources.imap_session import MailLogin
from cancelapp.sources.incoming import FetchResult, Source, SourceUnavailable
from cancelapp.sources.native import NativeConfig, NativeSource
from cancelapp.sources.order_tag import OrderTagConfig, OrderTagSource


def polled_sources(
    client: ShopifyClient,
    *,
    native: NativeConfig | None = None,
    tag: OrderTagConfig | None = None,
    email: EmailConfig | None = None,
    email_password: Callable[[], MailLogin] | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> list[Source]:
    """The enabled sources (a None config is a source switched off)."""
    sources: list[Source] = []
    if native is not None and native.enabled:
        sources.append(NativeSource(client, native))
    if tag is not None:
        sources.append(OrderTagSource(client, tag))
    if email is not None and email_password is not None:
        sources.append(EmailSource(email, email_password, ssl_context=ssl_context))
    return sources


@dataclass
class PollRound:
    results: dict[RequestSource, FetchResult] = field(default_factory=dict)
    failures: dict[RequestSource, Phrase] = field(default_factory=dict)  # cursor left as it was

    @property
    def notices(self) -> list[Phrase]:
        return [n for r in self.results.values() for n in r.notices] + list(self.failures.values())


def poll(sources: list[Source], cursors: Mapping[RequestSource, dict[str, Any]]) -> PollRound:
    """Fetch from every source; one that fails is reported and does not stop the others.

    Store each result's candidates, then its cursor, per source.
    """
    round_ = PollRound()
    for source in sources:
        try:
            round_.results[source.name] = source.fetch(dict(cursors.get(source.name, {})))
        except SourceUnavailable as failed:
            round_.failures[source.name] = failed.phrase
        except ShopifyError as failed:
            round_.failures[source.name] = failed.phrase
    return round_
