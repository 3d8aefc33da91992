"""Shopify's own refund calculation (`Order.suggestedRefund`), the only source of amounts.

CancelApp never computes what to refund per transaction itself: it asks Shopify, shows the
merchant exactly that, and sends exactly that (less a kept fee, which it takes off
transaction by transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from cancelapp.actions.carry_out.verify import RefundShare
from cancelapp.actions.prepare.action_plan import PlanRefused
from cancelapp.actions.prepare.choices import ApproveChoices, shipping_refunded
from cancelapp.domain.money import Money
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.shopify.errors import MalformedResponse

_CONTEXT = "ActionRunner"
NO_SUGGESTION = QT_TRANSLATE_NOOP(
    _CONTEXT,
    "Shopify did not work out a refund for this order, so CancelApp cannot show what would be "
    "refunded. Handle it in Shopify.",
)
NO_GATEWAY = QT_TRANSLATE_NOOP(
    _CONTEXT,
    "Shopify did not say which payment provider would refund part of this order, so CancelApp "
    "cannot send the refund. Handle it in Shopify.",
)


@dataclass(frozen=True)
class SuggestedTransaction:
    gateway: str
    kind: str  # SUGGESTED_REFUND
    amount: Money  # presentment currency
    parent_id: str | None


@dataclass(frozen=True)
class SuggestedLine:
    line_item_id: str
    quantity: int
    restock_type: str  # CANCEL, RETURN, NO_RESTOCK
    location_id: str | None


@dataclass(frozen=True)
class SuggestedRefund:
    amount: Money  # presentment currency
    maximum_refundable: Money
    lines: tuple[SuggestedLine, ...]
    transactions: tuple[SuggestedTransaction, ...]
    variables: dict[str, Any] | None = None  # the query variables it was computed for
    shipping_left: Money | None = None  # shipping that can still be refunded

    @property
    def split(self) -> tuple[RefundShare, ...]:
        """The refund per payment, as the plan's basis keeps it."""
        return tuple(RefundShare(t.gateway, t.parent_id, t.amount) for t in self.transactions)

    @classmethod
    def from_order_node(
        cls, node: dict[str, Any], variables: dict[str, Any] | None = None
    ) -> SuggestedRefund:
        """From the `order` of the SuggestedRefund query (`suggested_refund.graphql`).

        Raises `PlanRefused` when Shopify suggested nothing (null is no refund of zero) and
        `MalformedResponse` when the suggestion lacks what a refund needs."""
        suggested = node.get("suggestedRefund")
        if not suggested:
            raise PlanRefused(Phrase(_CONTEXT, NO_SUGGESTION))
        try:
            return cls._of(suggested, variables)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise MalformedResponse(f"suggestedRefund of {node.get('id')}: {exc!r}") from None

    @classmethod
    def _of(cls, suggested: dict[str, Any], variables: dict[str, Any] | None) -> SuggestedRefund:
        return cls(
            amount=_presentment(suggested["amountSet"]),
            maximum_refundable=_presentment(suggested["maximumRefundableSet"]),
            lines=tuple(
                SuggestedLine(
                    line_item_id=str(line["lineItem"]["id"]),
                    quantity=int(line["quantity"]),
                    restock_type=str(line.get("restockType") or "NO_RESTOCK"),
                    location_id=(line.get("location") or {}).get("id"),
                )
                for line in suggested.get("refundLineItems") or ()
            ),
            transactions=tuple(
                SuggestedTransaction(
                    gateway=_gateway(tx),
                    kind=str(tx.get("kind") or "SUGGESTED_REFUND"),
                    amount=_presentment(tx["amountSet"]),
                    parent_id=(tx.get("parentTransaction") or {}).get("id"),
                )
                for tx in suggested.get("suggestedTransactions") or ()
                if Money.from_shopify(tx["amountSet"]["presentmentMoney"]).amount > 0
            ),
            variables=variables,
            shipping_left=_shipping_left(suggested.get("shipping")),
        )


def _shipping_left(shipping: dict[str, Any] | None) -> Money | None:
    bag = (shipping or {}).get("maximumRefundableSet")
    if not bag:
        return None
    left = _presentment(bag)
    return None if left.is_zero() else left


def _gateway(transaction: dict[str, Any]) -> str:
    """A refund goes back through the payment's gateway; without one it cannot be sent."""
    gateway = transaction.get("gateway")
    if not gateway:
        raise PlanRefused(Phrase(_CONTEXT, NO_GATEWAY))
    return str(gateway)


def _presentment(money_bag: dict[str, Any]) -> Money:
    return Money.from_shopify(money_bag["presentmentMoney"])


def suggestion_variables(order: Order, choices: ApproveChoices, *, whole: bool) -> dict[str, Any]:
    """Variables for `suggested_refund.graphql`.

    The whole order with its shipping: everything refundable. Otherwise the chosen units of
    the chosen lines (every unshipped unit when none were chosen), with the shipping when the
    merchant chose it. Each line says how it is restocked (CANCEL at the chosen location or its
    fulfillment location, or NO_RESTOCK for gift cards and the like), so the suggestion never
    leaves out a line Shopify cannot put back on a shelf.
    """
    shipping = shipping_refunded(whole, choices)
    locations = {
        line.line_item_id: fo.location_id for fo in order.fulfillment_orders for line in fo.lines
    }
    locations.update({c.line_item_id: c.location_id for c in choices.lines or () if c.location_id})
    items = {li.id: li for li in order.line_items}
    if choices.lines is None or (whole and shipping):
        wanted = [
            (li.id, li.refundable_quantity if whole else li.unfulfilled_quantity)
            for li in order.line_items
        ]
    else:
        wanted = [(line.line_item_id, line.quantity) for line in choices.lines]
    lines: list[dict[str, Any]] = []
    for line_item_id, quantity in wanted:
        li = items.get(line_item_id)
        if li is None or quantity <= 0:
            continue
        entry: dict[str, Any] = {"lineItemId": li.id, "quantity": quantity}
        location = locations.get(li.id)
        if li.restockable and location and li.unfulfilled_quantity >= quantity:
            entry.update(restockType="CANCEL", locationId=location)
        else:
            entry["restockType"] = "NO_RESTOCK"
        lines.append(entry)
    if whole and shipping:
        return {
            "id": order.id,
            "refundLineItems": lines,
            "suggestFullRefund": True,
            "refundShipping": True,
        }
    return {"id": order.id, "refundLineItems": lines, "refundShipping": shipping}


class ShippingUnproven(StrEnum):
    """Why the cache cannot say what Shopify would leave out of a refund without shipping."""

    NOT_READ = "not read"  # the shipping left, in the customer's currency, was not cached
    TAX_EXCLUDED = "tax excluded"  # the shipping's own tax would stay out too: not cached
    DUTIES_OR_TIPS = "duties or tips"  # would stay out too, or the cache does not say


def cached_shipping(order: Order) -> Money | ShippingUnproven:
    """The shipping a refund from the cache may leave out, when the cache proves that
    Shopify's suggestion without it is the payments less exactly that: prices include tax
    (else the shipping's tax stays out as well), no duties or tips (they stay out without
    `suggestFullRefund`), and the amount in the customer's currency."""
    shipping = order.shipping_left
    if shipping is None or shipping.currency != order.presentment_currency:
        return ShippingUnproven.NOT_READ
    if shipping.is_zero():  # nothing to keep
        return shipping
    if order.taxes_included is not True:
        return ShippingUnproven.TAX_EXCLUDED
    if order.duties_or_tips is not False:
        return ShippingUnproven.DUTIES_OR_TIPS
    return shipping


_MONEY_IN = frozenset({"SALE", "CAPTURE"})  # `OrderTransactionKind`
_MONEY_OUT = frozenset({"REFUND", "CHANGE"})


def suggestion_from_cache(order: Order, variables: dict[str, Any]) -> SuggestedRefund:
    """What a whole-order refund comes to by the cached order's payments, for a decision
    taken offline: each successful payment less what was refunded from it, and less the
    shipping not refunded yet when the merchant keeps it (`refundShipping` false), taken
    from the largest payment first (Shopify's own split is sent: `with_refund_split`). The
    shipping is offered only when the cache proves it (`cached_shipping`); a kept shipping
    the cache cannot prove is refused, never refunded after all.

    Only a stand-in until Shopify answers: the queued plan keeps this amount in its basis,
    and re-verification compares it with Shopify's own suggestion before anything is sent
    (a different amount is a conflict the merchant decides again)."""
    currency = order.presentment_currency
    left: dict[str, Money] = {}
    gateways: dict[str, str] = {}
    for tx in order.transactions:
        if tx.status != "SUCCESS":
            continue
        if tx.kind in _MONEY_IN:
            left[tx.id] = left.get(tx.id, Money.zero(currency)) + tx.amount
            gateways[tx.id] = tx.gateway
        elif tx.kind in _MONEY_OUT and tx.parent_id is not None:
            left[tx.parent_id] = left.get(tx.parent_id, Money.zero(currency)) - tx.amount
    paid = [(tx_id, amount) for tx_id, amount in left.items() if tx_id in gateways]
    maximum = Money.zero(currency)
    for _tx_id, amount in paid:
        if amount.amount > 0:
            maximum = maximum + amount
    proven = cached_shipping(order)
    if variables.get("refundShipping") is False and not isinstance(proven, Money):
        raise PlanRefused(Phrase(_CONTEXT, NO_SUGGESTION))
    shipping = proven if isinstance(proven, Money) and not proven.is_zero() else None
    if shipping is not None and variables.get("refundShipping") is False:
        paid = _less(paid, shipping.amount)
    transactions = tuple(
        SuggestedTransaction(gateways[tx_id], "SUGGESTED_REFUND", amount, tx_id)
        for tx_id, amount in paid
        if amount.amount > 0
    )
    total = Money.zero(currency)
    for suggested in transactions:
        total = total + suggested.amount
    lines = tuple(
        SuggestedLine(
            str(line["lineItemId"]),
            int(line["quantity"]),
            str(line.get("restockType") or "NO_RESTOCK"),
            line.get("locationId"),
        )
        for line in variables.get("refundLineItems") or ()
    )
    return SuggestedRefund(total, maximum, lines, transactions, variables, shipping)


def _less(paid: list[tuple[str, Money]], amount: Decimal) -> list[tuple[str, Money]]:
    """The payments less `amount`, taken from the largest first."""
    remaining = amount
    less = dict(paid)
    for tx_id, money in sorted(paid, key=lambda pair: -pair[1].amount):
        taken = min(remaining, max(money.amount, Decimal(0)))
        remaining -= taken
        less[tx_id] = Money(money.amount - taken, money.currency)
    return [(tx_id, less[tx_id]) for tx_id, _money in paid]
