"""Timestamps as Shopify writes them, and as its search syntax wants them."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 timestamp with an offset (`2026-11-24T09:15:00Z`), else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo is not None else None


def search_time(moment: datetime) -> str:
    """For `updated_at:>='…'` in an orders query."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
