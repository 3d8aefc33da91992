"""Money-moving steps and their journal states."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from cancelapp.domain.states import ActionState as ActionState


class ActionKind(StrEnum):
    CANCEL = "cancel"  # orderCancel (with or without refund)
    REFUND = "refund"  # refundCreate (partial, after a fee)
    RESTOCK = "restock"  # inventoryAdjustQuantities
    DECLINE = "decline"  # tag + note (+ requestedOrderEditDecline)
    HOLD = "hold"  # fulfillmentOrderHold
    RELEASE_HOLD = "release_hold"
    CANCELLATION_REQUEST = "cancellation_request"  # fulfillmentOrderSubmitCancellationRequest
    RESOLVE_NATIVE = "resolve_native"  # requestedOrderEditResolve
    NOTE = "note"


TERMINAL_STATES = frozenset(
    {ActionState.DONE, ActionState.FAILED, ActionState.UNDONE, ActionState.CONFLICT}
)


@dataclass(frozen=True)
class Action:
    id: int | None
    request_id: int | None
    store_id: int
    order_id: str
    kind: ActionKind
    state: ActionState
    params: dict[str, Any] = field(default_factory=dict)  # JSON-safe
    idempotency_key: str | None = None
    created_at: datetime | None = None
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
