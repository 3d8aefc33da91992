"""Shopify global ids: `gid://shopify/Order/1001`."""

from __future__ import annotations

PREFIX = "gid://shopify/"


def gid(kind: str, number: int | str) -> str:
    return f"{PREFIX}{kind}/{number}"


def parse_gid(value: str) -> tuple[str, str] | None:
    """(`Order`, `1001`) from a gid; None for anything else. Query strings are ignored."""
    if not value.startswith(PREFIX):
        return None
    kind, _, rest = value[len(PREFIX) :].partition("/")
    number = rest.split("?", 1)[0]
    if not kind or not number:
        return None
    return kind, number


def gid_number(value: str, kind: str) -> int | None:
    """The numeric part of a gid of the given kind, or None."""
    parsed = parse_gid(value)
    if parsed is None or parsed[0] != kind or not parsed[1].isdigit():
        return None
    return int(parsed[1])
