"""What the policy says about a request, and why."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.states import Outcome as Outcome


class RefundMethod(StrEnum):
    ORIGINAL = "original"  # back to the original payment methods
    STORE_CREDIT = "store_credit"
    NONE = "none"  # cancel without refund


@dataclass(frozen=True)
class ProcessingFee:
    """Kept from the refund: a percentage of the refundable amount plus a fixed amount."""

    percent: Decimal = Decimal("0")
    fixed: Money | None = None

    def on(self, refundable: Money) -> Money:
        fee = refundable * (self.percent / Decimal(100))
        if self.fixed is not None:
            fee = fee + self.fixed
        capped = min(fee.amount, refundable.amount)
        return Money(max(capped, Decimal("0")), refundable.currency).quantized()


@dataclass(frozen=True)
class SuggestedAction:
    refund_method: RefundMethod = RefundMethod.ORIGINAL
    restock: bool = True
    notify_customer: bool = True
    reason: str = "CUSTOMER"  # `OrderCancelReason`
    store_credit_expires_at: datetime | None = None
    fee: ProcessingFee | None = None

    @property
    def keeps_fee(self) -> bool:
        return self.fee is not None and (self.fee.percent > 0 or self.fee.fixed is not None)

    def decided_at(self, now: datetime, judged_at: datetime | None) -> SuggestedAction:
        """The action carried out at `now`, suggested by a verdict judged at `judged_at`: a
        store credit's expiry counts from the decision, not from the judging."""
        expires = self.store_credit_expires_at
        if expires is None or judged_at is None or now <= judged_at:
            return self
        return replace(self, store_credit_expires_at=expires + (now - judged_at))


@dataclass(frozen=True)
class ConditionCheck:
    """One condition the engine looked at: "placed 3 h 12 min ago, window 24 h: inside"."""

    condition: str  # the condition's key in the policy file
    text: Phrase
    matched: bool


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    rule: str  # name of the rule that decided
    reasons: tuple[Phrase, ...]
    checks: tuple[ConditionCheck, ...]
    action: SuggestedAction | None = None  # only for APPROVE
    reply: Phrase | None = None  # suggested reply to the customer for DENY
    statutory_withdrawal: bool = False  # EU/EEA consumer withdrawing in time: no fee, same means
    # The last moment it holds: a time-based condition answers otherwise after it (the end
    # of a "requested within 24 h" window). None: time alone never changes it.
    valid_until: datetime | None = None

    def expired(self, now: datetime) -> bool:
        return self.valid_until is not None and now > self.valid_until

    @property
    def first_reason(self) -> Phrase | None:
        return self.reasons[0] if self.reasons else None
