"""Re-verification: has the order changed since the merchant saw the preview?

A `Basis` records the facts a decision rested on. Right before anything is sent, the order is
fetched fresh and compared; any difference stops the action with a `Conflict` naming each
change in plain words, so nothing is done that the merchant did not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, joined

_CONTEXT = "ActionConflict"


@dataclass(frozen=True)
class RefundShare:
    """What Shopify suggests refunding to one payment (`suggestedTransactions`)."""

    gateway: str
    parent_id: str | None
    amount: Money  # presentment currency

    def to_json(self) -> list[Any]:
        return [self.gateway, self.parent_id, _money_json(self.amount)]

    @classmethod
    def from_json(cls, data: list[Any]) -> RefundShare:
        amount = _money_from(data[2])
        assert amount is not None
        return cls(str(data[0]), None if data[1] is None else str(data[1]), amount)


@dataclass(frozen=True)
class Basis:
    """What the merchant saw: the order's state and the refund Shopify suggested then."""

    cancelled: bool
    units_fulfilled: int
    financial_status: str
    fulfillment_status: str
    return_status: str
    total: Money
    total_refunded: Money | None
    accepted_by_service: tuple[str, ...]  # fulfillment orders a 3PL had accepted
    refund_amount: Money | None  # the suggested refund shown, presentment currency
    line_quantities: tuple[tuple[str, int], ...] = ()  # (line item id, current quantity)
    fulfillment_orders: tuple[tuple[str, str], ...] = ()  # (id, status): holds, closes, starts
    # How the suggested refund was split between the payments. Not a conflict when only this
    # differs: the plan then sends Shopify's own split (`approve.with_refund_split`).
    refund_split: tuple[RefundShare, ...] = ()

    @classmethod
    def of(
        cls, order: Order, refund_amount: Money | None, split: tuple[RefundShare, ...] = ()
    ) -> Basis:
        return cls(
            cancelled=order.is_cancelled,
            units_fulfilled=order.units_fulfilled,
            financial_status=order.financial_status.value,
            fulfillment_status=order.fulfillment_status.value,
            return_status=order.return_status.value,
            total=order.total,
            total_refunded=order.total_refunded,
            accepted_by_service=tuple(
                sorted(fo.id for fo in order.fulfillment_orders if fo.accepted_by_service)
            ),
            refund_amount=refund_amount,
            line_quantities=tuple(sorted((li.id, li.current_quantity) for li in order.line_items)),
            fulfillment_orders=tuple(
                sorted((fo.id, fo.status.value) for fo in order.fulfillment_orders)
            ),
            refund_split=split,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "cancelled": self.cancelled,
            "units_fulfilled": self.units_fulfilled,
            "financial_status": self.financial_status,
            "fulfillment_status": self.fulfillment_status,
            "return_status": self.return_status,
            "total": _money_json(self.total),
            "total_refunded": _money_json(self.total_refunded),
            "accepted_by_service": list(self.accepted_by_service),
            "refund_amount": _money_json(self.refund_amount),
            "line_quantities": [list(pair) for pair in self.line_quantities],
            "fulfillment_orders": [list(pair) for pair in self.fulfillment_orders],
            "refund_split": [share.to_json() for share in self.refund_split],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Basis:
        total = _money_from(data["total"])
        assert total is not None
        return cls(
            cancelled=bool(data["cancelled"]),
            units_fulfilled=int(data["units_fulfilled"]),
            financial_status=str(data["financial_status"]),
            fulfillment_status=str(data["fulfillment_status"]),
            return_status=str(data["return_status"]),
            total=total,
            total_refunded=_money_from(data["total_refunded"]),
            accepted_by_service=tuple(data["accepted_by_service"]),
            refund_amount=_money_from(data["refund_amount"]),
            # absent from plans journaled before they were recorded: such a plan then
            # meets a conflict (nothing is sent) rather than skipping the check
            line_quantities=tuple((str(i), int(q)) for i, q in data.get("line_quantities", ())),
            fulfillment_orders=tuple(
                (str(i), str(status)) for i, status in data.get("fulfillment_orders", ())
            ),
            refund_split=tuple(RefundShare.from_json(s) for s in data.get("refund_split", ())),
        )


@dataclass(frozen=True)
class Conflict:
    """The order changed since the decision; `changes` says how, one phrase per change."""

    order_id: str
    order_name: str
    changes: tuple[Phrase, ...]

    @property
    def merchant_message(self) -> str:
        return " ".join(change.render_plain() for change in self.changes)

    @property
    def phrase(self) -> Phrase:
        """Every change in the merchant's words, one after the other."""
        return joined(list(self.changes), " ") or Phrase("Phrase", "")


def changes_since(basis: Basis, fresh: Basis) -> tuple[Phrase, ...]:
    """Every difference that matters, in plain words; empty when the action may go ahead."""
    found: list[Phrase] = []

    def note(template: str, **args: str | int | Money) -> None:
        found.append(Phrase(_CONTEXT, template, dict(args)))

    if fresh.cancelled and not basis.cancelled:
        note(QT_TRANSLATE_NOOP(_CONTEXT, "The order has been cancelled in the meantime."))
    if fresh.units_fulfilled > basis.units_fulfilled:
        shipped = fresh.units_fulfilled - basis.units_fulfilled
        if shipped == 1:
            note(QT_TRANSLATE_NOOP(_CONTEXT, "1 more item has been shipped."))
        else:
            note(
                QT_TRANSLATE_NOOP(_CONTEXT, "{count} more items have been shipped."), count=shipped
            )
    elif fresh.fulfillment_status != basis.fulfillment_status:
        note(
            QT_TRANSLATE_NOOP(_CONTEXT, "Fulfillment changed from {before} to {after}."),
            before=basis.fulfillment_status,
            after=fresh.fulfillment_status,
        )
    if fresh.total_refunded != basis.total_refunded and not _both_zero(
        basis.total_refunded, fresh.total_refunded
    ):
        note(
            QT_TRANSLATE_NOOP(_CONTEXT, "A refund has been made: {amount} refunded so far."),
            amount=fresh.total_refunded or Money.zero(fresh.total.currency),
        )
    elif fresh.financial_status != basis.financial_status:
        note(
            QT_TRANSLATE_NOOP(_CONTEXT, "Payment status changed from {before} to {after}."),
            before=basis.financial_status,
            after=fresh.financial_status,
        )
    if fresh.return_status != basis.return_status:
        note(
            QT_TRANSLATE_NOOP(_CONTEXT, "A return is now open on this order ({status})."),
            status=fresh.return_status,
        )
    if fresh.total != basis.total:
        note(
            QT_TRANSLATE_NOOP(_CONTEXT, "The order total changed from {before} to {after}."),
            before=basis.total,
            after=fresh.total,
        )
    if set(fresh.accepted_by_service) - set(basis.accepted_by_service):
        note(QT_TRANSLATE_NOOP(_CONTEXT, "A fulfillment service has accepted the order."))
    if fresh.line_quantities != basis.line_quantities:
        note(QT_TRANSLATE_NOOP(_CONTEXT, "The items or quantities on the order have changed."))
    before_fos = dict(basis.fulfillment_orders)
    for fo_id, status in fresh.fulfillment_orders:
        if before_fos.get(fo_id, status) != status:
            note(
                QT_TRANSLATE_NOOP(_CONTEXT, "A shipment changed from {before} to {after}."),
                before=before_fos[fo_id],
                after=status,
            )
    if {i for i, _ in fresh.fulfillment_orders} != set(before_fos):
        note(QT_TRANSLATE_NOOP(_CONTEXT, "The order's shipments have been split or merged."))
    if basis.refund_amount is not None and fresh.refund_amount != basis.refund_amount:
        note(
            QT_TRANSLATE_NOOP(_CONTEXT, "The refund would now be {after} instead of {before}."),
            before=basis.refund_amount,
            after=fresh.refund_amount or Money.zero(basis.refund_amount.currency),
        )
    return tuple(found)


def _both_zero(a: Money | None, b: Money | None) -> bool:
    return (a is None or a.is_zero()) and (b is None or b.is_zero())


def _money_json(money: Money | None) -> list[str] | None:
    return None if money is None else [format(money.amount, "f"), money.currency]


def _money_from(data: list[str] | None) -> Money | None:
    return None if data is None else Money.of(data[0], data[1])


@dataclass(frozen=True)
class Recheck:
    """The order read again right before sending: what changed since the preview, and the
    refunds it already has (so a cancel's own refunds are told from earlier ones)."""

    conflict: Conflict | None
    refund_ids: tuple[str, ...]
    split: tuple[RefundShare, ...] = ()  # Shopify's suggested refund per payment, as now
