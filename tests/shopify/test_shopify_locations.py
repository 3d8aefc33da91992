"""The shop's locations and where its items are stocked, read from the demo shop over HTTP:
active ones only, kept a while per store, and refused in Shopify's way without the scope."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.shop import DEFAULT_SCOPES
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import MalformedResponse, MissingScopes
from cancelapp.shopify.locations import LocationCache, location_of, stocked_at


def item_gids(shop: DemoShop) -> list[str]:
    return [
        f"gid://shopify/InventoryItem/{v.inventory_item_id}" for v in shop.store.variants.values()
    ]


def test_active_locations_and_where_each_item_is_stocked(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    first, second, *_ = item_gids(demo_shop)
    stocking = LocationCache(shop_client).stocking([first, second, "gid://shopify/InventoryItem/1"])
    names = {loc.name: loc for loc in stocking.locations}
    assert set(names) == {
        "Lager København",
        "Butik Aarhus",
        "Nordic Fulfilment ApS",
        "Pop-up Odense",
    }  # not the closed warehouse
    assert not names["Pop-up Odense"].fulfills_online_orders
    assert names["Nordic Fulfilment ApS"].is_fulfillment_service
    assert names["Pop-up Odense"].id in stocking.stocked_at[first]
    assert names["Pop-up Odense"].id not in stocking.stocked_at[second]  # every other product
    assert names["Lager København"].id in stocking.stocked_at[second]
    assert stocking.stocked_at["gid://shopify/InventoryItem/1"] == frozenset()  # no such item


def test_the_locations_are_kept_a_while_and_read_again_after(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    now = [0.0]
    cache = LocationCache(shop_client, kept_seconds=60, clock=lambda: now[0])
    first, second, *_ = item_gids(demo_shop)
    cache.stocking([first])
    sent = shop_client.stats.requests
    cache.stocking([first])
    assert shop_client.stats.requests == sent  # nothing asked again
    cache.stocking([first, second])
    assert shop_client.stats.requests == sent + 1  # only the new item's levels
    now[0] = 61.0
    cache.stocking([first])
    assert shop_client.stats.requests == sent + 3  # locations and levels, both stale


def test_without_read_locations_shopify_refuses_naming_the_scope(
    make_demo_shop: Callable[..., DemoShop],
) -> None:
    shop = make_demo_shop(size=3, scopes=DEFAULT_SCOPES - {"read_locations"})
    client = ShopifyClient(Endpoint.loopback(shop.base_url), AccessToken(shop.access_token))
    with client, pytest.raises(MissingScopes) as refused:
        LocationCache(client).stocking(item_gids(shop)[:1])
    assert refused.value.scopes == ("read_locations",)


def test_a_garbled_location_or_level_is_a_malformed_answer() -> None:
    with pytest.raises(MalformedResponse):
        location_of({"id": "gid://shopify/Location/1"})
    with pytest.raises(MalformedResponse):
        stocked_at({"id": "x", "inventoryLevels": {"nodes": [{"location": None}]}})
