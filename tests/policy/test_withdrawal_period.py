"""The withdrawal period, counted as Art. 9 and Regulation 1182/71 say: a table of dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from policy_orders import line, order, request

from cancelapp.domain.order import Fulfillment
from cancelapp.domain.request import RequestMessage, RequestSource
from cancelapp.domain.withdrawal import (
    RequestKind,
    WithdrawalTerms,
    assess,
    goods_received_on,
    refund_due_on,
    withdrawal_period,
)
from cancelapp.domain.withdrawal_calendar import easter_sunday, public_holidays

CPH = ZoneInfo("Europe/Copenhagen")


def delivered(*days: datetime | None) -> tuple[Fulfillment, ...]:
    return tuple(
        Fulfillment(f"gid://shopify/Fulfillment/{n}", "SUCCESS", at)
        for n, at in enumerate(days, start=1)
    )


def shipped_order(*deliveries: datetime | None, country: str = "DK", company: str | None = None):
    return order(
        line_items=(line(price="449.00", fulfilled=1),),
        fulfillments=delivered(*deliveries),
        shipping_country=country,
        company=company,
    )


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CPH)


@pytest.mark.parametrize(
    ("delivered_on", "country", "informed", "last_day"),
    [
        # a plain fortnight: Mon 2 Nov + 14 days = Mon 16 Nov
        (date(2026, 11, 2), "DK", True, date(2026, 11, 16)),
        # ends on a Saturday: runs to Monday
        (date(2026, 11, 7), "DK", True, date(2026, 11, 23)),
        # ends on a Sunday: runs to Monday
        (date(2026, 11, 8), "DK", True, date(2026, 11, 23)),
        # ends on Christmas Day (Fri); 2. juledag is a Saturday, then Sunday: Monday 28 Dec
        (date(2026, 12, 11), "DK", True, date(2026, 12, 28)),
        # ends on Good Friday 2026 (3 Apr); Easter weekend and Easter Monday: Tuesday 7 Apr
        (date(2026, 3, 20), "DK", True, date(2026, 4, 7)),
        # ends on Ascension Day 2026 (Thu 14 May): Friday 15 May
        (date(2026, 4, 30), "DK", True, date(2026, 5, 15)),
        # Store bededag is no holiday since 2024: Fri 1 May 2026 is a working day in Denmark
        (date(2026, 4, 17), "DK", True, date(2026, 5, 1)),
        # ... but 1 May is counted as a holiday for the other countries: Monday 4 May
        (date(2026, 4, 17), "DE", True, date(2026, 5, 4)),
        # not informed of the right: 12 months after the end of the 14 days (Art. 10(1))
        (date(2026, 11, 2), "DK", False, date(2027, 11, 16)),
        # ... and that end moved off a weekend too (Sat 19 Feb 2028 -> Mon 21 Feb)
        (date(2027, 2, 5), "DK", False, date(2028, 2, 21)),
    ],
)
def test_last_day_of_the_period(
    delivered_on: date, country: str, informed: bool, last_day: date
) -> None:
    period = withdrawal_period(delivered_on, country, informed=informed)

    assert period.last_day == last_day
    # in time up to midnight at the end of the last day, in the consumer's country
    assert period.ends_at is not None
    zone = ZoneInfo({"DK": "Europe/Copenhagen", "DE": "Europe/Berlin"}[country])
    midnight_after = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    assert period.ends_at == midnight_after


def test_several_deliveries_count_from_the_last() -> None:
    first, last = at(date(2026, 11, 2)), at(date(2026, 11, 5))
    placed = shipped_order(first, last)

    assert goods_received_on(placed, "DK") == date(2026, 11, 5)
    withdrawal = assess(placed, request(), WithdrawalTerms())
    assert withdrawal.period.last_day == date(2026, 11, 19)


def test_the_delivery_day_is_the_consumers_calendar_day() -> None:
    # 23:30 UTC on 1 Nov is 00:30 on 2 Nov in Copenhagen
    placed = shipped_order(datetime(2026, 11, 1, 23, 30, tzinfo=UTC))

    assert goods_received_on(placed, "DK") == date(2026, 11, 2)


@pytest.mark.parametrize(
    "deliveries",
    [
        (None,),  # shipped, no delivery date: in transit as far as anyone knows
        (datetime(2026, 11, 2, 12, tzinfo=UTC), None),  # the second parcel not delivered
    ],
)
def test_unknown_delivery_means_the_period_has_not_started(
    deliveries: tuple[datetime | None, ...],
) -> None:
    placed = shipped_order(*deliveries)
    late_statement = replace(
        request(),
        messages=(RequestMessage(RequestSource.EMAIL, at(date(2027, 6, 1)), "I withdraw"),),
    )

    withdrawal = assess(placed, late_statement, WithdrawalTerms())

    assert not withdrawal.period.started
    assert withdrawal.in_time  # never measured from the fulfillment date
    assert withdrawal.statutory


def test_something_still_to_ship_means_the_period_has_not_started() -> None:
    placed = order(
        line_items=(line(quantity=2, fulfilled=1),),
        fulfillments=delivered(at(date(2026, 11, 2))),
        shipping_country="DK",
    )
    assert goods_received_on(placed, "DK") is None


@pytest.mark.parametrize(
    ("sent", "in_time"),
    [
        (datetime(2026, 11, 16, 23, 59, tzinfo=CPH), True),  # the last minute of the last day
        (datetime(2026, 11, 17, 0, 0, tzinfo=CPH), False),  # the next day
    ],
)
def test_in_time_when_sent_before_the_period_ends(sent: datetime, in_time: bool) -> None:
    placed = shipped_order(at(date(2026, 11, 2)))
    statement = replace(
        request(), messages=(RequestMessage(RequestSource.CSV, sent, "Jeg fortryder"),)
    )

    assert assess(placed, statement, WithdrawalTerms()).in_time is in_time


def test_an_email_counts_from_its_date_header_not_its_arrival() -> None:
    placed = shipped_order(at(date(2026, 11, 2)))
    sent = datetime(2026, 11, 16, 22, 0, tzinfo=CPH)
    arrived = datetime(2026, 11, 17, 8, 0, tzinfo=CPH)
    statement = replace(
        request(),
        messages=(RequestMessage(RequestSource.EMAIL, arrived, "Fortryder", sent_at=sent),),
    )

    withdrawal = assess(placed, statement, WithdrawalTerms())

    assert withdrawal.in_time
    assert withdrawal.received_on == date(2026, 11, 17)  # the refund counts from the arrival


@pytest.mark.parametrize(
    ("country", "company", "terms", "kind"),
    [
        ("DK", None, WithdrawalTerms(), RequestKind.WITHDRAWAL),
        ("no", None, WithdrawalTerms(), RequestKind.WITHDRAWAL),  # EEA, any case
        ("US", None, WithdrawalTerms(), RequestKind.CANCELLATION),
        ("GB", None, WithdrawalTerms(), RequestKind.CANCELLATION),
        (None, None, WithdrawalTerms(), RequestKind.CANCELLATION),
        ("DK", "Lund ApS", WithdrawalTerms(), RequestKind.CANCELLATION),
        ("DK", "Lund ApS", WithdrawalTerms(business_excluded=False), RequestKind.WITHDRAWAL),
    ],
)
def test_the_kind_of_request(
    country: str | None, company: str | None, terms: WithdrawalTerms, kind: RequestKind
) -> None:
    placed = order(shipping_country=country, company=company)

    assessed = assess(placed, request(), terms)

    assert assessed.kind is kind
    assert (assessed.not_statutory is None) is (kind is RequestKind.WITHDRAWAL)


def test_refund_due_fourteen_days_after_receipt_moved_off_holidays() -> None:
    assert refund_due_on(date(2026, 11, 2), "DK") == date(2026, 11, 16)
    assert refund_due_on(date(2026, 12, 11), "DK") == date(2026, 12, 28)


def test_easter_and_danish_holidays() -> None:
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2027)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
    ]
    holidays = public_holidays("DK", 2026)
    assert date(2026, 5, 14) in holidays  # Kristi himmelfartsdag
    assert date(2026, 5, 25) in holidays  # 2. pinsedag
    assert date(2026, 5, 1) not in holidays  # not a Danish public holiday
    assert date(2023, 5, 5) in public_holidays("DK", 2023)  # Store bededag, before 2024
