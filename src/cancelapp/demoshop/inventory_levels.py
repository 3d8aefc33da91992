"""`inventoryItem(id:)` and its `inventoryLevels`: the locations an item is stocked at."""

from __future__ import annotations

from typing import Any

from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid, gid_number
from cancelapp.demoshop.resolve_orders import Resolver
from cancelapp.demoshop.shapes import connection


def inventory_item(_root: Any, info: Info, **args: Any) -> dict[str, Any] | None:
    number = gid_number(args["id"], "InventoryItem")
    if number is None or store_of(info).variant_for_item(number) is None:
        return None
    return {"id": gid("InventoryItem", number)}


def inventory_levels(item: dict[str, Any], info: Info, **args: Any) -> dict[str, Any]:
    """One level per location the item is stocked at; a deactivated location's only with
    `includeInactive`, as Shopify does."""
    store = store_of(info)
    number = gid_number(item["id"], "InventoryItem")
    levels: list[dict[str, Any]] = [
        {
            # Shopify's level ids name the location and carry the item as a parameter.
            "id": f"{gid('InventoryLevel', location_id)}?inventory_item_id={number}",
            "location": store.locations[location_id],
        }
        for (item_id, location_id) in sorted(store.inventory)
        if item_id == number
        and location_id in store.locations
        and (store.locations[location_id].is_active or args.get("includeInactive"))
    ]
    return connection(levels, args, lambda level: [level["location"].id])


INVENTORY_ITEM: dict[str, Resolver] = {"inventoryLevels": inventory_levels}
