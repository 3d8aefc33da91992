"""A merchant's cancellation policy: an ordered list of rules, each conditions plus an outcome.

The values here are already validated; `cancelapp.policy.parsing` builds them from TOML.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from enum import StrEnum

from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, RiskLevel
from cancelapp.domain.verdict import Outcome, RefundMethod

POLICY_VERSION = 1


class WindowKind(StrEnum):
    FIXED = "fixed"  # a number of minutes
    SHOP = "shop"  # the store's own edit window, else 24 hours
    UNTIL_FULFILLMENT = "until fulfillment"  # open until anything ships


@dataclass(frozen=True)
class Window:
    kind: WindowKind
    minutes: int = 0  # only for FIXED

    @classmethod
    def fixed(cls, minutes: int) -> Window:
        return cls(WindowKind.FIXED, minutes)


SHOP_WINDOW = Window(WindowKind.SHOP)
UNTIL_FULFILLMENT_WINDOW = Window(WindowKind.UNTIL_FULFILLMENT)


class FulfilledItems(StrEnum):
    """How much of the order (or of the requested lines) has been fulfilled."""

    NONE = "none"
    ANY = "any"
    ALL = "all"


class CancelReason(StrEnum):
    """`OrderCancelReason`."""

    CUSTOMER = "CUSTOMER"
    DECLINED = "DECLINED"
    FRAUD = "FRAUD"
    INVENTORY = "INVENTORY"
    OTHER = "OTHER"
    STAFF = "STAFF"


@dataclass(frozen=True)
class Conditions:
    """All given conditions must hold; `None` means "not checked"."""

    placed_within: Window | None = None
    placed_outside: Window | None = None
    requested_within: Window | None = None
    requested_outside: Window | None = None
    financial_status: frozenset[FinancialStatus] | None = None
    fulfillment_status: frozenset[FulfillmentStatus] | None = None
    fulfilled_items: FulfilledItems | None = None
    on_hold: bool | None = None
    at_fulfillment_service: bool | None = None
    sent_to_fulfillment_service: bool | None = None
    total_above: Decimal | None = None
    total_below: Decimal | None = None
    order_tags_any: tuple[str, ...] | None = None
    order_tags_none: tuple[str, ...] | None = None
    product_tags_any: tuple[str, ...] | None = None
    product_tags_none: tuple[str, ...] | None = None
    customer_tags_any: tuple[str, ...] | None = None
    customer_tags_none: tuple[str, ...] | None = None
    risk_at_least: RiskLevel | None = None
    risk_at_most: RiskLevel | None = None
    active_return: bool | None = None
    cancelled: bool | None = None
    test: bool | None = None
    gateway_any: tuple[str, ...] | None = None

    def given(self) -> list[tuple[str, object]]:
        """The conditions this rule checks, in the documented order."""
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                out.append((f.name, value))
        return out


@dataclass(frozen=True)
class ApproveAction:
    refund: RefundMethod = RefundMethod.ORIGINAL
    store_credit_expires_days: int | None = None
    restock: bool = True
    notify: bool = True
    reason: CancelReason = CancelReason.CUSTOMER
    fee_percent: Decimal = Decimal("0")
    fee_fixed: Decimal | None = None  # in the shop currency


@dataclass(frozen=True)
class Rule:
    name: str
    verdict: Outcome
    when: Conditions = field(default_factory=Conditions)
    why: str = ""  # merchant's words; required for review and deny
    reply: str = ""  # suggested reply to the customer, deny only
    action: ApproveAction | None = None  # approve only


@dataclass(frozen=True)
class Policy:
    rules: tuple[Rule, ...]
    version: int = POLICY_VERSION
