"""Connecting to the demo shop over HTTP: shop info, scopes, tokens and refused access."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.clock import ManualClock
from cancelapp.demoshop.faults import Fault
from cancelapp.shopify import (
    AccessToken,
    AuthFailed,
    ClientCredentials,
    MissingScopes,
    ShopNotFound,
    documents,
)
from cancelapp.shopify.auth import REFRESH_MARGIN_S
from cancelapp.shopify.client import ShopifyClient

ShopFactory = Callable[..., DemoShop]


def test_connect_reads_the_shop_and_finds_every_scope(shop_client: ShopifyClient) -> None:
    info = shop_client.connect()
    assert info.name == "Hygge & Co. (demo)"
    assert info.currency_code == "DKK"
    assert info.iana_timezone == "Europe/Copenhagen"
    assert "write_orders" in info.scopes
    assert info.missing_scopes == ()
    status = shop_client.throttle.status
    assert status is not None and status.restore_rate == 100


def test_missing_scopes_are_named_in_plain_words(
    make_demo_shop: ShopFactory, client_for: Callable[..., ShopifyClient]
) -> None:
    shop = make_demo_shop(scopes=frozenset({"read_orders", "read_customers"}))
    info = client_for(shop).connect()
    missing = {m.handle: m.merchant_message for m in info.missing_scopes}
    assert set(missing) == {
        "write_orders",
        "write_inventory",
        "read_locations",
        "read_merchant_managed_fulfillment_orders",
        "write_merchant_managed_fulfillment_orders",
        "write_returns",
    }
    assert missing["write_orders"].startswith("Without write_orders, CancelApp cannot cancel")


def test_a_field_needing_a_missing_scope_raises_missing_scopes(
    make_demo_shop: ShopFactory, client_for: Callable[..., ShopifyClient]
) -> None:
    shop = make_demo_shop(scopes=frozenset({"read_customers"}))
    with pytest.raises(MissingScopes) as raised:
        client_for(shop).query(documents.load("orders"))
    assert "read_orders" in raised.value.scopes
    assert "read_orders" in raised.value.merchant_message


def test_a_wrong_token_is_refused_without_retrying(
    demo_shop: DemoShop, client_for: Callable[..., ShopifyClient]
) -> None:
    client = client_for(demo_shop, AccessToken("shpat_wrong"))
    with pytest.raises(AuthFailed) as raised:
        client.connect()
    assert "access token" in raised.value.merchant_message
    assert client.stats.requests == 1


def test_an_unknown_api_version_is_not_found(shop_client: ShopifyClient) -> None:
    with pytest.raises(ShopNotFound):
        shop_client.query(documents.load("shop_info"), version="1999-01")


def test_return_policy_profiles_are_read_from_the_stable_version(
    shop_client: ShopifyClient,
) -> None:
    data = shop_client.query(documents.load("return_policy_profiles"))
    rules = data["returnPolicyProfiles"]["nodes"][0]["editRules"]
    assert rules["canAcceptEdits"] is True


def test_client_credentials_are_exchanged_once_for_many_requests(
    demo_shop: DemoShop, client_for: Callable[..., ShopifyClient]
) -> None:
    client = client_for(demo_shop, ClientCredentials(demo_shop.client_id, demo_shop.client_secret))
    for _ in range(3):
        client.connect()
    assert client.token_exchanges == 1
    assert demo_shop.tokens.grants == 1


def test_the_token_is_renewed_a_minute_before_it_expires(
    make_demo_shop: ShopFactory, client_for: Callable[..., ShopifyClient]
) -> None:
    clock = ManualClock()
    shop = make_demo_shop(clock=clock, token_lifetime=3600)
    client = client_for(
        shop, ClientCredentials(shop.client_id, shop.client_secret), clock=clock.monotonic
    )
    client.connect()
    clock.advance(3600 - REFRESH_MARGIN_S - 1)
    client.connect()
    assert shop.tokens.grants == 1  # still comfortably valid
    clock.advance(2)  # inside the last minute: renewed before Shopify would refuse it
    requests_before = shop.stats.graphql_requests
    client.connect()
    assert shop.tokens.grants == 2
    assert shop.stats.graphql_requests == requests_before + 1  # no 401 round trip


def test_a_revoked_token_is_renewed_once_on_401(
    demo_shop: DemoShop, client_for: Callable[..., ShopifyClient]
) -> None:
    client = client_for(demo_shop, ClientCredentials(demo_shop.client_id, demo_shop.client_secret))
    client.connect()
    demo_shop.tokens.expire_issued_tokens()
    assert client.connect().name == "Hygge & Co. (demo)"
    assert client.token_exchanges == 2


def test_a_wrong_secret_is_refused_and_never_shown(
    demo_shop: DemoShop,
    client_for: Callable[..., ShopifyClient],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "shpss_" + "9" * 32
    client = client_for(demo_shop, ClientCredentials(demo_shop.client_id, secret))
    with pytest.raises(AuthFailed) as raised:
        client.connect()
    assert "client ID and secret" in raised.value.merchant_message
    assert "invalid_client" in raised.value.detail
    shown = str(raised.value) + repr(raised.value) + caplog.text + repr(client)
    assert secret not in shown
    assert demo_shop.client_secret not in shown


def test_tokens_never_reach_the_logs(
    demo_shop: DemoShop,
    client_for: Callable[..., ShopifyClient],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    client = client_for(demo_shop, ClientCredentials(demo_shop.client_id, demo_shop.client_secret))
    client.connect()
    demo_shop.tokens.expire_issued_tokens()
    client.connect()
    assert "ShopInfo" in caplog.text  # the client does log its requests
    for secret in (demo_shop.client_secret, demo_shop.access_token):
        assert secret not in caplog.text
    assert "shpat_" not in caplog.text


def test_a_failed_token_exchange_is_retried_like_a_read(
    demo_shop: DemoShop, client_for: Callable[..., ShopifyClient]
) -> None:
    demo_shop.faults.inject(Fault.server_error(503), operation="access_token")
    demo_shop.faults.inject(Fault.drop(), operation="access_token")
    client = client_for(demo_shop, ClientCredentials(demo_shop.client_id, demo_shop.client_secret))
    assert client.connect().currency_code == "DKK"
    assert client.stats.retries == 2
    assert demo_shop.tokens.grants == 1
