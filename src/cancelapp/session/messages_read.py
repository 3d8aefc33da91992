"""The merchant read what a customer wrote after the decision.

A message about an order whose request is already decided joins that request, marked unread
(`store.requests.add_request`): the queue shows the request in "Needs decision" and the detail
says what came after the decision. Only the merchant can clear that mark, because CancelApp
cannot tell whether they answered from their own mail program: "Mark as read" in the detail
(or M). It is kept in the audit log, so the record shows the message was seen, and by whom.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.audit_codes import EntryCode
from cancelapp.store.database import Database
from cancelapp.store.requests import mark_read


def mark_messages_read(
    database: Database, store_id: int, request_id: int, order_id: str | None, staff_name: str
) -> bool:
    """Clear the request's unread mark; False when there was none (read in another window)."""
    from cancelapp.actions.runner import operator_name

    with database.transaction() as conn:
        if not mark_read(conn, request_id):
            return False
        append_audit(
            conn,
            AuditEntry(
                at=datetime.now(UTC),
                who=operator_name(staff_name),
                what=EntryCode.MESSAGES_READ,
                store_id=store_id,
                order_gid=order_id,
                request_id=request_id,
            ),
        )
    return True
