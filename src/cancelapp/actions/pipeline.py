"""Running a journaled plan step by step: journal, send, confirm, journal again.

Every step is marked `sending` (committed) before its request leaves and `done` (committed)
after its outcome is confirmed by Shopify's answer or by reading the order. A step found
`sending` on resumption is resolved from the order's real state (`execute.resolve`). The
`checkpoint` hook is called at each boundary, so a test can stop the process exactly there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial

from cancelapp.actions.cancel_job import Stopped
from cancelapp.actions.execute import (
    ResendAfterVerify,
    StepContext,
    StepFailed,
    StepPending,
    confirm_cancel,
    refunded_by,
    resolve,
    send,
)
from cancelapp.actions.journal import JournaledPlan, StepProgress, StepState, save_progress
from cancelapp.actions.outcome import Outcome, OutcomeStatus
from cancelapp.actions.plan import ActionPlan, step_refund_amount
from cancelapp.actions.steps import StepKind
from cancelapp.actions.verify import Conflict
from cancelapp.domain.action import ActionState
from cancelapp.domain.money import Money
from cancelapp.shopify.errors import OutcomeUnknown, ShopifyError
from cancelapp.store.database import Database

Checkpoint = Callable[[str], None]
Verifier = Callable[[ActionPlan], Conflict | None]
StepDone = Callable[[JournaledPlan, int, dict[str, object], sqlite3.Connection], None]

PENDING_MESSAGE = (
    "Shopify has not confirmed this yet. CancelApp keeps it and checks the order again "
    "before doing anything more."
)


class ConflictFound(Exception):
    def __init__(self, conflict: Conflict) -> None:
        super().__init__(conflict.merchant_message)
        self.conflict = conflict


@dataclass
class Pipeline:
    db: Database
    ctx: StepContext
    verify: Verifier
    checkpoint: Checkpoint
    on_step_done: StepDone
    clock: Callable[[], datetime]

    def run(self, entry: JournaledPlan) -> tuple[JournaledPlan, Outcome]:
        """Run (or resume) every step not done; returns the journaled result and outcome."""
        plan = entry.plan
        for index, step in enumerate(plan.steps):
            if entry.steps[index].state is StepState.DONE:
                continue
            try:
                if entry.steps[index].state is StepState.SENDING:
                    entry, result = self._resolve(entry, index)
                else:
                    entry, result = self._send(entry, index)
            except StepFailed as failed:
                return self._failed(entry, index, str(failed))
            except ConflictFound as found:
                entry = save_progress(
                    self.db,
                    entry,
                    ActionState.CONFLICT,
                    now=self.clock(),
                    error=found.conflict.merchant_message,
                )
                return entry, _outcome(
                    entry,
                    OutcomeStatus.CONFLICT,
                    found.conflict.merchant_message,
                    conflict=found.conflict,
                )
            except (StepPending, Stopped, ShopifyError) as pending:
                message = pending.merchant_message if isinstance(pending, ShopifyError) else ""
                return entry, _outcome(
                    entry, OutcomeStatus.PENDING, f"{message} {PENDING_MESSAGE}".strip()
                )
            self.checkpoint(f"{step.kind}:confirmed")
            done = entry.with_step(index, StepProgress(StepState.DONE, result, self.clock()))
            entry = save_progress(  # the step's audit entry commits with it, or neither does
                self.db,
                done,
                done.state,
                now=self.clock(),
                also=partial(self.on_step_done, done, index, result),
            )
        entry = save_progress(self.db, entry, ActionState.DONE, now=self.clock())
        return entry, _done(entry)

    def _send(self, entry: JournaledPlan, index: int) -> tuple[JournaledPlan, dict[str, object]]:
        step = entry.plan.steps[index]
        noted: dict[str, object] = {}
        if step.kind is StepKind.CANCEL:  # to tell the cancel's refunds from earlier ones
            noted["refunds_before"] = [r.id for r in self.ctx.state(entry.plan.order_id).refunds]
        entry = self._mark(entry, index, StepProgress(StepState.SENDING, noted, self.clock()))
        self.checkpoint(f"{step.kind}:journaled")
        try:
            result = send(self.ctx, step)
        except OutcomeUnknown:
            return self._resolve(entry, index)
        self.checkpoint(f"{step.kind}:response")
        if step.kind is StepKind.CANCEL:
            progress = StepProgress(
                StepState.SENDING, {**noted, **result}, entry.steps[index].since
            )
            entry = self._mark(entry, index, progress, ActionState.CONFIRMING)
            result = confirm_cancel(self.ctx, entry.plan.order_id, progress.result)
        return entry, result

    def _resolve(self, entry: JournaledPlan, index: int) -> tuple[JournaledPlan, dict[str, object]]:
        step = entry.plan.steps[index]
        try:
            return entry, resolve(self.ctx, entry.plan.order_id, step, entry.steps[index])
        except ResendAfterVerify:
            pass
        # The cancel certainly did not happen: send it again, as if new, once re-verified.
        conflict = self.verify(entry.plan)
        if conflict is not None:
            raise ConflictFound(conflict)
        try:
            return self._send(entry, index)
        except StepFailed:
            if self.ctx.state(entry.plan.order_id).cancelled:  # the first one won after all
                return entry, resolve(self.ctx, entry.plan.order_id, step, entry.steps[index])
            raise

    def _failed(
        self, entry: JournaledPlan, index: int, reason: str
    ) -> tuple[JournaledPlan, Outcome]:
        entry = entry.with_step(
            index, replace(entry.steps[index], state=StepState.FAILED, result={"error": reason})
        )
        done = [
            entry.plan.steps[i].kind.value
            for i, p in enumerate(entry.steps)
            if p.state is StepState.DONE
        ]
        failed_kind = entry.plan.steps[index].kind.value
        message = f"Shopify did not do the {failed_kind}: {reason}"
        if done:
            message += f" (already done: {', '.join(done)})"
        entry = save_progress(self.db, entry, ActionState.FAILED, now=self.clock(), error=message)
        return entry, _outcome(entry, OutcomeStatus.FAILED, message)

    def _mark(
        self,
        entry: JournaledPlan,
        index: int,
        progress: StepProgress,
        state: ActionState | None = None,
    ) -> JournaledPlan:
        entry = entry.with_step(index, progress)
        return save_progress(self.db, entry, state or entry.state, now=self.clock())


def _outcome(
    entry: JournaledPlan,
    status: OutcomeStatus,
    message: str | None = None,
    conflict: Conflict | None = None,
) -> Outcome:
    plan = entry.plan
    return Outcome(
        status,
        plan.plan_id,
        plan.order_id,
        plan.order_name,
        plan.kind,
        action_id=entry.action_id,
        message=message,
        conflict=conflict,
        due_at=entry.due_at,
    )


def _done(entry: JournaledPlan) -> Outcome:
    plan = entry.plan
    ids: list[str] = []
    warnings: list[str] = []
    refunded: Money | None = None
    for step, progress in zip(plan.steps, entry.steps, strict=True):
        result = progress.result
        ids += [str(i) for i in result.get("shopify_ids", ())]
        if result.get("money_failed"):
            warnings.append("A refund payment failed at the payment provider; check it in Shopify.")
        elif result.get("money_pending"):
            warnings.append("A refund payment is still pending at the payment provider.")
        amount = step_refund_amount(step, plan.basis)
        if step.kind is StepKind.CANCEL and amount is not None:
            actual = refunded_by(result) or Money.zero(amount.currency)
            if actual != amount:
                warnings.append(
                    f"Shopify refunded {actual}, but the preview said {amount}. "
                    "Check the order in Shopify."
                )
            amount = actual
        if amount is not None:
            refunded = amount if refunded is None else refunded + amount
    return Outcome(
        OutcomeStatus.DONE,
        plan.plan_id,
        plan.order_id,
        plan.order_name,
        plan.kind,
        action_id=entry.action_id,
        refunded=refunded,
        shopify_ids=tuple(ids),
        warnings=tuple(warnings),
    )
