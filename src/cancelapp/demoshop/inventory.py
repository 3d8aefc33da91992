"""`inventoryAdjustQuantities`: manual stock changes, once per idempotency key."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.idempotency import once
from cancelapp.demoshop.ids import gid, gid_number, parse_gid
from cancelapp.demoshop.store import ShopStore

REASONS = frozenset(
    {
        "correction",
        "cycle_count_available",
        "damaged",
        "movement_canceled",
        "movement_created",
        "movement_received",
        "movement_updated",
        "other",
        "promotion",
        "quality_control",
        "received",
        "reservation_created",
        "reservation_deleted",
        "reservation_updated",
        "restock",
        "safety_stock",
        "shrinkage",
    }
)


def _error(code: str, field_path: list[str], message: str) -> dict[str, Any]:
    return {
        "inventoryAdjustmentGroup": None,
        "userErrors": [{"code": code, "field": field_path, "message": message}],
    }


def inventory_adjust_quantities(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    adjust = args["input"]
    return once(
        info,
        adjust,
        lambda key: _adjust(store_of(info), adjust, key),
        lambda: _error(
            "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
            ["input"],
            "The idempotency key was already used with different parameters.",
        ),
    )


def _adjust(store: ShopStore, adjust: dict[str, Any], key: str) -> dict[str, Any]:
    if adjust["name"] != "available":
        return _error(
            "INVALID_QUANTITY_NAME", ["input", "name"], "Only `available` can be adjusted here."
        )
    if adjust["reason"] not in REASONS:
        return _error("INVALID_REASON", ["input", "reason"], "The reason is not a valid reason.")
    reference = adjust.get("referenceDocumentUri")
    if reference is not None and "://" not in reference:
        return _error(
            "INVALID_REFERENCE_DOCUMENT", ["input", "referenceDocumentUri"], "Invalid URI."
        )
    checked = []
    for index, change in enumerate(adjust["changes"]):
        path = ["input", "changes", str(index)]
        item = gid_number(change["inventoryItemId"], "InventoryItem")
        if item is None or store.variant_for_item(item) is None:
            return _error(
                "INVALID_INVENTORY_ITEM", [*path, "inventoryItemId"], "The item does not exist."
            )
        location = store.locations.get(gid_number(change["locationId"], "Location") or -1)
        if location is None or not location.is_active:
            return _error("INVALID_LOCATION", [*path, "locationId"], "The location is not active.")
        if change.get("ledgerDocumentUri") is not None:
            return _error(
                "INVALID_AVAILABLE_DOCUMENT",
                [*path, "ledgerDocumentUri"],
                "A ledger document can't be given for `available`.",
            )
        if "changeFromQuantity" not in change:
            # Shopify: "you must explicitly pass in a value, even if that value is `null`".
            raise GraphQLError(
                "InventoryChangeInput.changeFromQuantity is required: pass null to skip the "
                "compare-and-swap check.",
                extensions={"code": "BAD_REQUEST"},
            )
        current = store.inventory.get((item, location.id), 0)
        expected = change["changeFromQuantity"]
        if expected is not None and expected != current:
            return _error(
                "CHANGE_FROM_QUANTITY_STALE",
                [*path, "changeFromQuantity"],
                f"The quantity changed: it is {current}, not {expected}.",
            )
        checked.append((item, location.id, int(change["delta"])))
    order = _referenced_order(store, reference)
    changes = []
    for item, location_id, delta in checked:
        after = store.adjust_stock(item, location_id, delta, order=order, idempotency_key=key)
        changes.append(
            {
                "name": "available",
                "delta": delta,
                "quantityAfterChange": after,
                "item": {"id": gid("InventoryItem", item)},
                "location": store.locations[location_id],
                "ledgerDocumentUri": None,
            }
        )
    group = {
        "id": gid("InventoryAdjustmentGroup", store.new_id()),
        "createdAt": store.now().isoformat().replace("+00:00", "Z"),
        "reason": adjust["reason"],
        "referenceDocumentUri": reference,
        "changes": changes,
    }
    return {"inventoryAdjustmentGroup": group, "userErrors": []}


def _referenced_order(store: ShopStore, reference: str | None) -> Any:
    parsed = parse_gid(reference or "")
    if parsed is None or parsed[0] != "Order" or not parsed[1].isdigit():
        return None
    return store.orders.get(int(parsed[1]))
