"""Tokens and client secrets never show in reprs, exception text or logs."""

from __future__ import annotations

import logging

import pytest

from cancelapp.shopify import AccessToken, ClientCredentials, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import InvalidShopDomain, NetworkDown

TOKEN = "shpat_0123456789abcdef0123456789abcdef"
SECRET = "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"


def test_credentials_hide_their_secret_in_repr() -> None:
    assert TOKEN not in repr(AccessToken(TOKEN))
    credentials = ClientCredentials("c1a2b3", SECRET)
    assert SECRET not in repr(credentials)
    assert "c1a2b3" in repr(credentials)  # the ID is not secret and helps support


def test_empty_credentials_are_refused() -> None:
    with pytest.raises(ValueError):
        AccessToken("  ")
    with pytest.raises(ValueError):
        ClientCredentials("id", "")


def test_the_client_and_its_token_source_hide_secrets() -> None:
    endpoint = Endpoint.for_shop("nordlys-keramik")
    with ShopifyClient(endpoint, ClientCredentials("id", SECRET)) as client:
        shown = repr(client) + repr(client._tokens) + repr(vars(client))
    assert SECRET not in shown


def test_an_unreachable_token_exchange_leaks_nothing(caplog: pytest.LogCaptureFixture) -> None:
    """Port 9 on loopback refuses connections: the exchange fails before any answer."""
    caplog.set_level(logging.DEBUG)
    endpoint = Endpoint.loopback("http://127.0.0.1:9")
    with (
        ShopifyClient(endpoint, ClientCredentials("id", SECRET)) as client,
        pytest.raises(NetworkDown) as raised,
    ):
        client.connect()
    assert SECRET not in str(raised.value) + repr(raised.value)
    assert SECRET not in caplog.text


def test_a_token_pasted_as_the_shop_address_is_not_repeated() -> None:
    with pytest.raises(InvalidShopDomain) as raised:
        Endpoint.for_shop(f"  {TOKEN} ")
    shown = str(raised.value) + repr(raised.value) + raised.value.merchant_message
    assert TOKEN not in shown and TOKEN[6:] not in shown
    assert "is not a Shopify store address" in raised.value.merchant_message
