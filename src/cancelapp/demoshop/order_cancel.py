"""The `orderCancel` mutation: checks at once, then hands the work to a job."""

from __future__ import annotations

from typing import Any

from cancelapp.demoshop.cancellation import CancelRequest, cancel_problems, start_cancel, user_error
from cancelapp.demoshop.context import Info, context_of
from cancelapp.demoshop.ids import gid_number
from cancelapp.demoshop.search import parse_moment


def order_cancel(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    context = context_of(info)
    store = context.store
    number = gid_number(args["orderId"], "Order")
    order = store.orders.get(number) if number is not None else None
    if order is None:
        return _refused([user_error("NOT_FOUND", ["orderId"], "Order does not exist.")])
    request = _request(args)
    problems = cancel_problems(store, order, request, starting=True)
    if problems:
        return _refused(problems)
    job = start_cancel(store, order, request, context.cancel_job_delay)
    store.settle()  # a zero delay finishes before the answer, as a fast job would
    return {"job": job, "jobResult": job, "orderCancelUserErrors": [], "userErrors": []}


def _request(args: dict[str, Any]) -> CancelRequest:
    method = args.get("refundMethod") or {}
    refund_method = None
    expires = None
    if method.get("storeCreditRefund") is not None:
        refund_method = "store_credit"
        expires_text = method["storeCreditRefund"].get("expiresAt")
        expires = parse_moment(expires_text) if expires_text else None
    elif method.get("originalPaymentMethodsRefund") or args.get("refund"):
        refund_method = "original"
    return CancelRequest(
        reason=args["reason"],
        restock=args["restock"],
        notify_customer=bool(args.get("notifyCustomer")),
        refund_method=refund_method,
        store_credit_expires_at=expires,
        staff_note=args.get("staffNote"),
    )


def _refused(problems: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "job": None,
        "jobResult": None,
        "orderCancelUserErrors": problems,
        "userErrors": [{"field": p["field"], "message": p["message"]} for p in problems],
    }
