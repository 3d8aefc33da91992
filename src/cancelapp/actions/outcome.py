"""What happened to a plan, for the UI: done, failed, conflict, queued, still pending, busy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cancelapp.actions.carry_out.plan_journal import JournaledPlan
from cancelapp.actions.carry_out.verify import Conflict
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase


class OutcomeStatus(StrEnum):
    DONE = "done"
    FAILED = "failed"  # Shopify declined a step; `message` says what was and was not done
    CONFLICT = "conflict"  # the order changed since the preview; nothing was sent
    QUEUED = "queued"  # waiting for its undo window to pass, or for the network
    PENDING = "pending"  # sent, answer not known yet; reconciled from the journal later
    UNDONE = "undone"  # taken back before it was sent
    BUSY = "busy"  # another action for this order is still running


@dataclass(frozen=True)
class Outcome:
    status: OutcomeStatus
    plan_id: str
    order_id: str
    order_name: str
    kind: ActionKind
    action_id: int | None = None
    message: Phrase | None = None  # the merchant's words, translated when shown
    conflict: Conflict | None = None
    refunded: Money | None = None
    shopify_ids: tuple[str, ...] = ()
    warnings: tuple[Phrase, ...] = ()
    due_at: datetime | None = None
    unreachable: bool = False  # QUEUED because Shopify could not be reached (not held up)

    @property
    def plain_message(self) -> str:
        """The message in English, for logs, the journal and tests."""
        return "" if self.message is None else self.message.render_plain()


def outcome_of(
    plan: ActionPlan,
    status: OutcomeStatus,
    message: Phrase | None = None,
    *,
    entry: JournaledPlan | None = None,
    conflict: Conflict | None = None,
) -> Outcome:
    """An outcome without money figures; `entry` when the plan is in the journal."""
    return Outcome(
        status,
        plan.plan_id,
        plan.order_id,
        plan.order_name,
        plan.kind,
        action_id=entry.action_id if entry else None,
        message=message,
        conflict=conflict,
        due_at=entry.due_at if entry else None,
    )
