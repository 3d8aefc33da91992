"""One Shopify call of a plan, with the variables it sends, ready to journal as JSON.

A step's `variables` are exactly what goes to Shopify (JSON-safe; amounts as decimal text),
so the journal holds what was confirmed and a resumed plan sends the same thing. Keys for
`refundCreate` and `inventoryAdjustQuantities` are made when the plan is built and journaled
before the first send, so a retry after a crash reuses them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class StepKind(StrEnum):
    CANCEL = "cancel"  # orderCancel
    REFUND = "refund"  # refundCreate
    RESTOCK = "restock"  # inventoryAdjustQuantities
    TAG = "tag"  # tagsAdd
    NOTE = "note"  # orderUpdate(note): variables {"id", "line"}, appended once
    DECLINE_NATIVE = "decline_native"  # requestedOrderEditDecline
    RESOLVE_NATIVE = "resolve_native"  # requestedOrderEditResolve
    HOLD = "hold"  # fulfillmentOrderHold
    RELEASE_HOLD = "release_hold"  # fulfillmentOrderReleaseHold
    SUBMIT_CANCELLATION = "submit_cancellation"  # fulfillmentOrderSubmitCancellationRequest


# `Order.note`'s maximum length: a line CancelApp adds must fit beside the merchant's note.
ORDER_NOTE_LIMIT = 5000


def new_key() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Step:
    kind: StepKind
    variables: dict[str, Any] = field(default_factory=dict)
    idempotency_key: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "variables": self.variables, "key": self.idempotency_key}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Step:
        return cls(StepKind(data["kind"]), dict(data["variables"]), data.get("key"))
