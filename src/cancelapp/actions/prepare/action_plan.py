"""An action plan: the ordered Shopify calls for one decision, and its preview.

Plans are pure data built by `cancelapp.actions.prepare.decline_hold_restock` from an order, a
request, the policy's suggested action and Shopify's suggested refund. They are journaled as JSON
before anything is sent, so a plan interrupted by a crash is finished, never repeated.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from cancelapp.actions.carry_out.verify import Basis
from cancelapp.actions.prepare.preview import Preview
from cancelapp.actions.prepare.steps import Step, StepKind
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.order import CANCELAPP_HOLD_HANDLE
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase


class PlanRefused(Exception):
    """The action cannot be planned for this order; `phrase` says why in plain words."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.render_plain())
        self.phrase = phrase

    @property
    def merchant_message(self) -> str:
        return self.phrase.render_plain()


# What CancelApp writes on the order in Shopify, in the merchant's language (`words` below).
SHOPIFY_TEXT = "ShopifyText"
HOLD_NOTE = Phrase(
    SHOPIFY_TEXT,
    QT_TRANSLATE_NOOP(
        SHOPIFY_TEXT, "Customer asked to cancel; on hold in CancelApp until decided."
    ),
)


@dataclass(frozen=True)
class ActionSettings:
    """Merchant settings the plans follow (the UI's settings page fills these in).

    `words` renders text written to Shopify (order and staff notes) in the merchant's
    language; tags stay as configured."""

    decline_tag: str = "cancel-declined"
    hold_handle: str = CANCELAPP_HOLD_HANDLE
    undo_seconds: float = 10.0
    words: Callable[[Phrase], str] = Phrase.render_plain

    @property
    def hold_note(self) -> str:
        return self.words(HOLD_NOTE)


@dataclass(frozen=True)
class ActionPlan:
    plan_id: str
    store_id: int
    request_id: int | None
    order_id: str
    order_name: str
    kind: ActionKind
    steps: tuple[Step, ...]
    basis: Basis
    suggestion: dict[str, Any] | None = None  # suggestedRefund variables, to re-verify
    preview: Preview | None = None  # None once read back from the journal
    policy_snapshot: str | None = None  # the policy a queued (offline) decision was made under
    reason: str | None = None  # what the merchant typed (a decline's reason), kept with it
    choices: dict[str, Any] | None = None  # an approve's `ApproveChoices`, as chosen

    @staticmethod
    def new_id() -> str:
        return str(uuid.uuid4())

    @property
    def idempotency_keys(self) -> tuple[str, ...]:
        return tuple(s.idempotency_key for s in self.steps if s.idempotency_key)

    @property
    def refund_total(self) -> Money | None:
        """Money this plan sends back (cancel refunds as suggested, refunds as sent)."""
        total: Money | None = None
        for step in self.steps:
            amount = step_refund_amount(step, self.basis)
            if amount is not None:
                total = amount if total is None else total + amount
        return total

    def with_policy_snapshot(self, snapshot: str) -> ActionPlan:
        return replace(self, policy_snapshot=snapshot)

    def to_json(self) -> dict[str, Any]:
        return {
            "plan_id": self.plan_id,
            "store_id": self.store_id,
            "request_id": self.request_id,
            "order_id": self.order_id,
            "order_name": self.order_name,
            "kind": self.kind.value,
            "steps": [s.to_json() for s in self.steps],
            "basis": self.basis.to_json(),
            "suggestion": self.suggestion,
            "policy_snapshot": self.policy_snapshot,
            "reason": self.reason,
            "choices": self.choices,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ActionPlan:
        return cls(
            plan_id=str(data["plan_id"]),
            store_id=int(data["store_id"]),
            request_id=data.get("request_id"),
            order_id=str(data["order_id"]),
            order_name=str(data["order_name"]),
            kind=ActionKind(data["kind"]),
            steps=tuple(Step.from_json(s) for s in data["steps"]),
            basis=Basis.from_json(data["basis"]),
            suggestion=data.get("suggestion"),
            policy_snapshot=data.get("policy_snapshot"),
            reason=data.get("reason"),
            choices=data.get("choices"),
        )


def step_refund_amount(step: Step, basis: Basis) -> Money | None:
    """What one step refunds: a cancel with a refund method refunds the suggested amount."""
    if step.kind is StepKind.CANCEL:
        return basis.refund_amount if step.variables.get("refundMethod") else None
    if step.kind is not StepKind.REFUND:
        return None
    refund_input = step.variables["input"]
    currency = str(refund_input["currency"])
    total = Money.zero(currency)
    for tx in refund_input.get("transactions") or ():
        total = total + Money(Decimal(tx["amount"]), currency)
    for method in refund_input.get("refundMethods") or ():
        total = total + Money.from_shopify(method["storeCreditRefund"]["amount"])
    return total


@dataclass(frozen=True)
class HeldFulfillment:
    """A hold CancelApp placed (from the journal), released when the request is declined."""

    fulfillment_order_id: str
    hold_id: str | None = None
    location_name: str | None = None
