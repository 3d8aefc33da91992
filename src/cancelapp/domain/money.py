"""Money as Decimal plus currency code; never float.

Rounding rule: amounts from Shopify are used as they come (they are already at the currency's
precision). The only amount CancelApp computes is a kept fee; it is rounded once, half to even,
to the currency's minor units from ISO 4217 (`currency_table`, see docs/currencies.md), and the
refund is what Shopify suggested less that fee, so it needs no rounding of its own. Display
and replies show an amount at its currency's places. A currency without known minor units
(XXX, or a code newer than the table) is never rounded: a fee on it is left to the merchant.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from cancelapp.domain.currency_table import MINOR_UNITS

_CODE = re.compile(r"[A-Z]{3,4}")  # ISO's three letters, or Shopify's USDC


class CurrencyMismatch(ValueError):
    """Two amounts in different currencies were combined."""


class NotACurrency(ValueError):
    """A currency code that is no `CurrencyCode` Shopify could send."""


class UnknownMinorUnits(ValueError):
    """The currency's decimal places are unknown, so an amount in it cannot be rounded."""


def minor_units(currency: str) -> int | None:
    """Decimal places of `currency`; None when there are none known. Never a default."""
    return MINOR_UNITS.get(currency)


@dataclass(frozen=True, order=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError(f"Money amount must be Decimal, got {type(self.amount).__name__}")
        if not isinstance(self.currency, str) or not _CODE.fullmatch(self.currency):
            raise NotACurrency(f"not a currency code: {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal("0"), currency)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        try:
            value = Decimal(amount)
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {amount!r}") from exc
        if not value.is_finite():
            raise ValueError(f"not an amount: {amount!r}")
        return cls(value, currency.upper())

    @classmethod
    def from_shopify(cls, money: dict[str, Any]) -> Money:
        """From a `MoneyV2` object: `{"amount": "449.00", "currencyCode": "DKK"}`."""
        return cls.of(str(money["amount"]), str(money["currencyCode"]))

    def to_shopify(self) -> dict[str, str]:
        """A `MoneyInput`, written at the currency's places when that changes no digit
        (Shopify's "23606.0" yen goes back as "23606"); never rounded here."""
        return {"amount": self.amount_text(), "currencyCode": self.currency}

    def amount_text(self) -> str:
        places = self.places
        if places is not None and self.fits_currency():
            with suppress(InvalidOperation):  # too many digits to requantize: as it is
                return format(self.amount.quantize(Decimal(1).scaleb(-places)), "f")
        return format(self.amount, "f")

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

    @property
    def places(self) -> int | None:
        """The currency's minor units (JPY 0, DKK 2, KWD 3); None when unknown."""
        return minor_units(self.currency)

    def quantized(self) -> Money:
        """Rounded half to even at the currency's minor units (the module's rounding rule)."""
        places = self.places
        if places is None:
            raise UnknownMinorUnits(f"no minor units known for {self.currency}")
        return Money(
            self.amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN),
            self.currency,
        )

    def shown(self) -> tuple[Decimal, int]:
        """The amount as people read it, and its places: at the currency's minor units, or as
        Shopify sent it when those are unknown."""
        places = self.places
        if places is not None:
            try:
                return self.quantized().amount, places
            except InvalidOperation:  # more digits than Decimal's context holds: as sent
                pass
        exponent = self.amount.as_tuple().exponent
        return self.amount, max(-exponent, 0) if isinstance(exponent, int) else 0

    def fits_currency(self) -> bool:
        """No more decimals than the currency has (trailing zeros aside): Shopify's test."""
        places = self.places
        if places is None:
            return True
        exponent = self.amount.normalize().as_tuple().exponent
        return isinstance(exponent, int) and -exponent <= places

    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:  # for logs and tests; the UI formats with the locale
        amount, places = self.shown()
        return f"{amount:.{places}f} {self.currency}"
