"""Sending one step, and finding out what a step whose answer was lost actually did.

`send` is the normal path. `resolve` is for a step journaled as `sending` without an answer
(a timeout, a dropped connection, a crash): it reads the order's real state first and only
sends again what is safe to send again: keyed mutations with the same key, tags, a note
line that is not there yet, a hold that is not there yet. `orderCancel` is never resent
blindly: a cancel whose job id was lost is looked for on the order until the grace period has
passed, and only then sent again, after the caller has re-verified the order. Shopify refusing
that resend because the order "is already being cancelled" means the first cancel is still
running: it is followed on the order (`follow_pending_cancel`), never reported as failed.

The grace is measured on a monotonic clock within a process; a cancel journaled by another
process (or before a restart) only has a wall-clock stamp, which a clock jump can move either
way, so it counts for at most the grace and the rest is measured here. Shopify's own answer to
the resend reconciles the two.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from cancelapp.actions import documents
from cancelapp.actions.carry_out.cancel_job import Backoff, JobStatus, Wait, follow_cancel_job
from cancelapp.actions.carry_out.order_state import FAILED_TRANSACTION_STATUSES, OrderState
from cancelapp.actions.carry_out.outcome_words import CONTEXT, say
from cancelapp.actions.carry_out.plan_journal import StepProgress
from cancelapp.actions.carry_out.verify import Basis
from cancelapp.actions.prepare.action_plan import step_refund_amount
from cancelapp.actions.prepare.steps import ORDER_NOTE_LIMIT, Step, StepKind
from cancelapp.domain.money import Money
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import OutcomeUnknown, UserErrors

NOTE_LIMIT = ORDER_NOTE_LIMIT
UNKNOWN_STATUS = "UNKNOWN"  # a transaction status Shopify left out
CLOSED_FULFILLMENT_ORDER_STATUSES = frozenset({"CLOSED", "CANCELLED", "INCOMPLETE"})


class StepFailed(Exception):
    """Shopify declined the step (nothing was done by it): Shopify's words, or ours."""

    def __init__(self, reason: Phrase | str) -> None:
        super().__init__(reason.render_plain() if isinstance(reason, Phrase) else reason)
        self.reason = reason


class StepPending(Exception):
    """The step's outcome is not known yet; the journal keeps it for reconciling."""


class ResendAfterVerify(Exception):
    """A cancel that certainly did not happen: send it again once the order is re-verified."""


@dataclass
class StepContext:
    client: ShopifyClient
    wait: Wait
    now: Callable[[], datetime]
    backoff: Backoff = field(default_factory=Backoff)
    cancel_grace: timedelta = timedelta(seconds=30)
    cancel: threading.Event | None = None
    monotonic: Callable[[], float] = time.monotonic
    # When this process sent (or first looked for) each order's cancel, on `monotonic`.
    cancel_sent_at: dict[str, float] = field(default_factory=dict)

    def cancel_sent(self, order_id: str) -> None:
        self.cancel_sent_at[order_id] = self.monotonic()

    def state(self, order_id: str) -> OrderState:
        data = self.client.query(
            documents.own("order_outcome"), {"id": order_id}, cancel=self.cancel
        )
        return OrderState.from_data(data)


def send(ctx: StepContext, order_id: str, step: Step) -> dict[str, Any]:
    """Send the step; returns what to journal. Raises StepFailed, StepPending, or a
    `ShopifyError` (`OutcomeUnknown` when the answer was lost)."""
    v = step.variables
    kind = step.kind
    if kind is StepKind.CANCEL:
        return _cancel(ctx, step)
    if kind is StepKind.NOTE:
        return _note(ctx, v["id"], v["line"])
    if kind is StepKind.REFUND:
        payload = _mutate(ctx, "refund_create", {**v, "idempotencyKey": step.idempotency_key})
        refund = payload.get("refund")
        if not isinstance(refund, dict) or not refund.get("id"):
            # No refund and no userErrors: whether it exists is unknown. The pipeline looks for
            # it on the order by its key, and only then sends again with the same key.
            raise OutcomeUnknown("refundCreate: answered without a refund")
        txs = [t for t in (refund.get("transactions") or {}).get("nodes") or () if t]
        return _refund_result(
            str(refund["id"]), [t.get("id") for t in txs], [t.get("status") for t in txs]
        )
    if kind is StepKind.RESTOCK:
        payload = _mutate(
            ctx, "inventory_adjust_quantities", {**v, "idempotencyKey": step.idempotency_key}
        )
        group = payload.get("inventoryAdjustmentGroup") or {}
        return {"shopify_ids": [group["id"]] if group.get("id") else []}
    if kind is StepKind.TAG:
        _mutate(ctx, "tags_add", v)
        return {}
    if kind is StepKind.HOLD:
        payload = _mutate(ctx, "fulfillment_order_hold", v)
        hold = payload.get("fulfillmentHold") or {}
        return {"shopify_ids": [hold["id"]] if hold.get("id") else []}
    if kind is StepKind.RELEASE_HOLD:
        try:
            _mutate(ctx, "fulfillment_order_release_hold", v)
        except StepFailed:
            if not _no_hold_left(ctx.state(order_id), v):
                raise
        return {}
    if kind is StepKind.SUBMIT_CANCELLATION:
        _mutate(ctx, "fulfillment_order_submit_cancellation_request", v)
        return {}
    document = {
        StepKind.DECLINE_NATIVE: "requested_order_edit_decline",
        StepKind.RESOLVE_NATIVE: "requested_order_edit_resolve",
    }[kind]
    try:
        _mutate(ctx, document, v)
    except StepFailed:  # refused because it was already answered our way: that is done
        if not _native_answered(ctx, order_id, step):
            raise
    return {"shopify_ids": [v["id"]]}


def resolve(ctx: StepContext, order_id: str, step: Step, progress: StepProgress) -> dict[str, Any]:
    """Finish a step journaled as sending whose answer never arrived."""
    v = step.variables
    kind = step.kind
    if kind is StepKind.CANCEL:
        return _resolve_cancel(ctx, order_id, progress)
    state = ctx.state(order_id)
    if kind is StepKind.REFUND:
        assert step.idempotency_key is not None
        found = state.refund_with_reference(step.idempotency_key)
        if found is not None:
            return _refund_result(
                found.id, list(found.transaction_ids), list(found.transaction_statuses)
            )
    elif kind is StepKind.HOLD:
        fo = state.fulfillment_order(v["id"])
        held = [hold_id for hold_id, handle in (fo.holds if fo else ()) if handle == v["handle"]]
        if held:
            return {"shopify_ids": held}
    elif kind is StepKind.RELEASE_HOLD:
        if _no_hold_left(state, v):
            return {}
    elif kind is StepKind.SUBMIT_CANCELLATION:
        fo = state.fulfillment_order(v["id"])
        if fo is not None and fo.request_status.startswith("CANCELLATION_"):
            return {}
    elif kind in (StepKind.DECLINE_NATIVE, StepKind.RESOLVE_NATIVE) and _native_answered(
        ctx, order_id, step
    ):
        return {"shopify_ids": [v["id"]]}
    return send(ctx, order_id, step)  # keyed (same key), tags, note (checked), or not done


# -- cancel --------------------------------------------------------------------------------


def _cancel(ctx: StepContext, step: Step) -> dict[str, Any]:
    payload = _mutate(ctx, "order_cancel", step.variables, payload="orderCancel")
    job_result = payload.get("jobResult") or {}
    status = JobStatus.of(payload.get("job"), job_result)
    if status.failed:
        raise StepFailed("; ".join(status.errors))
    job_id = job_result.get("id") or (payload.get("job") or {}).get("id")
    return {"job_id": job_id, "job_done": status.done, "job_status": status.status}


def confirm_cancel(ctx: StepContext, order_id: str, sent: dict[str, Any]) -> dict[str, Any]:
    """Wait for the job, then read the order: cancelled, refunds and their money status.

    `sent` is what was journaled for the send: the job id, if the answer came, and the
    refunds the order had before."""
    job_id = sent.get("job_id")
    if job_id:
        known = None
        if "job_done" in sent:  # the cancel's own answer: no need to poll at once
            known = JobStatus(bool(sent["job_done"]), sent.get("job_status"))
        status = follow_cancel_job(
            ctx.client, job_id, backoff=ctx.backoff, wait=ctx.wait, cancel=ctx.cancel, known=known
        )
        if status.failed:
            raise StepFailed(
                "; ".join(status.errors)
                or say(QT_TRANSLATE_NOOP(CONTEXT, "Shopify could not cancel the order."))
            )
        if not status.done:
            raise StepPending(job_id)
    state = ctx.state(order_id)
    if not state.cancelled:
        if job_id:
            raise StepFailed(
                say(QT_TRANSLATE_NOOP(CONTEXT, "Shopify finished, but the order is not cancelled."))
            )
        raise StepPending(order_id)
    return _cancel_result(state, sent)


def _resolve_cancel(ctx: StepContext, order_id: str, progress: StepProgress) -> dict[str, Any]:
    if progress.result.get("job_id"):
        return confirm_cancel(ctx, order_id, progress.result)
    grace = ctx.cancel_grace.total_seconds()
    started = ctx.cancel_sent_at.get(order_id)
    if started is None:  # journaled by another process: its wall clock counts for 0..grace
        wall = 0.0 if progress.since is None else (ctx.now() - progress.since).total_seconds()
        started = ctx.monotonic() - min(max(wall, 0.0), grace)
        ctx.cancel_sent_at[order_id] = started
    for delay in [0.0, *ctx.backoff.delays()]:
        if delay and ctx.wait(delay):
            raise StepPending(order_id)
        state = ctx.state(order_id)
        if state.cancelled:
            return _cancel_result(state, progress.result)
        if ctx.monotonic() - started >= grace:
            raise ResendAfterVerify(order_id)
    raise StepPending(order_id)


def being_cancelled(refused: StepFailed) -> bool:
    """Whether Shopify refused a cancel because one is already under way (or done)."""
    text = str(refused).lower()
    return "being cancel" in text or "already been cancel" in text


def follow_pending_cancel(
    ctx: StepContext, order_id: str, progress: StepProgress
) -> dict[str, Any]:
    """A cancel Shopify is still carrying out (its job id was lost): read the order until it
    is cancelled; StepPending if that takes longer than the backoff's deadline."""
    ctx.cancel_sent(order_id)  # a resend later waits a whole grace from now
    for delay in [0.0, *ctx.backoff.delays()]:
        if delay and ctx.wait(delay):
            raise StepPending(order_id)
        state = ctx.state(order_id)
        if state.cancelled:
            return _cancel_result(state, progress.result)
    raise StepPending(order_id)


def _cancel_result(state: OrderState, sent: dict[str, Any]) -> dict[str, Any]:
    before = set(sent.get("refunds_before") or ())
    refunds = [r for r in state.refunds if r.id not in before]
    statuses = [s for r in refunds for s in r.transaction_statuses]
    refunded = None
    if refunds:
        total = refunds[0].amount
        for refund in refunds[1:]:
            total = total + refund.amount
        refunded = [format(total.amount, "f"), total.currency]
    job_id = sent.get("job_id")
    return {
        "job_id": job_id,
        "cancelled": True,
        "refunded": refunded,
        "shopify_ids": [i for i in [job_id, *(r.id for r in refunds)] if i],
        "transaction_statuses": statuses,
        "money_failed": any(s in FAILED_TRANSACTION_STATUSES for s in statuses),
        "money_pending": any(s == "PENDING" for s in statuses),
    }


def refunded_by(result: dict[str, Any]) -> Money | None:
    """What a confirmed cancel step refunded, as read back from the order."""
    value = result.get("refunded")
    return Money.of(str(value[0]), str(value[1])) if isinstance(value, list) else None


def step_refunded(step: Step, basis: Basis, result: dict[str, Any]) -> Money | None:
    """What a confirmed step refunded: for a cancel, what Shopify's order shows it refunded
    (nothing when no refund appeared), never the preview's amount; for a refund, what was
    sent. The journal's outcome and the audit log both record this one amount."""
    planned = step_refund_amount(step, basis)
    if step.kind is StepKind.CANCEL and planned is not None:
        return refunded_by(result) or Money.zero(planned.currency)
    return planned


# -- helpers -------------------------------------------------------------------------------


def _refund_result(refund_id: str, tx_ids: list[Any], statuses: list[Any]) -> dict[str, Any]:
    """What a refund did; a transaction status Shopify did not give counts as still pending."""
    clean = [str(s) if s else UNKNOWN_STATUS for s in statuses]
    return {
        "shopify_ids": [refund_id, *(str(t) for t in tx_ids if t)],
        "transaction_statuses": clean,
        "money_failed": any(s in FAILED_TRANSACTION_STATUSES for s in clean),
        "money_pending": any(s in {"PENDING", UNKNOWN_STATUS} for s in clean),
    }


def _note(ctx: StepContext, order_id: str, line: str) -> dict[str, Any]:
    note = ctx.state(order_id).note
    if line in note:
        return {}
    combined = f"{note.rstrip()}\n{line}" if note.strip() else line
    # A decline refuses a reason that does not fit beside the note it read; only a note that
    # grew in Shopify since then can overflow here: keep the newest lines, drop the oldest.
    if len(combined) > NOTE_LIMIT:
        combined = combined[-NOTE_LIMIT:].split("\n", 1)[-1]
    _mutate(ctx, "order_update_note", {"id": order_id, "note": combined})
    return {}


def _no_hold_left(state: OrderState, variables: dict[str, Any]) -> bool:
    """Nothing left to release: the hold is gone, or its fulfillment order has closed (a
    refund of its last unshipped items closes it, holds and all)."""
    fo = state.fulfillment_order(variables["id"])
    if fo is None or fo.status in CLOSED_FULFILLMENT_ORDER_STATUSES:
        return True
    wanted = set(variables.get("holdIds") or ())
    remaining = {hold_id for hold_id, _ in fo.holds}
    return not (remaining & wanted if wanted else remaining)


def _native_answered(ctx: StepContext, order_id: str, step: Step) -> bool:
    """Whether the customer's native request already has the answer this step gives."""
    wanted = "DECLINED" if step.kind is StepKind.DECLINE_NATIVE else "RESOLVED"
    data = ctx.client.query(
        documents.own("requested_order_edit_status"), {"orderId": order_id}, cancel=ctx.cancel
    )
    edits = ((data.get("order") or {}).get("requestedOrderEdits") or {}).get("nodes") or ()
    return any(e["id"] == step.variables["id"] and e["status"] == wanted for e in edits)


def _mutate(
    ctx: StepContext, name: str, variables: dict[str, Any], *, payload: str | None = None
) -> dict[str, Any]:
    document = documents.client(name)
    try:
        return ctx.client.mutate(document, variables, payload=payload, cancel=ctx.cancel)
    except UserErrors as errors:
        raise StepFailed("; ".join(e.message for e in errors.errors)) from errors
