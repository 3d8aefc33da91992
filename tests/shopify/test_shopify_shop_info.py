"""Scopes read on connect, and what the merchant is told about the missing ones."""

from __future__ import annotations

import pytest

from cancelapp.shopify import MalformedResponse, ShopInfo
from cancelapp.shopify.shop_info import REQUIRED_SCOPES, missing_scopes


def _data(*scopes: str) -> dict[str, object]:
    return {
        "shop": {
            "name": "Nordlys Keramik",
            "myshopifyDomain": "nordlys-keramik.myshopify.com",
            "currencyCode": "DKK",
            "ianaTimezone": "Europe/Copenhagen",
        },
        "currentAppInstallation": {"accessScopes": [{"handle": s} for s in scopes]},
    }


def test_all_scopes_granted_means_nothing_missing() -> None:
    info = ShopInfo.from_data(_data(*REQUIRED_SCOPES))
    assert info.name == "Nordlys Keramik"
    assert info.currency_code == "DKK"
    assert info.iana_timezone == "Europe/Copenhagen"
    assert info.domain == "nordlys-keramik.myshopify.com"
    assert info.missing_scopes == ()


def test_a_write_scope_includes_its_read_scope() -> None:
    granted = set(REQUIRED_SCOPES) - {"read_orders", "read_merchant_managed_fulfillment_orders"}
    assert missing_scopes(frozenset(granted)) == ()


def test_missing_scopes_are_named_with_what_cannot_be_done() -> None:
    info = ShopInfo.from_data(_data("read_orders", "read_customers"))
    by_handle = {m.handle: m.merchant_message for m in info.missing_scopes}
    assert set(by_handle) == set(REQUIRED_SCOPES) - {"read_orders", "read_customers"}
    assert by_handle["write_orders"] == (
        "Without write_orders, CancelApp cannot cancel or refund orders, or tag them and add notes."
    )
    assert "stock" in by_handle["write_inventory"]
    assert "hold" in by_handle["write_merchant_managed_fulfillment_orders"]


def test_an_answer_without_the_shop_is_malformed() -> None:
    with pytest.raises(MalformedResponse):
        ShopInfo.from_data({"currentAppInstallation": {"accessScopes": []}})
