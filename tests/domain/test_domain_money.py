from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cancelapp.domain.money import CurrencyMismatch, Money


def test_money_refuses_float() -> None:
    with pytest.raises(TypeError):
        Money(449.0, "DKK")  # type: ignore[arg-type]


def test_money_refuses_mixed_currencies() -> None:
    with pytest.raises(CurrencyMismatch):
        _ = Money.of("1", "DKK") + Money.of("1", "EUR")


def test_money_from_shopify_money_v2() -> None:
    money = Money.from_shopify({"amount": "449.00", "currencyCode": "DKK"})
    assert money == Money(Decimal("449.00"), "DKK")
    assert money.to_shopify() == {"amount": "449.00", "currencyCode": "DKK"}


def test_quantize_rounds_to_minor_unit() -> None:
    assert Money.of("10.005", "DKK").quantized().amount == Decimal("10.00")
    assert Money.of("10.5", "JPY").quantized().amount == Decimal("10")


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False),
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False),
)
def test_addition_is_exact(a: Decimal, b: Decimal) -> None:
    total = Money(a, "DKK") + Money(b, "DKK")
    assert total.amount == a + b
    assert (total - Money(b, "DKK")).amount == a
