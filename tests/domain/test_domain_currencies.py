"""Every currency Shopify can present has its own minor units, and money is rounded to them."""

import gzip
import json
from decimal import Decimal
from functools import cache

import pytest

from cancelapp.domain.currency_table import MINOR_UNITS
from cancelapp.domain.money import Money, NotACurrency, UnknownMinorUnits, minor_units
from cancelapp.domain.verdict import ProcessingFee
from fixtures.shopify_schema import FOLDER, STABLE


@cache
def _currency_codes() -> list[str]:
    """The official `CurrencyCode` enum, from the repository's copy of Shopify's schema."""
    with gzip.open(FOLDER / f"admin_{STABLE}.json.gz", "rt", encoding="utf-8") as file:
        types = json.load(file)["data"]["__schema"]["types"]
    enum = next(t for t in types if t["name"] == "CurrencyCode")
    return [value["name"] for value in enum["enumValues"]]


def test_every_currency_code_has_an_explicit_entry_and_nothing_else() -> None:
    codes = _currency_codes()
    assert len(codes) > 150
    assert sorted(MINOR_UNITS) == sorted(codes)


def test_no_currency_code_falls_back_to_a_default() -> None:
    """Babel answers 2 for codes it does not know; the table has an entry or says None."""
    assert minor_units("ZZZ") is None  # not in the table: unknown, never a guess
    for code in _currency_codes():
        assert code in MINOR_UNITS, code
        assert minor_units(code) == MINOR_UNITS[code]


@pytest.mark.parametrize(
    ("code", "places"),
    [
        ("DKK", 2), ("EUR", 2), ("SEK", 2), ("JPY", 0), ("KRW", 0), ("PYG", 0), ("UGX", 0),
        ("BIF", 0), ("DJF", 0), ("GNF", 0), ("KMF", 0), ("RWF", 0), ("VUV", 0), ("XPF", 0),
        ("KWD", 3), ("BHD", 3), ("OMR", 3), ("JOD", 3), ("TND", 3), ("LYD", 3),
        ("IQD", 3), ("HUF", 2), ("IDR", 2), ("COP", 2),  # ISO over CLDR (docs/currencies.md)
        ("USDC", 2), ("KID", 2), ("JEP", 2), ("BYR", 0), ("VEF", 2), ("HRK", 2), ("XXX", None),
    ],
)  # fmt: skip
def test_minor_units_follow_iso_4217(code: str, places: int | None) -> None:
    assert minor_units(code) == places


def test_a_four_letter_code_is_money() -> None:
    money = Money.from_shopify({"amount": "12.50", "currencyCode": "USDC"})
    assert money == Money(Decimal("12.50"), "USDC")
    assert str(money) == "12.50 USDC"


@pytest.mark.parametrize("code", ["", "DK", "DKKKK", "dkk", "DK1", "€"])
def test_what_is_no_currency_code_raises_a_typed_error(code: str) -> None:
    with pytest.raises(NotACurrency):
        Money(Decimal(1), code)


@pytest.mark.parametrize(
    ("amount", "code", "rounded"),
    [
        ("10.005", "DKK", "10.00"),  # half to even
        ("10.015", "DKK", "10.02"),
        ("10.5", "JPY", "10"),
        ("11.5", "JPY", "12"),
        ("2.69995", "KWD", "2.700"),
        ("89999999.10", "PYG", "89999999"),
    ],
)
def test_quantized_rounds_half_to_even_at_the_currency_minor_units(
    amount: str, code: str, rounded: str
) -> None:
    result = Money.of(amount, code).quantized()
    assert result.amount == Decimal(rounded)
    assert result.amount.as_tuple().exponent == Decimal(rounded).as_tuple().exponent


def test_an_amount_too_long_to_round_is_shown_as_sent() -> None:
    huge = Money.of("1E+40", "JPY")
    assert huge.shown() == (Decimal("1E+40"), 0)
    assert huge.to_shopify()["amount"] == "1" + "0" * 40


def test_an_amount_in_a_currency_without_minor_units_is_never_rounded() -> None:
    with pytest.raises(UnknownMinorUnits):
        Money.of("1.2345", "XXX").quantized()
    assert str(Money.of("1.2345", "XXX")) == "1.2345 XXX"


@pytest.mark.parametrize(
    ("amount", "code", "fits"),
    [
        ("1000", "JPY", True), ("1000.00", "JPY", True), ("1000.5", "JPY", False),
        ("45.125", "KWD", True), ("45.1250", "KWD", True), ("45.1255", "KWD", False),
        ("449.95", "DKK", True), ("449.951", "DKK", False), ("1.23456", "XXX", True),
    ],
)  # fmt: skip
def test_fits_currency_counts_significant_decimals(amount: str, code: str, fits: bool) -> None:
    assert Money.of(amount, code).fits_currency() is fits


@pytest.mark.parametrize(
    ("refundable", "code", "fee"),
    [
        ("90000000", "PYG", "2700000"),  # 3 % of a zero-decimal amount: no decimals
        ("12345", "JPY", "370"),  # 370.35 rounded to whole yen
        ("45.125", "KWD", "1.354"),  # 1.35375 rounded to fils, not to 1.35
        ("449.95", "DKK", "13.50"),  # 13.4985
    ],
)
def test_a_percentage_fee_is_rounded_once_at_the_currency_precision(
    refundable: str, code: str, fee: str
) -> None:
    kept = ProcessingFee(percent=Decimal(3)).on(Money.of(refundable, code))
    assert kept == Money(Decimal(fee), code)
    assert kept.fits_currency()


@pytest.mark.parametrize(
    ("amount", "code", "text"),
    [("23606.0", "JPY", "23606"), ("45.1", "KWD", "45.100"), ("449", "DKK", "449.00"),
     ("1.5", "JPY", "1.5"), ("1.23", "XXX", "1.23")],
)  # fmt: skip
def test_amounts_go_to_shopify_at_the_currency_places_without_rounding(
    amount: str, code: str, text: str
) -> None:
    assert Money.of(amount, code).to_shopify() == {"amount": text, "currencyCode": code}
