"""Money as Decimal plus currency code; never float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any


class CurrencyMismatch(ValueError):
    """Two amounts in different currencies were combined."""


@dataclass(frozen=True, order=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError(f"Money amount must be Decimal, got {type(self.amount).__name__}")
        if len(self.currency) != 3 or not self.currency.isalpha():
            raise ValueError(f"not a currency code: {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal("0"), currency)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        try:
            return cls(Decimal(amount), currency.upper())
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {amount!r}") from exc

    @classmethod
    def from_shopify(cls, money: dict[str, Any]) -> Money:
        """From a `MoneyV2` object: `{"amount": "449.00", "currencyCode": "DKK"}`."""
        return cls.of(str(money["amount"]), str(money["currencyCode"]))

    def to_shopify(self) -> dict[str, str]:
        return {"amount": format(self.amount, "f"), "currencyCode": self.currency}

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        return Money(self.amount * Decimal(factor), self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def quantized(self) -> Money:
        """Rounded to the currency's minor unit (two decimals; JPY-like currencies excepted)."""
        places = Decimal("1") if self.currency in ZERO_DECIMAL_CURRENCIES else Decimal("0.01")
        return Money(self.amount.quantize(places), self.currency)

    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:  # for logs and tests; the UI formats with the locale
        return f"{self.amount:.2f} {self.currency}"


ZERO_DECIMAL_CURRENCIES = frozenset({"JPY", "KRW", "ISK", "CLP", "VND", "XAF", "XOF"})
