"""Clients for the demo shop with short back-offs, so fault tests stay fast."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import AccessToken, Credentials, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.retry import RetryPolicy

FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05, throttled_attempts=8)

ClientFactory = Callable[..., ShopifyClient]


@pytest.fixture
def client_for() -> Iterator[ClientFactory]:
    """`client_for(shop, credentials=None, **ShopifyClient kwargs)`; closed after the test."""
    made: list[ShopifyClient] = []

    def make(
        shop: DemoShop, credentials: Credentials | None = None, **kwargs: Any
    ) -> ShopifyClient:
        kwargs.setdefault("retry", FAST_RETRY)
        client = ShopifyClient(
            Endpoint.loopback(shop.base_url),
            credentials or AccessToken(shop.access_token),
            **kwargs,
        )
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
