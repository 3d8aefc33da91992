"""What the merchant chooses in the approve preview: how much goes back and how, which items
(and how many of each), where each goes back into stock, shipping, and the customer's email.

The policy's suggested action gives the defaults (bulk approve uses them unchanged); the preview
lets the merchant change them, and the plan is built again from the choices. They are journaled
with the plan (`ActionPlan.choices`), so what was chosen stays on record beside what was sent.

The law comes first: a statutory withdrawal (EU/EEA consumer, in time) is refunded in full, by
the original means of payment unless the consumer expressly agreed to store credit, shipping
included (`lawful`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import RefundMethod, SuggestedAction


class AmountChoice(StrEnum):
    FULL = "full"  # everything refundable for what is cancelled
    FEE = "fee"  # less the policy's fee
    TYPED = "typed"  # an amount the merchant typed


@dataclass(frozen=True)
class LineChoice:
    line_item_id: str
    quantity: int  # units to cancel
    restock: bool = True
    location_id: str | None = None  # where they go back; None: where they were to ship from


@dataclass(frozen=True)
class ApproveChoices:
    amount: AmountChoice = AmountChoice.FULL
    typed: Decimal | None = None  # with TYPED, in the customer's currency
    method: RefundMethod = RefundMethod.ORIGINAL
    store_credit_expires_at: datetime | None = None
    consumer_agreed: bool = False  # to store credit, on a statutory withdrawal
    lines: tuple[LineChoice, ...] | None = None  # None: what the request asks for
    refund_shipping: bool | None = None  # None: yes for the whole order, no for a part
    notify_customer: bool = True

    @classmethod
    def of(cls, action: SuggestedAction, *, statutory: bool = False) -> ApproveChoices:
        """The policy's choice (what bulk approve does), within the law."""
        chosen = cls(
            amount=AmountChoice.FEE if action.keeps_fee else AmountChoice.FULL,
            method=action.refund_method,
            store_credit_expires_at=action.store_credit_expires_at,
            notify_customer=action.notify_customer,
        )
        return lawful(chosen, statutory=statutory)

    def to_json(self) -> dict[str, Any]:
        return {
            "amount": self.amount.value,
            "typed": None if self.typed is None else format(self.typed, "f"),
            "method": self.method.value,
            "store_credit_expires_at": (
                self.store_credit_expires_at.isoformat() if self.store_credit_expires_at else None
            ),
            "consumer_agreed": self.consumer_agreed,
            "lines": None
            if self.lines is None
            else [
                [line.line_item_id, line.quantity, line.restock, line.location_id]
                for line in self.lines
            ],
            "refund_shipping": self.refund_shipping,
            "notify_customer": self.notify_customer,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ApproveChoices:
        expires = data.get("store_credit_expires_at")
        lines = data.get("lines")
        return cls(
            amount=AmountChoice(data["amount"]),
            typed=None if data.get("typed") is None else Decimal(data["typed"]),
            method=RefundMethod(data["method"]),
            store_credit_expires_at=datetime.fromisoformat(expires) if expires else None,
            consumer_agreed=bool(data.get("consumer_agreed")),
            lines=None
            if lines is None
            else tuple(LineChoice(str(i), int(q), bool(r), loc) for i, q, r, loc in lines),
            refund_shipping=data.get("refund_shipping"),
            notify_customer=bool(data.get("notify_customer", True)),
        )


def lawful(choices: ApproveChoices, *, statutory: bool) -> ApproveChoices:
    """On a statutory withdrawal: the full amount, shipping included, by the original means
    (store credit only with the consumer's express agreement)."""
    if not statutory:
        return choices
    method = choices.method
    if method is RefundMethod.NONE or (
        method is RefundMethod.STORE_CREDIT and not choices.consumer_agreed
    ):
        method = RefundMethod.ORIGINAL
    return replace(
        choices, amount=AmountChoice.FULL, typed=None, method=method, refund_shipping=True
    )


def resolve_lines(
    order: Order,
    request: CancellationRequest,
    choices: ApproveChoices,
    requested: Mapping[str, int] | None = None,
    *,
    restock: bool = True,
) -> ApproveChoices:
    """The choices with their lines filled in: as chosen, else what the request asks for
    (the units a Shopify buyer request names, `requested`), else every unshipped unit;
    restocked by default as the policy says (`restock`)."""
    if choices.lines is not None:
        left = {li.id: li.unfulfilled_quantity for li in order.line_items}
        lines = tuple(
            replace(line, quantity=min(line.quantity, left.get(line.line_item_id, 0)))
            for line in choices.lines
            if line.quantity > 0 and left.get(line.line_item_id, 0) > 0
        )
        return replace(choices, lines=lines)
    asked = set(request.line_item_ids)
    wanted: list[LineChoice] = []
    for li in order.line_items:
        quantity = li.unfulfilled_quantity
        if quantity <= 0 or (asked and li.id not in asked):
            continue
        if requested and li.id in requested:
            quantity = min(quantity, requested[li.id])
        wanted.append(LineChoice(li.id, quantity, restock and li.restockable))
    return replace(choices, lines=tuple(wanted))


def is_whole(order: Order, request: CancellationRequest, choices: ApproveChoices) -> bool:
    """Whether approving cancels the whole order (`orderCancel`) rather than refunding the
    chosen unshipped units: nothing shipped, no part asked for, every unit chosen."""
    if request.is_partial or order.units_fulfilled > 0:
        return False
    if choices.lines is None:
        return True
    chosen = {line.line_item_id: line.quantity for line in choices.lines}
    return all(
        chosen.get(li.id, 0) >= li.unfulfilled_quantity
        for li in order.line_items
        if li.unfulfilled_quantity > 0
    )


def shipping_refunded(whole: bool, choices: ApproveChoices) -> bool:
    return whole if choices.refund_shipping is None else choices.refund_shipping


@dataclass(frozen=True)
class LineOption:
    """One line the merchant may cancel units of."""

    line_item_id: str
    title: str
    available: int  # units not shipped
    chosen: int
    restockable: bool
    restock: bool
    location_id: str | None  # where it goes back (chosen, or where it was to ship from)
    locations: tuple[str, ...] = ()  # where it may go back: its own first, then stocking ones


@dataclass(frozen=True)
class ApproveOptions:
    """What the approve preview offers, and the choices its plan was built from."""

    choices: ApproveChoices  # lines resolved
    full: Money  # a full refund of what is chosen
    fee: Money | None  # the policy's fee on it, when the policy has one
    statutory: bool
    store_credit: bool  # the order has a customer to credit
    lines: tuple[LineOption, ...]
    locations: tuple[tuple[str, str], ...]  # (id, name) of every location offered
    shipping: Money | None  # shipping still refundable; None when none is left
    locations_note: Phrase | None = None  # why only the order's own locations are offered
    shipping_note: Phrase | None = None  # why the shipping cannot be left out (offline)
    authorized_only: bool = False  # nothing captured: cancelling voids the authorisation
