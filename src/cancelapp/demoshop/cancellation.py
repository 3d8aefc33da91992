"""`orderCancel` as Shopify documents it: checked at once, carried out by a job after a delay.

An order can be cancelled when it is not cancelled already, has no pending payment
authorization, no return in progress, no fulfilled items and no fulfilment order a fulfilment
service has accepted; a paid order with stock at a deactivated location cannot be restocked.
The job checks again when it runs (the order may have changed meanwhile) and fails with the
same errors if so. Authorizations are voided whatever the refund choice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from cancelapp.demoshop import accounts
from cancelapp.demoshop.ids import gid
from cancelapp.demoshop.ledger import LedgerNotification, LedgerVoid
from cancelapp.demoshop.model import Order, Refund, RefundLine, Transaction
from cancelapp.demoshop.refund_money import record_store_credit, refund_to_payment
from cancelapp.demoshop.store import ShopStore

STAFF_NOTE_MAX = 255
ACCEPTED_BY_SERVICE = frozenset({"ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"})


@dataclass
class CancelJob:
    uuid: str
    order_id: int
    status: str = "STARTED"  # OrderCancelStatus
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status != "STARTED"


@dataclass(frozen=True)
class CancelRequest:
    reason: str
    restock: bool
    notify_customer: bool
    refund_method: str | None  # "original", "store_credit" or None (no refund)
    store_credit_expires_at: datetime | None
    staff_note: str | None


def user_error(code: str, field_path: list[str] | None, message: str) -> dict[str, Any]:
    return {"code": code, "field": field_path, "message": message}


def cancel_problems(
    store: ShopStore, order: Order, request: CancelRequest, *, starting: bool
) -> list[dict[str, Any]]:
    """Why this order cannot be cancelled now, as `OrderCancelUserError`s."""
    if order.cancelled_at is not None:
        return [user_error("INVALID", ["orderId"], "Order has already been cancelled.")]
    if starting and order.cancelling:
        return [user_error("INVALID", ["orderId"], "Order is already being cancelled.")]
    problems = []
    if request.staff_note is not None and len(request.staff_note) > STAFF_NOTE_MAX:
        problems.append(
            user_error("INVALID", ["staffNote"], "Staff note is too long (maximum 255 characters).")
        )
    if request.refund_method == "store_credit":
        path = ["refundMethod", "storeCreditRefund"]
        if order.customer is None:
            problems.append(
                user_error(
                    "STORE_CREDIT_REFUND_MISSING_CUSTOMER",
                    path,
                    "A store credit refund needs a customer on the order.",
                )
            )
        expires = request.store_credit_expires_at
        if expires is not None and expires <= store.now():
            problems.append(
                user_error(
                    "STORE_CREDIT_REFUND_EXPIRATION_IN_PAST",
                    [*path, "expiresAt"],
                    "Store credit expiry date must be in the future.",
                )
            )
    if accounts.has_pending_payment(order):
        problems.append(
            user_error("INVALID", ["orderId"], "Order has pending payment authorizations.")
        )
    if order.return_status in {"RETURN_REQUESTED", "IN_PROGRESS", "INSPECTION_COMPLETE"}:
        problems.append(user_error("INVALID", ["orderId"], "Order has returns in progress."))
    if any(li.fulfilled_quantity for li in order.line_items):
        problems.append(
            user_error("INVALID", ["orderId"], "Order has fulfillments that can't be cancelled.")
        )
    if any(
        fo.location.is_fulfillment_service
        and fo.request_status in ACCEPTED_BY_SERVICE
        and fo.status not in {"CLOSED", "CANCELLED"}
        for fo in order.fulfillment_orders
    ):
        problems.append(
            user_error(
                "INVALID",
                ["orderId"],
                "A fulfillment service has accepted this order. Request cancellation first.",
            )
        )
    if (
        request.restock
        and accounts.received(order) > 0
        and any(not fo.location.is_active for fo in order.fulfillment_orders)
    ):
        problems.append(
            user_error(
                "INVALID", ["restock"], "Inventory can't be restocked at a deactivated location."
            )
        )
    return problems


def start_cancel(store: ShopStore, order: Order, request: CancelRequest, delay: float) -> CancelJob:
    job = CancelJob(uuid.uuid4().hex, order.id)
    store.jobs[job.uuid] = job
    order.cancelling = True
    store.schedule(delay, lambda: _finish(store, job, request))
    return job


def _finish(store: ShopStore, job: CancelJob, request: CancelRequest) -> None:
    order = store.orders[job.order_id]
    order.cancelling = False
    problems = cancel_problems(store, order, request, starting=False)
    if problems:
        job.status, job.errors = "FAILED", problems
        return
    _cancel(store, order, request)
    job.status = "SUCCEEDED"


def _cancel(store: ShopStore, order: Order, request: CancelRequest) -> None:
    now = store.now()
    order_gid = gid("Order", order.id)
    for auth in accounts.open_authorizations(order):
        order.transactions.append(
            Transaction(store.new_id(), "VOID", "SUCCESS", auth.gateway, auth.amount, now, auth.id)
        )
        store.ledger.record_void(
            LedgerVoid(order_gid, auth.amount, order.presentment_currency, auth.gateway, now)
        )
    refund = _refund(store, order, request, now)
    lines = []
    for li in order.line_items:
        quantity = li.current_quantity
        if quantity <= 0:
            continue
        location = next((fo.location for fo in order.fulfillment_orders if li.id in fo.lines), None)
        restock = (
            request.restock
            and li.variant is not None
            and location is not None
            and location.is_active
        )
        if restock and li.variant is not None and location is not None:
            store.adjust_stock(li.variant.inventory_item_id, location.id, quantity, order=order)
        lines.append(
            RefundLine(
                li.id,
                quantity,
                "CANCEL" if restock else "NO_RESTOCK",
                location.id if location else None,
                restock,
                li.unit_price * quantity,
            )
        )
        if refund is not None:
            li.refunded_quantity += quantity
        else:
            li.removed_quantity += quantity
    if refund is not None:
        refund.lines = lines
        order.refunds.append(refund)
    for fo in order.fulfillment_orders:
        fo.status, fo.updated_at = "CLOSED", now
        fo.remaining = dict.fromkeys(fo.remaining, 0)
        fo.holds.clear()
    order.cancelled_at, order.closed_at = now, now
    order.cancel_reason, order.staff_note = request.reason, request.staff_note
    if request.notify_customer:
        store.ledger.record_notification(
            LedgerNotification(
                order_gid, order.email, f"Order {order.name} has been cancelled", now
            )
        )
    order.touch(now)
    store.register(order)


def _refund(store: ShopStore, order: Order, request: CancelRequest, now: datetime) -> Refund | None:
    if request.refund_method is None:
        return None
    refund = Refund(store.new_id(), now, None, [], [])
    if accounts.net_received(order) > 0:  # the shipping paid goes back with the rest
        refund.shipping = order.shipping - accounts.refunded_shipping(order)
    if request.refund_method == "store_credit":
        refund.store_credit = max(accounts.net_received(order), Decimal("0"))
        refund.store_credit_expires_at = request.store_credit_expires_at
        if refund.store_credit:
            record_store_credit(store, order, refund, key=None, now=now)
        return refund
    for payment in accounts.payments(order):
        amount = accounts.refundable_on(order, payment)
        if amount > 0:
            refund_to_payment(store, order, refund, payment, amount, key=None, now=now)
    return refund
