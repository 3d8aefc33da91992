"""How values look on the wire: money, timestamps, connections with cursors."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar

from graphql import GraphQLError

from cancelapp.demoshop.model import Order, shop_amount

T = TypeVar("T")
MAX_PAGE = 250


def decimal_text(amount: Decimal) -> str:
    """Shopify's `Decimal` scalar: `449.0`, `129.95`, never exponent notation."""
    text = format(amount.normalize(), "f")
    return text if "." in text else f"{text}.0"


def money(amount: Decimal, currency: str) -> dict[str, str]:
    return {"amount": decimal_text(amount), "currencyCode": currency}


def money_bag(amount: Decimal, order: Order, shop_currency: str = "DKK") -> dict[str, Any]:
    """A `MoneyBag` for an amount in the order's presentment currency."""
    return {
        "shopMoney": money(shop_amount(amount, order.rate), shop_currency),
        "presentmentMoney": money(amount, order.presentment_currency),
    }


def timestamp(at: datetime | None) -> str | None:
    if at is None:
        return None
    return at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def encode_cursor(key: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode()


def decode_cursor(cursor: str) -> list[Any]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError) as exc:
        raise GraphQLError(f"Invalid cursor for current pagination sort: {cursor}") from exc
    if not isinstance(key, list):
        raise GraphQLError(f"Invalid cursor for current pagination sort: {cursor}")
    return key


def page_bounds(args: dict[str, Any]) -> tuple[int, bool]:
    """(page size, from the end) from `first`/`last`, checked as Shopify checks them."""
    first, last = args.get("first"), args.get("last")
    if first is None and last is None:
        raise GraphQLError("you must provide one of first or last")
    if first is not None and last is not None:
        raise GraphQLError("providing both first and last is not supported")
    size = first if first is not None else last
    assert isinstance(size, int)
    if size < 0 or size > MAX_PAGE:
        raise GraphQLError(f"The page size must be between 0 and {MAX_PAGE}, got {size}")
    return size, last is not None


def connection[T](
    items: Sequence[T],
    args: dict[str, Any],
    key: Callable[[T], list[Any]],
    *,
    descending: bool = False,
) -> dict[str, Any]:
    """A Relay connection over `items`, already sorted by `key`; cursors hold each item's sort
    key, so a page boundary stays put when items before it change or go away."""
    return keyed_connection([(key(item), item) for item in items], args, descending=descending)


def keyed_connection[T](
    keyed: list[tuple[list[Any], T]], args: dict[str, Any], *, descending: bool = False
) -> dict[str, Any]:
    """`connection` over (sort key, item) pairs already in order."""
    size, from_end = page_bounds(args)
    after, before = args.get("after"), args.get("before")
    if after:
        mark = decode_cursor(after)
        keyed = [(k, item) for k, item in keyed if (k < mark if descending else k > mark)]
    if before:
        mark = decode_cursor(before)
        keyed = [(k, item) for k, item in keyed if (k > mark if descending else k < mark)]
    if from_end:
        page = keyed[-size:] if size else []
        more_before, more_after = len(keyed) > size, bool(before)
    else:
        page = keyed[:size]
        more_before, more_after = bool(after), len(keyed) > size
    edges = [{"cursor": encode_cursor(k), "node": item} for k, item in page]
    return {
        "edges": edges,
        "nodes": [item for _, item in page],
        "pageInfo": {
            "hasNextPage": more_after,
            "hasPreviousPage": more_before,
            "startCursor": edges[0]["cursor"] if edges else None,
            "endCursor": edges[-1]["cursor"] if edges else None,
        },
    }
