"""Releasing a fulfillment hold from the detail pane, as the Shopify admin's "Release hold"
does: the order then ships as usual. Not a decision on the request, so it goes straight to
Shopify (no undo window), is written in the audit log and the order is read again."""

from __future__ import annotations

from datetime import UTC, datetime

from cancelapp.domain.order_view import Hold
from cancelapp.session.refresh import StoreSession, refresh_order
from cancelapp.shopify import documents
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.audit_codes import EntryCode


def release_hold(
    session: StoreSession, order_id: str, request_id: int | None, hold: Hold, who: str
) -> None:
    """Release `hold` (every hold of its fulfillment order when Shopify gave no hold id).

    Raises `UserErrors` when Shopify refuses (say, the hold was already released) and the
    other `ShopifyError`s when it cannot be reached."""
    variables: dict[str, object] = {"id": hold.fulfillment_order_id}
    if hold.hold_id is not None:
        variables["holdIds"] = [hold.hold_id]
    session.client.mutate(documents.load("fulfillment_order_release_hold"), variables)
    with session.database.transaction() as conn:
        append_audit(
            conn,
            AuditEntry(
                at=datetime.now(UTC),
                who=who,
                what=EntryCode.RELEASE_HOLD,
                store_id=session.store_id,
                order_gid=order_id,
                request_id=request_id,
                detail={"fulfillment_order": hold.fulfillment_order_id, "reason": hold.reason},
            ),
        )
    refresh_order(session, order_id)
