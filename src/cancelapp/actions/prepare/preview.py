"""What the merchant sees before confirming: exactly what will be sent, in plain terms."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from cancelapp.actions.prepare.choices import ApproveOptions
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase

CONTEXT = "ActionPreview"


@dataclass(frozen=True)
class RefundLine:
    """One refund transaction: how much goes back through which gateway."""

    gateway: str
    amount: Money  # presentment currency
    parent_transaction_id: str | None = None


@dataclass(frozen=True)
class RestockLine:
    title: str
    quantity: int
    location_id: str | None
    location_name: str | None


@dataclass(frozen=True)
class Preview:
    order_id: str
    order_name: str
    kind: ActionKind
    confirm_label: Phrase
    refunds: tuple[RefundLine, ...] = ()
    store_credit: Money | None = None  # refunded as store credit instead of to the card
    store_credit_expires_at: datetime | None = None
    kept_fee: Money | None = None
    restock: tuple[RestockLine, ...] = ()
    notify_customer: bool = False
    tags_added: tuple[str, ...] = ()
    note_added: str | None = None
    staff_note: str | None = None
    holds: tuple[str, ...] = ()  # location names whose shipping is put on hold / released
    warnings: tuple[Phrase, ...] = field(default=())
    # What Shopify computes for removing the items of a partial native request
    # (`requestedOrderEditCalculate`), shown beside CancelApp's own figures.
    shopify_total: Money | None = None
    # The message to a fulfillment service asked to cancel; the merchant may rewrite it.
    service_message: str | None = None
    # An approve's choices (amount, method, items, restock, shipping, email) and what Shopify
    # itself will email the customer, in words.
    options: ApproveOptions | None = None
    customer_emails: tuple[Phrase, ...] = ()

    @property
    def refund_total(self) -> Money | None:
        """Money going back to the customer (cards and store credit), or None."""
        return refund_total(self.refunds, self.store_credit)

    @property
    def units_restocked(self) -> int:
        return sum(line.quantity for line in self.restock)


def refund_total(refunds: Iterable[RefundLine], store_credit: Money | None) -> Money | None:
    """Money going back to the customer (cards and store credit), or None."""
    amounts = [r.amount for r in refunds] + ([store_credit] if store_credit is not None else [])
    if not amounts:
        return None
    total = amounts[0]
    for amount in amounts[1:]:
        total = total + amount
    return total


@dataclass(frozen=True)
class BulkSummary:
    """The one confirmation for several approvals: orders, money per currency, units."""

    orders: int
    refund_totals: tuple[Money, ...]  # one per currency, sorted by currency code
    units_restocked: int
    customers_emailed: int

    @property
    def confirm_label(self) -> Phrase:
        return Phrase(
            CONTEXT,
            QT_TRANSLATE_NOOP(CONTEXT, "Cancel {count} orders"),
            {"count": self.orders},
        )


def summarise(previews: Iterable[Preview]) -> BulkSummary:
    totals: dict[str, Money] = {}
    orders = units = emailed = 0
    for preview in previews:
        orders += 1
        units += preview.units_restocked
        emailed += preview.notify_customer
        total = preview.refund_total
        if total is not None:
            previous = totals.get(total.currency)
            totals[total.currency] = total if previous is None else previous + total
    return BulkSummary(
        orders=orders,
        refund_totals=tuple(totals[code] for code in sorted(totals)),
        units_restocked=units,
        customers_emailed=emailed,
    )
