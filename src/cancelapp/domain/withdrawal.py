"""The EU consumer's right of withdrawal (fortrydelsesret), from Directive 2011/83/EU as
amended by Directive (EU) 2023/2673, and the Danish forbrugeraftaleloven.

Qt-free rules: whether a request is a statutory withdrawal, the withdrawal period (Art. 9,
counted per Regulation 1182/71), whether the statement was sent in time (Art. 11(2)), the
exceptions of Art. 16 that need the merchant, and when the refund is due (Art. 13).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.withdrawal_calendar import (
    add_months,
    is_eu_eea,
    next_working_day_from,
    zone_of,
)

if TYPE_CHECKING:  # the settings name `WithdrawalTerms` at start-up; orders load later
    from cancelapp.domain.order import Order
    from cancelapp.domain.request import CancellationRequest

PERIOD_DAYS = 14  # Art. 9(1)
REFUND_DAYS = 14  # Art. 13(1)
NOT_INFORMED_MONTHS = 12  # Art. 10(1)
REFUND_WARNING_DAYS = 3  # the queue warns this many days before the refund is due

# Product tags a merchant puts on goods the right does not cover without their judgement.
MADE_TO_SPECIFICATION_TAG = "made-to-specification"  # Art. 16(c)
SEALED_HYGIENE_TAG = "sealed-hygiene"  # Art. 16(e)
SEALED_MEDIA_TAG = "sealed-media"  # Art. 16(i)
# An order tag by which the merchant confirms a seal was broken after delivery.
SEAL_BROKEN_TAG = "seal-broken"

_CONTEXT = "Withdrawal"


class RequestKind(StrEnum):
    CANCELLATION = "cancellation"  # the shop's own cancellation terms apply
    WITHDRAWAL = "withdrawal"  # an EU/EEA consumer's statutory withdrawal


@dataclass(frozen=True)
class WithdrawalTerms:
    """A store's answers the law asks for; the defaults are the common case."""

    informed: bool = True  # the shop informed consumers of the right (Art. 6(1)(h))
    business_excluded: bool = True  # orders with a company on them are not consumers' (Art. 2(1))
    acknowledge_on_arrival: bool = True  # acknowledge each withdrawal that reaches CancelApp


@dataclass(frozen=True)
class WithdrawalPeriod:
    """`delivered_on` None: the goods (or the last of them) are not received yet, so the
    period has not started (Art. 9(2)(b)) and any statement is in time (Art. 9(3))."""

    delivered_on: date | None
    last_day: date | None
    ends_at: datetime | None  # the first instant after the last day, in the consumer's zone

    @property
    def started(self) -> bool:
        return self.delivered_on is not None


@dataclass(frozen=True)
class Withdrawal:
    kind: RequestKind
    country: str  # whose calendar counts the days
    sent_at: datetime  # when the consumer sent the statement
    received_on: date  # the day the shop received it
    period: WithdrawalPeriod
    exception: Phrase | None = None  # an Art. 16 exception the merchant must judge
    not_statutory: Phrase | None = None  # why this is not a statutory withdrawal

    @property
    def in_time(self) -> bool:
        """Art. 11(2): sent before the period ended."""
        ends = self.period.ends_at
        return ends is None or self.sent_at < ends

    @property
    def statutory(self) -> bool:
        """A withdrawal in time: no fee, same means of payment, never refused."""
        return self.kind is RequestKind.WITHDRAWAL and self.in_time

    @property
    def refund_due_on(self) -> date | None:
        """Art. 13(1): 14 days from the day the shop was informed."""
        return refund_due_on(self.received_on, self.country) if self.statutory else None


def refund_due_on(received_on: date, country: str) -> date:
    """The last day of the refund period: the day of receipt not counted, a last day on a
    weekend or holiday moved to the next working day (Regulation 1182/71 Art. 3)."""
    return next_working_day_from(received_on + timedelta(days=REFUND_DAYS), country)


def withdrawal_period(
    delivered_on: date | None, country: str, *, informed: bool
) -> WithdrawalPeriod:
    """Art. 9(2)(b): 14 days from the day of receipt, that day not counted (Reg. 1182/71
    Art. 3(1)); a last day on a Saturday, Sunday or public holiday runs to the next working day
    (Art. 3(4)). Not informed of the right: 12 months from the end of that period (Art. 10(1))."""
    if delivered_on is None:
        return WithdrawalPeriod(None, None, None)
    last = next_working_day_from(delivered_on + timedelta(days=PERIOD_DAYS), country)
    if not informed:
        last = next_working_day_from(add_months(last, NOT_INFORMED_MONTHS), country)
    ends = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone_of(country))
    return WithdrawalPeriod(delivered_on, last, ends.astimezone(UTC))


def goods_received_on(order: Order, country: str) -> date | None:
    """The day the consumer received the goods, for several deliveries the last one
    (Art. 9(2)(b)(i)-(ii)); None while anything is still to ship or a shipment has no
    delivery date. Never the fulfillment date: a parcel in transit is not received."""
    shipped = [f for f in order.fulfillments if f.shipped]
    if not shipped or any(li.unfulfilled_quantity > 0 for li in order.line_items):
        return None
    if any(f.delivered_at is None for f in shipped):
        return None
    last = max(f.delivered_at for f in shipped if f.delivered_at is not None)
    return last.astimezone(zone_of(country)).date()


_NOT_EU = QT_TRANSLATE_NOOP(
    "Withdrawal", "Shipped outside the EU/EEA: the shop's own cancellation terms apply"
)
_NO_ADDRESS = QT_TRANSLATE_NOOP(
    "Withdrawal", "No shipping address on the order: the shop's own cancellation terms apply"
)
_BUSINESS = QT_TRANSLATE_NOOP(
    "Withdrawal",
    "A company is on the order ({company}): a business has no statutory right of withdrawal",
)
_MADE_TO_SPEC = QT_TRANSLATE_NOOP(
    "Withdrawal",
    "Made to the consumer's specification (product tag {tag}): the right of withdrawal may not "
    "apply (Art. 16(c)); your judgement",
)
_SEALED_HYGIENE = QT_TRANSLATE_NOOP(
    "Withdrawal",
    "Sealed goods for health or hygiene reasons, unsealed after delivery: the right of "
    "withdrawal does not apply (Art. 16(e)); your judgement",
)
_SEALED_MEDIA = QT_TRANSLATE_NOOP(
    "Withdrawal",
    "Sealed audio, video or software, unsealed after delivery: the right of withdrawal does "
    "not apply (Art. 16(i)); your judgement",
)


def assess(order: Order, request: CancellationRequest, terms: WithdrawalTerms) -> Withdrawal:
    """What the law says about `request` on `order`."""
    country = (order.shipping_country or "").upper()
    first = min(request.messages, key=lambda m: m.received_at) if request.messages else None
    sent_at = first.sent if first is not None else order.created_at
    received_at = first.received_at if first is not None else order.created_at
    zone_country = country if is_eu_eea(country) else "DK"
    received_on = received_at.astimezone(zone_of(zone_country)).date()
    not_statutory: Phrase | None = None
    if not country:
        not_statutory = Phrase(_CONTEXT, _NO_ADDRESS)
    elif not is_eu_eea(country):
        not_statutory = Phrase(_CONTEXT, _NOT_EU)
    elif terms.business_excluded and order.company:
        not_statutory = Phrase(_CONTEXT, _BUSINESS, {"company": order.company})
    if not_statutory is not None:
        nothing = WithdrawalPeriod(None, None, None)
        return Withdrawal(
            RequestKind.CANCELLATION,
            zone_country,
            sent_at,
            received_on,
            nothing,
            not_statutory=not_statutory,
        )
    delivered_on = goods_received_on(order, country)
    period = withdrawal_period(delivered_on, country, informed=terms.informed)
    exception = _exception(order, request)
    return Withdrawal(
        RequestKind.WITHDRAWAL, country, sent_at, received_on, period, exception=exception
    )


def _exception(order: Order, request: CancellationRequest) -> Phrase | None:
    """Art. 16(c) by a product tag; 16(e) and (i) only once the merchant confirmed, by the
    order tag `SEAL_BROKEN_TAG`, that the seal was broken after delivery."""
    seal_broken = SEAL_BROKEN_TAG in {t.strip().lower() for t in order.tags}
    wanted = set(request.line_item_ids)
    lines = [li for li in order.line_items if not wanted or li.id in wanted] or order.line_items
    tags = {t.strip().lower() for li in lines for t in li.product_tags}
    if MADE_TO_SPECIFICATION_TAG in tags:
        return Phrase(_CONTEXT, _MADE_TO_SPEC, {"tag": MADE_TO_SPECIFICATION_TAG})
    if seal_broken and SEALED_HYGIENE_TAG in tags:
        return Phrase(_CONTEXT, _SEALED_HYGIENE)
    if seal_broken and SEALED_MEDIA_TAG in tags:
        return Phrase(_CONTEXT, _SEALED_MEDIA)
    return None
