"""Running a journaled plan step by step: journal, send, confirm, journal again.

Every step is marked `sending` (committed) before its request leaves and `done` (committed)
after its outcome is confirmed by Shopify's answer or by reading the order. A step found
`sending` on resumption is resolved from the order's real state (`execute.resolve`). The
plan's end (done, failed, conflict) is committed in one transaction with its last step, its
audit entry and the request's new state, so a crash cannot leave one without the others. The
`checkpoint` hook is called at each boundary, so a test can stop the process exactly there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial

from cancelapp.actions.carry_out.cancel_job import Stopped
from cancelapp.actions.carry_out.order_state import OrderGone
from cancelapp.actions.carry_out.outcome_words import CONTEXT, PENDING, say, step_name
from cancelapp.actions.carry_out.plan_journal import (
    JournaledPlan,
    StepProgress,
    StepState,
    save_progress,
)
from cancelapp.actions.carry_out.send_step import (
    ResendAfterVerify,
    StepContext,
    StepFailed,
    StepPending,
    being_cancelled,
    confirm_cancel,
    follow_pending_cancel,
    resolve,
    send,
    step_refunded,
)
from cancelapp.actions.carry_out.verify import Conflict, Recheck
from cancelapp.actions.outcome import Outcome, OutcomeStatus, outcome_of
from cancelapp.actions.prepare.action_plan import ActionPlan, step_refund_amount
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.domain.action import ActionState
from cancelapp.domain.money import Money
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, joined
from cancelapp.shopify.errors import OutcomeUnknown, ShopifyError
from cancelapp.store.database import Database

Checkpoint = Callable[[str], None]
Verifier = Callable[[ActionPlan], Recheck]
StepDone = Callable[[JournaledPlan, int, dict[str, object], sqlite3.Connection], None]
Finished = Callable[[sqlite3.Connection, JournaledPlan, Outcome], None]


class ConflictFound(Exception):
    def __init__(self, conflict: Conflict) -> None:
        super().__init__(conflict.merchant_message)
        self.conflict = conflict


def known_before_sending(recheck: Recheck) -> StepProgress:
    """The first step's progress before it is sent: the refunds the order had when it was
    last verified, to tell a cancel's own refunds from earlier ones without another read."""
    return StepProgress(result={"refunds_before": list(recheck.refund_ids)})


@dataclass
class Pipeline:
    db: Database
    ctx: StepContext
    verify: Verifier
    checkpoint: Checkpoint
    on_step_done: StepDone
    on_finished: Finished
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
                why = say(
                    QT_TRANSLATE_NOOP(CONTEXT, "Shopify did not do the {step}: {reason}"),
                    step=step_name(step.kind.value),
                    reason=failed.reason,
                )
                return self._failed(entry, index, why)
            except OrderGone:  # deleted in Shopify: nothing there to finish or to check
                why = say(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The order no longer exists in Shopify, so CancelApp cannot check "
                        "whether the {step} happened. Look at the order's history in Shopify.",
                    ),
                    step=step_name(step.kind.value),
                )
                return self._failed(entry, index, why)
            except ConflictFound as found:
                return self.end_in_conflict(entry, found.conflict)
            except (StepPending, Stopped, ShopifyError) as pending:
                text = PENDING
                if isinstance(pending, ShopifyError):
                    text = say("{problem} {pending}", problem=pending.phrase, pending=PENDING)
                return entry, outcome_of(plan, OutcomeStatus.PENDING, text, entry=entry)
            self.checkpoint(f"{step.kind}:confirmed")
            entry = entry.with_step(index, StepProgress(StepState.DONE, result, self.clock()))
            audit_step = partial(self.on_step_done, entry, index, result)
            if entry.next_step is None:  # the last step: the plan ends in the same commit
                return self._end(entry, ActionState.DONE, _done(entry), also=audit_step)
            entry = save_progress(self.db, entry, entry.state, now=self.clock(), also=audit_step)
        return self._end(entry, ActionState.DONE, _done(entry))

    def end_in_conflict(
        self, entry: JournaledPlan, conflict: Conflict
    ) -> tuple[JournaledPlan, Outcome]:
        """End a journaled plan because the order changed (nothing more is sent)."""
        outcome = outcome_of(
            entry.plan, OutcomeStatus.CONFLICT, conflict.phrase, entry=entry, conflict=conflict
        )
        return self._end(entry, ActionState.CONFLICT, outcome, error=conflict.merchant_message)

    def end_unsent(self, entry: JournaledPlan, problem: Phrase) -> tuple[JournaledPlan, Outcome]:
        """End a journaled plan of which nothing was sent, because the order could not be
        checked first: failed, so its request comes back for a decision with why."""
        why = say(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Nothing was sent: CancelApp could not check the order in Shopify first. "
                "{problem} Decide again.",
            ),
            problem=problem,
        )
        return self._failed(entry, 0, why)

    def _end(
        self,
        entry: JournaledPlan,
        state: ActionState,
        outcome: Outcome,
        *,
        error: str | None = None,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> tuple[JournaledPlan, Outcome]:
        """Commit the plan's end with its records (and `also`'s writes) in one transaction."""
        ended = replace(entry, state=state, error=error)

        def records(conn: sqlite3.Connection) -> None:
            if also is not None:
                also(conn)
            self.checkpoint("plan:finishing")  # inside the transaction: dying here loses all
            self.on_finished(conn, ended, outcome)

        entry = save_progress(self.db, entry, state, now=self.clock(), error=error, also=records)
        return entry, outcome

    def _send(self, entry: JournaledPlan, index: int) -> tuple[JournaledPlan, dict[str, object]]:
        step = entry.plan.steps[index]
        noted: dict[str, object] = {}
        if step.kind is StepKind.CANCEL:  # to tell the cancel's refunds from earlier ones
            noted["refunds_before"] = entry.steps[index].result["refunds_before"]
        entry = self._mark(entry, index, StepProgress(StepState.SENDING, noted, self.clock()))
        if step.kind is StepKind.CANCEL:
            self.ctx.cancel_sent(entry.plan.order_id)
        self.checkpoint(f"{step.kind}:journaled")
        try:
            result = send(self.ctx, entry.plan.order_id, step)
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
        recheck = self.verify(entry.plan)
        if recheck.conflict is not None:
            order_id = entry.plan.order_id
            if self.ctx.state(order_id).cancelled:
                # The first cancel's job ended between the look and the check: it is this
                # plan's own cancel, not a change to stop for (the fee refund still follows).
                return entry, resolve(self.ctx, order_id, step, entry.steps[index])
            raise ConflictFound(recheck.conflict)
        progress = entry.steps[index]
        known = known_before_sending(recheck).result
        entry = entry.with_step(index, replace(progress, result={**progress.result, **known}))
        try:
            return self._send(entry, index)
        except StepFailed as refused:
            order_id = entry.plan.order_id
            if self.ctx.state(order_id).cancelled:  # the first one won after all
                return entry, resolve(self.ctx, order_id, step, entry.steps[index])
            if being_cancelled(refused):  # the first one is still running: follow it
                return entry, follow_pending_cancel(self.ctx, order_id, entry.steps[index])
            raise

    def _failed(
        self, entry: JournaledPlan, index: int, message: Phrase
    ) -> tuple[JournaledPlan, Outcome]:
        plain = message.render_plain()
        entry = entry.with_step(
            index, replace(entry.steps[index], state=StepState.FAILED, result={"error": plain})
        )
        done = joined(
            [
                step_name(entry.plan.steps[i].kind.value)
                for i, p in enumerate(entry.steps)
                if p.state is StepState.DONE
            ]
        )
        if done is not None:
            message = say(
                QT_TRANSLATE_NOOP(CONTEXT, "{message} (already done: {steps})"),
                message=message,
                steps=done,
            )
        outcome = outcome_of(entry.plan, OutcomeStatus.FAILED, message, entry=entry)
        return self._end(entry, ActionState.FAILED, outcome, error=message.render_plain())

    def _mark(
        self,
        entry: JournaledPlan,
        index: int,
        progress: StepProgress,
        state: ActionState | None = None,
    ) -> JournaledPlan:
        entry = entry.with_step(index, progress)
        return save_progress(self.db, entry, state or entry.state, now=self.clock())


def _done(entry: JournaledPlan) -> Outcome:
    plan = entry.plan
    ids: list[str] = []
    warnings: list[Phrase] = []
    refunded: Money | None = None
    for step, progress in zip(plan.steps, entry.steps, strict=True):
        result = progress.result
        ids += [str(i) for i in result.get("shopify_ids", ())]
        if result.get("money_failed"):
            warnings.append(
                say(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "A refund payment failed at the payment provider; check it in Shopify.",
                    )
                )
            )
        elif result.get("money_pending"):
            warnings.append(
                say(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "A refund payment is still pending at the payment provider."
                    )
                )
            )
        planned = step_refund_amount(step, plan.basis)
        amount = step_refunded(step, plan.basis, result)
        if planned is not None and amount is not None and amount != planned:
            warnings.append(
                say(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "Shopify refunded {actual}, but the preview said {amount}. "
                        "Check the order in Shopify.",
                    ),
                    actual=amount,
                    amount=planned,
                )
            )
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
