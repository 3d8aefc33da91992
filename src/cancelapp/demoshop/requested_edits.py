"""`requestedEditDecline` and `requestedEditResolve` (unstable API)."""

from __future__ import annotations

from typing import Any

from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid, gid_number
from cancelapp.demoshop.ledger import LedgerNotification
from cancelapp.demoshop.model import RequestedEdit
from cancelapp.demoshop.store import ShopStore

DECLINE_NOTE_MAX = 500


def _refused(code: str, field_path: list[str], message: str) -> dict[str, Any]:
    return {
        "requestedEdit": None,
        "userErrors": [{"code": code, "field": field_path, "message": message}],
    }


def _pending(store: ShopStore, edit_id: str, verb: str) -> RequestedEdit | dict[str, Any]:
    """The pending requested edit `edit_id` names, or the refusal to answer with."""
    edit = store.find(gid_number(edit_id, "RequestedEdit"), RequestedEdit)
    if edit is None:
        return _refused("NOT_FOUND", ["input", "id"], "Requested edit does not exist.")
    if edit.status != "REQUESTED":
        return _refused("INVALID", ["input", "id"], f"Only a pending requested edit can be {verb}.")
    return edit


def requested_edit_decline(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    data = args["input"]
    edit = _pending(store, data["id"], "declined")
    if not isinstance(edit, RequestedEdit):
        return edit
    note = data.get("declineNote")
    if note is not None and len(note) > DECLINE_NOTE_MAX:
        return _refused("INVALID", ["input", "declineNote"], "Decline note is too long.")
    now = store.now()
    edit.status, edit.declined_at, edit.decline_note, edit.updated_at = "DENIED", now, note, now
    order = store.owner(edit.id)
    order.touch(now)
    store.ledger.record_notification(
        LedgerNotification(
            gid("Order", order.id), order.email, f"Your request for {order.name} was declined", now
        )
    )
    return {"requestedEdit": edit, "userErrors": []}


def requested_edit_resolve(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    data = args["input"]
    edit = _pending(store, data["id"], "resolved")
    if not isinstance(edit, RequestedEdit):
        return edit
    now = store.now()
    order = store.owner(edit.id)
    for line in edit.lines:
        item = order.line_item(line.line_item_id)
        taken_off = (item.quantity - item.current_quantity) if item else 0
        line.resolved_quantity = min(line.quantity, taken_off)
    edit.status, edit.approved_at, edit.updated_at = "RESOLVED", now, now
    order.touch(now)
    return {"requestedEdit": edit, "userErrors": []}
