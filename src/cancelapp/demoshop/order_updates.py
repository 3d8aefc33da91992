"""`tagsAdd`, `tagsRemove` and `orderUpdate` (note, tags, custom attributes, metafields)."""

from __future__ import annotations

from typing import Any

from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid_number
from cancelapp.demoshop.model import Metafield, Order
from cancelapp.demoshop.store import ShopStore

NOTE_MAX = 5000
TAG_MAX = 255


def _order(store: ShopStore, order_id: str) -> Order | None:
    number = gid_number(order_id, "Order")
    return store.orders.get(number) if number is not None else None


def _split(tags: list[str]) -> list[str]:
    """Shopify also accepts one comma-separated string."""
    return [t.strip() for tag in tags for t in tag.split(",") if t.strip()]


def tags_add(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    return _change_tags(info, args, add=True)


def tags_remove(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    return _change_tags(info, args, add=False)


def _change_tags(info: Info, args: dict[str, Any], *, add: bool) -> dict[str, Any]:
    store = store_of(info)
    order = _order(store, args["id"])
    if order is None:
        return {"node": None, "userErrors": [{"field": ["id"], "message": "Order does not exist"}]}
    tags = _split(args["tags"])
    too_long = next((t for t in tags if len(t) > TAG_MAX), None)
    if too_long is not None:
        return {
            "node": None,
            "userErrors": [{"field": ["tags"], "message": "Tags must be 255 characters or less"}],
        }
    if add:
        known = {t.lower() for t in order.tags}
        order.tags += [t for t in dict.fromkeys(tags) if t.lower() not in known]
        store.tags_added(order)
    else:
        gone = {t.lower() for t in tags}
        order.tags = [t for t in order.tags if t.lower() not in gone]
    order.touch(store.now())
    return {"node": order, "userErrors": []}


def order_update(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    changes = args["input"]
    order = _order(store, changes["id"])
    if order is None:
        return {"order": None, "userErrors": [{"field": ["id"], "message": "Order does not exist"}]}
    note = changes.get("note")
    if note is not None and len(note) > NOTE_MAX:
        return {
            "order": None,
            "userErrors": [{"field": ["note"], "message": "Note is too long (maximum 5000)"}],
        }
    if "note" in changes:
        order.note = note
    if changes.get("tags") is not None:
        order.tags = list(dict.fromkeys(_split(changes["tags"])))
        store.tags_added(order)
    if changes.get("customAttributes") is not None:
        order.custom_attributes = [(a["key"], a["value"]) for a in changes["customAttributes"]]
    for metafield in changes.get("metafields") or []:
        _upsert_metafield(store, order, metafield)
    order.touch(store.now())
    store.register(order)
    return {"order": order, "userErrors": []}


def _upsert_metafield(store: ShopStore, order: Order, data: dict[str, Any]) -> None:
    namespace, key = data.get("namespace") or "$app", data.get("key") or ""
    for existing in order.metafields:
        if (existing.namespace, existing.key) == (namespace, key):
            existing.value = data.get("value") or ""
            return
    order.metafields.append(
        Metafield(
            store.new_id(),
            namespace,
            key,
            data.get("value") or "",
            data.get("type") or "single_line_text_field",
        )
    )
