"""Every field a policy file may contain: how its TOML value becomes a model value and back.

One table drives parsing, writing and the editor, so the three cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, RiskLevel
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.policy.errors import InvalidValueError
from cancelapp.policy.model import (
    SHOP_WINDOW,
    UNTIL_FULFILLMENT_WINDOW,
    CancelReason,
    FulfilledItems,
    Window,
    WindowKind,
)

E = TypeVar("E", bound=StrEnum)


# Beyond these a value is a typo, and dates or money built from it would overflow.
MAX_DAYS = 3650
MAX_AMOUNT = Decimal(10) ** 12


def _bad(template: str, **args: str | int) -> InvalidValueError:
    return InvalidValueError(Phrase("Policy", template, dict(args)))


# --- windows ---------------------------------------------------------------------------------

_UNIT_MINUTES = {"d": 24 * 60, "h": 60, "min": 1}
_UNIT_ALIASES = {
    "d": "d",
    "day": "d",
    "days": "d",
    "h": "h",
    "hour": "h",
    "hours": "h",
    "m": "min",
    "min": "min",
    "mins": "min",
    "minute": "min",
    "minutes": "min",
    # Danish, as a merchant types them: 24t, 2 dage, 30 minutter
    "t": "h",
    "time": "h",
    "timer": "h",
    "dag": "d",
    "dage": "d",
    "minut": "min",
    "minutter": "min",
}
_PART = re.compile(r"\s*(\d+)\s*([a-z]+)\s*")


def parse_window(value: object) -> Window:
    if not isinstance(value, str):
        raise _bad(QT_TRANSLATE_NOOP("Policy", 'write a time window in quotes, e.g. "24h"'))
    text = " ".join(value.strip().lower().split())
    if text == "shop":
        return SHOP_WINDOW
    if text == "until fulfillment":
        return UNTIL_FULFILLMENT_WINDOW
    if text.startswith("-"):
        raise _bad(
            QT_TRANSLATE_NOOP("Policy", "a time window can't be negative: {value}"), value=value
        )
    minutes, pos = 0, 0
    while pos < len(text):
        m = _PART.match(text, pos)
        if not m or m.group(2) not in _UNIT_ALIASES:
            raise _bad(
                QT_TRANSLATE_NOOP(
                    "Policy",
                    '"{value}" is not a time window: write e.g. "30min", "24h", "2d", "until fulfillment" or "shop"',  # noqa: E501
                ),
                value=value,
            )
        minutes += int(m.group(1)) * _UNIT_MINUTES[_UNIT_ALIASES[m.group(2)]]
        pos = m.end()
    if minutes <= 0:
        raise _bad(QT_TRANSLATE_NOOP("Policy", "a time window must be longer than zero"))
    if minutes > MAX_DAYS * 24 * 60:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Policy", 'a time window can be at most {days} days: write "until fulfillment"'
            ),
            days=MAX_DAYS,
        )
    return Window.fixed(minutes)


def format_window(window: Window) -> str:
    if window.kind is not WindowKind.FIXED:
        return window.kind.value
    days, rest = divmod(window.minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (mins, "min")) if n]
    return " ".join(parts)


# --- plain values ----------------------------------------------------------------------------


def parse_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _bad(QT_TRANSLATE_NOOP("Policy", "write true or false"))
    return value


def parse_text(value: object) -> str:
    if not isinstance(value, str):
        raise _bad(QT_TRANSLATE_NOOP("Policy", "write text in quotes"))
    return value.strip()


def parse_amount(value: object) -> Decimal:
    """An amount in the shop currency; TOML floats arrive as Decimal (parse_float=Decimal)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise _bad(QT_TRANSLATE_NOOP("Policy", "write an amount, e.g. 5000 or 49.95"))
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise _bad(QT_TRANSLATE_NOOP("Policy", '"{value}" is not an amount'), value=str(value))
    if amount < 0:
        raise _bad(
            QT_TRANSLATE_NOOP("Policy", "an amount can't be negative: {value}"), value=str(value)
        )
    if amount > MAX_AMOUNT:
        raise _bad(
            QT_TRANSLATE_NOOP("Policy", "{value} is more than any order: write a smaller amount"),
            value=str(value),
        )
    return amount


def parse_percent(value: object) -> Decimal:
    percent = parse_amount(value)
    if percent > 100:
        raise _bad(
            QT_TRANSLATE_NOOP("Policy", "a percentage can't be more than 100: {value}"),
            value=str(value),
        )
    return percent


def parse_days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(QT_TRANSLATE_NOOP("Policy", "write a whole number of days, e.g. 365"))
    if value <= 0:
        raise _bad(QT_TRANSLATE_NOOP("Policy", "the number of days must be at least 1"))
    if value > MAX_DAYS:
        raise _bad(
            QT_TRANSLATE_NOOP("Policy", "the number of days can be at most {days}"), days=MAX_DAYS
        )
    return value


def parse_texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(QT_TRANSLATE_NOOP("Policy", 'write a list in brackets, e.g. ["final-sale"]'))
    texts = tuple(dict.fromkeys(v.strip() for v in value if v.strip()))
    if not texts:
        raise _bad(QT_TRANSLATE_NOOP("Policy", "the list is empty: name at least one"))
    return texts


def _enum_name(value: str) -> str:
    return "_".join(value.replace("-", " ").split()).upper()


def enum_parser[E: StrEnum](enum: type[E]) -> Callable[[object], E]:
    def parse(value: object) -> E:
        allowed = ", ".join(e.value.lower() for e in enum)
        if isinstance(value, str):
            name = _enum_name(value)
            for member in enum:
                if member.name == name:
                    return member
        raise _bad(
            QT_TRANSLATE_NOOP("Policy", '"{value}" is not one of: {allowed}'),
            value=str(value),
            allowed=allowed,
        )

    return parse


def enum_set_parser[E: StrEnum](enum: type[E]) -> Callable[[object], frozenset[E]]:
    one = enum_parser(enum)

    def parse(value: object) -> frozenset[E]:
        if not isinstance(value, list):
            raise _bad(QT_TRANSLATE_NOOP("Policy", 'write a list in brackets, e.g. ["paid"]'))
        if not value:
            raise _bad(QT_TRANSLATE_NOOP("Policy", "the list is empty: name at least one"))
        return frozenset(one(v) for v in value)

    return parse


def format_enum_set(values: frozenset[StrEnum]) -> list[str]:
    order: list[StrEnum] = list(type(next(iter(values))))
    return [v.value.lower() for v in sorted(values, key=order.index)]


def format_amount(value: Decimal) -> Any:
    return int(value) if value == value.to_integral_value() else value


@dataclass(frozen=True)
class FieldSpec:
    parse: Callable[[object], Any]
    write: Callable[[Any], Any] = lambda v: v  # model value -> TOML-ready Python value


_WINDOW = FieldSpec(parse_window, format_window)
_BOOL = FieldSpec(parse_bool)
_AMOUNT = FieldSpec(parse_amount, format_amount)
_TEXTS = FieldSpec(parse_texts, lambda v: list(v))


def _enum(enum: type[StrEnum]) -> FieldSpec:
    return FieldSpec(enum_parser(enum), lambda v: v.value.lower())


def _enum_set(enum: type[StrEnum]) -> FieldSpec:
    return FieldSpec(enum_set_parser(enum), format_enum_set)


CONDITION_FIELDS: dict[str, FieldSpec] = {
    "placed_within": _WINDOW,
    "placed_outside": _WINDOW,
    "requested_within": _WINDOW,
    "requested_outside": _WINDOW,
    "financial_status": _enum_set(FinancialStatus),
    "fulfillment_status": _enum_set(FulfillmentStatus),
    "fulfilled_items": _enum(FulfilledItems),
    "on_hold": _BOOL,
    "at_fulfillment_service": _BOOL,
    "sent_to_fulfillment_service": _BOOL,
    "total_above": _AMOUNT,
    "total_below": _AMOUNT,
    "order_tags_any": _TEXTS,
    "order_tags_none": _TEXTS,
    "product_tags_any": _TEXTS,
    "product_tags_none": _TEXTS,
    "customer_tags_any": _TEXTS,
    "customer_tags_none": _TEXTS,
    "risk_at_least": _enum(RiskLevel),
    "risk_at_most": _enum(RiskLevel),
    "active_return": _BOOL,
    "cancelled": _BOOL,
    "test": _BOOL,
    "gateway_any": _TEXTS,
}

ACTION_FIELDS: dict[str, FieldSpec] = {
    "refund": _enum(RefundMethod),
    "store_credit_expires_days": FieldSpec(parse_days),
    "restock": _BOOL,
    "notify": _BOOL,
    "reason": _enum(CancelReason),
    "fee_percent": FieldSpec(parse_percent, format_amount),
    "fee_fixed": _AMOUNT,
}

RULE_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec(parse_text),
    "verdict": _enum(Outcome),
    "why": FieldSpec(parse_text),
    "reply": FieldSpec(parse_text),
}
