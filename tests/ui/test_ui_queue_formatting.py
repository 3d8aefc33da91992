"""Money, times and core phrases in the merchant's locale (never through a float)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from cancelapp.domain.money import Money
from cancelapp.domain.phrase import Phrase
from cancelapp.ui.formatting import Formatter, fill
from cancelapp.ui.labels import financial_label, fulfillment_label, sources_label

DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("locale", "money", "expected"),
    [
        (DANISH, Money.of("1234.50", "DKK"), f"1.234,50{NBSP}kr."),
        (DANISH, Money.of("-1234.5", "DKK"), f"-1.234,50{NBSP}kr."),
        (DANISH, Money.of("99.999", "EUR"), f"100,00{NBSP}EUR"),
        (DANISH, Money.of("1000", "JPY"), f"1.000{NBSP}JPY"),
        (DANISH, Money.of("1045.1", "KWD"), f"1.045,100{NBSP}KWD"),
        (US, Money.of("45.1255", "KWD"), f"KWD{NBSP}45.126"),  # fils, half to even
        (US, Money.of("89999999.10", "PYG"), f"PYG{NBSP}89,999,999"),
        (US, Money.of("12.5", "USDC"), f"USDC{NBSP}12.50"),
        (US, Money.of("1.2345", "XXX"), f"XXX{NBSP}1.2345"),  # no minor units known: as sent
        (US, Money.of("1234.5", "USD"), "$1,234.50"),
        (US, Money.of("1234.5", "DKK"), f"DKK{NBSP}1,234.50"),
        (US, Money.of("0.005", "USD"), "$0.00"),  # half to even, like the bank
        (US, Money.of("12345678901234567.89", "USD"), "$12,345,678,901,234,567.89"),
    ],
)
def test_money_in_the_locale(locale: QLocale, money: Money, expected: str) -> None:
    assert Formatter(locale).money(money) == expected


def test_relative_times_and_durations() -> None:
    fmt = Formatter(US)
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    assert fmt.relative(now - timedelta(seconds=20), now) == "just now"
    assert fmt.relative(now - timedelta(minutes=12), now) == "12 min ago"
    assert fmt.relative(now - timedelta(hours=3, minutes=5), now) == "3 h ago"
    assert fmt.relative(now - timedelta(days=4), now) == "4 d ago"
    assert fmt.duration(timedelta(hours=3, minutes=12)) == "3 h 12 min"
    assert fmt.duration(timedelta(days=2, hours=4)) == "2 d 4 h"
    assert fmt.duration(timedelta(minutes=45)) == "45 min"


def test_exact_time_in_the_stores_zone() -> None:
    from zoneinfo import ZoneInfo

    fmt = Formatter(DANISH, ZoneInfo("Europe/Copenhagen"))
    assert fmt.date_time(datetime(2026, 11, 26, 8, 15, tzinfo=UTC)) == "26.11.2026 09.15"
    assert fmt.date(datetime(2026, 11, 26, 23, 30, tzinfo=UTC)) == "27.11.2026"


def test_phrase_arguments_are_formatted_by_type() -> None:
    phrase = Phrase(
        "Test",
        "refund {amount} within {window}, {count} items",
        {"amount": Money.of("1234.5", "DKK"), "window": timedelta(hours=24), "count": 1200},
    )
    assert Formatter(DANISH).phrase(phrase) == f"refund 1.234,50{NBSP}kr. within 1 d, 1.200 items"


def test_unknown_shopify_values_still_read() -> None:
    assert financial_label("PAID") == "Paid"
    assert fulfillment_label("SOMETHING_NEW") == "Something new"
    assert sources_label("email,csv") == "Email, Form"
    assert financial_label(None) == ""


def test_a_sentence_ending_in_an_amount_with_its_own_full_stop_has_one() -> None:
    """Danish kroner end in "kr.": "refunded {amount}." reads "refunded 100,00 kr."."""
    shown = Formatter(DANISH).phrase(
        Phrase("Test", "Refunded {amount}.", {"amount": Money.of("100", "DKK")})
    )
    assert shown == f"Refunded 100,00{NBSP}kr."
    assert fill("Paid {amount}.", amount="10 EUR") == "Paid 10 EUR."
    assert fill("{amount} refunded.", amount="10 kr.") == "10 kr. refunded."
