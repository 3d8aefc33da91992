"""Side records of every plan: the audit log, the request's state and the decision taken."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

from cancelapp.actions.carry_out.plan_journal import JournaledPlan
from cancelapp.actions.carry_out.send_step import step_refunded
from cancelapp.actions.carry_out.verify import Conflict
from cancelapp.actions.outcome import Outcome, OutcomeStatus
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.request import RequestState
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.audit_codes import PlanEvent
from cancelapp.store.journal import mark_stopped, record_decision
from cancelapp.store.phrase_json import phrase_to_json
from cancelapp.store.requests import set_state, stored_verdict

DECIDING_KINDS = frozenset({ActionKind.CANCEL, ActionKind.REFUND, ActionKind.DECLINE})
FINAL_REQUEST_STATE = {
    ActionKind.CANCEL: RequestState.DONE,
    ActionKind.REFUND: RequestState.DONE,
    ActionKind.DECLINE: RequestState.DECLINED,
}


class Records:
    """Writes the side records inside the caller's transaction, so a plan's journal state and
    its audit entry and request state are committed together or not at all."""

    def __init__(self, who: str, clock: Callable[[], datetime]) -> None:
        self.who = who
        self.clock = clock

    def started(self, conn: sqlite3.Connection, entry: JournaledPlan) -> None:
        self._write(
            conn, entry.plan, PlanEvent.STARTED, entry, RequestState.IN_PROGRESS, decide=True
        )

    def queued(self, conn: sqlite3.Connection, entry: JournaledPlan) -> None:
        due = entry.due_at.isoformat() if entry.due_at else None
        self._write(
            conn,
            entry.plan,
            PlanEvent.QUEUED,
            entry,
            RequestState.QUEUED,
            decide=True,
            detail={"due_at": due},
        )

    def taken_back(
        self, conn: sqlite3.Connection, entry: JournaledPlan, *, stopped: bool = False
    ) -> None:
        """Back with the merchant, nothing sent: by Undo, or (`stopped`) by Stop in a bulk
        after the undo window, which the journal's entry says too (`mark_stopped`)."""
        if stopped:
            mark_stopped(conn, entry.action_id)
        event = PlanEvent.NOT_SENT if stopped else PlanEvent.TAKEN_BACK
        self._write(conn, entry.plan, event, entry, RequestState.OPEN)

    def conflict(
        self,
        conn: sqlite3.Connection,
        plan: ActionPlan,
        conflict: Conflict,
        entry: JournaledPlan | None = None,
    ) -> None:
        changes = [c.render_plain() for c in conflict.changes]
        self._write(
            conn,
            plan,
            PlanEvent.STOPPED,
            entry,
            RequestState.OPEN,
            detail={
                "changes": changes,
                # translated when shown: the request is back for a decision with these
                "change_phrases": [phrase_to_json(c) for c in conflict.changes],
            },
        )

    def step_done(
        self, entry: JournaledPlan, index: int, result: dict[str, Any], conn: sqlite3.Connection
    ) -> None:
        """Audit one confirmed step, inside the transaction that marks it done."""
        plan = entry.plan
        step = plan.steps[index]
        append_audit(
            conn,
            AuditEntry(
                at=self.clock(),
                who=self.who,
                what=step.kind.value,
                store_id=plan.store_id,
                amount=step_refunded(step, plan.basis, result),
                order_gid=plan.order_id,
                shopify_ids=tuple(str(i) for i in result.get("shopify_ids", ())),
                request_id=plan.request_id,
                action_id=entry.action_id,
                detail={
                    "plan_id": plan.plan_id,
                    "step": index,
                    "key": step.idempotency_key,
                    "transaction_statuses": result.get("transaction_statuses", []),
                },
            ),
        )

    def finished(self, conn: sqlite3.Connection, entry: JournaledPlan, outcome: Outcome) -> None:
        """The plan's end, inside the transaction that journals it as ended."""
        if outcome.status is OutcomeStatus.DONE:
            self._write(
                conn,
                entry.plan,
                PlanEvent.DONE,
                entry,
                FINAL_REQUEST_STATE.get(entry.plan.kind),
                amount=outcome.refunded,
                ids=outcome.shopify_ids,
                detail={
                    "warnings": [w.render_plain() for w in outcome.warnings],
                    "warning_phrases": [phrase_to_json(w) for w in outcome.warnings],
                },
            )
        elif outcome.status is OutcomeStatus.FAILED:
            said = outcome.message
            self._write(
                conn,
                entry.plan,
                PlanEvent.FAILED,
                entry,
                RequestState.FAILED,
                detail={
                    "error": outcome.plain_message,
                    "error_phrase": None if said is None else phrase_to_json(said),
                },
            )
        elif outcome.status is OutcomeStatus.CONFLICT and outcome.conflict is not None:
            self.conflict(conn, entry.plan, outcome.conflict, entry)

    def _write(
        self,
        conn: sqlite3.Connection,
        plan: ActionPlan,
        event: PlanEvent,
        entry: JournaledPlan | None,
        request_state: RequestState | None,
        *,
        decide: bool = False,
        amount: Money | None = None,
        ids: tuple[str, ...] = (),
        detail: dict[str, Any] | None = None,
    ) -> None:
        now = self.clock()
        if amount is None and event in (PlanEvent.STARTED, PlanEvent.QUEUED):
            amount = plan.refund_total
        append_audit(
            conn,
            AuditEntry(
                at=now,
                who=self.who,
                what=f"{plan.kind.value} {event}",
                store_id=plan.store_id,
                amount=amount,
                order_gid=plan.order_id,
                shopify_ids=ids,
                request_id=plan.request_id,
                action_id=entry.action_id if entry else None,
                detail={"plan_id": plan.plan_id, "order": plan.order_name, **(detail or {})},
            ),
        )
        if plan.kind not in DECIDING_KINDS or plan.request_id is None:
            return
        if request_state is not None:
            set_state(conn, plan.request_id, request_state, now=now)
        if decide:
            shown = stored_verdict(conn, plan.request_id)  # what the merchant decided under
            record_decision(
                conn,
                plan.request_id,
                outcome=plan.kind.value,
                policy_snapshot={"policy": plan.policy_snapshot, "plan": plan.plan_id},
                decided_by=self.who,
                decided_at=now,
                note=plan.reason,
                verdict=None if shown is None else shown.verdict,
                verdict_policy_hash=None if shown is None else shown.policy_hash,
            )
